//! A report's dates: publication and update dates from its date lines, the curator's metadata
//! (which wins, for the outlet too), and the event date read from the text.

use super::dates::{DateLabel, DateLine};
use super::{event, Diagnostics, ParseOptions};
use crate::metadata::FileMeta;
use crate::model::{DateBasis, OutletBasis, ParagraphKind, Report};
use crate::text_marks::strip_controls;
use std::borrow::Cow;

/// Published / updated dates from the date lines, with their problems as warnings. A date
/// outside the plausible range is a typo or a placeholder: warned about and not used.
pub(super) fn apply_dates(
    report: &mut Report,
    dates: &[(usize, DateLine)],
    diags: &mut Diagnostics,
    options: &ParseOptions,
) {
    let mut relative_only = None;
    for (line, d) in dates {
        if d.relative {
            relative_only.get_or_insert(*line);
        }
        if let Some(why) = d.date.and_then(|date| options.implausible(date)) {
            // The doubt about a weekday or reading order is moot for a date not used.
            diags.warn(
                *line,
                format!(
                    "date \u{201c}{}\u{201d} {why}: ignored as implausible",
                    d.written
                ),
            );
            continue;
        }
        if let Some(problem) = &d.problem {
            diags.warn(*line, problem.clone());
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

/// Curator metadata wins over inference; the basis says so. An implausible date there is a
/// typo too: warned about (at the report's line: the sidecar's lines are not kept) and not used.
pub(super) fn apply_metadata(
    report: &mut Report,
    meta: Option<&FileMeta>,
    diags: &mut Diagnostics,
    options: &ParseOptions,
) {
    let Some(meta) = meta else { return };
    let mut meta = meta.for_report(report.index);
    for (field, date) in [
        ("published", &mut meta.published),
        ("event_date", &mut meta.event_date),
    ] {
        if let Some(why) = date.and_then(|d| options.implausible(d)) {
            diags.warn(
                report.line,
                format!(
                    "metadata {field} \u{201c}{}\u{201d} {why}: ignored as implausible",
                    date.take().map(|d| d.to_string()).unwrap_or_default()
                ),
            );
        }
    }
    if let Some(o) = meta.outlet {
        report.outlet = Some(o);
        report.outlet_basis = OutletBasis::Metadata;
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

pub(super) fn resolve_event_date(
    report: &mut Report,
    diags: &mut Diagnostics,
    options: &ParseOptions,
) {
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
    // Weekdays and dates are read without bidi controls, which would hide an "on" before them.
    let plain: Vec<Cow<str>> = texts.iter().map(|t| strip_controls(t)).collect();
    let plain: Vec<&str> = plain.iter().map(|t| t.as_ref()).collect();
    let e = event::resolve_event(&plain, report.published, options);
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
