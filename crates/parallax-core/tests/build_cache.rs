//! What the build cache keeps besides features and pairs (each file's name counts, the parse of
//! metadata.toml): a rebuild through it equals a build without it after each kind of change.

mod common;

use common::synth_folder;

use parallax_core::corpus_dir::{load_dir, load_dir_cached};
use parallax_core::progress::NoProgress;
use parallax_core::Corpus;
use std::path::Path;

/// Builds `dir` through `cache`, checks it equals a build without the cache, and returns it.
fn rebuilt(dir: &Path, cache: &Path) -> Corpus {
    let cached = load_dir_cached(dir, &NoProgress, Some(cache)).unwrap();
    assert_eq!(cached.cache_problem, None);
    let full = load_dir(dir).unwrap();
    assert_eq!(cached.corpus, full);
    full
}

/// The full name of a person in the most files, and those files (indices into `files`).
fn most_named(files: &[(String, String)], corpus: &Corpus) -> (String, Vec<usize>) {
    let mut named: Vec<(&String, usize)> = Vec::new();
    for r in &corpus.reports {
        let file = files.iter().position(|f| f.0 == r.file).unwrap();
        named.extend(
            r.people
                .iter()
                .filter(|n| n.contains(' '))
                .map(|n| (n, file)),
        );
    }
    named.sort();
    named.dedup();
    let files_naming = |name: &String| -> Vec<usize> {
        named.iter().filter(|n| n.0 == name).map(|n| n.1).collect()
    };
    let best = named
        .iter()
        .map(|n| n.0)
        .max_by_key(|&n| files_naming(n).len())
        .expect("the synthetic corpus names people");
    (best.clone(), files_naming(best))
}

/// Names are unified over the corpus from counts kept per file: when edits to some files make
/// another spelling the majority, the unchanged files' names follow, as in a full build.
#[test]
fn a_rebuild_unifies_names_as_a_full_build_does() {
    let (dir, files) = synth_folder(40, 7);
    let cache = tempfile::tempdir().unwrap();
    let first = rebuilt(dir.path(), cache.path());
    let (name, holding) = most_named(&files, &first);
    assert!(holding.len() >= 3, "{name} is named in {holding:?}");
    // A spelling variant of the given name ("Jane Roe" → "Janee Roe") in all files but one.
    let (given, surname) = name.split_once(' ').unwrap();
    let variant = format!("{given}{} {surname}", given.chars().last().unwrap());
    for &i in &holding[1..] {
        let (file, text) = &files[i];
        std::fs::write(dir.path().join(file), text.replace(&name, &variant)).unwrap();
    }
    let after = rebuilt(dir.path(), cache.path());
    let unchanged = &files[holding[0]].0;
    let people_of_unchanged: Vec<&String> = after
        .reports
        .iter()
        .filter(|r| &r.file == unchanged)
        .flat_map(|r| &r.people)
        .collect();
    // The test means something only if the majority moved the unchanged file's spelling.
    assert!(
        people_of_unchanged.contains(&&variant),
        "{people_of_unchanged:?}"
    );
    // Back again, and two files trading places (their reports reorder).
    for &i in &holding[1..] {
        std::fs::write(dir.path().join(&files[i].0), &files[i].1).unwrap();
    }
    std::fs::write(dir.path().join(&files[0].0), &files[1].1).unwrap();
    std::fs::write(dir.path().join(&files[1].0), &files[0].1).unwrap();
    rebuilt(dir.path(), cache.path());
}

/// The parse of metadata.toml is kept by its text and the corpus's file names: a metadata
/// change, and a file named in it going away or coming back, give what a full build gives.
#[test]
fn a_rebuild_reads_metadata_as_a_full_build_does() {
    let (dir, files) = synth_folder(12, 5);
    let cache = tempfile::tempdir().unwrap();
    let meta = format!("[files.\"{}\"]\noutlet = \"Example Times\"\n", files[3].0);
    std::fs::write(dir.path().join("metadata.toml"), &meta).unwrap();
    rebuilt(dir.path(), cache.path());
    let kept = rebuilt(dir.path(), cache.path());
    assert!(kept
        .reports
        .iter()
        .any(|r| r.outlet.as_deref() == Some("Example Times")));
    // The file it names goes: the same text now warns of metadata for a missing file.
    std::fs::remove_file(dir.path().join(&files[3].0)).unwrap();
    let gone = rebuilt(dir.path(), cache.path());
    assert!(gone
        .diagnostics
        .iter()
        .any(|d| d.file == "metadata.toml" && d.message.contains("not a file of the corpus")));
    std::fs::write(dir.path().join(&files[3].0), &files[3].1).unwrap();
    rebuilt(dir.path(), cache.path());
    // Another outlet.
    std::fs::write(
        dir.path().join("metadata.toml"),
        meta.replace("Example", "Other"),
    )
    .unwrap();
    let other = rebuilt(dir.path(), cache.path());
    assert!(other
        .reports
        .iter()
        .any(|r| r.outlet.as_deref() == Some("Other Times")));
}
