//! The topic lexicon `topics.toml` of a corpus folder.

use super::files::read_regular;
use super::MAX_SIDECAR_BYTES;
use crate::model::{Diagnostic, Level, TopicDef};
use std::path::Path;

/// The topic lexicon's file name inside a corpus folder.
pub const TOPICS_FILE: &str = "topics.toml";

/// Reads `DIR/topics.toml`, the topic lexicon. No file means no topics (reports are then not
/// tagged); an unreadable or invalid file is an error naming the line.
pub fn load_topics(dir: &Path) -> Result<Vec<TopicDef>, Vec<Diagnostic>> {
    let error = |line: usize, message: String| {
        vec![Diagnostic {
            file: TOPICS_FILE.into(),
            line,
            level: Level::Error,
            message,
            report: None,
        }]
    };
    match read_regular(&dir.join(TOPICS_FILE), MAX_SIDECAR_BYTES) {
        Ok(None) => Ok(Vec::new()),
        Ok(Some(bytes)) => match String::from_utf8(bytes) {
            Ok(text) => parse_topics(TOPICS_FILE, &text),
            Err(e) => Err(error(
                super::line_of_utf8_error(&e),
                "not UTF-8 text: save the topic lexicon as UTF-8".into(),
            )),
        },
        Err(message) => Err(error(0, message)),
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
