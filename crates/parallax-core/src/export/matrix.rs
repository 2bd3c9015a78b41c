//! The coverage matrix as CSV: one row per outlet (or source file), one column per story (or
//! event date), as the page shows them, in the same order. A cell says what the page's cell
//! says — absent, own reporting or copied, "first" when the outlet carried the column first —
//! and lists the reports' ids.

use super::{CsvTable, ExportSource};
use crate::analysis::coverage::{CellState, ColumnKey, Matrix};
use crate::display;
use crate::model::Report;

/// The header of a column: its label, with its date and its story's id when it has them.
fn column_header(column: &crate::analysis::coverage::MatrixColumn) -> String {
    match &column.key {
        ColumnKey::Story(_, id) => match column.date {
            Some(d) => format!("{} ({}) [{id}]", column.label, display::date(d)),
            None => format!("{} [{id}]", column.label),
        },
        ColumnKey::Date(d) => d.to_string(),
    }
}

/// The matrix as CSV.
pub fn matrix_csv(source: &ExportSource, matrix: &Matrix, reports: &[Report]) -> String {
    let mut header: Vec<String> = [
        "outlet",
        "source_file",
        "columns_covered",
        "own",
        "copied",
        "first",
    ]
    .map(String::from)
    .to_vec();
    header.extend(matrix.columns.iter().map(column_header));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let what = if matrix.by_source_file {
        "coverage matrix (no report names its outlet: rows are source files)"
    } else {
        "coverage matrix"
    };
    let mut table = CsvTable::new(what, source, &header);
    let id = |i: u32| reports.get(i as usize).map_or("", |r| r.id.as_str());
    for (r, row) in matrix.rows.iter().enumerate() {
        let mut cells = vec![
            row.name.clone(),
            row.source_file.to_string(),
            row.covered.to_string(),
            row.own.to_string(),
            row.copied.to_string(),
            row.first.to_string(),
        ];
        for c in 0..matrix.columns.len() {
            cells.push(match matrix.cell(r, c) {
                None => CellState::Absent.label().to_string(),
                Some(cell) => {
                    let ids: Vec<&str> = cell.reports.iter().map(|&i| id(i)).collect();
                    let first = if cell.first { ", first" } else { "" };
                    format!("{}{first}: {}", cell.state.label(), ids.join("; "))
                }
            });
        }
        table.row(cells);
    }
    table.finish()
}
