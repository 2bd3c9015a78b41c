//! Reading a corpus folder from disk (build step and CLI).

use crate::model::{Corpus, Diagnostic, Level, TopicDef};
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
    let today = crate::ParseOptions::at(std::time::SystemTime::now());
    let mut corpus = crate::build_corpus(&files, &metadata, &topics, &today);
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

/// The topic lexicon's file name inside a corpus folder.
pub const TOPICS_FILE: &str = "topics.toml";

/// Reads `DIR/topics.toml`, the topic lexicon. No file means no topics (reports are then not
/// tagged); an unreadable or invalid file is an error naming the line.
pub fn load_topics(dir: &Path) -> Result<Vec<TopicDef>, Vec<Diagnostic>> {
    let path = dir.join(TOPICS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse_topics(TOPICS_FILE, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(vec![Diagnostic {
            file: TOPICS_FILE.into(),
            line: 0,
            level: Level::Error,
            message: format!("cannot read the topic lexicon: {e}"),
            report: None,
        }]),
    }
}

/// One `[[topic]]` table of the lexicon file.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicTable {
    id: String,
    label: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    entities: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    #[serde(default)]
    topic: Vec<TopicTable>,
}

/// Parses a topic lexicon (`[[topic]]` tables with id, label, description, phrases, entities)
/// and checks it ([`crate::analysis::topics::validate`]). Errors name the file and line.
pub fn parse_topics(name: &str, text: &str) -> Result<Vec<TopicDef>, Vec<Diagnostic>> {
    let error = |line: usize, message: String| Diagnostic {
        file: name.into(),
        line,
        level: Level::Error,
        message,
        report: None,
    };
    let text = text.trim_start_matches('\u{feff}');
    let file: TopicsFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| {
            1 + text.as_bytes()[..s.start.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
        });
        vec![error(
            line,
            format!("invalid topic lexicon: {}", e.message()),
        )]
    })?;
    let topics: Vec<TopicDef> = file
        .topic
        .into_iter()
        .map(|t| TopicDef {
            id: t.id,
            label: t.label,
            description: t.description,
            phrases: t.phrases,
            entities: t.entities,
        })
        .collect();
    // Point each problem at its topic's `id = "..."` line when it can be found.
    let line_of = |id: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with("id") && l.contains(&format!("\"{id}\"")))
            .map_or(0, |i| i + 1)
    };
    let problems: Vec<Diagnostic> = crate::analysis::topics::validate(&topics)
        .into_iter()
        .map(|message| {
            let line = topics
                .iter()
                .find(|t| !t.id.is_empty() && message.contains(&format!("\"{}\"", t.id)))
                .map_or(0, |t| line_of(&t.id));
            error(line, message)
        })
        .collect();
    if problems.is_empty() {
        Ok(topics)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod topic_file_tests {
    use super::*;

    #[test]
    fn parses_the_bundled_lexicon() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let topics = load_topics(&dir).expect("the bundled lexicon is valid");
        assert!(topics.len() >= 11);
        assert!(topics
            .iter()
            .all(|t| !t.description.is_empty() && !t.phrases.is_empty()));
        assert!(topics
            .iter()
            .any(|t| t.id == "surveillance-spyware" && t.entities.iter().any(|e| e == "Predator")));
    }

    #[test]
    fn bad_lexicons_are_errors_with_lines() {
        let err = parse_topics(
            "t.toml",
            "[[topic]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\"x\"]\ncolour = 1\n",
        )
        .unwrap_err();
        assert_eq!(err[0].file, "t.toml");
        assert!(err[0].line >= 2, "{:?}", err[0]);
        let err = parse_topics("t.toml", "[[topic]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\"x\"]\n\n[[topic]]\nid = \"a\"\nlabel = \"B\"\nphrases = [\"y\"]\n").unwrap_err();
        assert!(
            err[0].message.contains("used twice") && err[0].line == 2,
            "{:?}",
            err
        );
        let err = parse_topics("t.toml", "[[topic]]\nlabel = \"no id\"\n").unwrap_err();
        assert!(err[0].message.contains("id"), "{:?}", err);
        assert_eq!(parse_topics("t.toml", "").unwrap(), Vec::<TopicDef>::new());
    }
}
