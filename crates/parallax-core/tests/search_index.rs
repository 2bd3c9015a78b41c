//! Search on the inverted index finds exactly the reports the old scan found: every folded title
//! and paragraph searched for every term at a word start. The scan is kept here, as it was, as
//! the reference (the product no longer has it), and run on the seeds, the browser tests'
//! crafted corpus, a parallax-synth corpus and random queries.

mod common;

use parallax_core::metadata::Metadata;
use parallax_core::model::{Corpus, Paragraph, Report};
use parallax_core::query::{find_word_start, fold, search_terms, Query, QueryIndex};
use parallax_core::{ingest, SourceFile};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Each report's folded title and paragraphs, one haystack, as the old scan kept them.
fn haystacks(corpus: &Corpus) -> Vec<String> {
    corpus
        .reports
        .iter()
        .map(|r| {
            let mut haystack = fold(&r.title);
            for p in &r.paragraphs {
                haystack.push('\n');
                haystack.push_str(&fold(&p.text));
            }
            haystack
        })
        .collect()
}

/// The old scan: reports (in timeline order) whose folded text holds every term at a word start.
fn scan(haystacks: &[String], index: &QueryIndex, text: &str) -> Vec<usize> {
    let terms = search_terms(text);
    index
        .timeline_order()
        .iter()
        .copied()
        .filter(|&i| {
            terms
                .iter()
                .all(|t| find_word_start(&haystacks[i], t).is_some())
        })
        .collect()
}

fn run(index: &QueryIndex, text: &str) -> parallax_core::query::QueryResult {
    let query = Query {
        text: text.into(),
        ..Query::default()
    };
    index.run(&query, index.default_duplicates())
}

fn assert_same_as_scan(haystacks: &[String], index: &QueryIndex, text: &str) {
    let result = run(index, text);
    assert_eq!(
        result.matches,
        scan(haystacks, index, text),
        "query {text:?}"
    );
    let mut ranked = result.ranked.clone();
    ranked.sort_by_key(|&i| index.timeline_order().iter().position(|&j| j == i));
    assert_eq!(
        ranked, result.matches,
        "ranked is not the matches: {text:?}"
    );
}

/// Queries made of a corpus's own text: each word and its prefixes, pairs of words, phrases of
/// neighbouring words, and the punctuation between them.
fn queries_from(corpus: &Corpus, limit: usize) -> Vec<String> {
    let mut queries = vec![
        "-".to_string(),
        "&".into(),
        "'s".into(),
        "u.s".into(),
        "\"".into(),
        "«".into(),
        "x".into(),
    ];
    for r in &corpus.reports {
        let text = format!("{} {}", r.title, r.body_text());
        let words: Vec<&str> = text.split_whitespace().collect();
        for (i, w) in words.iter().enumerate().step_by(7) {
            queries.push(w.to_string());
            let chars: Vec<char> = w.chars().collect();
            queries.push(chars[..chars.len().div_ceil(2)].iter().collect());
            if let Some(next) = words.get(i + 1) {
                queries.push(format!("{w} {next}"));
                queries.push(format!("\"{w} {next}\""));
                queries.push(format!("{w} {}", next.chars().take(2).collect::<String>()));
            }
            if let Some(far) = words.get(i + 40) {
                queries.push(format!("{far} {w}"));
            }
        }
        if queries.len() > limit {
            break;
        }
    }
    queries.truncate(limit);
    queries
}

fn check_corpus(corpus: &Corpus, limit: usize) {
    assert!(!corpus.reports.is_empty());
    let index = QueryIndex::new(corpus);
    let queries = queries_from(corpus, limit);
    let haystacks = haystacks(corpus);
    let mut found = 0;
    for q in &queries {
        assert_same_as_scan(&haystacks, &index, q);
        found += usize::from(!run(&index, q).matches.is_empty());
    }
    // The queries come from the corpus: most must find something, or the check proves little.
    assert!(found * 2 > queries.len(), "{found} of {}", queries.len());
}

#[test]
fn same_results_as_the_scan_on_the_seeds() {
    check_corpus(
        &common::parse_dir(&common::repo_root().join("corpus")),
        3000,
    );
}

#[test]
fn same_results_as_the_scan_on_the_crafted_browser_fixtures() {
    let dir = common::repo_root().join("tests/e2e/fixtures/crafted");
    check_corpus(&common::parse_dir(&dir), 3000);
}

fn synthetic() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let synth = parallax_synth::generate(&parallax_synth::SynthConfig::new(300, 2024));
        let files: Vec<SourceFile> = synth
            .files
            .iter()
            .map(|f| SourceFile::new(f.name.as_str(), f.text.as_bytes()))
            .collect();
        let parsed = ingest::parse_corpus(&files, &Metadata::default(), &common::options());
        Corpus {
            reports: parsed.reports,
            ..Corpus::default()
        }
    })
}

#[test]
fn same_results_as_the_scan_on_a_synthetic_corpus() {
    check_corpus(synthetic(), 4000);
}

fn report(id: &str, title: &str, body: &str) -> Report {
    Report {
        id: id.into(),
        title: title.into(),
        paragraphs: vec![Paragraph {
            text: body.into(),
            ..Paragraph::default()
        }],
        ..Report::default()
    }
}

