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

/// Up to this many reports, [`relate_scaled`] compares all pairs (exact and fast enough).
pub const EXACT_UP_TO: usize = 2000;
/// MinHash permutations, as datasketch's default.
pub const NUM_PERM: usize = 128;
/// Largest miss probability accepted at the Jaccard threshold when choosing bands and rows.
pub const MAX_MISS_AT_THRESHOLD: f64 = 0.005;

/// MinHash with `k` multiply-add-shift hash functions over 64-bit shingle hashes.
#[derive(Clone, Debug)]
pub struct MinHasher {
    mul: Vec<u64>,
    add: Vec<u64>,
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl MinHasher {
    /// `num_perm` functions from a fixed seed: signatures are reproducible across runs.
    pub fn new(num_perm: usize, seed: u64) -> Self {
        let mut state = seed;
        let mut mul = Vec::with_capacity(num_perm);
        let mut add = Vec::with_capacity(num_perm);
        for _ in 0..num_perm {
            mul.push(splitmix64(&mut state) | 1);
            add.push(splitmix64(&mut state));
        }
        MinHasher { mul, add }
    }

    pub fn num_perm(&self) -> usize {
        self.mul.len()
    }

    /// The signature of a set of (already well-mixed) 64-bit hashes. The high 32 bits of
    /// `a·x + b mod 2⁶⁴` form a strongly universal family, so the chance two sets agree on a
    /// position is their Jaccard. An empty set gets all `u32::MAX`.
    pub fn signature(&self, shingles: &[u64]) -> Vec<u32> {
        let mut sig = vec![u32::MAX; self.mul.len()];
        for &h in shingles {
            for ((s, &m), &a) in sig.iter_mut().zip(&self.mul).zip(&self.add) {
                let v = (m.wrapping_mul(h).wrapping_add(a) >> 32) as u32;
                *s = (*s).min(v);
            }
        }
        sig
    }
}

/// Share of positions where two signatures agree: an unbiased estimate of Jaccard.
pub fn estimate_jaccard(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / a.len() as f32
}

/// How a signature is cut into bands: two sets become candidates when all `rows` values of at
/// least one of the `bands` bands agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LshParams {
    pub bands: usize,
    pub rows: usize,
}

impl LshParams {
    /// The most rows per band (fewest false candidates) whose miss probability at `threshold`
    /// is at most [`MAX_MISS_AT_THRESHOLD`]; one row per band when none is.
    pub fn for_threshold(threshold: f32, num_perm: usize) -> Self {
        let t = f64::from(threshold.clamp(0.0, 1.0));
        let mut best = LshParams {
            bands: num_perm.max(1),
            rows: 1,
        };
        for rows in 1..=num_perm.max(1) {
            let p = LshParams {
                bands: num_perm / rows,
                rows,
            };
            if p.bands == 0 {
                break;
            }
            if p.miss_probability(t) <= MAX_MISS_AT_THRESHOLD {
                best = p;
            }
        }
        best
    }

    /// P(a pair of Jaccard `j` is not a candidate) = (1 − jʳ)ᵇ.
    pub fn miss_probability(&self, j: f64) -> f64 {
        (1.0 - j.powi(self.rows as i32)).powi(self.bands as i32)
    }

    /// The key of band `band` of `sig` (the band's values hashed, seeded by the band number).
    pub fn band_key(&self, sig: &[u32], band: usize, buf: &mut Vec<u8>) -> u64 {
        buf.clear();
        for v in &sig[band * self.rows..(band + 1) * self.rows] {
            buf.extend_from_slice(&v.to_le_bytes());
        }
        xxhash_rust::xxh3::xxh3_64_with_seed(buf, band as u64)
    }
}

/// A banded LSH index over MinHash signatures: insert documents, query one, or list every
/// colliding pair at once.
#[derive(Clone, Debug)]
pub struct LshIndex {
    pub params: LshParams,
    buckets: HashMap<u64, Vec<u32>>,
}

