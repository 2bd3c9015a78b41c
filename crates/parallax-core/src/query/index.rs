//! The query index: per-report data precomputed once, and [`QueryIndex::run`], which filters,
//! orders and counts facet options for one [`Query`].

use super::facets::{duplicate_flags, FacetKind, FacetOption, FacetSelection, DUP_NO, DUP_YES};
use super::matching::{fold, search_terms};
use super::postings::SearchIndex;
use super::ranking::Bm25;
use super::search::{search, TextMatches};
use crate::model::{Corpus, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};
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
    /// Interned facet value ids per facet kind (not for Duplicates, which is dynamic).
    values: [Vec<u32>; 4],
    date: Option<NaiveDate>,
}

/// Precomputed, immutable search and facet data for one corpus.
#[derive(Clone, Debug)]
pub struct QueryIndex {
    reports: Vec<IndexedReport>,
    /// Report indices in timeline order.
    order: Vec<usize>,
    /// Each report's place in `order` (ties of relevance keep timeline order).
    timeline_position: Vec<u32>,
    /// The inverted index of the folded text and the figures ranking needs, built on the first
    /// text query (or [`QueryIndex::prepare_search`]) so a page that opens without one does
    /// not pay for it before its first paint.
    search: OnceLock<(SearchIndex, Bm25)>,
    /// Interned values per facet kind (Topic, Person, Outlet, Place).
    values: [Vec<String>; 4],
    /// Whether each report has a near-duplicate per the corpus's own pairs.
    default_duplicates: Vec<bool>,
}

