//! Measurements for `make bench-scale` (`.ci/bench-scale`), one corpus per process so that the
//! peak RSS is this corpus's own. Not a test: it reports numbers and never fails on them (only
//! when its own reading of the pairs disagrees with the core's `CopyIndex`, see below).
//!
//! `scale_table DIR` loads the parallax-synth folder DIR as `parallax inspect` does
//! (`corpus_dir::load_dir_marked`), then serialises the corpus with postcard as the build step
//! does, and prints one JSON object: per stage its wall time, CPU time (user + system, all
//! threads) and the process's peak RSS so far (getrusage `ru_maxrss`) at the stage's end; then
//! the reports, the related pairs kept (stored, and implied once copy groups are expanded), the
//! copy groups, the recall of the relations planted in `truth.json`, and the output size (postcard
//! bytes, and their gzip size). Ground truth is read after the measured stages, so it adds nothing
//! to their peak RSS. A planted pair counts as related when a stored pair stands for it (through
//! copy groups, as `CopyIndex::pair_between` finds it); that reading is checked against
//! `pair_between` on some planted pairs, and the expanded pair count against
//! `CopyIndex::pairs_of`.
//!
//! `scale_table DIR --exact-check N` parses the first N reports of DIR, computes their features
//! once (with stock quotes marked, as the analysis does), relates them by exact all pairs and by
//! candidates + verification (the path taken above `lsh::EXACT_UP_TO` reports), and prints one
//! JSON object comparing the related pairs of the two.
//!
//! This lives in the CLI crate, not the core, so that it is built with the core's features as
//! the CLI uses them (`sidecar`, `parallel`): the core's own dev-dependencies turn on
//! `work-count`, which keeps all work on one thread.

use flate2::write::GzEncoder;
use flate2::Compression;
use parallax_core::analysis::copies::CopyIndex;
use parallax_core::analysis::lsh::relate_candidates_with_stats;
use parallax_core::analysis::pairs::{
    mark_stock_quotes, relate_all_features, ReportFeatures, Thresholds,
};
use parallax_core::corpus_dir;
use parallax_core::model::{Corpus, Pair, Relation};
use parallax_core::progress::Progress;
use serde::Deserialize;
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// CPU seconds (user + system, every thread of the process) and peak RSS in bytes so far.
fn usage() -> (f64, u64) {
    // SAFETY: getrusage only writes the struct it is given.
    let ru = unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut ru);
        ru
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    // Linux reports kilobytes, macOS bytes.
    let unit = if cfg!(target_os = "macos") { 1 } else { 1024 };
    (
        secs(ru.ru_utime) + secs(ru.ru_stime),
        ru.ru_maxrss as u64 * unit,
    )
}

/// Times each stage the core reports (a stage ends when the next begins), with CPU and the
/// peak RSS so far at its end.
struct Clock {
    start: Instant,
    start_cpu: f64,
    inner: std::sync::Mutex<ClockState>,
}

struct ClockState {
    last_wall: f64,
    last_cpu: f64,
    current: Option<&'static str>,
    stages: Vec<serde_json::Value>,
}

impl Clock {
    fn new() -> Clock {
        let cpu = usage().0;
        Clock {
            start: Instant::now(),
            start_cpu: cpu,
            inner: std::sync::Mutex::new(ClockState {
                last_wall: 0.0,
                last_cpu: cpu,
                current: None,
                stages: Vec::new(),
            }),
        }
    }

    /// Ends the current stage; `next` begins.
    fn switch(&self, next: Option<&'static str>) {
        let wall = self.start.elapsed().as_secs_f64();
        let (cpu, peak_rss) = usage();
        let mut state = self.inner.lock().expect("the clock is not poisoned");
        if let Some(stage) = state.current {
            let entry = json!({
                "stage": stage,
                "wall_s": wall - state.last_wall,
                "cpu_s": cpu - state.last_cpu,
                "peak_rss_bytes": peak_rss,
            });
            state.stages.push(entry);
        }
        state.last_wall = wall;
        state.last_cpu = cpu;
        state.current = next;
    }

    fn stages(&self) -> Vec<serde_json::Value> {
        self.switch(None);
        std::mem::take(&mut self.inner.lock().expect("the clock is not poisoned").stages)
    }
}

impl Progress for Clock {
    fn stage(&self, name: &'static str, _: Option<u64>) {
        self.switch(Some(name));
    }
    fn advance(&self, _: u64) {}
}

#[derive(Deserialize)]
struct Truth {
    relations: Vec<TruthRelation>,
}

