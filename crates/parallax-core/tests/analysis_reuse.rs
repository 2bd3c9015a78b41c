//! Incremental rebuilds equal full ones: the pairs reused from a memo plus those computed anew
//! are exactly the pairs of a full analysis of the new corpus, on both pairing paths (all pairs
//! and candidates), and a folder rebuilt through the build cache equals one loaded without it.

mod common;

use common::synth_folder;

use parallax_core::analysis::pairs::{mark_stock_quotes, ReportFeatures, Thresholds};
use parallax_core::analysis::reuse::relate_heads_up_to;
use parallax_core::corpus_dir::{load_dir, load_dir_cached};
use parallax_core::progress::NoProgress;
use parallax_core::{Report, SourceFile};
use proptest::prelude::*;

fn synthetic(n: usize, seed: u64) -> Vec<Report> {
    let synth = parallax_synth::generate(&parallax_synth::SynthConfig::new(n, seed));
    let files: Vec<SourceFile> = synth
        .files
        .iter()
        .map(|f| SourceFile::new(f.name.as_str(), f.text.as_bytes()))
        .collect();
    let options = parallax_core::ParseOptions::new("2025-06-30".parse().unwrap());
    parallax_core::ingest::parse_corpus(&files, &Default::default(), &options).reports
}

fn features(reports: &[Report]) -> Vec<ReportFeatures> {
    let mut f: Vec<ReportFeatures> = reports.iter().map(ReportFeatures::new).collect();
    mark_stock_quotes(&mut f, Thresholds::default().same_story_max_days);
    f
}

/// An edit of a corpus: which reports change, go, or come.
#[derive(Clone, Debug)]
enum Edit {
    /// Report `i` gets the body of report `j` with one sentence added (a near copy of j).
    CopyBody(usize, usize),
    /// Report `i` loses its last paragraph.
    Shorten(usize),
    Remove(usize),
    /// A report with the body and quotes of report `j` under a new id, inserted at `i`.
    Insert(usize, usize),
}

fn apply(reports: &[Report], edits: &[Edit]) -> Vec<Report> {
    let mut out = reports.to_vec();
    for (n, e) in edits.iter().enumerate() {
        let len = out.len();
        match *e {
            Edit::CopyBody(i, j) => {
                let (i, j) = (i % len, j % len);
                let mut paragraphs = out[j].paragraphs.clone();
                if let Some(p) = paragraphs.last_mut() {
                    p.text
                        .push_str(" The talks will resume next week, officials said.");
                }
                out[i].paragraphs = paragraphs;
                out[i].quotes = out[j].quotes.clone();
            }
            Edit::Shorten(i) => {
                let i = i % len;
                out[i].paragraphs.pop();
            }
            Edit::Remove(i) => {
                out.remove(i % len);
            }
            Edit::Insert(i, j) => {
                let mut r = out[j % len].clone();
                r.id = format!("inserted-{n}");
                out.insert(i % (len + 1), r);
            }
        }
    }
    out
}

/// Pairs with a memo of `before`, against pairs computed in full, for the corpus after `edits`.
fn check(before: &[Report], edits: &[Edit], exact_up_to: usize) -> usize {
    let t = Thresholds::default();
    let run = |features: &[ReportFeatures], memo| {
        relate_heads_up_to(features, &t, memo, &NoProgress, true, exact_up_to)
    };
    let memo = run(&features(before), None).memo.expect("a memo is kept");
    let after = features(&apply(before, edits));
    let full = run(&after, None);
    let reused = run(&after, Some(&memo));
    assert_eq!(reused.pairs, full.pairs, "edits {edits:?}");
    assert_eq!(
        reused.near_copy_groups, full.near_copy_groups,
        "edits {edits:?}"
    );
    assert_eq!(reused.memo, full.memo, "edits {edits:?}");
    reused.changed
}

/// `before` with `count` near copies of report `j` appended, each its body plus a sentence of
/// its own: a large group of near copies.
fn with_near_copies(before: &[Report], j: usize, count: usize) -> Vec<Report> {
    let mut out = before.to_vec();
    for k in 0..count {
        let mut r = before[j].clone();
        r.id = format!("near-copy-{k}");
        if let Some(p) = r.paragraphs.last_mut() {
            p.text.push_str(&format!(" Copy {k} ends here."));
        }
        out.push(r);
    }
    out
}

