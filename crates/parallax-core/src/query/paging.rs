//! The result list shows one page at a time: which matches a page holds, and how many pages
//! there are. A page past the end shows the last one (a shared link outlives a narrower corpus).

use std::ops::Range;

/// Results on one page: enough to scan, few enough that a keystroke renders only these.
pub const PAGE_SIZE: usize = 25;

/// One page of a result list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Which page this is, from 0 (the one asked for, or the last when that is past the end).
    pub index: usize,
    /// How many pages the list has (at least 1, even when empty).
    pub count: usize,
    /// The positions in the result list this page shows.
    pub range: Range<usize>,
}

impl Page {
    /// The page `requested` (from 0) of a list of `total` results.
    pub fn of(total: usize, requested: usize) -> Page {
        let count = total.div_ceil(PAGE_SIZE).max(1);
        let index = requested.min(count - 1);
        let start = index * PAGE_SIZE;
        Page {
            index,
            count,
            range: start.min(total)..(start + PAGE_SIZE).min(total),
        }
    }

    pub fn previous(&self) -> Option<usize> {
        self.index.checked_sub(1)
    }

    pub fn next(&self) -> Option<usize> {
        (self.index + 1 < self.count).then_some(self.index + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_the_list_once_and_clamp_past_the_end() {
        for total in [
            0,
            1,
            PAGE_SIZE - 1,
            PAGE_SIZE,
            PAGE_SIZE + 1,
            7 * PAGE_SIZE + 3,
        ] {
            let first = Page::of(total, 0);
            let mut seen = Vec::new();
            let mut page = first.clone();
            loop {
                assert!(page.range.len() <= PAGE_SIZE);
                seen.extend(page.range.clone());
                match page.next() {
                    Some(n) => page = Page::of(total, n),
                    None => break,
                }
            }
            assert_eq!(seen, (0..total).collect::<Vec<_>>(), "{total}");
            assert_eq!(page.index + 1, first.count);
            assert_eq!(first.previous(), None);
            assert_eq!(Page::of(total, 10_000), page, "{total}: past the end");
        }
        assert_eq!(Page::of(60, 1).range, PAGE_SIZE..2 * PAGE_SIZE);
        assert_eq!(Page::of(60, 2).previous(), Some(1));
    }
}
