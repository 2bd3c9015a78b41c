//! Quotes: where each printed quote sits in its report, and the ledger of quotes merged across
//! reports with how each printing differs from the first.

use super::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A byte range in a text (which text, the field holding it says).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// A quote printed in a report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Canonical full name, when the text attributes the quote.
    pub speaker: Option<String>,
    /// The quoted words without the quote marks; a quote running over paragraphs is joined, its
    /// parts separated by one space.
    pub text: String,
    /// Index into `Report::paragraphs` where the quote starts.
    pub paragraph: usize,
    /// Byte range of the quote's (first part of its) words in that paragraph's text:
    /// `paragraphs[paragraph].text[start..end]` is `text` for a quote in one paragraph.
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
    /// The parts in the following paragraphs of a quote running over several, in order: `text`
    /// is the first part and these joined by single spaces.
    #[serde(default)]
    pub continued: Vec<QuotePart>,
}

/// The words of a quote in one paragraph, past the first: a byte range of its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotePart {
    /// Index into `Report::paragraphs`.
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

impl Quote {
    /// Every part of the quote: the first, then those in following paragraphs.
    pub fn parts(&self) -> impl Iterator<Item = QuotePart> + '_ {
        std::iter::once(QuotePart {
            paragraph: self.paragraph,
            start: self.start,
            end: self.end,
        })
        .chain(self.continued.iter().copied())
    }

    /// Where bytes `range` of `text` are printed: a byte range in each paragraph they cover
    /// (the spaces joining parts belong to none). Ranges past the text are cut to it.
    pub fn printed(&self, range: Range<usize>) -> Vec<QuotePart> {
        let mut out = Vec::new();
        let mut at = 0; // where the current part starts in `text`
        for part in self.parts() {
            let len = part.end.saturating_sub(part.start);
            let (from, to) = (range.start.max(at), range.end.min(at + len));
            if from < to {
                out.push(QuotePart {
                    paragraph: part.paragraph,
                    start: part.start + from - at,
                    end: part.start + to - at,
                });
            }
            at += len + 1;
        }
        out
    }
}

/// A quote merged across reports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteEntry {
    pub id: String,
    pub speaker: Option<String>,
    /// The text as first printed.
    pub text: String,
    pub occurrences: Vec<QuoteOccurrence>,
    /// The report where it first appears in time (by event date, then published date).
    pub first_report: Option<String>,
    pub first_date: Option<NaiveDate>,
}

/// One printing of a ledger entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteOccurrence {
    pub report: String,
    pub paragraph: usize,
    pub text: String,
    /// Same words as the entry's text once quote marks, case and spelling variants are normalised.
    pub verbatim: bool,
    /// Index into the report's `quotes` of the printed quote holding it...
    #[serde(default)]
    pub quote: usize,
    /// ...and the byte range of `text` in that quote's text (`Quote::printed` says where that is
    /// in the paragraphs).
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
    /// How the words differ from the entry's text; `None` when verbatim.
    #[serde(default)]
    pub change: Option<QuoteChange>,
    /// Byte ranges in `text` of the words the entry's text does not have (added or put instead).
    #[serde(default)]
    pub changed: Vec<TextRange>,
    /// Byte ranges in the entry's `text` of its words this printing does not have (left out or
    /// replaced).
    #[serde(default)]
    pub entry_changed: Vec<TextRange>,
}

/// How a printing of a quote differs from its first printing, word by word (once case, quote
/// marks, apostrophes and spelling variants are folded): the categories of Simmons, Adamic and
/// Adar, "Memes Online: Extracted, Subtracted, Injected, and Recollected" (ICWSM 2011).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteChange {
    /// Words left out, nothing added: a part cut from the quote ("extracted") or words dropped
    /// inside it ("subtracted").
    Trimmed,
    /// Words added, none left out ("injected"): the first printing's words all there, in order.
    Extended,
    /// Words replaced, or some left out and others added ("recollected": misremembered or
    /// reworded).
    Substituted,
}

impl QuoteChange {
    pub fn label(self) -> &'static str {
        match self {
            QuoteChange::Trimmed => "trimmed",
            QuoteChange::Extended => "extended",
            QuoteChange::Substituted => "substituted",
        }
    }
}
