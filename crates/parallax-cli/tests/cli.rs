//! The `parallax` binary as a user runs it: arguments, exit codes, closed pipes, odd names.

use std::path::Path;
use std::process::{Command, Output, Stdio};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");

const REPORT: &str = "Trade talks between Pakistan and the US resume\n\nApril 13, 2024\n\n\
WASHINGTON: Talks on trade between Pakistan and the United States will resume next week, the \
State Department said.\n\n\"We welcome this step and the talks that follow it,\" Matthew Miller \
said at a press briefing on Thursday.\n";

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}

/// Runs `parallax inspect DIR ...` with a stdout whose reading end is already closed.
fn into_closed_pipe(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs")
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    for args in [&["inspect", CORPUS, "--json"][..], &["inspect", CORPUS]] {
        let out = into_closed_pipe(args);
        assert_eq!(text(&out.stderr), "", "{args:?}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn unknown_flags_are_usage_errors() {
    let out = parallax(&["inspect", CORPUS, "--jsno"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.contains("--jsno") && err.contains("Usage: parallax inspect"),
        "{err}"
    );
    for args in [
        &[][..],
        &["inspect"],
        &["inspekt", CORPUS],
        &["inspect", CORPUS, "x"],
    ] {
        assert_eq!(parallax(args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn help_and_version() {
    for args in [&["--help"][..], &["inspect", "--help"]] {
        let out = parallax(args);
        assert_eq!(out.status.code(), Some(0));
        assert!(text(&out.stdout).contains("Usage: parallax"), "{out:?}");
    }
    let out = parallax(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        concat!("parallax ", env!("CARGO_PKG_VERSION"), "\n")
    );
}

#[test]
fn the_json_is_the_corpus() {
    let out = parallax(&["inspect", CORPUS, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!json["reports"].as_array().unwrap().is_empty());
}

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in files {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    dir
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

#[test]
fn a_newline_in_a_file_name_cannot_forge_a_line() {
    let dir = folder(&[("ok.txt", REPORT), ("a.txt\nerror: forged.txt", REPORT)]);
    let out = parallax(&["inspect", path(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: a.txt\\nerror: forged.txt: the file name has a control character: rename it\n\
         1 error(s): the corpus was not built\n"
    );
}

#[test]
fn titles_never_print_raw_controls() {
    // The parser drops control and bidi characters from titles; the CLI escapes whatever else
    // could reach a terminal. Either way no raw escape sequence is printed.
    let dir = folder(&[("a.txt", &REPORT.replace("resume", "\u{1b}[31mresume"))]);
    let out = parallax(&["inspect", path(dir.path())]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("resume\n") && !stdout.contains('\u{1b}'),
        "{stdout}"
    );
}
