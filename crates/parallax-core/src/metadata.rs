//! Curator metadata: what the text alone cannot tell (an outlet's name, a URL, a date, a
//! corrected title), per file. Read from `corpus/metadata.toml` by the build step and the CLI;
//! metadata wins over inference, and the date basis says so.
//!
//! ```toml
//! [files."000_report.txt"]
//! outlet = "Daily Example"
//! url = "https://example.com/news/1"
//! published = 2024-04-12          # or "2024-04-12"
//! event_date = "2024-04-11"
//! title = "A corrected title"
//!
//! [files."001_two_reports.txt".reports.1]   # the second report of that file
//! title = "Its own title"
//! ```
//! File-level fields apply to every report of the file except `title`, `url` and the dates,
//! which apply to the first report (index 0) only; `reports.N` tables set report N.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// All curator metadata of a corpus, keyed by file name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(default)]
    pub files: BTreeMap<String, FileMeta>,
}

/// What a curator may state about one file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileMeta {
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub event_date: Option<NaiveDate>,
    pub title: Option<String>,
    /// Per-report overrides, keyed by the report's index in the file.
    #[serde(default)]
    pub reports: BTreeMap<usize, ReportMeta>,
}

/// What a curator may state about one report of a file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportMeta {
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub event_date: Option<NaiveDate>,
    pub title: Option<String>,
}

impl FileMeta {
    /// What applies to report `index` of the file.
    pub fn for_report(&self, index: usize) -> ReportMeta {
        let first = index == 0;
        let own = self.reports.get(&index).cloned().unwrap_or_default();
        ReportMeta {
            outlet: own.outlet.or_else(|| self.outlet.clone()),
            url: own.url.or_else(|| self.url.clone().filter(|_| first)),
            published: own.published.or(self.published.filter(|_| first)),
            event_date: own.event_date.or(self.event_date.filter(|_| first)),
            title: own.title.or_else(|| self.title.clone().filter(|_| first)),
        }
    }
}

/// The 1-based line of the first line containing `needle` at or after `from`, else `from`.
#[cfg(feature = "sidecar")]
fn line_containing(text: &str, needle: &str, from: usize) -> usize {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, l)| l.contains(needle))
        .map_or(from, |(i, _)| i + 1)
}

/// The lines of [`line_containing`]`(text, "{name}\"", 1)` for many names at once, in one pass
/// over the text's `"` marks per distinct name length rather than one pass over the text per
/// name (which made reading a 10,000-file metadata.toml quadratic). Names holding a line break
/// cannot match within a line this way: they fall back to [`line_containing`].
#[cfg(feature = "sidecar")]
struct HeaderLines<'t> {
    text: &'t str,
    first: std::collections::HashMap<&'t str, usize>,
    /// The byte offset of each line, so a search from a line does not walk the lines before it.
    starts: Vec<usize>,
}

#[cfg(feature = "sidecar")]
impl<'t> HeaderLines<'t> {
    fn new<'n>(text: &'t str, names: impl Iterator<Item = &'n str>) -> Self {
        let mut lengths: Vec<usize> = names
            .filter(|n| !n.contains(['\n', '\r']))
            .map(str::len)
            .collect();
        lengths.sort_unstable();
        lengths.dedup();
        // Every `"` of the text with its 1-based line.
        let mut quotes: Vec<(usize, usize)> = Vec::new();
        let mut starts = vec![0];
        let mut line = 1;
        for (at, b) in text.bytes().enumerate() {
            match b {
                b'\n' => {
                    line += 1;
                    if at + 1 < text.len() {
                        starts.push(at + 1);
                    }
                }
                b'"' => quotes.push((at, line)),
                _ => {}
            }
        }
        let mut first = std::collections::HashMap::new();
        for &n in &lengths {
            for &(at, line) in &quotes {
                if let Some(before) = at.checked_sub(n).and_then(|from| text.get(from..at)) {
                    crate::ingest::work::add(1);
                    first.entry(before).or_insert(line);
                }
            }
        }
        HeaderLines {
            text,
            first,
            starts,
        }
    }

    /// `line_containing(text, needle, from)`, starting at line `from`.
    fn after(&self, needle: &str, from: usize) -> usize {
        let skip = from.saturating_sub(1);
        let Some(&start) = self.starts.get(skip) else {
            return from;
        };
        self.text[start..]
            .lines()
            .position(|l| {
                crate::ingest::work::add(1);
                l.contains(needle)
            })
            .map_or(from, |i| skip + i + 1)
    }

    /// `line_containing(text, "{name}\"", 1)`.
    fn line(&self, name: &str) -> usize {
        if name.contains(['\n', '\r']) {
            return line_containing(self.text, &format!("{name}\""), 1);
        }
        self.first.get(name).copied().unwrap_or(1)
    }
}

