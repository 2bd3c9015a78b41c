//! Sets of reports as bits, for filtering and counting facets without touching a report.
//!
//! Reports are numbered by their **rank**, their place in timeline order (event date, then
//! published date, then corpus order; undated last). So a match set read in bit order is already
//! in timeline order, and a date range is one run of ranks.
//!
//! A match set is a dense [`RankBits`] (one bit per report: 12.5 KB at 100k reports). The reports
//! holding one facet value are a [`ValueSet`]: dense bits for a common value, a sorted list of
//! ranks for a rare one (a list costs 4 bytes a report, bits cost n/8 bytes: whichever is
//! smaller), so thousands of rare people and places stay small. Counting an option is one AND and
//! popcount per word (dense) or one bit test per rank (sparse), over the words where the match
//! set has any bit.

use crate::ingest::work;
use std::ops::Range;

/// A set of ranks, one bit each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankBits {
    words: Vec<u64>,
    len: usize,
}

impl RankBits {
    /// No rank of `len`.
    pub fn empty(len: usize) -> RankBits {
        RankBits {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// The ranks `range` of `len`.
    pub fn range(len: usize, range: Range<usize>) -> RankBits {
        let mut bits = RankBits::empty(len);
        let (start, end) = (range.start.min(len), range.end.min(len));
        if start >= end {
            return bits;
        }
        let (first, last) = (start / 64, (end - 1) / 64);
        for w in first..=last {
            let lo = if w == first { start % 64 } else { 0 };
            let hi = if w == last { (end - 1) % 64 + 1 } else { 64 };
            bits.words[w] = mask(lo, hi);
        }
        work::add(last - first + 1);
        bits
    }

    pub fn insert(&mut self, rank: usize) {
        self.words[rank / 64] |= 1 << (rank % 64);
    }

    pub fn contains(&self, rank: usize) -> bool {
        self.words
            .get(rank / 64)
            .is_some_and(|w| w & (1 << (rank % 64)) != 0)
    }

    /// Keeps only the ranks also in `other`, in the words `span` (the caller knows the rest are
    /// empty).
    pub fn and_with(&mut self, other: &RankBits, span: &Range<usize>) {
        for (a, b) in self.words[span.clone()]
            .iter_mut()
            .zip(&other.words[span.clone()])
        {
            *a &= b;
        }
        work::add(span.len());
    }

    /// A copy of the words `span`, the others empty.
    pub fn copy_of(&self, span: &Range<usize>) -> RankBits {
        let mut out = RankBits::empty(self.len);
        out.words[span.clone()].copy_from_slice(&self.words[span.clone()]);
        work::add(span.len());
        out
    }

    /// Adds the ranks of `other` in the words `span`.
    pub fn or_with(&mut self, other: &RankBits, span: &Range<usize>) {
        for (a, b) in self.words[span.clone()]
            .iter_mut()
            .zip(&other.words[span.clone()])
        {
            *a |= b;
        }
        work::add(span.len());
    }

    /// How many ranks of this set are in `within`, looking only at the words `span`.
    pub fn count_in(&self, within: &RankBits, span: &Range<usize>) -> usize {
        let (a, b) = (&within.words[span.clone()], &self.words[span.clone()]);
        work::add(a.len());
        a.iter()
            .zip(b)
            .map(|(x, y)| (x & y).count_ones() as usize)
            .sum()
    }

    /// How many ranks the set holds.
    pub fn count(&self) -> usize {
        work::add(self.words.len());
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Every word.
    pub fn all_words(&self) -> Range<usize> {
        0..self.words.len()
    }

    /// The words of `span` from the first to the last that holds a rank (an empty range when
    /// none does): counting looks only there.
    pub fn occupied_words(&self, span: &Range<usize>) -> Range<usize> {
        let words = &self.words[span.clone()];
        let Some(first) = words.iter().position(|&w| w != 0) else {
            work::add(words.len());
            return 0..0;
        };
        let last = words.iter().rposition(|&w| w != 0).unwrap_or(first);
        work::add(first + (words.len() - last));
        span.start + first..span.start + last + 1
    }

    /// The ranks held, ascending.
    pub fn ranks(&self) -> impl Iterator<Item = usize> + '_ {
        work::add(self.words.len());
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(w * 64 + bit)
            })
        })
    }
}

/// Bits `lo..hi` of a word.
fn mask(lo: usize, hi: usize) -> u64 {
    let upper = if hi == 64 { u64::MAX } else { (1u64 << hi) - 1 };
    upper & !((1u64 << lo) - 1)
}

