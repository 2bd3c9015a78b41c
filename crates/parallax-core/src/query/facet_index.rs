//! The facet and date part of a query, on bits: per facet value the set of reports holding it
//! (built once per corpus), event dates as a sorted index over timeline ranks, and the
//! disjunctive counts as popcounts of ANDs. Nothing here reads a report once built.

use super::bitsets::{RankBits, ValueSet};
use super::facets::{FacetKind, FacetOption, FacetSelection, DUP_NO, DUP_YES};
use crate::model::{NaiveDate, Report};
use std::collections::BTreeMap;

/// The four facets whose values come from the reports (Duplicates depends on the thresholds).
const VALUE_FACETS: usize = 4;

/// Which reports have a near duplicate and which have none, by rank: made once per set of
/// pairs, read by every query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateSet {
    yes: RankBits,
    no: RankBits,
}

/// Precomputed facet sets and the date index of one corpus.
#[derive(Clone, Debug)]
pub(super) struct FacetIndex {
    len: usize,
    /// Each facet's values, sorted (so a selected value is found by binary search).
    values: [Vec<String>; VALUE_FACETS],
    /// The reports holding each value, by the value's place in `values`.
    sets: [Vec<ValueSet>; VALUE_FACETS],
    /// The event date of each dated rank; dated reports come first in timeline order, so this
    /// is ascending and a date range is the ranks between two binary searches.
    dates: Vec<NaiveDate>,
}

/// What the facets and dates leave of a query, and the option counts.
pub(super) struct FacetCounts {
    /// The ranks that pass everything.
    pub matches: RankBits,
    pub facets: Vec<(FacetKind, Vec<FacetOption>)>,
}

impl FacetIndex {
    /// `order` is the timeline order (rank → report index); every dated report precedes every
    /// undated one and dates ascend.
    pub fn new(reports: &[Report], order: &[usize]) -> FacetIndex {
        let len = order.len();
        let mut ranks_of: [BTreeMap<&str, Vec<u32>>; VALUE_FACETS] = Default::default();
        let mut dates = Vec::new();
        for (rank, &i) in order.iter().enumerate() {
            let r = &reports[i];
            if let Some(d) = r.event_date {
                dates.push(d);
            }
            let topics = r.topics.iter().map(|t| t.topic.as_str());
            let people = r.people.iter().chain(&r.speakers).map(String::as_str);
            let outlets = r.outlet.iter().map(String::as_str);
            let places = r.places.iter().map(String::as_str);
            let lists: [Box<dyn Iterator<Item = &str>>; VALUE_FACETS] = [
                Box::new(topics),
                Box::new(people),
                Box::new(outlets),
                Box::new(places),
            ];
            for (kind, list) in lists.into_iter().enumerate() {
                for value in list.filter(|v| !v.trim().is_empty()) {
                    let ranks = ranks_of[kind].entry(value).or_default();
                    // Ranks ascend as we go, so a repeat within a report is the last one.
                    if ranks.last() != Some(&(rank as u32)) {
                        ranks.push(rank as u32);
                    }
                }
            }
        }
        let mut values: [Vec<String>; VALUE_FACETS] = Default::default();
        let mut sets: [Vec<ValueSet>; VALUE_FACETS] = Default::default();
        for (kind, map) in ranks_of.into_iter().enumerate() {
            for (value, ranks) in map {
                values[kind].push(value.to_string());
                sets[kind].push(ValueSet::new(ranks, len));
            }
        }
        FacetIndex {
            len,
            values,
            sets,
            dates,
        }
    }

    /// Bytes the value sets and the date index take.
    pub fn heap_bytes(&self) -> usize {
        let sets: usize = self.sets.iter().flatten().map(ValueSet::heap_bytes).sum();
        sets + self.dates.len() * std::mem::size_of::<NaiveDate>()
    }

    /// The reports with a near duplicate, from per-report flags (`flags[i]` for report `i`).
    pub fn duplicate_set(&self, flags: &[bool], order: &[usize]) -> DuplicateSet {
        let mut yes = RankBits::empty(self.len);
        let mut no = RankBits::empty(self.len);
        for (rank, &i) in order.iter().enumerate() {
            if flags.get(i).copied().unwrap_or(false) {
                yes.insert(rank);
            } else {
                no.insert(rank);
            }
        }
        DuplicateSet { yes, no }
    }