impl LshIndex {
    pub fn new(params: LshParams) -> Self {
        LshIndex {
            params,
            buckets: HashMap::new(),
        }
    }

    pub fn insert(&mut self, id: u32, sig: &[u32]) {
        let mut buf = Vec::new();
        for band in 0..self.params.bands {
            let key = self.params.band_key(sig, band, &mut buf);
            self.buckets.entry(key).or_default().push(id);
        }
    }

    /// Ids sharing at least one band with `sig`, ascending, without repeats.
    pub fn query(&self, sig: &[u32]) -> Vec<u32> {
        let mut buf = Vec::new();
        let mut out: Vec<u32> = (0..self.params.bands)
            .filter_map(|band| self.buckets.get(&self.params.band_key(sig, band, &mut buf)))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Every pair (i < j) of signatures sharing a band, as `i << 32 | j`, each once. Signatures of
/// empty sets are skipped (they agree on everything and share nothing).
///
/// Near copies fall in the same bucket in most of the bands: a bucket whose members another band
/// already grouped is skipped (`emit_groups`), and `out` is deduplicated whenever it has doubled,
/// so it holds the distinct pairs, not one entry per band for each.
pub fn lsh_pairs(signatures: &[Vec<u32>], params: LshParams, out: &mut Vec<u64>) {
    let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(signatures.len());
    let mut buf = Vec::new();
    let mut seen = HashSet::new();
    let start = out.len();
    let mut distinct = 0;
    for band in 0..params.bands {
        keyed.clear();
        for (i, sig) in signatures.iter().enumerate() {
            if sig.first() == Some(&u32::MAX) && sig.iter().all(|&v| v == u32::MAX) {
                continue;
            }
            let key = params.band_key(sig, band, &mut buf);
            keyed.push((key, i as u32));
        }
        keyed.sort_unstable();
        emit_groups(&keyed, &mut seen, out);
        if out.len() - start > 2 * distinct.max(1024) {
            out[start..].sort_unstable();
            let mut kept = start;
            for k in start..out.len() {
                if kept == start || out[k] != out[kept - 1] {
                    out[kept] = out[k];
                    kept += 1;
                }
            }
            out.truncate(kept);
            distinct = kept - start;
        }
    }
}

/// All pairs within runs of equal keys of a sorted list, except in a run whose members (ids in
/// order) are in `seen` already: another band or window emitted its pairs. Counts the pairs
/// pushed as work (`ingest::work`).
fn emit_groups<K: PartialEq + Copy>(
    sorted: &[(K, u32)],
    seen: &mut HashSet<Vec<u32>>,
    out: &mut Vec<u64>,
) {
    let mut start = 0;
    while start < sorted.len() {
        let mut end = start + 1;
        while end < sorted.len() && sorted[end].0 == sorted[start].0 {
            end += 1;
        }
        if end - start >= 2 && seen.insert(sorted[start..end].iter().map(|x| x.1).collect()) {
            crate::ingest::work::add((end - start) * (end - start - 1) / 2);
            for x in start..end {
                for y in x + 1..end {
                    out.push(pair_key(sorted[x].1, sorted[y].1));
                }
            }
        }
        start = end;
    }
}

fn pair_key(a: u32, b: u32) -> u64 {
    let (i, j) = if a < b { (a, b) } else { (b, a) };
    (u64::from(i) << 32) | u64::from(j)
}

/// Pairs whose containment (either way) can reach `t`: the prefix filter described above.
pub fn containment_pairs(shingles: &[&[u64]], t: f32, out: &mut Vec<u64>) {
    let mut df: HashMap<u64, u32> = HashMap::new();
    for s in shingles {
        for &h in s.iter() {
            *df.entry(h).or_insert(0) += 1;
        }
    }
    // Each report's probe prefix: its rarest shingles, of which only shared ones can match.
    let mut probes: Vec<Vec<u64>> = Vec::with_capacity(shingles.len());
    let mut probe_set: HashMap<u64, Vec<u32>> = HashMap::new();
    for s in shingles {
        if s.is_empty() {
            probes.push(Vec::new());
            continue;
        }
        let need = ((f64::from(t) * s.len() as f64).ceil() as usize).clamp(1, s.len());
        let prefix_len = s.len() - need + 1;
        let mut ranked: Vec<(u32, u64)> = s.iter().map(|h| (df[h], *h)).collect();
        if prefix_len < ranked.len() {
            ranked.select_nth_unstable(prefix_len - 1);
            ranked.truncate(prefix_len);
        }
        let shared: Vec<u64> = ranked
            .into_iter()
            .filter(|&(d, _)| d >= 2)
            .map(|(_, h)| h)
            .collect();
        for &h in &shared {
            probe_set.entry(h).or_default();
        }
        probes.push(shared);
    }
    for (i, s) in shingles.iter().enumerate() {
        for h in s.iter() {
            if let Some(list) = probe_set.get_mut(h) {
                list.push(i as u32);
            }
        }
    }
    for (i, prefix) in probes.iter().enumerate() {
        for h in prefix {
            for &j in &probe_set[h] {
                if j != i as u32 {
                    out.push(pair_key(i as u32, j));
                }
            }
        }
    }
}

/// Pairs of reports that can share a quote (see the module docs): exact.
pub fn quote_pairs(features: &[ReportFeatures], out: &mut Vec<u64>) {
    let mut long: Vec<(u64, u32)> = Vec::new();
    let mut short: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        for q in &f.quotes {
            if q.len() >= QUOTE_MIN_RUN {
                long.extend(
                    q.windows(QUOTE_MIN_RUN)
                        .map(|w| (text::hash_words(w), i as u32)),
                );
            } else if q.len() >= QUOTE_MIN_WORDS {
                short.entry(text::hash_words(q)).or_default().push(i as u32);
            }
        }
    }
    long.sort_unstable();
    long.dedup();
    emit_groups(&long, &mut HashSet::new(), out);
    for (i, f) in features.iter().enumerate() {
        for q in &f.quotes {
            for k in QUOTE_MIN_WORDS..QUOTE_MIN_RUN {
                if q.len() < k {
                    break;
                }
                for w in q.windows(k) {
                    if let Some(list) = short.get(&text::hash_words(w)) {
                        out.extend(
                            list.iter()
                                .filter(|&&j| j != i as u32)
                                .map(|&j| pair_key(i as u32, j)),
                        );
                    }
                }
            }
        }
    }
}

/// Pairs naming the same person with event dates at most `max_days` apart: exact.
pub fn person_date_pairs(features: &[ReportFeatures], max_days: i64, out: &mut Vec<u64>) {
    let mut by_person: HashMap<&str, Vec<(chrono::NaiveDate, u32)>> = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        let Some(date) = f.event_date else { continue };
        for (key, _) in &f.people {
            by_person
                .entry(key.as_str())
                .or_default()
                .push((date, i as u32));
        }
    }
    for list in by_person.values_mut() {
        list.sort_unstable();
        for x in 0..list.len() {
            for y in x + 1..list.len() {
                if (list[y].0 - list[x].0).num_days() > max_days {
                    break;
                }
                out.push(pair_key(list[x].1, list[y].1));
            }
        }
    }
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
    relate_candidates_marked(features, thresholds, &mut |_| {})
}

