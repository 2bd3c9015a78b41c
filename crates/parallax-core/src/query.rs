//! The query engine behind the explorer: facets, date range and full-text search.
//!
//! Pure and synchronous so the page can run it on every keystroke. [`QueryIndex::new`] does the
//! expensive work once (folding every title and paragraph, an inverted index of their words, the
//! set of reports of every facet value as bits or a rank list); [`QueryIndex::run`] then reads
//! the postings of the words typed (phrases confirmed on the candidates' text only), ranks the
//! matches (BM25F), and for the date range and facets makes a few passes over words of 64
//! reports, never a report.
//!
//! Facets combine with OR inside a facet and AND across facets. Each option's count is the
//! "disjunctive" count: how many reports the selection would give if that option were added to
//! its own facet's selection while every *other* constraint stays as it is. So the options of one
//! facet never drop to 0 just because a sibling option is selected.
//!
//! One file per job: `facets` (the facets, a selection, duplicate flags), `index` (the
//! precomputed index and running a query), `bitsets` (sets of reports as bits or rank lists),
//! `facet_index` (facet and date filtering and counting on them), `matching` (search terms,
//! word-start matches, highlights; the fold itself is `crate::text_fold`), `postings` (the
//! inverted index and its layout), `term_source` (what search reads, short-prefix lists, merging
//! postings), `search_shards` (the index cut into shards a page fetches, and read from those
//! loaded), `search` (a query's text answered from the postings),
//! `ranking` (BM25F), `snippet` (the piece of text the results list shows, made only for results
//! shown), `paging` (one page of results), `ledger` (the quote ledger page's filters), `picker` (the compare view's report pickers) and
//! `timeline` (marks or bins on the timeline).

mod bitsets;
mod delta_postings;
mod facet_index;
#[cfg(any(test, feature = "facet-reference"))]
#[doc(hidden)]
pub mod facet_reference;
#[cfg(test)]
mod facet_tests;
mod facets;
mod index;
mod ledger;
mod matching;
mod paging;
mod picker;
mod postings;
mod postings_reuse;
mod ranking;
mod search;
mod search_shards;
mod snippet;
mod term_source;
#[cfg(test)]
mod tests;
mod timeline;

pub use facet_index::DuplicateSet;
pub use facets::{duplicate_flags, FacetKind, FacetOption, FacetSelection, DUP_NO, DUP_YES};
pub use index::{folded_report, timeline_order, Query, QueryIndex, QueryResult};
pub use ledger::{carried_by, changed_pieces, ledger_speakers, LedgerIndex};
pub use matching::{find_word_start, fold, highlight_ranges, search_terms};
pub use paging::{Page, PAGE_SIZE};
pub use picker::{picker_words, PickerIndex};
pub use postings::{FieldLengths, Posting, SearchIndex};
pub use postings_reuse::{report_keys, ReportKey};
pub use ranking::TITLE_WEIGHT;
pub use search_shards::{ChunkedIndex, PrefixShard, SearchMeta, SearchShard, WordShard};
pub use snippet::{snippet, Snippet};
pub use term_source::{TermSource, SHORT_PREFIX_CHARS};
pub use timeline::{
    timeline_density, DateBin, TimelineAxis, TimelineDensity, MAX_MARKS_PER_COLUMN,
    MAX_STACKED_MARKS, MAX_UNDATED_ROWS,
};
