//! Reading a corpus folder from disk (build step and CLI).

use crate::model::{Corpus, Diagnostic, Level};
use crate::SourceFile;
use std::path::Path;

/// Files above this size are refused: a scraped report is a few KB; 4 MiB is a wrong file.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Reads every `*.txt` file of `dir` and builds the corpus.
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
        let error = |message: String| Diagnostic { file: name.clone(), line: 0, level: Level::Error, message, report: None };
        match entry.metadata() {
            Ok(m) if m.len() > MAX_FILE_BYTES => {
                errors.push(error(format!("{} bytes is over the {} byte limit for one file", m.len(), MAX_FILE_BYTES)));
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
    let corpus = crate::build_corpus(&files, &crate::metadata::Metadata::default(), &[]);
    errors.extend(corpus.diagnostics.iter().filter(|d| d.level == Level::Error).cloned());
    if errors.is_empty() {
        Ok(corpus)
    } else {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        Err(errors)
    }
}
