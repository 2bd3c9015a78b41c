//! The query engine behind the explorer: facets, date range and full-text search.
//!
//! Pure and synchronous so the page can run it on every keystroke. [`QueryIndex::new`] does the
//! expensive work once (folding every title and paragraph, an inverted index of their words,
//! interning facet values); [`QueryIndex::run`] then reads the postings of the words typed
//! (phrases confirmed on the candidates' text only), ranks the matches (BM25F) and makes one
//! pass over the reports for the facets.
//!
//! Facets combine with OR inside a facet and AND across facets. Each option's count is the
//! "disjunctive" count: how many reports the selection would give if that option were added to
//! its own facet's selection while every *other* constraint stays as it is. So the options of one
//! facet never drop to 0 just because a sibling option is selected.
//!
//! One file per job: `facets` (the facets, a selection, duplicate flags), `index` (the
//! precomputed index and running a query), `matching` (search terms, word-start matches,
//! highlights; the fold itself is `crate::text_fold`), `postings` (the inverted index and its
//! layout), `search` (a query's text answered from the postings), `ranking` (BM25F) and
//! `snippet` (the piece of text the results list shows, made only for results shown).

mod facets;
mod index;
mod matching;
mod postings;
mod ranking;
mod search;
mod snippet;
#[cfg(test)]
mod tests;

pub use facets::{duplicate_flags, FacetKind, FacetOption, FacetSelection, DUP_NO, DUP_YES};
pub use index::{Query, QueryIndex, QueryResult};
pub use matching::{fold, highlight_ranges, search_terms};
pub use postings::{FieldLengths, Posting, SearchIndex};
pub use ranking::TITLE_WEIGHT;
pub use snippet::{snippet, Snippet};
