//! Boilerplate: page furniture that is not the report. Share widgets ("Short Url", "Follow"),
//! comment boxes ("Leave a Reply", "You must be logged in to post a comment."), end-of-report
//! lists ("You May Also Like"), bylines, and the teasers of other stories printed after the
//! report. Related links ("Also read: …") are in `related`, breadcrumb trails in `trail`, photo
//! captions and wire credits in `captions`.

use super::dates::parse_date_line;
use super::normalize::{ends_sentence, fold, word_count};

/// Widgets and labels that can sit anywhere in a page and carry no report text.
const WIDGETS: [&str; 44] = [
    "short url",
    "follow",
    "follow us",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "share on whatsapp",
    "tweet",
    "print",
    "email",
    "e-mail",
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "telegram",
    "advertisement",
    "advertisment",
    "sponsored",
    "subscribe",
    "sign up",
    "listen",
    "listen to this article",
    "listen to article",
    "save",
    "copy link",
    "copy url",
    "font size",
    "scroll to continue",
    "story continues below",
    "continue reading",
    "continue reading below",
    "click here",
    "read full story",
    "comments",
    "comment",
    "0 comments",
    "no comments",
    "follow us on google news",
    "join our whatsapp channel",
    "skip to content",
    "menu",
];

/// Markers after which the page holds no more report text: comment boxes, link lists, footers.
const TERMINAL: [&str; 31] = [
    "comments",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "you must be logged in to post a comment",
    "you may also like",
    "you might also like",
    "related articles",
    "related stories",
    "related posts",
    "related news",
    "related",
    "more from",
    "more stories",
    "more news",
    "read next",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "latest news",
    "latest stories",
    "recommended",
    "recommended for you",
    "popular posts",
    "more on this story",
    "also on",
    "comments are closed",
    "all rights reserved",
    "the views expressed",
];

/// The matching key of a folded line: trailing punctuation dropped.
fn key(folded: &str) -> &str {
    folded.trim_end_matches(['.', ':', '!', ' '])
}

// Each test below has a `_folded` form that takes the line's folded text as well: the parser
// folds every line once and asks many questions of it.

/// A widget line ("Short Url", "Follow", "5 min read", "Tags: …").
pub fn is_widget(text: &str) -> bool {
    is_widget_folded(&fold(text))
}

pub fn is_widget_folded(folded: &str) -> bool {
    let k = key(folded);
    WIDGETS.contains(&k)
        || k.ends_with(" min read")
        || k.ends_with(" minutes read")
        || k.starts_with("tags:")
        || k.starts_with("topics:")
        || k.starts_with("filed under")
        || (k.starts_with("follow us") && word_count(k) <= 8)
        || (k.starts_with("share") && word_count(k) <= 3)
}

/// A line after which nothing of the report follows.
pub fn is_terminal(text: &str) -> bool {
    is_terminal_folded(&fold(text))
}

pub fn is_terminal_folded(folded: &str) -> bool {
    let k = key(folded);
    TERMINAL.contains(&k)
        || k.starts_with("you must be logged in")
        || k.starts_with("©")
        || k.starts_with("copyright ©")
        || (k.starts_with("copyright")
            && word_count(k) <= 10
            && k.chars().any(|c| c.is_ascii_digit()))
        || k.starts_with("more from ") && word_count(k) <= 6
}

/// A line of separators between two reports ("* * *", "-----", "⁂").
pub fn is_separator(text: &str) -> bool {
    let mut marks = text.chars().filter(|c| !c.is_whitespace());
    let all_rules = marks.clone().all(|c| {
        matches!(
            c,
            '-' | '*' | '=' | '_' | '~' | '#' | '\u{2014}' | '\u{2013}'
        )
    });
    (all_rules && marks.clone().nth(2).is_some())
        || (marks.next() == Some('\u{2042}') && marks.next().is_none())
}

/// "• item", "- item", "* item", "– item": the item.
pub fn bullet(text: &str) -> Option<&str> {
    let mut chars = text.chars();
    let first = chars.next()?;
    if !matches!(
        first,
        '\u{2022}'
            | '\u{2023}'
            | '\u{25aa}'
            | '\u{25cf}'
            | '\u{25e6}'
            | '-'
            | '*'
            | '\u{2013}'
            | '\u{b7}'
    ) {
        return None;
    }
    let rest = chars.as_str();
    (rest.starts_with(' ')
        && rest
            .trim()
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '\u{201c}' || c == '"'))
    .then(|| rest.trim())
}