#[cfg(feature = "sidecar")]
fn read_date(v: &toml::Value) -> Result<NaiveDate, String> {
    let s = match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(d) => d.to_string(),
        other => {
            return Err(format!(
                "expected a date like 2024-07-09, found {}",
                other.type_str()
            ))
        }
    };
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("\u{201c}{s}\u{201d} is not a valid date (YYYY-MM-DD)"))
}

/// Reads one table of fields (a file's or a report's) into `ReportMeta`.
#[cfg(feature = "sidecar")]
fn read_fields(
    table: &toml::Table,
    text: &HeaderLines,
    header_line: usize,
    file_name: &str,
    allow_reports: bool,
    diags: &mut Vec<crate::model::Diagnostic>,
) -> ReportMeta {
    let mut m = ReportMeta::default();
    for (key, value) in table {
        let line = text.after(key, header_line);
        let mut problem = |msg: String| {
            diags.push(crate::model::Diagnostic {
                file: file_name.to_string(),
                line,
                level: crate::model::Level::Error,
                message: msg,
                report: None,
            })
        };
        let string = |v: &toml::Value| v.as_str().map(str::to_string);
        match key.as_str() {
            "outlet" | "url" | "title" => match string(value) {
                // An empty value would replace what the text says with nothing (found by fuzzing).
                Some(s) if crate::text_marks::strip_controls(&s).trim().is_empty() => problem(
                    format!("`{key}` is empty: give it a value or remove the line"),
                ),
                Some(s) if key == "outlet" => m.outlet = Some(s),
                Some(s) if key == "url" => {
                    if s.starts_with("http://") || s.starts_with("https://") {
                        m.url = Some(s)
                    } else {
                        problem(format!(
                            "url \u{201c}{s}\u{201d} must start with http:// or https://"
                        ))
                    }
                }
                Some(s) => m.title = Some(s),
                None => problem(format!("`{key}` must be a string")),
            },
            "published" | "event_date" => match read_date(value) {
                Ok(d) if key == "published" => m.published = Some(d),
                Ok(d) => m.event_date = Some(d),
                Err(e) => problem(format!("`{key}`: {e}")),
            },
            "reports" if allow_reports => {}
            _ => problem(format!(
                "unknown field `{key}` (known: outlet, url, published, event_date, title{})",
                if allow_reports { ", reports" } else { "" }
            )),
        }
    }
    m
}

