//! The cheap test a candidate pair passes before its full evidence is computed.

use super::{ReportFeatures, Thresholds};

/// Event dates close enough for the same-story rule.
pub(super) fn dates_agree(a: &ReportFeatures, b: &ReportFeatures, t: &Thresholds) -> bool {
    matches!((a.event_date, b.event_date), (Some(x), Some(y)) if (x - y).num_days().abs() <= t.same_story_max_days)
}

/// Could two reports sharing `shared` shingles, of `sizes` shingles each, be related under `t`
/// without sharing a quote? A necessary condition of every other rule of `classify`. Every
/// rule grows with `shared`: false for an upper bound of the overlap is false for the overlap.
pub(super) fn may_be_related(
    shared: usize,
    sizes: (usize, usize),
    dates_agree: bool,
    t: &Thresholds,
) -> bool {
    let shared = shared.min(sizes.0).min(sizes.1);
    let union = sizes.0 + sizes.1 - shared;
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
    j >= t.near_duplicate_jaccard
        || c(sizes.0).max(c(sizes.1)) >= t.near_duplicate_containment
        || (dates_agree && j >= t.same_story_jaccard)
}

/// Which rules a candidate is checked against (see [`super::Partners`]).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rules {
    All,
    Containment,
}

/// Whether the pair can meet `rules` (quotes aside): first on the bit table's bound of the
/// overlap, then, for the few that pass, on the exact overlap.
pub(crate) fn passes(
    bits: &ShingleBits,
    a: &ReportFeatures,
    b: &ReportFeatures,
    t: &Thresholds,
    rules: Rules,
) -> bool {
    let sizes = (a.shingles.len(), b.shingles.len());
    let dates = rules == Rules::All && dates_agree(a, b, t);
    let meets = |shared: usize| match rules {
        Rules::All => may_be_related(shared, sizes, dates, t),
        Rules::Containment => contains_enough(shared, sizes, t),
    };
    // The least overlap that meets the rules (they grow with the overlap): binary search.
    let most = sizes.0.min(sizes.1);
    let (mut lo, mut hi) = (0, most + 1);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if mid <= most && meets(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo <= most
        && bits.overlap_reaches(&b.shingles, lo)
        && meets(crate::analysis::text::intersection_size(
            &a.shingles,
            &b.shingles,
        ))
}

/// Whether one report's shingles are at least `near_duplicate_containment` in the other's.
pub(super) fn contains_enough(shared: usize, sizes: (usize, usize), t: &Thresholds) -> bool {
    let shared = shared.min(sizes.0).min(sizes.1);
    let smaller = sizes.0.min(sizes.1);
    smaller > 0 && shared as f32 / smaller as f32 >= t.near_duplicate_containment
}

/// One report's shingles as bits of a 65,536-bit table (8 KB: stays in the first-level cache).
/// Counting another report's shingles whose bit is set gives at least their overlap (a
/// collision only adds), in one pass over that report and without the merge of two sorted
/// lists; most LSH and prefix candidates share far too little to pass even that bound.
pub(crate) struct ShingleBits {
    words: Vec<u64>,
}

impl ShingleBits {
    const WORDS: usize = 1024;

    pub(crate) fn new(shingles: &[u64]) -> Self {
        let mut words = vec![0u64; Self::WORDS];
        for &h in shingles {
            let bit = (h & 0xffff) as usize;
            words[bit >> 6] |= 1 << (bit & 63);
        }
        ShingleBits { words }
    }

    /// Whether [`Self::overlap_at_most`] reaches `need`, stopping as soon as the shingles left
    /// cannot make it: most candidates are rejected half-way.
    pub(crate) fn overlap_reaches(&self, other: &[u64], need: usize) -> bool {
        let Some(mut misses_left) = other.len().checked_sub(need) else {
            return false;
        };
        for &h in other {
            let bit = (h & 0xffff) as usize;
            if self.words[bit >> 6] & (1 << (bit & 63)) == 0 {
                if misses_left == 0 {
                    return false;
                }
                misses_left -= 1;
            }
        }
        true
    }

    /// At least `|mine ∩ other|` (shingle hashes are uniform, so few more).
    #[cfg(test)]
    pub(crate) fn overlap_at_most(&self, other: &[u64]) -> usize {
        other
            .iter()
            .filter(|&&h| {
                let bit = (h & 0xffff) as usize;
                self.words[bit >> 6] & (1 << (bit & 63)) != 0
            })
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_bit_table_never_counts_less_than_the_overlap(
            a in proptest::collection::btree_set(any::<u64>(), 0..300),
            b in proptest::collection::btree_set(any::<u64>(), 0..300),
            shared in proptest::collection::btree_set(any::<u64>(), 0..100),
        ) {
            let a: Vec<u64> = a.union(&shared).copied().collect();
            let b: Vec<u64> = b.union(&shared).copied().collect();
            let exact = crate::analysis::text::intersection_size(&a, &b);
            let bits = ShingleBits::new(&a);
            let bound = bits.overlap_at_most(&b);
            prop_assert!(bound >= exact);
            for need in [0, exact, bound, bound + 1] {
                prop_assert_eq!(bits.overlap_reaches(&b, need), bound >= need, "need {}", need);
            }
        }

        #[test]
        fn a_bound_that_fails_the_rules_means_the_overlap_fails_them(
            shared in 0usize..400, extra in 0usize..40, na in 1usize..400, nb in 1usize..400, dates in any::<bool>(),
        ) {
            let t = Thresholds::default();
            if may_be_related(shared, (na, nb), dates, &t) {
                prop_assert!(may_be_related(shared + extra, (na, nb), dates, &t));
            }
        }
    }
}
