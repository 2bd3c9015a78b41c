//! Links to other stories printed inside a report: "Also read: …", "READ MORE: …", "See also"
//! with the headline on the next line, and the "Check Also" box of WordPress news themes (the
//! next article's headline, often with its date and a cut-off excerpt). They are kept as links,
//! not body text.

use super::dates::parse_date_line;
use super::normalize::{ends_sentence, fold, word_count};

/// The label of a related-story link and its headline: "Also read: X", "READ MORE: X",
/// "Read more - X", "See also: X", "Check Also". A label alone on its line yields an empty
/// headline.
pub fn related_link(text: &str) -> Option<(String, String)> {
    related_link_folded(text, &fold(text))
}

pub fn related_link_folded(text: &str, folded: &str) -> Option<(String, String)> {
    for label in [
        "also read",
        "read also",
        "read more",
        "see also",
        "related",
        "also see",
        "check also",
        "read",
    ] {
        if let Some(rest) = folded.strip_prefix(label) {
            let sep = rest.trim_start();
            if rest.is_empty() || sep.is_empty() {
                return (label != "read" && label != "related")
                    .then(|| (pretty_label(text, label), String::new()));
            }
            if let Some(after) = sep.strip_prefix([':', '|', '-', '\u{2013}', '\u{2014}']) {
                let skip = folded.len() - after.len();
                // Map back to the printed text: folding keeps the character count of ASCII and
                // quote marks, so count characters.
                let chars = folded[..skip].chars().count();
                let headline: String = text.chars().skip(chars).collect();
                return Some((pretty_label(text, label), headline.trim().to_string()));
            }
        }
    }
    None
}

fn pretty_label(text: &str, label: &str) -> String {
    let printed: String = text.chars().take(label.chars().count()).collect();
    let mut chars = printed.to_lowercase().chars().collect::<Vec<_>>();
    if let Some(c) = chars.first_mut() {
        *c = c.to_ascii_uppercase();
    }
    chars.into_iter().collect()
}

/// A related link's headline and how many of the lines after the label's line its teaser takes.
/// `headline` is what the label's line printed after the label (empty for a label alone); `next`
/// are the lines that follow. `None`: a label alone with no headline under it.
///
/// Under a label alone comes the headline (after the teaser's date line, in some themes). Under
/// the headline a theme may print the teaser's date line, an excerpt cut off with an ellipsis
/// and a "Read more »" button: they belong to the link too. A whole sentence under it is not
/// taken: it cannot be told from the report's next paragraph.
pub fn link_teaser(headline: &str, next: &[&str]) -> Option<(String, usize)> {
    let mut used = 0;
    let headline = if headline.is_empty() {
        if next.first().is_some_and(|t| parse_date_line(t).is_some()) {
            used += 1;
        }
        let h = next.get(used)?;
        if ends_sentence(h) && word_count(h) > 20 {
            return None;
        }
        used += 1;
        h.to_string()
    } else {
        headline.to_string()
    };
    if next.get(used).is_some_and(|t| parse_date_line(t).is_some()) {
        used += 1;
    }
    if next.get(used).is_some_and(|t| is_excerpt(t)) {
        used += 1;
    }
    if next.get(used).is_some_and(|t| is_more_button(t)) {
        used += 1;
    }
    Some((headline, used))
}

/// An excerpt cut off by the theme: "… [more]" endings of `the_excerpt()` and its variants.
fn is_excerpt(text: &str) -> bool {
    let t = text.trim_end();
    ["\u{2026}", "...", "[\u{2026}]", "[...]", "(\u{2026})"]
        .iter()
        .any(|end| t.ends_with(end))
}

/// "Read More »", "Continue reading →": the button under an excerpt.
fn is_more_button(text: &str) -> bool {
    let k = fold(text);
    let k = k.trim_end_matches(['"', '\u{203a}', '\u{2192}', '>', ' ', '.', '\u{2026}']);
    matches!(
        k,
        "read more" | "continue reading" | "read full story" | "read the full story" | "more"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_links_keep_headline_as_printed() {
        let (label, headline) =
            related_link("Also read: Pentagon frustrated as Israel did not notify US").unwrap();
        assert_eq!(
            (label.as_str(), headline.as_str()),
            (
                "Also read",
                "Pentagon frustrated as Israel did not notify US"
            )
        );
        let (label, headline) =
            related_link("READ MORE: US says Imran Khan’s detention is Pakistan’s internal matter")
                .unwrap();
        assert_eq!(label, "Read more");
        assert_eq!(
            headline,
            "US says Imran Khan’s detention is Pakistan’s internal matter"
        );
        assert!(related_link("Reading the statement, he said").is_none());
        assert!(related_link("Related talks were held on Monday.").is_none());
    }

    #[test]
    fn check_also_blocks() {
        assert_eq!(
            related_link("Check Also"),
            Some(("Check also".to_string(), String::new()))
        );
        let block = [
            "Monsoon rains delay harvest across southern districts",
            "May 8, 2024",
            "Farmers in the south said the late rains had pushed back the wheat harvest by\u{2026}",
            "Read More \u{bb}",
            "The agreement takes effect in January, officials said.",
        ];
        assert_eq!(
            link_teaser("", &block),
            Some((block[0].to_string(), 4)),
            "headline, date, excerpt and button; not the next paragraph"
        );
        // The date above the headline, no excerpt.
        let block = ["May 8, 2024", "Monsoon rains delay harvest", "It rained."];
        assert_eq!(
            link_teaser("", &block),
            Some(("Monsoon rains delay harvest".to_string(), 2))
        );
        // The headline on the label's line; a whole sentence under it is the report's.
        let next = ["The talks resume on Monday, officials said."];
        assert_eq!(
            link_teaser("Monsoon rains delay harvest", &next),
            Some(("Monsoon rains delay harvest".to_string(), 0))
        );
        assert_eq!(link_teaser("", &[]), None);
    }
}
