//! The folder loader against hostile folders: special files, odd names and encodings,
//! oversized sidecars, metadata that points nowhere. Every problem names its file (and line).

use parallax_core::corpus_dir::load_dir;
use parallax_core::{Corpus, Diagnostic, Level};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

const REPORT: &str = "Trade talks between Pakistan and the US resume\n\nApril 13, 2024\n\n\
WASHINGTON: Talks on trade between Pakistan and the United States will resume next week, the \
State Department said.\n\n\"We welcome this step and the talks that follow it,\" Matthew Miller \
said at a press briefing on Thursday.\n";

fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// Loads on another thread: a loader that blocks (a FIFO) or reads forever fails the test
/// after a while instead of hanging it.
fn load(dir: &Path) -> Result<Corpus, Vec<Diagnostic>> {
    let (tx, rx) = mpsc::channel();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        // The test may have given up waiting: nothing to report then.
        let _ = tx.send(load_dir(&dir));
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("load_dir returns promptly")
}

fn errors(dir: &Path) -> Vec<Diagnostic> {
    load(dir).expect_err("the folder is refused")
}

fn find<'a>(diags: &'a [Diagnostic], file: &str) -> &'a Diagnostic {
    diags
        .iter()
        .find(|d| d.file == file)
        .unwrap_or_else(|| panic!("no diagnostic for {file:?} in {diags:#?}"))
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success());
}

#[test]
fn a_named_pipe_is_refused_without_blocking() {
    let dir = folder(&[("a.txt", REPORT.as_bytes())]);
    mkfifo(&dir.path().join("x.txt"));
    let errs = errors(dir.path());
    let e = find(&errs, "x.txt");
    assert_eq!(e.level, Level::Error);
    assert_eq!(e.message, "not a regular file (a named pipe)");
}

#[test]
fn a_link_to_a_device_is_refused_without_reading_it() {
    let dir = folder(&[("a.txt", REPORT.as_bytes())]);
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop.txt")).unwrap();
    std::os::unix::fs::symlink("/nowhere/at/all", dir.path().join("gone.txt")).unwrap();
    let errs = errors(dir.path());
    assert_eq!(
        find(&errs, "zero.txt").message,
        "not a regular file (a symbolic link to a character device)"
    );
    assert_eq!(
        find(&errs, "loop.txt").message,
        "not a regular file (a symbolic link to a folder)"
    );
    assert_eq!(
        find(&errs, "gone.txt").message,
        "a symbolic link to a file that does not exist"
    );
}

#[test]
fn a_link_to_a_regular_file_is_read() {
    let target = folder(&[("elsewhere.txt", REPORT.as_bytes())]);
    let dir = folder(&[]);
    std::os::unix::fs::symlink(
        target.path().join("elsewhere.txt"),
        dir.path().join("linked.txt"),
    )
    .unwrap();
    let corpus = load(dir.path()).unwrap();
    assert_eq!(corpus.reports.len(), 1);
    assert_eq!(corpus.reports[0].file, "linked.txt");
}

