//! Quotes and who said them. Curly or straight double quotes (single quotes for outlets that
//! quote that way), quotes that run over several paragraphs (each opens with a quote mark, only
//! the last closes), attributions after ("…,” he said", "…,” said Miller") or before ("Miller
//! replied, “…"), pronouns and roles ("he", "the spokesperson") resolved to the last named
//! speaker, and speakers of paraphrase ("Miller noted that …").
//!
//! This file walks the paragraphs; `spans` finds the quote marks, `attribution` finds who
//! spoke (speech verbs, subjects before and after, pronouns).

mod attribution;
mod spans;

pub use attribution::SPEECH_VERBS;

use super::entities::tokens;
use attribution::{
    attribution_after, attribution_before, is_speech_verb, split_trailing_attribution,
    subject_before, Subject,
};
use spans::{spans, DOUBLE_OPENERS};
use std::collections::HashSet;

/// Minimum words for a quoted span to count as a quote, not a quoted phrase ("shared interest").
pub const MIN_QUOTE_WORDS: usize = 5;

#[derive(Clone, Debug, PartialEq)]
pub struct FoundQuote {
    pub paragraph: usize,
    /// Byte range of `text` (its first part) in the paragraph.
    pub start: usize,
    pub end: usize,
    /// The parts in following paragraphs, when the quote runs on: (paragraph, start, end).
    pub continued: Vec<(usize, usize, usize)>,
    pub text: String,
    pub speaker: Option<String>,
    /// The quote was never closed (a typo in the source, or a cut scrape).
    pub unterminated: bool,
}

