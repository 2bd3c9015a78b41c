//! One date expression, folded and without its label: "april 12, 2024", "tue, sept. 3rd, 2024
//! 10:45 am pkt", "2024-07-09t10:30:00+05:00", "13/07/2024", "10 sec ago". Month and weekday
//! names, times and zones are known here; `dates` reads whole lines with them.

use chrono::{Datelike, NaiveDate, Weekday};

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

pub(super) fn time_only(s: &str) -> bool {
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
