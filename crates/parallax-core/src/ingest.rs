//! Turning one scraped text file into reports.

use crate::model::{Diagnostic, Level, Paragraph, ParagraphKind, Report};

/// What one file yields.
#[derive(Clone, Debug, Default)]
pub struct ParsedFile {
    pub reports: Vec<Report>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses one file. Never panics; problems become diagnostics.
pub fn parse_file(name: &str, bytes: &[u8]) -> ParsedFile {
    let mut out = ParsedFile::default();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}'),
        Err(e) => {
            out.diagnostics.push(Diagnostic {
                file: name.to_string(),
                line: 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count(),
                level: Level::Error,
                message: "not UTF-8 text".into(),
                report: None,
            });
            return out;
        }
    };
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let Some(&(title_line, title)) = lines.first() else {
        out.diagnostics.push(Diagnostic {
            file: name.to_string(),
            line: 0,
            level: Level::Error,
            message: "the file is empty".into(),
            report: None,
        });
        return out;
    };
    let id = report_id(name, 0);
    out.reports.push(Report {
        id,
        file: name.to_string(),
        index: 0,
        line: title_line,
        title: title.to_string(),
        paragraphs: lines[1..]
            .iter()
            .map(|&(line, text)| Paragraph { kind: ParagraphKind::Text, text: text.to_string(), line, topic_hits: vec![] })
            .collect(),
        ..Report::default()
    });
    out
}

/// A stable, URL-safe id from the file name (without extension) and the report's index in it.
pub fn report_id(file_name: &str, index: usize) -> String {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let mut id: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
        .collect();
    if id.is_empty() {
        id.push_str("file");
    }
    format!("{id}-{index}")
}
