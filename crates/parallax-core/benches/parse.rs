//! Parse throughput: the seed corpus repeated to about 1 MiB, and adversarial shapes (one huge
//! line, thousands of quotes, names or paragraphs). Each input is also run through a baseline
//! in the same run — UTF-8 validation and a line split of the same bytes — so results read as
//! ratios (parse time / baseline time) that do not depend on the machine.
//!
//! `cargo bench -p parallax-core --bench parse`; `PARALLAX_BENCH_BYTES=65536` for smaller inputs.

#[path = "parse_inputs/mod.rs"]
mod inputs;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use parallax_core::ingest::{parse_corpus, parse_file};
use parallax_core::metadata::Metadata;
use parallax_core::ParseOptions;
use std::time::Duration;

/// The cheapest honest pass over the same bytes: validate UTF-8 and split into lines.
fn baseline(bytes: &[u8]) -> usize {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.lines().filter(|l| !l.trim().is_empty()).count(),
        Err(_) => 0,
    }
}

fn size() -> usize {
    std::env::var("PARALLAX_BENCH_BYTES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1 << 20)
}

fn bench(c: &mut Criterion) {
    let size = size();
    let mut group = c.benchmark_group("parse");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));

    let files = inputs::seed_files(size);
    let total: usize = files.iter().map(|f| f.bytes.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function(BenchmarkId::new("baseline", "seed_files"), |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| baseline(black_box(&f.bytes)))
                .sum::<usize>()
        })
    });
    let meta = Metadata::default();
    let options = ParseOptions::at(std::time::SystemTime::now());
    group.bench_function(BenchmarkId::new("ingest", "seed_files"), |b| {
        b.iter(|| parse_corpus(black_box(&files), &meta, &options))
    });

    for (name, bytes) in inputs::adversarial(size) {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(BenchmarkId::new("baseline", name), |b| {
            b.iter(|| baseline(black_box(&bytes)))
        });
        group.bench_function(BenchmarkId::new("ingest", name), |b| {
            b.iter(|| parse_file("bench.txt", black_box(&bytes), &options))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
