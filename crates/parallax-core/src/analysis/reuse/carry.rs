//! What a build keeps for the next, and the pairing stage that reuses it.

use super::super::pairs::{ReportFeatures, Thresholds};
use super::{relate_heads, PairMemo};
use serde::{Deserialize, Serialize};
// Keys are content hashes already: FxHash, not SipHash.
use rustc_hash::FxHashMap as HashMap;

/// What one build keeps for the next: each report's features by [`report_key`], the memo of
/// the pairs, and the sentences of each report's quotes by [`quotes_key`](crate::analysis::quotes::quotes_key).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Carry {
    pub features: HashMap<u64, ReportFeatures>,
    pub pairs: Option<PairMemo>,
    pub quotes: HashMap<u64, Vec<crate::analysis::quotes::Sentence>>,
}

/// A key of everything [`ReportFeatures::new`] reads of a report: every paragraph (its text
/// and whether it is body text; more than the body it reads, never less), names, quotes and the
/// event date. Each text is hashed whole and its length and hash streamed into the key:
/// streaming the text itself copied most of it through the hasher's buffer.
pub fn report_key(r: &crate::model::Report) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut text = |s: &str| {
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(&xxhash_rust::xxh3::xxh3_64(s.as_bytes()).to_le_bytes());
    };
    text(&r.id);
    text(&r.paragraphs.len().to_string());
    for p in &r.paragraphs {
        text(if p.kind == crate::model::ParagraphKind::Text {
            "text"
        } else {
            "other"
        });
        text(&p.text);
    }
    for group in [&r.people, &r.speakers, &r.places] {
        text(&group.len().to_string());
        group.iter().for_each(|n| text(n));
    }
    for q in &r.quotes {
        text(&q.text);
    }
    text(&format!("{}|{:?}", r.quotes.len(), r.event_date));
    h.digest()
}

/// How much a build reused.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reused {
    /// Reports whose features were computed (not found in the carry).
    pub features_computed: usize,
    /// Reports compared anew (all of them when the pairs were computed in full).
    pub pairs_recomputed: usize,
}

/// [`crate::analysis::lsh::relate_scaled_marked`], reusing `carry` from the last build: features of
/// unchanged reports, pairs of unchanged reports. Returns the carry for the next build when
/// `keep` (else an empty one), and what was reused.
pub fn relate_scaled_reusing(
    reports: &[crate::model::Report],
    t: &Thresholds,
    progress: &dyn crate::progress::Progress,
    carry: Carry,
    keep: bool,
) -> (crate::analysis::copies::Related, Carry, Reused) {
    progress.stage("features", Some(reports.len() as u64));
    let Carry {
        features: mut cached,
        pairs: memo,
        quotes: _,
    } = carry;
    // Keys only when there is a carry to read or one to write.
    let keys: Vec<u64> = if keep || !cached.is_empty() {
        crate::par::map(reports, report_key)
    } else {
        Vec::new()
    };
    let mut found: Vec<Option<ReportFeatures>> = if keys.is_empty() {
        (0..reports.len()).map(|_| None).collect()
    } else {
        keys.iter().map(|k| cached.remove(k)).collect()
    };
    drop(cached);
    let missing: Vec<usize> = (0..reports.len()).filter(|&i| found[i].is_none()).collect();
    progress.advance((reports.len() - missing.len()) as u64);
    let computed =
        crate::par::map_counted(&missing, progress, |&i| ReportFeatures::new(&reports[i]));
    for (i, f) in missing.iter().zip(computed) {
        found[*i] = Some(f);
    }
    let mut features: Vec<ReportFeatures> = found.into_iter().flatten().collect();
    progress.stage("stock quotes", None);
    // Kept features carry the last build's stock marks: the corpus decides them anew.
    for f in &mut features {
        f.quote_stock.iter_mut().for_each(|m| m.fill(false));
    }
    crate::analysis::pairs::mark_stock_quotes(&mut features, t.same_story_max_days);
    progress.stage("copies", None);
    let mut next_memo = None;
    let mut recomputed = 0;
    let mut related = crate::analysis::copies::relate_collapsed(&mut features, t, |heads, t| {
        let found = relate_heads(heads, t, memo.as_ref(), progress, keep);
        next_memo = found.memo;
        recomputed = found.changed;
        progress.stage("pairs", None);
        (found.pairs, found.near_copy_groups)
    });
    related.stock_runs = crate::analysis::pairs::stock_runs(&features);
    let reused = Reused {
        features_computed: missing.len(),
        pairs_recomputed: recomputed,
    };
    let carry = if keep {
        Carry {
            features: keys.into_iter().zip(features).collect(),
            pairs: next_memo,
            quotes: HashMap::default(),
        }
    } else {
        Carry::default()
    };
    (related, carry, reused)
}
