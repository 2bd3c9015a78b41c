//! The date of the event a report is about. Reports name it by weekday ("at a press briefing on
//! Monday") relative to their publication date, or now and then by date ("on July 8"). The
//! result keeps its basis and the words it was read from.

use super::date_mentions::{mentions, Mention, MentionKind};
use super::ParseOptions;
use crate::model::DateBasis;
use chrono::{Datelike, Days, NaiveDate};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventDate {
    pub date: Option<NaiveDate>,
    pub basis: DateBasis,
    /// The words the date was read from, as printed.
    pub evidence: Option<String>,
    /// A weekday was named but there is no publication date to resolve it against.
    pub unresolved: Option<String>,
    /// Index (into the paragraphs given) of the paragraph the date or weekday was read from.
    pub paragraph: Option<usize>,
}

/// Resolves the event date from the report's paragraphs (in order) and its publication date.
///
/// Preference: a date stated in a sentence about the event, then a weekday in such a sentence,
/// then the first weekday anywhere. A weekday is the latest such day on or before publication
/// ("last Monday" on a Monday is a week before). A date outside the plausible range of
/// `options` is never the event's.
pub fn resolve_event(
    paragraphs: &[&str],
    published: Option<NaiveDate>,
    options: &ParseOptions,
) -> EventDate {
    let mut all: Vec<(usize, Mention)> = Vec::new();
    for (p, text) in paragraphs.iter().enumerate() {
        all.extend(mentions(text).into_iter().map(|m| (p, m)));
    }
    let evidence = |p: usize, m: &Mention| {
        paragraphs[p]
            .get(m.start..m.end)
            .map(|s| s.trim().to_string())
    };
    let stated = all.iter().find_map(|(p, m)| {
        let MentionKind::Date { month, day, year } = m.kind else {
            return None;
        };
        if !m.in_event_sentence {
            return None;
        }
        let date = match (year, published) {
            (Some(y), _) => NaiveDate::from_ymd_opt(y, month, day)?,
            (None, Some(pubd)) => {
                let d = NaiveDate::from_ymd_opt(pubd.year(), month, day)?;
                if d > pubd {
                    NaiveDate::from_ymd_opt(pubd.year() - 1, month, day)?
                } else {
                    d
                }
            }
            (None, None) => return None,
        };
        if !options.plausible(date) {
            return None;
        }
        // A date weeks before publication is background, not the reported event.
        if let Some(pubd) = published {
            let gap = (pubd - date).num_days();
            if !(0..=14).contains(&gap) {
                return None;
            }
        }
        Some(EventDate {
            date: Some(date),
            basis: DateBasis::Stated,
            evidence: evidence(*p, m),
            unresolved: None,
            paragraph: Some(*p),
        })
    });
    if let Some(found) = stated {
        return found;
    }
    let weekdays = || {
        all.iter()
            .filter(|(_, m)| matches!(m.kind, MentionKind::Weekday { .. }))
    };
    let chosen = weekdays()
        .find(|(_, m)| m.in_event_sentence)
        .or_else(|| weekdays().next());
    let Some((p, m)) = chosen else {
        return EventDate::default();
    };
    let MentionKind::Weekday { day, last } = m.kind else {
        return EventDate::default();
    };
    let words = evidence(*p, m);
    let Some(pubd) = published else {
        return EventDate {
            unresolved: words,
            paragraph: Some(*p),
            ..EventDate::default()
        };
    };
    let mut back = (7 + pubd.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    if back == 0 && last {
        back = 7;
    }
    // A publication date at the very start of the range can put the weekday before it.
    let Some(date) = pubd
        .checked_sub_days(Days::new(back as u64))
        .filter(|d| options.plausible(*d))
    else {
        return EventDate::default();
    };
    EventDate {
        date: Some(date),
        basis: DateBasis::ResolvedWeekday,
        evidence: words,
        unresolved: None,
        paragraph: Some(*p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn resolve_event(paragraphs: &[&str], published: Option<NaiveDate>) -> EventDate {
        super::resolve_event(paragraphs, published, &ParseOptions::new(d(2025, 6, 30)))
    }

    #[test]
    fn weekday_before_publication() {
        let e = resolve_event(
            &["At his regular media briefing on Thursday, Miller repeated."],
            Some(d(2024, 4, 12)),
        );
        assert_eq!(
            (e.date, e.basis),
            (Some(d(2024, 4, 11)), DateBasis::ResolvedWeekday)
        );
        assert_eq!(e.evidence.as_deref(), Some("on Thursday"));
        let e = resolve_event(
            &["Miller told reporters at a press briefing on Monday."],
            Some(d(2024, 7, 9)),
        );
        assert_eq!(e.date, Some(d(2024, 7, 8)));
        // Same weekday as publication: the same day; "last" makes it a week earlier.
        assert_eq!(
            resolve_event(&["He spoke on Tuesday."], Some(d(2024, 9, 3))).date,
            Some(d(2024, 9, 3))
        );
        assert_eq!(
            resolve_event(&["He spoke last Tuesday."], Some(d(2024, 9, 3))).date,
            Some(d(2024, 8, 27))
        );
    }

    #[test]
    fn event_sentence_wins_and_future_is_skipped() {
        let e = resolve_event(
            &[
                "On Wednesday he extended condolences.",
                "During a press briefing in Washington on Tuesday, he spoke.",
            ],
            Some(d(2024, 7, 4)),
        );
        assert_eq!(e.date, Some(d(2024, 7, 2)));
        let e = resolve_event(
            &[
                "Talks resume next Monday.",
                "He said on Friday that talks stalled.",
            ],
            Some(d(2024, 7, 6)),
        );
        assert_eq!(e.date, Some(d(2024, 7, 5)));
    }

    #[test]
    fn no_publication_date_means_unresolved() {
        let e = resolve_event(&["Miller on Wednesday extended condolences."], None);
        assert_eq!(e.date, None);
        assert_eq!(e.unresolved.as_deref(), Some("on Wednesday"));
        // The paragraph it was read from, for a warning that points at it.
        let e = resolve_event(
            &[
                "The talks went on.",
                "Miller on Wednesday extended condolences.",
            ],
            None,
        );
        assert_eq!(
            (e.unresolved.as_deref(), e.paragraph),
            (Some("on Wednesday"), Some(1))
        );
    }

    #[test]
    fn stated_dates_in_event_sentences() {
        let e = resolve_event(
            &["At a press briefing on July 8, 2024, Miller spoke."],
            None,
        );
        assert_eq!((e.date, e.basis), (Some(d(2024, 7, 8)), DateBasis::Stated));
        assert_eq!(e.evidence.as_deref(), Some("on July 8, 2024"));
        let e = resolve_event(
            &["The meeting on 3 September went well."],
            Some(d(2024, 9, 4)),
        );
        assert_eq!(e.date, Some(d(2024, 9, 3)));
        // Background dates far from publication are not the event.
        let e = resolve_event(
            &["The protests on May 9, 2023 drew a statement."],
            Some(d(2024, 7, 9)),
        );
        assert_eq!(e.date, None);
    }

    #[test]
    fn implausible_dates_are_never_the_event() {
        // A stated date with a typo for a year, with no publication date to bound it.
        let e = resolve_event(&["At a press briefing on July 8, 0000, he spoke."], None);
        assert_eq!(e.date, None);
        let e = resolve_event(&["At a press briefing on 8 July 2999, he spoke."], None);
        assert_eq!(e.date, None);
        // 1 January 1900 was a Monday: "on Sunday" would fall in 1899.
        let e = resolve_event(&["He spoke at a briefing on Sunday."], Some(d(1900, 1, 1)));
        assert_eq!((e.date, e.basis), (None, DateBasis::Unknown));
    }

    #[test]
    fn ordinal_days_in_sentences() {
        let published = Some(d(2024, 3, 5));
        for text in [
            "At a press briefing on March 3rd, he spoke.",
            "At a press briefing on 3rd March, he spoke.",
            "At a press briefing on the 3rd of March, he spoke.",
            "At a press briefing on 3rd March 2024, he spoke.",
        ] {
            let e = resolve_event(&[text], published);
            assert_eq!(
                (e.date, e.basis),
                (Some(d(2024, 3, 3)), DateBasis::Stated),
                "{text}"
            );
        }
    }
}