/// The reports holding one facet value: bits when that is smaller, else a sorted rank list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueSet {
    Dense { bits: RankBits, count: usize },
    Sparse(Vec<u32>),
}

impl ValueSet {
    /// From ascending, distinct ranks of `len`.
    pub fn new(ranks: Vec<u32>, len: usize) -> ValueSet {
        // A rank in a list takes 32 bits; bits take `len` in all.
        if ranks.len() * 32 > len {
            let mut bits = RankBits::empty(len);
            for &r in &ranks {
                bits.insert(r as usize);
            }
            ValueSet::Dense {
                bits,
                count: ranks.len(),
            }
        } else {
            ValueSet::Sparse(ranks)
        }
    }

    /// Bytes of its bits or list.
    pub fn heap_bytes(&self) -> usize {
        match self {
            ValueSet::Dense { bits, .. } => bits.words.len() * 8,
            ValueSet::Sparse(ranks) => ranks.len() * 4,
        }
    }

    /// How many reports hold the value.
    pub fn len(&self) -> usize {
        match self {
            ValueSet::Dense { count, .. } => *count,
            ValueSet::Sparse(ranks) => ranks.len(),
        }
    }

    /// Adds the value's reports within the words `span` to `bits`.
    pub fn add_to(&self, bits: &mut RankBits, span: &Range<usize>) {
        match self {
            ValueSet::Dense { bits: own, .. } => bits.or_with(own, span),
            ValueSet::Sparse(ranks) => {
                let ranks = &ranks[sparse_span(ranks, span)];
                for &r in ranks {
                    bits.insert(r as usize);
                }
                work::add(ranks.len());
            }
        }
    }

    /// How many of the value's reports are in `within`, looking only at the words `span` (where
    /// `within` has any rank).
    pub fn count_in(&self, within: &RankBits, span: &Range<usize>) -> usize {
        match self {
            ValueSet::Dense { bits, .. } => bits.count_in(within, span),
            ValueSet::Sparse(ranks) => {
                let ranks = &ranks[sparse_span(ranks, span)];
                work::add(ranks.len());
                ranks
                    .iter()
                    .filter(|&&r| within.contains(r as usize))
                    .count()
            }
        }
    }
}

/// The part of a sorted rank list that falls in the words `span`.
fn sparse_span(ranks: &[u32], span: &Range<usize>) -> Range<usize> {
    let lo = ranks.partition_point(|&r| (r as usize) < span.start * 64);
    let hi = ranks.partition_point(|&r| (r as usize) < span.end * 64);
    lo..hi.max(lo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sets_agree_with_plain_sets(
            len in 1usize..300,
            members in proptest::collection::btree_set(0usize..300, 0..120),
            within in proptest::collection::btree_set(0usize..300, 0..300),
            range in (0usize..320, 0usize..320),
        ) {
            let members: Vec<u32> = members.into_iter().filter(|&r| r < len).map(|r| r as u32).collect();
            let within: Vec<usize> = within.into_iter().filter(|&r| r < len).collect();
            let mut bits = RankBits::empty(len);
            for &r in &within {
                bits.insert(r);
            }
            prop_assert_eq!(bits.count(), within.len());
            prop_assert_eq!(bits.ranks().collect::<Vec<_>>(), within.clone());
            let set = ValueSet::new(members.clone(), len);
            prop_assert_eq!(set.len(), members.len());
            let expected = members.iter().filter(|&&r| within.contains(&(r as usize))).count();
            prop_assert_eq!(set.count_in(&bits, &bits.occupied_words(&bits.all_words())), expected);
            let mut union = bits.clone();
            let words = union.all_words();
            set.add_to(&mut union, &words);
            let mut all: Vec<usize> = within.iter().copied().chain(members.iter().map(|&r| r as usize)).collect();
            all.sort_unstable();
            all.dedup();
            prop_assert_eq!(union.ranks().collect::<Vec<_>>(), all);
            let (a, b) = (range.0.min(range.1), range.0.max(range.1));
            let ranged = RankBits::range(len, a..b);
            prop_assert_eq!(ranged.ranks().collect::<Vec<_>>(), (a.min(len)..b.min(len)).collect::<Vec<_>>());
            let mut both = bits.clone();
            both.and_with(&ranged, &ranged.all_words());
            prop_assert_eq!(both.ranks().collect::<Vec<_>>(), within.iter().copied().filter(|r| (a..b).contains(r)).collect::<Vec<_>>());
        }
    }
}
