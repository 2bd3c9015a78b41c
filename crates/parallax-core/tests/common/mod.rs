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

/// A synthetic corpus, plus `count` near copies of one of its reports spread through it: each
/// has its own title and one sentence of its own at the end.
pub fn corpus_with_near_copies(count: usize) -> Vec<SourceFile> {
    let mut files = synth_files(150, 5);
    let n = files.len();
    let source = n / 3;
    let text = String::from_utf8(files[source].bytes.clone()).unwrap();
    let body = text
        .split_once('\n')
        .map_or("", |(_, rest)| rest)
        .trim_end();
    let extra: Vec<SourceFile> = (0..count)
        .map(|k| {
            let after = &files[(source + 1 + k * 5) % n].name;
            SourceFile {
                name: format!("{after}~near{k}.txt"),
                bytes: format!("Near copy {k} under its own title\n{}\n", own_line(body, k))
                    .into_bytes(),
            }
        })
        .collect();
    files.extend(extra);
    // A line a spokesperson repeats at three briefings: a stock line.
    for (k, date) in ["4 March 2024", "9 April 2024", "14 May 2024"]
        .iter()
        .enumerate()
    {
        files.push(SourceFile {
            name: format!("stock-{k}.txt"),
            bytes: format!(
                "Spokesperson repeats a line, briefing {k}\n\n{date}\n\n\
                 At a press briefing on {date}, the spokesperson took questions on trade number {k}. \
                 “We have a shared interest in combating threats to regional security,” he said.\n"
            )
            .into_bytes(),
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// `body` with a sentence of copy `k`'s own at the end of its first long paragraph.
fn own_line(body: &str, k: usize) -> String {
    let mut done = false;
    body.lines()
        .map(|line| {
            if !done && line.len() > 100 {
                done = true;
                format!("{line} The {} desk filed this version.", desk(k))
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A name of two words for desk `k`, different for every `k` below 676.
fn desk(k: usize) -> String {
    const WORDS: [&str; 26] = [
        "amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbor", "iris", "juniper",
        "kestrel", "lagoon", "maple", "north", "olive", "pine", "quartz", "river", "slate",
        "tundra", "umber", "valley", "willow", "xenon", "yarrow", "zephyr",
    ];
    format!("{} {}", WORDS[k % 26], WORDS[k / 26 % 26])
}
