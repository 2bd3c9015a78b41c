//! Reading one file of a corpus folder safely: regular files only, bounded in size, and names
//! that can be printed and written on one line.

use super::diagnostic;
use crate::model::{is_control_char, Diagnostic, Level};
use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs::{File, FileType};
use std::io::{ErrorKind, Read};
use std::path::Path;

/// Why a file name is refused, if it is: it must be UTF-8 (metadata and report ids refer to
/// it) and free of control characters (a newline would forge a line wherever it is printed).
pub(super) fn name_problem(name: &OsStr) -> Option<&'static str> {
    match name.to_str() {
        None => Some("the file name is not UTF-8: rename it"),
        Some(s) if s.chars().any(is_control_char) => {
            Some("the file name has a control character: rename it")
        }
        Some(_) => None,
    }
}

/// What a directory entry is to the loader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum EntryKind {
    /// A report file: `.txt`, in any case.
    Report,
    /// `metadata.toml` or `topics.toml`, read on their own.
    Sidecar,
    /// Hidden (a dotfile): not mentioned.
    Hidden,
    /// Anything else: listed as skipped.
    Other,
}

pub(super) fn entry_kind(name: &OsStr) -> EntryKind {
    if name.as_encoded_bytes().starts_with(b".") {
        return EntryKind::Hidden;
    }
    if name == super::METADATA_FILE || name == super::TOPICS_FILE {
        return EntryKind::Sidecar;
    }
    let ext = Path::new(name).extension().and_then(OsStr::to_str);
    if ext.is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
        EntryKind::Report
    } else {
        EntryKind::Other
    }
}

/// Reads the regular file at `path` (a symbolic link to one is fine), at most `max` bytes.
/// `Ok(None)` when nothing is there. Anything else that is not a readable regular file within
/// the limit is `Err` with a message for a diagnostic on that file.
///
/// The type is checked before opening, through links: opening a named pipe would block until a
/// writer comes, and a device such as /dev/zero never ends. The size is checked on the opened
/// file and the read is capped, so a file swapped or growing meanwhile is refused too.
pub(crate) fn read_regular(path: &Path, max: u64) -> Result<Option<Vec<u8>>, String> {
    read_checked(path, max, false)
}

/// [`read_regular`] for a folder entry the listing gave as a regular file (not a link): its
/// type is known, so it is not looked up once more before opening (a syscall per report file).
/// The checks on the opened file stay.
pub(crate) fn read_listed_file(path: &Path, max: u64) -> Result<Option<Vec<u8>>, String> {
    read_checked(path, max, true)
}

fn read_checked(path: &Path, max: u64, listed_regular: bool) -> Result<Option<Vec<u8>>, String> {
    if !listed_regular {
        let kind = match std::fs::metadata(path) {
            Ok(m) => m.file_type(),
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return match path.symlink_metadata() {
                    Ok(_) => Err("a symbolic link to a file that does not exist".into()),
                    Err(_) => Ok(None),
                };
            }
            Err(e) => return Err(format!("cannot read: {e}")),
        };
        if !kind.is_file() {
            let link = path.symlink_metadata().is_ok_and(|m| m.is_symlink());
            return Err(not_regular(kind, link));
        }
    }
    let file = match File::open(path) {
        Ok(file) => file,
        // Removed since it was listed.
        Err(e) if listed_regular && e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read: {e}")),
    };
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(not_regular(meta.file_type(), false));
    }
    if meta.len() > max {
        return Err(format!(
            "{} bytes is over the {max} byte limit for one file",
            meta.len()
        ));
    }
    read_capped(file, max, meta.len())
        .map(Some)
        .map_err(|e| match e {
            Capped::Over => {
                format!("the file grew past the {max} byte limit for one file while it was read")
            }
            Capped::Io(e) => format!("cannot read: {e}"),
        })
}

enum Capped {
    Over,
    Io(std::io::Error),
}

/// Reads at most `max` bytes; one more means the source was larger than it said.
fn read_capped(source: impl Read, max: u64, expected: u64) -> Result<Vec<u8>, Capped> {
    let mut bytes = Vec::with_capacity(expected.min(max) as usize);
    source
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(Capped::Io)?;
    if bytes.len() as u64 > max {
        Err(Capped::Over)
    } else {
        Ok(bytes)
    }
}

fn not_regular(kind: FileType, link: bool) -> String {
    let what = describe(kind);
    if link {
        format!("not a regular file (a symbolic link to {what})")
    } else {
        format!("not a regular file ({what})")
    }
}

fn describe(kind: FileType) -> &'static str {
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    "a special file"
}

/// The 1-based line of the first invalid byte.
pub(crate) fn line_of_utf8_error(e: &std::string::FromUtf8Error) -> usize {
    let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
    1 + valid.iter().filter(|&&b| b == b'\n').count()
}

/// Report ids come from file names with odd characters made `-` and the extension dropped:
/// "a b.txt" and "a-b.TXT" would give the same ids, and a URL could not tell them apart.
pub(super) fn same_ids<'a>(names: impl Iterator<Item = &'a str>) -> Vec<Diagnostic> {
    let mut first: HashMap<String, &str> = HashMap::new();
    let mut out = Vec::new();
    for name in names {
        let id = crate::ingest::report_id(name, 0);
        if let Some(other) = first.get(id.as_str()) {
            let message = format!(
                "its reports would have the same ids ({id}, …) as those of \u{201c}{other}\u{201d}: \
                 rename one of the two files"
            );
            out.push(diagnostic(name, 0, Level::Error, &message));
        } else {
            first.insert(id, name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stop_one_byte_past_the_limit() {
        // An endless source that claimed to be small: the read ends, refused.
        assert!(matches!(
            read_capped(std::io::repeat(b'a'), 10, 0),
            Err(Capped::Over)
        ));
        assert_eq!(
            read_capped(&b"0123456789"[..], 10, 10).ok().unwrap(),
            b"0123456789"
        );
    }

    #[test]
    fn entry_kinds() {
        let kind = |s: &str| entry_kind(OsStr::new(s));
        assert_eq!(kind("a.txt"), EntryKind::Report);
        assert_eq!(kind("A.TXT"), EntryKind::Report);
        assert_eq!(kind(".a.txt"), EntryKind::Hidden);
        assert_eq!(kind("metadata.toml"), EntryKind::Sidecar);
        assert_eq!(kind("topics.toml"), EntryKind::Sidecar);
        assert_eq!(kind("notes.md"), EntryKind::Other);
        assert_eq!(kind("txt"), EntryKind::Other);
    }
}
