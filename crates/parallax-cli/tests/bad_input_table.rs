//! README's "Bad input" table is checked here: every row's input is built, run through
//! `parallax inspect` (the same loader and parser as the build), and the row's message must be
//! one of the lines printed. A row without a builder here, or a builder without a row, fails too,
//! so the table cannot drift from the code.

use parallax_core::url_state::{self, NoticeSummary};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const README: &str = include_str!("../../../README.md");

/// A report that parses cleanly, for rows that need one beside the bad input.
const GOOD: &str = "Talks resume\nApril 13, 2024\nISLAMABAD: Talks on trade will resume next \
week, the ministry said on Thursday.\n";

/// One dated report whose date line is `date`.
fn dated(date: &str) -> Vec<u8> {
    format!("Talks resume\n{date}\nISLAMABAD: Talks on trade will resume next week, the ministry said on Thursday.\n").into_bytes()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// Builds the row's input in `dir` (files) or returns the lines the page shows (URL rows).
fn build(row: &str, dir: &Path) -> Option<Vec<String>> {
    match row {
        "empty file" => write(dir, "empty.txt", b""),
        "whitespace only" => write(dir, "blank.txt", b"  \n\t\n   \n"),
        "binary file" => write(dir, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "NUL byte in text" => write(dir, "nul.txt", b"Talks resume\nOn\0Thursday\n"),
        "Latin-1 text" => write(dir, "latin1.txt", b"Talks resume\n\nCaf\xe9 talks resumed.\n"),
        "UTF-16 text" => {
            let mut bytes = vec![0xff, 0xfe];
            bytes.extend(GOOD.encode_utf16().flat_map(u16::to_le_bytes));
            write(dir, "utf16.txt", &bytes);
        }
        "over the size limit" => write(dir, "big.txt", &b"a".repeat(4 * 1024 * 1024 + 1)),
        "named pipe" => {
            let status = Command::new("mkfifo").arg(dir.join("pipe.txt")).status();
            assert!(status.unwrap().success(), "mkfifo");
        }
        "link to a device" => std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).unwrap(),
        "control character in a file name" => write(dir, "a\nb.txt", GOOD.as_bytes()),
        "not a .txt file" => {
            write(dir, "ok.txt", GOOD.as_bytes());
            write(dir, "notes.md", b"# notes\n");
        }
        "no title" => write(
            dir,
            "notitle.txt",
            b"ISLAMABAD: Talks on trade will resume next week, the ministry said on Thursday, after a pause of several months.\n\nOfficials said the pause had lasted since the spring.\n",
        ),
        "impossible date" => write(dir, "impossible.txt", &dated("February 30, 2024")),
        "date before 1900" => write(dir, "old.txt", &dated("January 1, 0000")),
        "far-future date" => write(dir, "future.txt", &dated("March 3, 2999")),
        "bidi controls" => write(dir, "bidi.txt", "Invoice \u{202e}fdp.exe\u{202c} sent\nApril 13, 2024\nISLAMABAD: A file was sent to staff, the ministry said on Thursday.\n".as_bytes()),
        "malformed metadata" => {
            write(dir, "ok.txt", GOOD.as_bytes());
            write(dir, "metadata.toml", b"[files.\"ok.txt\"]\noutlet = 3\n");
        }
        "metadata past a file's reports" => {
            write(dir, "ok.txt", GOOD.as_bytes());
            write(dir, "metadata.toml", b"[files.\"ok.txt\".reports.99]\ntitle = \"Gone\"\n");
        }
        "malformed topics" => {
            write(dir, "ok.txt", GOOD.as_bytes());
            write(dir, "topics.toml", b"[[topic]]\nid = \"a\"\n");
        }
        "malformed URL" => return Some(page_notices("?v=1&from=2024-99-99")),
        "a flood of URL parameters" => {
            let flood = "zz&".repeat(200_000);
            let summary = NoticeSummary::new(url_state::parse(&flood).1);
            return Some(summary.more_label().into_iter().collect());
        }
        _ => panic!("README's Bad input table has a row this test cannot build: {row:?}"),
    }
    None
}

/// The notice lines the page shows for a link, as `parameter: message`.
fn page_notices(query: &str) -> Vec<String> {
    let summary = NoticeSummary::new(url_state::parse(query).1);
    summary.shown.iter().map(ToString::to_string).collect()
}

/// The rows of README's "Bad input" table: first column → the message in the last column.
fn table() -> BTreeMap<String, String> {
    let section = README
        .split("\n## Bad input\n")
        .nth(1)
        .expect("README has a \"## Bad input\" section");
    let section = section.split("\n## ").next().unwrap();
    let mut rows = BTreeMap::new();
    for line in section.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        let (key, message) = (cells[0], *cells.last().unwrap());
        if key == "bad input" || key.starts_with("---") {
            continue;
        }
        let message = message
            .strip_prefix("`` ")
            .and_then(|m| m.strip_suffix(" ``"))
            .or_else(|| message.strip_prefix('`').and_then(|m| m.strip_suffix('`')))
            .unwrap_or_else(|| panic!("row {key:?}: the message is not in backticks: {message}"));
        assert!(
            rows.insert(key.to_string(), message.to_string()).is_none(),
            "row {key:?} twice"
        );
    }
    rows
}

#[test]
fn every_row_of_the_readme_table_is_what_parallax_says() {
    let rows = table();
    assert!(rows.len() >= 20, "the table lost rows: {}", rows.len());
    let today = parallax_core::ParseOptions::at(std::time::SystemTime::now()).today;
    let mut wrong = Vec::new();
    for (row, message) in &rows {
        let expected = message.replace("{build date}", &today.to_string());
        let dir = tempfile::tempdir().unwrap();
        let lines = match build(row, dir.path()) {
            Some(lines) => lines,
            None => {
                let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
                    .args(["inspect".as_ref(), dir.path().as_os_str()])
                    .output()
                    .unwrap();
                let printed = String::from_utf8(out.stdout).unwrap()
                    + &String::from_utf8(out.stderr).unwrap();
                printed.lines().map(str::to_string).collect()
            }
        };
        if !lines.contains(&expected) {
            wrong.push(format!(
                "row {row:?}: README says\n  {expected}\nbut Parallax printed\n  {}",
                lines.join("\n  ")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
