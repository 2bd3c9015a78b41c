//! Who copied whom: the direction of a near-duplicate pair, with its evidence.
//!
//! # The rule
//!
//! Only what the two reports say about themselves counts: their **own** publication dates
//! (stated in the text or given by the curator's metadata; never a date taken from other
//! reports, `DateBasis::Inferred`, and never the event date, which two copies of one story
//! share) and how much of each text the other holds (the pair's two containments, the share
//! of each report's word 5-shingles found in the other).
//!
//! 1. **Dates.** When both reports have their own publication date and the dates differ, the
//!    report published first is the source and the later one the copy: a text cannot be copied
//!    before it is printed. The containments are given as context, not weighed against the
//!    dates (a later copy may be cut down, so contained in the source, or extended with its own
//!    paragraphs, so containing it: both agree with the dates).
//! 2. **Containment.** When the dates cannot tell (the same day, or either date unknown), the
//!    shape of the overlap may: the report that is mostly inside the other (at least
//!    [`MIN_CONTAINED`] of its shingles are in the other) while the other is clearly less inside
//!    it (by at least [`MIN_GAP`]) reads as a cut-down copy, and the fuller report as its
//!    source. Outlets cut wire copy to fit far more often than they pad it with text found
//!    nowhere else, so the fuller text is the likelier origin; the evidence says that this is
//!    a reading of the overlap, not a date.
//! 3. **Undetermined** otherwise: the same day (or no dates) and each report holds about as
//!    much of the other (an exact copy, a copy with a new lead and a cut ending), or too little
//!    of either is contained to read a shape. The reason says which.

use crate::display;
use crate::model::{DateBasis, NaiveDate, Pair, Report};

/// A report counts as a cut-down copy only when at least this share of its text is in the
/// other...
pub const MIN_CONTAINED: f32 = 0.5;
/// ...and the other's share in it is lower by at least this much.
pub const MIN_GAP: f32 = 0.15;

/// What decided a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectionBasis {
    /// The two reports' own publication dates differ.
    PublicationDates,
    /// The dates could not tell; one text is mostly inside the other.
    Containment,
}

/// The direction of copying between two reports.
#[derive(Clone, Debug, PartialEq)]
pub enum Direction {
    Known {
        /// Report indices.
        source: u32,
        copy: u32,
        basis: DirectionBasis,
        /// Why, in sentences a reader can check (dates with their basis, shares of text).
        evidence: Vec<String>,
    },
    Undetermined {
        why: String,
    },
}

impl Direction {
    /// The copy, when the direction is known.
    pub fn copy(&self) -> Option<u32> {
        match self {
            Direction::Known { copy, .. } => Some(*copy),
            Direction::Undetermined { .. } => None,
        }
    }

    /// The source, when the direction is known.
    pub fn source(&self) -> Option<u32> {
        match self {
            Direction::Known { source, .. } => Some(*source),
            Direction::Undetermined { .. } => None,
        }
    }
}

/// A report's own publication date: stated in it or given by metadata.
pub fn own_publication_date(r: &Report) -> Option<NaiveDate> {
    r.published
        .filter(|_| !matches!(r.published_basis, DateBasis::Unknown | DateBasis::Inferred))
}

fn pct(x: f32) -> String {
    format!("{:.0} %", (x * 100.0).clamp(0.0, 100.0))
}

/// A report as the evidence names it: its title, quoted, cut short.
fn name(title: &str) -> String {
    format!("“{}”", display::shorten(title.trim(), 60))
}