#[derive(Deserialize)]
struct TruthRelation {
    a: String,
    b: String,
    expected: String,
}

fn read_truth(dir: &Path) -> Result<Truth, String> {
    let path = dir.join("truth.json");
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))
}

fn expected_relation(name: &str) -> Option<Relation> {
    match name {
        "near_duplicate" => Some(Relation::NearDuplicate),
        "same_story" => Some(Relation::SameStory),
        "shares_quote" => Some(Relation::SharesQuote),
        _ => None,
    }
}

/// The related pairs of a corpus, copy groups included: the relation of any two reports, and how
/// many related pairs the stored ones stand for.
struct RelatedIndex {
    /// Each report's unit: its copy group's first member, or itself.
    unit: Vec<u32>,
    /// (unit of a, unit of b) of each stored related pair, a before b, and its relation: the
    /// first stored pair for those units, as `CopyIndex::pair_between` finds it.
    relation: HashMap<(u32, u32), Relation>,
    position: HashMap<String, u32>,
}

impl RelatedIndex {
    fn new(corpus: &Corpus) -> RelatedIndex {
        let mut unit: Vec<u32> = (0..corpus.reports.len() as u32).collect();
        for group in &corpus.copy_groups {
            for &m in group {
                unit[m as usize] = group[0];
            }
        }
        let position: HashMap<String, u32> = corpus
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i as u32))
            .collect();
        let mut relation = HashMap::new();
        for p in &corpus.pairs {
            let (Some(&a), Some(&b)) = (position.get(&p.a), position.get(&p.b)) else {
                continue;
            };
            relation
                .entry((unit[a as usize], unit[b as usize]))
                .or_insert(p.relation);
        }
        RelatedIndex {
            unit,
            relation,
            position,
        }
    }

    /// The relation the analysis gives reports `a` and `b` (ids); `None` when it relates them
    /// not at all (or an id is not a report).
    fn between(&self, a: &str, b: &str) -> Option<Relation> {
        let (&i, &j) = (self.position.get(a)?, self.position.get(b)?);
        let (i, j) = (i.min(j), i.max(j));
        if i == j {
            return None;
        }
        self.relation
            .get(&(self.unit[i as usize], self.unit[j as usize]))
            .copied()
    }

    /// Related report pairs once copy groups are expanded.
    fn implied_pairs(&self, groups: &[Vec<u32>]) -> u64 {
        let members: HashMap<u32, &[u32]> = groups.iter().map(|g| (g[0], &g[..])).collect();
        let of = |u: u32| members.get(&u).map_or_else(|| vec![u], |m| m.to_vec());
        let mut total = 0u64;
        for &(u, v) in self.relation.keys() {
            let (mu, mv) = (of(u), of(v));
            total += if u == v {
                let n = mu.len() as u64;
                n * (n - 1) / 2
            } else {
                mu.iter()
                    .map(|&x| (mv.len() - mv.partition_point(|&y| y <= x)) as u64)
                    .sum()
            };
        }
        total
    }
}

/// [`RelatedIndex::between`] against the core's own `CopyIndex::pair_between` (which scans all
/// pairs per call) on the planted relations naming a copy-group member and the first few others,
/// as many as about 50 million pair visits allow: the count checked.
fn cross_check(corpus: &Corpus, related: &RelatedIndex, truth: &Truth) -> Result<usize, String> {
    let index = CopyIndex::new(corpus.reports.len(), &corpus.copy_groups);
    let position = |id: &str| related.position.get(id).copied();
    let in_group = |id: &str| position(id).is_some_and(|i| index.group(i).is_some());
    let (grouped, others): (Vec<&TruthRelation>, Vec<&TruthRelation>) = truth
        .relations
        .iter()
        .partition(|r| in_group(&r.a) || in_group(&r.b));
    let budget = 50_000_000 / corpus.pairs.len().max(1);
    let chosen: Vec<&TruthRelation> = grouped
        .into_iter()
        .chain(others.into_iter().take(300))
        .take(budget)
        .collect();
    let ids = |i: u32| corpus.reports[i as usize].id.clone();
    for r in &chosen {
        let (Some(i), Some(j)) = (position(&r.a), position(&r.b)) else {
            continue;
        };
        let core = index
            .pair_between(i, j, &corpus.pairs, &position, &ids)
            .map(|p| p.relation);
        let ours = related.between(&r.a, &r.b);
        if core != ours {
            return Err(format!(
                "{} {}: pair_between says {core:?}, the index {ours:?}",
                r.a, r.b
            ));
        }
    }
    // The implied count against the core's own expansion of every report's pairs.
    let mut by_report: Vec<Vec<u32>> = vec![Vec::new(); corpus.reports.len()];
    for (k, p) in corpus.pairs.iter().enumerate() {
        for id in [&p.a, &p.b] {
            if let Some(i) = position(id) {
                by_report[i as usize].push(k as u32);
            }
        }
    }
    let expanded: usize = (0..corpus.reports.len() as u32)
        .map(|i| {
            index
                .pairs_of(i, &corpus.pairs, &by_report, &position, &ids)
                .len()
        })
        .sum();
    let implied = related.implied_pairs(&corpus.copy_groups);
    if expanded as u64 != 2 * implied {
        return Err(format!(
            "CopyIndex::pairs_of expands to {} pairs, the index counts {implied}",
            expanded / 2
        ));
    }
    Ok(chosen.len())
}

