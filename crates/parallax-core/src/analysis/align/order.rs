//! Reading order: which matches are moved, and the order of the rows on the page.

use super::result::{AlignedRow, RowKind};
use std::collections::HashMap;

/// For matches in left order given by their right positions: `true` for each match that is
/// not in every longest in-order chain. A sentence is "in place" only if no longest chain can
/// leave it out; two swapped sentences are then both moved, which keeps the marking the same
/// whichever report is on the left.
pub(super) fn moved_flags(rights: &[usize]) -> Vec<bool> {
    let k = rights.len();
    let mut ending = vec![1usize; k]; // longest chain ending here
    let mut starting = vec![1usize; k]; // longest chain starting here
    for i in 0..k {
        for h in 0..i {
            if rights[h] < rights[i] {
                ending[i] = ending[i].max(ending[h] + 1);
            }
        }
    }
    for i in (0..k).rev() {
        for h in i + 1..k {
            if rights[i] < rights[h] {
                starting[i] = starting[i].max(starting[h] + 1);
            }
        }
    }
    let longest = ending.iter().copied().max().unwrap_or(0);
    let on_some_chain: Vec<bool> = (0..k)
        .map(|i| ending[i] + starting[i] - 1 == longest)
        .collect();
    let mut per_level = vec![0usize; longest + 1];
    for i in 0..k {
        if on_some_chain[i] {
            per_level[ending[i]] += 1;
        }
    }
    (0..k)
        .map(|i| !(on_some_chain[i] && per_level[ending[i]] == 1))
        .collect()
}

/// The rows in display order: left reading order (a row holding two left sentences at its
/// first), each right-only sentence after the row of the nearest earlier right sentence that is
/// matched in place.
pub(super) fn display_rows(
    n: usize,
    pair_rows: Vec<AlignedRow>,
    right_only: &[usize],
) -> Vec<AlignedRow> {
    // One row per left sentence, in order; the second sentence of a row holding two has none.
    let mut by_left: Vec<Option<AlignedRow>> = vec![None; n];
    let mut in_a_row = vec![false; n];
    let mut in_place_row_of_right: HashMap<usize, usize> = HashMap::new();
    for row in pair_rows {
        let l = row.left.unwrap_or(0);
        if !row.moved {
            for r in row.right_sentences() {
                in_place_row_of_right.insert(r, l);
            }
        }
        for i in row.left_sentences() {
            if let Some(covered) = in_a_row.get_mut(i) {
                *covered = true;
            }
        }
        if let Some(slot) = by_left.get_mut(l) {
            *slot = Some(row);
        }
    }
    // Right-only sentences follow the nearest earlier right sentence that is matched in place.
    let mut top: Vec<usize> = Vec::new();
    let mut after_left: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &j in right_only {
        match (0..j).rev().find_map(|r| in_place_row_of_right.get(&r)) {
            Some(&l) => after_left[l].push(j),
            None => top.push(j),
        }
    }
    let right_only_row = |j: usize| AlignedRow {
        right: Some(j),
        kind: RowKind::RightOnly,
        ..Default::default()
    };
    let mut rows: Vec<AlignedRow> = top.into_iter().map(right_only_row).collect();
    for (i, row) in by_left.into_iter().enumerate() {
        match row {
            Some(row) => rows.push(row),
            None if !in_a_row[i] => rows.push(AlignedRow {
                left: Some(i),
                kind: RowKind::LeftOnly,
                ..Default::default()
            }),
            None => {}
        }
        rows.extend(after_left[i].iter().map(|&j| right_only_row(j)));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn moved_flags_mark_both_of_a_swap_and_a_single_jump() {
        assert_eq!(moved_flags(&[0, 2, 1, 3]), [false, true, true, false]);
        assert_eq!(
            moved_flags(&[4, 0, 1, 2, 3]),
            [true, false, false, false, false]
        );
        assert_eq!(moved_flags(&[0, 1, 2]), [false, false, false]);
        assert!(moved_flags(&[]).is_empty());
    }
}
