//! The query index: per-report data precomputed once, and [`QueryIndex::run`], which filters,
//! orders and counts facet options for one [`Query`]. Dates and facets are filtered and counted
//! on bits (`facet_index`); the text is answered from the inverted index (`search`) and ranked
//! (`ranking`).

use super::bitsets::RankBits;
use super::facet_index::{DuplicateSet, FacetIndex};
use super::facets::{duplicate_flags, FacetKind, FacetOption, FacetSelection};
use super::matching::{fold, search_terms};
use super::postings::SearchIndex;
use super::ranking::Bm25;
use super::search::{search, TextMatches};
use super::term_source::TermSource;
use crate::model::{Corpus, NaiveDate, Pair, Report};
use std::sync::OnceLock;

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
    /// The same reports in the order a result list shows them: by relevance (BM25F, see
    /// `ranking`) for a text query, ties in timeline order; without text, timeline order.
    pub ranked: Vec<usize>,
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
    /// Folded title, then "\n", then each folded paragraph joined by "\n": one haystack, read
    /// only to confirm phrases on candidates.
    folded: String,
    /// Where the title ends in `folded`.
    title_end: usize,
}

/// A report's folded text as search confirms phrases on it: the title, then each paragraph,
/// joined by "\n" (headings included, as the reader shows them). With where the title ends.
pub fn folded_report(report: &Report) -> (String, usize) {
    let mut folded = fold(&report.title);
    let title_end = folded.len();
    for p in &report.paragraphs {
        folded.push('\n');
        folded.push_str(&fold(&p.text));
    }
    (folded, title_end)
}

/// Report indices in timeline order: event date, then published date, then corpus order;
/// undated last. The order of the result list, the timeline, and the shards of bodies.
pub fn timeline_order(reports: &[Report]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by_key(|&i| {
        let r = &reports[i];
        (r.event_date.is_none(), r.event_date, r.published, i)
    });
    order
}

/// Precomputed, immutable search and facet data for one corpus.
#[derive(Clone, Debug)]
pub struct QueryIndex {
    /// Every report's folded text, when the index was made from whole reports; empty when it
    /// was made from a catalogue's reports (their text is in shards: see [`QueryIndex::run_from`]).
    reports: Vec<IndexedReport>,
    /// Report indices in timeline order (rank → report).
    order: Vec<usize>,
    /// Each report's rank in `order` (report → rank).
    timeline_position: Vec<u32>,
    /// The inverted index of the folded text and the figures ranking needs, built on the first
    /// text query (or [`QueryIndex::prepare_search`]) so a page that opens without one does
    /// not pay for it before its first paint.
    search: OnceLock<SearchIndex>,
    /// Facet value sets and the date index, by rank.
    facets: FacetIndex,
    /// Whether each report has a near-duplicate per the corpus's own pairs.
    default_duplicates: Vec<bool>,
    /// BM25's corpus figures, made on the first text query.
    bm25: OnceLock<Bm25>,
}

impl QueryIndex {
    pub fn new(corpus: &Corpus) -> QueryIndex {
        let mut index = QueryIndex::from_reports(&corpus.reports, &corpus.pairs);
        index.reports = corpus
            .reports
            .iter()
            .map(|r| {
                let (folded, title_end) = folded_report(r);
                IndexedReport { folded, title_end }
            })
            .collect();
        index
    }

