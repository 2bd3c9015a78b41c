//! A report before rendering: header parts, body paragraphs, and the outlet style it is printed in.

use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// Title, kicker, "April 12, 2024", comment box at the end.
    Ledger,
    /// Caption, "Short Url", "Updated 09 July 2024", "Follow", title again, bullets.
    Wire,
    /// Title, then "CITY: (Web Desk) …", no date line.
    WebDesk,
    /// Title, blank lines, "CITY: …", "Read more:" links, "You May Also Like".
    ReadMore,
    /// KICKER, Title Case title, standfirst, ISO date, title again, NBSP spacer lines.
    Magazine,
}

const STYLES: [Style; 5] = [
    Style::Ledger,
    Style::Wire,
    Style::WebDesk,
    Style::ReadMore,
    Style::Magazine,
];

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Para {
    Text(String),
    Heading(String),
    Link(&'static str, String),
}

/// A report before rendering: the header parts and the body paragraphs.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub(crate) title: String,
    pub(crate) standfirst: Vec<String>,
    pub(crate) kicker: &'static str,
    pub(crate) dateline: &'static str,
    pub(crate) published: NaiveDate,
    pub(crate) paras: Vec<Para>,
    pub(crate) outlet: usize,
    pub(crate) quotes: Vec<String>,
}

impl Draft {
    pub(crate) fn style(&self) -> Style {
        STYLES[self.outlet % STYLES.len()]
    }
    pub(crate) fn body(&self) -> String {
        self.paras
            .iter()
            .filter_map(|p| match p {
                Para::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

pub(crate) fn is_quote(p: &Para) -> bool {
    matches!(p, Para::Text(t) if t.contains('“'))
}