impl QueryIndex {
    pub fn new(corpus: &Corpus) -> QueryIndex {
        let mut interner: [BTreeMap<String, u32>; 4] = Default::default();
        let mut values: [Vec<String>; 4] = Default::default();
        let mut intern = |kind: usize, value: &str| -> u32 {
            if let Some(&id) = interner[kind].get(value) {
                return id;
            }
            let id = values[kind].len() as u32;
            values[kind].push(value.to_string());
            interner[kind].insert(value.to_string(), id);
            id
        };
        let reports: Vec<IndexedReport> = corpus
            .reports
            .iter()
            .map(|r| {
                let mut folded = fold(&r.title);
                let title_end = folded.len();
                for p in &r.paragraphs {
                    folded.push('\n');
                    folded.push_str(&fold(&p.text));
                }
                let mut per_kind: [Vec<u32>; 4] = Default::default();
                let topic_ids: Vec<&str> = r.topics.iter().map(|t| t.topic.as_str()).collect();
                let people: Vec<&str> = r
                    .people
                    .iter()
                    .chain(r.speakers.iter())
                    .map(String::as_str)
                    .collect();
                let outlets: Vec<&str> = r.outlet.iter().map(String::as_str).collect();
                let places: Vec<&str> = r.places.iter().map(String::as_str).collect();
                for (kind, list) in [topic_ids, people, outlets, places].into_iter().enumerate() {
                    let mut ids: Vec<u32> = list
                        .into_iter()
                        .filter(|v| !v.trim().is_empty())
                        .map(|v| intern(kind, v))
                        .collect();
                    ids.sort_unstable();
                    ids.dedup();
                    per_kind[kind] = ids;
                }
                IndexedReport {
                    folded,
                    title_end,
                    values: per_kind,
                    date: r.event_date,
                }
            })
            .collect();
        let mut order: Vec<usize> = (0..corpus.reports.len()).collect();
        order.sort_by_key(|&i| {
            let r = &corpus.reports[i];
            (r.event_date.is_none(), r.event_date, r.published, i)
        });
        let mut timeline_position = vec![0u32; order.len()];
        for (position, &i) in order.iter().enumerate() {
            timeline_position[i] = position as u32;
        }
        QueryIndex {
            default_duplicates: duplicate_flags(&corpus.reports, &corpus.pairs),
            search: OnceLock::new(),
            reports,
            order,
            timeline_position,
            values,
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

    /// The inverted index behind search (for measuring it, and later for writing it in shards).
    pub fn search_index(&self) -> &SearchIndex {
        &self.prepared().0
    }

    /// Builds the inverted index now rather than on the first text query (a page can call it
    /// once it has painted).
    pub fn prepare_search(&self) {
        self.prepared();
    }

    fn prepared(&self) -> &(SearchIndex, Bm25) {
        self.search.get_or_init(|| {
            let index =
                SearchIndex::build(self.reports.iter().map(|r| r.folded.split_at(r.title_end)));
            let bm25 = Bm25::new(index.lengths());
            (index, bm25)
        })
    }

    /// Whether each report has a near duplicate according to the corpus's own pairs.
    pub fn default_duplicates(&self) -> &[bool] {
        &self.default_duplicates
    }

    /// Runs a query. `duplicates[i]` says whether report `i` has a near duplicate under the
    /// thresholds in force (pass [`QueryIndex::default_duplicates`] when they are the defaults).
    pub fn run(&self, query: &Query, duplicates: &[bool]) -> QueryResult {
        let terms = search_terms(&query.text);
        // The text part first, from the postings: which reports match, and how well.
        let text: Option<TextMatches> = (!terms.is_empty()).then(|| {
            let (index, bm25) = self.prepared();
            search(index, bm25, &terms, |r| &self.reports[r as usize].folded)
        });
        let mut text_hit = vec![false; if text.is_some() { self.len() } else { 0 }];
        for &(r, _) in text.iter().flat_map(|t| &t.reports) {
            text_hit[r as usize] = true;
        }
        // Which facet values are selected, by interned id (unknown values select nothing).
        let selected_ids: Vec<BTreeSet<u32>> = (0..4)
            .map(|k| {
                let kind = FacetKind::ALL[k];
                query
                    .facets
                    .get(kind)
                    .iter()
                    .filter_map(|v| self.values[k].iter().position(|x| x == v).map(|i| i as u32))
                    .collect()
            })
            .collect();
        let dup_selected = query.facets.get(FacetKind::Duplicates);
        let dup_active = !dup_selected.is_empty();

        // For every report: does it pass the non-facet constraints, and each facet?
        let mut counts: Vec<Vec<usize>> = self.values.iter().map(|v| vec![0; v.len()]).collect();
        let (mut dup_yes, mut dup_no) = (0usize, 0usize);
        let mut matches = Vec::new();
        for &i in &self.order {
            let report = &self.reports[i];
            if !self.passes_date(report, query) || (text.is_some() && !text_hit[i]) {
                continue;
            }
            let has_dup = duplicates.get(i).copied().unwrap_or(false);
            let mut pass = [true; 5];
            for k in 0..4 {
                // A facet with selections filters even when none of them is known (nothing passes).
                pass[k] = query.facets.get(FacetKind::ALL[k]).is_empty()
                    || report.values[k].iter().any(|v| selected_ids[k].contains(v));
            }
            pass[4] = !dup_active || dup_selected.contains(if has_dup { DUP_YES } else { DUP_NO });
            let failing = pass.iter().filter(|p| !**p).count();
            if failing == 0 {
                matches.push(i);
            }
            // A report counts towards facet k's options when every other facet passes.
            for k in 0..5 {
                let others_pass = failing == 0 || (failing == 1 && !pass[k]);
                if !others_pass {
                    continue;
                }
                if k < 4 {
                    for &v in &report.values[k] {
                        counts[k][v as usize] += 1;
                    }
                } else if has_dup {
                    dup_yes += 1;
                } else {
                    dup_no += 1;
                }
            }
        }

        let mut facets = Vec::with_capacity(5);
        for (k, kind) in FacetKind::ALL.into_iter().enumerate() {
            let mut options: Vec<FacetOption> = if k < 4 {
                self.values[k]
                    .iter()
                    .zip(&counts[k])
                    .map(|(value, &count)| FacetOption {
                        value: value.clone(),
                        count,
                        selected: query.facets.is_selected(kind, value),
                    })
                    .collect()
            } else {
                vec![
                    FacetOption {
                        value: DUP_YES.into(),
                        count: dup_yes,
                        selected: dup_selected.contains(DUP_YES),
                    },
                    FacetOption {
                        value: DUP_NO.into(),
                        count: dup_no,
                        selected: dup_selected.contains(DUP_NO),
                    },
                ]
            };
            // Selected values the corpus does not know still show (with 0), so they can be cleared.
            for value in query.facets.get(kind) {
                if !options.iter().any(|o| &o.value == value) {
                    options.push(FacetOption {
                        value: value.clone(),
                        count: 0,
                        selected: true,
                    });
                }
            }
            options.retain(|o| o.count > 0 || o.selected);
            if k < 4 {
                options.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            }
            facets.push((kind, options));
        }
        let ranked = match &text {
            None => matches.clone(),
            Some(text) => self.by_relevance(&matches, text),
        };
        QueryResult {
            matches,
            ranked,
            facets,
            terms,
        }
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

    fn passes_date(&self, report: &IndexedReport, query: &Query) -> bool {
        if query.from.is_none() && query.to.is_none() {
            return true;
        }
        match report.date {
            None => false,
            Some(d) => query.from.is_none_or(|f| d >= f) && query.to.is_none_or(|t| d <= t),
        }
    }
}
