//! The sentences of a report's quotes as the ledger matches them ([`super::group_quotes`]):
//! each found from the report's quotes' text alone, so a rebuild keeps those of the reports
//! whose quotes did not change (`reuse::Carry::quotes`, by [`quotes_key`]) instead of folding
//! every quote of the corpus again.

use super::super::align::split_sentences;
use super::super::text;
use crate::model::Report;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// One sentence of one printed quote.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index into the report's quotes.
    pub quote: u32,
    /// Byte range of the sentence in the quote's text.
    pub start: u32,
    pub end: u32,
    /// The sentence's folded words, hashed, for fast comparison.
    #[serde(with = "crate::analysis::hash_bytes")]
    pub hashes: Vec<u64>,
}

/// A key of what [`sentences`] reads of a report: the text of each of its quotes.
pub fn quotes_key(report: &Report) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&(report.quotes.len() as u64).to_le_bytes());
    for q in &report.quotes {
        // Hashed whole, then its hash streamed: as `reuse::report_key` does.
        h.update(&(q.text.len() as u64).to_le_bytes());
        h.update(&xxhash_rust::xxh3::xxh3_64(q.text.as_bytes()).to_le_bytes());
    }
    h.digest()
}

/// Each sentence holding a word of each of the report's quotes, in order.
pub fn sentences(report: &Report) -> Vec<Sentence> {
    let mut found = Vec::new();
    // Each word folded into one buffer and hashed: `text::words` without a string per word.
    let mut folded = String::new();
    for (quote, q) in report.quotes.iter().enumerate() {
        for (start, end) in split_sentences(&q.text) {
            let mut hashes: Vec<u64> = Vec::new();
            text::for_each_word(&q.text[start..end], |_, w| {
                text::fold_word_into(w, &mut folded);
                hashes.push(xxhash_rust::xxh3::xxh3_64(folded.as_bytes()));
            });
            if !hashes.is_empty() {
                found.push(Sentence {
                    quote: quote as u32,
                    start: start as u32,
                    end: end as u32,
                    hashes,
                });
            }
        }
    }
    found
}

/// Whether `kept` can be the sentences of `report`'s quotes: quotes and byte ranges within
/// them, on character boundaries. A damaged cache must not make the ledger slice out of bounds.
fn fits(report: &Report, kept: &[Sentence]) -> bool {
    kept.iter().all(|s| {
        report.quotes.get(s.quote as usize).is_some_and(|q| {
            let (start, end) = (s.start as usize, s.end as usize);
            start <= end && q.text.is_char_boundary(start) && q.text.is_char_boundary(end)
        })
    })
}

/// Every report's [`quotes_key`], and the sentences of each key: from `kept` (the last
/// build's) where they fit, found anew for the others (on all cores).
pub fn all_sentences(
    reports: &[Report],
    mut kept: FxHashMap<u64, Vec<Sentence>>,
) -> (Vec<u64>, FxHashMap<u64, Vec<Sentence>>) {
    let keys = crate::par::map(reports, quotes_key);
    let mut by_key: FxHashMap<u64, Vec<Sentence>> = FxHashMap::default();
    let mut missing: Vec<usize> = Vec::new();
    for (i, &key) in keys.iter().enumerate() {
        if by_key.contains_key(&key) {
            continue;
        }
        match kept.remove(&key).filter(|s| fits(&reports[i], s)) {
            Some(found) => {
                by_key.insert(key, found);
            }
            None => {
                // A placeholder, so that reports sharing the key are found once.
                by_key.insert(key, Vec::new());
                missing.push(i);
            }
        }
    }
    drop(kept);
    let found = crate::par::map(&missing, |&i| sentences(&reports[i]));
    for (&i, found) in missing.iter().zip(found) {
        by_key.insert(keys[i], found);
    }
    (keys, by_key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quote;

    fn report(quotes: &[&str]) -> Report {
        Report {
            quotes: quotes
                .iter()
                .map(|t| Quote {
                    text: t.to_string(),
                    ..Quote::default()
                })
                .collect(),
            ..Report::default()
        }
    }

    /// Kept sentences are used as they are; damaged ones (a quote past the last, a range past
    /// the text or inside a character) are found again, without a panic.
    #[test]
    fn kept_sentences_are_used_where_they_fit_and_found_again_elsewhere() {
        let reports = [
            report(&[
                "Café talks resume. We welcome this step.",
                "Another one here.",
            ]),
            report(&["Short."]),
        ];
        let (keys, found) = all_sentences(&reports, FxHashMap::default());
        assert_eq!(found[&keys[0]], sentences(&reports[0]));
        assert_eq!(found[&keys[0]].len(), 3);
        let (_, again) = all_sentences(&reports, found.clone());
        assert_eq!(again, found);
        let damages: [fn(&mut Sentence); 3] =
            [|s| s.quote = 9, |s| s.end = 10_000, |s| s.start = 4];
        for damage in damages {
            let mut kept = found.clone();
            damage(&mut kept.get_mut(&keys[0]).unwrap()[0]);
            let (_, again) = all_sentences(&reports, kept);
            assert_eq!(again, found);
        }
    }
}
