//! The bitset counting against the old report scan ([`ReferenceIndex`]) on random corpora,
//! selections, date ranges, searches and duplicate flags: equal results, options and order
//! included.

use super::facet_reference::ReferenceIndex;
use super::*;
use crate::model::{Corpus, NaiveDate, Pair, Relation, Report, TopicScore};
use proptest::prelude::*;

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
        prop_assert_eq!(unranked(new.run(&query, &flags)), old.run(&query, &flags));
    }
}

/// `result` without the list's order by relevance, which the old scan did not make; checks
/// that order holds exactly the matches.
fn unranked(result: QueryResult) -> QueryResult {
    let mut ranked = result.ranked.clone();
    ranked.sort_unstable();
    let mut matches = result.matches.clone();
    matches.sort_unstable();
    assert_eq!(ranked, matches, "the ranked list is the matches reordered");
    QueryResult {
        ranked: Vec::new(),
        ..result
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
    assert_eq!(unranked(new.run(&query, &flags)), old.run(&query, &flags));
    query.facets.toggle(FacetKind::Outlet, "Dawn");
    query.facets.toggle(FacetKind::Duplicates, DUP_YES);
    query.text = "water".into();
    let result = new.run(&query, &flags);
    assert!(!result.matches.is_empty());
    assert_eq!(unranked(result), old.run(&query, &flags));
}
