//! The coverage matrix: outlets × stories (or × event dates, one column per day's briefings).
//! Each cell says whether the outlet is absent, did its own reporting or copied another outlet's
//! report, and lists its reports.
//!
//! # Rows
//!
//! One row per outlet. A report naming no outlet is put in a row for its source file, flagged
//! (`MatrixRow::source_file`); when no report names its outlet every row is a file and
//! [`Matrix::by_source_file`] says so.
//!
//! # Cells
//!
//! A report is **copied** when one of its near-duplicate pairs has a known direction
//! (`analysis::direction`) making it the copy of a report of *another* row (a copy between two
//! reports of one outlet is that outlet's own text). A cell is:
//! - **Absent**: the row has no report in the column (such cells are not stored);
//! - **Copied**: every report of the row in the column is copied;
//! - **Own reporting**: at least one is not. The copied ones are still listed
//!   (`Cell::copied`), and so are the near duplicates of another row's report whose direction
//!   is undetermined (`Cell::undetermined`), which count as own reporting since no copy is shown.
//!
//! # Bounded work
//!
//! Cells are sparse (at most one per report); each report's stored pairs are read once. So the
//! matrix costs O(R + P) for R reports and P pairs, plus the sorts.

use super::direction::{copy_direction, own_publication_date};
use super::relations::Relations;
use crate::model::{NaiveDate, Relation, Report};
use std::collections::HashMap;

mod keys;
#[cfg(test)]
mod tests;

pub use keys::{ColumnSort, MatrixColumns, RowSort};

/// What a cell says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellState {
    Absent,
    /// The outlet's own reporting (at least one of its reports is not a copy).
    Own,
    /// Every report of the outlet here copies another outlet's report.
    Copied,
}

impl CellState {
    pub fn label(self) -> &'static str {
        match self {
            CellState::Absent => "absent",
            CellState::Own => "own reporting",
            CellState::Copied => "copied",
        }
    }
}

/// One outlet's reports in one column.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub state: CellState,
    /// Report indices, in corpus order.
    pub reports: Vec<u32>,
    /// (copy, source) for each report copied from another row's report.
    pub copied: Vec<(u32, u32)>,
    /// Reports that are near duplicates of another row's report, direction undetermined.
    pub undetermined: Vec<u32>,
    /// One of its reports carried the column's story first.
    pub first: bool,
}

/// An outlet (or a source file).
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixRow {
    pub name: String,
    /// No outlet named: the reports of this source file.
    pub source_file: bool,
    /// Columns with a cell; of those, own reporting and copied; columns carried first.
    pub covered: usize,
    pub own: usize,
    pub copied: usize,
    pub first: usize,
    pub reports: usize,
    /// Its cells, by column position in [`Matrix::columns`], ascending.
    pub cells: Vec<(u32, Cell)>,
}

/// What a column stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnKey {
    /// Index into [`Relations::stories`], and the story's id.
    Story(u32, String),
    /// An event date.
    Date(NaiveDate),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatrixColumn {
    pub key: ColumnKey,
    /// The story's label, or the date written out.
    pub label: String,
    /// The story's event date, or the column's date.
    pub date: Option<NaiveDate>,
    /// Rows with a cell here.
    pub rows: usize,
    pub reports: usize,
    /// The earliest own publication date of its reports.
    pub first_published: Option<NaiveDate>,
}

/// The coverage matrix. See the module documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    pub columns_kind: MatrixColumns,
    pub rows: Vec<MatrixRow>,
    pub columns: Vec<MatrixColumn>,
    /// No report names its outlet: every row is a source file.
    pub by_source_file: bool,
    /// Reports given that no column holds (in no story, or undated).
    pub left_out: usize,
}

impl Matrix {
    /// The cell of row `row` in column `column` (positions), `None` when absent.
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        let cells = &self.rows.get(row)?.cells;
        let k = cells
            .binary_search_by_key(&(column as u32), |(c, _)| *c)
            .ok()?;
        Some(&cells[k].1)
    }
}

/// A report's row: its outlet, else its source file.
fn row_key(r: &Report) -> (bool, &str) {
    crate::display::source_of(r)
}

