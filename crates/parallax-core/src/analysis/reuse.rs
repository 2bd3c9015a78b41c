//! Incremental pairing: what one analysis keeps so the next compares only what changed.
//!
//! The pairs of a build are a function of each pair alone: whether two reports are compared
//! (LSH bands, shared quote, same person on nearby dates, containment) and what the comparison
//! gives depend on the two reports' features, never on the rest of the corpus (see
//! [`super::lsh::Partners`]). So after a change, a pair of unchanged reports gives what it gave
//! last time, and only pairs with a changed report are computed, each by that same rule. The
//! result equals a full analysis of the new corpus (tests: `tests/analysis_reuse.rs`).
//!
//! A report is unchanged when its features' key (id included, see [`feature_key`]) was a key
//! of the last build. Unchanged reports must also keep their order (the evidence of a pair
//! depends on which report comes first); when they do not, or when many reports changed, the
//! pairs are computed in full.

mod carry;
mod rule;
pub mod shares;

pub use carry::{relate_scaled_reusing, report_key, Carry, Reused};

use super::lsh::{self, MinHasher, ShingleBits, EXACT_UP_TO, NUM_PERM};
use super::near_copies::{self, Collapsed, NearCopies};
use super::pairs::{ReportFeatures, Thresholds};
use crate::model::Pair;
use chrono::Datelike;
use rule::PairRule;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Each changed report is compared with every other one, so beyond this share of changed
/// reports (percent), or this many whatever the share, a full analysis is quicker.
const MAX_CHANGED_PERCENT: usize = 2;
const ALWAYS_REUSED_UP_TO: usize = 16;

/// What the pairing of one build keeps for the next.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PairMemo {
    /// Thresholds and code the pairs were computed under: a memo of other ones is not used.
    pub version: u64,
    /// The key of each compared report ([`feature_key`]), in corpus order.
    pub keys: Vec<u64>,
    /// Each report's MinHash signature (empty when all pairs were compared).
    pub signatures: Vec<Vec<u32>>,
    /// The pairs stored, by positions in `keys`.
    pub pairs: Vec<(u32, u32, Pair)>,
    /// The large groups of near copies ([`super::near_copies`]), by positions in `keys`.
    pub near_copy_groups: Vec<Vec<u32>>,
}

/// A key of everything [`super::pairs::evidence`] reads of a report, its id included: two
/// reports with equal keys give equal pairs with any third.
pub fn feature_key(f: &ReportFeatures) -> u64 {
    // One buffer per thread: a buffer per report allocated as much as the corpus's words anew
    // on every rebuild (fresh pages, which the kernel zeroes).
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with_borrow_mut(|buf| {
        buf.clear();
        key_bytes(f, buf);
        xxhash_rust::xxh3::xxh3_64(buf)
    })
}

/// What [`feature_key`] hashes: every part with its length first, numbers as their bytes
/// (formatting the stock marks as text was most of the keys' time).
fn key_bytes(f: &ReportFeatures, buf: &mut Vec<u8>) {
    fn number(buf: &mut Vec<u8>, n: u64) {
        buf.extend_from_slice(&n.to_le_bytes());
    }
    fn text(buf: &mut Vec<u8>, s: &str) {
        number(buf, s.len() as u64);
        buf.extend_from_slice(s.as_bytes());
    }
    text(buf, &f.id);
    number(buf, f.quotes.len() as u64);
    for q in &f.quotes {
        number(buf, q.len() as u64);
        q.iter().for_each(|w| text(buf, w));
    }
    for names in [&f.people, &f.places] {
        number(buf, names.len() as u64);
        for (key, printed) in names {
            text(buf, key);
            text(buf, printed);
        }
    }
    number(buf, u64::from(f.event_date.is_some()));
    if let Some(date) = f.event_date {
        number(buf, i64::from(date.num_days_from_ce()) as u64);
    }
    number(buf, f.quote_of.len() as u64);
    f.quote_of.iter().for_each(|&q| number(buf, q as u64));
    number(buf, f.quote_stock.len() as u64);
    for marks in &f.quote_stock {
        number(buf, marks.len() as u64);
        buf.extend(marks.iter().map(|&m| u8::from(m)));
    }
    number(buf, f.word_hashes.len() as u64);
    for h in &f.word_hashes {
        buf.extend_from_slice(&h.to_le_bytes());
    }
}