/// [`relate_candidates_with_stats`], calling `mark` after "candidates" and "verification".
fn relate_candidates_marked(
    features: &[ReportFeatures],
    thresholds: &Thresholds,
    mark: &mut dyn FnMut(&'static str),
) -> (Vec<Pair>, CandidateStats) {
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
    mark("candidates");
    // Each candidate is checked on its own (on all cores with the `parallel` feature), in order.
    let pairs = crate::par::filter_map(&candidates, |&key| {
        let (a, b) = (
            &features[(key >> 32) as usize],
            &features[(key & 0xffff_ffff) as usize],
        );
        may_be_related(a, b, quoted.binary_search(&key).is_ok(), t).then(|| relate(a, b, t))
    });
    stats.verified = pairs.len();
    mark("verification");
    (pairs, stats)
}

/// The entry point for any corpus size: exact copies collapse to one representative per class
/// ([`super::copies`]), then exact all pairs up to [`EXACT_UP_TO`] representatives, candidates
/// and verification above. The pairs come back as the analysis stores them: one copy group of N
/// reports costs N − 1 pairs, not N², and its comparisons are made once.
pub fn relate_scaled(reports: &[Report], thresholds: &Thresholds) -> super::copies::Related {
    relate_scaled_marked(reports, thresholds, &mut |_| {})
}

/// [`relate_scaled`], calling `mark` after "features", "stock quotes", "copies" (exact copies
/// collapsed), then "all pairs" or "candidates" and "verification" (see
/// [`super::analyze_marked`]).
pub fn relate_scaled_marked(
    reports: &[Report],
    thresholds: &Thresholds,
    mark: &mut dyn FnMut(&'static str),
) -> super::copies::Related {
    let mut features: Vec<ReportFeatures> = crate::par::map(reports, ReportFeatures::new);
    mark("features");
    super::pairs::mark_stock_quotes(&mut features, thresholds.same_story_max_days);
    mark("stock quotes");
    super::copies::relate_collapsed(features, thresholds, |heads, t| {
        mark("copies");
        if heads.len() <= EXACT_UP_TO {
            let pairs = relate_all_features(heads, t);
            mark("all pairs");
            pairs
        } else {
            relate_candidates_marked(heads, t, mark).0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Relation;
    use crate::SourceFile;
    use proptest::prelude::*;
    use std::collections::{BTreeSet, HashSet};

    fn synthetic(n: usize, seed: u64) -> (Vec<Report>, parallax_synth::SynthCorpus) {
        let synth = parallax_synth::generate(&parallax_synth::SynthConfig::new(n, seed));
        let files: Vec<SourceFile> = synth
            .files
            .iter()
            .map(|f| SourceFile::new(f.name.as_str(), f.text.as_bytes()))
            .collect();
        let parsed = crate::ingest::parse_corpus(
            &files,
            &crate::metadata::Metadata::default(),
            &crate::ParseOptions::new(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()),
        );
        (parsed.reports, synth)
    }

    fn related(pairs: &[Pair]) -> BTreeSet<(String, String, Relation)> {
        pairs
            .iter()
            .filter(|p| p.relation != Relation::Unrelated)
            .map(|p| (p.a.clone(), p.b.clone(), p.relation))
            .collect()
    }

    #[test]
    fn candidates_give_the_exact_all_pairs_answer_on_a_synthetic_corpus() {
        // Small: the exact baseline is quadratic and tests run unoptimised.
        let (reports, synth) = synthetic(170, 21);
        let features: Vec<ReportFeatures> = reports.iter().map(ReportFeatures::new).collect();
        let t = Thresholds::default();
        let exact = related(&relate_all_features(&features, &t));
        let (found, stats) = relate_candidates_with_stats(&features, &t);
        let found = related(&found);
        let missed: Vec<_> = exact.difference(&found).collect();
        assert!(
            missed.is_empty(),
            "missed {} of {}: {:?}",
            missed.len(),
            exact.len(),
            &missed[..missed.len().min(5)]
        );
        assert_eq!(found, exact);
        // The corpus exercises it: most planted duplicates are found as near duplicates, and
        // candidates are far fewer than all pairs.
        let planted: Vec<(&str, &str)> = synth
            .relations
            .iter()
            .filter(|r| r.kind.is_duplicate())
            .map(|r| (r.a.as_str(), r.b.as_str()))
            .collect();
        let dup: HashSet<(&str, &str)> = exact
            .iter()
            .filter(|p| p.2 == Relation::NearDuplicate)
            .flat_map(|p| [(p.0.as_str(), p.1.as_str()), (p.1.as_str(), p.0.as_str())])
            .collect();
        let hit = planted.iter().filter(|p| dup.contains(*p)).count();
        assert!(
            planted.len() >= 20 && hit * 10 >= planted.len() * 9,
            "{hit} of {} planted duplicates",
            planted.len()
        );
        let n = features.len();
        eprintln!(
            "{n} reports, {} related pairs, {hit}/{} planted duplicates, {stats:?}",
            exact.len(),
            planted.len()
        );
        assert!(stats.distinct < n * (n - 1) / 10, "{stats:?}");
    }

    /// Quotes, people and dates drawn from small pools, so that shared quotes (whole, cut, or
    /// short), same-day people and stock lines on other days all occur.
    fn quoted_report(id: usize, picks: &[usize], day: Option<u32>, person: usize) -> Report {
        const QUOTES: &[&str] = &[
            "We have a shared interest in combating threats to regional security",
            "So our thoughts are the same anywhere in the world",
            "decisions about the government are for the people to make",
            "We oppose violent actions and vandalism",
            "This is a fundamental entitlement for every individual and every detainee",
            "Our position remains consistent as we do not take sides",
        ];
        let quotes: Vec<String> = picks
            .iter()
            .map(|&k| {
                let q = QUOTES[k % QUOTES.len()];
                // Odd picks cut the quote short: a cut quote is still the same quote.
                if k >= QUOTES.len() {
                    q.split(' ').skip(2).collect::<Vec<_>>().join(" ")
                } else {
                    q.to_string()
                }
            })
            .collect();
        let body: Vec<String> = quotes
            .iter()
            .map(|q| format!("“{q},” the spokesperson said in report {id}."))
            .collect();
        Report {
            id: format!("r{id:03}"),
            paragraphs: body
                .iter()
                .map(|t| crate::model::Paragraph {
                    text: t.clone(),
                    ..Default::default()
                })
                .collect(),
            quotes: quotes
                .iter()
                .map(|q| crate::model::Quote {
                    text: q.clone(),
                    ..Default::default()
                })
                .collect(),
            people: vec![
                ["Matthew Miller", "Tahir Andrabi", "Donald Blome"][person % 3].to_string(),
            ],
            event_date: day
                .map(|d| chrono::NaiveDate::from_ymd_opt(2024, 7, d).expect("valid day")),
            ..Report::default()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn quote_and_person_candidates_give_the_exact_answer(
            specs in proptest::collection::vec((proptest::collection::vec(0usize..12, 0..3), proptest::option::of(1u32..6), 0usize..3), 2..14),
        ) {
            let reports: Vec<Report> = specs.iter().enumerate().map(|(i, (q, d, p))| quoted_report(i, q, *d, *p)).collect();
            let features: Vec<ReportFeatures> = reports.iter().map(ReportFeatures::new).collect();
            let t = Thresholds::default();
            prop_assert_eq!(related(&relate_candidates(&features, &t)), related(&relate_all_features(&features, &t)));
        }
    }

    #[test]
    fn lsh_params_meet_the_miss_bound_and_use_most_rows() {
        for t in [0.2f32, 0.3, 0.5, 0.7, 0.9] {
            let p = LshParams::for_threshold(t, NUM_PERM);
            assert!(p.bands * p.rows <= NUM_PERM);
            assert!(
                p.miss_probability(f64::from(t)) <= MAX_MISS_AT_THRESHOLD,
                "{t}: {p:?}"
            );
            let more = LshParams {
                bands: NUM_PERM / (p.rows + 1),
                rows: p.rows + 1,
            };
            assert!(
                more.miss_probability(f64::from(t)) > MAX_MISS_AT_THRESHOLD,
                "{t}: {more:?} would do"
            );
        }
        assert_eq!(
            LshParams::for_threshold(0.3, 128),
            LshParams { bands: 64, rows: 2 }
        );
    }

    #[test]
    fn a_bucket_shared_in_every_band_emits_its_pairs_once() {
        // 40 copies agree in all 64 bands: 780 pairs, not 64 × 780 entries.
        let h = MinHasher::new(NUM_PERM, 1);
        let set: Vec<u64> = (0..50u64)
            .map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        let signatures = vec![h.signature(&set); 40];
        let params = LshParams::for_threshold(0.3, NUM_PERM);
        let mut out = Vec::new();
        crate::ingest::work::take();
        lsh_pairs(&signatures, params, &mut out);
        assert_eq!((out.len(), crate::ingest::work::take()), (780, 780));
        out.sort_unstable();
        out.dedup();
        assert_eq!(out.len(), 780, "every pair once");
    }

    #[test]
    fn index_query_finds_copies_and_not_strangers() {
        let h = MinHasher::new(NUM_PERM, 1);
        let a: Vec<u64> = (0..400u64)
            .map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        let mut b = a[..300].to_vec();
        b.extend((1000..1100u64).map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15)));
        b.sort_unstable();
        let c: Vec<u64> = (5000..5400u64)
            .map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        let mut index = LshIndex::new(LshParams::for_threshold(0.5, NUM_PERM));
        for (i, s) in [&a, &b, &c].iter().enumerate() {
            index.insert(i as u32, &h.signature(s));
        }
        assert_eq!(index.query(&h.signature(&a)), vec![0, 1]);
        assert_eq!(index.query(&h.signature(&c)), vec![2]);
    }

    #[test]
    fn containment_prefix_filter_finds_a_small_excerpt_of_a_large_report() {
        let big: Vec<u64> = (0..2000u64).map(|x| x * 7 + 1).collect();
        let small: Vec<u64> = big[100..160].to_vec();
        let other: Vec<u64> = (0..500u64).map(|x| x * 7 + 3).collect();
        let mut out = Vec::new();
        containment_pairs(&[&big, &other, &small], 0.6, &mut out);
        out.sort_unstable();
        out.dedup();
        assert_eq!(out, vec![pair_key(0, 2)]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]

        #[test]
        fn signature_agreement_estimates_jaccard(shared in 0usize..300, only_a in 0usize..300, only_b in 0usize..300) {
            prop_assume!(shared + only_a + only_b > 0);
            let mix = |x: u64| x.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (x >> 7);
            let a: Vec<u64> = (0..shared + only_a).map(|x| mix(x as u64)).collect();
            let b: Vec<u64> = (0..shared).chain(10_000..10_000 + only_b).map(|x| mix(x as u64)).collect();
            let h = MinHasher::new(512, 9);
            let est = estimate_jaccard(&h.signature(&a), &h.signature(&b));
            let truth = shared as f32 / (shared + only_a + only_b) as f32;
            // 512 permutations: standard error ≤ 0.022; five of them.
            prop_assert!((est - truth).abs() <= 0.11, "estimate {} for Jaccard {}", est, truth);
        }

        #[test]
        fn containment_candidates_cover_every_pair_over_the_threshold(
            sets in proptest::collection::vec(proptest::collection::btree_set(0u64..60, 1..30), 2..8),
            t in 0.2f32..1.0,
        ) {
            let sets: Vec<Vec<u64>> = sets.into_iter().map(|s| s.into_iter().collect()).collect();
            let refs: Vec<&[u64]> = sets.iter().map(|s| s.as_slice()).collect();
            let mut out = Vec::new();
            containment_pairs(&refs, t, &mut out);
            let out: HashSet<u64> = out.into_iter().collect();
            for i in 0..sets.len() {
                for j in i + 1..sets.len() {
                    let inter = text::intersection_size(&sets[i], &sets[j]) as f32;
                    let c = (inter / sets[i].len() as f32).max(inter / sets[j].len() as f32);
                    if c >= t {
                        prop_assert!(out.contains(&pair_key(i as u32, j as u32)), "{} {} containment {} >= {}", i, j, c, t);
                    }
                }
            }
        }
    }
}
