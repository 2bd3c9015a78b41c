//! Sentence alignment for the side-by-side view.
//!
//! [`align`] splits both reports into sentences ([`split_sentences`]), matches them one to one by
//! word overlap allowing any reordering, marks the matches that break reading order as moved,
//! diffs the words inside each match (`similar`, no deadline: `Instant::now` panics in the
//! browser) and lists what each side has alone. The result is plain serde data the page renders
//! row by row.
//!
//! This file matches the sentences; the rest has a file each: `result` (the data the page
//! renders), `sentences` (sentence splitting), `order` (moved matches and the display order) and
//! `diff` (the word diff inside a match).

mod diff;
mod order;
mod result;
mod sentences;
#[cfg(test)]
mod tests;

pub use result::{AlignedRow, Alignment, AlignmentSummary, DiffSpan, RowKind, Sentence};
pub use sentences::{report_sentences, split_sentences};

use super::text;
use crate::model::Report;
use diff::word_diff;
use order::{display_rows, moved_flags};
use std::collections::HashMap;

/// Two sentences match when their word bags have a Dice coefficient at least this high...
pub const MIN_DICE: (usize, usize) = (1, 2);
/// ...or when at least this many words of the shorter one...
pub const MIN_SHARED_WORDS_FOR_OVERLAP: usize = 6;
/// ...make up at least this share of it (a sentence cut down inside a longer one).
pub const MIN_OVERLAP: (usize, usize) = (4, 5);

/// A sentence reduced to sorted word ids, for overlap counting.
fn bags(sentences: &[Sentence], ids: &mut HashMap<String, u32>) -> Vec<Vec<u32>> {
    sentences
        .iter()
        .map(|s| {
            let mut bag: Vec<u32> = text::words(&s.text)
                .into_iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect();
            bag.sort_unstable();
            bag
        })
        .collect()
}

/// Shared words of two sorted bags, counting repeats.
fn shared_words(a: &[u32], b: &[u32]) -> usize {
    super::text::intersection_size(a, b)
}

/// A possible match, scored so that sorting is symmetric in the two sides.
struct Candidate {
    left: usize,
    right: usize,
    shared: usize,
    total: usize,
    /// |left/n − right/m| scaled to integers: prefer matches near the diagonal on ties.
    off_diagonal: usize,
}

impl Candidate {
    fn dice(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            2.0 * self.shared as f32 / self.total as f32
        }
    }
}

/// Aligns two reports sentence by sentence. See the module docs.
pub fn align(left: &Report, right: &Report) -> Alignment {
    let ls = report_sentences(left);
    let rs = report_sentences(right);
    let mut ids = HashMap::new();
    let lb = bags(&ls, &mut ids);
    let rb = bags(&rs, &mut ids);
    let (n, m) = (ls.len(), rs.len());

    let mut candidates = Vec::new();
    for (i, a) in lb.iter().enumerate() {
        for (j, b) in rb.iter().enumerate() {
            let shared = shared_words(a, b);
            if shared == 0 {
                continue;
            }
            let total = a.len() + b.len();
            let shorter = a.len().min(b.len());
            let dice_ok = 2 * shared * MIN_DICE.1 >= total * MIN_DICE.0;
            let overlap_ok = shared >= MIN_SHARED_WORDS_FOR_OVERLAP
                && shared * MIN_OVERLAP.1 >= shorter * MIN_OVERLAP.0;
            if dice_ok || overlap_ok {
                candidates.push(Candidate {
                    left: i,
                    right: j,
                    shared,
                    total,
                    off_diagonal: (i * m).abs_diff(j * n),
                });
            }
        }
    }
    // Best first: higher Dice (compared exactly as fractions), then nearer the diagonal, then
    // earlier. Every key is symmetric in the sides, and two candidates that compete for a
    // sentence never tie on all of them, so swapping the sides mirrors the result.
    candidates.sort_by(|x, y| {
        (y.shared * x.total)
            .cmp(&(x.shared * y.total))
            .then(x.off_diagonal.cmp(&y.off_diagonal))
            .then((x.left + x.right).cmp(&(y.left + y.right)))
    });
    let mut left_match: Vec<Option<usize>> = vec![None; n];
    let mut right_match: Vec<Option<usize>> = vec![None; m];
    let mut chosen: Vec<&Candidate> = Vec::new();
    for c in &candidates {
        if left_match[c.left].is_none() && right_match[c.right].is_none() {
            left_match[c.left] = Some(c.right);
            right_match[c.right] = Some(c.left);
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| c.left);
    let moved = moved_flags(&chosen.iter().map(|c| c.right).collect::<Vec<_>>());

    let mut pair_rows: Vec<AlignedRow> = Vec::with_capacity(chosen.len());
    let mut summary = AlignmentSummary {
        left_sentences: n,
        right_sentences: m,
        matched: chosen.len(),
        ..Default::default()
    };
    let (mut left_words, mut right_words) = (0usize, 0usize);
    for (c, &is_moved) in chosen.iter().zip(&moved) {
        let (left_diff, right_diff, verbatim) = word_diff(&ls[c.left].text, &rs[c.right].text);
        if verbatim {
            summary.verbatim += 1;
        } else {
            summary.reworded += 1;
        }
        summary.moved += usize::from(is_moved);
        left_words += ls[c.left].words;
        right_words += rs[c.right].words;
        pair_rows.push(AlignedRow {
            left: Some(c.left),
            right: Some(c.right),
            kind: if verbatim {
                RowKind::Verbatim
            } else {
                RowKind::Reworded
            },
            moved: is_moved,
            similarity: c.dice(),
            left_diff,
            right_diff,
        });
    }
    let share = |matched: usize, all: &[Sentence]| {
        let total: usize = all.iter().map(|s| s.words).sum();
        if total == 0 {
            0.0
        } else {
            matched as f32 / total as f32
        }
    };
    summary.left_matched_share = share(left_words, &ls);
    summary.right_matched_share = share(right_words, &rs);

    let left_only: Vec<usize> = (0..n).filter(|&i| left_match[i].is_none()).collect();
    let right_only: Vec<usize> = (0..m).filter(|&j| right_match[j].is_none()).collect();
    let rows = display_rows(n, pair_rows, &right_only);
    Alignment {
        left_id: left.id.clone(),
        right_id: right.id.clone(),
        left: ls,
        right: rs,
        rows,
        left_only,
        right_only,
        summary,
    }
}
