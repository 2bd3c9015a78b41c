//! The data model shared by the parser, the analysis, the build step, the CLI and the app.
//!
//! Everything here is plain data (serde), so the build step can serialise it into the site's data
//! (`site`) and `parallax inspect --json` can print it. Report ids are what the URL refers to.

/// Re-exported so users of the model need no direct chrono dependency.
pub use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod diagnostics;
mod quotes;
pub use diagnostics::{escape_controls, is_control_char, Diagnostic, Level};
pub use quotes::{Quote, QuoteChange, QuoteEntry, QuoteOccurrence, QuotePart, TextRange};

/// A whole analysed corpus: what the build step cuts into the site's data (`site::split`) and
/// what `inspect --json` prints.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub reports: Vec<Report>,
    /// Related pairs (relation other than `Unrelated`), ordered by (a, b) report order; a large
    /// group of exact copies is stored collapsed (see `copy_groups`).
    pub pairs: Vec<Pair>,
    /// Compact evidence for the pairs unrelated under the default thresholds that the page's
    /// threshold control can make related (`analysis::pairs::regroupable` turns them and
    /// `pairs` back into full pairs for the page to reclassify). Pairs neither here nor in
    /// `pairs` are unrelated at every value the control offers.
    pub evidence: Vec<PairEvidence>,
    pub stories: Vec<Story>,
    /// Groups of more than `analysis::copies::INLINE_UP_TO` exact copies (reports whose
    /// analysis features are equal: same folded body, quotes, names and event date), as indices
    /// into `reports`, each in corpus order. `pairs` and `evidence` hold such a group collapsed:
    /// a star from its first report to each other member, and per other report or group at most
    /// two pairs (one per order); `analysis::copies::CopyIndex` expands them into the pairs of
    /// any member. Smaller groups are stored pair by pair like any reports.
    #[serde(default)]
    pub copy_groups: Vec<Vec<u32>>,
    /// Groups of more than `analysis::copies::INLINE_UP_TO` near copies (reports that are near
    /// duplicates at every value of the threshold control, joined by transitivity), as indices
    /// into `reports`, ascending. `pairs` holds only a spanning tree of each group's pairs among
    /// its members (see `analysis::near_copies`); the page computes the others when asked.
    #[serde(default)]
    pub near_copy_groups: Vec<Vec<u32>>,
    /// The stock words of the reports' quotes, ordered by report: with a report's text, what a
    /// pair's evidence reads.
    #[serde(default)]
    pub stock_runs: Vec<StockRun>,
    /// The quote ledger: each quote merged across reports.
    pub quotes: Vec<QuoteEntry>,
    /// The topic lexicon the reports were tagged with.
    pub topics: Vec<TopicDef>,
    pub diagnostics: Vec<Diagnostic>,
}

/// One news report. A file may hold several.
///
/// Labels and facet values (title, kicker, standfirst, byline, dateline, outlet, names, related
/// headlines, event evidence) never hold bidirectional controls; paragraph text keeps them as
/// printed (`text_marks::segments` shows them). Every date is within the plausible range of the
/// parse (1900 to a year after the build date).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Stable, URL-safe (`[A-Za-z0-9_-]`), unique in the corpus: derived from file name and index.
    pub id: String,
    /// The file's name (no directory).
    pub file: String,
    /// Index of this report within its file, from 0.
    pub index: usize,
    /// 1-based line in the file where this report starts.
    pub line: usize,
    pub title: String,
    /// A section label printed with the title ("POLITICS & POLICY MAKING", "In World"), else the
    /// last section of a breadcrumb trail above it ("Home / International / …" → "International").
    pub kicker: Option<String>,
    /// Summary line(s) or bullet points under the title.
    pub standfirst: Vec<String>,
    pub byline: Option<String>,
    /// "ISLAMABAD", "WASHINGTON" (the place only; the raw prefix is stripped from the body).
    pub dateline: Option<String>,
    /// The outlet that printed the report, when the text or the curator says.
    pub outlet: Option<String>,
    /// Where `outlet` came from (`Unknown` when there is none).
    #[serde(default)]
    pub outlet_basis: OutletBasis,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_basis: DateBasis,
    pub updated: Option<NaiveDate>,
    /// The date of the event the report is about (a briefing is often a day before publication).
    pub event_date: Option<NaiveDate>,
    pub event_date_basis: DateBasis,
    /// The words the event date was read from ("on Monday", "July 8, 2024"), for the page to show.
    pub event_date_evidence: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub quotes: Vec<Quote>,
    /// People the report quotes or paraphrases, full canonical names.
    pub speakers: Vec<String>,
    pub people: Vec<String>,
    pub organisations: Vec<String>,
    pub places: Vec<String>,
    /// "Also read: …" / "Read more: …" / "Check Also" headlines, kept as links rather than body
    /// text.
    pub related: Vec<RelatedLink>,
    /// Filled by analysis: topics with weights, strongest first.
    pub topics: Vec<TopicScore>,
}

impl Report {
    /// All body text (headings excluded), paragraphs joined by blank lines.
    pub fn body_text(&self) -> String {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Text)
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// Each report's index by its id (FxHash: the ids are the corpus's own, looked up by the
/// thousand).
pub type Positions<'a> = rustc_hash::FxHashMap<&'a str, u32>;

/// Each report's index by its id: how pairs, stories and URLs (which name reports by id) find
/// a report.
pub fn report_positions(reports: &[Report]) -> Positions<'_> {
    reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i as u32))
        .collect()
}

