//! Near copies (analysis::near_copies): a large group of reports that are near duplicates at
//! every threshold stores a spanning tree of its pairs, and what the page shows from it (stories
//! and duplicate flags at every value of the threshold control, any pair's figures on demand) is
//! exactly what all-pairs comparison of every report gives.

mod common;

use parallax_core::analysis::copies::INLINE_UP_TO;
use parallax_core::analysis::{self, pairs, stories, Thresholds};
use parallax_core::metadata::Metadata;
use parallax_core::query::duplicate_flags;
use parallax_core::url_state::THRESHOLD_PERCENT_RANGE;
use parallax_core::{build_corpus, Pair, Relation};

#[test]
fn a_large_group_of_near_copies_stores_a_tree_and_reads_as_all_pairs() {
    let count = 3 * INLINE_UP_TO;
    let files = common::corpus_with_near_copies(count);
    let parsed =
        parallax_core::ingest::parse_corpus(&files, &Metadata::default(), &common::options());
    let full = analysis::relate_all(&parsed.reports, &Thresholds::default());
    let c = build_corpus(&files, &Metadata::default(), &[], &common::options());
    assert!(
        c.copy_groups.is_empty(),
        "the copies differ: {:?}",
        c.copy_groups
    );
    assert_eq!(c.near_copy_groups.len(), 1, "{:?}", c.near_copy_groups);
    let group = &c.near_copy_groups[0];
    assert!(
        group.len() > count,
        "the copies and their source: {group:?}"
    );
    let position = common::positions(&c);
    let inside = |p: &Pair| {
        group.binary_search(&position[p.a.as_str()]).is_ok()
            && group.binary_search(&position[p.b.as_str()]).is_ok()
    };
    // A spanning tree inside the group instead of every pair.
    assert_eq!(
        c.pairs.iter().filter(|p| inside(p)).count(),
        group.len() - 1
    );
    assert_eq!(
        full.iter().filter(|p| inside(p)).count(),
        group.len() * (group.len() - 1) / 2
    );
    // Stories and duplicate flags at every value of the page's control are the all-pairs ones.
    let stored = pairs::regroupable(&c.reports, &c.pairs, &c.evidence);
    let full_kept = common::kept_by_page(&full);
    for percent in THRESHOLD_PERCENT_RANGE.step_by(10).chain([30]) {
        let t = Thresholds::with_near_duplicate_percent(percent);
        let want = pairs::reclassify(&full_kept, &t);
        let got = pairs::reclassify(&stored, &t);
        let dropped: Vec<&Pair> = want
            .iter()
            .filter(|p| !got.iter().any(|g| g.a == p.a && g.b == p.b))
            .collect();
        assert!(
            dropped.iter().all(|p| inside(p)),
            "only pairs inside the group are dropped, at {percent} %"
        );
        assert_eq!(
            stories::build_stories(&parsed.reports, &got, t.same_story_max_days),
            stories::build_stories(&parsed.reports, &want, t.same_story_max_days),
            "at {percent} %"
        );
        assert_eq!(
            duplicate_flags(&parsed.reports, &got),
            duplicate_flags(&parsed.reports, &want),
            "at {percent} %"
        );
    }
    // Any two reports: the pair computed on demand is the all-pairs one (stock lines included).
    assert!(
        full.iter().any(|p| !p.stock_quotes.is_empty()),
        "no stock line to check"
    );
    for want in &full {
        let (a, b) = (position[want.a.as_str()], position[want.b.as_str()]);
        let live = pairs::live_pair(
            &c.reports,
            &c.stock_runs,
            b as usize,
            a as usize,
            &Thresholds::default(),
        );
        assert_eq!(live.as_ref(), Some(want));
    }
}

#[test]
fn a_small_group_of_near_copies_keeps_every_pair() {
    let files = common::corpus_with_near_copies(INLINE_UP_TO - 5);
    let c = build_corpus(&files, &Metadata::default(), &[], &common::options());
    let near = |i: &u32| c.reports[*i as usize].file.contains("~near");
    assert!(
        !c.near_copy_groups.iter().flatten().any(near),
        "{:?}",
        c.near_copy_groups
            .iter()
            .map(|g| g
                .iter()
                .map(|&i| c.reports[i as usize].file.clone())
                .collect::<Vec<_>>())
            .collect::<Vec<_>>()
    );
    let parsed =
        parallax_core::ingest::parse_corpus(&files, &Metadata::default(), &common::options());
    let full = analysis::relate_all(&parsed.reports, &Thresholds::default());
    let related: Vec<&Pair> = full
        .iter()
        .filter(|p| p.relation != Relation::Unrelated)
        .collect();
    assert_eq!(c.pairs.iter().collect::<Vec<_>>(), related);
}
