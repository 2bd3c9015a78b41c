//! Build step: parse and analyse the corpus folder into the model, serialised for the wasm.
//!
//! The folder is `corpus/` unless `PARALLAX_CORPUS` names another. Errors stop the build and
//! are all listed at once; warnings are printed and also embedded (the page shows them).

use std::path::PathBuf;

fn main() {
    let dir = std::env::var_os("PARALLAX_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus"));
    println!("cargo:rerun-if-env-changed=PARALLAX_CORPUS");
    // Cargo reads these lines one by one: a path with a line break would add directives of its
    // own. Printed diagnostics are escaped (`Diagnostic`'s Display) for the same reason.
    let Some(watch) = parallax_core::corpus_dir::watch_paths(&dir) else {
        let shown = parallax_core::escape_controls(&dir.to_string_lossy()).into_owned();
        eprintln!("error: {shown}: the corpus folder's path has a control character or is not UTF-8: rename it");
        std::process::exit(1);
    };
    for path in &watch {
        println!("cargo:rerun-if-changed={path}");
    }
    let corpus = match parallax_core::corpus_dir::load_dir(&dir) {
        Ok(corpus) => corpus,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
                println!("cargo:warning={e}");
            }
            eprintln!(
                "{} error(s) in the corpus at {}: the explorer was not built",
                errors.len(),
                watch[0]
            );
            std::process::exit(1);
        }
    };
    for d in &corpus.diagnostics {
        println!("cargo:warning={d}");
    }
    let bytes = postcard::to_allocvec(&corpus).expect("the corpus serialises");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("corpus.postcard");
    std::fs::write(&out, bytes).expect("OUT_DIR is writable");
}
