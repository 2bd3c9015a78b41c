//! A rebuild's search index made from the last build's (`SearchIndex::updated`, through
//! `site::split_reusing`) equals the index built from all the text, after reports are edited,
//! inserted, removed, reordered or copied; and a memo that is not a well-formed index of its
//! reports (a cache of another build, or a damaged one) is not used, without a panic.

mod common;

use parallax_core::metadata::Metadata;
use parallax_core::model::{Corpus, Paragraph, Report};
use parallax_core::query::{report_keys, SearchIndex};
use parallax_core::site::{search_index, split, split_reusing, SearchMemo};
use parallax_core::{build_corpus, SourceFile};
use proptest::prelude::*;

fn report(id: usize, title: &str, paragraphs: &[String]) -> Report {
    Report {
        id: format!("r{id}"),
        title: title.to_string(),
        paragraphs: paragraphs
            .iter()
            .map(|text| Paragraph {
                text: text.clone(),
                ..Paragraph::default()
            })
            .collect(),
        ..Report::default()
    }
}

/// Words that share prefixes, fold together, carry punctuation or are one or two letters long.
const WORDS: &[&str] = &[
    "water",
    "Water",
    "watery",
    "wa",
    "w",
    "Wäter",
    "café",
    "cafe",
    "u.s.",
    "«quoted»",
    "pakistan’s",
    "Pakistan's",
    "a",
    "1",
    "12",
    "3.5",
    "-",
    "x",
    "talks",
    "talk",
    "ça",
    "日本",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..8).prop_map(|w| w.join(" "))
}

fn texts() -> impl Strategy<Value = (String, Vec<String>)> {
    (text(), prop::collection::vec(text(), 0..3))
}

#[derive(Clone, Debug)]
enum Change {
    Edit(usize, (String, Vec<String>)),
    Insert(usize, (String, Vec<String>)),
    Remove(usize),
    /// Two reports trade places (their ids go out of order).
    Swap(usize, usize),
    /// A copy of a report's text under a new id.
    Copy(usize, usize),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (any::<usize>(), texts()).prop_map(|(i, t)| Change::Edit(i, t)),
        (any::<usize>(), texts()).prop_map(|(i, t)| Change::Insert(i, t)),
        any::<usize>().prop_map(Change::Remove),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Change::Swap(i, j)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Change::Copy(i, j)),
    ]
}

/// Applies `changes` to `reports`; new reports get ids from `next_id` on.
fn changed(mut reports: Vec<Report>, changes: &[Change], mut next_id: usize) -> Vec<Report> {
    for c in changes {
        let n = reports.len();
        match c {
            Change::Edit(i, (title, body)) if n > 0 => {
                let id = reports[i % n].id.clone();
                reports[i % n] = Report {
                    id,
                    ..report(0, title, body)
                };
            }
            Change::Insert(i, (title, body)) => {
                reports.insert(i % (n + 1), report(next_id, title, body));
                next_id += 1;
            }
            Change::Remove(i) if n > 0 => {
                reports.remove(i % n);
            }
            Change::Swap(i, j) if n > 0 => reports.swap(i % n, j % n),
            Change::Copy(i, j) if n > 0 => {
                let copy = Report {
                    id: format!("r{next_id}"),
                    ..reports[i % n].clone()
                };
                reports.insert(j % (n + 1), copy);
                next_id += 1;
            }
            _ => {}
        }
    }
    reports
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn an_updated_index_equals_the_index_built_anew(
        base in prop::collection::vec(texts(), 0..24),
        changes in prop::collection::vec(change(), 0..4),
    ) {
        let before: Vec<Report> = base
            .iter()
            .enumerate()
            .map(|(i, (title, body))| report(i, title, body))
            .collect();
        let after = changed(before.clone(), &changes, before.len());
        let (previous_keys, keys) = (report_keys(&before), report_keys(&after));
        let updated = SearchIndex::updated(search_index(&before), &previous_keys, &keys, &after);
        if let Some((index, indexed)) = updated {
            prop_assert_eq!(index, search_index(&after));
            prop_assert!(indexed * 4 <= after.len());
        }
        // Without changes nothing is indexed again.
        let same = SearchIndex::updated(search_index(&after), &keys, &keys, &after);
        prop_assert_eq!(same, Some((search_index(&after), 0)));
    }
}