#[test]
fn special_sidecars_are_refused_too() {
    let dir = folder(&[("a.txt", REPORT.as_bytes())]);
    mkfifo(&dir.path().join("metadata.toml"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("topics.toml")).unwrap();
    let errs = errors(dir.path());
    assert_eq!(
        find(&errs, "metadata.toml").message,
        "not a regular file (a named pipe)"
    );
    assert_eq!(
        find(&errs, "topics.toml").message,
        "not a regular file (a symbolic link to a character device)"
    );
}

#[test]
fn oversized_sidecars_are_refused() {
    // A sidecar of a large corpus is bigger than any one report may be (a 100,000-report
    // metadata.toml is about 6 MB): read, not refused.
    let large = format!("# {}\n", "x".repeat(8 * 1024 * 1024));
    let dir = folder(&[
        ("a.txt", REPORT.as_bytes()),
        ("metadata.toml", large.as_bytes()),
        ("topics.toml", large.as_bytes()),
    ]);
    assert!(parallax_core::corpus_dir::load_dir(dir.path()).is_ok());
    let big = format!("# {}\n", "x".repeat(64 * 1024 * 1024));
    let dir = folder(&[
        ("a.txt", REPORT.as_bytes()),
        ("metadata.toml", big.as_bytes()),
        ("topics.toml", big.as_bytes()),
    ]);
    let errs = errors(dir.path());
    for file in ["metadata.toml", "topics.toml"] {
        let e = find(&errs, file);
        assert!(e.message.contains("over the 67108864 byte limit"), "{e:?}");
    }
}

#[test]
fn control_characters_in_file_names_are_refused_and_escaped() {
    let forged = "a.txt\nerror: forged.txt";
    let dir = folder(&[
        ("ok.txt", REPORT.as_bytes()),
        (forged, REPORT.as_bytes()),
        ("\u{1b}[2Jbidi\u{202e}.txt", REPORT.as_bytes()),
    ]);
    let errs = errors(dir.path());
    let e = find(&errs, forged);
    assert_eq!(
        e.message,
        "the file name has a control character: rename it"
    );
    assert_eq!(
        e.to_string(),
        "error: a.txt\\nerror: forged.txt: the file name has a control character: rename it"
    );
    let e = find(&errs, "\u{1b}[2Jbidi\u{202e}.txt");
    assert!(
        e.to_string()
            .starts_with("error: \\u{1b}[2Jbidi\\u{202e}.txt: "),
        "{e}"
    );
    assert!(errs
        .iter()
        .all(|e| !e.to_string().contains(['\n', '\u{1b}'])));
}

#[test]
fn the_txt_extension_is_read_in_any_case() {
    let dir = folder(&[
        ("UPPER.TXT", REPORT.as_bytes()),
        ("mixed.Txt", REPORT.as_bytes()),
    ]);
    let corpus = load(dir.path()).unwrap();
    let mut files: Vec<&str> = corpus.reports.iter().map(|r| r.file.as_str()).collect();
    files.sort();
    assert_eq!(files, ["UPPER.TXT", "mixed.Txt"]);
}

#[test]
fn names_that_give_the_same_report_ids_are_refused() {
    let dir = folder(&[
        ("a b.txt", REPORT.as_bytes()),
        ("a-b.TXT", REPORT.as_bytes()),
    ]);
    let errs = errors(dir.path());
    let e = find(&errs, "a-b.TXT");
    assert_eq!(
        e.message,
        "its reports would have the same ids (a-b-0, …) as those of \u{201c}a b.txt\u{201d}: rename one of the two files"
    );
}

#[test]
fn utf16_files_are_decoded_with_a_warning() {
    let mut le = vec![0xff, 0xfe];
    le.extend(REPORT.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xfe, 0xff];
    be.extend(REPORT.encode_utf16().flat_map(u16::to_be_bytes));
    let dir = folder(&[("le.txt", &le), ("be.txt", &be)]);
    let corpus = load(dir.path()).unwrap();
    assert_eq!(corpus.reports.len(), 2);
    assert!(corpus
        .reports
        .iter()
        .all(|r| r.title == "Trade talks between Pakistan and the US resume"));
    for (file, endian) in [("le.txt", "little"), ("be.txt", "big")] {
        let w = find(&corpus.diagnostics, file);
        assert_eq!(w.level, Level::Warning);
        assert_eq!(
            w.message,
            format!("UTF-16 text ({endian}-endian): decoded; save it as UTF-8 to be sure")
        );
    }
}

#[test]
fn other_files_are_listed_as_skipped() {
    let dir = folder(&[
        ("a.txt", REPORT.as_bytes()),
        ("notes.md", b"# notes"),
        ("x.pdf", b"%PDF"),
        (".hidden", b"x"),
        ("topics.toml", b""),
        ("metadata.toml", b""),
    ]);
    std::fs::create_dir(dir.path().join("more")).unwrap();
    let corpus = load(dir.path()).unwrap();
    let mut skipped: Vec<(&str, &str)> = corpus
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("skipped"))
        .map(|d| (d.file.as_str(), d.message.as_str()))
        .collect();
    skipped.sort();
    assert_eq!(
        skipped,
        [
            ("more", "skipped: a folder (subfolders are not read)"),
            ("notes.md", "skipped: not a .txt file"),
            ("x.pdf", "skipped: not a .txt file"),
        ]
    );
    assert!(corpus
        .diagnostics
        .iter()
        .all(|d| d.level == Level::Warning && d.line == 0));
}

