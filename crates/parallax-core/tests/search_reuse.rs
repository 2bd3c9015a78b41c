//! A rebuild's search index made from the last build's (`SearchIndex::updated`, through
//! `site::split_reusing`) equals the index built from all the text, after reports are edited,
//! inserted, removed, reordered or copied; and a memo naming files that are missing or hold
//! other bytes, or an index that is not a well-formed one of its reports (a cache of another
//! build, or a damaged one), is not used, without a panic.

mod common;

use parallax_core::metadata::Metadata;
use parallax_core::model::{Corpus, Paragraph, Report};
use parallax_core::query::{
    report_keys, PrefixShard, ReportKey, SearchIndex, SearchMeta, WordShard,
};
use parallax_core::site::{
    read_memo, search_index, split, split_reusing, write_parts, write_site, PreviousIndex, Reused,
    SearchMemo,
};
use parallax_core::{build_corpus, SourceFile};
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::Mutex;

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

/// The site's files of `reused` (written by `write_parts`, which names the shards) and the
/// index the next build reads back: its memo as the cache keeps it (written, read back) and
/// its shards from those files.
fn written(reused: &mut Reused) -> (HashMap<String, Vec<u8>>, PreviousIndex) {
    let files = Mutex::new(HashMap::new());
    write_parts(&mut reused.parts, &|name, bytes| {
        let mut files = files.lock().unwrap();
        files.insert(name.to_string(), bytes.to_vec());
        Ok(())
    })
    .unwrap();
    let files = files.into_inner().unwrap();
    let memo: SearchMemo =
        postcard::from_bytes(&postcard::to_allocvec(&reused.memo()).unwrap()).unwrap();
    let previous = read_memo(memo, |name| files.get(name).cloned()).expect("every shard is there");
    (files, previous)
}

#[test]
fn a_rebuilds_parts_equal_a_split_of_the_whole_corpus() {
    let mut files = common::synth_files(200, 11);
    let mut first = split_reusing(synthetic(&files), None);
    assert_eq!(first.indexed, synthetic(&files).reports.len());
    let (_, mut previous) = written(&mut first);
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
        let mut again = split_reusing(corpus.clone(), Some(previous));
        assert!(
            again.indexed <= 4,
            "round {round}: {} reports indexed",
            again.indexed
        );
        assert_eq!(again.parts, split(corpus.clone()), "round {round}");
        let (site, next) = written(&mut again);
        let whole = write_site(corpus).unwrap().files;
        let whole: HashMap<String, Vec<u8>> =
            whole.into_iter().map(|f| (f.name, f.bytes)).collect();
        assert!(
            site == whole,
            "round {round}: other files than a whole build's"
        );
        previous = next;
    }
}

/// A memo naming a shard that is missing, or a file holding other bytes than its name says, is
/// not read.
#[test]
fn a_memo_naming_missing_or_other_files_is_not_read() {
    let corpus = synthetic(&common::synth_files(40, 5));
    let mut first = split_reusing(corpus, None);
    let (files, _) = written(&mut first);
    let memo: SearchMemo =
        postcard::from_bytes(&postcard::to_allocvec(&first.memo()).unwrap()).unwrap();
    let (gone, other) = (&memo.words[1], &memo.prefixes[0]);
    assert!(read_memo(memo.clone(), |n| (n != gone).then(|| files[n].clone())).is_none());
    let read = |n: &str| {
        Some(if n == other {
            b"other bytes".to_vec()
        } else {
            files[n].clone()
        })
    };
    assert!(read_memo(memo.clone(), read).is_none());
    assert!(read_memo(memo, |n| files.get(n).cloned()).is_some());
}

#[test]
fn an_index_that_is_not_one_of_its_reports_is_not_used() {
    let corpus = synthetic(&common::synth_files(40, 5));
    let first = split_reusing(corpus.clone(), None);
    let parts = &first.parts;
    type Shards = (Vec<ReportKey>, SearchMeta, Vec<WordShard>, Vec<PrefixShard>);
    let good: Shards = (
        first.keys.clone(),
        parts.catalogue.search.clone(),
        parts.search_words.clone(),
        parts.search_prefixes.clone(),
    );
    type Spoil = fn(&mut Shards);
    let spoilt: Vec<(&str, Spoil)> = vec![
        ("a report key too few", |s| {
            s.0.pop();
        }),
        ("a report past the last", |s| {
            s.2[0].postings[0].last_mut().unwrap().report = u32::MAX;
        }),
        ("words out of order", |s| s.2[0].words.swap(0, 1)),
        ("an empty list", |s| s.3[0].postings[0].clear()),
        ("a word without its list", |s| {
            s.2[0].postings.pop();
        }),
        ("lengths of other reports", |s| {
            s.1.lengths.push(Default::default())
        }),
        ("a symbol's reports unsorted", |s| {
            let list = &mut s.1.symbols.iter_mut().find(|s| s.1.len() > 1).unwrap().1;
            list.swap(0, 1);
        }),
    ];
    let previous = |s: Shards| PreviousIndex::from_shards(s.0, s.1, s.2, s.3);
    for (what, spoil) in spoilt {
        let mut shards = good.clone();
        spoil(&mut shards);
        let again = split_reusing(corpus.clone(), Some(previous(shards)));
        assert_eq!(again.indexed, corpus.reports.len(), "{what}");
        assert_eq!(again.parts, split(corpus.clone()), "{what}");
    }
    // The good one is used.
    let again = split_reusing(corpus.clone(), Some(previous(good)));
    assert_eq!(again.indexed, 0);
    assert_eq!(again.parts, split(corpus));
}
