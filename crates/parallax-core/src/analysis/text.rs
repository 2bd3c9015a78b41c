//! Words, folding and shingles: the shared vocabulary of every comparison.
//!
//! Two outlets printing the same sentence differ in quote marks (’ vs '), case and British vs
//! American spelling ("characterisation" / "characterization", "combatting" / "combating").
//! Every comparison in the analysis goes through [`fold_word`], so those differences never count
//! as different text. Its character fold is search's ([`crate::text_fold`]), so a word the
//! analysis equates with another is one search finds both ways. Word boundaries are Unicode's (UAX #29, `unicode-segmentation`): an
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

#[cfg(test)]
mod equivalence_tests;

pub use runs::{longest_common_run, longest_run_hashed, window_hashes, window_index};
pub use shingles::{containment, hash_words, intersection_size, jaccard, shingles, text_shingles};
pub use stem::stem;

use crate::text_fold::fold_char;
pub use crate::text_fold::fold_quote_char;
pub(crate) use spelling::fold_spelling;
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
    let mut out = Vec::new();
    for_each_word(text, |start, w| {
        out.push(WordSpan {
            start,
            end: start + w.len(),
            folded: fold_word(w),
        })
    });
    out
}

/// The folded words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |_, w| out.push(fold_word(w)));
    out
}

/// Calls `f(start, word)` for every word of `text` in order: exactly the words and offsets of
/// `unicode_word_indices` (UAX #29), found faster. Nearly all news text is ASCII with a few
/// curly quotes or no-break spaces, and `unicode-segmentation` only takes its ASCII fast path
/// when the whole string is ASCII; so the text is cut into pieces that segment on their own,
/// the ASCII ones go through [`ascii_words`] (that path's rules) and the others through
/// `unicode-segmentation`. A cut goes after a space followed by an ASCII character other than a
/// space: UAX #29 always breaks there (only WB3d, space × space, and WB4, × Extend / Format /
/// ZWJ, keep a space with what follows), and no rule looks across a space (WB6/7 and WB11/12
/// need letters or digits next to the middle character, WB15/16 count regional indicators back
/// to the first other character), so each piece segments as it does in place. The proptests in
/// `equivalence_tests` check all of it against `unicode_word_indices`.
pub(crate) fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let bytes = text.as_bytes();
    let is_cut = |q: usize| bytes[q - 1] == b' ' && bytes[q] != b' ' && bytes[q].is_ascii();
    let mut pos = 0;
    while pos < bytes.len() {
        let Some(offset) = bytes[pos..].iter().position(|b| !b.is_ascii()) else {
            ascii_words(&text[pos..], pos, &mut f);
            return;
        };
        let non_ascii = pos + offset;
        // The ASCII piece ends at the last cut before the first non-ASCII byte…
        let ascii_end = (pos + 1..non_ascii)
            .rev()
            .find(|&q| is_cut(q))
            .unwrap_or(pos);
        ascii_words(&text[pos..ascii_end], pos, &mut f);
        // …and the piece holding it at the first cut after it.
        let end = (non_ascii + 1..bytes.len())
            .find(|&q| is_cut(q))
            .unwrap_or(bytes.len());
        for (i, w) in text[ascii_end..end].unicode_word_indices() {
            f(ascii_end + i, w);
        }
        pos = end;
    }
}

/// The words of an ASCII piece (at `offset` in its text), as `unicode_word_indices` finds
/// them: runs of letters, digits and '_' (WB5, WB8–WB10, WB13a/b), going on over one '.', ':'
/// or '\'' between two letters (WB6/7) or one '.', ',', ';' or '\'' between two digits
/// (WB11/12), kept when they hold a letter or a digit. Every other ASCII character is a
/// segment of its own or of spaces or CR LF, never part of a word.
fn ascii_words<'a>(piece: &'a str, offset: usize, f: &mut impl FnMut(usize, &'a str)) {
    let b = piece.as_bytes();
    let core = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let infix = |c: u8, prev: u8, next: u8| match c {
        b'.' | b'\'' => {
            (prev.is_ascii_alphabetic() && next.is_ascii_alphabetic())
                || (prev.is_ascii_digit() && next.is_ascii_digit())
        }
        b':' => prev.is_ascii_alphabetic() && next.is_ascii_alphabetic(),
        b',' | b';' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    };
    let mut i = 0;
    while i < b.len() {
        if !core(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut alphanumeric = b[i] != b'_';
        i += 1;
        while i < b.len() {
            if core(b[i]) {
                alphanumeric |= b[i] != b'_';
            } else if !(i + 1 < b.len() && infix(b[i], b[i - 1], b[i + 1])) {
                break;
            }
            i += 1;
        }
        if alphanumeric {
            f(offset + start, &piece[start..i]);
        }
    }
}

/// The comparison key of one word: the shared text fold ([`crate::text_fold`]: case, diacritics,
/// quote marks), then British and American spellings folded onto one form.
pub fn fold_word(word: &str) -> String {
    let mut w = String::with_capacity(word.len());
    fold_word_into(word, &mut w);
    w
}

/// [`fold_word`] of `word` into `out` (cleared first), reusing its allocation.
pub(crate) fn fold_word_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        // ASCII lower case is Unicode's; the only ASCII quote-like character is the backtick
        // (never inside a word of a text, but fold_word takes any string).
        out.push_str(word);
        out.make_ascii_lowercase();
        if word.bytes().any(|b| b == b'`') {
            let quoted = out.replace('`', "'");
            out.clear();
            out.push_str(&quoted);
        }
    } else {
        for c in word.chars() {
            fold_char(c, |f| out.push(f));
        }
    }
    fold_spelling(out);
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
