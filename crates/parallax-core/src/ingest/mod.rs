//! Turning one scraped text file into reports.
//!
//! The pipeline, one recogniser per module: `normalize` (bytes → checked, numbered lines, bidi
//! controls set apart), `wrap` (hard-wrapped paragraphs), `split` (several reports on one
//! page), `header` (kicker, title printed twice, standfirst, byline, date lines), `trail`
//! (breadcrumb trails), `dates` and `date_expr` (date lines and date expressions), `body` (the
//! body lines), `boilerplate` (widgets, comment boxes, bylines, teasers), `captions` (photo
//! captions, wire credits), `related` (related links, "Check Also" blocks), `footer`
//! ("Published in <outlet>, <date>"), `dateline`, `headings`, `date_mentions` and `event`
//! (the event date from weekdays and dates in the text), `report_dates` (published, updated
//! and event dates of a report, metadata, implausible dates), `quotes` (quotes and speakers),
//! `entities` (people, organisations, places, aliases) and `people` (their use in a report and
//! across the corpus). `options` holds the build date. Nothing here panics on any input;
//! problems become diagnostics.

mod body;
pub mod boilerplate;
pub mod captions;
pub mod date_expr;
mod date_mentions;
pub mod dateline;
pub mod dates;
pub mod entities;
pub mod event;
pub mod footer;
pub mod header;
pub mod headings;
pub mod normalize;
pub mod options;
mod people;
pub mod quotes;
pub mod related;
mod report_dates;
pub mod split;
pub mod trail;
pub mod work;
pub mod wrap;

use crate::metadata::FileMeta;
use crate::model::{Diagnostic, Level, OutletBasis, Paragraph, ParagraphKind, Report};
use crate::text_marks::strip_in_place;
use dates::DateLine;
use normalize::{ends_sentence, fold, word_count, Line};
use people::find_people_and_quotes;
use report_dates::{apply_dates, apply_metadata, resolve_event_date};
use std::collections::HashSet;

pub use normalize::MAX_FILE_BYTES;
pub use options::ParseOptions;
pub use people::{name_counts, normalise_people, normalise_people_counted, NameCounts};

/// What one file yields.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ParsedFile {
    pub reports: Vec<Report>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses every file (in name order, so ids and output are deterministic) with its metadata.
/// This is the whole ingestion step; analysis runs on its result.
pub fn parse_corpus(
    files: &[crate::SourceFile],
    metadata: &crate::metadata::Metadata,
    options: &ParseOptions,
) -> ParsedFile {
    parse_corpus_counted(files, metadata, options, &crate::progress::NoProgress)
}

/// [`parse_corpus`], advancing `progress` by one per file parsed.
pub fn parse_corpus_counted(
    files: &[crate::SourceFile],
    metadata: &crate::metadata::Metadata,
    options: &ParseOptions,
    progress: &dyn crate::progress::Progress,
) -> ParsedFile {
    let mut files: Vec<&crate::SourceFile> = files.iter().collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let mut out = ParsedFile::default();
    // Files parse independently (on all cores with the `parallel` feature), joined in name order.
    let parsed = crate::par::map_counted(&files, progress, |file| {
        parse_file_with(
            &file.name,
            &file.bytes,
            metadata.files.get(&file.name),
            options,
        )
    });
    for parsed in parsed {
        out.reports.extend(parsed.reports);
        out.diagnostics.extend(parsed.diagnostics);
    }
    normalise_people(&mut out.reports);
    out
}

/// Parses one file. Never panics; problems become diagnostics.
pub fn parse_file(name: &str, bytes: &[u8], options: &ParseOptions) -> ParsedFile {
    parse_file_with(name, bytes, None, options)
}

/// Parses one file with the curator's metadata for it (which wins over what the text says).
pub fn parse_file_with(
    name: &str,
    bytes: &[u8],
    meta: Option<&FileMeta>,
    options: &ParseOptions,
) -> ParsedFile {
    let mut out = ParsedFile::default();
    let decoded = match normalize::decode(name, bytes) {
        Ok(d) => d,
        Err(d) => {
            out.diagnostics.push(d);
            return out;
        }
    };
    out.diagnostics.extend(decoded.warning);
    let lines = wrap::rejoin(normalize::lines(&decoded.text));
    out.diagnostics.extend(bidi_warning(name, &lines));
    // Every recogniser matches on the folded text of a line: fold each line once.
    let keys: Vec<String> = lines.iter().map(|l| fold(&l.text)).collect();
    let mut starts = split::split_reports_folded(&lines, &keys);
    starts.push(lines.len());
    for w in starts.windows(2) {
        let (seg, seg_keys) = (&lines[w[0]..w[1]], &keys[w[0]..w[1]]);
        let index = out.reports.len();
        let mut diags = Diagnostics {
            file: name,
            report: report_id(name, index),
            out: Vec::new(),
        };
        if let Some(report) = build_report(name, index, seg, seg_keys, meta, options, &mut diags) {
            out.reports.push(report);
        }
        out.diagnostics.extend(diags.out);
    }
    if out.reports.is_empty() {
        out.diagnostics.push(Diagnostic {
            file: name.to_string(),
            line: 0,
            level: Level::Warning,
            message: "no report text found (only page furniture)".into(),
            report: None,
        });
    }
    out
}

/// Bidirectional controls can make a title or a name read differently from what it is (a spoofing
/// trick): say where the first one is and which kinds the file holds.
fn bidi_warning(name: &str, lines: &[normalize::Line]) -> Option<Diagnostic> {
    let first = lines.iter().find(|l| l.marked.is_some())?;
    let mut kinds: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.marked.as_deref())
        .flat_map(str::chars)
        .filter_map(crate::text_marks::control_name)
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    Some(Diagnostic {
        file: name.to_string(),
        line: first.no,
        level: Level::Warning,
        message: format!(
            "bidirectional control characters ({}): removed from titles and names, shown as marks in the text",
            kinds.join(", ")
        ),
        report: None,
    })
}

