//! Photo captions ("Photo: Reuters", "Protesters in Karachi on Friday. (AFP)") and wire and
//! staff credits ("Reporting by …; Editing by …"): printed with a report, not part of it.

use super::normalize::{ends_sentence, fold, word_count};

const CREDIT_WORDS: [&str; 14] = [
    "photo",
    "file",
    "image",
    "afp",
    "reuters",
    "ap",
    "getty",
    "epa",
    "xinhua",
    "anadolu",
    "courtesy",
    "picture",
    "screengrab",
    "twitter",
];

/// A photo caption. In the body only lines that say so ("Photo: …", "… (Photo: AFP)", "File
/// photo") count; between the title and the body also a sentence ending in "(Credit Name)".
pub fn is_caption(text: &str, in_header: bool) -> bool {
    is_caption_folded(text, &fold(text), in_header)
}

pub fn is_caption_folded(text: &str, k: &str, in_header: bool) -> bool {
    let starts = [
        "photo:",
        "photo -",
        "photo credit",
        "file photo",
        "image:",
        "picture:",
        "caption:",
        "photograph:",
    ];
    if starts.iter().any(|s| k.starts_with(s)) {
        return true;
    }
    let trimmed = k.trim_end_matches('.');
    if let Some(open) = trimmed.rfind('(') {
        if trimmed.ends_with(')') {
            let inner = &trimmed[open + 1..trimmed.len() - 1];
            let credit_words = inner
                .split([' ', '/', ':'])
                .filter(|w| !w.is_empty())
                .count();
            let has_credit_word = inner
                .split([' ', '/', ':', ','])
                .any(|w| CREDIT_WORDS.contains(&w));
            let before = trimmed[..open].trim_end();
            let printed_inner: String = text
                .trim_end_matches('.')
                .chars()
                .skip(trimmed[..open + 1].chars().count())
                .collect();
            let capitalised = printed_inner.split(' ').all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                    || matches!(w, "of" | "the" | "and" | "for" | ")")
            });
            if has_credit_word && credit_words <= 6 {
                return true;
            }
            if in_header && capitalised && credit_words <= 6 && ends_sentence(before) {
                return true;
            }
        }
    }
    for tail in [
        " photo: ",
        " photo by ",
        " photo credit: ",
        " - photo",
        " \u{2014} photo",
        " | photo",
    ] {
        if let Some(p) = k.rfind(tail) {
            if k.len() - p <= 40 {
                return true;
            }
        }
    }
    false
}

/// Wire and staff credits at the end: "Reporting by …; Editing by …", "Additional reporting by".
pub fn is_credit(text: &str) -> bool {
    is_credit_folded(text, &fold(text))
}

pub fn is_credit_folded(text: &str, k: &str) -> bool {
    [
        "reporting by ",
        "additional reporting by ",
        "editing by ",
        "compiled by ",
        "written by ",
        "(reporting by ",
    ]
    .iter()
    .any(|s| k.starts_with(s))
        && word_count(text) <= 30
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions() {
        let header = "US State Department Spokesperson Matthew Miller is adressing a press briefing in Washington, US on July 8, 2024. (US Department of State)";
        assert!(is_caption(header, true));
        assert!(!is_caption(header, false));
        assert!(is_caption("Photo: Reuters", false));
        assert!(is_caption("Protesters in Karachi on Friday. (AFP)", false));
        assert!(is_caption(
            "Khan addresses supporters in Lahore. Photo: File",
            false
        ));
        assert!(!is_caption(
            "The Tehreek-e-Taliban Pakistan (TTP) outfit.",
            true
        ));
        assert!(!is_caption(
            "Pakistan has suffered a surge in attacks (TTP).",
            false
        ));
    }
}
