//! Tick dates and labels for the timeline's axis: days, weeks, months or years, as many as fit.

use crate::chrono::{Datelike, Duration};
use crate::NaiveDate;

/// Tick dates and labels for a range: days, weeks, months or years, as many as fit.
pub fn ticks(start: NaiveDate, end: NaiveDate, plot_width: f64) -> Vec<(NaiveDate, String)> {
    let max_ticks = ((plot_width / 70.0).floor() as i64).max(2);
    let span = (end - start).num_days().max(1);
    for step in [1i64, 2, 7, 14] {
        if span / step <= max_ticks {
            let mut d = start;
            if step == 7 || step == 14 {
                // Weeks start on Monday.
                while d.weekday().num_days_from_monday() != 0 {
                    d += Duration::days(1);
                }
            }
            let mut out = Vec::new();
            while d <= end {
                out.push((d, d.format("%-d %b").to_string()));
                d += Duration::days(step);
            }
            return out;
        }
    }
    let months = span / 30 + 1;
    for step in [1u32, 2, 3, 6, 12, 24, 60] {
        if months / i64::from(step) <= max_ticks {
            let mut out = Vec::new();
            let mut y = start.year();
            let mut m = start.month0();
            // First month boundary at or after start, aligned to the step.
            while let Some(d) = NaiveDate::from_ymd_opt(y, m + 1, 1) {
                if d > end {
                    break;
                }
                if d >= start && m.is_multiple_of(step) {
                    let label = if step >= 12 {
                        d.format("%Y").to_string()
                    } else if m == 0 || out.is_empty() {
                        d.format("%b %Y").to_string()
                    } else {
                        d.format("%b").to_string()
                    };
                    out.push((d, label));
                }
                m += 1;
                if m == 12 {
                    m = 0;
                    y += 1;
                }
            }
            return out;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_adapt_to_the_range() {
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
        let days = ticks(d(7, 1), d(7, 8), 800.0);
        assert_eq!(days.len(), 8);
        assert_eq!(days[0].1, "1 Jul");
        let months = ticks(d(1, 1), d(12, 31), 800.0);
        assert!(months.len() >= 6 && months.len() <= 12, "{months:?}");
        assert!(months.iter().all(|(date, _)| date.day() == 1));
        let narrow = ticks(d(1, 1), d(12, 31), 200.0);
        assert!(narrow.len() <= 3);
    }
}
