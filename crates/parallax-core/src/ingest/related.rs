//! Links to other stories printed inside a report: "Also read: …", "READ MORE: …", "See also"
//! with the headline on the next line. They are kept as links, not body text.

use super::normalize::fold;

/// The label of a related-story link and its headline: "Also read: X", "READ MORE: X",
/// "Read more - X", "See also: X". A label alone on its line yields an empty headline.
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
}