/// Bytes written, nothing kept.
struct Count(u64);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn measure(dir: &Path) -> Result<serde_json::Value, String> {
    let clock = Clock::new();
    let corpus = corpus_dir::load_dir_marked(dir, &clock).map_err(|errors| {
        let first = errors.first().map_or(String::new(), |d| {
            format!(": {} line {}: {}", d.file, d.line, d.message)
        });
        format!("{} errors{first}", errors.len())
    })?;
    clock.stage("postcard", None);
    let bytes = postcard::to_allocvec(&corpus).map_err(|e| e.to_string())?;
    let stages = clock.stages();
    let total_wall = clock.start.elapsed().as_secs_f64();
    let (cpu, peak_rss) = usage();
    let t = Instant::now();
    let mut gz = GzEncoder::new(Count(0), Compression::default());
    gz.write_all(&bytes).map_err(|e| e.to_string())?;
    let gzip_bytes = gz.finish().map_err(|e| e.to_string())?.0;
    let gzip_s = t.elapsed().as_secs_f64();
    let postcard_bytes = bytes.len();
    drop(bytes);

    let related = RelatedIndex::new(&corpus);
    let truth = read_truth(dir)?;
    let mut recall = serde_json::Map::new();
    let mut unmatched = 0usize;
    for kind in ["near_duplicate", "same_story", "shares_quote"] {
        let want = expected_relation(kind);
        let (mut planted, mut related_at_all, mut as_planted) = (0usize, 0usize, 0usize);
        for r in truth.relations.iter().filter(|r| r.expected == kind) {
            planted += 1;
            if !related.position.contains_key(&r.a) || !related.position.contains_key(&r.b) {
                unmatched += 1;
            }
            if let Some(found) = related.between(&r.a, &r.b) {
                related_at_all += 1;
                as_planted += usize::from(Some(found) == want);
            }
        }
        recall.insert(
            kind.to_string(),
            json!({"planted": planted, "related": related_at_all, "as_planted": as_planted}),
        );
    }
    let checked = cross_check(&corpus, &related, &truth)?;
    Ok(json!({
        "dir": dir.display().to_string(),
        "reports": corpus.reports.len(),
        "stages": stages,
        "total": {"wall_s": total_wall, "cpu_s": cpu - clock.start_cpu, "peak_rss_bytes": peak_rss},
        "related_pairs_stored": corpus.pairs.len(),
        "related_pairs_implied": related.implied_pairs(&corpus.copy_groups),
        "copy_groups": corpus.copy_groups.len(),
        "copy_group_reports": corpus.copy_groups.iter().map(Vec::len).sum::<usize>(),
        "largest_copy_group": corpus.copy_groups.iter().map(Vec::len).max().unwrap_or(0),
        "recall": recall,
        "truth_ids_not_in_corpus": unmatched,
        "checked_with_pair_between": checked,
        "postcard_bytes": postcard_bytes,
        "gzip_bytes": gzip_bytes,
        "gzip_s": gzip_s,
    }))
}

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
fn exact_check(dir: &Path, limit: usize) -> Result<serde_json::Value, String> {
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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage_line = "usage: scale_table DIR [--exact-check N]   (DIR written by parallax-synth)";
    let (dir, check) = match &args[..] {
        [dir] => (dir, None),
        [dir, flag, n] if flag == "--exact-check" => match n.parse::<usize>() {
            Ok(n) if n > 0 => (dir, Some(n)),
            _ => {
                eprintln!("{usage_line}");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!("{usage_line}");
            std::process::exit(2);
        }
    };
    let dir = Path::new(dir);
    let result = match check {
        None => measure(dir),
        Some(n) => exact_check(dir, n),
    };
    match result {
        Ok(v) => println!("{v}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
