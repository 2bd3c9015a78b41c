//! Breadcrumb trails: "Home > World > Asia", "News / World / Europe", "Home » Pakistan » <the
//! title>". A trail is navigation, never text: its sections can give the report a kicker, and
//! a last part too long for a section is the title when no title line follows.

use super::normalize::{fold, word_count};

/// A breadcrumb trail, split into its parts as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trail {
    /// The section names ("Home", "International"), in order.
    pub sections: Vec<String>,
    /// The last part when it is too long for a section name: the title of a page.
    pub title: Option<String>,
}

impl Trail {
    /// The last section before the title, unless that is only the home page.
    pub fn kicker(&self) -> Option<&str> {
        self.sections
            .last()
            .map(String::as_str)
            .filter(|s| !is_home(s))
    }
}

/// Longer lines are text, not navigation (a trail with a long title stays well under this).
const MAX_TRAIL_BYTES: usize = 400;

fn is_home(part: &str) -> bool {
    matches!(fold(part).as_str(), "home" | "homepage" | "home page")
}

/// A part that can be a section name: a few words, no sentence.
fn section_like(part: &str) -> bool {
    (1..=4).contains(&word_count(part))
        && part.chars().count() <= 30
        && part.chars().next().is_some_and(char::is_alphanumeric)
        && !part.ends_with(['.', '!', '?', ':', ','])
}

/// The parts of a line split at breadcrumb separators: `>`, `»`, `›` anywhere, `/` only between
/// spaces (a slash inside a word, "24/7", is not one).
fn parts(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let sep = match c {
            '>' | '\u{bb}' | '\u{203a}' => true,
            '/' => text[..i].ends_with(' ') && text[i + 1..].starts_with(' '),
            _ => false,
        };
        if sep {
            out.push(text[start..i].trim());
            start = i + c.len_utf8();
        }
    }
    out.push(text[start..].trim());
    out
}

/// Reads a line as a breadcrumb trail: section names joined by separators, starting at "Home"
/// or with at least two separators, the last part a section or a title.
pub fn breadcrumb_trail(text: &str) -> Option<Trail> {
    let text = text.trim();
    if text.len() > MAX_TRAIL_BYTES
        || text.ends_with('.')
        || !text.contains(['>', '\u{bb}', '\u{203a}', '/'])
    {
        return None;
    }
    let parts = parts(text);
    let (last, sections) = parts.split_last()?;
    if sections.is_empty()
        || last.is_empty()
        || !sections.iter().all(|s| section_like(s))
        || !(is_home(sections[0]) || sections.len() >= 2)
    {
        return None;
    }
    let mut trail = Trail {
        sections: sections.iter().map(|s| s.to_string()).collect(),
        title: None,
    };
    if section_like(last) {
        trail.sections.push(last.to_string());
    } else {
        trail.title = Some(last.to_string());
    }
    Some(trail)
}

/// A breadcrumb line, whatever it ends with.
pub fn is_breadcrumb(text: &str) -> bool {
    breadcrumb_trail(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trail(text: &str) -> Option<(Vec<String>, Option<String>, Option<String>)> {
        breadcrumb_trail(text).map(|t| {
            let kicker = t.kicker().map(str::to_string);
            (t.sections, t.title, kicker)
        })
    }

    #[test]
    fn section_trails() {
        let (sections, title, kicker) = trail("Home > World > Asia Pacific").unwrap();
        assert_eq!(
            (sections.len(), title, kicker.as_deref()),
            (3, None, Some("Asia Pacific"))
        );
        assert_eq!(
            trail("Home / Pakistan").unwrap().2.as_deref(),
            Some("Pakistan")
        );
        assert_eq!(
            trail("News / World / Europe").unwrap().2.as_deref(),
            Some("Europe")
        );
        assert_eq!(
            trail("Home › Business").unwrap().2.as_deref(),
            Some("Business")
        );
    }

    #[test]
    fn trails_ending_with_a_title() {
        for line in [
            "Home / International / Pakistan and India agree to resume cricket ties after a long gap",
            "Home » International » Pakistan and India agree to resume cricket ties after a long gap",
            "Home > International > Pakistan and India agree to resume cricket ties after a long gap",
            "Home›International›Pakistan and India agree to resume cricket ties after a long gap",
        ] {
            let (sections, title, kicker) = trail(line).expect(line);
            assert_eq!(sections, ["Home", "International"], "{line}");
            assert_eq!(
                title.as_deref(),
                Some("Pakistan and India agree to resume cricket ties after a long gap")
            );
            assert_eq!(kicker.as_deref(), Some("International"));
        }
        // "Home" alone gives no kicker.
        let (_, title, kicker) =
            trail("Home » Senate passes budget amid opposition walkout").unwrap();
        assert_eq!(
            (title.as_deref(), kicker),
            (Some("Senate passes budget amid opposition walkout"), None)
        );
    }

    #[test]
    fn not_trails() {
        for line in [
            "Pakistan, US have a shared interest in combating security threats: Washington",
            "Inflation eases to a 24/7 low",
            "Pakistan > India in the final, says coach",
            "Exports rose by 5% / 6% in May, the bureau said.",
            "He said the ratio was 3 > 2 > 1 at the time.",
            "Pakistan vs India: the final > the semi-final > the group stage",
        ] {
            assert!(breadcrumb_trail(line).is_none(), "{line}");
        }
    }
}
