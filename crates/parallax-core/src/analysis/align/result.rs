//! What an alignment is made of: sentences, matched rows with their word diffs, the summary.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A sentence of a report: where it is and what it says.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index into `Report::paragraphs`.
    pub paragraph: usize,
    /// Byte range in the paragraph's text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Number of words.
    pub words: usize,
}

/// A piece of a matched sentence, changed or not relative to the other side.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffSpan {
    pub text: String,
    pub changed: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Same words once case, quote marks and spelling variants are folded.
    #[default]
    Verbatim,
    Reworded,
    LeftOnly,
    RightOnly,
}

/// How many sentences each side of a row holds, left : right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowShape {
    /// One sentence on each side (or one on one side only, for unmatched rows).
    #[default]
    OneToOne,
    /// Two consecutive left sentences match one right sentence: the right report has them
    /// merged into one (or the left split it in two).
    TwoToOne,
    /// One left sentence matches two consecutive right sentences: the right report has it
    /// split in two (or the left merged them).
    OneToTwo,
}

/// One row of the side-by-side view.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AlignedRow {
    /// Index into `Alignment::left`: the row's first left sentence (see `shape`).
    pub left: Option<usize>,
    /// Index into `Alignment::right`: the row's first right sentence (see `shape`).
    pub right: Option<usize>,
    /// Whether the matched words are the same (`Verbatim`, `Reworded`), or the row is unmatched.
    pub kind: RowKind,
    /// One sentence per side, or two consecutive ones on one side ([`AlignedRow::left_sentences`]).
    #[serde(default)]
    pub shape: RowShape,
    /// The match breaks reading order: the right sentence sits elsewhere (see `right`).
    pub moved: bool,
    /// Dice coefficient of the two sides' words, a side of two sentences taken together (0 for
    /// unmatched rows).
    pub similarity: f32,
    /// The left sentence in pieces, changed words marked (empty for right-only rows). A side of
    /// two sentences holds the first sentence's pieces, then the second's, each diffed as part
    /// of the two joined (see `second_sentence_from`).
    pub left_diff: Vec<DiffSpan>,
    pub right_diff: Vec<DiffSpan>,
    /// On the side holding two sentences, the index into its diff where the second sentence's
    /// pieces begin (0 for one-to-one rows).
    #[serde(default)]
    pub second_sentence_from: usize,
}

impl AlignedRow {
    /// The left sentences of the row (indices into `Alignment::left`; empty for right-only rows).
    pub fn left_sentences(&self) -> Range<usize> {
        let two = self.shape == RowShape::TwoToOne;
        self.left.map_or(0..0, |i| i..i + 1 + usize::from(two))
    }

    /// The right sentences of the row (indices into `Alignment::right`; empty for left-only rows).
    pub fn right_sentences(&self) -> Range<usize> {
        let two = self.shape == RowShape::OneToTwo;
        self.right.map_or(0..0, |j| j..j + 1 + usize::from(two))
    }

    /// Each left sentence of the row with its diff pieces (empty for an unmatched sentence,
    /// whose text is the whole of it).
    pub fn left_pieces(&self) -> Vec<(usize, &[DiffSpan])> {
        let at = if self.shape == RowShape::TwoToOne {
            self.second_sentence_from
        } else {
            self.left_diff.len()
        };
        pieces(self.left_sentences(), &self.left_diff, at)
    }

    /// Each right sentence of the row with its diff pieces (see [`AlignedRow::left_pieces`]).
    pub fn right_pieces(&self) -> Vec<(usize, &[DiffSpan])> {
        let at = if self.shape == RowShape::OneToTwo {
            self.second_sentence_from
        } else {
            self.right_diff.len()
        };
        pieces(self.right_sentences(), &self.right_diff, at)
    }
}

/// The sentences of one side with their pieces: the diff cut at `at` for a side of two.
fn pieces(sentences: Range<usize>, diff: &[DiffSpan], at: usize) -> Vec<(usize, &[DiffSpan])> {
    let at = at.min(diff.len());
    let (first, second) = diff.split_at(at);
    sentences.zip([first, second]).collect()
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AlignmentSummary {
    pub left_sentences: usize,
    pub right_sentences: usize,
    /// Matched rows (a row may hold two sentences on one side).
    pub matched: usize,
    /// Sentences of each side in matched rows.
    #[serde(default)]
    pub left_matched: usize,
    #[serde(default)]
    pub right_matched: usize,
    /// Matched rows holding two sentences on one side: a sentence split in two or two merged.
    #[serde(default)]
    pub split_or_merged: usize,
    pub verbatim: usize,
    pub reworded: usize,
    pub moved: usize,
    /// Share of the left side's words that sit in matched sentences.
    pub left_matched_share: f32,
    pub right_matched_share: f32,
}

/// Everything the side-by-side view shows for two reports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub left_id: String,
    pub right_id: String,
    pub left: Vec<Sentence>,
    pub right: Vec<Sentence>,
    /// Display order: left reading order; each right-only sentence follows the row of the
    /// nearest earlier right sentence that is matched in order.
    pub rows: Vec<AlignedRow>,
    /// Unmatched sentences, indices into `left` / `right`.
    pub left_only: Vec<usize>,
    pub right_only: Vec<usize>,
    pub summary: AlignmentSummary,
}
