//! The body of a report: the lines from the end of the header to the end of the report text,
//! without page furniture. Related links, a byline and date lines met on the way go to the
//! report (or to `dates`) instead of the body.

use super::boilerplate;
use super::dates::{parse_date_line, DateLine};
use super::footer::parse_published_in_folded;
use super::normalize::{ends_sentence, fold, word_count, Line};
use super::related::related_link_folded;
use super::trail::is_breadcrumb;
use crate::model::{RelatedLink, Report};
use std::collections::HashSet;

/// One body line after boilerplate removal.
pub(super) struct BodyLine {
    pub line: usize,
    pub text: String,
}

/// The body lines of a report from `lines` (those after its header; `keys[i]` is the folded
/// text of `lines[i]`). Date lines found go to `dates` with their line number.
pub(super) fn read_body(
    lines: &[Line],
    keys: &[String],
    report: &mut Report,
    dates: &mut Vec<(usize, DateLine)>,
) -> Vec<BodyLine> {
    // Cut at the first end marker (comment box, link list), then teasers at the end.
    let mut body_lines = lines;
    let body_keys = keys;
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
            || is_breadcrumb(t)
            || boilerplate::is_separator(t)
            || boilerplate::is_credit_folded(t, k)
        {
            continue;
        }
        if let Some((label, mut headline)) = related_link_folded(t, k) {
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
    body
}