#[test]
fn metadata_for_a_report_past_the_end_is_a_warning_with_its_line() {
    let meta = "[files.\"a.txt\"]\noutlet = \"Daily Example\"\n\n[files.\"a.txt\".reports.0]\ntitle = \"Fine\"\n\n[files.\"a.txt\".reports.99]\ntitle = \"Nowhere\"\n";
    let dir = folder(&[
        ("a.txt", REPORT.as_bytes()),
        ("metadata.toml", meta.as_bytes()),
    ]);
    let corpus = load(dir.path()).unwrap();
    assert_eq!(corpus.reports[0].title, "Fine");
    let w = find(&corpus.diagnostics, "metadata.toml");
    assert_eq!((w.level, w.line), (Level::Warning, 7));
    assert_eq!(
        w.message,
        "metadata for report 99 of \u{201c}a.txt\u{201d}, which has 1 report (numbered from 0): ignored"
    );
    assert_eq!(corpus.diagnostics.len(), 1, "{:#?}", corpus.diagnostics);
}

#[test]
fn build_watch_paths_never_hold_a_line_break() {
    let dir = folder(&[
        ("a.txt", REPORT.as_bytes()),
        ("x.txt\ncargo:rustc-cfg=forged", REPORT.as_bytes()),
        ("b\u{202e}.md", b"x"),
    ]);
    let root = dir.path().to_str().unwrap();
    let paths = parallax_core::corpus_dir::watch_paths(dir.path()).unwrap();
    assert_eq!(paths, [root.to_string(), format!("{root}/a.txt")]);
    let odd = dir.path().join("odd\nfolder");
    std::fs::create_dir(&odd).unwrap();
    assert_eq!(parallax_core::corpus_dir::watch_paths(&odd), None);
}

/// Records the stages entered, and the advances of each.
#[derive(Default)]
struct Stages(std::sync::Mutex<Vec<(&'static str, Option<u64>, u64)>>);

impl parallax_core::progress::Progress for Stages {
    fn stage(&self, name: &'static str, total: Option<u64>) {
        self.0.lock().unwrap().push((name, total, 0));
    }
    fn advance(&self, n: u64) {
        self.0.lock().unwrap().last_mut().expect("a stage began").2 += n;
    }
}

#[test]
fn errors_found_reading_and_parsing_stop_before_the_analysis() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let dir = folder(&[
        ("a.txt", REPORT.as_bytes()),
        ("b.txt", REPORT.as_bytes()),
        ("image.txt", png),
        ("notes.md", b"not a report"),
    ]);
    let stages = Stages::default();
    let errs = parallax_core::corpus_dir::load_dir_marked(dir.path(), &stages)
        .expect_err("the binary file is refused");
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(find(&errs, "image.txt").level, Level::Error);
    // Three .txt files read and parsed (the binary data is found parsing), no analysis stage.
    let stages = stages.0.into_inner().unwrap();
    assert_eq!(stages, [("read", Some(3), 3), ("parse", Some(3), 3)]);
}

#[test]
fn a_clean_folder_enters_every_stage() {
    let dir = folder(&[("a.txt", REPORT.as_bytes()), ("b.txt", REPORT.as_bytes())]);
    let stages = Stages::default();
    parallax_core::corpus_dir::load_dir_marked(dir.path(), &stages).expect("the folder loads");
    let stages = stages.0.into_inner().unwrap();
    let names: Vec<_> = stages.iter().map(|s| s.0).collect();
    assert_eq!(names[..5], ["read", "parse", "topics", "names", "features"]);
    assert_eq!(names.last(), Some(&"quote ledger"));
    assert_eq!(stages[0], ("read", Some(2), 2));
    assert_eq!(stages[1], ("parse", Some(2), 2));
}
