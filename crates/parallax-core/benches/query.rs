//! `QueryIndex::run` on 10k parallax-synth reports (seed 2024, analysed as the build does, with
//! the bundled topic lexicon): the facet counting on bits against the report scan it replaced
//! (`query::facet_reference`), same queries, same run. The figures to read are the medians of
//! `old` and `new` in one group and their ratio.
//!
//! `cargo bench -p parallax-core --bench query` (building the corpus takes a minute or two on 2
//! cores, the measurements about as long). `PARALLAX_BENCH_REPORTS=…` for another size.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use parallax_core::corpus_dir::parse_topics;
use parallax_core::query::facet_reference::ReferenceIndex;
use parallax_core::query::{FacetKind, Query, QueryIndex, QueryResult, DUP_YES};
use parallax_core::{build_corpus, metadata::Metadata, Corpus, ParseOptions, SourceFile};
use std::time::Duration;

fn corpus(n: usize) -> Corpus {
    let synth = parallax_synth::generate(&parallax_synth::SynthConfig::new(n, 2024));
    let files: Vec<SourceFile> = synth
        .files
        .iter()
        .map(|f| SourceFile::new(f.name.as_str(), f.text.as_bytes()))
        .collect();
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

criterion_group!(benches, run);
criterion_main!(benches);
