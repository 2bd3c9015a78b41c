//! The state written as a query string ([`render`]) and read back ([`parse`]), which never
//! fails: what it cannot read becomes a notice.

use super::notices::UrlNotice;
use super::percent::{percent_decode, percent_encode_into};
use super::{UrlState, View, PARAMETER_ORDER, THRESHOLD_PERCENT_RANGE, URL_VERSION};
use crate::analysis::coverage::{ColumnSort, MatrixColumns, RowSort};
use crate::model::NaiveDate;
use crate::query::FacetKind;

/// Writes the state as a query string without the leading `?` ("" for the default state).
pub fn render(state: &UrlState) -> String {
    let mut params: Vec<(&str, String)> = Vec::new();
    if state.local {
        params.push(("corpus", "local".into()));
    }
    if !state.query.is_empty() {
        params.push(("q", state.query.clone()));
    }
    for kind in FacetKind::ALL {
        for value in state.facets.get(kind) {
            params.push((kind.key(), value.clone()));
        }
    }
    if let Some(d) = state.from {
        params.push(("from", d.format("%Y-%m-%d").to_string()));
    }
    if let Some(d) = state.to {
        params.push(("to", d.format("%Y-%m-%d").to_string()));
    }
    if state.zoom {
        params.push(("zoom", "1".into()));
    }
    if state.view != View::default() {
        params.push(("view", state.view.key().into()));
    }
    let matrix = &state.matrix;
    if matrix.columns != MatrixColumns::default() {
        params.push(("by", matrix.columns.key().into()));
    }
    if matrix.rows != RowSort::default() {
        params.push(("rows", matrix.rows.key().into()));
    }
    if matrix.cols != ColumnSort::default() {
        params.push(("cols", matrix.cols.key().into()));
    }
    if let Some(speaker) = &state.ledger.speaker {
        params.push(("speaker", speaker.clone()));
    }
    if !state.ledger.text.is_empty() {
        params.push(("quote", state.ledger.text.clone()));
    }
    if state.page > 0 {
        params.push(("page", (state.page + 1).to_string()));
    }
    if let Some(id) = &state.story {
        params.push(("story", id.clone()));
    }
    if let Some(id) = &state.report {
        params.push(("report", id.clone()));
    }
    if let Some(p) = state.paragraph {
        params.push(("p", p.to_string()));
    }
    if let Some((left, right)) = &state.compare {
        params.push(("left", left.clone()));
        params.push(("right", right.clone()));
    }
    if let Some(t) = state.threshold {
        params.push(("t", t.to_string()));
    }
    if params.is_empty() {
        return String::new();
    }
    let mut out = format!("v={URL_VERSION}");
    for (key, value) in params {
        out.push('&');
        out.push_str(key);
        out.push('=');
        percent_encode_into(&value, &mut out);
    }
    out
}