    /// The index of a catalogue: reports without their text (titles, dates, facet values), whose
    /// text queries are answered by [`QueryIndex::run_from`] from the search shards loaded.
    pub fn from_reports(reports: &[Report], pairs: &[Pair]) -> QueryIndex {
        let order = timeline_order(reports);
        let mut timeline_position = vec![0u32; order.len()];
        for (position, &i) in order.iter().enumerate() {
            timeline_position[i] = position as u32;
        }
        QueryIndex {
            default_duplicates: duplicate_flags(reports, pairs),
            facets: FacetIndex::new(reports, &order),
            search: OnceLock::new(),
            reports: Vec::new(),
            order,
            timeline_position,
            bm25: OnceLock::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Each report's rank in timeline order.
    pub fn timeline_positions(&self) -> &[u32] {
        &self.timeline_position
    }

    /// Report indices in timeline order.
    pub fn timeline_order(&self) -> &[usize] {
        &self.order
    }

    /// The inverted index behind search (for measuring it, and later for writing it in shards).
    pub fn search_index(&self) -> &SearchIndex {
        self.prepared()
    }

    /// Builds the inverted index now rather than on the first text query (a page can call it
    /// once it has painted).
    pub fn prepare_search(&self) {
        self.prepared();
    }

    fn prepared(&self) -> &SearchIndex {
        self.search.get_or_init(|| {
            SearchIndex::build(self.reports.iter().map(|r| r.folded.split_at(r.title_end)))
        })
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

    /// Runs a query with the duplicates as a [`DuplicateSet`], on the index's own text (an
    /// index made [`QueryIndex::new`] from whole reports; one made from a catalogue's reports
    /// matches no text here: it asks [`QueryIndex::run_from`]).
    pub fn run_with(&self, query: &Query, duplicates: &DuplicateSet) -> QueryResult {
        let empty = SearchIndex::default();
        // The inverted index is built on the first text query, not before.
        let source: &dyn TermSource =
            if self.reports.is_empty() || search_terms(&query.text).is_empty() {
                &empty
            } else {
                self.prepared()
            };
        self.run_from(query, duplicates, source, |r| {
            self.reports.get(r as usize).map(|r| r.folded.as_str())
        })
        .unwrap_or_default()
    }

    /// Runs a query, its text answered from `source` (the whole index, or the search shards a
    /// page has loaded: `SearchMeta::shards_for` says which a query reads) and confirmed, where
    /// the postings cannot decide (phrases, punctuation), on `folded_text(r)`, report r's
    /// [`folded_report`]. When some candidate's text is missing, the answer is those reports.
    /// The date range is a run of ranks, the text narrows it, and the facets filter and count
    /// on bits: no report is read except to confirm a phrase on a candidate.
    pub fn run_from<'a>(
        &self,
        query: &Query,
        duplicates: &DuplicateSet,
        source: &dyn TermSource,
        folded_text: impl Fn(u32) -> Option<&'a str>,
    ) -> Result<QueryResult, Vec<u32>> {
        let terms = search_terms(&query.text);
        let mut base = self.facets.date_ranks(query.from, query.to);
        let text: Option<TextMatches> = if terms.is_empty() {
            None
        } else {
            // The corpus's figures, once; a source of other lengths (no index) gets its own.
            let lengths = source.lengths();
            let own;
            let bm25 = if lengths.len() == self.len() {
                self.bm25.get_or_init(|| Bm25::new(lengths))
            } else {
                own = Bm25::new(lengths);
                &own
            };
            Some(search(source, bm25, &terms, folded_text)?)
        };
        if let Some(text) = &text {
            base = self.within(&base, text);
        }
        let counted = self.facets.count(&base, &query.facets, duplicates);
        let matches: Vec<usize> = counted
            .matches
            .ranks()
            .map(|rank| self.order[rank])
            .collect();
        let ranked = match &text {
            None => matches.clone(),
            Some(text) => self.by_relevance(&matches, text),
        };
        Ok(QueryResult {
            matches,
            ranked,
            facets: counted.facets,
            terms,
        })
    }

    /// The ranks of `within` among the reports the text matched.
    fn within(&self, within: &RankBits, text: &TextMatches) -> RankBits {
        let mut found = RankBits::empty(self.order.len());
        for &(report, _) in &text.reports {
            let rank = self.timeline_position[report as usize] as usize;
            if within.contains(rank) {
                found.insert(rank);
            }
        }
        found
    }

    /// `matches` (in timeline order) by descending relevance; equal scores stay in timeline order.
    fn by_relevance(&self, matches: &[usize], text: &TextMatches) -> Vec<usize> {
        let score = |i: usize| {
            text.reports
                .binary_search_by_key(&(i as u32), |&(r, _)| r)
                .map_or(0.0, |at| text.reports[at].1)
        };
        let mut ranked: Vec<(f32, usize)> = matches.iter().map(|&i| (score(i), i)).collect();
        ranked.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| self.timeline_position[a.1].cmp(&self.timeline_position[b.1]))
        });
        ranked.into_iter().map(|(_, i)| i).collect()
    }
}
