//! Turning one scraped text file into reports.
//!
//! The pipeline, one recogniser per module: `normalize` (bytes → checked, numbered lines),
//! `split` (several reports on one page), `header` (kicker, title printed twice, standfirst,
//! byline, date lines), `dates` (date-line formats), `boilerplate` (widgets, comment boxes,
//! captions, teasers, related links), `dateline`, `headings`, `event` (the event date from
//! weekday mentions), `quotes` (quotes and speakers) and `entities` (people, organisations,
//! places, aliases). Nothing here panics on any input; problems become diagnostics.

pub mod boilerplate;
pub mod dateline;
pub mod dates;
pub mod entities;
pub mod event;
pub mod header;
pub mod headings;
pub mod normalize;
pub mod quotes;
pub mod split;
pub mod work;
pub mod wrap;

use crate::metadata::FileMeta;
use crate::model::{DateBasis, Diagnostic, Level, Paragraph, ParagraphKind, RelatedLink, Report};
use dates::{parse_date_line, parse_published_in_folded, DateLabel, DateLine};
use normalize::{ends_sentence, fold, word_count, Line};
use std::collections::{HashMap, HashSet};

pub use normalize::MAX_FILE_BYTES;

/// What one file yields.
#[derive(Clone, Debug, Default)]
pub struct ParsedFile {
    pub reports: Vec<Report>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses every file (in name order, so ids and output are deterministic) with its metadata.
/// This is the whole ingestion step; analysis runs on its result.
pub fn parse_corpus(
    files: &[crate::SourceFile],
    metadata: &crate::metadata::Metadata,
) -> ParsedFile {
    let mut files: Vec<&crate::SourceFile> = files.iter().collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let mut out = ParsedFile::default();
    for file in files {
        let parsed = parse_file_with(&file.name, &file.bytes, metadata.files.get(&file.name));
        out.reports.extend(parsed.reports);
        out.diagnostics.extend(parsed.diagnostics);
    }
    normalise_people(&mut out.reports);
    out
}

/// Parses one file. Never panics; problems become diagnostics.
pub fn parse_file(name: &str, bytes: &[u8]) -> ParsedFile {
    parse_file_with(name, bytes, None)
}

/// Parses one file with the curator's metadata for it (which wins over what the text says).
pub fn parse_file_with(name: &str, bytes: &[u8], meta: Option<&FileMeta>) -> ParsedFile {
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
        if let Some(report) = build_report(name, index, seg, seg_keys, meta, &mut diags) {
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

/// One body line after boilerplate removal.
struct BodyLine {
    line: usize,
    text: String,
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
    if let Some(k) = head.kicker {
        report.kicker = Some(seg[k].text.clone());
    }
    report.standfirst = head.standfirst.iter().map(|(_, s)| s.clone()).collect();
    let mut dates: Vec<(usize, DateLine)> = head
        .dates
        .iter()
        .map(|(i, d)| (seg[*i].no, d.clone()))
        .collect();

    // Body: cut at the first end marker (comment box, link list), then teasers at the end.
    let body_from = head.body_start.min(seg.len());
    let mut body_lines: &[Line] = &seg[body_from..];
    let body_keys = &keys[body_from..];
    if let Some(end) = body_keys
        .iter()
        .position(|k| boilerplate::is_terminal_folded(k))
    {
        body_lines = &body_lines[..end];
    }
    let texts: Vec<&str> = body_lines.iter().map(|l| l.text.as_str()).collect();
    if let Some(start) = boilerplate::trailing_teasers_start(&texts) {
        body_lines = &body_lines[..start];
    }
    let mut body: Vec<BodyLine> = Vec::new();
    let mut seen_links = HashSet::new();
    let mut i = 0;
    while i < body_lines.len() {
        let l = &body_lines[i];
        let (t, k) = (l.text.as_str(), body_keys[i].as_str());
        i += 1;
        if boilerplate::is_widget_folded(k)
            || boilerplate::is_breadcrumb_folded(t, k)
            || boilerplate::is_separator(t)
            || boilerplate::is_credit_folded(t, k)
        {
            continue;
        }
        if let Some((label, mut headline)) = boilerplate::related_link_folded(t, k) {
            // A label alone on its line: the headline is the next line.
            if headline.is_empty() {
                match body_lines.get(i) {
                    Some(next) if !ends_sentence(&next.text) || word_count(&next.text) <= 20 => {
                        headline = next.text.clone();
                        i += 1;
                    }
                    _ => continue,
                }
            }
            // The same link printed twice is kept once.
            if seen_links.insert(fold(&headline)) {
                report.related.push(RelatedLink {
                    label,
                    headline,
                    line: l.no,
                });
            }
            continue;
        }
        if boilerplate::is_caption_folded(t, k, false) {
            continue;
        }
        if let Some(p) = parse_published_in_folded(t, k) {
            if report.outlet.is_none() {
                report.outlet = p.outlet.clone();
            }
            dates.push((l.no, p));
            continue;
        }
        if let Some(d) = parse_date_line(t) {
            dates.push((l.no, d));
            continue;
        }
        if body.is_empty() && report.byline.is_none() {
            if let Some(b) = boilerplate::byline_folded(t, k) {
                report.byline = Some(b);
                continue;
            }
        }
        body.push(BodyLine {
            line: l.no,
            text: t.to_string(),
        });
    }

    // Title, or a guess from the first words.
    match head.title {
        Some(t) => report.title = seg[t].text.clone(),
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
                } else {
                    report.outlet.get_or_insert(credit);
                }
            }
            first.text = first.text[d.text_start..].to_string();
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
            text: b.text.clone(),
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
    apply_dates(&mut report, &dates, diags);
    apply_metadata(&mut report, meta);
    resolve_event_date(&mut report, diags);
    Some(report)
}

/// People, organisations, places, quotes and speakers of one report.
fn find_people_and_quotes(report: &mut Report, diags: &mut Diagnostics) {
    let mut texts: Vec<&str> = report.standfirst.iter().map(|s| s.as_str()).collect();
    texts.extend(
        report
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Text)
            .map(|p| p.text.as_str()),
    );
    let m = entities::mentions(&texts);
    let mut people = m.people;
    report.organisations = m.organisations;
    report.places = m.places;
    if let Some(place) = &report.dateline {
        // "ISLAMABAD" → "Islamabad" when the text names it that way too.
        let known = report
            .places
            .iter()
            .find(|p| p.eq_ignore_ascii_case(place))
            .cloned();
        if known.is_none() {
            let mut chars = place.to_lowercase().chars().collect::<Vec<_>>();
            let mut up = true;
            for c in chars.iter_mut() {
                if up {
                    *c = c.to_uppercase().next().unwrap_or(*c);
                }
                up = *c == ' ' || *c == '-';
            }
            report.places.insert(0, chars.into_iter().collect());
        }
    }
    // A surname alone means the one person of the report with that surname.
    let mut by_surname: HashMap<String, Vec<String>> = HashMap::new();
    for p in &people {
        if let Some(surname) = p.rsplit(' ').next() {
            by_surname
                .entry(surname.to_string())
                .or_default()
                .push(p.clone());
        }
    }
    let resolve = |name: &str| -> String {
        if name.contains(' ') {
            return name.to_string();
        }
        match by_surname.get(name).map(|v| v.as_slice()) {
            Some([one]) => one.clone(),
            _ => name.to_string(),
        }
    };
    let paragraphs: Vec<Option<&str>> = report
        .paragraphs
        .iter()
        .map(|p| (p.kind == ParagraphKind::Text).then_some(p.text.as_str()))
        .collect();
    let (found, speakers) = quotes::find_quotes(&paragraphs, &resolve);
    // A set of the names so far: a report can name thousands of speakers.
    let mut known: HashSet<String> = people.iter().cloned().collect();
    for s in &speakers {
        work::add(1);
        if known.insert(s.clone()) {
            people.push(s.clone());
        }
    }
    for q in found {
        let line = report
            .paragraphs
            .get(q.paragraph)
            .map_or(report.line, |p| p.line);
        if q.speaker.is_none() {
            diags.warn(line, "a quote with no speaker");
        }
        if q.unterminated {
            diags.warn(line, "a quote is opened but never closed");
        }
        report.quotes.push(crate::model::Quote {
            speaker: q.speaker,
            text: q.text,
            paragraph: q.paragraph,
        });
    }
    report.people = people;
    report.speakers = speakers;
}

/// One spelling per person across the corpus: spelling variants of a name merge into the
/// spelling most reports use ("Mathew Miller" → "Matthew Miller"), and a surname alone
/// becomes the one full name in the corpus with that surname.
pub fn normalise_people(reports: &mut [Report]) {
    // How often each spelling is printed in the whole corpus: the majority spelling wins.
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for r in reports.iter() {
        let texts: Vec<&str> = r
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .chain(r.standfirst.iter().map(|s| s.as_str()))
            .collect();
        let mut names: Vec<&str> = r
            .people
            .iter()
            .chain(r.speakers.iter())
            .filter(|n| n.contains(' '))
            .map(|n| n.as_str())
            .collect();
        names.sort();
        names.dedup();
        for (n, c) in entities::count_names(&texts, &names) {
            *counts.entry(n).or_default() += c;
        }
    }
    let map = entities::alias_map(&counts);
    let mut canon: Vec<String> = map.values().cloned().collect();
    canon.sort();
    canon.dedup();
    // A surname alone stands for the one canonical name with that surname, if there is one.
    let mut by_surname: HashMap<&str, Vec<&String>> = HashMap::new();
    for c in &canon {
        if let Some(surname) = c.rsplit(' ').next() {
            by_surname.entry(surname).or_default().push(c);
        }
    }
    let fix = |n: &str| -> String {
        if let Some(c) = map.get(n) {
            return c.clone();
        }
        if !n.contains(' ') {
            if let Some([one]) = by_surname.get(n).map(|v| v.as_slice()) {
                return (*one).clone();
            }
        }
        n.to_string()
    };
    let dedup = |v: &mut Vec<String>| {
        let mut seen = HashSet::new();
        v.retain(|x| seen.insert(x.clone()));
    };
    for r in reports.iter_mut() {
        r.people = r.people.iter().map(|n| fix(n)).collect();
        dedup(&mut r.people);
        r.speakers = r.speakers.iter().map(|n| fix(n)).collect();
        dedup(&mut r.speakers);
        for q in &mut r.quotes {
            q.speaker = q.speaker.as_deref().map(fix);
        }
    }
}

/// Published / updated dates from the date lines, with their problems as warnings.
fn apply_dates(report: &mut Report, dates: &[(usize, DateLine)], diags: &mut Diagnostics) {
    let mut relative_only = None;
    for (line, d) in dates {
        if let Some(problem) = &d.problem {
            diags.warn(*line, problem.clone());
        }
        if d.relative {
            relative_only.get_or_insert(*line);
        }
        let Some(date) = d.date else { continue };
        match d.label {
            Some(DateLabel::Updated) => {
                report.updated.get_or_insert(date);
            }
            _ => {
                if report.published.is_none() {
                    report.published = Some(date);
                    report.published_basis = DateBasis::Stated;
                }
            }
        }
    }
    // "Updated 09 July 2024" is the only date some pages print: it stands for publication.
    if report.published.is_none() {
        if let Some(u) = report.updated {
            report.published = Some(u);
            report.published_basis = DateBasis::Stated;
        }
    }
    if report.published.is_none() {
        match relative_only {
            Some(line) => diags.warn(
                line,
                "the only date line is relative (\u{201c}… ago\u{201d}): no publication date",
            ),
            None => diags.warn(report.line, "no publication date found"),
        }
    }
}

/// Curator metadata wins over inference; the basis says so.
fn apply_metadata(report: &mut Report, meta: Option<&FileMeta>) {
    let Some(meta) = meta else { return };
    let meta = meta.for_report(report.index);
    if let Some(o) = meta.outlet {
        report.outlet = Some(o);
    }
    if let Some(u) = meta.url {
        report.url = Some(u);
    }
    if let Some(t) = meta.title {
        report.title = t;
    }
    if let Some(p) = meta.published {
        report.published = Some(p);
        report.published_basis = DateBasis::Metadata;
    }
    if let Some(e) = meta.event_date {
        report.event_date = Some(e);
        report.event_date_basis = DateBasis::Metadata;
        report.event_date_evidence = Some("curator metadata".into());
    }
}

fn resolve_event_date(report: &mut Report, diags: &mut Diagnostics) {
    if report.event_date_basis == DateBasis::Metadata {
        return;
    }
    // The text paragraphs, then the standfirst (which has no line of its own: the title's).
    let (texts, lines): (Vec<&str>, Vec<usize>) = report
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Text)
        .map(|p| (p.text.as_str(), p.line))
        .chain(report.standfirst.iter().map(|s| (s.as_str(), report.line)))
        .unzip();
    let e = event::resolve_event(&texts, report.published);
    report.event_date = e.date;
    report.event_date_basis = if e.date.is_some() {
        e.basis
    } else {
        DateBasis::Unknown
    };
    report.event_date_evidence = e.evidence;
    if let Some(words) = e.unresolved {
        let line = e
            .paragraph
            .and_then(|p| lines.get(p).copied())
            .unwrap_or(report.line);
        diags.warn(line, format!("the event is named only by weekday (\u{201c}{words}\u{201d}) and there is no publication date to resolve it"));
    } else if e.date.is_none() && report.published.is_some() {
        diags.warn(report.line, "no event date found in the text");
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
