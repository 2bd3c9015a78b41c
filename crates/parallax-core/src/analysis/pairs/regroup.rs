//! Pairs under other thresholds: the compact evidence the page's threshold control can
//! regroup, expanded back into pairs and reclassified.

use super::*;

/// Could the page's threshold control make this pair, unrelated under the default thresholds,
/// related? The control only moves the near-duplicate Jaccard within
/// [`THRESHOLD_PERCENT_RANGE`], and lowering it only promotes pairs, so the answer is the
/// relation at the range's lowest value.
pub fn regroupable_by_control(pair: &Pair) -> bool {
    let lowest = Thresholds::with_near_duplicate_percent(*THRESHOLD_PERCENT_RANGE.start());
    classify(pair, &lowest).0 != Relation::Unrelated
}

/// `pair` compactly, with `a` and `b` as indices into the reports. Only for pairs sharing no
/// quote (unrelated under the defaults): the quote texts are not kept.
pub fn compact(pair: &Pair, a: u32, b: u32) -> PairEvidence {
    debug_assert!(
        pair.shared_quotes.is_empty(),
        "a pair sharing a quote is always related"
    );
    PairEvidence {
        a,
        b,
        jaccard: pair.jaccard,
        containment_a_in_b: pair.containment_a_in_b,
        containment_b_in_a: pair.containment_b_in_a,
        longest_run: u16::try_from(pair.longest_run).unwrap_or(u16::MAX),
        date_distance_days: pair
            .date_distance_days
            .map(|d| i32::try_from(d).unwrap_or(i32::MAX)),
    }
}

/// The full [`Pair`] back from compact evidence (see [`compact`]), classified under `thresholds`:
/// shared people and places are recomputed from the reports, exactly as [`evidence`] does.
/// `None` when an index is out of range.
pub fn expand(e: &PairEvidence, reports: &[Report], thresholds: &Thresholds) -> Option<Pair> {
    let (ra, rb) = (reports.get(e.a as usize)?, reports.get(e.b as usize)?);
    let people = |r: &Report| name_keys(r.people.iter().chain(&r.speakers));
    let places = |r: &Report| name_keys(r.places.iter());
    let mut pair = Pair {
        a: ra.id.clone(),
        b: rb.id.clone(),
        relation: Relation::Unrelated,
        jaccard: e.jaccard,
        containment_a_in_b: e.containment_a_in_b,
        containment_b_in_a: e.containment_b_in_a,
        longest_run: usize::from(e.longest_run),
        shared_quotes: Vec::new(),
        stock_quotes: Vec::new(),
        shared_people: shared_names(&people(ra), &people(rb)),
        shared_places: shared_names(&places(ra), &places(rb)),
        date_distance_days: e.date_distance_days.map(i64::from),
        why: String::new(),
    };
    (pair.relation, pair.why) = classify(&pair, thresholds);
    Some(pair)
}

/// Every pair whose relation the page's threshold control can change, in full, classified
/// under the default thresholds, in corpus order of (a, b): the related `pairs` and the
/// expanded compact `evidence`. The page builds this once and [`reclassify`]s it.
pub fn regroupable(reports: &[Report], pairs: &[Pair], evidence: &[PairEvidence]) -> Vec<Pair> {
    let defaults = Thresholds::default();
    let position: std::collections::HashMap<&str, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let order = |p: &Pair| {
        (
            position.get(p.a.as_str()).copied(),
            position.get(p.b.as_str()).copied(),
        )
    };
    let mut all: Vec<Pair> = pairs
        .iter()
        .cloned()
        .chain(
            evidence
                .iter()
                .filter_map(|e| expand(e, reports, &defaults)),
        )
        .collect();
    all.sort_by_key(order);
    all
}

/// Reclassifies stored evidence under new thresholds and keeps the related pairs: what the page
/// does when the reader moves a threshold.
pub fn reclassify(evidence: &[Pair], thresholds: &Thresholds) -> Vec<Pair> {
    evidence
        .iter()
        .filter_map(|p| {
            let (relation, why) = classify(p, thresholds);
            (relation != Relation::Unrelated).then(|| Pair {
                relation,
                why,
                ..p.clone()
            })
        })
        .collect()
}
