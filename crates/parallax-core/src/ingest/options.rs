//! What parsing needs besides the files: the build date, which bounds the dates a report can
//! plausibly carry. The core reads no clock; the caller passes the date in.

use chrono::{Datelike, Days, Months, NaiveDate};
use std::time::{SystemTime, UNIX_EPOCH};

/// Dates before 1 January of this year are typos or placeholders ("January 1, 0000"), not the
/// date of a scraped news report.
pub const EARLIEST_YEAR: i32 = 1900;

/// Options of one parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    /// The build date. A date more than a year after it is a typo ("2999"), not news.
    pub today: NaiveDate,
}

impl ParseOptions {
    pub fn new(today: NaiveDate) -> Self {
        ParseOptions { today }
    }

    /// The options for a clock reading (the UTC date of `time`): for callers that have a clock,
    /// such as the build step (`SystemTime::now()`).
    pub fn at(time: SystemTime) -> Self {
        let days = time
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");
        ParseOptions::new(epoch.checked_add_days(Days::new(days)).unwrap_or(epoch))
    }

    /// The first plausible date.
    pub fn earliest(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1).expect("a valid date")
    }

    /// The last plausible date: a year after the build date.
    pub fn latest(&self) -> NaiveDate {
        self.today
            .checked_add_months(Months::new(12))
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn plausible(&self, d: NaiveDate) -> bool {
        (self.earliest()..=self.latest()).contains(&d)
    }

    /// Why `d` is not a plausible date ("is before 1900"), or `None` when it is.
    pub fn implausible(&self, d: NaiveDate) -> Option<String> {
        if d < self.earliest() {
            Some(format!("is before {}", self.earliest().year()))
        } else if d > self.latest() {
            Some(format!(
                "is more than a year after the build date ({})",
                self.today
            ))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn plausible_range() {
        let o = ParseOptions::new(d(2025, 6, 30));
        assert!(o.plausible(d(1900, 1, 1)) && o.plausible(d(2026, 6, 30)));
        assert!(!o.plausible(d(1899, 12, 31)) && !o.plausible(d(2026, 7, 1)));
        assert!(!o.plausible(d(0, 1, 1)) && !o.plausible(d(9999, 12, 31)));
        assert_eq!(o.implausible(d(0, 1, 1)).as_deref(), Some("is before 1900"));
        assert_eq!(
            o.implausible(d(2999, 1, 1)).as_deref(),
            Some("is more than a year after the build date (2025-06-30)")
        );
        assert_eq!(o.implausible(d(2024, 2, 29)), None);
    }

    #[test]
    fn date_of_a_clock_reading() {
        let t = UNIX_EPOCH + Duration::from_secs(19_723 * 86_400 + 86_399);
        assert_eq!(ParseOptions::at(t).today, d(2024, 1, 1));
    }
}
