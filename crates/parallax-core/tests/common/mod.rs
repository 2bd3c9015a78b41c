//! Helpers shared by the integration tests.
#![allow(dead_code)]

use parallax_core::metadata::Metadata;
use parallax_core::{build_corpus, Corpus, NaiveDate, ParseOptions, Report, SourceFile};
use std::path::{Path, PathBuf};

/// The build date the tests parse with: fixed, so no result changes with the calendar.
pub fn options() -> ParseOptions {
    ParseOptions::new(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap())
}

/// `ingest::parse_file` at the tests' build date.
pub fn parse_file(name: &str, bytes: &[u8]) -> parallax_core::ingest::ParsedFile {
    parallax_core::ingest::parse_file(name, bytes, &options())
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn read_files(dir: &Path) -> Vec<SourceFile> {
    let mut files: Vec<SourceFile> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| SourceFile {
            name: e.file_name().to_string_lossy().into_owned(),
            bytes: std::fs::read(e.path()).unwrap(),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// Parses a folder the way the build does, with its metadata.toml when present.
pub fn parse_dir(dir: &Path) -> Corpus {
    let files = read_files(dir);
    let meta = match std::fs::read_to_string(dir.join("metadata.toml")) {
        Ok(text) => {
            let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
            let (meta, diags) = parallax_core::metadata::parse_toml(&text, "metadata.toml", &names);
            assert!(diags.is_empty(), "{diags:?}");
            meta
        }
        Err(_) => Metadata::default(),
    };
    build_corpus(&files, &meta, &[], &options())
}

/// A hand-written corpus of `tests/corpora/NAME`, parsed the way the build does.
pub fn corpus(name: &str) -> Corpus {
    parse_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/corpora")
            .join(name),
    )
}

/// `Some` of an ISO date, for comparing with a report's dates.
pub fn date(s: &str) -> Option<NaiveDate> {
    Some(s.parse().unwrap())
}

/// A report's body paragraphs, one per line.
pub fn body(r: &Report) -> String {
    r.paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The files of `n` parallax-synth reports (seed `seed`), sorted by name.
pub fn synth_files(n: usize, seed: u64) -> Vec<SourceFile> {
    let synth = parallax_synth::generate(&parallax_synth::SynthConfig::new(n, seed));
    let mut files: Vec<SourceFile> = synth
        .files
        .iter()
        .map(|f| SourceFile::new(f.name.as_str(), f.text.as_bytes()))
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// A folder of `n` parallax-synth reports, and its files (name, text).
pub fn synth_folder(n: usize, seed: u64) -> (tempfile::TempDir, Vec<(String, String)>) {
    let synth = parallax_synth::generate(&parallax_synth::SynthConfig::new(n, seed));
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<(String, String)> = synth
        .files
        .iter()
        .map(|f| (f.name.clone(), f.text.clone()))
        .collect();
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    (dir, files)
}

/// Each report's index by id.
pub fn positions(c: &Corpus) -> std::collections::HashMap<&str, u32> {
    c.reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i as u32))
        .collect()
}

/// Of all pairs, those the page can show as related at some value of its threshold control.
pub fn kept_by_page(full: &[parallax_core::Pair]) -> Vec<parallax_core::Pair> {
    use parallax_core::analysis::pairs::regroupable_by_control;
    full.iter()
        .filter(|p| p.relation != parallax_core::Relation::Unrelated || regroupable_by_control(p))
        .cloned()
        .collect()
}
