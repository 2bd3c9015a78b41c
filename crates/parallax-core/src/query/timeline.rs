//! When the timeline draws one mark per report and when it draws bins: where marks would pile
//! up (more than [`MAX_MARKS_PER_COLUMN`] in the width of one mark), the dated reports are
//! counted in bins of whole days as wide as a mark at least; zooming into a bin (a narrower date
//! range over the same width) spreads them out until single marks fit again, or until a bin is
//! one day, whose reports are then stacked (up to [`MAX_STACKED_MARKS`]). The undated lane
//! likewise shows a count instead of marks when they would fill more than
//! [`MAX_UNDATED_ROWS`] rows.
//!
//! Pure: the page gives the dates, the axis's date span and its width in pixels, and draws what
//! comes back.

use crate::model::NaiveDate;
use chrono::Duration;

/// The most marks that may fall in one mark's width of the axis before the timeline bins.
pub const MAX_MARKS_PER_COLUMN: usize = 8;

/// When a bin is a single day, zooming cannot spread its reports further: they are stacked
/// marks instead, unless the axis would hold more marks than this in all.
pub const MAX_STACKED_MARKS: usize = 400;

/// The most rows of undated marks before the undated lane shows a count instead.
pub const MAX_UNDATED_ROWS: usize = 3;

/// The axis of a timeline: its dates and its size on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineAxis {
    /// First and last day shown (inclusive).
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Width of the plot, in pixels.
    pub plot_width: f64,
    /// Width one mark needs, gap included, in pixels.
    pub mark_width: f64,
}

/// Some days of the axis and how many matching reports have their event date in them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DateBin {
    /// First and last day of the bin (inclusive): the date range zooming into it selects.
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub count: usize,
}

/// What the timeline shows for the matching reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineDensity {
    /// `None`: one mark per dated report. Otherwise the bins that hold any report, in date order.
    pub bins: Option<Vec<DateBin>>,
    /// Whether the undated reports are drawn as marks (else as their count).
    pub undated_marks: bool,
}

impl TimelineAxis {
    /// Days per bin: the fewest whole days that are at least one mark wide.
    pub fn bin_days(&self) -> i64 {
        let days = ((self.end - self.start).num_days() + 1).max(1);
        let px_per_day = self.plot_width.max(1.0) / days as f64;
        ((self.mark_width / px_per_day).ceil() as i64).max(1)
    }

    /// How many marks fit side by side in one row of the plot.
    pub fn marks_per_row(&self) -> usize {
        ((self.plot_width / self.mark_width.max(1.0)).floor() as usize).max(1)
    }
}

/// Decides marks or bins for `dates`, the event dates of the dated matches in any order (dates
/// outside the axis are left out), and `undated` reports without a date.
pub fn timeline_density(
    dates: impl IntoIterator<Item = NaiveDate>,
    undated: usize,
    axis: &TimelineAxis,
) -> TimelineDensity {
    let bin_days = axis.bin_days();
    let days = (axis.end - axis.start).num_days() + 1;
    let mut counts = vec![0usize; days.max(0).div_euclid(bin_days) as usize + 1];
    for date in dates {
        if date < axis.start || date > axis.end {
            continue;
        }
        counts[((date - axis.start).num_days() / bin_days) as usize] += 1;
    }
    let bins: Vec<DateBin> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, count)| *count > 0)
        .map(|(index, count)| {
            let first = axis.start + Duration::days(index as i64 * bin_days);
            DateBin {
                first,
                last: (first + Duration::days(bin_days - 1)).min(axis.end),
                count,
            }
        })
        .collect();
    let piled_up = bins.iter().any(|b| b.count > MAX_MARKS_PER_COLUMN);
    let too_many = bins.iter().map(|b| b.count).sum::<usize>() > MAX_STACKED_MARKS;
    let crowded = piled_up && (bin_days > 1 || too_many);
    TimelineDensity {
        bins: crowded.then_some(bins),
        undated_marks: undated <= MAX_UNDATED_ROWS * axis.marks_per_row(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::days(n)
    }

    /// A year over 730 pixels with marks 18 wide: bins of 9 days.
    fn year() -> TimelineAxis {
        TimelineAxis {
            start: day(0),
            end: day(364),
            plot_width: 730.0,
            mark_width: 18.0,
        }
    }

    #[test]
    fn sparse_dates_are_marks_and_crowded_ones_bins_of_whole_days() {
        let axis = year();
        assert_eq!(axis.bin_days(), 9);
        let sparse: Vec<NaiveDate> = (0..40).map(|i| day(i * 9)).collect();
        assert_eq!(timeline_density(sparse, 0, &axis).bins, None);
        // Nine reports in one 9-day stretch: one too many for a column.
        let crowded: Vec<NaiveDate> = (0..9).map(|i| day(18 + i)).chain([day(100)]).collect();
        let bins = timeline_density(crowded, 0, &axis).bins.expect("bins");
        assert_eq!(
            bins,
            [
                DateBin {
                    first: day(18),
                    last: day(26),
                    count: 9
                },
                DateBin {
                    first: day(99),
                    last: day(107),
                    count: 1
                },
            ]
        );
    }

    #[test]
    fn zooming_into_a_bin_spreads_its_reports_into_marks() {
        let crowded: Vec<NaiveDate> = (0..9).map(|i| day(18 + i)).collect();
        let bins = timeline_density(crowded.clone(), 0, &year())
            .bins
            .expect("bins");
        let zoomed = TimelineAxis {
            start: bins[0].first,
            end: bins[0].last,
            ..year()
        };
        assert_eq!(zoomed.bin_days(), 1);
        assert_eq!(timeline_density(crowded, 0, &zoomed).bins, None);
    }

    #[test]
    fn a_crowded_day_stacks_its_marks_unless_there_are_too_many() {
        let axis = TimelineAxis {
            start: day(0),
            end: day(9),
            ..year()
        };
        assert_eq!(axis.bin_days(), 1);
        let stacked = vec![day(3); MAX_STACKED_MARKS];
        assert_eq!(timeline_density(stacked, 0, &axis).bins, None);
        let too_many = vec![day(3); MAX_STACKED_MARKS + 1];
        let bins = timeline_density(too_many, 0, &axis).bins.expect("bins");
        assert_eq!(
            (bins.len(), bins[0].first, bins[0].last),
            (1, day(3), day(3))
        );
    }

    #[test]
    fn bins_count_every_date_on_the_axis_once_and_end_with_it() {
        let axis = year();
        let dates: Vec<NaiveDate> = (-5..380).flat_map(|i| [day(i), day(i)]).collect();
        let bins = timeline_density(dates, 0, &axis).bins.expect("bins");
        assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), 2 * 365);
        assert_eq!(bins.last().map(|b| b.last), Some(axis.end));
        for pair in bins.windows(2) {
            assert_eq!(pair[0].last + Duration::days(1), pair[1].first);
        }
    }

    #[test]
    fn many_undated_reports_are_a_count() {
        let axis = year();
        let fit = MAX_UNDATED_ROWS * axis.marks_per_row();
        assert!(timeline_density([], fit, &axis).undated_marks);
        assert!(!timeline_density([], fit + 1, &axis).undated_marks);
    }
}
