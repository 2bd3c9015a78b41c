//! A report's dates: publication and update dates from its date lines, the curator's metadata
//! (which wins), and the event date read from the text.

use super::dates::{DateLabel, DateLine};
use super::{event, Diagnostics};
use crate::metadata::FileMeta;
use crate::model::{DateBasis, ParagraphKind, Report};

/// Published / updated dates from the date lines, with their problems as warnings.
pub(super) fn apply_dates(
    report: &mut Report,
    dates: &[(usize, DateLine)],
    diags: &mut Diagnostics,
) {
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
pub(super) fn apply_metadata(report: &mut Report, meta: Option<&FileMeta>) {
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

pub(super) fn resolve_event_date(report: &mut Report, diags: &mut Diagnostics) {
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