#[test]
fn typographic_apostrophes_and_quotes_are_found_whichever_is_typed() {
    let corpus = Corpus {
        reports: vec![
            report("a", "Pakistanʼs water", "The talks went on."),
            report("b", "Treaty", "He called it «water sharing» again."),
            report("c", "Treaty", "Sie nannten es „Wasser teilen“ und gingen."),
            report("d", "Other", "Nothing to see here."),
        ],
        ..Corpus::default()
    };
    let index = QueryIndex::new(&corpus);
    let ids = |q: &str| -> Vec<&str> {
        let r = run(&index, q);
        r.matches
            .iter()
            .map(|&i| corpus.reports[i].id.as_str())
            .collect()
    };
    for typed in [
        "Pakistanʼs",
        "pakistan's",
        "Pakistan’s",
        "PAKISTAN`S",
        "pakistan‘s",
    ] {
        assert_eq!(ids(typed), ["a"], "{typed}");
    }
    for typed in [
        "«water sharing»",
        "\"water sharing\"",
        "“water sharing”",
        "„water shar",
    ] {
        assert_eq!(ids(typed), ["b"], "{typed}");
    }
    assert_eq!(ids("„wasser teilen“"), ["c"]);
    assert_eq!(ids("«wasser teilen»"), ["c"]);
    assert_eq!(ids("\"sharing water\""), Vec::<&str>::new());
    let haystacks = haystacks(&corpus);
    for q in ["Pakistanʼs", "«water sharing»", "„Wasser teilen“", "«", "„"] {
        assert_same_as_scan(&haystacks, &index, q);
    }
}

#[test]
fn a_text_query_ranks_by_relevance_and_title_matches_first() {
    let corpus = Corpus {
        reports: vec![
            report(
                "body",
                "Budget news",
                "Talks on water went on and on, said the minister.",
            ),
            report(
                "title",
                "Water talks",
                "The minister spoke about the budget and more.",
            ),
            report("none", "Budget", "Nothing about it."),
        ],
        ..Corpus::default()
    };
    let index = QueryIndex::new(&corpus);
    let result = run(&index, "water");
    assert_eq!(result.matches, [0, 1]);
    assert_eq!(result.ranked, [1, 0]);
    // Without text, the list keeps timeline order.
    assert_eq!(run(&index, "").ranked, run(&index, "").matches);
}

/// Fragments a random query is made of: the synthetic corpus's words, their prefixes, quote
/// marks, punctuation and arbitrary characters.
fn fragment() -> impl Strategy<Value = String> {
    let words: Vec<String> = synthetic()
        .reports
        .iter()
        .take(40)
        .flat_map(|r| {
            r.body_text()
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    prop_oneof![
        6 => prop::sample::select(words.clone()),
        3 => (prop::sample::select(words), 1usize..4).prop_map(|(w, n)| w.chars().take(n).collect()),
        2 => prop::sample::select(vec!["\"", "«", "»", "„", "“", "’s", "ʼ", "-", "'", ".", " ", "  "])
            .prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn same_results_as_the_scan_on_random_queries(
        parts in prop::collection::vec(fragment(), 0..6)
    ) {
        static INDEX: OnceLock<(QueryIndex, Vec<String>)> = OnceLock::new();
        let (index, haystacks) =
            INDEX.get_or_init(|| (QueryIndex::new(synthetic()), haystacks(synthetic())));
        let text = parts.join(" ");
        let result = run(index, &text);
        prop_assert_eq!(&result.matches, &scan(haystacks, index, &text), "query {:?}", text);
    }

    #[test]
    fn any_query_is_answered(text in any::<String>()) {
        static INDEX: OnceLock<QueryIndex> = OnceLock::new();
        let index = INDEX.get_or_init(|| QueryIndex::new(synthetic()));
        let result = run(index, &text);
        prop_assert_eq!(result.ranked.len(), result.matches.len());
    }
}

#[test]
fn a_short_prefix_after_a_rare_word_finds_what_the_scan_finds() {
    // "water" in 3 reports, words starting with "s" in all 200: "water s" reads the merged
    // list of the s-words, kept ready for one- and two-letter prefixes, and keeps the three.
    let mut reports: Vec<Report> = (0..200)
        .map(|i| {
            report(
                &format!("r{i}"),
                "Budget",
                &format!("Some say sums s{i} stay."),
            )
        })
        .collect();
    reports[5].paragraphs[0].text = "Water sharing stays on the table.".into();
    reports[9].paragraphs[0].text = "Water, then nothing else.".into();
    reports[77].paragraphs[0].text = "Water: sharing it is a start.".into();
    let corpus = Corpus {
        reports,
        ..Corpus::default()
    };
    let index = QueryIndex::new(&corpus);
    let haystacks = haystacks(&corpus);
    for q in [
        "water s",
        "water sh",
        "s water",
        "water st",
        "water ",
        "water t",
        "\"water s\"",
    ] {
        assert_same_as_scan(&haystacks, &index, q);
    }
    assert_eq!(run(&index, "water s").matches, [5, 77]);
}

#[test]
fn the_index_round_trips_through_postcard() {
    let index = QueryIndex::new(synthetic());
    let bytes = postcard::to_allocvec(index.search_index()).unwrap();
    let back: parallax_core::query::SearchIndex = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(&back, index.search_index());
    assert!(back.words() > 100);
}
