//! Date lines: "April 12, 2024", "2024-09-04", "Updated 09 July 2024", "Tuesday, Sept. 3rd, 2024
//! 10:45 AM PKT", "By Jane Roe | Published 4 Sep 2024", "Updated 10 sec ago" (relative: no date).
//! "Published in <outlet>, <date>" lines at the end of a text are in `footer`.
//!
//! A date line is a line that holds a date and nothing but date words (labels, weekday, time,
//! zone, byline segment). Dates inside sentences are the event resolver's business.

use super::normalize::fold;
use chrono::{Datelike, NaiveDate, Weekday};

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

pub const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

const WEEKDAY_ABBR: [(&str, Weekday); 10] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

pub fn month_of(word: &str) -> Option<u32> {
    MONTHS.iter().find(|(m, _)| *m == word).map(|&(_, n)| n)
}

pub fn weekday_of(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .chain(WEEKDAY_ABBR.iter())
        .find(|(w, _)| *w == word)
        .map(|&(_, d)| d)
}

/// Zone names seen after times. Not exhaustive: an unknown 2–5 letter word after a time is
/// accepted as a zone too (see `parse_expr`).
const ZONES: [&str; 16] = [
    "gmt", "utc", "pkt", "pst", "pdt", "est", "edt", "cst", "cdt", "mst", "mdt", "ist", "bst",
    "cet", "cest", "et",
];

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

const RELATIVE_UNITS: [&str; 20] = [
    "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour",
    "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
];

fn is_relative(s: &str) -> bool {
    let s = s.trim_end_matches('.');
    if matches!(
        s,
        "just now" | "yesterday" | "today" | "moments ago" | "a moment ago" | "now"
    ) {
        return true;
    }
    let Some(head) = s.strip_suffix(" ago") else {
        return false;
    };
    let mut parts = head.split(' ');
    let (Some(n), Some(unit), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let unit_ok = RELATIVE_UNITS.contains(&unit);
    (n.chars().all(|c| c.is_ascii_digit()) || matches!(n, "a" | "an" | "one" | "few")) && unit_ok
}

/// Outcome of reading one date expression.
#[derive(Debug, PartialEq)]
pub(super) enum Expr {
    Date(NaiveDate, Option<String>),
    Invalid(String),
    Relative,
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn ymd(y: i32, m: u32, d: u32, shown: &str) -> Expr {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => Expr::Date(date, None),
        None => Expr::Invalid(format!("impossible date \u{201c}{shown}\u{201d}")),
    }
}

/// Numeric dates: 2024-09-04, 2024/09/04, 2024-09-04T10:00:00+05:00, 04/09/2024, 04.09.2024.
fn numeric(token: &str) -> Option<Expr> {
    let head = token.split(['t', ' ']).next().unwrap_or(token);
    let sep = head.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = head.split(sep).collect();
    if parts.len() != 3 {
        return None;
    }
    let (a, b, c) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
    if parts[0].len() == 4 {
        return Some(ymd(a as i32, b, c, token));
    }
    if parts[2].len() != 4 {
        return None;
    }
    let year = c as i32;
    // Day first unless that is impossible: most of the world writes 04/09/2024 as 4 September.
    if a > 12 || sep == '.' {
        Some(ymd(year, b, a, token))
    } else if b > 12 || a == b {
        // Month first is the only reading (b cannot be a month), or both readings agree.
        Some(ymd(year, a, b, token))
    } else {
        match ymd(year, b, a, token) {
            Expr::Date(d, _) => Some(Expr::Date(
                d,
                Some(format!(
                    "ambiguous numeric date \u{201c}{token}\u{201d} read day first as {d}"
                )),
            )),
            other => Some(other),
        }
    }
}

fn is_time(t: &str) -> bool {
    // 14.05 (a dot between hour and minutes, British style)
    if let Some((h, m)) = t.split_once('.') {
        if !h.is_empty()
            && h.len() <= 2
            && m.len() == 2
            && (h.to_string() + m).chars().all(|c| c.is_ascii_digit())
        {
            return true;
        }
    }
    let core = t
        .trim_end_matches("am")
        .trim_end_matches("pm")
        .trim_end_matches("hrs")
        .trim_end_matches('h');
    (core.contains(':')
        && core
            .split(':')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit())))
        || (core.len() < t.len()
            && !core.is_empty()
            && core.len() <= 2
            && core.chars().all(|c| c.is_ascii_digit()))
}

