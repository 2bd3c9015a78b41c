//! Build step: embeds the analysed corpus that `parallax build` wrote (`make data` runs it).
//!
//! The analysis is not run here: cargo hides a build script's output, and at 100,000 reports the
//! analysis takes minutes, so it is a step of its own with visible progress. This script only
//! names the file for `include_bytes!` (src/lib.rs): `PARALLAX_DATA` (an absolute path, or one
//! relative to the workspace), by default `target/parallax-data/corpus.postcard` in the workspace.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=PARALLAX_DATA");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = match std::env::var_os("PARALLAX_DATA") {
        Some(p) => root.join(p),
        None => root.join("target/parallax-data/corpus.postcard"),
    };
    // Cargo reads its directives line by line: a path with a line break would add directives of
    // its own. `escape_debug` shows such a path without letting it act.
    let Some(shown) = path.to_str().filter(|p| !p.chars().any(char::is_control)) else {
        let shown = path.to_string_lossy().escape_debug().to_string();
        fail(&format!(
            "{shown}: the analysed corpus's path has a control character or is not UTF-8: move it"
        ));
    };
    check(&path, shown);
    println!("cargo:rerun-if-changed={shown}");
    println!("cargo:rustc-env=PARALLAX_DATA_FILE={shown}");
}

/// A cheap check without the core (which would make every build of the app compile it twice):
/// the file is there, regular and not empty. Its content is decoded by the app's native tests.
fn check(path: &Path, shown: &str) {
    let hint = format!("run `make dist` (or `parallax build corpus --out {shown}`) first");
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() > 0 => {}
        Ok(m) if m.is_file() => fail(&format!("the analysed corpus at {shown} is empty: {hint}")),
        Ok(_) => fail(&format!(
            "the analysed corpus at {shown} is not a file: {hint}"
        )),
        Err(_) => fail(&format!("no analysed corpus at {shown}: {hint}")),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
