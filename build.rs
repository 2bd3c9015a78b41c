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
    println!("cargo:rerun-if-changed={}", dir.display());
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            println!("cargo:rerun-if-changed={}", entry.path().display());
        }
    }
    let mut corpus = match parallax_core::corpus_dir::load_dir(&dir) {
        Ok(corpus) => corpus,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
                println!("cargo:warning={e}");
            }
            eprintln!("{} error(s) in the corpus at {}: the explorer was not built", errors.len(), dir.display());
            std::process::exit(1);
        }
    };
    for d in &corpus.diagnostics {
        println!("cargo:warning={d}");
    }
    keep_evidence_the_page_can_regroup(&mut corpus);
    let bytes = postcard::to_allocvec(&corpus).expect("the corpus serialises");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.postcard");
    std::fs::write(&out, bytes).expect("OUT_DIR is writable");
}

/// The page's threshold control only moves the near-duplicate Jaccard, and only down to
/// `url_state::THRESHOLD_PERCENT_RANGE`'s start. Lowering it can only promote pairs, so a pair
/// unrelated at that lowest value is unrelated at every value the reader can pick: embedding its
/// evidence would only cost bytes (thousands of such pairs in a few hundred reports).
fn keep_evidence_the_page_can_regroup(corpus: &mut parallax_core::Corpus) {
    use parallax_core::analysis::pairs::{classify, Thresholds};
    let lowest = Thresholds {
        near_duplicate_jaccard: f32::from(*parallax_core::url_state::THRESHOLD_PERCENT_RANGE.start()) / 100.0,
        ..Thresholds::default()
    };
    corpus.evidence.retain(|p| classify(p, &lowest).0 != parallax_core::Relation::Unrelated);
}
