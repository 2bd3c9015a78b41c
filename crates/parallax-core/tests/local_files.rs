//! Files opened in the page (`corpus_dir::build_from_files`, run by the page's worker) against
//! the folder loader: the same files give the same site, byte for byte; a bad file is left out
//! with its error while the rest loads.

use parallax_core::chrono::NaiveDate;
use parallax_core::corpus_dir::{build_from_files, load_dir};
use parallax_core::local_files::{LocalFile, LocalJob, LocalSite};
use parallax_core::progress::NoProgress;
use parallax_core::site::write_site;
use parallax_core::{Diagnostic, Level};
use std::path::{Path, PathBuf};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn files_of(dir: &Path) -> Vec<LocalFile> {
    let mut files: Vec<LocalFile> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| LocalFile {
            name: e.file_name().to_string_lossy().into_owned(),
            bytes: std::fs::read(e.path()).unwrap(),
        })
        .collect();
    // The page gives files in the order the reader picked them: not sorted.
    files.reverse();
    files
}

fn today() -> NaiveDate {
    parallax_core::ParseOptions::at(std::time::SystemTime::now()).today
}

fn job(files: Vec<LocalFile>) -> LocalJob {
    LocalJob {
        files,
        published_topics: Vec::new(),
        today: today(),
        unreadable: Vec::new(),
    }
}

fn build(files: Vec<LocalFile>) -> Result<LocalSite, Vec<Diagnostic>> {
    build_from_files(job(files), &NoProgress)
}

fn file(name: &str, bytes: &[u8]) -> LocalFile {
    LocalFile {
        name: name.into(),
        bytes: bytes.to_vec(),
    }
}

#[test]
fn the_seeds_give_the_folder_builds_site_byte_for_byte() {
    let dir = seeds_dir();
    let folder = write_site(load_dir(&dir).expect("the seeds load")).unwrap();
    let local = build(files_of(&dir)).expect("the seeds load from memory");
    assert_eq!(local.catalogue, folder.catalogue);
    let names: Vec<&str> = local.files.iter().map(|f| f.name.as_str()).collect();
    let folder_names: Vec<&str> = folder.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, folder_names);
    assert!(local
        .files
        .iter()
        .zip(&folder.files)
        .all(|(a, b)| a.bytes == b.bytes));
    assert!(local.problems.is_empty(), "{:?}", local.problems);
    assert_eq!(local.reports, 6);
    assert_eq!((local.files_given, local.files_loaded), (5, 5));
}

#[test]
fn bad_files_are_left_out_with_their_errors_and_the_rest_loads() {
    let dir = seeds_dir();
    let clean = build(files_of(&dir)).unwrap();
    let mut files = files_of(&dir);
    files.push(file("empty.txt", b""));
    files.push(file("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0IHDR"));
    files.push(file("latin1.txt", b"Caf\xe9 talks\n\nA body line.\n"));
    files.push(file("notes.md", b"# not a report"));
    files.push(file("sub/inner.txt", b"A title\n\nA body.\n"));
    files.push(file(".DS_Store", b"\0\0"));
    let mut with_unreadable = job(files);
    with_unreadable.unreadable = vec!["a folder".into()];
    let local = build_from_files(with_unreadable, &NoProgress).expect("the good files load");
    assert_eq!(
        local.catalogue, clean.catalogue,
        "the bad files change nothing"
    );
    let said: Vec<(String, Level, String)> = local
        .problems
        .iter()
        .map(|d| (d.file.clone(), d.level, d.message.clone()))
        .collect();
    let expect = |name: &str, level: Level, start: &str| {
        assert!(
            said.iter()
                .any(|(f, l, m)| f == name && *l == level && m.starts_with(start)),
            "{name}: {start} in {said:?}"
        );
    };
    expect("empty.txt", Level::Error, "the file is empty");
    expect("image.txt", Level::Error, "binary data");
    expect("latin1.txt", Level::Error, "not UTF-8 text");
    expect("notes.md", Level::Warning, "skipped: not a .txt file");
    expect("sub/inner.txt", Level::Warning, "skipped: in a subfolder");
    expect("a folder", Level::Error, "could not be read");
    assert_eq!(said.len(), 6, "the dotfile is not mentioned: {said:?}");
    assert_eq!((local.files_given, local.files_loaded), (9, 5));
}

