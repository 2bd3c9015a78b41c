//! The exact comparison split into shares, each comparing some rows of the representatives
//! ([`near_copies::relate_rows_collapsed`]) on a thread or a worker of its own. The shares,
//! joined, are the memo a full comparison keeps ([`PairMemo`]), and the analysis reuses it as a
//! rebuild reuses the last build's ([`super::Carry`]): the result is the full analysis's. The
//! page's worker compares a reader's files this way on every core the browser offers.

use super::super::near_copies::{self, NearCopies, ROWS_PER_BLOCK};
use super::super::pairs::{mark_stock_quotes, ReportFeatures, Thresholds};
use super::{feature_key, report_key, version, Carry, PairMemo, EXACT_UP_TO};
use crate::analysis::copies::relate_collapsed;
use crate::analysis::lsh;
use crate::model::{Pair, Report};
use crate::progress::Progress;
use serde::{Deserialize, Serialize};

/// Share `index` of `of` (`index < of`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub index: u32,
    pub of: u32,
}

impl Share {
    /// The rows of `heads` representatives this share compares, ascending: every `of`-th block
    /// of [`ROWS_PER_BLOCK`] rows from block `index`. Early rows have the most partners, so
    /// interleaved blocks split the pairs about evenly.
    pub fn rows(self, heads: usize) -> Vec<u32> {
        let of = self.of.max(1) as usize;
        (0..heads as u32)
            .filter(|&i| (i as usize / ROWS_PER_BLOCK) % of == self.index as usize)
            .collect()
    }
}

/// What one share found: its stored pairs by positions among the representatives, with the
/// keys of the representatives it compared, so that shares of different corpora never join.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedPairs {
    pub share: Share,
    pub version: u64,
    pub keys: Vec<u64>,
    pub pairs: Vec<(u32, u32, Pair)>,
}

/// What the comparison of `reports` (as the analysis gets them) starts from: every report's
/// features, stock quotes marked, and the representatives compared, one per class of exact
/// copies, as [`super::relate_scaled_reusing`] makes them. `heads` is `None` when they are too
/// many to compare pair by pair (more than [`EXACT_UP_TO`]): candidates are not split.
pub struct Prepared {
    pub features: Vec<ReportFeatures>,
    pub heads: Option<Vec<ReportFeatures>>,
}

/// [`Prepared`] for `reports` under `t`, with the stages "features", "stock quotes", "copies".
pub fn prepare(reports: &[Report], t: &Thresholds, progress: &dyn Progress) -> Prepared {
    progress.stage("features", Some(reports.len() as u64));
    let mut features = crate::par::map_counted(reports, progress, ReportFeatures::new);
    progress.stage("stock quotes", None);
    mark_stock_quotes(&mut features, t.same_story_max_days);
    progress.stage("copies", None);
    let mut heads = None;
    relate_collapsed(&mut features, t, |found, t| {
        if found.len() <= EXACT_UP_TO || lsh::needs_all_pairs(t) {
            heads = Some(found.to_vec());
        }
        (Vec::new(), Vec::new())
    });
    Prepared { features, heads }
}

impl Prepared {
    /// What the analysis of the same reports reuses: the features, and the memo of the pairs
    /// joined from the shares (when they were compared in shares).
    pub fn carry(self, reports: &[Report], pairs: Option<PairMemo>) -> Carry {
        let keys = crate::par::map(reports, report_key);
        Carry {
            features: keys.into_iter().zip(self.features).collect(),
            pairs,
            ..Carry::default()
        }
    }
}

/// Share `share` of the comparison of `heads` ([`Prepared::heads`]) under `t`: the stage
/// "all pairs" counts every representative and advances by this share's rows.
pub fn relate_share(
    heads: &[ReportFeatures],
    t: &Thresholds,
    share: Share,
    progress: &dyn Progress,
) -> SharedPairs {
    progress.stage("all pairs", Some(heads.len() as u64));
    let rows = share.rows(heads.len());
    let (pairs, _) = near_copies::relate_rows_collapsed(heads, &rows, t, progress);
    SharedPairs {
        share,
        version: version(t, true),
        keys: crate::par::map(heads, feature_key),
        pairs,
    }
}

/// The memo of the whole comparison under `t`, from shares 0 to `of` − 1 of it in any order;
/// `None` unless they are exactly those shares, of the same representatives.
pub fn join_shares(mut parts: Vec<SharedPairs>, t: &Thresholds) -> Option<PairMemo> {
    parts.sort_by_key(|p| p.share.index);
    let first = parts.first()?;
    let (of, version, keys) = (first.share.of, first.version, first.keys.clone());
    let complete = parts.len() == of as usize
        && parts.iter().enumerate().all(|(i, p)| {
            p.share
                == Share {
                    index: i as u32,
                    of,
                }
                && p.version == version
                && p.keys == keys
        });
    if !complete {
        return None;
    }
    let mut all: Vec<(u32, u32, Pair)> = parts.into_iter().flat_map(|p| p.pairs).collect();
    all.sort_unstable_by_key(|p| (p.0, p.1));
    let (pairs, near_copy_groups) = NearCopies::from_pairs(keys.len(), t, &all).finish(all);
    Some(PairMemo {
        version,
        keys,
        signatures: Vec::new(),
        pairs,
        near_copy_groups,
    })
}
