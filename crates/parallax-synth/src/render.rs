//! A draft printed as the lines of a page, in its outlet's style (header, date line, body, the
//! boilerplate at the end).

use crate::draft::{Draft, Para, Style};
use crate::text::*;
use chrono::{Datelike, NaiveDate};
use rand::RngExt;

fn date_line(rng: &mut Rng, d: NaiveDate, style: Style) -> Option<String> {
    let month = month_name(d.month());
    Some(match style {
        Style::Ledger => match rng.random_range(0..3) {
            0 => format!("{month} {}, {}", d.day(), d.year()),
            1 => format!("{} {month} {}", d.day(), d.year()),
            _ => format!("Published {} {}, {}", &month[..3], d.day(), d.year()),
        },
        Style::Wire => format!("Updated {:02} {month} {}", d.day(), d.year()),
        Style::Magazine => d.format("%Y-%m-%d").to_string(),
        Style::WebDesk | Style::ReadMore => return None,
    })
}

/// Renders a report in its outlet's style. Returns the lines.
pub(crate) fn render(rng: &mut Rng, d: &Draft, ev: &Event, second_on_page: bool) -> Vec<String> {
    let style = if second_on_page {
        Style::Wire
    } else {
        d.style()
    };
    let mut lines: Vec<String> = Vec::new();
    let straight = style == Style::Magazine;
    let fix = |s: &str| {
        if straight {
            s.replace(['“', '”'], "\"").replace(['‘', '’'], "'")
        } else {
            s.to_string()
        }
    };
    let first_text = d.paras.iter().position(|p| matches!(p, Para::Text(_)));
    let body_line = |i: usize, t: &str, lines: &mut Vec<String>, rng: &mut Rng| {
        let mut t = fix(t);
        if Some(i) == first_text {
            t = match style {
                Style::WebDesk => format!("{}: (Web Desk) {t}", d.dateline),
                Style::Magazine | Style::Ledger => t,
                _ => format!("{}: {t}", d.dateline),
            };
        }
        if style == Style::Wire && rng.random_bool(0.3) {
            t.push('\u{a0}');
        }
        lines.push(t);
    };
    match style {
        Style::Ledger => {
            lines.push(d.title.clone());
            lines.push(String::new());
            lines.push(d.kicker.to_string());
            lines.extend(date_line(rng, d.published, style));
            lines.push(String::new());
        }
        Style::Wire => {
            lines.push(d.title.clone());
            lines.push(String::new());
            if second_on_page {
                lines.push("Updated 10 sec ago".into());
            } else {
                lines.push(format!(
                    "{} is addressing a {} in {} on {} {}, {}. ({})",
                    ev.speaker.full(),
                    ev.venue,
                    capitalise(&ev.speaker.city.to_lowercase()),
                    month_name(ev.date.month()),
                    ev.date.day(),
                    ev.date.year(),
                    pick(
                        rng,
                        &["Reuters", "AFP", "AP", "US Department of State", "File"]
                    )
                ));
                lines.push("Short Url".into());
                lines.extend(date_line(rng, d.published, style));
            }
            lines.push("Follow".into());
            lines.push(String::new());
            lines.push(d.title.clone());
            lines.push(String::new());
            for s in &d.standfirst {
                lines.push(format!("  • {s}"));
            }
            lines.push(String::new());
        }
        Style::WebDesk => lines.push(d.title.clone()),
        Style::ReadMore => {
            lines.push(d.title.clone());
            lines.push(String::new());
            lines.push(String::new());
        }
        Style::Magazine => {
            lines.push(d.kicker.to_uppercase());
            lines.push(String::new());
            lines.push(title_case(&fix(&d.title)));
            lines.push(String::new());
            lines.push(fix(&d.standfirst.join(". ")) + ".");
            lines.extend(date_line(rng, d.published, style));
            lines.push(title_case(&fix(&d.title)));
            lines.push(String::new());
        }
    }
    for (i, p) in d.paras.iter().enumerate() {
        match p {
            Para::Text(t) => body_line(i, t, &mut lines, rng),
            Para::Heading(h) => lines.push(if style == Style::Wire {
                h.to_uppercase()
            } else {
                h.clone()
            }),
            Para::Link(label, headline) => {
                let label = if style == Style::ReadMore {
                    "Read more"
                } else {
                    label
                };
                lines.push(format!("{label}: {}", fix(headline)));
            }
        }
        if i + 1 < d.paras.len() {
            lines.push(if straight {
                "\u{a0}".into()
            } else {
                String::new()
            });
            if straight {
                lines.push(String::new());
            }
        }
    }
    match style {
        Style::Ledger => {
            lines.push(String::new());
            lines.push("Leave a Reply".into());
            lines.push("You must be logged in to post a comment.".into());
        }
        Style::ReadMore => {
            lines.push(String::new());
            lines.push("You May Also Like".into());
        }
        _ => {}
    }
    lines
}
