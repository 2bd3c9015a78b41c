//! The coverage matrix on the syndication corpus (tests/analysis_corpora/syndication: outlets
//! and dates in its metadata.toml) and on the seeds, whose outlets are unknown. Reports are found
//! by file, never by title.

mod common;

use parallax_core::analysis::coverage::{
    coverage, CellState, ColumnSort, Matrix, MatrixColumns, RowSort,
};
use parallax_core::analysis::relations::{RegroupablePairs, Relations};
use parallax_core::analysis::Thresholds;
use parallax_core::Corpus;

fn syndication() -> Corpus {
    common::parse_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/analysis_corpora/syndication"),
    )
}

fn matrix(
    c: &Corpus,
    t: &Thresholds,
    columns: MatrixColumns,
    rows: RowSort,
    cols: ColumnSort,
) -> Matrix {
    let all = RegroupablePairs::new(&c.reports, &c.pairs, &c.evidence);
    let r = Relations::new(&c.reports, &all, t);
    let every: Vec<usize> = (0..c.reports.len()).collect();
    coverage(&r, &c.reports, &every, columns, rows, cols)
}

/// Each row as its name and its cells' states, column by column ('.' absent, 'O' own, 'C'
/// copied, lower case when the cell carried the column first).
fn grid(m: &Matrix) -> Vec<String> {
    (0..m.rows.len())
        .map(|r| {
            let cells: String = (0..m.columns.len())
                .map(|c| match m.cell(r, c) {
                    None => '.',
                    Some(cell) => {
                        let ch = match cell.state {
                            CellState::Own => 'O',
                            CellState::Copied => 'C',
                            CellState::Absent => '?',
                        };
                        if cell.first {
                            ch.to_ascii_lowercase()
                        } else {
                            ch
                        }
                    }
                })
                .collect();
            format!("{cells} {}", m.rows[r].name)
        })
        .collect()
}

#[test]
fn outlets_by_stories_say_who_copied_and_who_reported() {
    let c = syndication();
    let m = matrix(
        &c,
        &Thresholds::default(),
        MatrixColumns::Stories,
        RowSort::Name,
        ColumnSort::Date,
    );
    assert!(!m.by_source_file);
    // Columns by date: the ferry story (13 Nov, named by its first dated report), the library
    // (20 Nov). The school fares report is in no story.
    let labels: Vec<&str> = m.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Ferry crossings halted after surge floods terminal",
            "Carnegie library reopens after three-year restoration"
        ]
    );
    assert_eq!(m.left_out, 1);
    // The wire and the radio carried the ferry story first (the bulletin cut its text from the
    // wire's that day); the bulletin and the gazette copied it; the weekly reported it in its
    // own words and copied the gazette's library report a day later. The blog's rewrite has no
    // date and an even overlap: its own reporting, with the undetermined pair listed.
    assert_eq!(
        grid(&m),
        [
            "o. Bay Radio News",
            "o. Coastline Press Agency",
            "C. Evening Bulletin",
            "OC Harbour Times",
            ".O Market Hill Residents' Blog",
            "Co Northport Gazette",
        ]
    );
    let row = |name: &str| m.rows.iter().position(|r| r.name == name).unwrap();
    let blog = m.cell(row("Market Hill Residents' Blog"), 1).unwrap();
    assert_eq!(blog.undetermined.len(), 1);
    let gazette = m.cell(row("Northport Gazette"), 0).unwrap();
    let (copy, _) = gazette.copied[0];
    assert_eq!(c.reports[copy as usize].file, "g1_gazette_ferry.txt");
    // The gazette's copy has three sources the dates place before it: the wire, the bulletin
    // and the radio of the day before.
    assert_eq!(gazette.copied.len(), 3);
    let weekly = &m.rows[row("Harbour Times")];
    assert_eq!(
        (weekly.covered, weekly.own, weekly.copied, weekly.first),
        (2, 1, 1, 0)
    );
    assert_eq!(m.columns[0].rows, 5);
    assert_eq!(m.columns[1].rows, 3);
}

#[test]
fn rows_and_columns_sort() {
    let c = syndication();
    let t = Thresholds::default();
    let names = |m: &Matrix| m.rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    // Most stories covered first (the two papers), then by name.
    let m = matrix(
        &c,
        &t,
        MatrixColumns::Stories,
        RowSort::Coverage,
        ColumnSort::Date,
    );
    assert_eq!(names(&m)[..2], ["Harbour Times", "Northport Gazette"]);
    // Most stories carried first, first.
    let m = matrix(
        &c,
        &t,
        MatrixColumns::Stories,
        RowSort::First,
        ColumnSort::Date,
    );
    assert_eq!(names(&m)[0], "Northport Gazette");
    // Columns: most outlets first puts the ferry story first; by name the library first.
    let m = matrix(
        &c,
        &t,
        MatrixColumns::Stories,
        RowSort::Name,
        ColumnSort::Name,
    );
    assert!(m.columns[0].label.starts_with("Carnegie"));
    let by_name = grid(&m);
    let m = matrix(
        &c,
        &t,
        MatrixColumns::Stories,
        RowSort::Name,
        ColumnSort::Coverage,
    );
    assert!(m.columns[0].label.starts_with("Ferry"));
    // Sorting columns moves the cells with them.
    let swapped: Vec<String> = grid(&m)
        .iter()
        .map(|row| {
            let cells: Vec<char> = row.chars().take(2).collect();
            format!("{}{}{}", cells[1], cells[0], &row[2..])
        })
        .collect();
    assert_eq!(swapped, by_name);
    // By first carried: 13 November before 20 November.
    let m = matrix(
        &c,
        &t,
        MatrixColumns::Stories,
        RowSort::Name,
        ColumnSort::First,
    );
    assert!(m.columns[0].label.starts_with("Ferry"));
}

#[test]
fn briefings_by_event_date_are_columns_too() {
    let c = syndication();
    let m = matrix(
        &c,
        &Thresholds::default(),
        MatrixColumns::EventDates,
        RowSort::Name,
        ColumnSort::Date,
    );
    let labels: Vec<&str> = m.columns.iter().map(|c| c.label.as_str()).collect();
    // The blog's date is inferred from its story: it stands in the library's column.
    assert_eq!(labels, ["13 Nov 2023", "20 Nov 2023", "22 Nov 2023"]);
    assert_eq!(m.left_out, 0);
    let row = |name: &str| m.rows.iter().position(|r| r.name == name).unwrap();
    assert_eq!(
        m.cell(row("Bay Radio News"), 2).map(|c| c.state),
        Some(CellState::Own)
    );
}

#[test]
fn without_outlets_the_rows_are_source_files_and_it_says_so() {
    let c = common::parse_dir(&common::repo_root().join("corpus"));
    let m = matrix(
        &c,
        &Thresholds::default(),
        MatrixColumns::Stories,
        RowSort::Name,
        ColumnSort::Date,
    );
    assert!(m.by_source_file);
    assert!(m.rows.iter().all(|r| r.source_file));
    let rows: Vec<&str> = m.rows.iter().map(|r| &r.name[..3]).collect();
    assert_eq!(rows, ["001", "002"]);
    assert_eq!(m.columns.len(), 1);
    assert_eq!(m.left_out, c.reports.len() - 2);
}
