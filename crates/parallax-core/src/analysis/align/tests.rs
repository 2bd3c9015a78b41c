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

#[test]
fn a_sentence_split_in_two_is_one_row_with_its_diff_either_way_round() {
    // A wire sentence, and a tabloid cutting it in two with a word of its own.
    let wire = report(
        "wire",
        &["Firefighters battled the warehouse blaze for six hours before bringing it under control late on Tuesday, a fire service spokeswoman said.".into()],
    );
    let tabloid = report(
        "tabloid",
        &["Firefighters battled the warehouse blaze for six long hours. They brought it under control late on Tuesday, a fire service spokeswoman said.".into()],
    );
    let a = align(&wire, &tabloid);
    assert_eq!(a.rows.len(), 1, "{:?}", a.rows);
    let row = &a.rows[0];
    assert_eq!(
        (row.left, row.right, row.shape),
        (Some(0), Some(0), RowShape::OneToTwo)
    );
    assert_eq!(row.right_sentences(), 0..2);
    assert_eq!(row.kind, RowKind::Reworded);
    let changed = |spans: &[DiffSpan]| -> Vec<String> {
        spans
            .iter()
            .filter(|s| s.changed)
            .map(|s| s.text.clone())
            .collect()
    };
    let pieces = row.right_pieces();
    assert_eq!(pieces.len(), 2);
    assert_eq!(changed(pieces[0].1), ["long", "."]);
    assert_eq!(changed(pieces[1].1), ["They brought"]);
    assert_eq!(changed(&row.left_diff), ["before bringing"]);
    assert_eq!((a.summary.matched, a.summary.split_or_merged), (1, 1));
    assert_eq!((a.summary.left_matched, a.summary.right_matched), (1, 2));
    assert!(a.left_only.is_empty() && a.right_only.is_empty());

    // The other way round it is two sentences merged into one.
    let b = align(&tabloid, &wire);
    assert_eq!(b.rows.len(), 1);
    assert_eq!(b.rows[0].shape, RowShape::TwoToOne);
    assert_eq!(b.rows[0].left_sentences(), 0..2);
    assert_eq!(b.rows[0].similarity, row.similarity);
}

#[test]
fn a_neighbour_sharing_only_common_words_is_not_joined() {
    let left = report(
        "l",
        &["The council approved the new budget on Monday evening after a long debate.".into()],
    );
    let right = report(
        "r",
        &["The council approved the new budget on Monday evening after a long debate. The mayor said it was a good day for the town.".into()],
    );
    let a = align(&left, &right);
    let row = a.rows.iter().find(|r| r.left == Some(0)).unwrap();
    assert_eq!(
        (row.shape, row.kind),
        (RowShape::OneToOne, RowKind::Verbatim)
    );
    assert_eq!(a.right_only, [1]);
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
    // The first two merged: one to two and two to one rows.
    "The spokesperson spoke to reporters on Monday and said the two countries share an interest in regional security.",
];

#[test]
fn the_pools_merged_sentence_makes_a_two_to_one_row() {
    let two = report("two", &[format!("{} {}", POOL[0], POOL[1])]);
    let one = report("one", &[POOL[10].to_string()]);
    let a = align(&two, &one);
    assert_eq!(a.rows.len(), 1);
    assert_eq!(
        (a.rows[0].shape, a.rows[0].right),
        (RowShape::TwoToOne, Some(0))
    );
}

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
        let mut lefts: Vec<usize> = a.rows.iter().flat_map(|r| r.left_sentences()).collect();
        let mut rights: Vec<usize> = a.rows.iter().flat_map(|r| r.right_sentences()).collect();
        // Left reading order is kept.
        prop_assert!(lefts.windows(2).all(|w| w[0] < w[1]));
        lefts.sort();
        rights.sort();
        prop_assert_eq!(lefts, (0..a.left.len()).collect::<Vec<_>>());
        prop_assert_eq!(rights, (0..a.right.len()).collect::<Vec<_>>());
        for row in a.rows.iter().filter(|r| r.left.is_some() && r.right.is_some()) {
            // Each sentence's pieces rebuild it, on both sides.
            for (pieces, side) in [(row.left_pieces(), &a.left), (row.right_pieces(), &a.right)] {
                for (i, spans) in pieces {
                    let joined: String = spans.iter().map(|s| s.text.as_str()).collect();
                    prop_assert_eq!(&joined, &side[i].text);
                }
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
        prop_assert!(a.rows.iter().all(|r| r.left == r.right && r.shape == RowShape::OneToOne && !r.moved && r.left_diff.iter().all(|s| !s.changed)));
    }

    #[test]
    fn swapping_sides_mirrors_the_result(l in arb_report(), r in arb_report()) {
        let (lr, rr) = (report("l", &l), report("r", &r));
        let ab = align(&lr, &rr);
        let ba = align(&rr, &lr);
        let matches = |a: &Alignment, swap: bool| {
            let mut v: Vec<_> = a.rows.iter().filter_map(|row| {
                let (x, y) = (row.left?, row.right?);
                let (xs, ys) = (row.left_sentences().len(), row.right_sentences().len());
                Some(if swap { (y, x, ys, xs, row.moved, row.kind) } else { (x, y, xs, ys, row.moved, row.kind) })
            }).collect();
            v.sort_by_key(|t| (t.0, t.1));
            v
        };
        prop_assert_eq!(matches(&ab, false), matches(&ba, true));
        prop_assert_eq!(&ab.left_only, &ba.right_only);
        prop_assert_eq!(&ab.right_only, &ba.left_only);
        prop_assert_eq!(ab.summary.left_matched_share, ba.summary.right_matched_share);
        prop_assert_eq!((ab.summary.verbatim, ab.summary.reworded, ab.summary.moved, ab.summary.split_or_merged), (ba.summary.verbatim, ba.summary.reworded, ba.summary.moved, ba.summary.split_or_merged));
        prop_assert_eq!((ab.summary.left_matched, ab.summary.right_matched), (ba.summary.right_matched, ba.summary.left_matched));
    }
}
