//! Candidate generation for large corpora, then exact verification.
//!
//! All pairs is quadratic: fine for hundreds of reports, hours for a hundred thousand. Exact
//! copies are first collapsed to one representative each ([`super::copies`]); above
//! [`EXACT_UP_TO`] representatives, [`relate_scaled`] then gathers candidate pairs and verifies each
//! with the same per-pair function as the exact path ([`relate`]), so every pair it returns is
//! the exact answer for that pair. What matters is that no related pair is missed. A pair is
//! related under [`classify`](super::pairs::classify) only when one of these holds, and each has
//! its own generator:
//!
//! | rule needs                                  | generator                           | recall |
//! |---------------------------------------------|-------------------------------------|--------|
//! | Jaccard J ≥ `near_duplicate_jaccard`        | MinHash, banded LSH ([`LshParams`]) | ≥ 99.5 % at the threshold, more above |
//! | containment C ≥ `near_duplicate_containment`| prefix filter over rare shingles    | exact  |
//! | a shared quote (every quote rule)           | inverted index over quote windows   | exact  |
//! | dates ≤ `same_story_max_days` apart, J ≥ `same_story_jaccard`, a shared person | blocks of (person, date) | exact |
//!
//! * **MinHash LSH**: 128 permutations; bands × rows chosen from the threshold as the most rows
//!   per band (fewest false candidates) that still miss a pair at the threshold with probability
//!   ≤ 0.5 %: P(miss | J) = (1 − J^r)^b. At J = 0.30 that is r = 2, b = 64 (miss 0.24 % at 0.30,
//!   under 10⁻⁷ at 0.45). A 0.7 threshold, common in dedup libraries, would miss reworded
//!   copies (J ≈ 0.4–0.55).
//! * **Prefix filter** (the AllPairs / PPJoin argument): order shingles rarest first. If C(A in
//!   B) ≥ t then |A ∩ B| ≥ ⌈t|A|⌉, so among A's first |A| − ⌈t|A|⌉ + 1 shingles at least one is
//!   in B. Probing those against an index of every report's shingles finds B for certain. Only
//!   shingles found in two reports or more, and in some probe prefix, are indexed; the rarest
//!   first order keeps the probes on shingles few reports carry.
//! * **Quotes**: two quotes are "the same" when they share a run of `QUOTE_MIN_RUN` words, or
//!   all of the shorter one; so they share a `QUOTE_MIN_RUN`-word window, or one is a 4–5-word
//!   quote that is a window of the other. Both are indexed.
//! * **Same day, same person**: reports naming a person, sorted by event date, paired within
//!   the day window.
//!
//! Before the full evidence is computed, a candidate is checked against the rules' necessary
//! conditions (exact Jaccard and containment from the sorted shingle lists, the quote index,
//! dates),
//! so LSH's false candidates cost one merge of two sorted lists each.
//!
//! Copies: N exact copies of a report are one representative here, so they cost one signature
//! and no candidate pair among themselves. Near copies that differ fall into the same bucket in
//! most bands; a bucket whose members another band already grouped emits nothing again, and the
//! candidate list is deduplicated as it grows ([`lsh_pairs`]), so it holds distinct pairs, not
//! one entry per band. A bucket of n near copies still gives n(n − 1)/2 candidates: the pairs it
//! relates.
//!
//! Cost: at a 0.30 threshold, r = 2 lets about 5 % of pairs with J ≈ 0.03 through. Reports
//! on one beat share that much boilerplate ("at a press briefing on"), so on such text LSH
//! candidates grow with the square of the corpus (synthetic corpus: 0.16 M distinct candidates
//! at 3 k reports, 1.9 M at 10 k; still about 60× less work than all pairs at 10 k). The
//! prefix filter does not have this problem (rarest-first probes); running it at
//! min(Jaccard, containment) thresholds would make rule 1 exact too and is the next step for
//! 100 k reports.
//!
//! The returned evidence holds every pair related under `thresholds` (up to the LSH recall
//! above) and those candidates that turned out unrelated; it is complete for any stricter
//! thresholds, which is what the page's live threshold needs when it only tightens them.

