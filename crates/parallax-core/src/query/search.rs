//! The text part of a query, answered from the inverted index: the postings of the words typed
//! narrow the reports to candidates, and only terms the postings cannot decide alone (phrases,
//! words with punctuation) are confirmed on the candidates' folded text.
//!
//! A term matches where it starts a word of the text (today's semantics, `find_word_start`).
//! Cut into its runs of letters and digits, a term that matches has each run at the start of a
//! word of the text; a run followed by anything in the term must be that whole word, the last
//! run (the word being typed) only its start. So the candidates are the reports holding, for
//! every run, that word (or a word with that prefix): a superset of the matches, and exactly
//! them when the term is a single run. A term with no letter or digit ("-", "&") narrows by the
//! reports holding each of its characters.
//!
//! The word being typed reads the postings of every word it starts, merged per report: for one
//! or two letters the index keeps that list ready (`postings::SHORT_PREFIX_CHARS`), so "s" after
//! "water " reads one list of at most one posting per report, never thousands of words'.
//!
//! Search reads a [`TermSource`]: the whole index, or the shards of it a page has loaded. A term
//! to confirm needs its candidates' folded text: when some is not at hand, search says which
//! reports' text it needs instead of answering.

use super::matching::find_word_start;
use super::postings::Posting;
use super::ranking::Bm25;
use super::term_source::TermSource;
use crate::ingest::work;

/// Reports matching every term, by ascending id, with their relevance.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct TextMatches {
    pub(super) reports: Vec<(u32, f32)>,
}

/// The runs of letters and digits of `term`, each with whether it must be a whole word (it is
/// followed by something else in the term).
pub(super) fn term_runs(term: &str) -> Vec<(&str, bool)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in term.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            runs.push((&term[s..i], true));
        }
    }
    if let Some(s) = start {
        runs.push((&term[s..], false));
    }
    runs
}

/// Keeps the entries of `held` whose report is in `postings` (both by ascending report),
/// adding the score `score` gives that posting.
fn intersect(
    held: Vec<(u32, f32)>,
    postings: &[Posting],
    mut score: impl FnMut(&Posting) -> f32,
) -> Vec<(u32, f32)> {
    work::add(held.len() * (postings.len().max(1).ilog2() as usize + 1));
    let mut out = Vec::with_capacity(held.len().min(postings.len()));
    let mut rest = postings;
    for (report, s) in held {
        let skip = rest.partition_point(|p| p.report < report);
        rest = &rest[skip..];
        if let Some(p) = rest.first().filter(|p| p.report == report) {
            out.push((report, s + score(p)));
        }
    }
    out
}

/// The reports of `within` (all reports when `None`) that may hold `term`, by ascending report,
/// with the term's score added, and whether the term still needs confirming on their text.
fn term_matches(
    index: &dyn TermSource,
    bm25: &Bm25,
    term: &str,
    within: Option<Vec<(u32, f32)>>,
) -> (Vec<(u32, f32)>, bool) {
    let runs = term_runs(term);
    let mut held = within;
    if runs.is_empty() {
        for c in term.chars().filter(|c| !c.is_whitespace()) {
            let reports: Vec<Posting> = index
                .symbol(c)
                .iter()
                .map(|&report| Posting {
                    report,
                    in_title: 0,
                    in_body: 0,
                })
                .collect();
            held = Some(match held {
                None => reports.iter().map(|p| (p.report, 0.0)).collect(),
                Some(h) => intersect(h, &reports, |_| 0.0),
            });
        }
        return (held.unwrap_or_default(), true);
    }
    let lengths = index.lengths();
    let confirm = !(runs.len() == 1 && runs[0].0.len() == term.len());
    for (run, whole_word) in runs {
        let postings = if whole_word {
            index.exact(run)
        } else {
            index.prefix(run)
        };
        let idf = bm25.idf(postings.len());
        let score = |p: &Posting| bm25.score(idf, p, &lengths[p.report as usize]);
        let next = match held {
            None => postings.iter().map(|p| (p.report, score(p))).collect(),
            Some(h) => intersect(h, &postings, score),
        };
        if next.is_empty() {
            return (next, false);
        }
        held = Some(next);
    }
    (held.unwrap_or_default(), confirm)
}

/// The reports matching every term (all folded, as `search_terms` gives them); `text_of(r)` is
/// report r's folded text, read only for candidates of terms the postings cannot decide. When
/// it is missing for some of them (`None`: not loaded yet), the answer is those reports.
pub(super) fn search<'a>(
    index: &dyn TermSource,
    bm25: &Bm25,
    terms: &[String],
    text_of: impl Fn(u32) -> Option<&'a str>,
) -> Result<TextMatches, Vec<u32>> {
    let mut held: Option<Vec<(u32, f32)>> = None;
    let mut to_confirm: Vec<&str> = Vec::new();
    for term in terms {
        let (matches, confirm) = term_matches(index, bm25, term, held.take());
        if matches.is_empty() {
            // Nothing can match every term: the other terms need no look-up.
            return Ok(TextMatches::default());
        }
        held = Some(matches);
        if confirm {
            to_confirm.push(term);
        }
    }
    let mut reports = held.unwrap_or_default();
    if !to_confirm.is_empty() {
        let missing: Vec<u32> = reports
            .iter()
            .map(|&(r, _)| r)
            .filter(|&r| text_of(r).is_none())
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        reports.retain(|&(report, _)| {
            let text = text_of(report).unwrap_or_default();
            to_confirm.iter().all(|term| {
                work::add(text.len());
                find_word_start(text, term).is_some()
            })
        });
    }
    Ok(TextMatches { reports })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_a_term() {
        assert_eq!(term_runs("water"), [("water", false)]);
        assert_eq!(term_runs("pakistan's"), [("pakistan", true), ("s", false)]);
        assert_eq!(term_runs("(water) "), [("water", true)]);
        assert_eq!(term_runs("--"), []);
    }
}