/// "By Jane Roe", "By Jane Roe and John Doe", "Staff Reporter", "Web Desk".
pub fn byline(text: &str) -> Option<String> {
    byline_folded(text, &fold(text))
}

pub fn byline_folded(text: &str, k: &str) -> Option<String> {
    if let Some(rest) = k.strip_prefix("by ") {
        let words = word_count(rest);
        if (1..=10).contains(&words) && !ends_sentence(text) {
            return Some(text.trim()[3..].trim().to_string());
        }
    }
    let desks = [
        "web desk",
        "news desk",
        "staff reporter",
        "staff report",
        "our correspondent",
        "monitoring desk",
        "online desk",
    ];
    desks
        .contains(&k.trim_end_matches('.'))
        .then(|| text.trim().trim_end_matches('.').to_string())
}

/// Teasers of other stories at the very end: section names, headlines and their date lines.
/// Returns the index where they start, if the tail (from there) is only such lines and holds
/// at least one date line or widget. `texts` are the candidate body lines in order.
pub fn trailing_teasers_start(texts: &[&str]) -> Option<usize> {
    let mut start = texts.len();
    let mut has_marker = false;
    while start > 0 {
        let t = texts[start - 1];
        let is_date = parse_date_line(t).is_some();
        let teaser_like = is_date
            || is_widget(t)
            || (!ends_sentence(t)
                && word_count(t) <= 20
                && !t.ends_with([',', ';', ':'])
                && !t.starts_with(['\u{201c}', '"']));
        if !teaser_like {
            break;
        }
        has_marker |= is_date || is_widget(t);
        start -= 1;
    }
    // A lone last line without a date is a heading or a cut-off, not a teaser block.
    if !(has_marker && start < texts.len() && start > 0) {
        return None;
    }
    // Dates straight after the text are the report's own (printed at its end), not a teaser's.
    let own_dates = texts[start..]
        .iter()
        .take_while(|t| parse_date_line(t).is_some_and(|d| d.date.is_some()))
        .count();
    (start + own_dates < texts.len()).then_some(start + own_dates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widgets_and_terminals() {
        for w in [
            "Short Url",
            "Follow",
            "Share",
            "5 min read",
            "Tags: Pakistan, US",
            "Advertisement",
        ] {
            assert!(is_widget(w), "{w}");
        }
        for t in [
            "Leave a Reply",
            "You must be logged in to post a comment.",
            "You May Also Like",
            "© 2024 Dawn",
        ] {
            assert!(is_terminal(t), "{t}");
        }
        assert!(!is_widget("Follow the money, he said."));
        assert!(!is_terminal("Related talks were held on Monday."));
    }

    #[test]
    fn bylines_bullets_separators() {
        assert_eq!(byline("By Anwar Iqbal").as_deref(), Some("Anwar Iqbal"));
        assert_eq!(byline("Web Desk").as_deref(), Some("Web Desk"));
        assert!(byline("By the time he spoke, the talks had ended.").is_none());
        assert_eq!(
            bullet("  • Says Washington engages".trim()),
            Some("Says Washington engages")
        );
        assert_eq!(bullet("- item"), Some("item"));
        assert_eq!(bullet("-5 degrees"), None);
        assert!(is_separator("* * *"));
        assert!(is_separator("----------"));
        assert!(!is_separator("--"));
    }

    #[test]
    fn teasers_after_the_end() {
        let tail = [
            "He said the talks would go on.",
            "World",
            "Iran rejects talks offer",
            "2 hours ago",
            "Business",
            "Rupee gains against dollar",
            "September 3, 2024",
        ];
        assert_eq!(trailing_teasers_start(&tail), Some(1));
        let no_tail = ["He said the talks would go on.", "The end came quickly."];
        assert_eq!(trailing_teasers_start(&no_tail), None);
        let heading_only = ["He said the talks would go on.", "Gaza war", "It went on."];
        assert_eq!(trailing_teasers_start(&heading_only), None);
        // The report's own date at its end, then teasers.
        let dated = [
            "He said the talks would go on.",
            "9th May 2024",
            "World",
            "Iran rejects talks offer",
            "2 hours ago",
        ];
        assert_eq!(trailing_teasers_start(&dated), Some(2));
        assert_eq!(trailing_teasers_start(&dated[..2]), None);
    }
}
