//! A whole corpus folder through `parallax_core::corpus_dir::load_dir`, as the build step reads
//! it: a few files with any names and bytes, and optionally `metadata.toml` and `topics.toml`
//! (the input format is `parallax_fuzz::FolderInput`).
//!
//! It writes the folder to a temporary directory and calls `load_dir` itself, not the pure pieces
//! (`metadata::parse_toml`, `corpus_dir::parse_topics`, `build_corpus`): the file system costs
//! far less than parsing and analysing the files, and this way the glue is fuzzed too (which
//! files count, errors gathered and sorted, warnings kept). One directory per fuzzing process,
//! emptied before each input (see `folder`).
//!
//! Invariants: an Err holds only errors, sorted; an Ok corpus holds the corpus invariants
//! (`parallax_fuzz::check_corpus`), no error diagnostics, reports only from `*.txt` files with
//! indices 0, 1, … per file, the lexicon as `parse_topics` reads it, and the curator's metadata
//! wins (outlet, url, title and dates as `metadata::parse_toml` reads them).
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::corpus_dir::{load_dir, parse_topics, METADATA_FILE, TOPICS_FILE};
use parallax_core::{metadata, DateBasis};
use parallax_fuzz::{check_corpus, check_errors, FolderInput};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The folder this process writes each input to: under PARALLAX_FUZZ_TMP (fuzz/run.sh sets it to
/// a directory it removes afterwards), else under the system's temp dir.
fn folder() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        std::env::var_os("PARALLAX_FUZZ_TMP")
            .map(PathBuf::from)
            .unwrap_or_else(std::env::temp_dir)
            .join(format!("parallax-fuzz-folder-{}", std::process::id()))
    })
}

/// PARALLAX_FUZZ_DEBUG=1 prints each decoded folder (to check seeds and reproduce findings).
fn debug() -> bool {
    static DEBUG: OnceLock<bool> = OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("PARALLAX_FUZZ_DEBUG").is_some())
}

fuzz_target!(|input: FolderInput| {
    if debug() {
        let len = |b: &Option<Vec<u8>>| b.as_ref().map(Vec::len);
        eprintln!(
            "folder: {:?}, metadata.toml {:?} bytes, topics.toml {:?} bytes",
            input
                .files
                .iter()
                .map(|f| (&f.name, f.bytes.len()))
                .collect::<Vec<_>>(),
            len(&input.metadata),
            len(&input.topics)
        );
    }
    let dir = folder();
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("temp dir");
    for f in &input.files {
        std::fs::write(dir.join(&f.name), &f.bytes).expect("write a corpus file");
    }
    if let Some(m) = &input.metadata {
        std::fs::write(dir.join(METADATA_FILE), m).expect("write metadata.toml");
    }
    if let Some(t) = &input.topics {
        std::fs::write(dir.join(TOPICS_FILE), t).expect("write topics.toml");
    }
    let txt: Vec<&str> = input
        .files
        .iter()
        .map(|f| f.name.as_str())
        // The loader takes the extension in any case (`A.TXT`).
        .filter(|n| {
            Path::new(n)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        })
        .collect();

    let corpus = match load_dir(dir) {
        Err(errors) => {
            check_errors(&errors);
            if txt.is_empty() {
                assert!(
                    errors.iter().any(|e| e.message.contains("no .txt file")),
                    "a folder without .txt files says so: {errors:?}"
                );
            }
            return;
        }
        Ok(corpus) => corpus,
    };
    assert!(!txt.is_empty(), "a corpus needs a .txt file");
    check_corpus(&corpus);
    assert!(
        corpus
            .diagnostics
            .iter()
            .all(|d| d.level != parallax_core::Level::Error),
        "an Ok corpus has no error diagnostics"
    );
    let mut next_index: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &corpus.reports {
        assert!(
            txt.contains(&r.file.as_str()),
            "report {} comes from a .txt file",
            r.id
        );
        let next = next_index.entry(r.file.as_str()).or_default();
        assert_eq!(
            r.index, *next,
            "reports of {} are numbered 0, 1, … in order",
            r.file
        );
        *next += 1;
    }
    // Ok means both sidecars were valid UTF-8 and valid TOML.
    let text = |b: &Option<Vec<u8>>| {
        b.as_ref()
            .map(|b| String::from_utf8(b.clone()).expect("Ok: UTF-8"))
    };
    let topics = match text(&input.topics) {
        Some(t) => parse_topics(TOPICS_FILE, &t).expect("Ok: a valid lexicon"),
        None => Vec::new(),
    };
    assert!(
        corpus.topics == topics,
        "the corpus carries the lexicon as parse_topics reads it"
    );
    if let Some(m) = text(&input.metadata) {
        let (meta, _) = metadata::parse_toml(&m, METADATA_FILE, &txt);
        for r in &corpus.reports {
            let Some(fm) = meta.files.get(&r.file) else {
                continue;
            };
            let want = fm.for_report(r.index);
            if let Some(o) = &want.outlet {
                assert_eq!(
                    r.outlet.as_ref(),
                    Some(o),
                    "metadata outlet wins for {}",
                    r.id
                );
            }
            if let Some(u) = &want.url {
                assert_eq!(r.url.as_ref(), Some(u), "metadata url wins for {}", r.id);
            }
            if let Some(t) = &want.title {
                assert_eq!(&r.title, t, "metadata title wins for {}", r.id);
            }
            if let Some(p) = want.published {
                assert_eq!(
                    (r.published, r.published_basis),
                    (Some(p), DateBasis::Metadata),
                    "metadata publication date wins for {}",
                    r.id
                );
            }
            if let Some(e) = want.event_date {
                assert_eq!(
                    (r.event_date, r.event_date_basis),
                    (Some(e), DateBasis::Metadata),
                    "metadata event date wins for {}",
                    r.id
                );
            }
        }
    }
});
