//! The coverage matrix's choices, as the URL names them, and its sorts.

use super::{MatrixColumn, MatrixRow};
use crate::text_fold::fold;
use std::cmp::{Ordering, Reverse};

/// What the columns are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MatrixColumns {
    /// One column per story under the thresholds in force.
    #[default]
    Stories,
    /// One column per event date: the briefings of a day.
    EventDates,
}

/// How the rows (outlets) are sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RowSort {
    /// Most columns covered first.
    #[default]
    Coverage,
    /// By name.
    Name,
    /// Most columns carried first, first.
    First,
}

/// How the columns are sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ColumnSort {
    /// By event date, oldest first (undated last).
    #[default]
    Date,
    /// By label.
    Name,
    /// Most outlets first.
    Coverage,
    /// By the date it was first carried (earliest own publication date), oldest first.
    First,
}

macro_rules! keyed {
    ($t:ty, $($v:ident => $k:literal),+) => {
        impl $t {
            pub const ALL: &'static [$t] = &[$(<$t>::$v),+];

            /// The value's name in the URL.
            pub fn key(self) -> &'static str {
                match self { $(<$t>::$v => $k),+ }
            }

            pub fn from_key(key: &str) -> Option<$t> {
                match key { $($k => Some(<$t>::$v),)+ _ => None }
            }
        }
    };
}

keyed!(MatrixColumns, Stories => "stories", EventDates => "dates");
keyed!(RowSort, Coverage => "coverage", Name => "name", First => "first");
keyed!(ColumnSort, Date => "date", Name => "name", Coverage => "coverage", First => "first");

/// By folded name, then as written.
fn by_name(a: &str, b: &str) -> Ordering {
    fold(a).cmp(&fold(b)).then_with(|| a.cmp(b))
}

/// Earlier first, none last.
fn by_date<T: Ord>(a: &Option<T>, b: &Option<T>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts the rows and the columns, and renumbers the cells by the new column positions.
pub(super) fn sort(
    rows: &mut [MatrixRow],
    columns: &mut Vec<MatrixColumn>,
    row_sort: RowSort,
    column_sort: ColumnSort,
) {
    let mut order: Vec<usize> = (0..columns.len()).collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (&columns[x], &columns[y]);
        let key = match column_sort {
            ColumnSort::Date => by_date(&a.date, &b.date),
            ColumnSort::Name => by_name(&a.label, &b.label),
            ColumnSort::Coverage => Reverse(a.rows).cmp(&Reverse(b.rows)),
            ColumnSort::First => by_date(&a.first_published, &b.first_published),
        };
        key.then_with(|| by_date(&a.date, &b.date))
            .then_with(|| by_name(&a.label, &b.label))
            .then(x.cmp(&y))
    });
    let mut new_position = vec![0u32; columns.len()];
    for (new, &old) in order.iter().enumerate() {
        new_position[old] = new as u32;
    }
    let mut old: Vec<Option<MatrixColumn>> =
        std::mem::take(columns).into_iter().map(Some).collect();
    *columns = order.iter().filter_map(|&o| old[o].take()).collect();
    for row in rows.iter_mut() {
        for (c, _) in &mut row.cells {
            *c = new_position[*c as usize];
        }
        row.cells.sort_by_key(|(c, _)| *c);
    }
    rows.sort_by(|a, b| {
        let key = match row_sort {
            RowSort::Coverage => Reverse(a.covered).cmp(&Reverse(b.covered)),
            RowSort::Name => Ordering::Equal,
            RowSort::First => Reverse((a.first, a.covered)).cmp(&Reverse((b.first, b.covered))),
        };
        key.then_with(|| by_name(&a.name, &b.name))
            .then(a.source_file.cmp(&b.source_file))
    });
}