fn synthetic(files: &[SourceFile]) -> Corpus {
    build_corpus(files, &Metadata::default(), &[], &common::options())
}

/// The memo as the cache keeps it: written, then read back.
fn through_bytes(memo: &SearchMemo) -> SearchMemo<'static> {
    postcard::from_bytes(&postcard::to_allocvec(memo).unwrap()).unwrap()
}

#[test]
fn a_rebuilds_parts_equal_a_split_of_the_whole_corpus() {
    let mut files = common::synth_files(200, 11);
    let first = split_reusing(synthetic(&files), None);
    assert_eq!(first.indexed, synthetic(&files).reports.len());
    let mut memo = through_bytes(&first.memo());
    // A word changed in one file, a file gone, a file come (a copy under a new name), and a
    // file's reports cut to its first.
    let edited = String::from_utf8(files[17].bytes.clone()).unwrap();
    files[17].bytes = edited.replacen(" the ", " a ", 1).into_bytes();
    files.remove(120);
    let copy = SourceFile::new("zz-copy.txt", files[3].bytes.clone());
    files.push(copy);
    for round in 0..3 {
        if round == 2 {
            let text = String::from_utf8(files[40].bytes.clone()).unwrap();
            files[40].bytes = text.replace("water", "river").into_bytes();
        }
        let corpus = synthetic(&files);
        let again = split_reusing(corpus.clone(), Some(memo));
        assert!(
            again.indexed <= 4,
            "round {round}: {} reports indexed",
            again.indexed
        );
        assert_eq!(again.parts, split(corpus), "round {round}");
        memo = through_bytes(&again.memo());
    }
}

#[test]
fn a_memo_that_is_not_an_index_of_its_reports_is_not_used() {
    let files = common::synth_files(40, 5);
    let corpus = synthetic(&files);
    let first = split_reusing(corpus.clone(), None);
    let good = through_bytes(&first.memo());
    let spoilt: Vec<(&str, Box<dyn Fn(&mut SearchMemo)>)> = vec![
        (
            "a report key too few",
            Box::new(|m| {
                m.reports.to_mut().pop();
            }),
        ),
        (
            "a report past the last",
            Box::new(|m| {
                let list = &mut m.words.to_mut()[0].postings[0];
                list.last_mut().unwrap().report = u32::MAX;
            }),
        ),
        (
            "words out of order",
            Box::new(|m| {
                m.words.to_mut()[0].words.swap(0, 1);
            }),
        ),
        (
            "an empty list",
            Box::new(|m| {
                m.prefixes.to_mut()[0].postings[0].clear();
            }),
        ),
        (
            "a word without its list",
            Box::new(|m| {
                m.words.to_mut()[0].postings.pop();
            }),
        ),
        (
            "lengths of other reports",
            Box::new(|m| {
                m.meta.to_mut().lengths.push(Default::default());
            }),
        ),
        (
            "a symbol's reports unsorted",
            Box::new(|m| {
                let symbols = &mut m.meta.to_mut().symbols;
                let list = &mut symbols.iter_mut().find(|s| s.1.len() > 1).unwrap().1;
                list.swap(0, 1);
            }),
        ),
    ];
    for (what, spoil) in &spoilt {
        let mut memo = good.clone();
        spoil(&mut memo);
        let again = split_reusing(corpus.clone(), Some(memo));
        assert_eq!(again.indexed, corpus.reports.len(), "{what}");
        assert_eq!(again.parts, split(corpus.clone()), "{what}");
    }
    // The good one is used.
    let again = split_reusing(corpus.clone(), Some(good));
    assert_eq!(again.indexed, 0);
    assert_eq!(again.parts, split(corpus));
}
