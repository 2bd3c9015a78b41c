//! `--exact-check N`: exact all pairs against candidates + verification on the same features.

use parallax_core::analysis::lsh::relate_candidates_with_stats;
use parallax_core::analysis::pairs::{
    mark_stock_quotes, relate_all_features, ReportFeatures, Thresholds,
};
use parallax_core::corpus_dir;
use parallax_core::model::{Pair, Relation};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

/// Reads the `*.txt` files of `dir` in name order, as `corpus_dir::load_dir` does (no checks:
/// the folder is parallax-synth's), with its metadata.toml.
fn read_sources(
    dir: &Path,
) -> Result<
    (
        Vec<parallax_core::SourceFile>,
        parallax_core::metadata::Metadata,
    ),
    String,
> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let is_txt = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if is_txt && !name.starts_with('.') {
            files.push(parallax_core::SourceFile {
                name: name.to_string(),
                bytes: std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?,
            });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let meta_path = dir.join(corpus_dir::METADATA_FILE);
    let metadata = match std::fs::read_to_string(&meta_path) {
        Ok(text) => {
            let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
            parallax_core::metadata::parse_toml(&text, corpus_dir::METADATA_FILE, &names).0
        }
        Err(_) => Default::default(),
    };
    Ok((files, metadata))
}

/// Exact all pairs against candidates + verification on the same features of the first
/// `limit` reports of `dir`.
pub(crate) fn exact_check(dir: &Path, limit: usize) -> Result<serde_json::Value, String> {
    let (files, metadata) = read_sources(dir)?;
    let today = parallax_core::ParseOptions::at(std::time::SystemTime::now());
    let mut reports = parallax_core::ingest::parse_corpus(&files, &metadata, &today).reports;
    reports.truncate(limit);
    let thresholds = Thresholds::default();
    let mut features: Vec<ReportFeatures> = reports.iter().map(ReportFeatures::new).collect();
    mark_stock_quotes(&mut features, thresholds.same_story_max_days);
    let related = |pairs: Vec<Pair>| -> HashMap<(String, String), Relation> {
        pairs
            .into_iter()
            .filter(|p| p.relation != Relation::Unrelated)
            .map(|p| ((p.a, p.b), p.relation))
            .collect()
    };
    let t = Instant::now();
    let exact = related(relate_all_features(&features, &thresholds));
    let exact_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let (pairs, stats) = relate_candidates_with_stats(&features, &thresholds);
    let candidates_s = t.elapsed().as_secs_f64();
    let found = related(pairs);
    let missed: Vec<&(String, String)> = exact.keys().filter(|k| !found.contains_key(k)).collect();
    let extra: Vec<&(String, String)> = found.keys().filter(|k| !exact.contains_key(k)).collect();
    let other_kind = exact
        .iter()
        .filter(|(k, r)| found.get(*k).is_some_and(|f| f != *r))
        .count();
    let by_kind = |pairs: &HashMap<(String, String), Relation>| {
        let kinds: HashSet<Relation> = pairs.values().copied().collect();
        let mut out = serde_json::Map::new();
        for kind in kinds {
            let n = pairs.values().filter(|&&r| r == kind).count();
            out.insert(kind.label().to_string(), json!(n));
        }
        out
    };
    let sample = |keys: &[&(String, String)]| -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|(a, b)| format!("{a} {b}")).collect();
        keys.sort();
        keys.truncate(5);
        keys
    };
    Ok(json!({
        "dir": dir.display().to_string(),
        "reports": reports.len(),
        "exact_related": exact.len(),
        "exact_by_kind": by_kind(&exact),
        "exact_s": exact_s,
        "candidates_related": found.len(),
        "candidates_s": candidates_s,
        "distinct_candidates": stats.distinct,
        "verified": stats.verified,
        "missed": missed.len(),
        "missed_examples": sample(&missed),
        "extra": extra.len(),
        "extra_examples": sample(&extra),
        "other_relation": other_kind,
    }))
}