/// Reads a query string (with or without the leading `?`). Never fails: unreadable or unknown
/// parameters are skipped and listed in the notices.
pub fn parse(query_string: &str) -> (UrlState, Vec<UrlNotice>) {
    let mut state = UrlState::default();
    let mut notices = Vec::new();
    let mut seen: Vec<&'static str> = Vec::new();
    let (mut left, mut right): (Option<String>, Option<String>) = (None, None);
    let raw = query_string.strip_prefix('?').unwrap_or(query_string);
    for part in raw.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = part.split_once('=').unwrap_or((part, ""));
        let (Some(key), Some(value)) = (percent_decode(raw_key), percent_decode(raw_value)) else {
            notices.push(UrlNotice::new(shorten(raw_key), "badly encoded; ignored"));
            continue;
        };
        let Some(&known) = PARAMETER_ORDER.iter().find(|k| **k == key) else {
            notices.push(UrlNotice::new(shorten(&key), "unknown parameter; ignored"));
            continue;
        };
        if let Some(kind) = FacetKind::from_key(known) {
            state.facets.get_mut(kind).insert(value);
            continue;
        }
        if seen.contains(&known) {
            notices.push(UrlNotice::new(
                known,
                "given more than once; the first value was kept",
            ));
            continue;
        }
        seen.push(known);
        let bad = |what: &str| {
            UrlNotice::new(
                known,
                format!("“{}” is not {what}; ignored", shorten(&value)),
            )
        };
        match known {
            "v" => match value.parse::<u32>() {
                Ok(URL_VERSION) => {}
                Ok(other) => notices.push(UrlNotice::new(
                    "v",
                    format!("this link was made for version {other} of the page; read as version {URL_VERSION} where possible"),
                )),
                Err(_) => notices.push(bad("a version number")),
            },
            "corpus" => match value.as_str() {
                "local" => state.local = true,
                _ => notices.push(bad("a corpus (local)")),
            },
            "q" => state.query = value,
            "from" | "to" => match NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
                Ok(d) if known == "from" => state.from = Some(d),
                Ok(d) => state.to = Some(d),
                Err(_) => notices.push(bad("a date (YYYY-MM-DD)")),
            },
            "zoom" => match value.as_str() {
                "1" => state.zoom = true,
                "0" => {}
                _ => notices.push(bad("1 or 0")),
            },
            "view" => match View::from_key(&value) {
                Some(view) => state.view = view,
                None => notices.push(bad("a view (timeline, list, matrix or ledger)")),
            },
            "by" => match MatrixColumns::from_key(&value) {
                Some(columns) => state.matrix.columns = columns,
                None => notices.push(bad("a kind of column (stories or dates)")),
            },
            "rows" => match RowSort::from_key(&value) {
                Some(rows) => state.matrix.rows = rows,
                None => notices.push(bad("a row order (coverage, name or first)")),
            },
            "cols" => match ColumnSort::from_key(&value) {
                Some(cols) => state.matrix.cols = cols,
                None => notices.push(bad("a column order (date, name, coverage or first)")),
            },
            "speaker" if !value.is_empty() => state.ledger.speaker = Some(value),
            "speaker" => {}
            "quote" => state.ledger.text = value,
            "story" if is_id(&value) => state.story = Some(value),
            "story" => notices.push(bad("a story id")),
            "page" => match value.parse::<usize>() {
                Ok(n) if n >= 1 => state.page = n - 1,
                _ => notices.push(bad("a page number (1 or more)")),
            },
            "report" if is_id(&value) => state.report = Some(value),
            "report" => notices.push(bad("a report id")),
            "p" => match value.parse::<usize>() {
                Ok(p) => state.paragraph = Some(p),
                Err(_) => notices.push(bad("a paragraph number")),
            },
            "left" if is_id(&value) => left = Some(value),
            "right" if is_id(&value) => right = Some(value),
            "left" | "right" => notices.push(bad("a report id")),
            "t" => match value.parse::<u8>() {
                Ok(t) if THRESHOLD_PERCENT_RANGE.contains(&t) => state.threshold = Some(t),
                _ => notices.push(bad(&format!(
                    "a threshold between {} and {}",
                    THRESHOLD_PERCENT_RANGE.start(),
                    THRESHOLD_PERCENT_RANGE.end()
                ))),
            },
            _ => unreachable!("every name in PARAMETER_ORDER is handled"),
        }
    }
    match (left, right) {
        (Some(l), Some(r)) => state.compare = Some((l, r)),
        (None, None) => {}
        _ => notices.push(UrlNotice::new(
            "left/right",
            "a comparison needs both left and right; ignored",
        )),
    }
    if state.paragraph.is_some() && state.report.is_none() {
        state.paragraph = None;
        notices.push(UrlNotice::new("p", "a paragraph without a report; ignored"));
    }
    if let (Some(from), Some(to)) = (state.from, state.to) {
        if from > to {
            state.from = Some(to);
            state.to = Some(from);
            notices.push(UrlNotice::new(
                "from/to",
                "the range ended before it began; the dates were swapped",
            ));
        }
    }
    if state.zoom && state.from.is_none() && state.to.is_none() {
        state.zoom = false;
        notices.push(UrlNotice::new(
            "zoom",
            "nothing to zoom to without a date range; ignored",
        ));
    }
    (state, notices)
}

/// Report ids are URL-safe by contract; anything else cannot be one.
fn is_id(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Keeps notices readable when a link carries a huge value, and honest when it carries control
/// or bidi characters (shown escaped, so they cannot reorder or hide the notice's text).
fn shorten(value: &str) -> String {
    const MAX: usize = 40;
    let value = crate::model::escape_controls(value);
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_string(),
    }
}
