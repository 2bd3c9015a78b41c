use super::*;
use crate::analysis::stories::build_stories;
use crate::analysis::stories::tests::report;
use crate::query::duplicate_flags;

fn pair(a: &str, b: &str, jaccard: f32, quotes: usize, days: Option<i64>) -> Pair {
    Pair {
        a: a.into(),
        b: b.into(),
        jaccard,
        shared_quotes: vec![String::new(); quotes],
        date_distance_days: days,
        ..Default::default()
    }
}

/// a, b: one briefing rewritten (Jaccard 0.4); c reprints a (0.9); d shares a quote with a on
/// another date; e is a same-day paraphrase of b (one quote).
fn corpus() -> (Vec<Report>, RegroupablePairs) {
    let reports = vec![
        report("a", Some("2024-03-05")),
        report("b", Some("2024-03-05")),
        report("c", None),
        report("d", Some("2024-06-19")),
        report("e", Some("2024-03-05")),
    ];
    let pairs = vec![
        pair("a", "b", 0.4, 2, Some(0)),
        pair("a", "c", 0.9, 2, None),
        pair("a", "d", 0.01, 1, Some(106)),
        pair("b", "e", 0.05, 1, Some(0)),
        pair("x", "e", 0.9, 0, None),
    ];
    let all = RegroupablePairs::from_pairs(&reports, pairs);
    (reports, all)
}

#[test]
fn at_the_defaults_the_stories_and_flags_are_the_builds() {
    let (reports, all) = corpus();
    assert_eq!(
        all.len(),
        4,
        "the pair naming an unknown report is left out"
    );
    let r = Relations::new(&reports, &all, &Thresholds::default());
    let related: Vec<Pair> = all
        .pairs()
        .iter()
        .filter_map(|p| {
            let (relation, why) = classify(p, &Thresholds::default());
            (relation != Relation::Unrelated).then(|| Pair {
                relation,
                why,
                ..p.clone()
            })
        })
        .collect();
    assert_eq!(r.pairs(), related);
    assert_eq!(r.stories(), build_stories(&reports, &related, 1));
    assert_eq!(r.duplicates(), duplicate_flags(&reports, r.pairs()));
    assert_eq!(r.stories().len(), 1);
    assert_eq!(r.members(0), [0, 1, 2, 4]);
    assert_eq!(r.story_of(3), None);
    assert_eq!(r.story_of(2).map(|s| s.id.as_str()), Some("story-a"));
    assert_eq!(r.pairs_of(0).len(), 3);
    assert_eq!(r.ends(r.pairs_of(4)[0] as usize), Some((1, 4)));
    assert!(r.regrouped().is_empty());
}

#[test]
fn a_stricter_threshold_regroups_pairs_and_stories_together() {
    let (reports, all) = corpus();
    let strict = Thresholds::with_near_duplicate_percent(50);
    let r = Relations::new(&reports, &all, &strict);
    // a–b falls to same story (two quotes, same day); a–c stays a near duplicate.
    assert_eq!(
        r.regrouped(),
        [Regrouped {
            from: Relation::NearDuplicate,
            to: Relation::SameStory,
            pairs: 1
        }]
    );
    assert_eq!(r.regrouped_total(), 1);
    assert_eq!(r.duplicates(), [true, false, true, false, false]);
    assert_eq!(r.members(0), [0, 1, 2, 4], "still one story through quotes");
    // Stricter still: the rewrite (two quotes, no shared person) and the paraphrase (one
    // quote) only share quotes; c, undated, keeps two quotes with a and stays.
    let strictest = Thresholds {
        near_duplicate_jaccard: 0.95,
        same_story_min_quotes: 3,
        ..Thresholds::default()
    };
    let r = Relations::new(&reports, &all, &strictest);
    assert!(r.duplicates().iter().all(|d| !d));
    // b–e (one quote) is no longer a story: e leaves, and its label goes with it.
    assert_eq!(r.story_of(4), None);
    assert_eq!(r.members(0), [0, 2]);
    assert_eq!(r.regrouped_total(), 3);
}

#[test]
fn a_moved_story_is_found_by_the_report_its_id_was_made_from() {
    let (reports, all) = corpus();
    let position = |id: &str| reports.iter().position(|r| r.id == id);
    let r = Relations::new(&reports, &all, &Thresholds::default());
    assert_eq!(r.resolve_story("story-a", position), Some(0));
    assert_eq!(r.resolve_story("story-e", position), Some(0));
    assert_eq!(r.resolve_story("story-d", position), None);
    assert_eq!(r.resolve_story("nothing", position), None);
}

#[test]
fn relations_of_other_reports_do_not_panic() {
    let (reports, all) = corpus();
    // Fewer reports than the pairs name: the pairs past the end are skipped.
    let r = Relations::new(&reports[..2], &all, &Thresholds::default());
    assert_eq!(r.pairs().len(), 1);
    assert_eq!(r.pairs_of(7), &[] as &[u32]);
    assert_eq!(r.story_of(7), None);
    assert!(!r.is_duplicate(7));
}
