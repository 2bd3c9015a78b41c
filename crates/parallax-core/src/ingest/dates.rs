//! Date lines: "April 12, 2024", "2024-09-04", "Updated 09 July 2024", "Tuesday, Sept. 3rd, 2024
//! 10:45 AM PKT", "By Jane Roe | Published 4 Sep 2024", "Updated 10 sec ago" (relative: no date).
//! "Published in <outlet>, <date>" lines at the end of a text are in `footer`.
//!
//! A date line is a line that holds a date and nothing but date words (labels, weekday, time,
//! zone, byline segment). Dates inside sentences are the event resolver's business.

use super::date_expr::{parse_expr, time_only, Expr};
use super::normalize::fold;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateLabel {
    Plain,
    Published,
    Updated,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct DateLine {
    pub label: Option<DateLabel>,
    /// The calendar date, when the line gives a valid one.
    pub date: Option<NaiveDate>,
    /// "10 sec ago", "yesterday": a date relative to a moment we do not know.
    pub relative: bool,
    /// Why a date-looking line gives no date, or a doubt about it (becomes a warning).
    pub problem: Option<String>,
    /// "By …" segment of the same line.
    pub byline: Option<String>,
    /// Outlet named by a "published in <outlet>, <date>" line.
    pub outlet: Option<String>,
    /// The date as printed (the part of the line that holds it), for warnings.
    pub written: String,
}

const LABELS: [(&str, DateLabel); 17] = [
    ("last updated", DateLabel::Updated),
    ("last modified", DateLabel::Updated),
    ("updated on", DateLabel::Updated),
    ("updated at", DateLabel::Updated),
    ("updated", DateLabel::Updated),
    ("modified", DateLabel::Updated),
    ("first published on", DateLabel::Published),
    ("first published", DateLabel::Published),
    ("published on", DateLabel::Published),
    ("published at", DateLabel::Published),
    ("published", DateLabel::Published),
    ("posted on", DateLabel::Published),
    ("posted", DateLabel::Published),
    ("dated", DateLabel::Plain),
    ("date", DateLabel::Plain),
    ("on", DateLabel::Plain),
    ("at", DateLabel::Plain),
];

/// Strips one leading label ("Updated", "Published on:") and says which.
fn strip_label(s: &str) -> (Option<DateLabel>, &str) {
    for (word, label) in LABELS {
        if let Some(rest) = s.strip_prefix(word) {
            if rest.is_empty() || rest.starts_with([' ', ':', '-', ',']) {
                let rest = rest.trim_start_matches([' ', ':', '-', ',']);
                let (_, rest2) = strip_label(rest); // "Updated on" / "Published: on"
                return (
                    Some(label),
                    if rest2.len() < rest.len() {
                        rest2
                    } else {
                        rest
                    },
                );
            }
        }
    }
    (None, s)
}

/// Reads a whole line as a date line, or says it is not one.
pub fn parse_date_line(text: &str) -> Option<DateLine> {
    // Every character but spaces folds to at least one byte: more than 160 of them can never
    // fold to a date line. Checked before folding so a long paragraph costs nothing here.
    if text
        .chars()
        .filter(|&c| !c.is_whitespace() && !super::normalize::is_odd_space(c))
        .nth(160)
        .is_some()
    {
        return None;
    }
    parse_date_line_folded(text, &fold(text))
}

/// `parse_date_line` for a line whose folded form is at hand.
pub fn parse_date_line_folded(text: &str, folded: &str) -> Option<DateLine> {
    if folded.len() > 160 {
        return None;
    }
    let mut out = DateLine::default();
    let mut found = false;
    // Segments: "By Jane Roe | Published 4 Sep 2024 | 5 min read"
    let original_segments: Vec<&str> = text.split(['|', '\u{2022}', '\u{b7}']).collect();
    for (i, seg) in folded.split(['|', '\u{2022}', '\u{b7}']).enumerate() {
        let seg = seg.trim();
        if seg.is_empty() {
            continue;
        }
        if seg.starts_with("by ") {
            out.byline = original_segments
                .get(i)
                .map(|s| s.trim()[3..].trim().to_string());
            continue;
        }
        if seg.ends_with("min read") || seg.ends_with("minute read") || seg.ends_with("mins read") {
            continue;
        }
        let (label, rest) = strip_label(seg);
        if rest.is_empty() && label.is_some() {
            continue; // "Updated:" alone
        }
        if time_only(rest) {
            continue; // "| 11:30 am PKT"
        }
        // Problems quote the date as printed, not as folded for matching.
        let as_printed = |why: String| {
            let printed = original_segments.get(i).map_or(text, |s| s).trim();
            why.replace(
                &format!("\u{201c}{rest}\u{201d}"),
                &format!("\u{201c}{printed}\u{201d}"),
            )
        };
        match parse_expr(rest)? {
            Expr::Relative => out.relative = true,
            Expr::Date(d, doubt) => {
                if out.date.is_none() {
                    out.date = Some(d);
                    out.problem = doubt.map(as_printed);
                    out.written = original_segments
                        .get(i)
                        .map_or(text, |s| s)
                        .trim()
                        .to_string();
                }
            }
            Expr::Invalid(why) => out.problem = Some(as_printed(why)),
        }
        if out.label.is_none() || label == Some(DateLabel::Updated) {
            out.label = label.or(Some(DateLabel::Plain));
        }
        found = true;
    }
    found.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn seed_forms() {
        assert_eq!(
            parse_date_line("April 12, 2024").unwrap().date,
            d(2024, 4, 12)
        );
        assert_eq!(parse_date_line("2024-09-04").unwrap().date, d(2024, 9, 4));
        let up = parse_date_line("Updated 09 July 2024").unwrap();
        assert_eq!(
            (up.date, up.label),
            (d(2024, 7, 9), Some(DateLabel::Updated))
        );
        let rel = parse_date_line("Updated 10 sec ago").unwrap();
        assert!(rel.relative && rel.date.is_none());
    }

    #[test]
    fn other_forms() {
        for (line, want) in [
            ("Tuesday, September 3, 2024", d(2024, 9, 3)),
            ("Tue, Sept. 3rd, 2024 10:45 AM PKT", d(2024, 9, 3)),
            ("9th July 2024", d(2024, 7, 9)),
            ("Published: 4 Sep 2024, 08:15 GMT+5", d(2024, 9, 4)),
            (
                "Last updated on July 10, 2024 at 3:05 pm EDT",
                d(2024, 7, 10),
            ),
            ("2024/07/09", d(2024, 7, 9)),
            ("2024-07-09T10:30:00+05:00", d(2024, 7, 9)),
            ("13/07/2024", d(2024, 7, 13)),
            ("July 9, 2024 | 11:30 am", d(2024, 7, 9)),
            ("Monday 8 July 2024 14.05 BST", d(2024, 7, 8)),
        ] {
            let got = parse_date_line(line).map(|l| l.date).unwrap_or(None);
            assert_eq!(got, want, "{line}");
        }
        let by = parse_date_line("By Jane Roe | Published September 4, 2024").unwrap();
        assert_eq!(by.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(by.date, d(2024, 9, 4));
    }

    #[test]
    fn not_date_lines() {
        for line in [
            "At his regular media briefing on Thursday, Miller said.",
            "MAY 9 PROTESTS",
            "In World",
            "May 9 protests",
            "Follow",
            "US Department of State",
        ] {
            assert!(parse_date_line(line).is_none(), "{line}");
        }
    }

    #[test]
    fn problems() {
        let bad = parse_date_line("February 30, 2024").unwrap();
        assert_eq!(
            (bad.date, bad.problem.as_deref()),
            (
                None,
                Some("impossible date \u{201c}February 30, 2024\u{201d}")
            )
        );
        let ambiguous = parse_date_line("04/09/2024").unwrap();
        assert_eq!(ambiguous.date, d(2024, 9, 4));
        assert!(ambiguous.problem.unwrap().contains("ambiguous"));
        let wrong_day = parse_date_line("Friday, April 11, 2024").unwrap();
        assert!(wrong_day.problem.unwrap().contains("Thu"));
        assert!(parse_date_line("September 3")
            .unwrap()
            .problem
            .unwrap()
            .contains("no year"));
    }

    #[test]
    fn ordinal_days() {
        for (line, want) in [
            ("May 9th, 2024", d(2024, 5, 9)),
            ("June 1st, 2024", d(2024, 6, 1)),
            ("22nd February 2024", d(2024, 2, 22)),
            ("3rd March 2024", d(2024, 3, 3)),
            ("Thursday, 22nd February 2024", d(2024, 2, 22)),
            ("Feb. 1st, 2024", d(2024, 2, 1)),
            ("the 3rd of March, 2024", d(2024, 3, 3)),
            ("Published on 21st May 2024", d(2024, 5, 21)),
            ("Updated: 2ND JUNE 2024", d(2024, 6, 2)),
            ("Sunday 23rd June 2024 11:45 PKT", d(2024, 6, 23)),
        ] {
            let got = parse_date_line(line).map(|l| l.date).unwrap_or(None);
            assert_eq!(got, want, "{line}");
        }
    }
}
