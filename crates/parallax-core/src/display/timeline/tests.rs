//! The timeline's layout: stories sharing rows, the undated lane, groups by the live stories.

use super::*;
use crate::analysis::pairs::Thresholds;
use crate::analysis::relations::RegroupablePairs;
use crate::{Corpus, Pair};

fn report(id: &str, date: Option<(i32, u32, u32)>) -> Report {
    Report {
        id: id.into(),
        event_date: date.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        ..Default::default()
    }
}

/// The relations of `pairs` at the default thresholds, as the page builds them.
fn relations(reports: &[Report], pairs: Vec<Pair>) -> Relations {
    let all = RegroupablePairs::from_pairs(reports, pairs);
    Relations::new(reports, &all, &Thresholds::default())
}

fn pair(a: &str, b: &str, jaccard: f32, quotes: usize) -> Pair {
    Pair {
        a: a.into(),
        b: b.into(),
        jaccard,
        shared_quotes: vec![String::new(); quotes],
        ..Default::default()
    }
}

#[test]
fn stories_share_rows_and_undated_reports_get_their_lane() {
    let corpus = Corpus {
        reports: vec![
            report("a", Some((2024, 7, 8))),
            report("b", Some((2024, 7, 8))),
            report("c", Some((2024, 3, 1))),
            report("d", None),
        ],
        ..Default::default()
    };
    // Relations are classified from the figures now: most text shared, a near duplicate.
    let relations = relations(&corpus.reports, vec![pair("a", "b", 0.9, 0)]);
    let l = layout(
        &corpus.reports,
        &[0, 1, 2, 3],
        &relations,
        800.0,
        None,
        &HashMap::new(),
    );
    assert_eq!(l.marks.len(), 4);
    let mark = |i: usize| l.marks.iter().find(|m| m.report == i).unwrap();
    assert_eq!(mark(0).shape, MarkShape::Square);
    assert_eq!(mark(2).shape, MarkShape::Circle);
    // Same day, same story: stacked, not overlapping.
    assert!((mark(0).y - mark(1).y).abs() >= ROW_HEIGHT);
    assert_eq!(l.links.len(), 1);
    assert!(mark(3).y > l.dated_bottom);
    assert!(l.undated_top.is_some());
    assert!(mark(2).x < mark(0).x);
}

#[test]
fn marks_are_grouped_by_the_live_stories_not_by_single_linkage() {
    let reports = vec![
        report("a", Some((2024, 7, 8))),
        report("u", None),
        report("c", Some((2024, 9, 3))),
        report("d", Some((2024, 9, 3))),
    ];
    // One shared quote each way through the undated report, the link to c stronger: the
    // story rule keeps the two events apart, where a union-find of the pairs joined them.
    let pairs = vec![
        pair("a", "u", 0.0, 2),
        pair("u", "c", 0.0, 3),
        Pair {
            date_distance_days: Some(0),
            ..pair("c", "d", 0.0, 1)
        },
    ];
    let relations = relations(&reports, pairs);
    assert_eq!(relations.stories().len(), 1);
    assert_eq!(relations.members(0), [1, 2, 3]);
    let l = layout(
        &reports,
        &[0, 1, 2, 3],
        &relations,
        800.0,
        None,
        &HashMap::new(),
    );
    let mark = |i: usize| l.marks.iter().find(|m| m.report == i).unwrap();
    assert_eq!(mark(0).shape, MarkShape::Circle, "in no story");
    assert_eq!(mark(2).shape, MarkShape::Diamond);
    // One link, through c and d only (u is undated): a is on its own.
    assert_eq!(l.links.len(), 1);
    assert_eq!(l.links[0].len(), 2);
    assert!(l.links[0].iter().all(|&(x, _)| x > mark(0).x));
    // A story's matching members stay one group when the report joining them is filtered
    // out: matching c and d only still links them.
    let l = layout(&reports, &[2, 3], &relations, 800.0, None, &HashMap::new());
    assert_eq!(l.links.len(), 1);
}

#[test]
fn brush_positions_map_back_to_dates() {
    let corpus = Corpus {
        reports: vec![
            report("a", Some((2024, 1, 1))),
            report("b", Some((2024, 12, 31))),
        ],
        ..Default::default()
    };
    let none = relations(&corpus.reports, Vec::new());
    let l = layout(
        &corpus.reports,
        &[0, 1],
        &none,
        1000.0,
        None,
        &HashMap::new(),
    );
    let d = NaiveDate::from_ymd_opt(2024, 6, 15).unwrap();
    assert_eq!(l.date_at(l.x_of(d)), d);
}
