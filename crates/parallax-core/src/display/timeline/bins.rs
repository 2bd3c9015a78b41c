//! Where the bins the core chose are drawn: each bin spans its days on the axis, its height
//! grows with its count (relative to the fullest bin), bars standing on a common baseline.

use super::{Layout, AXIS_HEIGHT};
use crate::chrono::Duration;
use crate::query::DateBin;

/// Height of the band the bars stand in.
pub(super) const BIN_AREA_HEIGHT: f64 = 72.0;
/// The lowest bar, so a bin of one report is still easy to see and to click.
const MIN_BAR_HEIGHT: f64 = 6.0;
/// Space between neighbouring bars.
const BAR_GAP: f64 = 1.0;

#[derive(Clone, Debug, PartialEq)]
pub struct PlacedBin {
    pub bin: DateBin,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// Places `bins` on the axis of `layout` (its dates and width must be set).
pub fn place_bins(bins: &[DateBin], layout: &Layout) -> Vec<PlacedBin> {
    let fullest = bins.iter().map(|b| b.count).max().unwrap_or(1).max(1) as f64;
    bins.iter()
        .map(|bin| {
            let left = layout.x_of(bin.first);
            let right = layout.x_of(bin.last + Duration::days(1));
            let height = (BIN_AREA_HEIGHT - 4.0) * (bin.count as f64 / fullest);
            let height = height.max(MIN_BAR_HEIGHT);
            PlacedBin {
                bin: bin.clone(),
                x: left,
                y: AXIS_HEIGHT + BIN_AREA_HEIGHT - height,
                width: (right - left - BAR_GAP).max(2.0),
                height,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::layout;
    use crate::{Corpus, NaiveDate, Report};
    use std::collections::HashMap;

    fn crowded_corpus() -> Corpus {
        let day = |n: i64| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + super::Duration::days(n);
        // Forty reports on two days, three spread over the year, two undated.
        let dates = (0..40).map(|i| Some(day(100 + i % 2))).chain([
            Some(day(0)),
            Some(day(200)),
            Some(day(364)),
            None,
            None,
        ]);
        Corpus {
            reports: dates
                .enumerate()
                .map(|(i, event_date)| Report {
                    id: format!("r{i}"),
                    event_date,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn crowded_dates_are_bins_on_the_axis_and_zooming_in_gives_marks() {
        let corpus = crowded_corpus();
        let all: Vec<usize> = (0..corpus.reports.len()).collect();
        let none = crate::analysis::relations::Relations::default();
        let l = layout(&corpus.reports, &all, &none, 800.0, None, &HashMap::new());
        // Dated reports are in bins, undated ones still marks.
        assert_eq!(l.marks.len(), 2);
        assert_eq!(l.bins.iter().map(|b| b.bin.count).sum::<usize>(), 43);
        let fullest = l.bins.iter().max_by_key(|b| b.bin.count).unwrap();
        assert_eq!(fullest.bin.count, 40);
        for b in &l.bins {
            assert!(b.height <= fullest.height && b.y + b.height <= l.dated_bottom);
            assert!((l.x_of(b.bin.first) - b.x).abs() < 1e-9);
            assert!(b.x + b.width <= l.x_of(b.bin.last + super::Duration::days(1)));
        }
        for pair in l.bins.windows(2) {
            assert!(pair[0].x + pair[0].width <= pair[1].x, "bars overlap");
        }
        // Zoomed into the fullest bin, its days are wide enough for marks.
        let domain = Some((fullest.bin.first, fullest.bin.last));
        let zoomed = layout(&corpus.reports, &all, &none, 800.0, domain, &HashMap::new());
        assert!(zoomed.bins.is_empty());
        assert_eq!(zoomed.marks.len(), 42);
    }
}
