//! The query index: per-report data precomputed once, and [`QueryIndex::run`], which filters,
//! orders and counts facet options for one [`Query`]. Dates and facets are filtered and counted
//! on bits (`facet_index`); the text is matched here.

use super::bitsets::RankBits;
use super::facet_index::{DuplicateSet, FacetIndex};
use super::facets::{duplicate_flags, FacetKind, FacetOption, FacetSelection};
use super::matching::{find_word_start, fold, search_terms};
use crate::model::{Corpus, NaiveDate};

/// What the reader asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Free text; words and "quoted phrases" must all occur (AND), at the start of a word.
    pub text: String,
    pub facets: FacetSelection,
    /// Inclusive event-date range. Undated reports do not match a range.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// The answer to a [`Query`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueryResult {
    /// Indices into `Corpus::reports` of the matching reports, in timeline order
    /// (event date, then published date, then corpus order; undated last).
    pub matches: Vec<usize>,
    /// Per facet (in [`FacetKind::ALL`] order): every option with its count, most reports first,
    /// then by value. Options with a zero count are kept only when selected.
    pub facets: Vec<(FacetKind, Vec<FacetOption>)>,
    /// The folded search terms (empty when there is no text query).
    pub terms: Vec<String>,
}

impl QueryResult {
    pub fn options(&self, kind: FacetKind) -> &[FacetOption] {
        self.facets
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, o)| o.as_slice())
            .unwrap_or(&[])
    }
}

/// Per-report data precomputed for queries.
#[derive(Clone, Debug)]
struct IndexedReport {
    /// Folded title, then "\n", then each folded paragraph joined by "\n": one haystack.
    folded: String,
}

/// Precomputed, immutable search and facet data for one corpus.
#[derive(Clone, Debug)]
pub struct QueryIndex {
    reports: Vec<IndexedReport>,
    /// Report indices in timeline order (rank → report).
    order: Vec<usize>,
    /// Facet value sets and the date index, by rank.
    facets: FacetIndex,
    /// Whether each report has a near-duplicate per the corpus's own pairs.
    default_duplicates: Vec<bool>,
}

impl QueryIndex {
    pub fn new(corpus: &Corpus) -> QueryIndex {
        let reports: Vec<IndexedReport> = corpus
            .reports
            .iter()
            .map(|r| {
                let mut folded = fold(&r.title);
                for p in &r.paragraphs {
                    folded.push('\n');
                    folded.push_str(&fold(&p.text));
                }
                IndexedReport { folded }
            })
            .collect();
        let mut order: Vec<usize> = (0..corpus.reports.len()).collect();
        order.sort_by_key(|&i| {
            let r = &corpus.reports[i];
            (r.event_date.is_none(), r.event_date, r.published, i)
        });
        QueryIndex {
            default_duplicates: duplicate_flags(&corpus.reports, &corpus.pairs),
            facets: FacetIndex::new(&corpus.reports, &order),
            reports,
            order,
        }
    }

    pub fn len(&self) -> usize {
        self.reports.len()
    }

    pub fn is_empty(&self) -> bool {
        self.reports.is_empty()
    }

    /// Report indices in timeline order.
    pub fn timeline_order(&self) -> &[usize] {
        &self.order
    }

    /// Whether each report has a near duplicate according to the corpus's own pairs.
    pub fn default_duplicates(&self) -> &[bool] {
        &self.default_duplicates
    }

    /// Bytes the facet sets and the date index take (the benchmark reports it).
    pub fn facet_bytes(&self) -> usize {
        self.facets.heap_bytes()
    }

    /// The reports with a near duplicate, from per-report flags, ready for [`QueryIndex::run_with`]:
    /// made once per set of pairs rather than on every query.
    pub fn duplicate_set(&self, flags: &[bool]) -> DuplicateSet {
        self.facets.duplicate_set(flags, &self.order)
    }

    /// Runs a query. `duplicates[i]` says whether report `i` has a near duplicate under the
    /// thresholds in force (pass [`QueryIndex::default_duplicates`] when they are the defaults).
    pub fn run(&self, query: &Query, duplicates: &[bool]) -> QueryResult {
        self.run_with(query, &self.duplicate_set(duplicates))
    }

    /// Runs a query with the duplicates as a [`DuplicateSet`]. The date range is a run of ranks,
    /// the text narrows it, and the facets filter and count on bits: no report is read except by
    /// the text search.
    pub fn run_with(&self, query: &Query, duplicates: &DuplicateSet) -> QueryResult {
        let terms = search_terms(&query.text);
        let mut base = self.facets.date_ranks(query.from, query.to);
        if !terms.is_empty() {
            base = self.text_matches(&base, &terms);
        }
        let counted = self.facets.count(&base, &query.facets, duplicates);
        let matches = counted
            .matches
            .ranks()
            .map(|rank| self.order[rank])
            .collect();
        QueryResult {
            matches,
            facets: counted.facets,
            terms,
        }
    }

    /// The ranks of `within` whose text holds every term at the start of a word.
    fn text_matches(&self, within: &RankBits, terms: &[String]) -> RankBits {
        let mut found = RankBits::empty(self.order.len());
        for rank in within.ranks() {
            let report = &self.reports[self.order[rank]];
            crate::ingest::work::add(report.folded.len());
            if terms
                .iter()
                .all(|t| find_word_start(&report.folded, t).is_some())
            {
                found.insert(rank);
            }
        }
        found
    }
}
