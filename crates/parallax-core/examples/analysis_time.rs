//! Times parsing and analysis of a corpus folder, stage by stage (a measurement aid, not a
//! benchmark: criterion benches live with the scale work).
//!
//! `cargo run --release -p parallax-core --features sidecar --example analysis_time -- DIR [RUNS]`

use parallax_core::analysis::{self, pairs, quotes, stories, topics, Thresholds};
use parallax_core::{corpus_dir, Relation};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: analysis_time DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: u32 = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let dir = std::path::Path::new(dir);
    let loaded = match corpus_dir::load_dir(dir) {
        Ok(c) => c,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            std::process::exit(1);
        }
    };
    let lexicon = corpus_dir::load_topics(dir).unwrap_or_default();
    let reports = loaded.reports.clone();
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let stage = |name: &str, f: &mut dyn FnMut()| {
        let times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        println!("{name:<28} {:>10.3} ms (median of {runs})", median(times));
    };
    println!(
        "{} reports, {} lexicon topics",
        reports.len(),
        lexicon.len()
    );
    stage("topics", &mut || {
        let tagger = topics::Tagger::new(&lexicon);
        let mut rs = reports.clone();
        rs.iter_mut().for_each(|r| tagger.tag(r));
    });
    stage("report features", &mut || {
        reports
            .iter()
            .map(pairs::ReportFeatures::new)
            .for_each(drop);
    });
    stage("features + stock lines", &mut || {
        pairs::corpus_features(&reports, &Thresholds::default());
    });
    let mut evidence = Vec::new();
    stage("pairs (exact all-pairs)", &mut || {
        evidence = analysis::relate_all(&reports, &Thresholds::default())
    });
    stage("reclassify (threshold move)", &mut || {
        pairs::reclassify(
            &evidence,
            &Thresholds {
                near_duplicate_jaccard: 0.5,
                ..Thresholds::default()
            },
        );
    });
    let related: Vec<_> = evidence
        .iter()
        .filter(|p| p.relation != Relation::Unrelated)
        .cloned()
        .collect();
    stage("stories", &mut || {
        stories::build_stories(
            &reports,
            &related,
            Thresholds::default().same_story_max_days,
        );
    });
    stage("quote ledger", &mut || {
        quotes::ledger(&reports);
    });
    stage("analyze (all of the above)", &mut || {
        let mut c = parallax_core::Corpus {
            reports: reports.clone(),
            ..Default::default()
        };
        analysis::analyze(&mut c, &lexicon);
    });
    if reports.len() >= 2 {
        stage("align first two reports", &mut || {
            analysis::align(&reports[0], &reports[1]);
        });
    }
    println!(
        "{} pairs with evidence, {} related",
        evidence.len(),
        related.len()
    );
}
