//! The head of a report: kicker, title (often printed twice), standfirst (a summary line or
//! bullets), byline and date lines, up to where the body starts. Page furniture in between
//! (share widgets, photo captions, breadcrumb trails) is dropped.

use super::boilerplate::{
    bullet, byline_folded, is_separator, is_terminal_folded, is_widget_folded,
};
use super::captions::is_caption_folded;
use super::dateline::dateline;
use super::dates::{parse_date_line_folded, DateLine};
use super::normalize::{ends_sentence, fold, word_count, Line};
use super::related::related_link_folded;
use super::trail::{breadcrumb_trail, is_breadcrumb, Trail};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Header {
    /// Index (into the segment) of the title line; `None` when no line looks like a title.
    pub title: Option<usize>,
    pub kicker: Option<usize>,
    pub standfirst: Vec<(usize, String)>,
    pub byline: Option<String>,
    pub dates: Vec<(usize, DateLine)>,
    /// Index of the first body line.
    pub body_start: usize,
    /// The title was printed again before the body.
    pub title_repeated: bool,
    /// A breadcrumb trail above the title (index, trail): navigation, but its last section is
    /// the kicker when the page prints none.
    pub trail: Option<(usize, Trail)>,
    /// No title line follows the trail: the title is the trail's last part (`title` is the
    /// trail's index).
    pub title_in_trail: bool,
}

impl Header {
    /// The title as printed, when there is one.
    pub fn title_text(&self, seg: &[Line]) -> Option<String> {
        match (&self.trail, self.title_in_trail) {
            (Some((_, trail)), true) => trail.title.clone(),
            _ => self.title.map(|t| seg[t].text.clone()),
        }
    }

    /// The kicker printed with the title, else the trail's last section.
    pub fn kicker_text(&self, seg: &[Line]) -> Option<String> {
        self.kicker.map(|k| seg[k].text.clone()).or_else(|| {
            let (_, trail) = self.trail.as_ref()?;
            trail.kicker().map(str::to_string)
        })
    }
}

/// How many lines a header may span before we give up looking for a title.
pub const WINDOW: usize = 14;

/// How many lines after the title a header may run (furniture, dates, bullets) before the
/// body is taken to start. Real headers are a dozen lines; the bound keeps the report splitter,
/// which reads a header at every title-like line, linear on a page of thousands of teasers.
pub const HEADER_MAX_LINES: usize = 50;

pub fn kicker_like(t: &str) -> bool {
    kicker_like_folded(t, &fold(t))
}

/// `kicker_like` given the line's folded text too.
pub fn kicker_like_folded(t: &str, k: &str) -> bool {
    let words = word_count(t);
    (1..=5).contains(&words)
        && t.chars().count() <= 40
        && !ends_sentence(t)
        && !t.ends_with([':', ','])
        && t.chars().next().is_some_and(|c| c.is_uppercase())
        && parse_date_line_folded(t, k).is_none()
}

pub fn title_like(t: &str) -> bool {
    title_like_folded(t, &fold(t))
}

/// `title_like` given the line's folded text too.
pub fn title_like_folded(t: &str, k: &str) -> bool {
    // Cheap tests first: most lines of a page are paragraphs that fail them.
    !t.trim_end_matches(['\u{201d}', '"', '\u{2019}', '\''])
        .ends_with('.')
        && !t.ends_with([',', ';'])
        && t.chars().nth(250).is_none()
        && (2..=30).contains(&word_count(t))
        && parse_date_line_folded(t, k).is_none()
        && !is_widget_folded(k)
        && !is_terminal_folded(k)
        && related_link_folded(t, k).is_none()
        && bullet(t).is_none()
        && dateline(t).is_none()
}

pub fn body_like(t: &str) -> bool {
    dateline(t).is_some() || (ends_sentence(t) && word_count(t) > 25) || t.chars().count() > 300
}

fn furniture(t: &str, k: &str) -> bool {
    is_widget_folded(k) || is_breadcrumb(t) || is_separator(t)
}