/// What the rule decided, before it is put in words.
enum Verdict {
    /// The pair names other reports, or one report twice.
    Mismatch(&'static str),
    /// (source is `a`, basis).
    Known(bool, DirectionBasis),
    Undetermined,
}

/// The two containments of `pair` as (a in b, b in a), read by the reports' ids.
fn shares(a: &Report, b: &Report, pair: &Pair) -> Option<(f32, f32)> {
    if pair.a == a.id && pair.b == b.id {
        Some((pair.containment_a_in_b, pair.containment_b_in_a))
    } else if pair.a == b.id && pair.b == a.id {
        Some((pair.containment_b_in_a, pair.containment_a_in_b))
    } else {
        None
    }
}

/// The rule of the module documentation, without words.
fn verdict(a: (u32, &Report), b: (u32, &Report), pair: &Pair) -> Verdict {
    let Some((a_in_b, b_in_a)) = shares(a.1, b.1, pair) else {
        return Verdict::Mismatch("the pair's evidence is about other reports");
    };
    if a.0 == b.0 {
        return Verdict::Mismatch("a report does not copy itself");
    }
    if let (Some(x), Some(y)) = (own_publication_date(a.1), own_publication_date(b.1)) {
        if x != y {
            return Verdict::Known(x < y, DirectionBasis::PublicationDates);
        }
    }
    let (hi, lo) = (a_in_b.max(b_in_a), a_in_b.min(b_in_a));
    if hi >= MIN_CONTAINED && hi - lo >= MIN_GAP {
        // The report mostly inside the other is the copy.
        return Verdict::Known(b_in_a > a_in_b, DirectionBasis::Containment);
    }
    Verdict::Undetermined
}

/// The (source, copy) of two reports and what decided it, or `None` when undetermined:
/// [`direction`] without its evidence in words, for a pass over many pairs (the coverage
/// matrix, who carried a story first).
pub fn copy_direction(
    a: (u32, &Report),
    b: (u32, &Report),
    pair: &Pair,
) -> Option<(u32, u32, DirectionBasis)> {
    match verdict(a, b, pair) {
        Verdict::Known(true, basis) => Some((a.0, b.0, basis)),
        Verdict::Known(false, basis) => Some((b.0, a.0, basis)),
        Verdict::Mismatch(_) | Verdict::Undetermined => None,
    }
}

/// The direction of copying between reports `a` and `b` (indices into the corpus, with the
/// reports), from their pair `pair` (either order; its containments are read by its ids), with
/// its evidence in words. See the module documentation for the rule.
pub fn direction(a: (u32, &Report), b: (u32, &Report), pair: &Pair) -> Direction {
    let titles = |i: u32| {
        let r = if i == a.0 { a.1 } else { b.1 };
        r.title.clone()
    };
    direction_titled(a, b, pair, &titles)
}

/// [`direction`], the evidence naming each report by `title(index)` rather than by the
/// report's own title (the page's catalogue has none: titles come in shards).
pub fn direction_titled(
    a: (u32, &Report),
    b: (u32, &Report),
    pair: &Pair,
    title: &dyn Fn(u32) -> String,
) -> Direction {
    let decided = verdict(a, b, pair);
    let (a_in_b, b_in_a) = shares(a.1, b.1, pair).unwrap_or_default();
    let (da, db) = (own_publication_date(a.1), own_publication_date(b.1));
    // The two reports as (index, report, own date, share of it inside the other).
    let (x, y) = ((a.0, a.1, da, a_in_b), (b.0, b.1, db, b_in_a));
    match decided {
        Verdict::Mismatch(why) => Direction::Undetermined { why: why.into() },
        Verdict::Known(a_first, basis) => {
            let (source, copy) = if a_first { (x, y) } else { (y, x) };
            let evidence = match basis {
                DirectionBasis::PublicationDates => {
                    let (sd, cd) = (source.2.unwrap_or_default(), copy.2.unwrap_or_default());
                    vec![
                        format!(
                            "{}, {} {} later: the earlier report is the source",
                            dated(source.1, &title(source.0), sd),
                            dated(copy.1, &title(copy.0), cd),
                            display::count((cd - sd).num_days().max(0) as usize, "day", "days")
                        ),
                        format!(
                            "{} of {}'s text is in {}, {} the other way",
                            pct(copy.3),
                            name(&title(copy.0)),
                            name(&title(source.0)),
                            pct(source.3)
                        ),
                    ]
                }
                DirectionBasis::Containment => vec![
                    format!(
                        "the dates cannot tell: {}",
                        dates_phrase(&title(a.0), da, &title(b.0), db)
                    ),
                    format!(
                        "{} of {}'s text is in {}, only {} the other way: {} reads as a cut-down copy of the fuller report",
                        pct(copy.3),
                        name(&title(copy.0)),
                        name(&title(source.0)),
                        pct(source.3),
                        name(&title(copy.0))
                    ),
                ],
            };
            Direction::Known {
                source: source.0,
                copy: copy.0,
                basis,
                evidence,
            }
        }
        Verdict::Undetermined => {
            let (hi, lo) = (a_in_b.max(b_in_a), a_in_b.min(b_in_a));
            let shape = if hi < MIN_CONTAINED {
                format!(
                    "neither text is mostly inside the other ({} and {})",
                    pct(hi),
                    pct(lo)
                )
            } else {
                format!(
                    "each holds about as much of the other ({} and {})",
                    pct(a_in_b),
                    pct(b_in_a)
                )
            };
            Direction::Undetermined {
                why: format!(
                    "{}, and {shape}",
                    dates_phrase(&title(a.0), da, &title(b.0), db)
                ),
            }
        }
    }
}

/// "“Title” was published on 8 Jul 2024 (stated)".
fn dated(r: &Report, title: &str, d: NaiveDate) -> String {
    format!(
        "{} was published on {} ({})",
        name(title),
        display::date(d),
        r.published_basis.label()
    )
}

/// Why the dates cannot tell.
fn dates_phrase(a: &str, da: Option<NaiveDate>, b: &str, db: Option<NaiveDate>) -> String {
    match (da, db) {
        (Some(x), Some(_)) => format!("both were published on {}", display::date(x)),
        (Some(_), None) => format!("{} has no publication date of its own", name(b)),
        (None, Some(_)) => format!("{} has no publication date of its own", name(a)),
        (None, None) => "neither has a publication date of its own".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(id: &str, published: Option<&str>, basis: DateBasis) -> Report {
        Report {
            id: id.into(),
            title: format!("Title {id}"),
            published: published.map(|d| d.parse().unwrap()),
            published_basis: basis,
            ..Default::default()
        }
    }

    fn pair(a: &str, b: &str, a_in_b: f32, b_in_a: f32) -> Pair {
        Pair {
            a: a.into(),
            b: b.into(),
            containment_a_in_b: a_in_b,
            containment_b_in_a: b_in_a,
            ..Default::default()
        }
    }

    #[test]
    fn an_inferred_date_is_not_the_reports_own() {
        let x = report("x", Some("2024-01-02"), DateBasis::Stated);
        let y = report("y", Some("2024-01-01"), DateBasis::Inferred);
        assert_eq!(own_publication_date(&y), None);
        // y's only date is inferred: the dates cannot tell, the overlap is even.
        let d = direction((0, &x), (1, &y), &pair("x", "y", 0.8, 0.8));
        assert!(
            matches!(&d, Direction::Undetermined { why } if why.contains("no publication date of its own")),
            "{d:?}"
        );
    }

    #[test]
    fn the_pair_is_read_in_either_order_and_must_name_the_reports() {
        let x = report("x", None, DateBasis::Unknown);
        let y = report("y", None, DateBasis::Unknown);
        // y is 90 % inside x: y is the copy, whichever order the pair names them in.
        for p in [pair("x", "y", 0.4, 0.9), pair("y", "x", 0.9, 0.4)] {
            let d = direction((0, &x), (1, &y), &p);
            assert_eq!((d.source(), d.copy()), (Some(0), Some(1)), "{d:?}");
        }
        let d = direction((0, &x), (1, &y), &pair("x", "z", 0.4, 0.9));
        assert_eq!(d.copy(), None);
    }

    #[test]
    fn the_quick_decision_is_the_explained_one() {
        let dates = [None, Some("2024-01-01"), Some("2024-01-02")];
        let shares = [0.0, 0.3, 0.5, 0.55, 0.7, 0.9, 1.0];
        for da in dates {
            for db in dates {
                let x = report("x", da, DateBasis::Stated);
                let y = report("y", db, DateBasis::Metadata);
                for &s1 in &shares {
                    for &s2 in &shares {
                        let p = pair("x", "y", s1, s2);
                        let full = direction((3, &x), (5, &y), &p);
                        let quick = copy_direction((3, &x), (5, &y), &p);
                        let explained = match &full {
                            Direction::Known {
                                source,
                                copy,
                                basis,
                                evidence,
                            } => {
                                assert_eq!(evidence.len(), 2);
                                Some((*source, *copy, *basis))
                            }
                            Direction::Undetermined { why } => {
                                assert!(!why.is_empty());
                                None
                            }
                        };
                        assert_eq!(quick, explained, "{da:?} {db:?} {s1} {s2}");
                        // Different own dates always decide, whatever the overlap.
                        if da.is_some() && db.is_some() && da != db {
                            assert_eq!(quick.map(|q| q.2), Some(DirectionBasis::PublicationDates));
                            assert_eq!(quick.map(|q| q.0), Some(if da < db { 3 } else { 5 }));
                        }
                    }
                }
            }
        }
    }
}
