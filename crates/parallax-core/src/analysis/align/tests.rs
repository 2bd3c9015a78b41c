//! Tests of whole alignments: reordered and reworded sentences, folding, and properties
//! (every sentence used once, a report against itself, swapping the sides).

use super::*;
use crate::model::Paragraph;
use proptest::prelude::*;

fn report(id: &str, paragraphs: &[String]) -> Report {
    Report {
        id: id.into(),
        paragraphs: paragraphs
            .iter()
            .map(|t| Paragraph {
                text: t.clone(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

#[test]
fn aligns_reordered_and_reworded_sentences() {
    let left = report(
        "l",
        &[
            "The spokesperson spoke on Monday. He praised the talks between the two sides.".into(),
            "Officials said the meeting was constructive and useful. The weather was fine.".into(),
        ],
    );
    let right = report(
        "r",
        &[
            "Officials said the meeting had been constructive and very useful.".into(),
            "The spokesperson spoke on Monday. A new sentence appears here alone. He praised the talks between the two sides.".into(),
        ],
    );
    let a = align(&left, &right);
    assert_eq!(a.summary.matched, 3);
    assert_eq!(a.summary.verbatim, 2);
    assert_eq!(a.summary.reworded, 1);
    assert_eq!(a.left_only, [3]);
    assert_eq!(a.right_only, [2]);
    let officials = a.rows.iter().find(|r| r.left == Some(2)).unwrap();
    assert_eq!(
        (officials.right, officials.kind, officials.moved),
        (Some(0), RowKind::Reworded, true)
    );
    let changed: Vec<&str> = officials
        .right_diff
        .iter()
        .filter(|s| s.changed)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(changed, ["had been", "very"]);
    assert!(officials
        .left_diff
        .iter()
        .all(|s| !s.changed || s.text == "was"));
    // The unique right sentence follows the right sentence before it.
    let pos = |f: &dyn Fn(&AlignedRow) -> bool| a.rows.iter().position(f).unwrap();
    assert_eq!(
        pos(&|r| r.right == Some(2)),
        pos(&|r| r.right == Some(1)) + 1
    );
    assert!(a.summary.left_matched_share > 0.6 && a.summary.left_matched_share < 1.0);
}

#[test]
fn quote_marks_and_spelling_do_not_count_as_changes() {
    let l = report(
        "l",
        &["“We oppose vandalism,” he said of the organisation.".into()],
    );
    let r = report(
        "r",
        &["\"We oppose vandalism,\" he said of the organization.".into()],
    );
    let a = align(&l, &r);
    assert_eq!(a.rows[0].kind, RowKind::Verbatim);
    assert!(a.rows[0].left_diff.iter().all(|s| !s.changed));
}

const POOL: &[&str] = &[
    "The spokesperson spoke to reporters on Monday.",
    "He said the two countries share an interest in regional security.",
    "Pakistan has suffered greatly at the hands of terrorists.",
    "The ambassador met opposition leaders in Islamabad.",
    "Washington supports the right to peaceful assembly.",
    "The talks also touched on the energy crisis.",
    "Officials declined to comment on the detention.",
    "Analysts said the remarks signalled continuity.",
    "A court adjourned the hearing until next week.",
    "The spokesperson spoke to journalists on Monday.",
];

fn arb_report() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop::collection::vec(0..POOL.len(), 1..4), 0..5).prop_map(|paras| {
        paras
            .into_iter()
            .map(|p| p.into_iter().map(|i| POOL[i]).collect::<Vec<_>>().join(" "))
            .collect()
    })
}

proptest! {
    #[test]
    fn each_sentence_is_used_once(l in arb_report(), r in arb_report()) {
        let a = align(&report("l", &l), &report("r", &r));
        let mut lefts: Vec<usize> = a.rows.iter().filter_map(|r| r.left).collect();
        let mut rights: Vec<usize> = a.rows.iter().filter_map(|r| r.right).collect();
        lefts.sort();
        rights.sort();
        prop_assert_eq!(lefts, (0..a.left.len()).collect::<Vec<_>>());
        prop_assert_eq!(rights, (0..a.right.len()).collect::<Vec<_>>());
        // Left reading order is kept.
        let order: Vec<usize> = a.rows.iter().filter_map(|r| r.left).collect();
        prop_assert!(order.windows(2).all(|w| w[0] < w[1]));
        for row in &a.rows {
            if let (Some(i), Some(_)) = (row.left, row.right) {
                let joined: String = row.left_diff.iter().map(|s| s.text.as_str()).collect();
                prop_assert_eq!(&joined, &a.left[i].text);
            }
        }
    }

    #[test]
    fn a_report_aligned_with_itself_matches_everything_verbatim(l in arb_report()) {
        let rep = report("l", &l);
        let a = align(&rep, &rep);
        prop_assert_eq!(a.summary.matched, a.left.len());
        prop_assert_eq!(a.summary.verbatim, a.left.len());
        prop_assert_eq!(a.summary.moved, 0);
        prop_assert!(a.left_only.is_empty() && a.right_only.is_empty());
        prop_assert!(a.rows.iter().all(|r| r.left == r.right && !r.moved && r.left_diff.iter().all(|s| !s.changed)));
    }

    #[test]
    fn swapping_sides_mirrors_the_result(l in arb_report(), r in arb_report()) {
        let (lr, rr) = (report("l", &l), report("r", &r));
        let ab = align(&lr, &rr);
        let ba = align(&rr, &lr);
        let matches = |a: &Alignment, swap: bool| {
            let mut v: Vec<(usize, usize, bool, RowKind)> = a.rows.iter().filter_map(|row| {
                let (x, y) = (row.left?, row.right?);
                Some(if swap { (y, x, row.moved, row.kind) } else { (x, y, row.moved, row.kind) })
            }).collect();
            v.sort_by_key(|t| (t.0, t.1));
            v
        };
        prop_assert_eq!(matches(&ab, false), matches(&ba, true));
        prop_assert_eq!(&ab.left_only, &ba.right_only);
        prop_assert_eq!(&ab.right_only, &ba.left_only);
        prop_assert_eq!(ab.summary.left_matched_share, ba.summary.right_matched_share);
        prop_assert_eq!((ab.summary.verbatim, ab.summary.reworded, ab.summary.moved), (ba.summary.verbatim, ba.summary.reworded, ba.summary.moved));
    }
}
