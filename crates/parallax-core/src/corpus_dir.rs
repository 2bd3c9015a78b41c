//! Reading a corpus folder from disk (build step and CLI).

mod topics;

pub use topics::{load_topics, parse_topics, TOPICS_FILE};

use crate::model::{Corpus, Diagnostic, Level};
use crate::SourceFile;
use std::path::Path;

/// Files above this size are refused: a scraped report is a few KB; 4 MiB is a wrong file.
pub const MAX_FILE_BYTES: u64 = crate::ingest::MAX_FILE_BYTES as u64;

/// The curator's sidecar file in the corpus folder.
pub const METADATA_FILE: &str = "metadata.toml";

/// Reads every `*.txt` file of `dir` (and its `metadata.toml`, if any) and builds the corpus.
///
/// `Err` holds every error at once (unreadable folder, empty, binary, non-UTF-8 or oversized
/// files); warnings stay in `Corpus::diagnostics`.
pub fn load_dir(dir: &Path) -> Result<Corpus, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            return Err(vec![Diagnostic {
                file: dir.display().to_string(),
                line: 0,
                level: Level::Error,
                message: format!("cannot read the corpus folder: {e}"),
                report: None,
            }])
        }
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let error = |message: String| Diagnostic {
            file: name.clone(),
            line: 0,
            level: Level::Error,
            message,
            report: None,
        };
        match entry.metadata() {
            Ok(m) if m.len() > MAX_FILE_BYTES => {
                errors.push(error(format!(
                    "{} bytes is over the {} byte limit for one file",
                    m.len(),
                    MAX_FILE_BYTES
                )));
                continue;
            }
            Err(e) => {
                errors.push(error(format!("cannot read: {e}")));
                continue;
            }
            _ => {}
        }
        match std::fs::read(&path) {
            Ok(bytes) => files.push(SourceFile { name, bytes }),
            Err(e) => errors.push(error(format!("cannot read: {e}"))),
        }
    }
    if files.is_empty() && errors.is_empty() {
        errors.push(Diagnostic {
            file: dir.display().to_string(),
            line: 0,
            level: Level::Error,
            message: "the corpus folder holds no .txt file".into(),
            report: None,
        });
    }
    let topics = match load_topics(dir) {
        Ok(topics) => topics,
        Err(mut e) => {
            errors.append(&mut e);
            Vec::new()
        }
    };
    // The curator's sidecar: metadata wins over what the text says.
    let mut meta_warnings = Vec::new();
    let metadata = match std::fs::read(dir.join(METADATA_FILE)) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => {
                let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
                let (meta, diags) = crate::metadata::parse_toml(&text, METADATA_FILE, &names);
                for d in diags {
                    if d.level == Level::Error {
                        errors.push(d)
                    } else {
                        meta_warnings.push(d)
                    }
                }
                meta
            }
            Err(e) => {
                let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                errors.push(Diagnostic {
                    file: METADATA_FILE.into(),
                    line,
                    level: Level::Error,
                    message: "not UTF-8 text".into(),
                    report: None,
                });
                crate::metadata::Metadata::default()
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => crate::metadata::Metadata::default(),
        Err(e) => {
            errors.push(Diagnostic {
                file: METADATA_FILE.into(),
                line: 0,
                level: Level::Error,
                message: format!("cannot read: {e}"),
                report: None,
            });
            crate::metadata::Metadata::default()
        }
    };
    let mut corpus = crate::build_corpus(&files, &metadata, &topics);
    corpus.diagnostics.splice(0..0, meta_warnings);
    errors.extend(
        corpus
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .cloned(),
    );
    if errors.is_empty() {
        Ok(corpus)
    } else {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Err(errors)
    }
}
