use super::*;
use crate::analysis::pairs::Thresholds;
use crate::analysis::relations::RegroupablePairs;
use crate::model::{DateBasis, Pair};

fn report(id: &str, outlet: Option<&str>, published: &str) -> Report {
    Report {
        id: id.into(),
        file: format!("{id}.txt"),
        title: format!("Title {id}"),
        outlet: outlet.map(String::from),
        published: Some(published.parse().unwrap()),
        published_basis: DateBasis::Metadata,
        event_date: Some("2024-05-01".parse().unwrap()),
        event_date_basis: DateBasis::Stated,
        ..Default::default()
    }
}

/// A copy of `a` in `b`, cut down: most of b is in a.
fn copy(a: &str, b: &str) -> Pair {
    Pair {
        a: a.into(),
        b: b.into(),
        jaccard: 0.6,
        containment_a_in_b: 0.6,
        containment_b_in_a: 0.95,
        longest_run: 40,
        ..Default::default()
    }
}

fn matrix(reports: &[Report], pairs: Vec<Pair>, within: &[usize]) -> Matrix {
    let all = RegroupablePairs::from_pairs(reports, pairs);
    let r = Relations::new(reports, &all, &Thresholds::default());
    coverage(
        &r,
        reports,
        within,
        MatrixColumns::Stories,
        RowSort::Name,
        ColumnSort::Date,
    )
}

#[test]
fn a_cell_is_copied_only_when_all_its_reports_copy_another_outlet() {
    // The wire prints on the 1st; the daily copies it on the 2nd and its second edition copies
    // the first; the weekly copies the wire on the 3rd and also runs a report of its own that
    // only shares a quote with the wire.
    let reports = vec![
        report("wire", Some("Wire"), "2024-05-01"),
        report("daily1", Some("Daily"), "2024-05-02"),
        report("daily2", Some("Daily"), "2024-05-02"),
        report("weekly1", Some("Weekly"), "2024-05-03"),
        report("weekly2", Some("Weekly"), "2024-05-03"),
    ];
    let pairs = vec![
        copy("wire", "daily1"),
        copy("daily1", "daily2"),
        copy("wire", "weekly1"),
        // weekly2 shares a quote with the wire only: its own reporting of the same event.
        Pair {
            a: "wire".into(),
            b: "weekly2".into(),
            shared_quotes: vec![String::new()],
            date_distance_days: Some(0),
            ..Default::default()
        },
    ];
    let m = matrix(&reports, pairs, &[0, 1, 2, 3, 4]);
    let row = |name: &str| m.rows.iter().position(|r| r.name == name).unwrap();
    // daily2 copies daily1, the same outlet's text: not a copy of another outlet, so the daily's
    // cell is own reporting, with daily1's copy of the wire listed.
    let daily = m.cell(row("Daily"), 0).unwrap();
    assert_eq!(daily.state, CellState::Own);
    assert_eq!(daily.copied, [(1, 0)]);
    let weekly = m.cell(row("Weekly"), 0).unwrap();
    assert_eq!(weekly.state, CellState::Own, "weekly2 is its own");
    assert_eq!(weekly.copied, [(3, 0)]);
    let wire = m.cell(row("Wire"), 0).unwrap();
    assert_eq!((wire.state, wire.first), (CellState::Own, true));
    // Without weekly2 in view the weekly's cell is all copies.
    let m = matrix(
        &reports,
        vec![
            copy("wire", "daily1"),
            copy("daily1", "daily2"),
            copy("wire", "weekly1"),
            Pair {
                a: "wire".into(),
                b: "weekly2".into(),
                shared_quotes: vec![String::new()],
                date_distance_days: Some(0),
                ..Default::default()
            },
        ],
        &[0, 1, 2, 3],
    );
    let weekly = m.cell(m.rows.iter().position(|r| r.name == "Weekly").unwrap(), 0);
    assert_eq!(weekly.map(|c| c.state), Some(CellState::Copied));
}

#[test]
fn bad_indices_and_mismatched_relations_do_not_panic() {
    let reports = vec![
        report("a", None, "2024-05-01"),
        report("b", None, "2024-05-02"),
    ];
    let all = RegroupablePairs::from_pairs(&reports, vec![copy("a", "b")]);
    let r = Relations::new(&reports, &all, &Thresholds::default());
    // Relations of two reports, a matrix of one, indices out of range.
    let m = coverage(
        &r,
        &reports[..1],
        &[0, 1, 7, usize::MAX],
        MatrixColumns::Stories,
        RowSort::First,
        ColumnSort::First,
    );
    assert_eq!(m.rows.len(), 1);
    assert!(m.by_source_file);
    assert_eq!(m.cell(0, 0).map(|c| c.state), Some(CellState::Own));
    assert_eq!(m.cell(5, 5), None);
    let empty = coverage(
        &Relations::default(),
        &[],
        &[],
        MatrixColumns::EventDates,
        RowSort::Name,
        ColumnSort::Name,
    );
    assert!(empty.rows.is_empty() && empty.columns.is_empty() && !empty.by_source_file);
}

#[test]
fn the_url_keys_name_every_choice_once() {
    for &c in MatrixColumns::ALL {
        assert_eq!(MatrixColumns::from_key(c.key()), Some(c));
    }
    for &r in RowSort::ALL {
        assert_eq!(RowSort::from_key(r.key()), Some(r));
    }
    for &c in ColumnSort::ALL {
        assert_eq!(ColumnSort::from_key(c.key()), Some(c));
    }
    assert_eq!(RowSort::from_key("date"), None);
}