use super::pairs::{
    relate, relate_all_features, ReportFeatures, Thresholds, QUOTE_MIN_RUN, QUOTE_MIN_WORDS,
};
use super::text;
use crate::model::{Pair, Report};
use std::collections::{HashMap, HashSet};

mod indexes;
mod minhash;

pub use indexes::{containment_pairs, person_date_pairs, quote_pairs};
pub use minhash::{estimate_jaccard, lsh_pairs, LshIndex, LshParams, MinHasher};

/// Up to this many reports, [`relate_scaled`] compares all pairs (exact and fast enough).
pub const EXACT_UP_TO: usize = 2000;
/// MinHash permutations, as datasketch's default.
pub const NUM_PERM: usize = 128;
/// Largest miss probability accepted at the Jaccard threshold when choosing bands and rows.
pub const MAX_MISS_AT_THRESHOLD: f64 = 0.005;

fn pair_key(a: u32, b: u32) -> u64 {
    let (i, j) = if a < b { (a, b) } else { (b, a) };
    (u64::from(i) << 32) | u64::from(j)
}

/// Could the pair be related under `t`? A necessary condition of every rule of `classify`,
/// from cheap exact figures: only pairs passing it get the full evidence. `shares_quote` says
/// whether the quote index paired them (exactly the pairs that share a quote).
fn may_be_related(
    a: &ReportFeatures,
    b: &ReportFeatures,
    shares_quote: bool,
    t: &Thresholds,
) -> bool {
    if shares_quote {
        return true;
    }
    let shared = text::intersection_size(&a.shingles, &b.shingles);
    let union = a.shingles.len() + b.shingles.len() - shared;
    let j = if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    };
    let c = |n: usize| {
        if n == 0 {
            0.0
        } else {
            shared as f32 / n as f32
        }
    };
    if j >= t.near_duplicate_jaccard
        || c(a.shingles.len()).max(c(b.shingles.len())) >= t.near_duplicate_containment
    {
        return true;
    }
    let dates_agree = matches!((a.event_date, b.event_date), (Some(x), Some(y)) if (x - y).num_days().abs() <= t.same_story_max_days);
    dates_agree && j >= t.same_story_jaccard
}

/// How many candidates each generator gave, and how many pairs were verified: for benchmarks
/// and the recall example.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CandidateStats {
    pub lsh: usize,
    pub containment: usize,
    pub quotes: usize,
    pub person_date: usize,
    /// Distinct candidate pairs.
    pub distinct: usize,
    /// Pairs that passed the cheap necessary condition and got the full evidence.
    pub verified: usize,
}

/// Candidate pairs (i < j, as `i << 32 | j`, sorted, distinct) for `thresholds`, and the
/// subset that shares a quote (sorted).
pub fn candidate_pairs(
    features: &[ReportFeatures],
    thresholds: &Thresholds,
    stats: &mut CandidateStats,
) -> (Vec<u64>, Vec<u64>) {
    let mut all: Vec<u64> = Vec::new();
    let hasher = MinHasher::new(NUM_PERM, 0x5eed_1a55);
    let signatures: Vec<Vec<u32>> = crate::par::map(features, |f| hasher.signature(&f.shingles));
    lsh_pairs(
        &signatures,
        LshParams::for_threshold(thresholds.near_duplicate_jaccard, NUM_PERM),
        &mut all,
    );
    stats.lsh = all.len();
    let shingles: Vec<&[u64]> = features.iter().map(|f| f.shingles.as_slice()).collect();
    containment_pairs(&shingles, thresholds.near_duplicate_containment, &mut all);
    stats.containment = all.len() - stats.lsh;
    let mut quoted = Vec::new();
    quote_pairs(features, &mut quoted);
    quoted.sort_unstable();
    quoted.dedup();
    stats.quotes = quoted.len();
    all.extend_from_slice(&quoted);
    let before = all.len();
    person_date_pairs(features, thresholds.same_story_max_days, &mut all);
    stats.person_date = all.len() - before;
    all.sort_unstable();
    all.dedup();
    stats.distinct = all.len();
    (all, quoted)
}

