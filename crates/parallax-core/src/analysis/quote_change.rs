//! How a printing of a quote differs from its first printing: verbatim, or trimmed, extended or
//! substituted words (the categories of Simmons, Adamic and Adar, ICWSM 2011; see
//! [`QuoteChange`]), with the words that differ on each side.
//!
//! Words are compared by [`text::fold_word`], the analysis's key on the project's one text fold
//! (`text_fold`: case, diacritics, quote marks and apostrophes) with British and American
//! spellings folded on top, so a printing differing only in those is verbatim, as the ledger's
//! `verbatim` has always said. The word diff is `similar`'s Myers diff (no deadline:
//! `Instant::now` panics in the browser), on at most [`MAX_DIFF_WORDS`] words.

use super::text::{self, WordSpan};
use crate::model::{QuoteChange, TextRange};
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// The words of the two printings left after their common beginning and end that are diffed
/// word by word; past this the middle counts as one replacement, so a pathological quote (a
/// whole scraped page in one unclosed quote) costs linear time, not the diff's quadratic worst
/// case. News quotes are a few dozen words.
pub const MAX_DIFF_WORDS: usize = 512;

/// How `printed` differs from `first`, the entry's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteComparison {
    /// `None` when the folded words are equal.
    pub change: Option<QuoteChange>,
    /// Byte ranges in `printed` of the words `first` does not have.
    pub changed: Vec<TextRange>,
    /// Byte ranges in `first` of its words `printed` does not have.
    pub first_changed: Vec<TextRange>,
}

/// Compares a printing of a quote with its first printing, word by word. See the module docs.
pub fn compare(first: &str, printed: &str) -> QuoteComparison {
    compare_words(&text::word_spans(first), &text::word_spans(printed))
}

/// [`compare`] on the two printings' words.
pub fn compare_words(first: &[WordSpan], printed: &[WordSpan]) -> QuoteComparison {
    let (a, b): (Vec<&str>, Vec<&str>) = (
        first.iter().map(|w| w.folded.as_str()).collect(),
        printed.iter().map(|w| w.folded.as_str()).collect(),
    );
    let mut out = QuoteComparison::default();
    let (mut removed, mut added) = (false, false);
    let mut changed = |old: (usize, usize), new: (usize, usize)| {
        removed |= old.1 > 0;
        added |= new.1 > 0;
        if let Some(r) = range_of(first, old) {
            out.first_changed.push(r);
        }
        if let Some(r) = range_of(printed, new) {
            out.changed.push(r);
        }
    };
    // The common beginning and end, then the middle diffed (or one replacement when long).
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    if a_mid.len() + b_mid.len() > MAX_DIFF_WORDS {
        changed((head, a_mid.len()), (head, b_mid.len()));
    } else {
        for op in capture_diff_slices(Algorithm::Myers, a_mid, b_mid) {
            match op {
                DiffOp::Equal { .. } => {}
                DiffOp::Delete {
                    old_index, old_len, ..
                } => changed((head + old_index, old_len), (0, 0)),
                DiffOp::Insert {
                    new_index, new_len, ..
                } => changed((0, 0), (head + new_index, new_len)),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => changed((head + old_index, old_len), (head + new_index, new_len)),
            }
        }
    }
    out.change = match (removed, added) {
        (false, false) => None,
        (true, false) => Some(QuoteChange::Trimmed),
        (false, true) => Some(QuoteChange::Extended),
        (true, true) => Some(QuoteChange::Substituted),
    };
    out
}

/// The byte range covering `len` words from word `start` (`None` for no words).
fn range_of(words: &[WordSpan], (start, len): (usize, usize)) -> Option<TextRange> {
    let (first, last) = (words.get(start)?, words.get(start + len.checked_sub(1)?)?);
    Some(TextRange {
        start: first.start,
        end: last.end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The change and the words that differ on each side, as text.
    fn diff(first: &str, printed: &str) -> (Option<QuoteChange>, Vec<String>, Vec<String>) {
        let c = compare(first, printed);
        let texts = |t: &str, rs: &[TextRange]| -> Vec<String> {
            rs.iter().map(|r| t[r.range()].to_string()).collect()
        };
        (
            c.change,
            texts(printed, &c.changed),
            texts(first, &c.first_changed),
        )
    }

    const FIRST: &str =
        "We will not stand by while machines take the jobs our members have done for forty years";

    #[test]
    fn case_marks_apostrophes_and_spelling_are_no_change() {
        let (change, changed, first) = diff(
            "The union’s “organised” members won’t accept it",
            "THE UNION'S \"ORGANIZED\" MEMBERS WON'T ACCEPT IT.",
        );
        assert_eq!((change, changed.len(), first.len()), (None, 0, 0));
    }

    #[test]
    fn a_part_cut_from_the_quote_or_words_dropped_inside_are_trimmed() {
        assert_eq!(
            diff(FIRST, "We will not stand by while machines take the jobs"),
            (
                Some(QuoteChange::Trimmed),
                vec![],
                vec!["our members have done for forty years".into()]
            )
        );
        assert_eq!(
            diff(
                FIRST,
                "We will not stand by while machines take the jobs our members have done"
            ),
            (
                Some(QuoteChange::Trimmed),
                vec![],
                vec!["for forty years".into()]
            )
        );
        let (change, _, first) = diff(
            FIRST,
            "We will not stand by while machines take jobs our members have done for years",
        );
        assert_eq!(
            (change, first),
            (
                Some(QuoteChange::Trimmed),
                vec!["the".into(), "forty".into()]
            )
        );
    }

    #[test]
    fn words_added_to_all_of_the_first_printing_are_extended() {
        assert_eq!(
            diff(
                "Nobody wants a long dispute",
                "Frankly, nobody wants a long dispute, not us and not the union"
            ),
            (
                Some(QuoteChange::Extended),
                vec!["Frankly".into(), "not us and not the union".into()],
                vec![]
            )
        );
    }

    #[test]
    fn words_replaced_or_cut_and_added_are_substituted() {
        assert_eq!(
            diff(
                "Nobody wants a long dispute, and we are ready to talk tomorrow morning",
                "Nobody wants a long strike, and we are ready to talk on Tuesday"
            ),
            (
                Some(QuoteChange::Substituted),
                vec!["strike".into(), "on Tuesday".into()],
                vec!["dispute".into(), "tomorrow morning".into()]
            )
        );
        let (change, changed, first) = diff(
            "We will rebuild the bridge by spring",
            "will rebuild the bridge by spring, whatever it costs",
        );
        assert_eq!(change, Some(QuoteChange::Substituted));
        assert_eq!(
            (changed, first),
            (vec!["whatever it costs".into()], vec!["We".into()])
        );
    }

    #[test]
    fn a_long_middle_is_one_replacement() {
        let words = |w: &str| vec![w; MAX_DIFF_WORDS].join(" ");
        let first = format!("Start here {} end there", words("alpha"));
        let printed = format!("Start here {} end there", words("beta"));
        let (change, changed, before) = diff(&first, &printed);
        assert_eq!(change, Some(QuoteChange::Substituted));
        assert_eq!(
            (changed, before),
            (vec![words("beta")], vec![words("alpha")])
        );
        // Only the middle left after the common beginning and end counts: one word replaced in a
        // long quote is still found word by word.
        let long = format!("Start {} here {} end", words("alpha"), words("alpha"));
        let one_word = format!("Start {} there {} end", words("alpha"), words("alpha"));
        assert_eq!(
            diff(&long, &one_word),
            (
                Some(QuoteChange::Substituted),
                vec!["there".into()],
                vec!["here".into()]
            )
        );
    }
}
