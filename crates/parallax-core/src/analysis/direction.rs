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
fn name(r: &Report) -> String {
    format!("“{}”", display::shorten(r.title.trim(), 60))
}

/// The direction of copying between reports `a` and `b` (indices into the corpus, with the
/// reports), from their pair `pair` (either order; its containments are read by its ids). See
/// the module documentation for the rule.
pub fn direction(a: (u32, &Report), b: (u32, &Report), pair: &Pair) -> Direction {
    let (a_in_b, b_in_a) = if pair.a == a.1.id && pair.b == b.1.id {
        (pair.containment_a_in_b, pair.containment_b_in_a)
    } else if pair.a == b.1.id && pair.b == a.1.id {
        (pair.containment_b_in_a, pair.containment_a_in_b)
    } else {
        return Direction::Undetermined {
            why: "the pair's evidence is about other reports".into(),
        };
    };
    if a.0 == b.0 {
        return Direction::Undetermined {
            why: "a report does not copy itself".into(),
        };
    }
    let (da, db) = (own_publication_date(a.1), own_publication_date(b.1));
    let dated = |r: &Report, d: NaiveDate| {
        format!(
            "{} was published on {} ({})",
            name(r),
            display::date(d),
            r.published_basis.label()
        )
    };
    let overlap = format!(
        "{} of {}'s text is in {}, {} the other way",
        pct(b_in_a),
        name(b.1),
        name(a.1),
        pct(a_in_b)
    );
    // 1. Dates.
    if let (Some(x), Some(y)) = (da, db) {
        if x != y {
            let ((source, sr, sd), (copy, cr, cd)) = if x < y {
                ((a.0, a.1, x), (b.0, b.1, y))
            } else {
                ((b.0, b.1, y), (a.0, a.1, x))
            };
            let days = (cd - sd).num_days();
            return Direction::Known {
                source,
                copy,
                basis: DirectionBasis::PublicationDates,
                evidence: vec![
                    format!(
                        "{}, {} {} later: the earlier report is the source",
                        dated(sr, sd),
                        dated(cr, cd),
                        display::count(days as usize, "day", "days")
                    ),
                    overlap,
                ],
            };
        }
    }
    let dates = match (da, db) {
        (Some(x), Some(_)) => format!("both were published on {}", display::date(x)),
        (Some(_), None) => format!("{} has no publication date of its own", name(b.1)),
        (None, Some(_)) => format!("{} has no publication date of its own", name(a.1)),
        (None, None) => "neither has a publication date of its own".to_string(),
    };
    // 2. Containment: the report mostly inside the other is the cut-down copy.
    let (hi, lo) = (a_in_b.max(b_in_a), a_in_b.min(b_in_a));
    if hi >= MIN_CONTAINED && hi - lo >= MIN_GAP {
        let ((copy, cr, c_share), (source, sr, s_share)) = if a_in_b > b_in_a {
            ((a.0, a.1, a_in_b), (b.0, b.1, b_in_a))
        } else {
            ((b.0, b.1, b_in_a), (a.0, a.1, a_in_b))
        };
        return Direction::Known {
            source,
            copy,
            basis: DirectionBasis::Containment,
            evidence: vec![
                format!("the dates cannot tell: {dates}"),
                format!(
                    "{} of {}'s text is in {}, only {} the other way: {} reads as a cut-down copy of the fuller report",
                    pct(c_share),
                    name(cr),
                    name(sr),
                    pct(s_share),
                    name(cr)
                ),
            ],
        };
    }
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
        why: format!("{dates}, and {shape}"),
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
}
