//! Search on a 10k-report parallax-synth corpus (seed 2024): the old scan of all folded text
//! against the inverted index, per query and for typing "water sharing" letter by letter; and
//! what the index costs to build and to store. Figures to read are medians of one run.
//!
//! `cargo bench -p parallax-core --bench search` (`PARALLAX_BENCH_REPORTS=1000` for a quick
//! run). The scan is the product's old code, kept here as the baseline. `index: run` is the
//! whole query (text, ranking and the facet pass over the reports); `index: no text` is that
//! facet pass alone, so the text part is their difference.

#[path = "synth_files/mod.rs"]
mod synth_files;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use parallax_core::metadata::Metadata;
use parallax_core::model::Corpus;
use parallax_core::query::{find_word_start, fold, search_terms, Query, QueryIndex, SearchIndex};
use parallax_core::{ingest, ParseOptions};
use std::time::Duration;

fn corpus() -> Corpus {
    let n = std::env::var("PARALLAX_BENCH_REPORTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let (files, _) = synth_files::synth_files(n);
    let options = ParseOptions::at(std::time::SystemTime::now());
    let reports = ingest::parse_corpus(&files, &Metadata::default(), &options).reports;
    Corpus {
        reports,
        ..Corpus::default()
    }
}

/// The folded title and body of each report, as the index reads them.
fn folded(corpus: &Corpus) -> Vec<(String, String)> {
    corpus
        .reports
        .iter()
        .map(|r| {
            let mut body = String::new();
            for p in &r.paragraphs {
                body.push('\n');
                body.push_str(&fold(&p.text));
            }
            (fold(&r.title), body)
        })
        .collect()
}

/// The old scan: every report's folded text searched for every term (reports in timeline order).
fn scan(haystacks: &[String], order: &[usize], text: &str) -> usize {
    let terms = search_terms(text);
    order
        .iter()
        .filter(|&&i| {
            terms
                .iter()
                .all(|t| find_word_start(&haystacks[i], t).is_some())
        })
        .count()
}

fn query(text: &str) -> Query {
    Query {
        text: text.into(),
        ..Query::default()
    }
}

fn search(c: &mut Criterion) {
    let corpus = corpus();
    let index = QueryIndex::new(&corpus);
    index.prepare_search();
    let folded = folded(&corpus);
    let haystacks: Vec<String> = folded.iter().map(|(t, b)| format!("{t}{b}")).collect();
    let order = index.timeline_order().to_vec();
    let dups = index.default_duplicates();

    let text_bytes: usize = haystacks.iter().map(String::len).sum();
    let postcard = postcard::to_allocvec(index.search_index()).expect("serialises");
    eprintln!(
        "{} reports, {} bytes of folded text; index: {} words, {} bytes postcard",
        corpus.reports.len(),
        text_bytes,
        index.search_index().words(),
        postcard.len()
    );

    let mut g = c.benchmark_group("search");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    let typed = "water sharing";
    let keystrokes: Vec<&str> = (1..=typed.len()).map(|e| &typed[..e]).collect();
    g.bench_function("typing water sharing: scan", |b| {
        b.iter(|| {
            for k in &keystrokes {
                black_box(scan(&haystacks, &order, k));
            }
        })
    });
    g.bench_function("typing water sharing: index run", |b| {
        b.iter(|| {
            for k in &keystrokes {
                black_box(index.run(&query(k), dups));
            }
        })
    });
    for text in [
        "w",
        "water",
        "\"water sharing\"",
        "pakistan's",
        "islamabad talks",
    ] {
        assert_eq!(
            index.run(&query(text), dups).matches.len(),
            scan(&haystacks, &order, text),
            "{text}"
        );
        g.bench_function(format!("{text}: scan"), |b| {
            b.iter(|| black_box(scan(&haystacks, &order, text)))
        });
        g.bench_function(format!("{text}: index run"), |b| {
            b.iter(|| black_box(index.run(&query(text), dups)))
        });
    }
    g.bench_function("index: no text (facet pass only)", |b| {
        b.iter(|| black_box(index.run(&query(""), dups)))
    });
    g.finish();

    let mut g = c.benchmark_group("search_build");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .warm_up_time(Duration::from_secs(1));
    g.bench_function("query index (fold, facets)", |b| {
        b.iter(|| black_box(QueryIndex::new(&corpus)))
    });
    g.bench_function("query index and inverted index", |b| {
        b.iter(|| {
            let index = QueryIndex::new(&corpus);
            index.prepare_search();
            black_box(index)
        })
    });
    g.bench_function("inverted index alone, from folded text", |b| {
        b.iter(|| {
            black_box(SearchIndex::build(
                folded.iter().map(|(t, b)| (t.as_str(), b.as_str())),
            ))
        })
    });
    g.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
