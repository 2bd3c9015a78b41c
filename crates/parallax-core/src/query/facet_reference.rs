//! The facet counting the query engine did before bitsets, kept verbatim as the reference the
//! bitset counting must equal (a scan of every matching report's value lists), and the property
//! test that compares the two on random corpora, selections, date ranges, searches and flags.

use super::facets::{FacetKind, FacetOption, DUP_NO, DUP_YES};
use super::matching::{find_word_start, fold, search_terms};
use super::*;
use crate::model::{Corpus, NaiveDate, Pair, Relation, Report, TopicScore};
use proptest::prelude::*;
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
struct ReferenceIndex {
    reports: Vec<IndexedReport>,
    /// Report indices in timeline order.
    order: Vec<usize>,
    /// Interned values per facet kind (Topic, Person, Outlet, Place).
    values: [Vec<String>; 4],
}

impl ReferenceIndex {
    fn new(corpus: &Corpus) -> ReferenceIndex {
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
    fn run(&self, query: &Query, duplicates: &[bool]) -> QueryResult {
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
        QueryResult {
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

fn report(
    i: usize,
    words: &[&str],
    date: Option<u32>,
    facets: &[Vec<usize>; 5],
    speakers: &[usize],
) -> Report {
    let pick = |ids: &[usize], bank: &[&str]| -> Vec<String> {
        ids.iter()
            .map(|&v| bank[v % bank.len()].to_string())
            .collect()
    };
    Report {
        id: format!("r{i}"),
        title: words.join(" "),
        event_date: date.map(|d| {
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(d.into())
        }),
        published: date.map(|d| {
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
                + chrono::Duration::days(i64::from(d) + (i % 3) as i64)
        }),
        topics: pick(&facets[0], TOPICS)
            .into_iter()
            .map(|topic| TopicScore { topic, weight: 1.0 })
            .collect(),
        people: pick(&facets[1], PEOPLE),
        speakers: pick(speakers, PEOPLE),
        outlet: pick(&facets[2], OUTLETS).into_iter().next(),
        places: pick(&facets[3], PLACES),
        ..Default::default()
    }
}

// Small banks so that values repeat (and blank values, which are never options).
const TOPICS: &[&str] = &["iran", "economy", "floods", "imran-khan", " "];
const PEOPLE: &[&str] = &[
    "Imran Khan",
    "Matthew Miller",
    "Ishaq Dar",
    "",
    "Maryam Nawaz",
    "Asim Munir",
];
const OUTLETS: &[&str] = &["Dawn", "Geo", "Tribune", "Reuters"];
const PLACES: &[&str] = &["Islamabad", "Lahore", "Karachi", "Tehran", "Quetta"];
const WORDS: &[&str] = &[
    "water",
    "sharing",
    "talks",
    "pipeline",
    "sanctions",
    "flood",
    "court",
];
const SELECTABLE: [&[&str]; 5] = [TOPICS, PEOPLE, OUTLETS, PLACES, &[DUP_YES, DUP_NO, "maybe"]];

prop_compose! {
    fn corpora()(
        rows in proptest::collection::vec(
            (
                proptest::collection::vec(0usize..7, 1..5),
                proptest::option::weighted(0.8, 0u32..40),
                (
                    proptest::collection::vec(0usize..6, 0..3),
                    proptest::collection::vec(0usize..6, 0..3),
                    proptest::collection::vec(0usize..6, 0..2),
                    proptest::collection::vec(0usize..6, 0..3),
                ),
                proptest::collection::vec(0usize..6, 0..2),
            ),
            0..150,
        ),
        pairs in proptest::collection::vec((0usize..150, 0usize..150, any::<bool>()), 0..40),
    ) -> Corpus {
        let reports: Vec<Report> = rows
            .iter()
            .enumerate()
            .map(|(i, (w, date, (topics, people, outlets, places), speakers))| {
                let words: Vec<&str> = w.iter().map(|&k| WORDS[k]).collect();
                let facets = [topics.clone(), people.clone(), outlets.clone(), places.clone(), Vec::new()];
                report(i, &words, *date, &facets, speakers)
            })
            .collect();
        let n = reports.len().max(1);
        let pairs = pairs
            .into_iter()
            .map(|(a, b, near)| Pair {
                a: format!("r{}", a % n),
                b: format!("r{}", b % n),
                relation: if near { Relation::NearDuplicate } else { Relation::SameStory },
                ..Default::default()
            })
            .collect();
        Corpus { reports, pairs, ..Default::default() }
    }
}

prop_compose! {
    fn queries()(
        text in proptest::option::weighted(0.3, (0usize..8, 0usize..8)),
        selected in proptest::collection::vec((0usize..5, 0usize..7), 0..6),
        from in proptest::option::weighted(0.3, 0u32..45),
        to in proptest::option::weighted(0.3, 0u32..45),
    ) -> Query {
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(d.into());
        let mut query = Query {
            // Index 7 is past the bank: a word no report holds.
            text: text.map(|(a, b)| format!("{} {}", WORDS.get(a).unwrap_or(&"zzz"), WORDS.get(b).unwrap_or(&"zzz"))).unwrap_or_default(),
            from: from.map(day),
            to: to.map(day),
            ..Default::default()
        };
        for (k, v) in selected {
            let bank = SELECTABLE[k];
            // Past the bank: a value the corpus does not know.
            let value = bank.get(v).map_or_else(|| format!("unknown {v}"), |s| s.to_string());
            query.facets.toggle(FacetKind::ALL[k], &value);
        }
        query
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn bitset_counts_equal_the_report_scan(
        corpus in corpora(),
        query in queries(),
        flags in proptest::collection::vec(any::<bool>(), 0..160),
        own_flags in any::<bool>(),
    ) {
        let new = QueryIndex::new(&corpus);
        let old = ReferenceIndex::new(&corpus);
        let flags = if own_flags { new.default_duplicates().to_vec() } else { flags };
        prop_assert_eq!(new.run(&query, &flags), old.run(&query, &flags));
    }
}

#[test]
fn the_reference_and_the_bitsets_agree_on_the_default_view_of_a_synthetic_corpus() {
    // A corpus with every facet filled, many values and rare ones: the shape of a real corpus.
    let corpus = Corpus {
        reports: (0..700)
            .map(|i| {
                let facets = [
                    vec![i % 5, i % 3],
                    vec![i % 6, (i * 7) % 6],
                    vec![i % 4],
                    vec![(i / 3) % 5],
                    Vec::new(),
                ];
                report(
                    i,
                    &[WORDS[i % 7], WORDS[(i / 7) % 7]],
                    (i % 9 != 0).then_some((i % 37) as u32),
                    &facets,
                    &[i % 2],
                )
            })
            .collect(),
        ..Default::default()
    };
    let (new, old) = (QueryIndex::new(&corpus), ReferenceIndex::new(&corpus));
    let flags: Vec<bool> = (0..700).map(|i| i % 4 == 0).collect();
    let mut query = Query::default();
    assert_eq!(new.run(&query, &flags), old.run(&query, &flags));
    query.facets.toggle(FacetKind::Outlet, "Dawn");
    query.facets.toggle(FacetKind::Duplicates, DUP_YES);
    query.text = "water".into();
    let result = new.run(&query, &flags);
    assert!(!result.matches.is_empty());
    assert_eq!(result, old.run(&query, &flags));
}