/// The memo version for `t`: the thresholds and the pairing code's version.
fn version(t: &Thresholds, exact: bool) -> u64 {
    // Bump when the pairing rules or the evidence change.
    const CODE: u64 = 3;
    let text = format!("{CODE}|{exact}|{t:?}|{NUM_PERM}");
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// The pairs of `heads` under `t` as [`super::lsh::relate_scaled`]'s comparison of
/// representatives stores them (near copies collapsed, [`super::near_copies`]), with the large
/// groups of near copies, reusing `memo` where the reports did not change; and, when `keep`,
/// the memo for the next build.
pub fn relate_heads(
    heads: &[ReportFeatures],
    t: &Thresholds,
    memo: Option<&PairMemo>,
    progress: &dyn crate::progress::Progress,
    keep: bool,
) -> HeadPairs {
    relate_heads_up_to(heads, t, memo, progress, keep, EXACT_UP_TO)
}

/// What [`relate_heads`] gives.
pub struct HeadPairs {
    /// The stored pairs, in order of (a, b).
    pub pairs: Vec<Pair>,
    /// Groups of more than `copies::INLINE_UP_TO` near copies, as positions in the heads.
    pub near_copy_groups: Vec<Vec<u32>>,
    /// The memo for the next build (when asked to keep one).
    pub memo: Option<PairMemo>,
    /// How many reports were compared anew (all of them when the memo could not be used).
    pub changed: usize,
}

/// [`relate_heads`] comparing all pairs up to `exact_up_to` reports (tests use both paths on
/// small corpora).
pub fn relate_heads_up_to(
    heads: &[ReportFeatures],
    t: &Thresholds,
    memo: Option<&PairMemo>,
    progress: &dyn crate::progress::Progress,
    keep: bool,
    exact_up_to: usize,
) -> HeadPairs {
    let exact = heads.len() <= exact_up_to || lsh::needs_all_pairs(t);
    let version = version(t, exact);
    let memo = memo.filter(|m| m.version == version);
    // Keys only when there is a memo to read or one to write.
    let keys: Vec<u64> = if memo.is_some() || keep {
        crate::par::map(heads, feature_key)
    } else {
        Vec::new()
    };
    let reused = memo
        .and_then(|m| Plan::new(m, &keys))
        .and_then(|plan| plan.run(heads, t, exact, progress));
    let ((pairs, near_copy_groups), signatures, changed) = match reused {
        Some(done) => done,
        None if exact => {
            progress.stage("all pairs", Some(heads.len() as u64));
            let collapsed = near_copies::relate_all_collapsed(heads, t, progress);
            (collapsed, Vec::new(), heads.len())
        }
        None => {
            let (collapsed, signatures) = lsh::relate_candidates_collapsed(heads, t, progress);
            (collapsed, signatures, heads.len())
        }
    };
    let memo = keep.then(|| PairMemo {
        version,
        keys,
        signatures,
        pairs: pairs.clone(),
        near_copy_groups: near_copy_groups.clone(),
    });
    HeadPairs {
        pairs: pairs.into_iter().map(|p| p.2).collect(),
        near_copy_groups,
        memo,
        changed,
    }
}

/// How this build's reports map onto the memo's.
struct Plan<'m> {
    memo: &'m PairMemo,
    /// This build's position of each of the memo's reports still here.
    now_of: Vec<Option<u32>>,
    /// The memo's position of each of this build's reports, if unchanged.
    was: Vec<Option<u32>>,
}

