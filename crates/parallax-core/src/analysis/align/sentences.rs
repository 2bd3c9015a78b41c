//! Sentences: where a report's text paragraphs break into sentences, past abbreviations,
//! initials, numbers and quotes.

use super::result::Sentence;
use crate::model::{ParagraphKind, Report};
use unicode_segmentation::UnicodeSegmentation;

/// Titles and abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "maj", "sgt", "capt",
    "cmdr", "adm", "st", "rev", "hon", "pres", "amb", "supt", "insp", "no", "nos", "vs", "v",
    "fig", "approx", "dept", "est", "inc", "ltd", "co", "corp", "jan", "feb", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
];

/// Words that start sentences; after a dotted abbreviation ("U.S.") they signal a boundary.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "in",
    "on",
    "a",
    "an",
    "his",
    "her",
    "their",
    "our",
    "its",
    "there",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "officials",
    "what",
    "when",
    "while",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '(', '['];

/// Byte ranges of the sentences of `text` (trimmed, never empty).
///
/// A sentence ends at `.`, `?`, `!` or `…` (with any closing quote or bracket after it) followed
/// by white space and a word that does not start in lower case. A full stop does not end one
/// after a title or known abbreviation ("Mr.", "Gen.", "No. 5"), a single capital (an initial:
/// "J. Smith"), or a dotted abbreviation ("U.S.") unless a common sentence opener follows.
/// Numbers ("3.5") and dotted words never contain white space, so they never split.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut idx = 0;
    while idx < n {
        let c = chars[idx].1;
        if !matches!(c, '.' | '?' | '!' | '…') {
            idx += 1;
            continue;
        }
        let mut k = idx + 1;
        while k < n && matches!(chars[k].1, '.' | '?' | '!' | '…') {
            k += 1;
        }
        let only_full_stop = (idx..k).all(|x| chars[x].1 == '.') && k == idx + 1;
        while k < n && CLOSERS.contains(&chars[k].1) {
            k += 1;
        }
        if k < n && !chars[k].1.is_whitespace() {
            idx = k.max(idx + 1);
            continue;
        }
        let mut m = k;
        while m < n && chars[m].1.is_whitespace() {
            m += 1;
        }
        if m == n {
            break;
        }
        let next_word: String = chars[m..]
            .iter()
            .map(|&(_, c)| c)
            .skip_while(|c| OPENERS.contains(c))
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let next_starts_lower = next_word.chars().next().is_some_and(char::is_lowercase);
        let boundary = !(next_starts_lower
            || only_full_stop && full_stop_is_abbreviation(&chars[..idx], &next_word));
        if boundary {
            let end = if k < n { chars[k].0 } else { text.len() };
            push_trimmed(text, start, end, &mut out);
            start = chars[m].0;
        }
        idx = m;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

/// Whether the full stop after `before` belongs to an abbreviation rather than ending a sentence.
fn full_stop_is_abbreviation(before: &[(usize, char)], next_word: &str) -> bool {
    let token: String = {
        let mut t: Vec<char> = before
            .iter()
            .rev()
            .map(|&(_, c)| c)
            .take_while(|c| !c.is_whitespace() && !OPENERS.contains(c))
            .collect();
        t.reverse();
        t.into_iter().collect()
    };
    if token.is_empty() {
        return false;
    }
    let lower = token.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "No. 5", "Jan. 5", "Mr. Khan" continue; these never end a sentence in news copy.
        return true;
    }
    let mut letters = token.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        // An initial: "J. Smith".
        return first.is_uppercase();
    }
    if token.contains('.') && token.chars().all(|c| c.is_alphabetic() || c == '.') {
        // "U.S", "e.g", "a.m": a boundary only before a word that usually opens a sentence.
        return !SENTENCE_STARTERS.contains(&next_word.to_lowercase().as_str());
    }
    false
}

/// The sentences of a report's text paragraphs (headings are not sentences).
pub fn report_sentences(report: &Report) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in report.paragraphs.iter().enumerate() {
        if para.kind != ParagraphKind::Text {
            continue;
        }
        for (start, end) in split_sentences(&para.text) {
            let text = para.text[start..end].to_string();
            let words = text.unicode_words().count();
            out.push(Sentence {
                paragraph: p,
                start,
                end,
                text,
                words,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn splits_sentences_surviving_abbreviations_initials_numbers_and_quotes() {
        assert_eq!(
        sentences("Mr. Khan met U.S. Ambassador Donald Blome. Growth was 3.5 per cent. J. R. Smith agreed."),
        ["Mr. Khan met U.S. Ambassador Donald Blome.", "Growth was 3.5 per cent.", "J. R. Smith agreed."]
    );
        assert_eq!(
            sentences("“We oppose violence.” He said so. “Is it true?” he asked. It is… perhaps."),
            [
                "“We oppose violence.”",
                "He said so.",
                "“Is it true?” he asked.",
                "It is… perhaps."
            ]
        );
        assert_eq!(
            sentences("He flew to the U.S. The talks began."),
            ["He flew to the U.S.", "The talks began."]
        );
        assert_eq!(
            sentences("Clause No. 5 applies. Gen. Asim Munir spoke."),
            ["Clause No. 5 applies.", "Gen. Asim Munir spoke."]
        );
        assert_eq!(
            sentences("  no terminator at all  "),
            ["no terminator at all"]
        );
        assert!(sentences("   ").is_empty());
        assert_eq!(
            sentences("Wait... What? Yes!"),
            ["Wait...", "What?", "Yes!"]
        );
    }
}
