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

mod clock;
mod exact;
mod truth;

use clock::{usage, Clock};
use exact::exact_check;
use truth::{cross_check, expected_relation, read_truth, RelatedIndex};

use flate2::write::GzEncoder;
use flate2::Compression;
use parallax_core::corpus_dir;
use parallax_core::progress::Progress;
use serde_json::json;
use std::io::Write;
use std::path::Path;
use std::time::Instant;
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
