//! Live relations on a corpus the size of the largest the page holds: what moving the threshold
//! costs (`Relations::new`), once per corpus (`RegroupablePairs`), and the story page's and the
//! coverage matrix's models on it.
//!
//! Reports and pairs are made directly (no text analysis), with the shape of an analysed large
//! corpus: 100k reports from 40 outlets over two years; about 70k related pairs (copies of a
//! wire story in groups of 2 to 6, same-story links sharing quotes, quotes shared across
//! events), one story of 3,000 near copies stored as a spanning tree, and about 30k pairs
//! unrelated at the defaults that the control can promote. Figures are drawn from a fixed
//! linear congruential sequence, so every run measures the same corpus.
//!
//! `cargo bench -p parallax-core --bench relations` (`PARALLAX_BENCH_REPORTS=…` for another
//! size; the pairs scale with it).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use parallax_core::analysis::coverage::{coverage, ColumnSort, MatrixColumns, RowSort};
use parallax_core::analysis::relations::{RegroupablePairs, Relations};
use parallax_core::analysis::story_view::story_view;
use parallax_core::analysis::Thresholds;
use parallax_core::chrono::Duration as Days;
use parallax_core::{DateBasis, NaiveDate, Pair, Report};
use std::time::Duration;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn unit(&mut self) -> f32 {
        self.below(10_000) as f32 / 10_000.0
    }
}

fn corpus(n: usize) -> (Vec<Report>, Vec<Pair>) {
    let mut rng = Lcg(2024);
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let reports: Vec<Report> = (0..n)
        .map(|i| {
            let day = start + Days::days(rng.below(730) as i64);
            Report {
                id: format!("r{i:06}"),
                file: format!("f{:05}.txt", i / 3),
                title: format!("Report {i}"),
                outlet: Some(format!("Outlet {}", rng.below(40))),
                published: Some(day + Days::days(1)),
                published_basis: DateBasis::Metadata,
                event_date: Some(day),
                event_date_basis: DateBasis::Stated,
                ..Default::default()
            }
        })
        .collect();
    let id = |i: usize| reports[i].id.clone();
    let mut pairs = Vec::new();
    let mut push = |a: usize, b: usize, jaccard: f32, quotes: usize, days: Option<i64>| {
        let (a, b) = (a.min(b), a.max(b));
        if a != b {
            pairs.push(Pair {
                a: id(a),
                b: id(b),
                jaccard,
                containment_a_in_b: jaccard + 0.1,
                containment_b_in_a: jaccard + 0.2,
                longest_run: 20,
                shared_quotes: vec![String::new(); quotes],
                date_distance_days: days,
                ..Default::default()
            });
        }
    };
    // One story of 3,000 near copies, stored as a star from its first report.
    let big = 3_000.min(n / 10);
    for k in 1..big {
        push(0, k * 7 % n, 0.97, 1, Some(0));
    }
    let scale = n as f64 / 100_000.0;
    // Copies of wire stories, in groups of 2 to 6 (a star each): about 35k pairs.
    let mut made = 0;
    while made < (35_000.0 * scale) as usize {
        let source = rng.below(n as u64) as usize;
        let size = 2 + rng.below(5) as usize;
        for _ in 1..size {
            let j = (source + 1 + rng.below(500) as usize) % n;
            push(source, j, 0.3 + 0.6 * rng.unit(), 1, Some(0));
            made += 1;
        }
    }
    // Same-story links (quotes, agreeing dates) and quotes shared across events: 32k.
    for _ in 0..(32_000.0 * scale) as usize {
        let a = rng.below(n as u64) as usize;
        let b = (a + 1 + rng.below(2_000) as usize) % n;
        let quotes = 1 + rng.below(3) as usize;
        let days = rng.below(4) as i64;
        push(a, b, 0.05 * rng.unit(), quotes, Some(days));
    }
    // Unrelated at the defaults, related when the control goes down: 30k.
    for _ in 0..(30_000.0 * scale) as usize {
        let a = rng.below(n as u64) as usize;
        let b = (a + 1 + rng.below(5_000) as usize) % n;
        push(a, b, 0.05 + 0.24 * rng.unit(), 0, Some(30));
    }
    let position = parallax_core::report_positions(&reports);
    pairs.sort_by_key(|p| (position[p.a.as_str()], position[p.b.as_str()]));
    pairs.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    (reports, pairs)
}

fn relations(c: &mut Criterion) {
    let n: usize = std::env::var("PARALLAX_BENCH_REPORTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let (reports, pairs) = corpus(n);
    let all = RegroupablePairs::from_pairs(&reports, pairs.clone());
    let at_defaults = Relations::new(&reports, &all, &Thresholds::default());
    println!(
        "{n} reports, {} regroupable pairs, {} related at the defaults, {} stories, the largest of {}",
        all.len(),
        at_defaults.pairs().len(),
        at_defaults.stories().len(),
        (0..at_defaults.stories().len())
            .map(|s| at_defaults.members(s).len())
            .max()
            .unwrap_or(0)
    );
    let mut g = c.benchmark_group(format!("relations_{n}"));
    g.sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .warm_up_time(Duration::from_secs(2));
    g.bench_function("regroupable pairs (once per corpus)", |b| {
        b.iter(|| RegroupablePairs::from_pairs(&reports, pairs.clone()))
    });
    for percent in [30u8, 50, 10] {
        let t = Thresholds::with_near_duplicate_percent(percent);
        g.bench_with_input(BenchmarkId::new("Relations::new", percent), &t, |b, t| {
            b.iter(|| Relations::new(&reports, &all, t))
        });
    }
    let biggest = (0..at_defaults.stories().len())
        .max_by_key(|&s| at_defaults.members(s).len())
        .unwrap_or(0);
    g.bench_function("story_view of the largest story", |b| {
        b.iter(|| story_view(&at_defaults, &reports, biggest))
    });
    let every: Vec<usize> = (0..reports.len()).collect();
    g.bench_function("coverage matrix, every report", |b| {
        b.iter(|| {
            coverage(
                &at_defaults,
                &reports,
                &every,
                MatrixColumns::Stories,
                RowSort::Coverage,
                ColumnSort::Date,
            )
        })
    });
    g.finish();
}

criterion_group!(benches, relations);
criterion_main!(benches);