fn is_zone(t: &str) -> bool {
    let t = t.trim_matches(['(', ')']);
    if ZONES.contains(&t) {
        return true;
    }
    // +05:00, gmt+5, utc-4
    let rest = t.trim_start_matches("gmt").trim_start_matches("utc");
    rest.starts_with(['+', '-'])
        && rest.len() > 1
        && rest[1..].chars().all(|c| c.is_ascii_digit() || c == ':')
}

fn time_only(s: &str) -> bool {
    let tokens: Vec<&str> = s.split([' ', ',']).filter(|t| !t.is_empty()).collect();
    !tokens.is_empty()
        && tokens.iter().any(|t| is_time(t))
        && tokens.iter().all(|t| {
            is_time(t)
                || is_zone(t)
                || matches!(*t, "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m" | "at")
        })
}

/// Reads one date expression (already folded, label stripped). `None`: not a date at all.
pub(super) fn parse_expr(s: &str) -> Option<Expr> {
    let s = s.trim().trim_end_matches('.');
    if s.is_empty() {
        return None;
    }
    if is_relative(s) {
        return Some(Expr::Relative);
    }
    let tokens: Vec<&str> = s
        .split([' ', ','])
        .map(|t| t.trim_matches('.'))
        .filter(|t| !t.is_empty() && *t != "-" && *t != "\u{2013}" && *t != "\u{2014}")
        .collect();
    if tokens.len() == 1
        || tokens
            .first()
            .is_some_and(|t| t.len() >= 8 && t.as_bytes()[0].is_ascii_digit())
    {
        if let Some(e) = numeric(tokens[0]) {
            // Anything after a numeric date must be a time or zone.
            if tokens[1..].iter().all(|t| {
                is_time(t) || is_zone(t) || matches!(*t, "am" | "pm" | "a.m" | "p.m" | "at")
            }) {
                return Some(e);
            }
            return None;
        }
    }
    let (mut month, mut day, mut year, mut weekday) = (None, None, None, None);
    let mut seen_time = false;
    for (i, &t) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1).copied().unwrap_or("");
        let ampm_next = matches!(next, "am" | "pm" | "a.m" | "p.m");
        if matches!(
            t,
            "am" | "pm" | "a.m" | "p.m" | "at" | "of" | "the" | "on" | "|"
        ) {
            continue;
        }
        if let Some(m) = month_of(t) {
            if month.is_some() {
                return None;
            }
            month = Some(m);
            continue;
        }
        if let Some(w) = weekday_of(t) {
            weekday = Some(w);
            continue;
        }
        if is_time(t) || (ampm_next && num(t).is_some_and(|n| n <= 12)) {
            seen_time = true;
            continue;
        }
        if is_zone(t) || (seen_time && t.len() <= 5 && t.chars().all(|c| c.is_ascii_alphabetic())) {
            continue;
        }
        let digits = t
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th");
        if let Some(n) = num(digits) {
            if digits.len() == 4 && digits == t {
                if year.is_some() {
                    return None;
                }
                year = Some(n as i32);
            } else if digits.len() <= 2 && day.is_none() {
                day = Some(n);
            } else {
                return None;
            }
            continue;
        }
        return None; // a word that is not a date word: this is not a date line
    }
    let (month, day) = (month?, day?);
    let shown = s.to_string();
    let Some(year) = year else {
        return Some(Expr::Invalid(format!(
            "date \u{201c}{shown}\u{201d} has no year"
        )));
    };
    let e = ymd(year, month, day, &shown);
    if let (Expr::Date(d, _), Some(w)) = (&e, weekday) {
        if d.weekday() != w {
            return Some(Expr::Date(
                *d,
                Some(format!(
                    "\u{201c}{shown}\u{201d}: {d} is a {}, not a {w}",
                    d.weekday()
                )),
            ));
        }
    }
    Some(e)
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
        match parse_expr(rest)? {
            Expr::Relative => out.relative = true,
            Expr::Date(d, doubt) => {
                if out.date.is_none() {
                    out.date = Some(d);
                    out.problem = doubt;
                    out.written = original_segments
                        .get(i)
                        .map_or(text, |s| s)
                        .trim()
                        .to_string();
                }
            }
            Expr::Invalid(why) => out.problem = Some(why),
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
        assert!(bad.date.is_none() && bad.problem.unwrap().contains("impossible"));
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