    /// The ranks within an inclusive event-date range (every rank when there is none; undated
    /// reports never match a range).
    pub fn date_ranks(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> RankBits {
        if from.is_none() && to.is_none() {
            return RankBits::range(self.len, 0..self.len);
        }
        let start = from.map_or(0, |f| self.dates.partition_point(|&d| d < f));
        let end = to.map_or(self.dates.len(), |t| {
            self.dates.partition_point(|&d| d <= t)
        });
        RankBits::range(self.len, start..end.max(start))
    }

    /// Applies the facet selection to `base` (the ranks that pass the dates and the text) and
    /// counts every option: OR within a facet, AND across facets, and each option counted as if
    /// added to its own facet's selection.
    pub fn count(
        &self,
        base: &RankBits,
        selection: &FacetSelection,
        duplicates: &DuplicateSet,
    ) -> FacetCounts {
        // Everything is within `base`: the words outside its span are never looked at.
        let span = base.occupied_words(&base.all_words());
        // The ranks passing each facet that has a selection (a selection the corpus does not
        // know passes nothing).
        let passing: Vec<Option<RankBits>> = FacetKind::ALL
            .iter()
            .enumerate()
            .map(|(k, &kind)| {
                let selected = selection.get(kind);
                if selected.is_empty() {
                    return None;
                }
                let mut bits = RankBits::empty(self.len);
                if k < VALUE_FACETS {
                    for value in selected {
                        if let Ok(v) = self.values[k].binary_search(value) {
                            self.sets[k][v].add_to(&mut bits, &span);
                        }
                    }
                } else {
                    if selected.contains(DUP_YES) {
                        bits.or_with(&duplicates.yes, &span);
                    }
                    if selected.contains(DUP_NO) {
                        bits.or_with(&duplicates.no, &span);
                    }
                }
                Some(bits)
            })
            .collect();
        let all_but = |skip: Option<usize>| {
            let mut bits = base.copy_of(&span);
            for (k, p) in passing.iter().enumerate() {
                if let (Some(p), false) = (p, Some(k) == skip) {
                    bits.and_with(p, &span);
                }
            }
            bits
        };
        let matches = all_but(None);
        let unfiltered = passing.iter().all(Option::is_none) && base.count() == self.len;
        let mut facets = Vec::with_capacity(FacetKind::ALL.len());
        for (k, kind) in FacetKind::ALL.into_iter().enumerate() {
            // Facet k's options count the reports passing every *other* constraint.
            let own;
            let within = if passing[k].is_some() {
                own = all_but(Some(k));
                &own
            } else {
                &matches
            };
            let span = within.occupied_words(&span);
            let mut options: Vec<FacetOption> = if k < VALUE_FACETS {
                self.values[k]
                    .iter()
                    .zip(&self.sets[k])
                    .filter_map(|(value, set)| {
                        let count = if unfiltered {
                            set.len()
                        } else if span.is_empty() {
                            0
                        } else {
                            set.count_in(within, &span)
                        };
                        let selected = selection.is_selected(kind, value);
                        (count > 0 || selected).then(|| FacetOption {
                            value: value.clone(),
                            count,
                            selected,
                        })
                    })
                    .collect()
            } else {
                let count = |set: &RankBits| {
                    if span.is_empty() {
                        0
                    } else {
                        set.count_in(within, &span)
                    }
                };
                let (yes, no) = (count(&duplicates.yes), count(&duplicates.no));
                let selected = selection.get(kind);
                [(DUP_YES, yes), (DUP_NO, no)]
                    .into_iter()
                    .map(|(value, count)| FacetOption {
                        value: value.into(),
                        count,
                        selected: selected.contains(value),
                    })
                    .filter(|o| o.count > 0 || o.selected)
                    .collect()
            };
            // Selected values the corpus does not know still show (with 0), so they can be cleared.
            for value in selection.get(kind) {
                if !options.iter().any(|o| &o.value == value) {
                    options.push(FacetOption {
                        value: value.clone(),
                        count: 0,
                        selected: true,
                    });
                }
            }
            if k < VALUE_FACETS {
                options.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            }
            facets.push((kind, options));
        }
        FacetCounts { matches, facets }
    }
}
