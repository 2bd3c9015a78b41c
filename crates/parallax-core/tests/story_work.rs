//! The live relations, the story page and the coverage matrix do work linear in what they read:
//! counted (`ingest::work`, the `work-count` feature), not timed. A story of thousands of near
//! copies (stored as a spanning tree, as `analysis::near_copies` stores a large group) is the
//! worst case: every copy printed the same day as its source, by one of a few outlets.

use parallax_core::analysis::coverage::{coverage, ColumnSort, MatrixColumns, RowSort};
use parallax_core::analysis::relations::{RegroupablePairs, Relations};
use parallax_core::analysis::story_text::story_text;
use parallax_core::analysis::story_view::{story_view, MAX_STORY_PAIRS, MAX_TEXT_REPORTS};
use parallax_core::analysis::Thresholds;
use parallax_core::ingest::work;
use parallax_core::{DateBasis, NaiveDate, Pair, Paragraph, Report};

/// `copies` near copies of report 0, all published the same day by 5 outlets, stored as a star;
/// and as many reports again in pairs of same-story reports on other days.
fn corpus(copies: usize) -> (Vec<Report>, Vec<Pair>) {
    let day = NaiveDate::from_ymd_opt(2024, 2, 1).unwrap();
    let report = |i: usize| {
        Report {
        id: format!("r{i:06}"),
        file: format!("r{i:06}.txt"),
        title: format!("Report {i}"),
        outlet: Some(format!("Outlet {}", i % 5)),
        published: Some(day + chrono_days(i / (copies + 1))),
        published_basis: DateBasis::Metadata,
        event_date: Some(day + chrono_days(i / (copies + 1))),
        event_date_basis: DateBasis::Stated,
        paragraphs: vec![Paragraph {
            text: format!(
                "The ferry terminal flooded after the sea wall gave way at high tide. Desk {i} counted {} boats and {} cars.",
                i * 7 + 1,
                i * 13 + 2
            ),
            ..Default::default()
        }],
        ..Default::default()
    }
    };
    let n = 2 * (copies + 1);
    let reports: Vec<Report> = (0..n).map(report).collect();
    let mut pairs: Vec<Pair> = (1..=copies)
        .map(|k| Pair {
            a: reports[0].id.clone(),
            b: reports[k].id.clone(),
            // The copy is nearly all in the source, which has more of its own.
            jaccard: 0.97,
            containment_a_in_b: 0.6,
            containment_b_in_a: 0.98,
            longest_run: 40,
            date_distance_days: Some(0),
            ..Default::default()
        })
        .collect();
    pairs.extend((copies + 1..n - 1).step_by(2).map(|k| Pair {
        a: reports[k].id.clone(),
        b: reports[k + 1].id.clone(),
        jaccard: 0.05,
        shared_quotes: vec![String::new()],
        date_distance_days: Some(0),
        ..Default::default()
    }));
    (reports, pairs)
}

fn chrono_days(d: usize) -> parallax_core::chrono::Duration {
    parallax_core::chrono::Duration::days(d as i64)
}

/// The work of `f`, counted.
fn counted<T>(f: impl FnOnce() -> T) -> (T, u64) {
    work::take();
    let out = f();
    (out, work::take())
}

#[test]
fn relations_the_story_page_and_the_matrix_grow_linearly() {
    let mut work_at = Vec::new();
    for copies in [1_000usize, 4_000] {
        let (reports, pairs) = corpus(copies);
        let all = RegroupablePairs::from_pairs(&reports, pairs);
        let (r, relations_work) =
            counted(|| Relations::new(&reports, &all, &Thresholds::default()));
        assert_eq!(r.stories().len(), 1 + copies / 2);
        let story = r.story_index_of(0).unwrap();
        assert_eq!(r.members(story).len(), copies + 1);
        let (view, view_work) = counted(|| story_view(&r, &reports, story).unwrap());
        // Every copy ties with the source on the first day, and each is a cut-down copy of it
        // (more than the pairs listed: the rule reads them all).
        assert_eq!(view.first.reports, [0]);
        assert_eq!(view.pairs.len(), MAX_STORY_PAIRS);
        assert_eq!(view.pairs_total, copies);
        let every: Vec<usize> = (0..reports.len()).collect();
        let (m, matrix_work) = counted(|| {
            coverage(
                &r,
                &reports,
                &every,
                MatrixColumns::Stories,
                RowSort::Coverage,
                ColumnSort::Date,
            )
        });
        assert_eq!(m.rows.len(), 5);
        work_at.push((relations_work, view_work, matrix_work));
    }
    let (small, large) = (work_at[0], work_at[1]);
    for (what, s, l) in [
        ("relations", small.0, large.0),
        ("story view", small.1, large.1),
        ("matrix", small.2, large.2),
    ] {
        // Four times the reports and pairs: about four times the work, far from sixteen.
        assert!(l <= 5 * s && l >= 3 * s, "{what}: {s} then {l}");
    }
}

#[test]
fn the_story_text_compares_a_bounded_number_of_reports() {
    let (reports, _) = corpus(8 * MAX_TEXT_REPORTS);
    let texts: Vec<(u32, &Report)> = reports
        .iter()
        .take(4 * MAX_TEXT_REPORTS)
        .enumerate()
        .map(|(i, r)| (i as u32, r))
        .collect();
    let (all, all_work) = counted(|| story_text(&texts));
    let (bounded, bounded_work) = counted(|| story_text(&texts[..MAX_TEXT_REPORTS]));
    assert_eq!(all.adds, bounded.adds);
    assert_eq!(all.left_out.len(), 3 * MAX_TEXT_REPORTS);
    assert_eq!(all_work, bounded_work);
    // The shared line is shared; each desk's own line is what it adds.
    assert!(all
        .adds
        .iter()
        .all(|a| a.sentences.len() == 1 && a.total == 2));
    assert!(all.adds[0].sentences[0].text.starts_with("Desk 0 counted"));
}
