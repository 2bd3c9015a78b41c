//! Relevance: BM25F over title and body.
//!
//! BM25 because it needs nothing but what the postings already hold (a word's occurrences per
//! report, how many reports hold it, report lengths), its term-frequency saturation keeps a
//! report that repeats a word from drowning one that uses several of the words typed, and its
//! rare-words-count-more weight makes "water sharing" rank reports about sharing water above
//! those that only say "water". The F variant weights fields before saturating: a title word
//! counts as [`TITLE_WEIGHT`] body words, so a match in the title ranks higher without a report
//! with a long title winning on length alone. Constants are the usual ones (k1 1.2, b 0.75).

use super::postings::{FieldLengths, Posting};

/// How many body words one title word is worth.
pub const TITLE_WEIGHT: f32 = 3.0;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The corpus-wide figures BM25 needs.
#[derive(Clone, Debug)]
pub(super) struct Bm25 {
    reports: f32,
    average_length: f32,
}

fn weighted_length(l: &FieldLengths) -> f32 {
    TITLE_WEIGHT * l.title as f32 + l.body as f32
}

impl Bm25 {
    pub(super) fn new(lengths: &[FieldLengths]) -> Bm25 {
        let total: f32 = lengths.iter().map(weighted_length).sum();
        Bm25 {
            reports: lengths.len() as f32,
            average_length: (total / lengths.len().max(1) as f32).max(1.0),
        }
    }

    /// The weight of a word held by `holding` reports: rarer words weigh more, never below 0.
    pub(super) fn idf(&self, holding: usize) -> f32 {
        let n = holding as f32;
        (1.0 + (self.reports - n + 0.5) / (n + 0.5)).ln()
    }

    /// The score one posting adds to its report, for a word of weight `idf`.
    pub(super) fn score(&self, idf: f32, posting: &Posting, length: &FieldLengths) -> f32 {
        let tf = TITLE_WEIGHT * posting.in_title as f32 + posting.in_body as f32;
        let norm = 1.0 - B + B * weighted_length(length) / self.average_length;
        idf * tf * (K1 + 1.0) / (tf + K1 * norm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_words_title_matches_and_short_reports_score_higher() {
        let lengths = vec![
            FieldLengths {
                title: 5,
                body: 100,
            };
            10
        ];
        let bm = Bm25::new(&lengths);
        assert!(bm.idf(1) > bm.idf(5));
        assert!(bm.idf(10) > 0.0);
        let body = Posting {
            report: 0,
            in_title: 0,
            in_body: 1,
        };
        let title = Posting {
            in_title: 1,
            in_body: 0,
            ..body
        };
        let short = FieldLengths { title: 5, body: 20 };
        assert!(bm.score(1.0, &title, &lengths[0]) > bm.score(1.0, &body, &lengths[0]));
        assert!(bm.score(1.0, &body, &short) > bm.score(1.0, &body, &lengths[0]));
    }
}