/// Finds the quotes and speakers in a report's text paragraphs (`None` for headings, which
/// break continuity). `resolve` maps a named subject to a canonical person (surname → full
/// name). Returns the quotes and every speaker (quoted or paraphrased) in order.
pub fn find_quotes(
    paragraphs: &[Option<&str>],
    resolve: &dyn Fn(&str) -> String,
) -> (Vec<FoundQuote>, Vec<String>) {
    let mut quotes: Vec<FoundQuote> = Vec::new();
    let mut speakers: Vec<String> = Vec::new();
    let mut last_speaker: Option<String> = None;
    let mut carry: Option<usize> = None; // index in `quotes` of a quote running into the next paragraph
    let mut noted: HashSet<String> = HashSet::new();
    let mut note = |speakers: &mut Vec<String>, s: &str| {
        if noted.insert(s.to_string()) {
            speakers.push(s.to_string());
        }
    };
    for (p, text) in paragraphs.iter().enumerate() {
        let Some(text) = *text else {
            carry = None;
            continue;
        };
        let sp = spans(text);
        // Paraphrase speakers before the first quote update the last speaker first.
        let first_quote = sp.first().map_or(text.len(), |s| s.open_at);
        let toks = tokens(text);
        let mut paraphrase_after: Vec<(usize, String)> = Vec::new();
        for (v, t) in toks.iter().enumerate() {
            if !is_speech_verb(t.word) {
                continue;
            }
            if let Some(Subject::Named(n)) = subject_before(&toks, v) {
                let name = resolve(&n);
                if t.start < first_quote {
                    note(&mut speakers, &name);
                    last_speaker = Some(name);
                } else {
                    paraphrase_after.push((t.start, name));
                }
            }
        }
        // A quote continuing from the previous paragraph.
        let continues = carry
            .take()
            .filter(|_| sp.first().is_some_and(|s| s.open_at == 0));
        for (k, s) in sp.iter().enumerate() {
            let inner = text[s.start..s.end].trim().trim_end_matches([',', ' ']);
            // Where `inner` starts in the paragraph: past the white space trimmed.
            let inner_at =
                s.start + (text[s.start..s.end].len() - text[s.start..s.end].trim_start().len());
            if let (0, Some(q)) = (k, continues) {
                quotes[q].text.push(' ');
                quotes[q].text.push_str(inner);
                quotes[q]
                    .continued
                    .push((p, inner_at, inner_at + inner.len()));
                if !s.closed {
                    carry = Some(q);
                }
                if quotes[q].speaker.is_none() {
                    if let Some(Subject::Named(n)) = attribution_after(&text[s.after..]) {
                        quotes[q].speaker = Some(resolve(&n));
                    }
                }
                quotes[q].unterminated = !s.closed && p + 1 == paragraphs.len();
                continue;
            }
            let (inner, trailing) = if s.closed {
                (inner.to_string(), None)
            } else {
                split_trailing_attribution(inner)
            };
            let after = if s.closed { &text[s.after..] } else { "" };
            let subject = trailing
                .or_else(|| attribution_after(after))
                .or_else(|| attribution_before(&text[..s.open_at]));
            let words = inner.split_whitespace().count();
            let next_opens = paragraphs
                .get(p + 1)
                .copied()
                .flatten()
                .is_some_and(|n| n.starts_with(DOUBLE_OPENERS));
            if words < MIN_QUOTE_WORDS && s.closed {
                continue; // a quoted phrase, not a quote
            }
            let speaker = match subject {
                Some(Subject::Named(n)) => Some(resolve(&n)),
                Some(Subject::Pronoun) | None => last_speaker.clone(),
            };
            if let Some(sp) = &speaker {
                note(&mut speakers, sp);
                last_speaker = Some(sp.clone());
            }
            quotes.push(FoundQuote {
                paragraph: p,
                // `inner` is a prefix of the trimmed words (an attribution cut off its end).
                start: inner_at,
                end: inner_at + inner.len(),
                continued: Vec::new(),
                text: inner,
                speaker,
                unterminated: !s.closed && !next_opens,
            });
            if !s.closed && next_opens {
                carry = Some(quotes.len() - 1);
            }
        }
        for (_, name) in paraphrase_after {
            note(&mut speakers, &name);
            last_speaker = Some(name);
        }
    }
    (quotes, speakers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(paras: &[&str]) -> (Vec<FoundQuote>, Vec<String>) {
        let full = |n: &str| {
            if n == "Miller" {
                "Matthew Miller".to_string()
            } else {
                n.to_string()
            }
        };
        let ps: Vec<Option<&str>> = paras.iter().map(|p| Some(*p)).collect();
        find_quotes(&ps, &full)
    }

    #[test]
    fn attributions() {
        let (q, s) = run(&[
            "US State Department spokesperson Matthew Miller has denied any information.",
            "\u{201c}I would defer to our embassy in Pakistan for that,\u{201d} he said, when asked.",
            "Miller replied, \u{201c}So our thoughts are the same anywhere in the world.\u{201d}",
            "\u{201c}We have seen a rise in anti-Muslim sentiment here,\u{201d} said Tahir Andrabi.",
            "\u{201c}And it is in the broader security interests of everyone.\u{201d}",
        ]);
        assert_eq!(q.len(), 4);
        assert_eq!(q[0].speaker.as_deref(), Some("Matthew Miller"));
        assert_eq!(q[1].speaker.as_deref(), Some("Matthew Miller"));
        assert_eq!(q[2].speaker.as_deref(), Some("Tahir Andrabi"));
        assert_eq!(
            q[3].speaker.as_deref(),
            Some("Tahir Andrabi"),
            "an unattributed quote continues the last speaker"
        );
        assert_eq!(s, ["Matthew Miller", "Tahir Andrabi"]);
    }

    #[test]
    fn multi_paragraph_and_unclosed() {
        let (q, _) = run(&[
            "Miller said: \u{201c}The first part of the quote runs on here.",
            "\u{201c}And the second part closes it here today.\u{201d}",
            "\u{201c}So, I would obviously disagree with you. I do not have information to suggest that, he told the questioner.",
            "The line of questions then shifted.",
        ]);
        assert_eq!(q.len(), 2);
        assert_eq!(
            q[0].text,
            "The first part of the quote runs on here. And the second part closes it here today."
        );
        assert!(!q[0].unterminated);
        assert_eq!(
            q[1].text,
            "So, I would obviously disagree with you. I do not have information to suggest that"
        );
        assert_eq!(q[1].speaker.as_deref(), Some("Matthew Miller"));
        assert!(q[1].unterminated);
    }

    #[test]
    fn straight_and_single_quotes_and_phrases() {
        let (q, _) = run(&[
            "The US will stand \"shoulder to shoulder\" with Pakistan. \"Our hearts go out to the families and loved ones,\" Miller added.",
            "'We will not accept this under any circumstances,' said Jane Roe, the minister's aide.",
            "Pakistan’s allegations and the courts’ secretive nature drew criticism.",
        ]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(
            q[0].text,
            "Our hearts go out to the families and loved ones"
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Matthew Miller"));
        assert_eq!(q[1].speaker.as_deref(), Some("Jane Roe"));
    }

    /// Each quote's text is its parts' paragraph text, joined by spaces.
    fn assert_positions(paras: &[&str], q: &[FoundQuote]) {
        for quote in q {
            let mut joined = paras[quote.paragraph][quote.start..quote.end].to_string();
            for &(p, start, end) in &quote.continued {
                joined.push(' ');
                joined.push_str(&paras[p][start..end]);
            }
            assert_eq!(joined, quote.text);
        }
    }

    #[test]
    fn quotes_keep_their_byte_ranges_in_the_paragraphs() {
        let paras = [
            "Miller said: \u{201c}The first part of the quote runs on here.",
            "\u{201c}And the second part closes it here today.\u{201d}",
            "Café owners said \u{201c}  prices have doubled since the spring ,\u{201d} and left.",
            "\u{201c}So, I would obviously disagree with you, he told the questioner.",
        ];
        let (q, _) = run(&paras);
        assert_eq!(q.len(), 3, "{q:?}");
        assert_eq!(
            q[0].continued,
            [(1, "\u{201c}".len(), paras[1].len() - "\u{201d}".len())]
        );
        assert_eq!(
            &paras[2][q[1].start..q[1].end],
            "prices have doubled since the spring"
        );
        // An unclosed quote's trailing attribution is cut off, and so is its range.
        assert_eq!(q[2].text, "So, I would obviously disagree with you");
        assert_positions(&paras, &q);
    }

    #[test]
    fn low_high_quotes_and_guillemets_are_quotes() {
        let paras = [
            "\u{201e}Nobody wants a long dispute with the union,\u{201c} said Pieter Bakker.",
            "The mayor was blunt: \u{ab} We will not pay for a single crane more \u{bb}, she said.",
            "Read more \u{bb} Port news",
        ];
        let (q, _) = run(&paras);
        let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Nobody wants a long dispute with the union",
                "We will not pay for a single crane more"
            ]
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Pieter Bakker"));
        assert_positions(&paras, &q);
    }
}
