//! Sentence alignment for the side-by-side view.
//!
//! [`align`] splits both reports into sentences ([`split_sentences`]), matches them by word
//! overlap allowing any reordering, one to one, or two consecutive sentences against one when
//! an outlet split a sentence in two or merged two (a 2:1 or 1:2 row), marks the matches that
//! break reading order as moved, diffs the words inside each match (`similar`, no deadline:
//! `Instant::now` panics in the browser) and lists what each side has alone. The result is plain
//! serde data the page renders row by row.
//!
//! This file puts the alignment together; the rest has a file each: `candidates` (which
//! sentences match), `result` (the data the page renders), `sentences` (sentence splitting),
//! `order` (moved matches and the display order) and `diff` (the word diff inside a match).

mod candidates;
mod diff;
mod order;
mod result;
mod sentences;
#[cfg(test)]
mod tests;

pub use candidates::{
    MIN_DICE, MIN_JOINED_PART_SHARE, MIN_JOINED_PART_WORDS, MIN_OVERLAP,
    MIN_SHARED_WORDS_FOR_OVERLAP,
};
pub use result::{AlignedRow, Alignment, AlignmentSummary, DiffSpan, RowKind, RowShape, Sentence};
pub use sentences::{report_sentences, split_sentences};

use crate::model::Report;
use candidates::{bags, candidates, choose};
use diff::row_diff;
use order::{display_rows, moved_flags};
use std::collections::HashMap;

/// The texts of a side's sentences `first..=last`.
fn texts(side: &[Sentence], (first, last): (usize, usize)) -> Vec<&str> {
    side[first..=last].iter().map(|s| s.text.as_str()).collect()
}

/// Aligns two reports sentence by sentence. See the module docs.
pub fn align(left: &Report, right: &Report) -> Alignment {
    let ls = report_sentences(left);
    let rs = report_sentences(right);
    let mut ids = HashMap::new();
    let lb = bags(&ls, &mut ids);
    let rb = bags(&rs, &mut ids);
    let (n, m) = (ls.len(), rs.len());

    let mut chosen = choose(candidates(&lb, &rb), n, m);
    chosen.sort_by_key(|c| c.left);
    let moved = moved_flags(&chosen.iter().map(|c| c.right.0).collect::<Vec<_>>());

    let mut pair_rows: Vec<AlignedRow> = Vec::with_capacity(chosen.len());
    let mut summary = AlignmentSummary {
        left_sentences: n,
        right_sentences: m,
        matched: chosen.len(),
        ..Default::default()
    };
    let (mut left_matched, mut right_matched) = (vec![false; n], vec![false; m]);
    for (c, &is_moved) in chosen.iter().zip(&moved) {
        let diff = row_diff(&texts(&ls, c.left), &texts(&rs, c.right));
        let shape = match (c.left.0 == c.left.1, c.right.0 == c.right.1) {
            (false, _) => RowShape::TwoToOne,
            (_, false) => RowShape::OneToTwo,
            _ => RowShape::OneToOne,
        };
        if diff.verbatim {
            summary.verbatim += 1;
        } else {
            summary.reworded += 1;
        }
        summary.moved += usize::from(is_moved);
        summary.split_or_merged += usize::from(shape != RowShape::OneToOne);
        (c.left.0..=c.left.1).for_each(|i| left_matched[i] = true);
        (c.right.0..=c.right.1).for_each(|j| right_matched[j] = true);
        pair_rows.push(AlignedRow {
            left: Some(c.left.0),
            right: Some(c.right.0),
            kind: if diff.verbatim {
                RowKind::Verbatim
            } else {
                RowKind::Reworded
            },
            shape,
            moved: is_moved,
            similarity: c.dice(),
            left_diff: diff.left,
            right_diff: diff.right,
            second_sentence_from: diff.second_sentence_from,
        });
    }
    let share = |matched: &[bool], all: &[Sentence]| {
        let total: usize = all.iter().map(|s| s.words).sum();
        let in_matches: usize = all
            .iter()
            .zip(matched)
            .filter(|(_, &m)| m)
            .map(|(s, _)| s.words)
            .sum();
        if total == 0 {
            0.0
        } else {
            in_matches as f32 / total as f32
        }
    };
    summary.left_matched_share = share(&left_matched, &ls);
    summary.right_matched_share = share(&right_matched, &rs);
    summary.left_matched = left_matched.iter().filter(|&&m| m).count();
    summary.right_matched = right_matched.iter().filter(|&&m| m).count();

    let left_only: Vec<usize> = (0..n).filter(|&i| !left_matched[i]).collect();
    let right_only: Vec<usize> = (0..m).filter(|&j| !right_matched[j]).collect();
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