/// The coverage matrix of the reports `within` (indices; the page passes a query's matches, or
/// every report) under `relations`, with rows and columns sorted.
pub fn coverage(
    relations: &Relations,
    reports: &[Report],
    within: &[usize],
    columns_kind: MatrixColumns,
    row_sort: RowSort,
    column_sort: ColumnSort,
) -> Matrix {
    let within: Vec<u32> = {
        let mut w: Vec<u32> = within
            .iter()
            .filter(|&&i| i < reports.len())
            .map(|&i| i as u32)
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    // Copies, read once from each report's near-duplicate pairs: (copy, source, across rows).
    let mut copy_of: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut undetermined: Vec<u32> = Vec::new();
    for &i in &within {
        if !relations.is_duplicate(i as usize) {
            continue;
        }
        for &k in relations.pairs_of(i as usize) {
            crate::ingest::work::add(1);
            let pair = &relations.pairs()[k as usize];
            let Some((a, b)) = relations.ends(k as usize) else {
                continue;
            };
            if pair.relation != Relation::NearDuplicate {
                continue;
            }
            let (Some(ra), Some(rb)) = (reports.get(a as usize), reports.get(b as usize)) else {
                continue;
            };
            let across = row_key(ra) != row_key(rb);
            match copy_direction((a, ra), (b, rb), pair) {
                Some((source, copy, _)) if copy == i => {
                    copy_of.entry(i).or_default().push(source);
                }
                None if across => undetermined.push(i),
                _ => {}
            }
        }
    }
    undetermined.sort_unstable();
    undetermined.dedup();
    let copied_across = |i: u32| -> Vec<u32> {
        copy_of.get(&i).map_or_else(Vec::new, |sources| {
            let mut s: Vec<u32> = sources
                .iter()
                .copied()
                .filter(|&s| row_key(&reports[s as usize]) != row_key(&reports[i as usize]))
                .collect();
            s.dedup();
            s
        })
    };
    // Rows and columns in order of first appearance; cells by (row, column).
    let mut row_slot: HashMap<(bool, &str), u32> = HashMap::new();
    let mut rows: Vec<MatrixRow> = Vec::new();
    // Columns by story index or date (the id is cloned once per column, not per report).
    let mut column_slot: HashMap<(u32, Option<NaiveDate>), u32> = HashMap::new();
    let mut columns: Vec<MatrixColumn> = Vec::new();
    let mut column_reports: Vec<Vec<u32>> = Vec::new();
    let mut cells: HashMap<(u32, u32), Cell> = HashMap::new();
    let mut left_out = 0;
    for &i in &within {
        crate::ingest::work::add(1);
        let r = &reports[i as usize];
        let slot = match columns_kind {
            MatrixColumns::Stories => relations
                .story_index_of(i as usize)
                .map(|s| (s as u32, None)),
            MatrixColumns::EventDates => r.event_date.map(|d| (u32::MAX, Some(d))),
        };
        let Some(slot) = slot else {
            left_out += 1;
            continue;
        };
        let c = *column_slot.entry(slot).or_insert_with(|| {
            let (key, label, date) = match slot {
                (_, Some(d)) => (ColumnKey::Date(d), crate::display::date(d), Some(d)),
                (s, None) => {
                    let story = &relations.stories()[s as usize];
                    (
                        ColumnKey::Story(s, story.id.clone()),
                        story.label.clone(),
                        story.date,
                    )
                }
            };
            columns.push(MatrixColumn {
                key,
                label,
                date,
                rows: 0,
                reports: 0,
                first_published: None,
            });
            column_reports.push(Vec::new());
            (columns.len() - 1) as u32
        });
        column_reports[c as usize].push(i);
        let rk = row_key(r);
        let row = *row_slot.entry(rk).or_insert_with(|| {
            rows.push(MatrixRow {
                name: rk.1.to_string(),
                source_file: rk.0,
                covered: 0,
                own: 0,
                copied: 0,
                first: 0,
                reports: 0,
                cells: Vec::new(),
            });
            (rows.len() - 1) as u32
        });
        rows[row as usize].reports += 1;
        let cell = cells.entry((row, c)).or_insert(Cell {
            state: CellState::Own,
            reports: Vec::new(),
            copied: Vec::new(),
            undetermined: Vec::new(),
            first: false,
        });
        cell.reports.push(i);
        let sources = copied_across(i);
        cell.copied.extend(sources.iter().map(|&s| (i, s)));
        if undetermined.binary_search(&i).is_ok() && sources.is_empty() {
            cell.undetermined.push(i);
        }
    }
    // Who carried each column first: its earliest own publication date, less the reports that
    // copied a report of that same day.
    let mut first_reports: Vec<bool> = vec![false; reports.len()];
    for (c, members) in column_reports.iter().enumerate() {
        crate::ingest::work::add(members.len() + 1);
        let earliest = members
            .iter()
            .filter_map(|&i| own_publication_date(&reports[i as usize]))
            .min();
        columns[c].first_published = earliest;
        columns[c].reports = members.len();
        let Some(day) = earliest else { continue };
        let tied: Vec<u32> = members
            .iter()
            .copied()
            .filter(|&i| own_publication_date(&reports[i as usize]) == Some(day))
            .collect();
        let copies_that_day = |i: &u32| {
            copy_of.get(i).is_some_and(|sources| {
                sources
                    .iter()
                    .any(|&s| own_publication_date(&reports[s as usize]) == Some(day))
            })
        };
        let first: Vec<u32> = tied
            .iter()
            .copied()
            .filter(|i| !copies_that_day(i))
            .collect();
        for i in if first.is_empty() { tied } else { first } {
            first_reports[i as usize] = true;
        }
    }
    for ((row, c), mut cell) in cells {
        // A report's sources were pushed together: one run per copied report.
        let copied_reports = cell.copied.chunk_by(|x, y| x.0 == y.0).count();
        cell.state = if copied_reports == cell.reports.len() {
            CellState::Copied
        } else {
            CellState::Own
        };
        cell.first = cell.reports.iter().any(|&i| first_reports[i as usize]);
        let r = &mut rows[row as usize];
        r.covered += 1;
        r.own += usize::from(cell.state == CellState::Own);
        r.copied += usize::from(cell.state == CellState::Copied);
        r.first += usize::from(cell.first);
        columns[c as usize].rows += 1;
        r.cells.push((c, cell));
    }
    let by_source_file = !rows.is_empty() && rows.iter().all(|r| r.source_file);
    keys::sort(&mut rows, &mut columns, row_sort, column_sort);
    Matrix {
        columns_kind,
        rows,
        columns,
        by_source_file,
        left_out,
    }
}
