//! The body of a report: the lines from the end of the header to the end of the report text,
//! without page furniture. Related links, a byline and date lines met on the way go to the
//! report (or to `dates`) instead of the body.

use super::boilerplate;
use super::captions::{is_caption_folded, is_credit_folded};
use super::dates::{parse_date_line, DateLine};
use super::footer::parse_published_in_folded;
use super::normalize::{fold, Line};
use super::related::{link_teaser, related_link_folded};
use super::trail::is_breadcrumb;
use crate::model::{OutletBasis, RelatedLink, Report};
use crate::text_marks::is_bidi_control;
use std::collections::HashSet;

/// One body line after boilerplate removal.
pub(super) struct BodyLine {
    pub line: usize,
    /// Without bidi controls, for recognisers.
    pub text: String,
    /// As printed, when it has bidi controls (see `Line::marked`).
    pub marked: Option<String>,
}

impl BodyLine {
    /// Drops the first `at` bytes of `text` (a dateline) and the same printed characters of
    /// `marked`, whose controls after them stay.
    pub fn cut_front(&mut self, at: usize) {
        let dropped = self.text[..at]
            .chars()
            .filter(|c| !c.is_whitespace())
            .count();
        self.text = self.text[at..].to_string();
        if let Some(m) = &mut self.marked {
            let mut seen = 0;
            let cut = m
                .char_indices()
                .find(|&(_, c)| {
                    let done = seen == dropped;
                    if !c.is_whitespace() && !is_bidi_control(c) {
                        seen += 1;
                    }
                    done
                })
                .map_or(m.len(), |(i, _)| i);
            *m = m[cut..].trim_start().to_string();
        }
    }

    /// The text as printed.
    pub fn printed(&self) -> &str {
        self.marked.as_deref().unwrap_or(&self.text)
    }
}

/// What a kept line is, until the teasers at the end are known.
enum Kind {
    Text,
    Date(DateLine),
    /// Teaser blocks often carry widgets ("5 min read"): they mark the end, then go.
    Widget,
}

/// The body lines of a report from `lines` (those after its header; `keys[i]` is the folded
/// text of `lines[i]`). Date lines found go to `dates` with their line number.
pub(super) fn read_body(
    lines: &[Line],
    keys: &[String],
    report: &mut Report,
    dates: &mut Vec<(usize, DateLine)>,
) -> Vec<BodyLine> {
    // Nothing of the report follows an end marker (comment box, link list).
    let end = keys
        .iter()
        .position(|k| boilerplate::is_terminal_folded(k))
        .unwrap_or(lines.len());
    let texts: Vec<&str> = lines[..end].iter().map(|l| l.text.as_str()).collect();
    let mut kept: Vec<(usize, Kind)> = Vec::new();
    let mut seen_links = HashSet::new();
    let mut i = 0;
    while i < end {
        let (at, t, k) = (i, texts[i], keys[i].as_str());
        i += 1;
        if boilerplate::is_widget_folded(k) {
            kept.push((at, Kind::Widget));
            continue;
        }
        if is_breadcrumb(t) || boilerplate::is_separator(t) || is_credit_folded(t, k) {
            continue;
        }
        if let Some((label, headline)) = related_link_folded(t, k) {
            let Some((headline, used)) = link_teaser(&headline, &texts[i..]) else {
                continue;
            };
            i += used;
            // The same link printed twice is kept once.
            if seen_links.insert(fold(&headline)) {
                report.related.push(RelatedLink {
                    label,
                    headline,
                    line: lines[at].no,
                });
            }
            continue;
        }
        if is_caption_folded(t, k, false) {
            continue;
        }
        if let Some(p) = parse_published_in_folded(t, k) {
            if report.outlet.is_none() && p.outlet.is_some() {
                report.outlet = p.outlet.clone();
                report.outlet_basis = OutletBasis::StatedInText;
            }
            dates.push((lines[at].no, p));
            continue;
        }
        match parse_date_line(t) {
            Some(d) => kept.push((at, Kind::Date(d))),
            None => kept.push((at, Kind::Text)),
        }
    }
    // Teasers of other stories after the report: known only once related links and footers,
    // which are not teasers, are out of the way.
    let kept_texts: Vec<&str> = kept.iter().map(|(at, _)| texts[*at]).collect();
    if let Some(start) = boilerplate::trailing_teasers_start(&kept_texts) {
        kept.truncate(start);
    }
    let mut body: Vec<BodyLine> = Vec::new();
    for (at, kind) in kept {
        let (t, k) = (texts[at], keys[at].as_str());
        match kind {
            Kind::Widget => {}
            Kind::Date(d) => dates.push((lines[at].no, d)),
            Kind::Text => {
                if body.is_empty() && report.byline.is_none() {
                    if let Some(b) = boilerplate::byline_folded(t, k) {
                        report.byline = Some(b);
                        continue;
                    }
                }
                body.push(BodyLine {
                    line: lines[at].no,
                    text: t.to_string(),
                    marked: lines[at].marked.clone(),
                });
            }
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutting_a_dateline_keeps_the_marks_after_it() {
        let mut b = BodyLine {
            line: 1,
            text: "GENEVA: Delegates met.".into(),
            marked: Some("GENEVA\u{200e}: \u{202e}Delegates\u{202c} met.".into()),
        };
        b.cut_front("GENEVA: ".len());
        assert_eq!(b.text, "Delegates met.");
        assert_eq!(b.printed(), "\u{202e}Delegates\u{202c} met.");
    }
}