impl<'m> Plan<'m> {
    fn new(memo: &'m PairMemo, keys: &[u64]) -> Option<Plan<'m>> {
        let before: HashMap<u64, u32> = memo
            .keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        let was: Vec<Option<u32>> = keys.iter().map(|k| before.get(k).copied()).collect();
        let changed = was.iter().filter(|w| w.is_none()).count();
        let kept: Vec<u32> = was.iter().flatten().copied().collect();
        let in_order = kept.windows(2).all(|w| w[0] < w[1]);
        let few =
            changed <= ALWAYS_REUSED_UP_TO || changed * 100 <= keys.len() * MAX_CHANGED_PERCENT;
        if !in_order || !few {
            return None;
        }
        let mut now_of = vec![None; memo.keys.len()];
        for (now, w) in was.iter().enumerate() {
            if let Some(w) = w {
                now_of[*w as usize] = Some(now as u32);
            }
        }
        // A group that lost a report may fall apart, and its dropped pairs would be needed.
        let grouped_report_gone = memo
            .near_copy_groups
            .iter()
            .flatten()
            .any(|&m| now_of[m as usize].is_none());
        if grouped_report_gone {
            return None;
        }
        Some(Plan { memo, now_of, was })
    }

    /// The stored pairs by positions, the large groups of near copies, the signatures and how
    /// many reports were compared anew; `None` when a changed report is a near copy of a
    /// member of a large group, whose dropped pairs would then be needed (see
    /// [`super::near_copies`]): the caller computes everything.
    fn run(
        self,
        heads: &[ReportFeatures],
        t: &Thresholds,
        exact: bool,
        progress: &dyn crate::progress::Progress,
    ) -> Option<(Collapsed, Vec<Vec<u32>>, usize)> {
        let changed: Vec<u32> = (0..heads.len() as u32)
            .filter(|&i| self.was[i as usize].is_none())
            .collect();
        progress.stage("changed pairs", Some(changed.len() as u64));
        let hasher = MinHasher::new(NUM_PERM, lsh::SIGNATURE_SEED);
        let signatures: Vec<Vec<u32>> = if exact {
            Vec::new()
        } else {
            crate::par::map(&self.was, |w| match w {
                Some(w) => self.memo.signatures[*w as usize].clone(),
                None => Vec::new(),
            })
            .into_iter()
            .zip(heads)
            .map(|(s, f)| {
                if s.is_empty() {
                    hasher.signature(&f.shingles)
                } else {
                    s
                }
            })
            .collect()
        };
        let rule = PairRule::new(heads, t, exact, &signatures, &changed);
        let is_changed = |j: usize| self.was[j].is_none();
        // Each pair with a changed report, once: by its changed report, or by the first of two.
        let fresh = crate::par::map_counted(&changed, progress, |&i| {
            let bits = ShingleBits::new(&heads[i as usize].shingles);
            let quoted = rule.quoted_with(i);
            (0..heads.len() as u32)
                .filter(|&j| j != i && !(is_changed(j as usize) && j < i))
                .filter_map(|j| {
                    let (a, b) = (i.min(j), i.max(j));
                    Some((a, b, rule.pair(a, b, &bits, i, &quoted)?))
                })
                .collect::<Vec<_>>()
        });
        let mut in_group = vec![false; heads.len()];
        for &m in self.memo.near_copy_groups.iter().flatten() {
            if let Some(now) = self.now_of[m as usize] {
                in_group[now as usize] = true;
            }
        }
        let groups = NearCopies::new(heads.len(), t);
        let joins_a_group = fresh.iter().flatten().any(|(a, b, p)| {
            (in_group[*a as usize] || in_group[*b as usize]) && groups.is_near_copy(p)
        });
        if joins_a_group {
            return None;
        }
        let mut all: Vec<(u32, u32, Pair)> = self
            .memo
            .pairs
            .iter()
            .filter_map(|(a, b, p)| {
                Some((
                    self.now_of[*a as usize]?,
                    self.now_of[*b as usize]?,
                    p.clone(),
                ))
            })
            .chain(fresh.into_iter().flatten())
            .collect();
        all.sort_unstable_by_key(|p| (p.0, p.1));
        let (pairs, near_copy_groups) = NearCopies::from_pairs(heads.len(), t, &all).finish(all);
        Some(((pairs, near_copy_groups), signatures, changed.len()))
    }
}
