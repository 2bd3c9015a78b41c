//! Words, folding and shingles: the shared vocabulary of every comparison.
//!
//! Two outlets printing the same sentence differ in quote marks (’ vs '), case and British vs
//! American spelling ("characterisation" / "characterization", "combatting" / "combating").
//! Every comparison in the analysis goes through [`fold_word`], so those differences never count
//! as different text. Word boundaries are Unicode's (UAX #29, `unicode-segmentation`): an
//! apostrophe inside a word keeps it whole ("Pakistan’s"), hyphens split ("cross-border" is two
//! words, the same on both sides).
//!
//! This file holds words and folding; `spelling` folds British and American spellings,
//! `shingles` hashes word shingles and measures set overlap, `runs` finds the longest run of
//! equal words, `stem` maps inflections of a word onto one key.

mod runs;
mod shingles;
mod spelling;
mod stem;

pub use runs::{longest_common_run, longest_run_hashed, window_hashes, window_index};
pub use shingles::{containment, hash_words, intersection_size, jaccard, shingles, text_shingles};
pub use stem::stem;

use spelling::fold_spelling;
use unicode_segmentation::UnicodeSegmentation;

/// Shingle size used throughout: word 5-shingles are long enough that two unrelated reports on
/// the same beat rarely share one by chance, short enough that a light rewrite keeps many.
pub const SHINGLE_K: usize = 5;

/// A word of a text: its byte range in the text and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordSpan {
    pub start: usize,
    pub end: usize,
    /// [`fold_word`] of the original.
    pub folded: String,
}

/// The words of `text` with their byte ranges, folded for comparison.
pub fn word_spans(text: &str) -> Vec<WordSpan> {
    text.unicode_word_indices()
        .map(|(start, w)| WordSpan {
            start,
            end: start + w.len(),
            folded: fold_word(w),
        })
        .collect()
}

/// The folded words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    text.unicode_words().map(fold_word).collect()
}

/// Folds quote-like characters to their ASCII forms (’ ‘ ʼ ′ → ', “ ” „ ″ → ").
pub fn fold_quote_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{FF07}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{FF02}' => '"',
        _ => c,
    }
}

/// The comparison key of one word: lower case, quote marks folded, spelling variants folded.
pub fn fold_word(word: &str) -> String {
    let mut w: String = word
        .chars()
        .map(fold_quote_char)
        .flat_map(char::to_lowercase)
        .collect();
    fold_spelling(&mut w);
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_case_and_spelling() {
        assert_eq!(fold_word("Pakistan’s"), "pakistan's");
        assert_eq!(fold_word("characterisation"), fold_word("characterization"));
        assert_eq!(fold_word("organisations"), fold_word("organizations"));
        assert_eq!(fold_word("Combatting"), fold_word("combating"));
        assert_eq!(fold_word("travelled"), fold_word("traveled"));
        assert_eq!(fold_word("neighbours"), fold_word("neighbors"));
        assert_eq!(fold_word("honourable"), fold_word("honorable"));
        assert_eq!(fold_word("centre"), fold_word("center"));
        assert_eq!(fold_word("Defence"), fold_word("defense"));
        assert_eq!(fold_word("analysed"), fold_word("analyzed"));
        assert_eq!(fold_word("dialogue"), fold_word("dialog"));
    }

    #[test]
    fn spelling_fold_leaves_short_and_unrelated_words() {
        for w in [
            "four", "your", "hour", "size", "prize", "seize", "filled", "setting", "detour",
            "rogue", "our",
        ] {
            assert_eq!(fold_word(w), w, "{w}");
        }
        assert_ne!(fold_word("filled"), fold_word("filed"));
    }

    #[test]
    fn words_keep_apostrophes_and_split_hyphens() {
        assert_eq!(
            words("Pakistan’s cross-border “attacks”, 3.5 U.S."),
            ["pakistan's", "cross", "border", "attacks", "3.5", "u.s"]
        );
        let spans = word_spans("Hi, Miller’s");
        assert_eq!((spans[1].start, spans[1].end), (4, "Hi, Miller’s".len()));
    }
}
