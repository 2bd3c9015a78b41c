//! The query engine as it was before bitsets, kept verbatim as the reference the bitset counting
//! must equal (`facet_tests.rs`) and the baseline of the benchmark (`benches/query.rs`): one
//! pass over the reports per query, counting every matching report's value lists. Built only for
//! tests and with the `facet-reference` feature, never into the app.

use super::facets::{FacetKind, FacetOption, DUP_NO, DUP_YES};
use super::matching::{find_word_start, fold, search_terms};
use super::{Query, QueryResult};
use crate::model::{Corpus, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// Per-report data precomputed for queries.
#[derive(Clone, Debug)]
struct IndexedReport {
    /// Folded title, then "\n", then each folded paragraph joined by "\n": one haystack.
    folded: String,
    /// Interned facet value ids per facet kind (not for Duplicates, which is dynamic).
    values: [Vec<u32>; 4],
    date: Option<NaiveDate>,
}

/// Precomputed, immutable search and facet data for one corpus.
#[derive(Clone, Debug)]
pub struct ReferenceIndex {
    reports: Vec<IndexedReport>,
    /// Report indices in timeline order.
    order: Vec<usize>,
    /// Interned values per facet kind (Topic, Person, Outlet, Place).
    values: [Vec<String>; 4],
}

impl ReferenceIndex {
    pub fn new(corpus: &Corpus) -> ReferenceIndex {
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
        ReferenceIndex {
            reports,
            order,
            values,
        }
    }

    /// Runs a query. `duplicates[i]` says whether report `i` has a near duplicate under the
    /// thresholds in force (pass [`ReferenceIndex::default_duplicates`] when they are the defaults).
    pub fn run(&self, query: &Query, duplicates: &[bool]) -> QueryResult {
        let terms = search_terms(&query.text);
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
            if !self.passes_date(report, query)
                || !terms
                    .iter()
                    .all(|t| find_word_start(&report.folded, t).is_some())
            {
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
        // The old scan did not rank: its tests compare everything but the order of the list.
        QueryResult {
            ranked: Vec::new(),
            matches,
            facets,
            terms,
        }
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