/// Parses `metadata.toml`. `file_name` is how diagnostics name it; `corpus_files` are the file
/// names in the corpus (metadata for a file not there is a warning: a typo, or a removed file).
/// Invalid TOML and invalid fields are errors with their line.
#[cfg(feature = "sidecar")]
pub fn parse_toml(
    text: &str,
    file_name: &str,
    corpus_files: &[&str],
) -> (Metadata, Vec<crate::model::Diagnostic>) {
    use crate::model::{Diagnostic, Level};
    let mut diags = Vec::new();
    let mut meta = Metadata::default();
    let root: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let e: toml::de::Error = e;
            let line = e.span().map_or(0, |s| {
                1 + text[..s.start.min(text.len())].matches('\n').count()
            });
            let message = e.message().to_string();
            diags.push(Diagnostic {
                file: file_name.into(),
                line,
                level: Level::Error,
                message: format!("invalid TOML: {message}"),
                report: None,
            });
            return (meta, diags);
        }
    };
    for (key, value) in &root {
        if key != "files" {
            let line = line_containing(text, key, 1);
            diags.push(Diagnostic {
                file: file_name.into(),
                line,
                level: Level::Error,
                message: format!(
                    "unknown table `{key}`: per-file metadata goes under [files.\"NAME.txt\"]"
                ),
                report: None,
            });
            continue;
        }
        let Some(files) = value.as_table() else {
            diags.push(Diagnostic {
                file: file_name.into(),
                line: line_containing(text, "files", 1),
                level: Level::Error,
                message: "`files` must be a table".into(),
                report: None,
            });
            continue;
        };
        let headers = HeaderLines::new(text, files.keys().map(String::as_str));
        let in_corpus: std::collections::HashSet<&str> = corpus_files.iter().copied().collect();
        for (name, entry) in files {
            let header_line = headers.line(name);
            if !in_corpus.contains(name.as_str()) {
                diags.push(Diagnostic {
                    file: file_name.into(),
                    line: header_line,
                    level: Level::Warning,
                    message: format!(
                        "metadata for \u{201c}{name}\u{201d}, which is not a file of the corpus"
                    ),
                    report: None,
                });
            }
            let Some(table) = entry.as_table() else {
                diags.push(Diagnostic {
                    file: file_name.into(),
                    line: header_line,
                    level: Level::Error,
                    message: format!("files.\u{201c}{name}\u{201d} must be a table"),
                    report: None,
                });
                continue;
            };
            let base = read_fields(table, &headers, header_line, file_name, true, &mut diags);
            let mut fm = FileMeta {
                outlet: base.outlet,
                url: base.url,
                published: base.published,
                event_date: base.event_date,
                title: base.title,
                reports: BTreeMap::new(),
            };
            if let Some(reports) = table.get("reports") {
                match reports.as_table() {
                    Some(reports) => {
                        for (idx, rt) in reports {
                            let line = headers.after(&format!("reports.{idx}"), header_line);
                            match (idx.parse::<usize>(), rt.as_table()) {
                                (Ok(i), Some(rt)) => {
                                    let rm = read_fields(rt, &headers, line, file_name, false, &mut diags);
                                    fm.reports.insert(i, rm);
                                }
                                _ => diags.push(Diagnostic {
                                    file: file_name.into(),
                                    line,
                                    level: Level::Error,
                                    message: format!("reports.{idx}: expected a table keyed by a report index (0, 1, …)"),
                                    report: None,
                                }),
                            }
                        }
                    }
                    None => diags.push(Diagnostic {
                        file: file_name.into(),
                        line: header_line,
                        level: Level::Error,
                        message: "`reports` must be a table".into(),
                        report: None,
                    }),
                }
            }
            meta.files.insert(name.clone(), fm);
        }
    }
    (meta, diags)
}

/// Warnings for `reports.N` tables past the end of their file: how many reports a file holds is
/// known only once it is parsed, so this runs after the corpus is built. `text` is the parsed
/// `metadata.toml` (for the lines), `counts` the reports per file. Files without a report are
/// left out: they have their own diagnostic, and no index fits them.
#[cfg(feature = "sidecar")]
pub fn check_report_indices(
    meta: &Metadata,
    text: &str,
    file_name: &str,
    counts: &std::collections::HashMap<&str, usize>,
) -> Vec<crate::model::Diagnostic> {
    let mut out = Vec::new();
    for (name, fm) in &meta.files {
        let count = counts.get(name.as_str()).copied().unwrap_or(0);
        if count == 0 {
            continue;
        }
        // Searched only for a file with an index past its end: the search is a pass over the text.
        let mut header_line = None;
        for &index in fm.reports.keys().filter(|&&i| i >= count) {
            let header_line =
                *header_line.get_or_insert_with(|| line_containing(text, &format!("{name}\""), 1));
            out.push(crate::model::Diagnostic {
                file: file_name.into(),
                line: line_containing(text, &format!("reports.{index}"), header_line),
                level: crate::model::Level::Warning,
                message: format!(
                    "metadata for report {index} of \u{201c}{name}\u{201d}, which has {count} \
                     report{} (numbered from 0): ignored",
                    if count == 1 { "" } else { "s" }
                ),
                report: None,
            });
        }
    }
    out
}

#[cfg(all(test, feature = "sidecar"))]
mod tests;
