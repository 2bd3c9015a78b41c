//! Throughput and recall of our MinHash LSH on a parallax-synth corpus, measured the way
//! `benches/datasketch_compare.py` measures datasketch's MinHashLSH on the same folder:
//! each report is the text of its line range (from truth.json); index every report, then query
//! every report; recall is the share of planted duplicates (exact copies, light rewrites,
//! excerpts) whose source comes back in the query.
//!
//! Then the full pipeline (parse, candidates, exact verification) against the exact all-pairs
//! cost, estimated from a random sample of pairs (all pairs of 10 k reports take hours).
//!
//! `cargo run --release -p parallax-core --example lsh_recall -- DIR [--json]`

use parallax_core::analysis::lsh::{
    relate_candidates_with_stats, LshIndex, LshParams, MinHasher, NUM_PERM,
};
use parallax_core::analysis::pairs::{relate, ReportFeatures, Thresholds};
use parallax_core::analysis::text;
use parallax_core::model::Relation;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

struct Truth {
    reports: Vec<(String, String, usize, usize)>,
    duplicates: Vec<(String, String)>,
}

fn load_truth(dir: &Path) -> Result<Truth, String> {
    let path = dir.join("truth.json");
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: serde_json::Value =
        serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let field = |x: &serde_json::Value, k: &str| {
        x[k].as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("{}: a record lacks {k:?}", path.display()))
    };
    let num = |x: &serde_json::Value, k: &str| {
        x[k].as_u64()
            .map(|n| n as usize)
            .ok_or_else(|| format!("{}: a record lacks {k:?}", path.display()))
    };
    let mut reports = Vec::new();
    for r in v["reports"].as_array().ok_or("truth.json: no reports")? {
        reports.push((
            field(r, "id")?,
            field(r, "file")?,
            num(r, "line_start")?,
            num(r, "line_end")?,
        ));
    }
    let mut duplicates = Vec::new();
    for r in v["relations"]
        .as_array()
        .ok_or("truth.json: no relations")?
    {
        if r["expected"].as_str() == Some("near_duplicate") {
            duplicates.push((field(r, "a")?, field(r, "b")?));
        }
    }
    Ok(Truth {
        reports,
        duplicates,
    })
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: lsh_recall DIR [--json]   (DIR written by parallax-synth)");
        std::process::exit(2);
    };
    let json = args.iter().any(|a| a == "--json");
    let dir = Path::new(dir);
    let truth = match load_truth(dir) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    // Report texts by line range, read once (file reading is not timed, as in the Python side).
    let mut files: HashMap<String, Vec<String>> = HashMap::new();
    let mut texts = Vec::with_capacity(truth.reports.len());
    for (_, file, start, end) in &truth.reports {
        let lines = files.entry(file.clone()).or_insert_with(|| {
            std::fs::read_to_string(dir.join(file))
                .unwrap_or_default()
                .lines()
                .map(str::to_string)
                .collect()
        });
        texts.push(
            lines
                .get(start - 1..(*end).min(lines.len()))
                .unwrap_or(&[])
                .join("\n"),
        );
    }
    let index_of: HashMap<&str, usize> = truth
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.0.as_str(), i))
        .collect();
    let n = texts.len();
    let mut rows = Vec::new();
    for threshold in [0.5f32, 0.7, Thresholds::default().near_duplicate_jaccard] {
        let start = Instant::now();
        let hasher = MinHasher::new(NUM_PERM, 1);
        let params = LshParams::for_threshold(threshold, NUM_PERM);
        let mut index = LshIndex::new(params);
        let sigs: Vec<Vec<u32>> = texts
            .iter()
            .map(|t| hasher.signature(&text::text_shingles(t, 5)))
            .collect();
        for (i, s) in sigs.iter().enumerate() {
            index.insert(i as u32, s);
        }
        let results: Vec<HashSet<u32>> = sigs
            .iter()
            .map(|s| index.query(s).into_iter().collect())
            .collect();
        let secs = start.elapsed().as_secs_f64();
        let found = truth
            .duplicates
            .iter()
            .filter(
                |(a, b)| match (index_of.get(a.as_str()), index_of.get(b.as_str())) {
                    (Some(&a), Some(&b)) => results[a].contains(&(b as u32)),
                    _ => false,
                },
            )
            .count();
        let candidates: usize = results
            .iter()
            .map(|r| r.len().saturating_sub(1))
            .sum::<usize>()
            / 2;
        rows.push((threshold, params, secs, found, candidates));
    }
    // The full pipeline on parsed reports, and the exact cost from a sample of pairs.
    let sources: Vec<parallax_core::SourceFile> = files
        .iter()
        .map(|(name, lines)| parallax_core::SourceFile {
            name: name.clone(),
            bytes: (lines.join("\n") + "\n").into_bytes(),
        })
        .collect();
    let t0 = Instant::now();
    let parsed = parallax_core::ingest::parse_corpus(
        &sources,
        &parallax_core::metadata::Metadata::default(),
        &parallax_core::ParseOptions::at(std::time::SystemTime::now()),
    );
    let parse_secs = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let features: Vec<ReportFeatures> = parsed.reports.iter().map(ReportFeatures::new).collect();
    let feature_secs = t1.elapsed().as_secs_f64();
    let thresholds = Thresholds::default();
    let t2 = Instant::now();
    let (pairs, stats) = relate_candidates_with_stats(&features, &thresholds);
    let lsh_secs = t2.elapsed().as_secs_f64();
    let dup: HashSet<(&str, &str)> = pairs
        .iter()
        .filter(|p| p.relation == Relation::NearDuplicate)
        .flat_map(|p| [(p.a.as_str(), p.b.as_str()), (p.b.as_str(), p.a.as_str())])
        .collect();
    let pipeline_found = truth
        .duplicates
        .iter()
        .filter(|(a, b)| dup.contains(&(a.as_str(), b.as_str())))
        .count();
    // Exact all pairs = for every pair, the shared-evidence test and, when it passes, relate.
    let m = features.len();
    let total_pairs = m * m.saturating_sub(1) / 2;
    let sample = 200_000.min(total_pairs);
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let t3 = Instant::now();
    let mut related_in_sample = 0usize;
    for _ in 0..sample {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let i = (state % m as u64) as usize;
        let j = ((state >> 32) % m as u64) as usize;
        if i == j {
            continue;
        }
        let (a, b) = (&features[i.min(j)], &features[i.max(j)]);
        if parallax_core::analysis::pairs::may_share_evidence(a, b)
            && relate(a, b, &thresholds).relation != Relation::Unrelated
        {
            related_in_sample += 1;
        }
    }
    let exact_secs = t3.elapsed().as_secs_f64() * total_pairs as f64 / sample.max(1) as f64;
    let d = truth.duplicates.len().max(1) as f64;
    if json {
        let lsh: Vec<String> = rows
            .iter()
            .map(|(t, p, s, f, c)| {
                format!(
                    "{{\"threshold\":{t},\"bands\":{},\"rows\":{},\"seconds\":{s:.4},\"reports_per_s\":{:.1},\"recall\":{:.4},\"candidates\":{c}}}",
                    p.bands,
                    p.rows,
                    n as f64 / s,
                    *f as f64 / d
                )
            })
            .collect();
        println!(
            "{{\"reports\":{n},\"planted_duplicates\":{},\"lsh\":[{}],\"pipeline\":{{\"parse_s\":{parse_secs:.3},\"features_s\":{feature_secs:.3},\"candidates_and_verify_s\":{lsh_secs:.3},\"near_duplicate_recall\":{:.4},\"distinct_candidates\":{},\"verified\":{},\"exact_all_pairs_s_estimated\":{exact_secs:.1},\"exact_sample_pairs\":{sample},\"related_in_sample\":{related_in_sample}}}}}",
            truth.duplicates.len(),
            lsh.join(","),
            pipeline_found as f64 / d,
            stats.distinct,
            stats.verified
        );
    } else {
        println!("{n} reports, {} planted duplicates", truth.duplicates.len());
        for (t, p, s, f, c) in &rows {
            println!(
                "ours  threshold {t:.2} (b={} r={}): {s:.3} s, {:.0} reports/s, recall {:.4}, {c} candidate pairs",
                p.bands,
                p.rows,
                n as f64 / s,
                *f as f64 / d
            );
        }
        println!(
            "pipeline: parse {parse_secs:.2} s, features {feature_secs:.2} s, candidates+verify {lsh_secs:.2} s ({} distinct, {} verified), near-duplicate recall {:.4}",
            stats.distinct,
            stats.verified,
            pipeline_found as f64 / d
        );
        println!(
            "exact all pairs, estimated from {sample} sampled pairs: {exact_secs:.0} s → candidates+verify is {:.0}× faster",
            exact_secs / lsh_secs.max(1e-9)
        );
    }
}