/// Reads the header of a segment (the lines of one report).
pub fn read_header(seg: &[Line]) -> Header {
    let keys: Vec<String> = seg.iter().map(|l| fold(&l.text)).collect();
    read_header_folded(seg, &keys)
}

/// `read_header` given the folded text of every line of the segment (`keys[i]` for `seg[i]`).
pub fn read_header_folded(seg: &[Line], keys: &[String]) -> Header {
    let mut h = Header::default();
    let window = seg.len().min(WINDOW);
    let mut idx = 0;
    // Furniture, dates and bylines before the title.
    while idx < window {
        let (t, k) = (seg[idx].text.as_str(), keys[idx].as_str());
        if let Some(trail) = breadcrumb_trail(t) {
            h.trail = Some((idx, trail));
        } else if furniture(t, k) || is_caption_folded(t, k, true) {
        } else if let Some(d) = parse_date_line_folded(t, k) {
            if let Some(b) = d.byline.clone() {
                h.byline.get_or_insert(b);
            }
            h.dates.push((idx, d));
        } else if let Some(b) = byline_folded(t, k) {
            h.byline.get_or_insert(b);
        } else {
            break;
        }
        idx += 1;
    }
    let no_title_line = seg.get(idx).is_none_or(|l| {
        let (first, first_key) = (l.text.as_str(), keys[idx].as_str());
        body_like(first)
            || !title_like_folded(first, first_key) && !kicker_like_folded(first, first_key)
    });
    if no_title_line {
        // "Home » Pakistan » <the title>" and then the body: the trail holds the title.
        if let Some((at, Trail { title: Some(_), .. })) = h.trail {
            h.title = Some(at);
            h.title_in_trail = true;
        }
        h.body_start = idx.min(seg.len());
        return h;
    }
    let first = seg[idx].text.as_str();
    let first_key = keys[idx].as_str();
    // A title printed twice is the title, whatever is above it.
    let repeated = (idx..window).find(|&k| {
        (k + 1..window).any(|m| keys[m] == keys[k]) && title_like_folded(&seg[k].text, &keys[k])
    });
    let mut title = idx;
    if let Some(k) = repeated {
        let kicker_at = |m: usize| kicker_like_folded(&seg[m].text, &keys[m]);
        if (idx..k).all(|m| kicker_at(m) || furniture(&seg[m].text, &keys[m])) {
            title = k;
            h.kicker = (idx..k).rev().find(|&m| kicker_at(m));
        }
    } else if kicker_like_folded(first, first_key) {
        let next = (idx + 1..window).find(|&m| {
            !furniture(&seg[m].text, &keys[m])
                && parse_date_line_folded(&seg[m].text, &keys[m]).is_none()
        });
        if let Some(n) = next {
            let (t, k) = (seg[n].text.as_str(), keys[n].as_str());
            if title_like_folded(t, k)
                && !kicker_like_folded(t, k)
                && !body_like(t)
                && !ends_sentence(t)
            {
                h.kicker = Some(idx);
                title = n;
            }
        }
    }
    // Dates between a kicker and the title.
    for m in idx..title {
        if let Some(d) = parse_date_line_folded(&seg[m].text, &keys[m]) {
            h.dates.push((m, d));
        }
    }
    h.title = Some(title);
    let title_key = keys[title].as_str();
    let mut pending: Vec<usize> = Vec::new();
    let mut anchor_seen = false;
    let mut j = title + 1;
    let mut body_start = None;
    let flush = |pending: &mut Vec<usize>, h: &mut Header| {
        for p in pending.drain(..) {
            h.standfirst.push((p, seg[p].text.clone()));
        }
    };
    let scan_end = seg.len().min(title + 1 + HEADER_MAX_LINES);
    while j < scan_end {
        let (t, k) = (seg[j].text.as_str(), keys[j].as_str());
        super::work::add(t.len());
        if k == title_key {
            h.title_repeated = true;
            anchor_seen = true;
            flush(&mut pending, &mut h);
        } else if furniture(t, k) {
        } else if let Some(d) = parse_date_line_folded(t, k) {
            if let Some(b) = d.byline.clone() {
                h.byline.get_or_insert(b);
            }
            h.dates.push((j, d));
            anchor_seen = true;
            flush(&mut pending, &mut h);
        } else if let Some(b) = byline_folded(t, k) {
            h.byline.get_or_insert(b);
            anchor_seen = true;
            flush(&mut pending, &mut h);
        } else if pending.is_empty() && is_caption_folded(t, k, true) {
        } else if let (Some(item), true) = (bullet(t), pending.is_empty()) {
            h.standfirst.push((j, item.to_string()));
        } else if dateline(t).is_some() {
            flush(&mut pending, &mut h);
            body_start = Some(j);
            break;
        } else if h.kicker.is_none()
            && !anchor_seen
            && pending.is_empty()
            && h.standfirst.is_empty()
            && kicker_like_folded(t, k)
            && j + 1 < seg.len()
        {
            h.kicker = Some(j);
        } else if related_link_folded(t, k).is_some() || is_terminal_folded(k) {
            body_start = Some(pending.first().copied().unwrap_or(j));
            break;
        } else {
            pending.push(j);
            // More than two sentences after the title without a date or repeat: the body.
            if pending.len() > 2 || (pending.len() == 1 && word_count(t) > 60) {
                body_start = Some(pending[0]);
                break;
            }
        }
        j += 1;
    }
    h.body_start = body_start.unwrap_or_else(|| pending.first().copied().unwrap_or(j));
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalize::lines;

    fn header(text: &str) -> (Header, Vec<Line>) {
        let ls = lines(text);
        (read_header(&ls), ls)
    }

    #[test]
    fn kicker_title_twice_standfirst_date() {
        let (h, ls) = header(
            "POLITICS & POLICY MAKING\n\nUS Vows Support for Pakistan\n\nThe US reaffirms its support.\n2024-09-04\nUS Vows Support for Pakistan\n\nThe United States has reaffirmed its commitment on Tuesday.\n\nMore text here.\n\nAnd more text.",
        );
        assert_eq!(ls[h.title.unwrap()].text, "US Vows Support for Pakistan");
        assert_eq!(ls[h.kicker.unwrap()].text, "POLITICS & POLICY MAKING");
        assert_eq!(
            h.standfirst
                .iter()
                .map(|s| s.1.as_str())
                .collect::<Vec<_>>(),
            ["The US reaffirms its support."]
        );
        assert_eq!(h.dates.len(), 1);
        assert!(h.title_repeated);
        assert_eq!(
            ls[h.body_start].text,
            "The United States has reaffirmed its commitment on Tuesday."
        );
    }

    #[test]
    fn kicker_below_title_then_date() {
        let (h, ls) = header("US dismisses claims of support\n\nIn World\nApril 12, 2024\n\nFirst paragraph.\n\nSecond.\n\nThird.");
        assert_eq!(ls[h.kicker.unwrap()].text, "In World");
        assert_eq!(ls[h.body_start].text, "First paragraph.");
    }

    #[test]
    fn bullets_and_widgets() {
        let (h, ls) = header(
            "A title here\n\nPhoto of someone at a podium in Washington. (US Department of State)\nShort Url\nUpdated 09 July 2024\nFollow\n\nA title here\n\n  • First point\n  • Second point\n\nISLAMABAD: The body starts here with words.",
        );
        assert_eq!(h.standfirst.len(), 2);
        assert_eq!(h.standfirst[0].1, "First point");
        assert_eq!(
            ls[h.body_start].text,
            "ISLAMABAD: The body starts here with words."
        );
        assert_eq!(h.dates[0].1.date.unwrap().to_string(), "2024-07-09");
    }

    #[test]
    fn no_title() {
        let (h, _) = header("This report opens with a long sentence that reads like body text and goes on and on and on about the events of the day in the capital city.");
        assert_eq!((h.title, h.body_start), (None, 0));
    }
}
