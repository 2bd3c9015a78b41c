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
//! **One report at a time** ([`CandidateIndex`]): the generators are indexes built once; each
//! report then lists its partners after it, which are checked and dropped before the next
//! report, on all cores. Memory holds the indexes and the pairs kept, never the corpus's
//! candidate list (hundreds of millions of pairs at 100,000 reports of one beat).
//!
//! **Checking a candidate** costs one pass over the partner's shingles: the report's shingles
//! are bits of an 8 KB table ([`verify`]), and the count of the partner's shingles found there
//! bounds their overlap from above. Only pairs whose bound can meet a rule get the exact
//! overlap (a merge of the two sorted lists), and only those meeting a rule get the full
//! evidence. At a 0.30 threshold LSH lets about 5 % of pairs with J ≈ 0.03 through, and reports
//! on one beat share that much boilerplate ("at a press briefing on"), so candidates still grow
//! with the square of such a corpus (synthetic corpus: 1.6 M distinct at 10 k reports, 14.7 M at
//! 30 k); the table makes each one cheap.
//!
//! Copies: N exact copies of a report are one representative here, so they cost one signature
//! and no candidate pair among themselves. Near copies share most bands: each report lists a
//! partner once however many bands they share.
//!
//! The returned evidence holds every pair related under `thresholds` (up to the LSH recall
//! above) and those candidates that turned out unrelated; it is complete for any stricter
//! thresholds, which is what the page's live threshold needs when it only tightens them.

use super::near_copies::{verify_rows, Collapsed, EveryPair, RowFilter};
use super::pairs::{
    relate, relate_all_features, ReportFeatures, Thresholds, QUOTE_MIN_RUN, QUOTE_MIN_WORDS,
};
use crate::model::{Pair, Report};
use std::collections::HashSet;

mod indexes;
mod minhash;
mod rows;
mod verify;

pub use indexes::{same_person_near, PersonDateIndex, QuoteIndex};
pub use minhash::{estimate_jaccard, LshIndex, LshParams, MinHasher};
pub use rows::{BandIndex, CandidateIndex, Partners, PrefixIndex, RowCounts};
pub(crate) use verify::{passes, Rules, ShingleBits};

/// Up to this many reports, [`relate_scaled`] compares all pairs (exact and fast enough).
pub const EXACT_UP_TO: usize = 2000;
/// The seed of the MinHash functions: signatures are reproducible across builds.
pub const SIGNATURE_SEED: u64 = 0x5eed_1a55;
/// MinHash permutations, as datasketch's default.
pub const NUM_PERM: usize = 128;
/// Largest miss probability accepted at the Jaccard threshold when choosing bands and rows.
pub const MAX_MISS_AT_THRESHOLD: f64 = 0.005;

#[cfg(test)]
pub(crate) fn pair_key(a: u32, b: u32) -> u64 {
    let (i, j) = if a < b { (a, b) } else { (b, a) };
    (u64::from(i) << 32) | u64::from(j)
}

/// How many candidates each generator gave (summed over reports, before a report's partners are
/// deduplicated), how many distinct pairs that made, and how many pairs were verified: for
/// benchmarks and the recall example.
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

/// The candidate indexes for `thresholds`: MinHash LSH bands, the containment prefix filter,
/// and the sorted lists of pairs sharing a quote or a person on nearby dates.
pub fn candidate_index(features: &[ReportFeatures], thresholds: &Thresholds) -> CandidateIndex {
    let hasher = MinHasher::new(NUM_PERM, SIGNATURE_SEED);
    let signatures: Vec<Vec<u32>> = crate::par::map(features, |f| hasher.signature(&f.shingles));
    candidate_index_signed(features, thresholds, &signatures)
}