#[test]
fn files_whose_ids_clash_or_repeat_keep_the_first() {
    let body =
        b"Talks resume in Islamabad\n\nApril 13, 2024\n\nISLAMABAD: Talks resumed on Friday.\n";
    let local = build(vec![
        file("a b.txt", body),
        file("a-b.txt", body),
        file("c.txt", body),
        file("c.txt", b"Other"),
    ])
    .unwrap();
    assert_eq!(local.reports, 2);
    let files: Vec<&str> = local.problems.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["a-b.txt", "c.txt"]);
}

#[test]
fn sidecars_come_with_the_files_and_a_bad_one_is_said_and_ignored() {
    let body = b"Water sharing talks resume\n\nApril 13, 2024\n\nISLAMABAD: Talks on water sharing resumed on Friday.\n\nWater sharing is the first item, and water sharing the last.\n";
    let topics = b"[[topic]]\nid = \"water\"\nlabel = \"Water\"\nphrases = [\"water sharing\"]\n";
    let meta = b"[files.\"a.txt\"]\noutlet = \"Daily Example\"\n";
    let with = build(vec![
        file("a.txt", body),
        file("topics.toml", topics),
        file("metadata.toml", meta),
    ])
    .unwrap();
    assert!(with.problems.is_empty(), "{:?}", with.problems);
    let catalogue: parallax_core::site::Catalogue = postcard::from_bytes(
        &with
            .files
            .iter()
            .find(|f| f.name == with.catalogue)
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert_eq!(
        catalogue.topics.len(),
        1,
        "the files' own lexicon, not the published one"
    );
    let report = &catalogue.reports[0];
    assert_eq!(report.outlet.as_deref(), Some("Daily Example"));
    assert_eq!(
        report.topics.first().map(|t| t.topic.as_str()),
        Some("water")
    );

    // Without a topics.toml the published lexicon is used.
    let published = parallax_core::corpus_dir::parse_topics(
        "topics.toml",
        std::str::from_utf8(topics).unwrap(),
    )
    .unwrap();
    let mut without = job(vec![file("a.txt", body)]);
    without.published_topics = published;
    let without = build_from_files(without, &NoProgress).unwrap();
    assert_eq!(without.catalogue, with_topics_only(body, topics).catalogue);

    let bad = build(vec![
        file("a.txt", body),
        file("metadata.toml", b"[files.\"a.txt\"]\noutlet = 3\n"),
        file("topics.toml", b"[[topic]]\nid = \"x\"\n"),
    ])
    .unwrap();
    let files: Vec<&str> = bad.problems.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["metadata.toml", "topics.toml"]);
    assert_eq!(bad.reports, 1, "the report loads without them");
}

#[test]
fn nothing_usable_is_an_error_naming_every_file() {
    let errors = build(vec![file("empty.txt", b""), file("blank.txt", b"  \n\n")]).unwrap_err();
    let files: Vec<&str> = errors.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["blank.txt", "empty.txt"]);
    let errors = build(vec![file("notes.md", b"x")]).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("no report could be read"));
}

#[test]
fn synthetic_reports_with_their_metadata_give_the_folder_builds_site() {
    let dir = tempfile::tempdir().unwrap();
    let synth = parallax_synth::generate(&parallax_synth::SynthConfig::new(24, 7));
    synth.write_dir(dir.path()).unwrap();
    std::fs::remove_file(dir.path().join("truth.json")).unwrap();
    let folder = load_dir(dir.path()).expect("the synthetic corpus loads");
    assert!(
        folder.pairs.len() > 5,
        "planted relations are found: {}",
        folder.pairs.len()
    );
    let folder = write_site(folder).unwrap();
    let local = build(files_of(dir.path())).expect("the same files load from memory");
    assert_eq!(local.catalogue, folder.catalogue);
    assert_eq!(local.reports, 24);
}

/// The site of one report file and a topics.toml.
fn with_topics_only(body: &[u8], topics: &[u8]) -> LocalSite {
    build(vec![file("a.txt", body), file("topics.toml", topics)]).unwrap()
}

#[test]
fn the_site_files_come_sorted_by_name_for_the_page_to_look_up() {
    let local = build(files_of(&seeds_dir())).unwrap();
    assert!(local.files.windows(2).all(|w| w[0].name < w[1].name));
}
