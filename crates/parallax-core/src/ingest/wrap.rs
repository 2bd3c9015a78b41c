//! Hard-wrapped text: wire copy and e-mail often break every line at ~70 columns inside a
//! paragraph. When a whole file is wrapped that way, the lines of each paragraph are joined
//! again. Decided per file: a file whose lines are long, or whose lines are not mostly filled
//! to one width, is left as it is.

use super::boilerplate::{bullet, is_separator};
use super::dates::parse_date_line;
use super::normalize::Line;

/// The widths hard-wrapped text is wrapped at; beyond this a line is a paragraph.
const MAX_WRAP_WIDTH: usize = 100;
const MIN_WRAP_WIDTH: usize = 40;

/// A line filled to within this many characters of the wrap width was broken by the wrap.
const SLACK: usize = 18;

fn chars(l: &Line) -> usize {
    l.text.chars().count()
}

/// The wrap width of a file if the file is hard-wrapped: most lines that run straight into
/// another line are filled to about one width, and no more than a few lines are longer.
pub fn wrap_width(lines: &[Line]) -> Option<usize> {
    if lines.len() < 6 {
        return None;
    }
    let mut lengths: Vec<usize> = lines.iter().map(chars).collect();
    lengths.sort_unstable();
    // The width: the 90th percentile of line lengths (a long URL or two do not set it).
    let width = lengths[lengths.len() * 9 / 10];
    if !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width) {
        return None;
    }
    let too_long = lengths.iter().filter(|&&n| n > width + SLACK).count();
    if too_long * 20 > lines.len() {
        return None;
    }
    // Lines followed directly by another line, and how many of them are filled to the width.
    let runs_on: Vec<&Line> = lines
        .windows(2)
        .filter(|w| w[1].blank_before == 0)
        .map(|w| &w[0])
        .collect();
    let filled = runs_on.iter().filter(|l| chars(l) + SLACK >= width).count();
    (runs_on.len() >= 4 && filled * 3 >= runs_on.len() * 2 && filled * 3 >= lines.len())
        .then_some(width)
}

/// Lines that never continue a paragraph: date lines, bullets, separators.
fn stands_alone(text: &str) -> bool {
    parse_date_line(text).is_some() || bullet(text).is_some() || is_separator(text)
}

/// Joins the lines of each paragraph of a hard-wrapped file; returns other files unchanged.
/// A joined line keeps the number of its first line.
pub fn rejoin(lines: Vec<Line>) -> Vec<Line> {
    let Some(width) = wrap_width(&lines) else {
        return lines;
    };
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut prev_filled = false;
    for line in lines {
        let filled = chars(&line) + SLACK >= width;
        let joins = prev_filled && line.blank_before == 0 && !stands_alone(&line.text);
        match out.last_mut() {
            Some(last) if joins && !stands_alone(&last.text) => {
                // A word broken at a hyphen ("Tehreek-e-" / "Insaf") joins without a space.
                let sep = if last.text.ends_with('-') { "" } else { " " };
                if last.marked.is_some() || line.marked.is_some() {
                    let mut marked = last.marked.take().unwrap_or_else(|| last.text.clone());
                    marked.push_str(sep);
                    marked.push_str(line.marked.as_deref().unwrap_or(&line.text));
                    last.marked = Some(marked);
                }
                last.text.push_str(sep);
                last.text.push_str(&line.text);
            }
            _ => out.push(line),
        }
        prev_filled = filled;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalize::lines;

    const WRAPPED: &str = "Pakistan rejects report on spyware\nJuly 9, 2024\n\nISLAMABAD (Reuters) - Pakistan on Monday rejected a report that said\nthe country had bought invasive spyware, calling the findings\nspeculative and misleading, a foreign ministry spokesperson said.\n\nThe report, published by a rights group last week, said the tools\nhad been used against journalists and opposition politicians in the\nrun-up to the February elections.\n\n\"We reject these claims,\" the spokesperson told reporters at the\nweekly briefing in the capital.\n";

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let ls = rejoin(lines(WRAPPED));
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[0], "Pakistan rejects report on spyware");
        assert_eq!(texts[1], "July 9, 2024");
        assert_eq!(texts[2], "ISLAMABAD (Reuters) - Pakistan on Monday rejected a report that said the country had bought invasive spyware, calling the findings speculative and misleading, a foreign ministry spokesperson said.");
        assert_eq!(ls[2].no, 4);
        assert!(texts[3].ends_with("in the run-up to the February elections."));
        assert_eq!(texts[4], "\"We reject these claims,\" the spokesperson told reporters at the weekly briefing in the capital.");
        assert_eq!(ls.len(), 5);
    }

    #[test]
    fn long_lines_and_short_lines_are_left_alone() {
        // One paragraph per line, blank lines between: not wrapped.
        let long = "A title\n\nThe first paragraph is one long line that goes on well past any wrap width and ends here with a full stop.\n\nThe second paragraph is one long line too, and it also goes on well past any wrap width before it ends.\n\nThe third paragraph is the same again: one long line well past any wrap width, ending with a full stop.\n\nA fourth.\n\nA fifth.\n\nA sixth.";
        assert_eq!(rejoin(lines(long)), lines(long));
        // Short lines one under another (a list, a poem): not filled to a width.
        let list = "Title here\nOne\nTwo\nThree\nFour\nFive\nSix\nSeven";
        assert_eq!(rejoin(lines(list)), lines(list));
    }

    #[test]
    fn bidi_controls_survive_the_join() {
        let text = WRAPPED.replace("the country had", "the \u{202e}country\u{202c} had");
        let ls = rejoin(lines(&text));
        let plain = rejoin(lines(WRAPPED));
        assert_eq!(ls[2].text, plain[2].text);
        assert_eq!(
            ls[2].marked.as_deref(),
            Some(
                plain[2]
                    .text
                    .replace("the country had", "the \u{202e}country\u{202c} had")
                    .as_str()
            )
        );
        assert_eq!(ls[3].marked, None);
    }
}
