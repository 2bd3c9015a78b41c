//! Several reports on one page: a new report starts where a title-like line opens a header of
//! its own (its title printed again, a date line or a byline) followed by a body of text, or
//! after a separator line ("* * *", "-----"). The headline under a link label ("Check Also")
//! is a link to another story, not the start of one.

use super::boilerplate::is_separator;
use super::dates::parse_date_line_folded;
use super::header::{read_header_folded, title_like_folded, HEADER_MAX_LINES, WINDOW};
use super::normalize::{ends_sentence, fold, word_count, Line};
use super::related::related_link_folded;

/// A header here opens a report with a real body (teasers have a headline and a date only).
fn opens_report(lines: &[Line], keys: &[String], i: usize, after_separator: bool) -> Option<usize> {
    if !title_like_folded(&lines[i].text, &keys[i]) || under_link_label(lines, keys, i) {
        return None;
    }
    let h = read_header_folded(&lines[i..], &keys[i..]);
    if h.title != Some(0) {
        return None;
    }
    let anchored = h.title_repeated || !h.dates.is_empty() || h.byline.is_some() || after_separator;
    if !anchored {
        return None;
    }
    let body = &lines[i + h.body_start..];
    let sentences = body
        .iter()
        .take(6)
        .filter(|l| body_sentence(&l.text))
        .count();
    (sentences >= 2).then_some(i + h.body_start)
}

/// Line `i` is the headline of a link: under a label alone ("Check Also"), maybe with the
/// teaser's date line between them.
fn under_link_label(lines: &[Line], keys: &[String], i: usize) -> bool {
    let label_alone = |m: usize| {
        related_link_folded(&lines[m].text, &keys[m])
            .is_some_and(|(_, headline)| headline.is_empty())
    };
    match i {
        0 => false,
        1 => label_alone(0),
        _ => {
            label_alone(i - 1)
                || (parse_date_line_folded(&lines[i - 1].text, &keys[i - 1]).is_some()
                    && label_alone(i - 2))
        }
    }
}

/// A line of body text as a report's opening needs it.
fn body_sentence(text: &str) -> bool {
    ends_sentence(text) && word_count(text) >= 12
}

/// Start indices (into `lines`) of each report; the first is always 0.
pub fn split_reports(lines: &[Line]) -> Vec<usize> {
    let keys: Vec<String> = lines.iter().map(|l| fold(&l.text)).collect();
    split_reports_folded(lines, &keys)
}

/// `split_reports` given the folded text of every line (`keys[i]` for `lines[i]`).
pub fn split_reports_folded(lines: &[Line], keys: &[String]) -> Vec<usize> {
    let mut starts = vec![0];
    if lines.is_empty() {
        return starts;
    }
    // A report opens only where two body sentences follow within reach of its header (a
    // header ends within WINDOW + HEADER_MAX_LINES lines, then six lines are looked at):
    // counting them ahead skips the header reading at headlines that cannot open a report.
    let mut sentences_before = vec![0usize; lines.len() + 1];
    for (k, l) in lines.iter().enumerate() {
        sentences_before[k + 1] = sentences_before[k] + usize::from(body_sentence(&l.text));
    }
    let reach = WINDOW + HEADER_MAX_LINES + 7;
    let mut i = read_header_folded(lines, keys).body_start.max(1);
    while i < lines.len() {
        let after_separator = i > 0 && is_separator(&lines[i - 1].text);
        let ahead = sentences_before[lines.len().min(i + reach)] - sentences_before[i];
        if ahead < 2 {
            i += 1;
            continue;
        }
        if let Some(body) = opens_report(lines, keys, i, after_separator) {
            starts.push(i);
            i = body.max(i + 1);
        } else {
            i += 1;
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalize::lines;

    #[test]
    fn second_report_with_title_twice() {
        let text = "First title here\nApril 1, 2024\n\nA body sentence of the first report that is long enough to count.\n\nAnother body sentence of the first report that is long enough to count.\n\n\nSecond report title\n\nUpdated 10 sec ago\nFollow\n\nSecond report title\n\nISLAMABAD: The second report starts here and it is long enough to count too.\n\nIt goes on with another sentence that is long enough to count here.";
        let ls = lines(text);
        let starts = split_reports(&ls);
        assert_eq!(starts.len(), 2);
        assert_eq!(ls[starts[1]].text, "Second report title");
    }

    #[test]
    fn headings_and_teasers_do_not_split() {
        let text = "Title of it\nApril 1, 2024\n\nA body sentence of the first report that is long enough to count.\n\nGaza war\n\nAnother body sentence of the first report that is long enough to count.\n\nMore News\nSome other headline\nApril 2, 2024";
        assert_eq!(split_reports(&lines(text)).len(), 1);
    }

    #[test]
    fn separator_splits() {
        let text = "Title one\n\nA body sentence of the first report that is long enough to count.\n\nA second body sentence of the first report that is long enough.\n\n* * *\n\nTitle two here\n\nA body sentence of the second report that is long enough to count.\n\nA second body sentence of the second report that is long enough.";
        assert_eq!(split_reports(&lines(text)).len(), 2);
    }

    #[test]
    fn a_linked_headline_does_not_split() {
        let text = "Title of it\nApril 1, 2024\n\nA body sentence of the first report that is long enough to count.\n\nCheck Also\nSome other headline\nApril 2, 2024\n\nAnother body sentence of the first report that is long enough to count.\n\nA third body sentence of the first report that is long enough to count.";
        assert_eq!(split_reports(&lines(text)).len(), 1);
    }
}
