//! What the story page reads from the reports' text: what each report adds (its sentences no
//! other report of the story shares) and the quotes they share. The page calls [`story_text`]
//! once the text of [`super::story_view::StoryView::text_reports`] is fetched.
//!
//! # Shared or added
//!
//! Sentences are the aligner's ([`report_sentences`]); words are the analysis's
//! ([`text::words`]: the project's one text fold, then spelling variants). A sentence of five
//! words or more is **shared** when at least half of its word 5-shingles appear in another
//! report of the story (anywhere in its body: outlets join and split sentences), so a copied
//! sentence with a word changed is still shared, while a sentence reworded throughout is the
//! report's own. A shorter sentence is shared when another report has a sentence of the same
//! words. A report **adds** its sentences that are not shared.
//!
//! A quote is cut into sentences the same way; two reports **share** a quote sentence when
//! they print the same words (folded) of at least [`super::pairs::QUOTE_MIN_WORDS`] words.
//!
//! # Bounded work
//!
//! At most [`MAX_TEXT_REPORTS`] reports are compared (the rest are listed as left out), and the
//! work is one pass over their words with hash lookups: linear in their text.

use super::align::{report_sentences, split_sentences};
use super::pairs::QUOTE_MIN_WORDS;
use super::story_view::MAX_TEXT_REPORTS;
use super::text::{self, SHINGLE_K};
use crate::model::Report;
use std::collections::HashMap;

/// Added sentences listed per report at most; [`ReportAdds::more`] counts the others.
pub const MAX_ADDED_SENTENCES: usize = 60;
/// Shared quotes listed at most, most widely carried first.
pub const MAX_SHARED_QUOTES: usize = 100;

/// A sentence of a report: where it is and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorySentence {
    /// Index into the report's paragraphs, and the byte range in that paragraph's text.
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// What one report adds to the story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportAdds {
    pub report: u32,
    /// Its sentences no other compared report shares, in reading order (at most
    /// [`MAX_ADDED_SENTENCES`]).
    pub sentences: Vec<StorySentence>,
    /// Added sentences not listed.
    pub more: usize,
    /// All its sentences.
    pub total: usize,
}

/// A quote sentence two or more reports of the story print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedQuote {
    /// As first printed (in the order the reports were given).
    pub text: String,
    /// Its folded words, joined by spaces: what was compared.
    pub folded: String,
    /// The first speaker any of them names.
    pub speaker: Option<String>,
    /// Report indices, in the order given.
    pub reports: Vec<u32>,
}

/// What the story page shows from the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryText {
    /// One entry per compared report, in the order given.
    pub adds: Vec<ReportAdds>,
    /// Most widely carried first, then in order of first appearance; at most
    /// [`MAX_SHARED_QUOTES`].
    pub shared_quotes: Vec<SharedQuote>,
    /// Reports given beyond [`MAX_TEXT_REPORTS`], not compared.
    pub left_out: Vec<u32>,
}

/// Which reports hold a key: the first, and whether any other does.
#[derive(Clone, Copy)]
struct Holders {
    first: u32,
    more: bool,
}

impl Holders {
    fn add(map: &mut HashMap<u64, Holders>, key: u64, report: u32) {
        map.entry(key)
            .and_modify(|h| h.more |= h.first != report)
            .or_insert(Holders {
                first: report,
                more: false,
            });
    }

    /// Does a report other than `report` hold the key?
    fn other_than(map: &HashMap<u64, Holders>, key: u64, report: u32) -> bool {
        map.get(&key).is_some_and(|h| h.more || h.first != report)
    }
}

