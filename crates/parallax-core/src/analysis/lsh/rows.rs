//! Candidates one report at a time: the indexes are built once, then each report lists its
//! partners, which are verified at once and forgotten. Memory holds the indexes and the pairs
//! kept, never the candidate list of the whole corpus (hundreds of millions of pairs at
//! 100,000 reports of one beat).
//!
//! Every generator is symmetric, so report `i` lists only partners `j > i` and each pair is
//! listed once, by its first report:
//!
//! * LSH: `i` and `j` share a band key.
//! * Containment prefix filter: `i`'s probe prefix meets `j`'s shingles, or `j`'s prefix meets
//!   `i`'s (the filter is exact one way; asking both ways makes the pair's test symmetric).
//! * Shared quotes and same person on nearby dates: postings by quote window and by person and
//!   date ([`super::indexes`]), asked the same way.

use super::indexes::{PersonDateIndex, QuoteIndex};
use super::{LshParams, ReportFeatures};
use crate::ingest::work;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Shingles are xxh3 hashes already: hashing them again only costs time.
#[derive(Default)]
pub(super) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(super) type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// Lists of ids per key, flat: `items[offsets[k]..offsets[k + 1]]` is key `k`'s list.
struct Postings {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Postings {
    /// From `(key, id)` entries given twice by `entries` (count, then fill), keys below `keys`.
    fn build(keys: usize, entries: impl Fn(&mut dyn FnMut(u32, u32))) -> Self {
        let mut offsets = vec![0u32; keys + 1];
        entries(&mut |k, _| offsets[k as usize + 1] += 1);
        for k in 0..keys {
            offsets[k + 1] += offsets[k];
        }
        let mut fill = offsets.clone();
        let mut items = vec![0u32; offsets[keys] as usize];
        entries(&mut |k, id| {
            items[fill[k as usize] as usize] = id;
            fill[k as usize] += 1;
        });
        Postings { offsets, items }
    }

    fn get(&self, key: u32) -> &[u32] {
        &self.items[self.offsets[key as usize] as usize..self.offsets[key as usize + 1] as usize]
    }
}

/// The least overlap `k` with `k / n ≥ t` as the rules compute it (in `f32`: a bound taken in
/// other arithmetic could miss a pair exactly at the threshold); at least 1, at most `n`.
fn least_overlap(t: f32, n: usize) -> usize {
    let mut k = ((f64::from(t) * n as f64).floor() as usize).clamp(1, n);
    while k > 1 && (k - 1) as f32 / n as f32 >= t {
        k -= 1;
    }
    while k < n && ((k as f32 / n as f32) < t) {
        k += 1;
    }
    k
}

/// The containment prefix filter (see the module docs of `lsh`), as indexes to probe by report.
pub struct PrefixIndex {
    /// Dense ids of the shingles in some report's probe prefix.
    token_of: HashedMap<u32>,
    /// Each report's probe prefix, as token ids.
    probes: Vec<Vec<u32>>,
    /// Token id → reports carrying the shingle.
    carrying: Postings,
    /// Token id → reports whose probe prefix holds it.
    probing: Postings,
}

#[cfg(test)]
#[test]
fn the_least_overlap_is_the_rules_own() {
    for n in 1..300 {
        for t in [0.3f32, 0.6, 0.6000001, 0.7, 0.99, 1.0] {
            let k = least_overlap(t, n);
            let meets = |k: usize| k as f32 / n as f32 >= t;
            assert!(meets(k) || k == n, "{t} of {n}: {k}");
            assert!(k == 1 || !meets(k - 1), "{t} of {n}: {k}");
        }
    }
}

impl PrefixIndex {
    /// The prefix filter for containment `t` over sorted, deduplicated shingle sets.
    pub fn new(shingles: &[&[u64]], t: f32) -> Self {
        let mut df: HashedMap<u32> = HashedMap::default();
        for s in shingles {
            for &h in s.iter() {
                *df.entry(h).or_insert(0) += 1;
            }
        }
        // Each report's probe prefix: its rarest shingles, of which only shared ones can match.
        let mut token_of: HashedMap<u32> = HashedMap::default();
        let mut probes: Vec<Vec<u32>> = Vec::with_capacity(shingles.len());
        let mut ranked: Vec<(u32, u64)> = Vec::new();
        for s in shingles {
            if s.is_empty() {
                probes.push(Vec::new());
                continue;
            }
            let need = least_overlap(t, s.len());
            let prefix_len = s.len() - need + 1;
            ranked.clear();
            ranked.extend(s.iter().map(|h| (df[h], *h)));
            if prefix_len < ranked.len() {
                ranked.select_nth_unstable(prefix_len - 1);
                ranked.truncate(prefix_len);
            }
            let mut probe: Vec<u32> = Vec::new();
            for &(d, h) in &ranked {
                if d >= 2 {
                    let next = token_of.len() as u32;
                    probe.push(*token_of.entry(h).or_insert(next));
                }
            }
            probes.push(probe);
        }
        drop(df);
        let keys = token_of.len();
        let carrying = Postings::build(keys, |emit| {
            for (i, s) in shingles.iter().enumerate() {
                for h in s.iter() {
                    if let Some(&k) = token_of.get(h) {
                        emit(k, i as u32);
                    }
                }
            }
        });
        let probing = Postings::build(keys, |emit| {
            for (i, p) in probes.iter().enumerate() {
                for &k in p {
                    emit(k, i as u32);
                }
            }
        });
        PrefixIndex {
            token_of,
            probes,
            carrying,
            probing,
        }
    }

