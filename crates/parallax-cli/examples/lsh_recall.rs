//! Throughput and recall of our MinHash LSH on a parallax-synth corpus, measured the way
//! `benches/datasketch_compare.py` measures datasketch's MinHashLSH on the same folder:
//! each report is the text of its line range (from truth.json); index every report, then query
//! every report; recall is the share of planted duplicates (exact copies, light rewrites,
//! excerpts) whose source comes back in the query.
//!
//! Then the full pipeline (parse, candidates, exact verification) against the exact all-pairs
//! cost, estimated from a random sample of pairs (all pairs of 10 k reports take hours);
//! `--lsh-only` skips it.
//!
//! Shingling and signatures, queries and features run through `parallax_core::par`, on all
//! cores as in `parallax build`: this example lives in the CLI crate so that the core is built
//! as the CLI builds it (`sidecar`, `parallel`; the core's own dev-dependencies turn on
//! `work-count`, which keeps all work on one thread). `RAYON_NUM_THREADS=1` measures one
//! thread; the JSON says how many threads ran. Inserting into the index stays on one thread.
//!
//! `cargo run --release -p parallax-cli --example lsh_recall -- DIR [--json] [--lsh-only]`

use parallax_core::analysis::lsh::{
    relate_candidates_with_stats, LshIndex, LshParams, MinHasher, NUM_PERM,
};
use parallax_core::analysis::pairs::{relate, ReportFeatures, Thresholds};
use parallax_core::analysis::text;
use parallax_core::model::Relation;
use parallax_core::par;
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

/// The full pipeline's measurements (see [`pipeline`]).
struct Pipeline {
    parse_secs: f64,
    feature_secs: f64,
    lsh_secs: f64,
    found: usize,
    distinct: usize,
    verified: usize,
    exact_secs: f64,
    sample: usize,
    related_in_sample: usize,
}

/// Parse, features, candidates and verification; the exact all-pairs cost from sampled pairs.
fn pipeline(files: &HashMap<String, Vec<String>>, truth: &Truth) -> Pipeline {
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
    let features: Vec<ReportFeatures> = par::map(&parsed.reports, ReportFeatures::new);
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
    Pipeline {
        parse_secs,
        feature_secs,
        lsh_secs,
        found: pipeline_found,
        distinct: stats.distinct,
        verified: stats.verified,
        exact_secs,
        sample,
        related_in_sample,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: lsh_recall DIR [--json] [--lsh-only]   (DIR written by parallax-synth)");
        std::process::exit(2);
    };
    let json = args.iter().any(|a| a == "--json");
    let lsh_only = args.iter().any(|a| a == "--lsh-only");
    // rayon's rule: RAYON_NUM_THREADS when set to a positive number, else one per core.
    let threads = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
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
        let sigs: Vec<Vec<u32>> =
            par::map(&texts, |t| hasher.signature(&text::text_shingles(t, 5)));
        let signed = start.elapsed().as_secs_f64();
        for (i, s) in sigs.iter().enumerate() {
            index.insert(i as u32, s);
        }
        let inserted = start.elapsed().as_secs_f64();
        // Each query's ids come sorted and without repeats: a set, looked up by binary search.
        let results: Vec<Vec<u32>> = par::map(&sigs, |s| index.query(s));
        let secs = start.elapsed().as_secs_f64();
        let stages = [signed, inserted - signed, secs - inserted];
        let found = truth
            .duplicates
            .iter()
            .filter(
                |(a, b)| match (index_of.get(a.as_str()), index_of.get(b.as_str())) {
                    (Some(&a), Some(&b)) => results[a].binary_search(&(b as u32)).is_ok(),
                    _ => false,
                },
            )
            .count();
        let candidates: usize = results
            .iter()
            .map(|r| r.len().saturating_sub(1))
            .sum::<usize>()
            / 2;
        rows.push((threshold, params, secs, found, candidates, stages));
    }
    let pipeline = (!lsh_only).then(|| pipeline(&files, &truth));
    let d = truth.duplicates.len().max(1) as f64;
    if json {
        let lsh: Vec<String> = rows
            .iter()
            .map(|(t, p, s, f, c, [sign, insert, query])| {
                format!(
                    "{{\"threshold\":{t},\"bands\":{},\"rows\":{},\"seconds\":{s:.4},\"shingles_and_signatures_s\":{sign:.4},\"insert_s\":{insert:.4},\"query_s\":{query:.4},\"reports_per_s\":{:.1},\"recall\":{:.4},\"candidates\":{c}}}",
                    p.bands,
                    p.rows,
                    n as f64 / s,
                    *f as f64 / d
                )
            })
            .collect();
        let pipeline = pipeline.map_or("null".to_string(), |p| {
            format!(
                "{{\"parse_s\":{:.3},\"features_s\":{:.3},\"candidates_and_verify_s\":{:.3},\"near_duplicate_recall\":{:.4},\"distinct_candidates\":{},\"verified\":{},\"exact_all_pairs_s_estimated\":{:.1},\"exact_sample_pairs\":{},\"related_in_sample\":{}}}",
                p.parse_secs,
                p.feature_secs,
                p.lsh_secs,
                p.found as f64 / d,
                p.distinct,
                p.verified,
                p.exact_secs,
                p.sample,
                p.related_in_sample
            )
        });
        println!(
            "{{\"reports\":{n},\"threads\":{threads},\"planted_duplicates\":{},\"lsh\":[{}],\"pipeline\":{pipeline}}}",
            truth.duplicates.len(),
            lsh.join(","),
        );
    } else {
        println!(
            "{n} reports, {} planted duplicates, {threads} thread(s)",
            truth.duplicates.len()
        );
        for (t, p, s, f, c, [sign, insert, query]) in &rows {
            println!(
                "ours  threshold {t:.2} (b={} r={}): {s:.3} s (shingles and signatures {sign:.3} s, insert {insert:.3} s, query {query:.3} s), {:.0} reports/s, recall {:.4}, {c} candidate pairs",
                p.bands,
                p.rows,
                n as f64 / s,
                *f as f64 / d
            );
        }
        if let Some(p) = pipeline {
            println!(
                "pipeline: parse {:.2} s, features {:.2} s, candidates+verify {:.2} s ({} distinct, {} verified), near-duplicate recall {:.4}",
                p.parse_secs,
                p.feature_secs,
                p.lsh_secs,
                p.distinct,
                p.verified,
                p.found as f64 / d
            );
            println!(
                "exact all pairs, estimated from {} sampled pairs: {:.0} s → candidates+verify is {:.0}× faster",
                p.sample,
                p.exact_secs,
                p.exact_secs / p.lsh_secs.max(1e-9)
            );
        }
    }
}