/// Collects the warnings of one report.
struct Diagnostics<'a> {
    file: &'a str,
    report: String,
    out: Vec<Diagnostic>,
}

impl Diagnostics<'_> {
    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.out.push(Diagnostic {
            file: self.file.to_string(),
            line,
            level: Level::Warning,
            message: message.into(),
            report: Some(self.report.clone()),
        });
    }
}

/// The first `n` words of a sentence, for a title guessed from the body.
fn first_words(text: &str, n: usize) -> String {
    let sentence = text.split_inclusive(['.', '?', '!']).next().unwrap_or(text);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= n {
        sentence.trim().to_string()
    } else {
        format!(
            "{}\u{2026}",
            words[..n].join(" ").trim_end_matches([',', ';', ':'])
        )
    }
}

fn build_report(
    name: &str,
    index: usize,
    seg: &[Line],
    keys: &[String],
    meta: Option<&FileMeta>,
    options: &ParseOptions,
    diags: &mut Diagnostics,
) -> Option<Report> {
    let head = header::read_header_folded(seg, keys);
    let mut report = Report {
        id: report_id(name, index),
        file: name.to_string(),
        index,
        line: seg.first().map_or(1, |l| l.no),
        byline: head.byline.clone(),
        ..Report::default()
    };
    report.kicker = head.kicker_text(seg);
    report.standfirst = head.standfirst.iter().map(|(_, s)| s.clone()).collect();
    let mut dates: Vec<(usize, DateLine)> = head
        .dates
        .iter()
        .map(|(i, d)| (seg[*i].no, d.clone()))
        .collect();

    let body_from = head.body_start.min(seg.len());
    let mut body = body::read_body(
        &seg[body_from..],
        &keys[body_from..],
        &mut report,
        &mut dates,
    );

    // Title, or a guess from the first words.
    match head.title_text(seg) {
        Some(t) => report.title = t,
        None => {
            let first = body.first()?;
            report.title = first_words(&first.text, 12);
            diags.warn(
                first.line,
                "no title line found; the title was guessed from the first words",
            );
        }
    }
    report.line = head.title.map_or(report.line, |t| seg[t].no);

    // Dateline on the first paragraph.
    if let Some(first) = body.first_mut() {
        if let Some(d) = dateline::dateline(&first.text) {
            report.dateline = Some(d.place.clone());
            if let Some(credit) = d.credit {
                let k = fold(&credit);
                if ["desk", "staff", "report", "correspondent", "monitoring"]
                    .iter()
                    .any(|w| k.contains(w))
                {
                    report.byline.get_or_insert(credit);
                } else if report.outlet.is_none() {
                    report.outlet = Some(credit);
                    report.outlet_basis = OutletBasis::StatedInText;
                }
            }
            first.cut_front(d.text_start);
        }
    }

    // Paragraphs, headings, cut-off scrapes.
    for (k, b) in body.iter().enumerate() {
        let next_is_text = body
            .get(k + 1)
            .is_some_and(|n| !headings::is_heading(&n.text, true) || word_count(&n.text) > 8);
        let kind = if headings::is_heading(&b.text, next_is_text) {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Text
        };
        if kind == ParagraphKind::Text && !ends_sentence(&b.text) && word_count(&b.text) >= 6 {
            let tail: String = {
                let chars: Vec<char> = b.text.chars().collect();
                chars[chars.len().saturating_sub(30)..].iter().collect()
            };
            diags.warn(b.line, format!("paragraph ends mid-sentence (\u{201c}\u{2026}{tail}\u{201d}): the scrape may be cut off"));
        }
        report.paragraphs.push(Paragraph {
            kind,
            text: b.printed().to_string(),
            line: b.line,
            topic_hits: vec![],
        });
    }
    if !report
        .paragraphs
        .iter()
        .any(|p| p.kind == ParagraphKind::Text)
    {
        diags.warn(report.line, "the report has no body text");
    }

    find_people_and_quotes(&mut report, diags);
    apply_dates(&mut report, &dates, diags, options);
    apply_metadata(&mut report, meta, diags, options);
    resolve_event_date(&mut report, diags, options);
    strip_label_marks(&mut report);
    Some(report)
}

/// Bidi controls reorder what a reader sees: labels and filter values never keep them (the
/// body does; the reader shows them with `text_marks::segments`). Most labels come from lines
/// already without them; names of speakers and the curator's metadata may still hold some.
fn strip_label_marks(report: &mut Report) {
    strip_in_place(&mut report.title);
    for label in [
        &mut report.kicker,
        &mut report.byline,
        &mut report.dateline,
        &mut report.outlet,
        &mut report.event_date_evidence,
    ]
    .into_iter()
    .flatten()
    {
        strip_in_place(label);
    }
    for names in [
        &mut report.people,
        &mut report.organisations,
        &mut report.places,
        &mut report.speakers,
    ] {
        names.iter_mut().for_each(strip_in_place);
        // Two spellings that differed only by a control are one name.
        let mut seen = HashSet::new();
        names.retain(|n| seen.insert(n.clone()));
    }
    for q in &mut report.quotes {
        if let Some(s) = &mut q.speaker {
            strip_in_place(s);
        }
    }
    for link in &mut report.related {
        strip_in_place(&mut link.label);
        strip_in_place(&mut link.headline);
    }
}

/// A stable, URL-safe id from the file name (without extension) and the report's index in it.
pub fn report_id(file_name: &str, index: usize) -> String {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let mut id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if id.is_empty() {
        id.push_str("file");
    }
    format!("{id}-{index}")
}