/// Where a date came from. The page shows it next to every date.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// No date.
    #[default]
    Unknown,
    /// Printed in the text as a date.
    Stated,
    /// A weekday ("on Monday") resolved against the publication date.
    ResolvedWeekday,
    /// Given by the curator's sidecar metadata.
    Metadata,
    /// Taken from other reports of the same story.
    Inferred,
}

impl DateBasis {
    pub fn label(self) -> &'static str {
        match self {
            DateBasis::Unknown => "unknown",
            DateBasis::Stated => "stated",
            DateBasis::ResolvedWeekday => "resolved weekday",
            DateBasis::Metadata => "metadata",
            DateBasis::Inferred => "inferred",
        }
    }
}

/// Where an outlet's name came from. The page shows it next to the outlet, like a date's basis.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum OutletBasis {
    /// No outlet.
    #[default]
    Unknown,
    /// Named by the report itself: a footer ("Published in Dawn, May 9th, 2024") or a wire
    /// credit in the dateline ("WASHINGTON (Reuters) -").
    StatedInText,
    /// Given by the curator's sidecar metadata.
    Metadata,
}

impl OutletBasis {
    pub fn label(self) -> &'static str {
        match self {
            OutletBasis::Unknown => "unknown",
            OutletBasis::StatedInText => "stated in the text",
            OutletBasis::Metadata => "metadata",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    #[default]
    Text,
    /// A section heading inside the report ("Gaza war").
    Heading,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    pub text: String,
    /// 1-based line in the file.
    pub line: usize,
    /// Filled by analysis: topic phrases found in this paragraph.
    pub topic_hits: Vec<TopicHit>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedLink {
    /// "Also read", "Read more".
    pub label: String,
    pub headline: String,
    pub line: usize,
}

// ---------------------------------------------------------------------------------------------
// Analysis results
// ---------------------------------------------------------------------------------------------

/// A topic of the lexicon (corpus/topics.toml).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicDef {
    /// URL-safe id ("imran-khan-pti").
    pub id: String,
    pub label: String,
    pub description: String,
    pub phrases: Vec<String>,
    pub entities: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicScore {
    pub topic: String,
    /// Share of the report's topic evidence (0..=1), strongest first.
    pub weight: f32,
}

/// A topic phrase found in a paragraph: byte range into `Paragraph::text`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicHit {
    pub topic: String,
    pub start: usize,
    pub end: usize,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    #[default]
    Unrelated,
    /// Only a stock line in common; different events.
    SharesQuote,
    /// The same event in other words: shares quotes, people and date, little text.
    SameStory,
    /// Most text shared: a copy, syndication, light rewrite.
    NearDuplicate,
}

impl Relation {
    pub fn label(self) -> &'static str {
        match self {
            Relation::Unrelated => "unrelated",
            Relation::SharesQuote => "shares a quote",
            Relation::SameStory => "same story",
            Relation::NearDuplicate => "near duplicate",
        }
    }
}

/// The evidence about two reports, and what it makes of them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Report ids; `a` comes before `b` in corpus order.
    pub a: String,
    pub b: String,
    pub relation: Relation,
    /// Word-5-shingle Jaccard.
    pub jaccard: f32,
    /// Share of a's shingles found in b.
    pub containment_a_in_b: f32,
    pub containment_b_in_a: f32,
    /// Longest verbatim run, in words.
    pub longest_run: usize,
    /// Normalised text of the quotes both carry, one entry per quote (the words of each
    /// sentence both carry, joined by " … ").
    pub shared_quotes: Vec<String>,
    /// Indices into `shared_quotes` of the quotes that are only stock lines: words that reports
    /// of several different events carry (see `analysis::pairs`). They never make a same story.
    pub stock_quotes: Vec<usize>,
    pub shared_people: Vec<String>,
    pub shared_places: Vec<String>,
    /// |event date a − event date b| in days, when both are dated.
    pub date_distance_days: Option<i64>,
    /// One line: why this relation.
    pub why: String,
}

/// What [`Pair`] holds of a pair that is unrelated under the default thresholds, compactly: such
/// a pair shares no quote (one shared quote makes a pair related under any thresholds), and its
/// shared people and places are recomputed from the reports, so only the figures stay.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PairEvidence {
    /// Indices into `Corpus::reports`; `a < b`.
    pub a: u32,
    pub b: u32,
    pub jaccard: f32,
    pub containment_a_in_b: f32,
    pub containment_b_in_a: f32,
    /// Longest verbatim run in words, saturated at `u16::MAX`.
    pub longest_run: u16,
    pub date_distance_days: Option<i32>,
}

/// Words of one report's quote that are a stock line (`analysis::pairs::mark_stock_quotes`):
/// what the page needs, beside the report itself, to compute a pair's evidence exactly as the
/// build did (`analysis::pairs::live_pair`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockRun {
    /// Index into `Corpus::reports`.
    pub report: u32,
    /// Index of the quote sentence among those the comparison reads
    /// (`ReportFeatures::quotes`).
    pub sentence: u32,
    /// First word and number of words.
    pub start: u32,
    pub len: u32,
}

/// Reports joined by `NearDuplicate` / `SameStory`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// URL-safe id.
    pub id: String,
    pub label: String,
    pub date: Option<NaiveDate>,
    /// Report ids, corpus order.
    pub reports: Vec<String>,
}