    /// Pushes every `j > i` that the filter pairs with report `i` (with repeats).
    pub(super) fn partners(&self, i: u32, shingles: &[u64], out: &mut Vec<u32>) {
        let before = out.len();
        for &k in &self.probes[i as usize] {
            out.extend(self.carrying.get(k).iter().filter(|&&j| j > i));
        }
        for h in shingles {
            if let Some(&k) = self.token_of.get(h) {
                out.extend(self.probing.get(k).iter().filter(|&&j| j > i));
            }
        }
        work::add(out.len() - before);
    }
}

/// Banded LSH keys of every report, sorted per band to find a report's bucket.
pub struct BandIndex {
    bands: usize,
    /// Report `i`'s key in band `b` at `i * bands + b`; `None` for an empty shingle set.
    keys: Vec<Option<u64>>,
    /// Per band, `(key, report)` sorted.
    sorted: Vec<Vec<(u64, u32)>>,
}

impl BandIndex {
    /// Every report's band keys, `params.bands` per report; `None` for an empty shingle set
    /// (its signature agrees with every other empty one and shares nothing).
    pub fn keys(signatures: &[Vec<u32>], params: LshParams) -> Vec<Option<u64>> {
        let mut buf = Vec::new();
        signatures
            .iter()
            .flat_map(|sig| {
                let empty = sig.iter().all(|&v| v == u32::MAX);
                (0..params.bands)
                    .map(|b| (!empty).then(|| params.band_key(sig, b, &mut buf)))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    pub fn new(signatures: &[Vec<u32>], params: LshParams) -> Self {
        let keys = Self::keys(signatures, params);
        let sorted = (0..params.bands)
            .map(|b| {
                let mut band: Vec<(u64, u32)> = (0..signatures.len())
                    .filter_map(|i| Some((keys[i * params.bands + b]?, i as u32)))
                    .collect();
                band.sort_unstable();
                band
            })
            .collect();
        BandIndex {
            bands: params.bands,
            keys,
            sorted,
        }
    }

    /// Pushes every `j > i` sharing a band with report `i` that `wanted` keeps (with repeats).
    pub(super) fn partners(&self, i: u32, out: &mut Vec<u32>, wanted: &dyn Fn(u32) -> bool) {
        for (b, band) in self.sorted.iter().enumerate() {
            let Some(key) = self.keys[i as usize * self.bands + b] else {
                return;
            };
            // The bucket is sorted by report: the members after `i` follow it.
            let from = band.partition_point(|&(k, j)| (k, j) <= (key, i));
            let bucket = &band[from..];
            let len = bucket.iter().take_while(|x| x.0 == key).count();
            work::add(len);
            out.extend(bucket[..len].iter().map(|x| x.1).filter(|&j| wanted(j)));
        }
    }
}

/// All candidate generators, ready to be asked report by report.
pub struct CandidateIndex {
    pub bands: BandIndex,
    pub prefix: PrefixIndex,
    pub quotes: QuoteIndex,
    pub people: PersonDateIndex,
}

/// How many partners each generator gave report `i`, and how many distinct.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowCounts {
    pub lsh: usize,
    pub containment: usize,
    pub quotes: usize,
    pub person_date: usize,
    pub distinct: usize,
}

/// One report's partners `j > i`, ascending and distinct, by what makes them candidates.
#[derive(Debug, Default)]
pub struct Partners {
    /// Sharing an LSH band, a quote, or a person on nearby dates: candidates for every rule.
    pub listed: Vec<u32>,
    /// Found only by the containment prefix filter: candidates for the containment rule alone.
    /// The filter also brings pairs that meet another rule by chance, depending on which
    /// shingles are rare in this corpus; keeping them would make a pair's result depend on
    /// the rest of the corpus, and an incremental rebuild could not equal a full one.
    pub by_prefix: Vec<u32>,
    /// Those of `listed` that can share a quote with the report.
    pub quoted: Vec<u32>,
}

impl CandidateIndex {
    /// The partners `j > i` of report `i`, whose features are `f` (`out` is cleared first).
    pub fn partners(&self, i: u32, f: &ReportFeatures, out: &mut Partners) -> RowCounts {
        self.partners_wanted(i, f, out, &|_| true)
    }

    /// [`Self::partners`] leaving out partners `wanted` refuses before they are gathered
    /// (near copies already grouped with `i`: a band of a large group holds the whole group).
    pub fn partners_wanted(
        &self,
        i: u32,
        f: &ReportFeatures,
        out: &mut Partners,
        wanted: &dyn Fn(u32) -> bool,
    ) -> RowCounts {
        let mut counts = RowCounts::default();
        let listed = &mut out.listed;
        listed.clear();
        self.bands.partners(i, listed, wanted);
        counts.lsh = listed.len();
        let quoted = &mut out.quoted;
        quoted.clear();
        work::add(self.quotes.partners(f, i, quoted, wanted));
        quoted.sort_unstable();
        quoted.dedup();
        counts.quotes = quoted.len();
        listed.extend_from_slice(quoted);
        let before = listed.len();
        work::add(self.people.partners(f, i, listed, wanted));
        counts.person_date = listed.len() - before;
        listed.sort_unstable();
        listed.dedup();
        let prefix = &mut out.by_prefix;
        prefix.clear();
        self.prefix.partners(i, &f.shingles, prefix);
        counts.containment = prefix.len();
        prefix.retain(|&j| wanted(j));
        prefix.sort_unstable();
        prefix.dedup();
        prefix.retain(|j| listed.binary_search(j).is_err());
        counts.distinct = listed.len() + prefix.len();
        counts
    }
}
