//! Section headings inside a report ("Gaza war", "MAY 9 PROTESTS"): a short line that does not
//! end like a sentence, between paragraphs of text.

use super::normalize::{ends_sentence, word_count};

/// `next_is_text`: a paragraph of text follows (a heading heads something).
pub fn is_heading(text: &str, next_is_text: bool) -> bool {
    let words = word_count(text);
    let first = text.chars().next();
    next_is_text
        && (1..=8).contains(&words)
        && text.chars().count() <= 70
        && (!ends_sentence(text) || (text.ends_with('?') && !text.starts_with(['\u{201c}', '"'])))
        && !text.ends_with([',', ';', ':', '\u{2014}', '-'])
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert!(is_heading("Gaza war", true));
        assert!(is_heading("MAY 9 PROTESTS", true));
        assert!(is_heading("What comes next?", true));
        assert!(!is_heading("Gaza war", false));
        assert!(!is_heading("He said so.", true));
        assert!(!is_heading("“We will stay,” he said", true));
        assert!(!is_heading("and then the talks resumed", true));
        assert!(!is_heading(
            "a spyware product developed by Israeli manufacturer c and some more words here",
            true
        ));
    }
}
