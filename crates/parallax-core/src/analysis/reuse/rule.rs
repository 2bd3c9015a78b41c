//! The pairwise rule of a full analysis, applied to one pair at a time.

use super::super::lsh::{self, LshParams, QuoteIndex, ShingleBits, NUM_PERM};
use super::super::pairs::{relate, relate_if_evidence, ReportFeatures, Thresholds};
use crate::model::Pair;

/// The pairwise rule a full analysis applies, for one pair at a time.
pub(super) struct PairRule<'a> {
    heads: &'a [ReportFeatures],
    t: &'a Thresholds,
    exact: bool,
    /// LSH band keys, `bands` per report.
    band_keys: Vec<Option<u64>>,
    bands: usize,
    /// Which reports can share a quote (candidates only).
    quotes: Option<QuoteIndex>,
}

impl<'a> PairRule<'a> {
    /// The rule for pairs with a report of `changed` (the only reports [`Self::quoted_with`]
    /// is asked about).
    pub(super) fn new(
        heads: &'a [ReportFeatures],
        t: &'a Thresholds,
        exact: bool,
        signatures: &[Vec<u32>],
        changed: &[u32],
    ) -> Self {
        let params = LshParams::for_threshold(t.near_duplicate_jaccard, NUM_PERM);
        let (band_keys, quotes) = if exact {
            (Vec::new(), None)
        } else {
            (
                lsh::BandIndex::keys(signatures, params),
                Some(QuoteIndex::for_reports(heads, changed)),
            )
        };
        PairRule {
            heads,
            t,
            exact,
            band_keys,
            bands: params.bands,
            quotes,
        }
    }

    /// The reports that can share a quote with report `own` (one of the changed), sorted: what
    /// [`Self::pair`] asks.
    pub(super) fn quoted_with(&self, own: u32) -> Vec<u32> {
        let mut out = Vec::new();
        if let Some(quotes) = &self.quotes {
            quotes.partners_all(&self.heads[own as usize], own, &mut out);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The pair (a, b), a before b, if a full analysis keeps it; `bits` are the shingles of
    /// `own` (a or b), `quoted` is [`Self::quoted_with`] of `own`.
    pub(super) fn pair(
        &self,
        a: u32,
        b: u32,
        bits: &ShingleBits,
        own: u32,
        quoted: &[u32],
    ) -> Option<Pair> {
        let (fa, fb) = (&self.heads[a as usize], &self.heads[b as usize]);
        if self.exact {
            return relate_if_evidence(fa, fb, self.t);
        }
        let other = if own == a { fb } else { fa };
        let mine = &self.heads[own as usize];
        let quoted = quoted.binary_search(&(a + b - own)).is_ok();
        let listed = quoted || self.bands_meet(a, b) || lsh::same_person_near(fa, fb, self.t);
        let met = if listed {
            quoted || lsh::passes(bits, mine, other, self.t, lsh::Rules::All)
        } else {
            lsh::passes(bits, mine, other, self.t, lsh::Rules::Containment)
        };
        met.then(|| relate(fa, fb, self.t))
    }

    fn bands_meet(&self, a: u32, b: u32) -> bool {
        let row = |i: u32| &self.band_keys[i as usize * self.bands..(i as usize + 1) * self.bands];
        row(a)
            .iter()
            .zip(row(b))
            .any(|(x, y)| x.is_some() && x == y)
    }
}
