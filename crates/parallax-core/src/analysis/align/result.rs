//! What an alignment is made of: sentences, matched rows with their word diffs, the summary.

use serde::{Deserialize, Serialize};

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

/// One row of the side-by-side view.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AlignedRow {
    /// Index into `Alignment::left`.
    pub left: Option<usize>,
    /// Index into `Alignment::right`.
    pub right: Option<usize>,
    pub kind: RowKind,
    /// The match breaks reading order: the right sentence sits elsewhere (see `right`).
    pub moved: bool,
    /// Dice coefficient of the two sentences' words (0 for unmatched rows).
    pub similarity: f32,
    /// The left sentence in pieces, changed words marked (empty for right-only rows).
    pub left_diff: Vec<DiffSpan>,
    pub right_diff: Vec<DiffSpan>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AlignmentSummary {
    pub left_sentences: usize,
    pub right_sentences: usize,
    pub matched: usize,
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
