//! The comparison of a reader's files split into shares (`analysis::reuse::shares`), as the
//! page's worker splits it between helper workers: joined, the shares give exactly the site of
//! one analysis of the same files, with large groups of near copies too; shares that are not all
//! of one comparison are refused.

mod common;

use parallax_core::analysis::copies::INLINE_UP_TO;
use parallax_core::analysis::pairs::ReportFeatures;
use parallax_core::analysis::reuse::shares::{
    join_shares, prepare, relate_share, Share, SharedPairs,
};
use parallax_core::analysis::{analyze_reusing, Reuse, Thresholds};
use parallax_core::corpus_dir::{analyse_files, build_from_files, read_files};
use parallax_core::local_files::{LocalFile, LocalJob};
use parallax_core::progress::NoProgress;
use parallax_core::Corpus;

fn job(files: &[parallax_core::SourceFile]) -> LocalJob {
    LocalJob {
        files: files
            .iter()
            .map(|f| LocalFile {
                name: f.name.clone(),
                bytes: f.bytes.clone(),
            })
            .collect(),
        published_topics: Vec::new(),
        today: common::options().today,
        unreadable: Vec::new(),
    }
}

/// Each share as a helper worker computes it: from the representatives, carried in postcard.
fn shares(job: &LocalJob, of: u32) -> Vec<SharedPairs> {
    let read = read_files(job.clone(), &NoProgress).expect("the files load");
    let t = Thresholds::default();
    let heads = prepare(read.reports(), &t, &NoProgress)
        .heads
        .expect("a few hundred reports are compared pair by pair");
    let bytes = postcard::to_allocvec(&heads).unwrap();
    (0..of)
        .map(|index| {
            let heads: Vec<ReportFeatures> = postcard::from_bytes(&bytes).unwrap();
            relate_share(&heads, &t, Share { index, of }, &NoProgress)
        })
        .collect()
}

#[test]
fn joined_shares_give_the_site_of_one_analysis() {
    // A large group of near copies: its pairs are dropped by each share on what that share saw.
    let files = common::corpus_with_near_copies(3 * INLINE_UP_TO);
    let job = job(&files);
    let t = Thresholds::default();
    let whole = build_from_files(job.clone(), &NoProgress).expect("the files load");
    // The memo one analysis keeps for a rebuild: the shares, joined, are that memo.
    let read = read_files(job.clone(), &NoProgress).expect("the files load");
    let mut corpus = Corpus {
        reports: read.reports().to_vec(),
        ..Corpus::default()
    };
    let keep = Reuse {
        keep: true,
        ..Reuse::default()
    };
    let (carry, _) = analyze_reusing(&mut corpus, &[], &NoProgress, keep);
    let full_memo = carry.pairs.expect("a kept memo");
    for of in [1, 2, 3, 5] {
        let mut parts = shares(&job, of);
        // Shares arrive in any order.
        parts.reverse();
        let pairs: usize = parts.iter().map(|p| p.pairs.len()).sum();
        assert!(pairs > 0, "{of} shares found pairs");
        let memo = join_shares(parts, &t).expect("all shares of one job");
        assert!(memo == full_memo, "{of} shares give another memo");
        let read = read_files(job.clone(), &NoProgress).expect("the files load");
        let carry = prepare(read.reports(), &t, &NoProgress).carry(read.reports(), Some(memo));
        // Nothing is computed twice: the features and the pairs are all reused.
        let mut corpus = Corpus {
            reports: read.reports().to_vec(),
            ..Corpus::default()
        };
        let reuse = Reuse {
            carry: carry.clone(),
            ..Reuse::default()
        };
        let (_, reused) = analyze_reusing(&mut corpus, &[], &NoProgress, reuse);
        assert_eq!((reused.features_computed, reused.pairs_recomputed), (0, 0));
        let joined = analyse_files(read, carry, &NoProgress).expect("the files load");
        assert!(joined == whole, "{of} shares give another site");
    }
}

#[test]
fn shares_split_the_rows_between_them() {
    for (heads, of) in [(0, 2), (5, 2), (100, 3), (1000, 4)] {
        let mut all: Vec<u32> = (0..of)
            .flat_map(|index| Share { index, of }.rows(heads))
            .collect();
        all.sort_unstable();
        assert_eq!(
            all,
            (0..heads as u32).collect::<Vec<_>>(),
            "{heads} rows, {of} shares"
        );
    }
    // About evenly by pairs: a row has one partner per later row.
    let pairs = |index| -> usize {
        Share { index, of: 2 }
            .rows(1000)
            .iter()
            .map(|&i| 999 - i as usize)
            .sum()
    };
    let (a, b) = (pairs(0), pairs(1));
    assert!(a.abs_diff(b) * 50 < a + b, "{a} and {b} pairs");
}

#[test]
fn shares_that_are_not_all_of_one_comparison_are_refused() {
    let files = common::synth_files(40, 3);
    let job_a = job(&files);
    let t = Thresholds::default();
    let parts = shares(&job_a, 3);
    assert!(
        join_shares(parts[..2].to_vec(), &t).is_none(),
        "a share missing"
    );
    let mut twice = parts.clone();
    twice[2] = parts[1].clone();
    assert!(join_shares(twice, &t).is_none(), "a share twice");
    let other = job(&common::synth_files(41, 3));
    let mut mixed = parts.clone();
    mixed[0] = shares(&other, 3).swap_remove(0);
    assert!(join_shares(mixed, &t).is_none(), "a share of other files");
    assert!(join_shares(Vec::new(), &t).is_none(), "no share");
    assert!(join_shares(parts, &t).is_some());
}
