//! Datelines at the start of a report's first paragraph: "ISLAMABAD:", "WASHINGTON:",
//! "ISLAMABAD: (Web Desk)", "WASHINGTON, Sept 3 (Reuters) -", "KABUL, Afghanistan (AP) —".

use super::date_expr::month_of;

#[derive(Clone, Debug, PartialEq)]
pub struct Dateline {
    /// The place as printed ("ISLAMABAD").
    pub place: String,
    /// "(Reuters)", "(Web Desk)": the credit without brackets.
    pub credit: Option<String>,
    /// Byte offset in the paragraph where the report text starts.
    pub text_start: usize,
}

/// Words in capitals that open a paragraph with a colon but are not places.
const NOT_PLACES: [&str; 14] = [
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "WATCH",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "LIVE",
    "VIDEO",
    "NOTE",
    "READ",
    "ALSO",
    "EDITOR'S NOTE",
];

fn take_credit(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    let inner_end = s.strip_prefix('(')?.find(')')? + 1;
    let inner = s[1..inner_end].trim();
    (!inner.is_empty() && inner.split(' ').count() <= 5).then(|| (inner, &s[inner_end + 1..]))
}

fn take_separator(s: &str) -> Option<&str> {
    let t = s.trim_start();
    for sep in [":", "\u{2014}", "\u{2013}", "-", "--"] {
        if let Some(rest) = t.strip_prefix(sep) {
            // A dash separator needs a space after it ("KABUL -" not "KABUL-based").
            if sep == ":" || rest.starts_with(' ') {
                return Some(rest.trim_start());
            }
        }
    }
    None
}

/// Reads a dateline at the start of `text`.
pub fn dateline(text: &str) -> Option<Dateline> {
    let bytes = text.as_bytes();
    let mut end = 0;
    // The place: capitals, spaces, dots, apostrophes and hyphens.
    for (i, c) in text.char_indices() {
        if c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | '\u{2019}') {
            end = i + c.len_utf8();
        } else {
            break;
        }
        if i > 40 {
            return None;
        }
    }
    let place = text[..end].trim_end_matches([' ', '-']).trim();
    // The place must end at a word boundary, not inside "US State".
    let after = &text[place.len()..];
    if after.chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    if place.chars().filter(|c| c.is_alphabetic()).count() < 3
        || NOT_PLACES.contains(&place)
        || bytes.is_empty()
    {
        return None;
    }
    let mut rest = after;
    // ", Sept 3" or ", Afghanistan" after the place.
    if let Some(r) = rest.strip_prefix(',') {
        let stop = r
            .find(['(', ':', '\u{2014}', '\u{2013}'])
            .or_else(|| r.find(" - "))?;
        let middle = r[..stop].trim();
        let words: Vec<&str> = middle.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        let dateish = words.iter().all(|w| {
            month_of(&w.trim_end_matches('.').to_lowercase()).is_some()
                || w.chars().all(|c| c.is_ascii_digit())
        });
        let titled = words.len() <= 3
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
        if words.is_empty() || !(dateish || titled) {
            return None;
        }
        rest = &r[stop..];
    }
    let mut credit = None;
    if let Some((c, r)) = take_credit(rest) {
        credit = Some(c.to_string());
        rest = r;
    }
    rest = take_separator(rest)?;
    if credit.is_none() {
        if let Some((c, r)) = take_credit(rest) {
            credit = Some(c.to_string());
            rest = r
                .trim_start_matches([' ', '-', '\u{2013}', '\u{2014}', ':'])
                .trim_start();
        }
    }
    // Something must follow: a dateline opens a paragraph of text.
    if rest.split(' ').count() < 3 {
        return None;
    }
    Some(Dateline {
        place: place.to_string(),
        credit,
        text_start: text.len() - rest.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(t: &str) -> Option<(String, Option<String>, String)> {
        dateline(t).map(|d| (d.place, d.credit, t[d.text_start..].to_string()))
    }

    #[test]
    fn forms() {
        assert_eq!(
            read("ISLAMABAD: Pakistan on Friday rejected a report."),
            Some((
                "ISLAMABAD".into(),
                None,
                "Pakistan on Friday rejected a report.".into()
            ))
        );
        assert_eq!(
            read("ISLAMABAD: (Web Desk) US State Department Spokesperson said so."),
            Some((
                "ISLAMABAD".into(),
                Some("Web Desk".into()),
                "US State Department Spokesperson said so.".into()
            ))
        );
        assert_eq!(
            read("WASHINGTON, Sept 3 (Reuters) - The United States said on Tuesday it would."),
            Some((
                "WASHINGTON".into(),
                Some("Reuters".into()),
                "The United States said on Tuesday it would.".into()
            ))
        );
        assert_eq!(
            read("KABUL, Afghanistan (AP) — The Taliban said it would.")
                .unwrap()
                .0,
            "KABUL"
        );
        assert_eq!(
            read("NEW DELHI — India on Monday said it would.")
                .unwrap()
                .0,
            "NEW DELHI"
        );
    }

    #[test]
    fn not_datelines() {
        for t in [
            "US State Department spokesperson Mathew Miller has denied any information.",
            "MAY 9 PROTESTS",
            "BREAKING: Something happened in the city today.",
            "PTI-led protests spread to three cities.",
            "UN: the talks failed",
        ] {
            assert_eq!(read(t), None, "{t}");
        }
    }
}