/// What each of `texts` (report index and full report, publication order) adds and the quotes
/// they share. See the module documentation.
pub fn story_text(texts: &[(u32, &Report)]) -> StoryText {
    let (compared, rest) = texts.split_at(texts.len().min(MAX_TEXT_REPORTS));
    // Each report's sentences with their words, once.
    let sentences: Vec<Vec<(StorySentence, Vec<String>)>> = compared
        .iter()
        .map(|(_, r)| {
            report_sentences(r)
                .into_iter()
                .map(|s| {
                    let words = text::words(&s.text);
                    crate::ingest::work::add(words.len() + 1);
                    let sentence = StorySentence {
                        paragraph: s.paragraph,
                        start: s.start,
                        end: s.end,
                        text: s.text,
                    };
                    (sentence, words)
                })
                .collect()
        })
        .collect();
    // Every body shingle and every short sentence, with the reports holding it.
    let mut shingles: HashMap<u64, Holders> = HashMap::new();
    let mut short: HashMap<u64, Holders> = HashMap::new();
    for ((i, r), own) in compared.iter().zip(&sentences) {
        let body = r.body_text();
        crate::ingest::work::add(body.len() / 8 + 1);
        for h in text::text_shingles(&body, SHINGLE_K) {
            Holders::add(&mut shingles, h, *i);
        }
        for (_, words) in own.iter().filter(|(_, w)| w.len() < SHINGLE_K) {
            Holders::add(&mut short, text::hash_words(words), *i);
        }
    }
    let adds = compared
        .iter()
        .zip(sentences)
        .map(|((i, _), own)| {
            let total = own.len();
            let added: Vec<StorySentence> = own
                .into_iter()
                .filter(|(_, words)| !words.is_empty() && !is_shared(words, *i, &shingles, &short))
                .map(|(s, _)| s)
                .collect();
            let more = added.len().saturating_sub(MAX_ADDED_SENTENCES);
            ReportAdds {
                report: *i,
                sentences: added.into_iter().take(MAX_ADDED_SENTENCES).collect(),
                more,
                total,
            }
        })
        .collect();
    StoryText {
        adds,
        shared_quotes: shared_quotes(compared),
        left_out: rest.iter().map(|(i, _)| *i).collect(),
    }
}

fn is_shared(
    words: &[String],
    report: u32,
    shingles: &HashMap<u64, Holders>,
    short: &HashMap<u64, Holders>,
) -> bool {
    if words.len() < SHINGLE_K {
        return Holders::other_than(short, text::hash_words(words), report);
    }
    let own = text::shingles(words, SHINGLE_K);
    let found = own
        .iter()
        .filter(|&&h| Holders::other_than(shingles, h, report))
        .count();
    found * 2 >= own.len()
}

/// The quote sentences two or more of `compared` print.
fn shared_quotes(compared: &[(u32, &Report)]) -> Vec<SharedQuote> {
    let mut entries: Vec<SharedQuote> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, r) in compared {
        for q in &r.quotes {
            for (start, end) in split_sentences(&q.text) {
                let sentence = &q.text[start..end];
                let words = text::words(sentence);
                crate::ingest::work::add(words.len() + 1);
                if words.len() < QUOTE_MIN_WORDS {
                    continue;
                }
                let key = words.join(" ");
                let k = *by_key.entry(key.clone()).or_insert_with(|| {
                    entries.push(SharedQuote {
                        text: sentence.trim().to_string(),
                        folded: key,
                        speaker: None,
                        reports: Vec::new(),
                    });
                    entries.len() - 1
                });
                let e = &mut entries[k];
                if e.speaker.is_none() {
                    e.speaker = q.speaker.clone();
                }
                // A report's quotes come together: one printed twice is counted once.
                if e.reports.last() != Some(i) {
                    e.reports.push(*i);
                }
            }
        }
    }
    let mut shared: Vec<(usize, SharedQuote)> = entries
        .into_iter()
        .enumerate()
        .filter(|(_, e)| e.reports.len() >= 2)
        .collect();
    shared.sort_by_key(|(k, e)| (std::cmp::Reverse(e.reports.len()), *k));
    shared
        .into_iter()
        .take(MAX_SHARED_QUOTES)
        .map(|(_, e)| e)
        .collect()
}
