//! MinHash signatures and LSH banding: candidate pairs of likely near-duplicate reports.

use super::*;

/// Hash functions per pass over a set's shingles in [`MinHasher::signature`] (without AVX).
const SIGNATURE_BLOCK: usize = 8;

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
    ///
    /// The functions go in blocks: one pass over the shingles per block keeps the block's
    /// minima in registers (a minimum does not depend on the order, so the values are the same
    /// as one pass over the functions per shingle, about 1.5× slower). Where the CPU has AVX2
    /// or AVX-512 (checked at run time; builds target baseline x86-64), the same loop compiled
    /// for it multiplies 4 or 8 lanes at once: 2× or 4–5× faster again, same integer results.
    pub fn signature(&self, shingles: &[u64]) -> Vec<u32> {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512f")
                && std::arch::is_x86_feature_detected!("avx512dq")
                && std::arch::is_x86_feature_detected!("avx512vl")
            {
                // SAFETY: the CPU has the features the function is compiled for (checked above).
                return unsafe { self.signature_avx512(shingles) };
            }
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU has AVX2 (checked above).
                return unsafe { self.signature_avx2(shingles) };
            }
        }
        self.signature_blocked::<SIGNATURE_BLOCK>(shingles)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512dq,avx512vl,avx2")]
    fn signature_avx512(&self, shingles: &[u64]) -> Vec<u32> {
        self.signature_blocked::<16>(shingles)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn signature_avx2(&self, shingles: &[u64]) -> Vec<u32> {
        self.signature_blocked::<8>(shingles)
    }

    /// [`MinHasher::signature`] with the functions in blocks of `B`; inlined into each caller
    /// so that it is compiled for the caller's target features.
    #[inline(always)]
    fn signature_blocked<const B: usize>(&self, shingles: &[u64]) -> Vec<u32> {
        let mut sig = vec![u32::MAX; self.mul.len()];
        let blocks = sig
            .chunks_mut(B)
            .zip(self.mul.chunks(B).zip(self.add.chunks(B)));
        for (s, (m, a)) in blocks {
            if let (Ok(m), Ok(a)) = (<[u64; B]>::try_from(m), <[u64; B]>::try_from(a)) {
                let mut min = [u32::MAX; B];
                for &h in shingles {
                    for j in 0..B {
                        let v = (m[j].wrapping_mul(h).wrapping_add(a[j]) >> 32) as u32;
                        min[j] = min[j].min(v);
                    }
                }
                s.copy_from_slice(&min);
            } else {
                for ((s, &m), &a) in s.iter_mut().zip(m).zip(a) {
                    for &h in shingles {
                        *s = (*s).min((m.wrapping_mul(h).wrapping_add(a) >> 32) as u32);
                    }
                }
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
    /// Band keys are xxh3 hashes already: the map takes them as they are.
    buckets: super::rows::HashedMap<Bucket>,
}

/// The ids in one bucket of an [`LshIndex`]: most buckets hold one id, kept without a `Vec`.
#[derive(Clone, Debug)]
enum Bucket {
    One(u32),
    Many(Vec<u32>),
}

impl Bucket {
    fn ids(&self) -> &[u32] {
        match self {
            Bucket::One(id) => std::slice::from_ref(id),
            Bucket::Many(ids) => ids,
        }
    }
}

impl LshIndex {
    pub fn new(params: LshParams) -> Self {
        LshIndex {
            params,
            buckets: Default::default(),
        }
    }

    pub fn insert(&mut self, id: u32, sig: &[u32]) {
        let mut buf = Vec::new();
        for band in 0..self.params.bands {
            let key = self.params.band_key(sig, band, &mut buf);
            let bucket = self.buckets.entry(key).or_insert(Bucket::Many(Vec::new()));
            match bucket {
                Bucket::Many(ids) if ids.is_empty() => *bucket = Bucket::One(id),
                Bucket::Many(ids) => ids.push(id),
                Bucket::One(first) => *bucket = Bucket::Many(vec![*first, id]),
            }
        }
    }

    /// Ids sharing at least one band with `sig`, ascending, without repeats.
    pub fn query(&self, sig: &[u32]) -> Vec<u32> {
        let mut buf = Vec::new();
        let mut out: Vec<u32> = (0..self.params.bands)
            .filter_map(|band| self.buckets.get(&self.params.band_key(sig, band, &mut buf)))
            .flat_map(Bucket::ids)
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first signature loop (one pass over the functions per shingle), kept to check the
    /// blocked ones against (every variant this CPU can run).
    fn old_signature(h: &MinHasher, shingles: &[u64]) -> Vec<u32> {
        let mut sig = vec![u32::MAX; h.mul.len()];
        for &x in shingles {
            for ((s, &m), &a) in sig.iter_mut().zip(&h.mul).zip(&h.add) {
                let v = (m.wrapping_mul(x).wrapping_add(a) >> 32) as u32;
                *s = (*s).min(v);
            }
        }
        sig
    }

    proptest! {
        #[test]
        fn blocked_signatures_equal_the_first_loop(
            set in proptest::collection::vec(any::<u64>(), 0..300),
            num_perm in prop_oneof![Just(NUM_PERM), 0usize..40],
            seed in any::<u64>(),
        ) {
            let h = MinHasher::new(num_perm, seed);
            let old = old_signature(&h, &set);
            prop_assert_eq!(&h.signature(&set), &old);
            prop_assert_eq!(&h.signature_blocked::<SIGNATURE_BLOCK>(&set), &old);
            prop_assert_eq!(&h.signature_blocked::<3>(&set), &old);
            #[cfg(target_arch = "x86_64")]
            {
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: checked just above.
                    prop_assert_eq!(&unsafe { h.signature_avx2(&set) }, &old);
                }
                if std::arch::is_x86_feature_detected!("avx512f")
                    && std::arch::is_x86_feature_detected!("avx512dq")
                    && std::arch::is_x86_feature_detected!("avx512vl")
                {
                    // SAFETY: checked just above.
                    prop_assert_eq!(&unsafe { h.signature_avx512(&set) }, &old);
                }
            }
        }
    }
}