/// Candidate generation plus exact verification (see the module docs), in corpus order of
/// (a, b). Thresholds at or below zero make every pair a candidate, so they go to all pairs.
pub fn relate_candidates(features: &[ReportFeatures], thresholds: &Thresholds) -> Vec<Pair> {
    relate_candidates_with_stats(features, thresholds).0
}

/// [`relate_candidates`] and its candidate counts.
pub fn relate_candidates_with_stats(
    features: &[ReportFeatures],
    thresholds: &Thresholds,
) -> (Vec<Pair>, CandidateStats) {
    relate_candidates_marked(features, thresholds, &crate::progress::NoProgress)
}

/// [`relate_candidates_with_stats`], with the stages "candidates" and "verification" (advanced
/// per candidate pair verified).
pub(crate) fn relate_candidates_marked(
    features: &[ReportFeatures],
    thresholds: &Thresholds,
    progress: &dyn crate::progress::Progress,
) -> (Vec<Pair>, CandidateStats) {
    progress.stage("candidates", None);
    let t = thresholds;
    let mut stats = CandidateStats::default();
    if t.near_duplicate_jaccard <= 0.0
        || t.near_duplicate_containment <= 0.0
        || t.same_story_jaccard <= 0.0
    {
        let pairs = relate_all_features(features, t);
        stats.verified = pairs.len();
        return (pairs, stats);
    }
    let (candidates, quoted) = candidate_pairs(features, t, &mut stats);
    progress.stage("verification", Some(candidates.len() as u64));
    // Each candidate is checked on its own (on all cores with the `parallel` feature), in order.
    let pairs = crate::par::filter_map_counted(&candidates, progress, |&key| {
        let (a, b) = (
            &features[(key >> 32) as usize],
            &features[(key & 0xffff_ffff) as usize],
        );
        may_be_related(a, b, quoted.binary_search(&key).is_ok(), t).then(|| relate(a, b, t))
    });
    stats.verified = pairs.len();
    (pairs, stats)
}

/// The entry point for any corpus size: exact copies collapse to one representative per class
/// ([`super::copies`]), then exact all pairs up to [`EXACT_UP_TO`] representatives, candidates
/// and verification above. The pairs come back as the analysis stores them: one copy group of N
/// reports costs N − 1 pairs, not N², and its comparisons are made once.
pub fn relate_scaled(reports: &[Report], thresholds: &Thresholds) -> super::copies::Related {
    relate_scaled_marked(reports, thresholds, &crate::progress::NoProgress)
}

/// [`relate_scaled`], with the stages "features" (advanced per report), "stock quotes", "copies"
/// (exact copies collapsed), then "all pairs" or "candidates" and "verification", then "pairs"
/// (copy groups' pairs laid out; see [`super::analyze_marked`]).
pub fn relate_scaled_marked(
    reports: &[Report],
    thresholds: &Thresholds,
    progress: &dyn crate::progress::Progress,
) -> super::copies::Related {
    progress.stage("features", Some(reports.len() as u64));
    let mut features: Vec<ReportFeatures> =
        crate::par::map_counted(reports, progress, ReportFeatures::new);
    progress.stage("stock quotes", None);
    super::pairs::mark_stock_quotes(&mut features, thresholds.same_story_max_days);
    progress.stage("copies", None);
    super::copies::relate_collapsed(features, thresholds, |heads, t| {
        let pairs = if heads.len() <= EXACT_UP_TO {
            progress.stage("all pairs", None);
            relate_all_features(heads, t)
        } else {
            relate_candidates_marked(heads, t, progress).0
        };
        progress.stage("pairs", None);
        pairs
    })
}

#[cfg(test)]
mod tests;