#[test]
fn changes_in_and_next_to_a_large_group_of_near_copies_equal_a_full_pairing() {
    let base = with_near_copies(&synthetic(60, 3), 5, 12);
    let n = base.len();
    for exact_up_to in [0, usize::MAX] {
        // A member edited, a member removed, a new near copy, a report far from the group.
        for edits in [
            vec![Edit::Shorten(n - 3)],
            vec![Edit::Remove(n - 1)],
            vec![Edit::Insert(20, n - 2)],
            vec![Edit::Shorten(30)],
        ] {
            check(&base, &edits, exact_up_to);
        }
    }
}

#[test]
fn a_few_changed_reports_are_compared_and_the_rest_reused_on_both_paths() {
    let before = synthetic(160, 7);
    let edits = [
        Edit::CopyBody(3, 40),
        Edit::Shorten(90),
        Edit::Insert(10, 41),
    ];
    for exact_up_to in [0, usize::MAX] {
        let changed = check(&before, &edits, exact_up_to);
        // The edited, shortened and inserted reports, and those whose stock marks moved.
        assert!(
            (3..=12).contains(&changed),
            "{changed} compared anew (exact up to {exact_up_to})"
        );
    }
    // No change: nothing compared anew.
    assert_eq!(check(&before, &[], 0), 0);
}

#[test]
fn a_removed_report_is_only_dropped() {
    let before = synthetic(120, 9);
    assert_eq!(check(&before, &[Edit::Remove(17)], 0), 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    #[test]
    fn reused_pairs_equal_a_full_pairing(
        seed in 0u64..1000,
        edits in proptest::collection::vec(
            prop_oneof![
                (0usize..200, 0usize..200).prop_map(|(i, j)| Edit::CopyBody(i, j)),
                (0usize..200).prop_map(Edit::Shorten),
                (0usize..200).prop_map(Edit::Remove),
                (0usize..200, 0usize..200).prop_map(|(i, j)| Edit::Insert(i, j)),
            ],
            0..6,
        ),
        exact in any::<bool>(),
    ) {
        let before = synthetic(90, seed);
        check(&before, &edits, if exact { usize::MAX } else { 0 });
    }
}

/// A folder built through the cache after each change equals the folder loaded without it.
#[test]
fn a_cached_rebuild_equals_a_full_build_after_each_kind_of_change() {
    let (dir, files) = synth_folder(60, 3);
    let cache = tempfile::tempdir().unwrap();
    let built = |expect_parsed: Option<usize>| {
        let cached = load_dir_cached(dir.path(), &NoProgress, Some(cache.path())).unwrap();
        assert_eq!(cached.corpus, load_dir(dir.path()).unwrap());
        assert_eq!(cached.cache_problem, None);
        if let Some(n) = expect_parsed {
            assert_eq!(cached.files_parsed, n);
        }
    };
    built(Some(files.len()));
    built(Some(0));
    // One file's text changes.
    let (name, text) = &files[5];
    std::fs::write(dir.path().join(name), text.replacen(" the ", " a ", 1)).unwrap();
    built(Some(1));
    // A file goes, another comes (a copy of a third under a new name).
    std::fs::remove_file(dir.path().join(&files[9].0)).unwrap();
    std::fs::write(dir.path().join("zz-new.txt"), &files[20].1).unwrap();
    built(Some(1));
    // The curator names one file's outlet: that file is parsed again.
    let meta = format!("[files.\"{}\"]\noutlet = \"Example Times\"\n", files[30].0);
    std::fs::write(dir.path().join("metadata.toml"), meta).unwrap();
    built(Some(1));
    // A new topic lexicon: every file is tagged again.
    let topics = "[[topic]]\nid = \"talks\"\nlabel = \"Talks\"\ndescription = \"Talks.\"\nphrases = [\"talks\"]\nentities = []\n";
    std::fs::write(dir.path().join("topics.toml"), topics).unwrap();
    built(Some(files.len()));
    // A cache of unreadable bytes is ignored and rewritten.
    for entry in std::fs::read_dir(cache.path()).unwrap() {
        std::fs::write(entry.unwrap().path(), b"not a cache").unwrap();
    }
    built(Some(files.len()));
    built(Some(0));
}

/// A cache folder that cannot be made (a file stands there) slows nothing down and changes
/// nothing: the corpus is built, and the problem is said.
#[test]
fn a_cache_that_cannot_be_written_is_reported_not_fatal() {
    let (dir, _) = synth_folder(6, 1);
    let blocker = tempfile::NamedTempFile::new().unwrap();
    let built = load_dir_cached(dir.path(), &NoProgress, Some(blocker.path())).unwrap();
    assert_eq!(built.corpus, load_dir(dir.path()).unwrap());
    let problem = built.cache_problem.expect("the problem is reported");
    assert!(
        problem.starts_with("cannot write the build cache"),
        "{problem}"
    );
}
