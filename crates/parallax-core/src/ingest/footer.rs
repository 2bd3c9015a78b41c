//! The footer line that names where and when a report was printed: "This article was published
//! in Dawn, September 5th, 2024", "Published in The Express Tribune, July 10th, 2024.",
//! "Originally published by Al Jazeera on 3 Sep 2024".

use super::date_expr::{parse_expr, Expr};
use super::dates::{DateLabel, DateLine};
use super::normalize::fold;

/// "This article was published in Dawn, September 5th, 2024" / "Published in The Express
/// Tribune, July 10th, 2024." / "Originally published by Al Jazeera on 3 Sep 2024".
pub fn parse_published_in(text: &str) -> Option<DateLine> {
    parse_published_in_folded(text, &fold(text))
}

pub fn parse_published_in_folded(text: &str, folded: &str) -> Option<DateLine> {
    let trimmed = folded.trim_end_matches('.');
    let mut start = None;
    for marker in [
        "published in ",
        "published by ",
        "appeared in ",
        "published on ",
    ] {
        if let Some(p) = trimmed.find(marker) {
            let before = &trimmed[..p];
            // Only a short lead-in: "This article was first …", "Originally …"
            if before.split(' ').filter(|w| !w.is_empty()).count() <= 5 {
                start = Some(p + marker.len());
                break;
            }
        }
    }
    let start = start?;
    let rest = &trimmed[start..];
    // The date is the longest tail that reads as a date, after ", " or " on ".
    let mut cut_points: Vec<usize> = rest.match_indices(", ").map(|(i, _)| i).collect();
    cut_points.extend(rest.match_indices(" on ").map(|(i, _)| i));
    cut_points.sort_unstable();
    for &cut in &cut_points {
        let tail = rest[cut..]
            .trim_start_matches([',', ' '])
            .trim_start_matches("on ");
        if let Some(expr) = parse_expr(tail) {
            let outlet_folded_len = cut;
            // Map the folded outlet back onto the printed text by character count.
            let printed = text.trim();
            let lead_chars = folded[..start].chars().count();
            let outlet_chars = rest[..outlet_folded_len].chars().count();
            let outlet: String = printed
                .chars()
                .skip(lead_chars)
                .take(outlet_chars)
                .collect();
            let tail_chars = folded[..trimmed.len() - tail.len()].chars().count();
            let written: String = printed.chars().skip(tail_chars).collect();
            let mut out = DateLine {
                label: Some(DateLabel::Published),
                outlet: Some(outlet.trim().to_string()).filter(|o| !o.is_empty()),
                written: written.trim().trim_end_matches('.').to_string(),
                ..DateLine::default()
            };
            match expr {
                Expr::Date(d, doubt) => {
                    out.date = Some(d);
                    out.problem = doubt;
                }
                Expr::Invalid(why) => out.problem = Some(why),
                Expr::Relative => out.relative = true,
            }
            return Some(out);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn published_in() {
        let p =
            parse_published_in("This article was published in Dawn, September 5th, 2024.").unwrap();
        assert_eq!((p.outlet.as_deref(), p.date), (Some("Dawn"), d(2024, 9, 5)));
        assert_eq!(p.written, "September 5th, 2024");
        let p = parse_published_in("Published in The Express Tribune, July 10th, 2024").unwrap();
        assert_eq!(p.outlet.as_deref(), Some("The Express Tribune"));
        let p = parse_published_in("Originally published by Al Jazeera on 3 Sep 2024").unwrap();
        assert_eq!(
            (p.outlet.as_deref(), p.date),
            (Some("Al Jazeera"), d(2024, 9, 3))
        );
        assert!(
            parse_published_in("Amnesty's investigation, published Thursday under the title")
                .is_none()
        );
    }

    #[test]
    fn footer_variants_with_ordinal_days() {
        for (line, outlet, date) in [
            ("Published in Dawn, May 9th, 2024", "Dawn", d(2024, 5, 9)),
            (
                "Published in The Frontier Ledger, June 1st, 2024",
                "The Frontier Ledger",
                d(2024, 6, 1),
            ),
            (
                "This article was published in The Valley Courier on 3rd March 2024",
                "The Valley Courier",
                d(2024, 3, 3),
            ),
            (
                "This article first appeared in Daily Meridian on 22nd February, 2024.",
                "Daily Meridian",
                d(2024, 2, 22),
            ),
            (
                "Originally published in The Harbour Post on March 3rd, 2024",
                "The Harbour Post",
                d(2024, 3, 3),
            ),
            (
                "Published in The Northern Star, Sunday, June 2nd, 2024",
                "The Northern Star",
                d(2024, 6, 2),
            ),
            (
                "Published in The Northern Star on Sunday, June 2nd, 2024",
                "The Northern Star",
                d(2024, 6, 2),
            ),
            (
                "\u{2014} Published in Karakoram Times, 11th May 2024",
                "Karakoram Times",
                d(2024, 5, 11),
            ),
        ] {
            let p = parse_published_in(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(
                (p.outlet.as_deref(), p.date),
                (Some(outlet), date),
                "{line}"
            );
        }
    }
}
