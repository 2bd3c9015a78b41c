//! `parallax build DIR --out FILE` as the Makefile runs it: what it writes, what it prints off a
//! terminal (one summary line), and that errors leave nothing behind.

use parallax_core::Corpus;
use std::path::Path;
use std::process::{Command, Output};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");

const REPORT: &str = "Trade talks between Pakistan and the US resume\n\nApril 13, 2024\n\n\
WASHINGTON: Talks on trade between Pakistan and the United States will resume next week, the \
State Department said.\n\n\"We welcome this step and the talks that follow it,\" Matthew Miller \
said at a press briefing on Thursday.\n";

fn build(dir: &Path, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("build")
        .arg(dir)
        .arg("--out")
        .arg(out)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}

fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_file_decodes_into_the_corpus_the_loader_builds() {
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("corpus.postcard");
    let run = build(Path::new(CORPUS), &out);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let bytes = std::fs::read(&out).unwrap();
    let written: Corpus = postcard::from_bytes(&bytes).expect("a postcard corpus");
    let loaded = parallax_core::corpus_dir::load_dir(Path::new(CORPUS)).unwrap();
    assert_eq!(written, loaded);
    assert!(!written.reports.is_empty());
    // Only the file: no temporary file is left beside it.
    assert_eq!(names(out_dir.path()), ["corpus.postcard"]);
}

#[test]
fn off_a_terminal_a_clean_corpus_prints_one_summary_line() {
    let dir = folder(&[("a.txt", REPORT.as_bytes()), ("b.txt", REPORT.as_bytes())]);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("c.postcard");
    let run = build(dir.path(), &out);
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(text(&run.stdout), "");
    let err = text(&run.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    let size = std::fs::metadata(&out).unwrap().len();
    let prefix = "parallax build: 2 reports, 1 related pair, 1 story, 0 warnings, ";
    assert!(err.starts_with(prefix), "{err}");
    assert!((1_000..1_000_000).contains(&size), "{size}");
    let suffix = format!(" s -> {} ({:.1} KB)\n", out.display(), size as f64 / 1e3);
    assert!(err.ends_with(&suffix), "{err}\nshould end with {suffix}");
}

#[test]
fn errors_write_nothing_and_leave_no_partial_file() {
    let dir = folder(&[
        ("a.txt", REPORT.as_bytes()),
        ("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        ("empty.txt", b""),
    ]);
    let out_dir = tempfile::tempdir().unwrap();
    // A file from an earlier build stays as it was.
    let out = out_dir.path().join("corpus.postcard");
    std::fs::write(&out, b"earlier").unwrap();
    let run = build(dir.path(), &out);
    assert_eq!(run.status.code(), Some(1));
    let err = text(&run.stderr);
    let expected = format!(
        "error: empty.txt: the file is empty\n\
         error: image.txt:3: binary data (a NUL byte): not a text file\n\
         2 error(s) in the corpus at {}: nothing was written\n",
        dir.path().display()
    );
    assert_eq!(err, expected);
    assert_eq!(std::fs::read(&out).unwrap(), b"earlier");
    assert_eq!(names(out_dir.path()), ["corpus.postcard"]);
    // Into a folder that does not exist: it is not even created.
    let missing = out_dir.path().join("new");
    let run = build(dir.path(), &missing.join("c.postcard"));
    assert_eq!(run.status.code(), Some(1));
    assert!(!missing.exists());
}

#[test]
fn out_into_a_missing_folder_creates_it() {
    let dir = folder(&[("a.txt", REPORT.as_bytes())]);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("target dir/parallax-data/c.postcard");
    let run = build(dir.path(), &out);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let written: Corpus = postcard::from_bytes(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(written.reports.len(), 1);
    assert_eq!(names(out.parent().unwrap()), ["c.postcard"]);
}

#[test]
fn warnings_are_printed_before_the_summary() {
    let dir = folder(&[("a.txt", REPORT.as_bytes()), ("notes.md", b"# notes\n")]);
    let out_dir = tempfile::tempdir().unwrap();
    let run = build(dir.path(), &out_dir.path().join("c.postcard"));
    assert_eq!(run.status.code(), Some(0));
    let err = text(&run.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0], "warning: notes.md: skipped: not a .txt file",
        "{err}"
    );
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[1].contains(", 1 warning, "), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let run = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["build", CORPUS])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("--out"), "{}", text(&run.stderr));
}

#[test]
fn timings_name_every_stage_then_the_write() {
    let dir = folder(&[("a.txt", REPORT.as_bytes())]);
    let out_dir = tempfile::tempdir().unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("build")
        .arg(dir.path())
        .arg("--out")
        .arg(out_dir.path().join("c.postcard"))
        .arg("--timings")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    let stages: Vec<&str> = text(&run.stderr)
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let expected = [
        "read", "parse", "topics", "names", "features", "stock", "copies", "all", "pairs",
        "evidence", "stories", "dates", "quote", "write", "total",
    ];
    assert_eq!(stages, expected);
}

#[test]
fn many_warnings_print_the_first_twenty_and_a_count() {
    let skipped: Vec<(String, &[u8])> = (0..25)
        .map(|i| (format!("notes-{i:02}.md"), &b"# notes\n"[..]))
        .collect();
    let mut files: Vec<(&str, &[u8])> = skipped.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    files.push(("a.txt", REPORT.as_bytes()));
    let dir = folder(&files);
    let out_dir = tempfile::tempdir().unwrap();
    let run = build(dir.path(), &out_dir.path().join("c.postcard"));
    assert_eq!(run.status.code(), Some(0));
    let err = text(&run.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 22, "{err}");
    assert!(lines[19].starts_with("warning: notes-19.md"), "{err}");
    assert!(lines[20].starts_with("… and 5 more warnings"), "{err}");
    assert!(lines[21].contains(", 25 warnings, "), "{err}");
}

#[test]
fn a_cached_rebuild_writes_the_same_file_and_says_what_it_reused() {
    let dir = folder(&[("a.txt", REPORT.as_bytes())]);
    let out_dir = tempfile::tempdir().unwrap();
    let cache = out_dir.path().join("cache");
    let run = |out: &str| {
        let run = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .arg("build")
            .arg(dir.path())
            .arg("--out")
            .arg(out_dir.path().join(out))
            .arg("--cache")
            .arg(&cache)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
        text(&run.stderr).to_string()
    };
    let first = run("first.postcard");
    assert!(
        first.contains("; cache: parsed 1 file, featured 1 of 1 reports"),
        "{first}"
    );
    let second = run("second.postcard");
    assert!(
        second.contains("; cache: parsed 0 files, featured 0 of 1 reports, compared 0 anew"),
        "{second}"
    );
    let bytes = |name: &str| std::fs::read(out_dir.path().join(name)).unwrap();
    assert_eq!(bytes("first.postcard"), bytes("second.postcard"));
    assert_eq!(
        bytes("first.postcard"),
        postcard::to_allocvec(&parallax_core::corpus_dir::load_dir(dir.path()).unwrap()).unwrap()
    );
}