/// [`candidate_index`] from the reports' MinHash signatures (seed [`SIGNATURE_SEED`]).
pub fn candidate_index_signed(
    features: &[ReportFeatures],
    thresholds: &Thresholds,
    signatures: &[Vec<u32>],
) -> CandidateIndex {
    let bands = BandIndex::new(
        signatures,
        LshParams::for_threshold(thresholds.near_duplicate_jaccard, NUM_PERM),
    );
    let shingles: Vec<&[u64]> = features.iter().map(|f| f.shingles.as_slice()).collect();
    let prefix = PrefixIndex::new(&shingles, thresholds.near_duplicate_containment);
    CandidateIndex {
        bands,
        prefix,
        quotes: QuoteIndex::new(features),
        people: PersonDateIndex::new(features, thresholds.same_story_max_days),
    }
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

/// [`relate_candidates_with_stats`], with the stages "candidates" (the indexes built) and
/// "verification" (every report's partners listed and verified, one report at a time; advanced
/// per report).
pub(crate) fn relate_candidates_marked(
    features: &[ReportFeatures],
    thresholds: &Thresholds,
    progress: &dyn crate::progress::Progress,
) -> (Vec<Pair>, CandidateStats) {
    let (pairs, stats, _) = relate_candidates_signed(features, thresholds, progress);
    (pairs, stats)
}

/// Whether `t` makes every pair a candidate (a threshold at or below zero): all pairs, then.
pub fn needs_all_pairs(t: &Thresholds) -> bool {
    t.near_duplicate_jaccard <= 0.0
        || t.near_duplicate_containment <= 0.0
        || t.same_story_jaccard <= 0.0
}

/// [`relate_candidates_marked`], also giving the reports' MinHash signatures (kept for an
/// incremental rebuild, [`super::reuse`]; empty when all pairs were compared).
pub(crate) fn relate_candidates_signed(
    features: &[ReportFeatures],
    thresholds: &Thresholds,
    progress: &dyn crate::progress::Progress,
) -> (Vec<Pair>, CandidateStats, Vec<Vec<u32>>) {
    progress.stage("candidates", None);
    let t = thresholds;
    let mut stats = CandidateStats::default();
    if needs_all_pairs(t) {
        let pairs = relate_all_features(features, t);
        stats.verified = pairs.len();
        return (pairs, stats, Vec::new());
    }
    let hasher = MinHasher::new(NUM_PERM, SIGNATURE_SEED);
    let signatures: Vec<Vec<u32>> = crate::par::map(features, |f| hasher.signature(&f.shingles));
    let index = candidate_index_signed(features, t, &signatures);
    progress.stage("verification", Some(features.len() as u64));
    // Report by report (on all cores with the `parallel` feature), in order: the candidates of
    // one report are listed, checked and dropped before the next.
    let rows: Vec<u32> = (0..features.len() as u32).collect();
    let results = crate::par::map_counted(&rows, progress, |&i| {
        candidate_row(&index, features, t, i, &mut EveryPair)
    });
    let mut pairs = Vec::new();
    for (counts, row) in results {
        stats.lsh += counts.lsh;
        stats.containment += counts.containment;
        stats.quotes += counts.quotes;
        stats.person_date += counts.person_date;
        stats.distinct += counts.distinct;
        pairs.extend(row.into_iter().map(|(_, p)| p));
    }
    stats.verified = pairs.len();
    (pairs, stats, signatures)
}

/// [`relate_candidates_signed`] storing near copies collapsed ([`super::near_copies`]): the
/// stored pairs by positions, in order of (a, b), the large groups of near copies, and the
/// signatures.
pub(crate) fn relate_candidates_collapsed(
    features: &[ReportFeatures],
    t: &Thresholds,
    progress: &dyn crate::progress::Progress,
) -> (Collapsed, Vec<Vec<u32>>) {
    progress.stage("candidates", None);
    let hasher = MinHasher::new(NUM_PERM, SIGNATURE_SEED);
    let signatures: Vec<Vec<u32>> = crate::par::map(features, |f| hasher.signature(&f.shingles));
    let index = candidate_index_signed(features, t, &signatures);
    progress.stage("verification", Some(features.len() as u64));
    let collapsed = verify_rows(features.len(), t, progress, |i, skip| {
        candidate_row(&index, features, t, i, skip).1
    });
    (collapsed, signatures)
}

/// Report `i`'s partners after it, checked ([`verify`]) and related, asking `filter` before
/// each one: partners ascend, so the filter sees them in order.
fn candidate_row(
    index: &CandidateIndex,
    features: &[ReportFeatures],
    t: &Thresholds,
    i: u32,
    filter: &mut dyn RowFilter,
) -> (RowCounts, Vec<(u32, Pair)>) {
    let mut partners = Partners::default();
    let counts = index.partners_wanted(i, &features[i as usize], &mut partners, &|j| {
        filter.wants(j)
    });
    let a = &features[i as usize];
    let bits = ShingleBits::new(&a.shingles);
    let (listed, by_prefix) = (&partners.listed, &partners.by_prefix);
    let (mut x, mut y) = (0, 0);
    let mut pairs = Vec::new();
    // The two lists ascend and are disjoint: merged, with whether the partner is a candidate
    // for the containment rule alone.
    while x < listed.len() || y < by_prefix.len() {
        let (j, containment_only) = match (listed.get(x), by_prefix.get(y)) {
            (Some(&l), Some(&p)) if p < l => (p, true),
            (Some(&l), _) => (l, false),
            (None, Some(&p)) => (p, true),
            (None, None) => unreachable!("the loop stops when both lists are done"),
        };
        if containment_only {
            y += 1;
        } else {
            x += 1;
        }
        if !filter.wants(j) {
            continue;
        }
        let b = &features[j as usize];
        let met = if containment_only {
            passes(&bits, a, b, t, Rules::Containment)
        } else {
            partners.quoted.binary_search(&j).is_ok() || passes(&bits, a, b, t, Rules::All)
        };
        if met {
            let pair = relate(a, b, t);
            filter.saw(j, &pair);
            pairs.push((j, pair));
        }
    }
    (counts, pairs)
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
    super::reuse::relate_scaled_reusing(reports, thresholds, progress, Default::default(), false).0
}

#[cfg(test)]
pub(crate) mod tests;
