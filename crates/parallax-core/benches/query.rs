//! `QueryIndex::run` on 10k parallax-synth reports (seed 2024, analysed as the build does, with
//! the bundled topic lexicon): the facet counting on bits against the report scan it replaced
//! (`query::facet_reference`), same queries, same run. The figures to read are the medians of
//! `old` and `new` in one group and their ratio.
//!
//! A second group, `facets_100000`, runs facet queries on 100k generated reports (no text
//! analysis: reports made directly, with thousands of rare people and places, as a large corpus
//! has), and prints the bytes the facet sets take.
//!
//! `cargo bench -p parallax-core --bench query` (building the corpus takes a minute or two on 2
//! cores, the measurements about as long). `PARALLAX_BENCH_REPORTS=…` for another size.

#[path = "synth_files/mod.rs"]
mod synth_files;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use parallax_core::chrono::Duration as Days;
use parallax_core::corpus_dir::parse_topics;
use parallax_core::query::facet_reference::ReferenceIndex;
use parallax_core::query::{FacetKind, Query, QueryIndex, QueryResult, DUP_YES};
use parallax_core::{
    build_corpus, metadata::Metadata, Corpus, NaiveDate, ParseOptions, Report, TopicScore,
};
use std::time::Duration;

fn corpus(n: usize) -> Corpus {
    let (files, _) = synth_files::synth_files(n);
    let lexicon = include_str!("../../../corpus/topics.toml");
    let topics = parse_topics("topics.toml", lexicon).expect("the bundled lexicon parses");
    let options = ParseOptions::at(std::time::SystemTime::now());
    build_corpus(&files, &Metadata::default(), &topics, &options)
}

/// The most common value of a facet in the default view (so a selection keeps many reports).
fn top_value(result: &QueryResult, kind: FacetKind) -> String {
    result
        .options(kind)
        .first()
        .map(|o| o.value.clone())
        .unwrap_or_default()
}

fn queries(corpus: &Corpus, index: &QueryIndex) -> Vec<(&'static str, Query)> {
    let all = index.run(&Query::default(), index.default_duplicates());
    let dates: Vec<_> = corpus.reports.iter().filter_map(|r| r.event_date).collect();
    let (first, last) = (dates.iter().min().copied(), dates.iter().max().copied());
    let mut topic = Query::default();
    topic
        .facets
        .toggle(FacetKind::Topic, &top_value(&all, FacetKind::Topic));
    let mut facets = topic.clone();
    facets
        .facets
        .toggle(FacetKind::Outlet, &top_value(&all, FacetKind::Outlet));
    facets.facets.toggle(FacetKind::Duplicates, DUP_YES);
    // A tenth of the date span, from its middle.
    let range = first.zip(last).map(|(a, b)| {
        let mid = a + (b - a) / 2;
        (mid, mid + (b - a) / 10)
    });
    let dated = Query {
        from: range.map(|r| r.0),
        to: range.map(|r| r.1),
        ..facets.clone()
    };
    let text = Query {
        text: "water".into(),
        ..Default::default()
    };
    vec![
        ("default_view", Query::default()),
        ("one_topic", topic),
        ("topic_outlet_duplicates", facets),
        ("facets_and_date_range", dated),
        ("text_water", text),
    ]
}

fn run(c: &mut Criterion) {
    let n = std::env::var("PARALLAX_BENCH_REPORTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let corpus = corpus(n);
    let new = QueryIndex::new(&corpus);
    let old = ReferenceIndex::new(&corpus);
    let flags = new.default_duplicates().to_vec();
    let duplicates = new.duplicate_set(&flags);
    let mut g = c.benchmark_group(format!("query_{}", corpus.reports.len()));
    g.sample_size(30)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    for (name, query) in queries(&corpus, &new) {
        assert_eq!(
            new.run(&query, &flags),
            old.run(&query, &flags),
            "{name}: the two engines disagree"
        );
        g.bench_with_input(BenchmarkId::new("old", name), &query, |b, q| {
            b.iter(|| old.run(q, &flags).matches.len())
        });
        g.bench_with_input(BenchmarkId::new("new", name), &query, |b, q| {
            b.iter(|| new.run_with(q, &duplicates).matches.len())
        });
    }
    g.finish();
}

/// `n` reports over two years: 12 topics, 40 outlets, people and places drawn so that a few are
/// common and thousands rare (the k-th most common held by about 1/k of the reports).
fn generated(n: usize) -> Corpus {
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).expect("date");
    // A small deterministic generator: the same corpus every run.
    let mut state = 2024u64;
    let mut next = move |below: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % below.max(1)
    };
    let mut skewed = |values: usize| {
        let u = next(1 << 20) as f64 / f64::from(1 << 20);
        ((values as f64).powf(u) as usize).min(values - 1)
    };
    let reports = (0..n)
        .map(|i| {
            let people = (0..3).map(|_| format!("Person {}", skewed(8000))).collect();
            let places = (0..2).map(|_| format!("Place {}", skewed(3000))).collect();
            Report {
                id: format!("r{i}"),
                title: format!("Report {i}"),
                event_date: (i % 12 != 0).then(|| start + Days::days((i * 7919 % 730) as i64)),
                topics: vec![TopicScore {
                    topic: format!("topic-{}", i % 12),
                    weight: 1.0,
                }],
                outlet: Some(format!("Outlet {}", (i * 31) % 40)),
                people,
                places,
                ..Default::default()
            }
        })
        .collect();
    Corpus {
        reports,
        ..Default::default()
    }
}

fn facets_at_scale(c: &mut Criterion) {
    let corpus = generated(100_000);
    let new = QueryIndex::new(&corpus);
    let old = ReferenceIndex::new(&corpus);
    let flags: Vec<bool> = (0..corpus.reports.len()).map(|i| i % 5 == 0).collect();
    let duplicates = new.duplicate_set(&flags);
    let all = new.run(&Query::default(), &flags);
    let values: usize = all.facets.iter().map(|(_, o)| o.len()).sum();
    println!(
        "facets_100000: {} facet values, facet sets and date index {:.1} MB",
        values,
        new.facet_bytes() as f64 / 1e6
    );
    let mut outlet = Query::default();
    outlet
        .facets
        .toggle(FacetKind::Outlet, &top_value(&all, FacetKind::Outlet));
    let mut several = outlet.clone();
    several
        .facets
        .toggle(FacetKind::Topic, &top_value(&all, FacetKind::Topic));
    several
        .facets
        .toggle(FacetKind::Person, &top_value(&all, FacetKind::Person));
    let start = NaiveDate::from_ymd_opt(2023, 6, 1).expect("date");
    let month = Query {
        from: Some(start),
        to: Some(start + Days::days(30)),
        ..several.clone()
    };
    let mut g = c.benchmark_group("facets_100000");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    for (name, query) in [
        ("default_view", Query::default()),
        ("one_outlet", outlet),
        ("outlet_topic_person", several),
        ("the_same_in_a_month", month),
    ] {
        assert_eq!(new.run(&query, &flags), old.run(&query, &flags), "{name}");
        g.bench_with_input(BenchmarkId::new("old", name), &query, |b, q| {
            b.iter(|| old.run(q, &flags).matches.len())
        });
        g.bench_with_input(BenchmarkId::new("new", name), &query, |b, q| {
            b.iter(|| new.run_with(q, &duplicates).matches.len())
        });
    }
    g.finish();
}

criterion_group!(benches, run, facets_at_scale);
criterion_main!(benches);
