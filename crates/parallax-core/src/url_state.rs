//! Every state a reader can reach, to and from the URL's query string.
//!
//! # Query string, not fragment
//! The site is static (GitHub Pages, under `/<repo>/`), so the server ignores both. We still use
//! the query string because:
//! - the fragment is the browser's in-page anchor: keeping it free lets `#main` skip links and
//!   paragraph anchors scroll natively, and embedding sites and link checkers that drop or
//!   rewrite fragments (iframes, some chat apps, TimelineJS's known breakage) keep our state;
//! - `?a=b&c=d` is the standard key/value form every tool can read and build (Datasette,
//!   InstantSearch do the same), and it reaches server logs and analytics should a host add them;
//! - GitHub Pages serves `/<repo>/?v=1&…` with the same `index.html` as `/<repo>/`, so a query
//!   string costs nothing on static hosting, while path-based routes would need the 404 trick.
//!
//! # Format
//! `v=1` first, then the parameters in a fixed order ([`PARAMETER_ORDER`]), defaults left out
//! (the default state is the empty string), values percent-encoded (RFC 3986 unreserved kept),
//! facet values as repeated parameters in sorted order. [`parse`] never fails: what it cannot
//! read it skips and reports as an [`UrlNotice`], which the page shows in a dismissible notice.

use crate::model::NaiveDate;
use crate::query::{FacetKind, FacetSelection, Query};

/// The version this code writes; links without `v` are read as this version too.
pub const URL_VERSION: u32 = 1;

/// The similarity thresholds (percent) the page offers; a link with another value is refused.
pub const THRESHOLD_PERCENT_RANGE: std::ops::RangeInclusive<u8> = 5..=95;

/// The order parameters are written in.
pub const PARAMETER_ORDER: [&str; 16] = [
    "v", "q", "topic", "person", "outlet", "place", "dup", "from", "to", "zoom", "view", "report",
    "p", "left", "right", "t",
];

/// How the explorer presents the matching reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The SVG timeline above the list.
    #[default]
    Timeline,
    /// The list alone (denser, no timeline).
    List,
}

impl View {
    pub fn key(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::List => "list",
        }
    }
}

/// The whole reachable state of the explorer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    /// The search text exactly as typed.
    pub query: String,
    pub facets: FacetSelection,
    /// Inclusive event-date range (a brushed timeline selection).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Whether the timeline's x axis is zoomed to the date range.
    pub zoom: bool,
    pub view: View,
    /// The report open in the reader.
    pub report: Option<String>,
    /// The paragraph of the open report to scroll to (index into its paragraphs).
    pub paragraph: Option<usize>,
    /// Two report ids shown side by side (left, right).
    pub compare: Option<(String, String)>,
    /// The near-duplicate Jaccard threshold in percent ([`THRESHOLD_PERCENT_RANGE`]); `None` is
    /// the analysis default.
    pub threshold: Option<u8>,
}

impl UrlState {
    /// The search/filter part of the state, as the query engine takes it.
    pub fn query(&self) -> Query {
        Query {
            text: self.query.clone(),
            facets: self.facets.clone(),
            from: self.from,
            to: self.to,
        }
    }

    /// Whether any filter (text, facet, date) narrows the reports.
    pub fn is_filtered(&self) -> bool {
        !self.query.trim().is_empty()
            || !self.facets.is_empty()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// Drops every filter, keeping what is open.
    pub fn clear_filters(&mut self) {
        self.query.clear();
        self.facets.clear();
        self.from = None;
        self.to = None;
        self.zoom = false;
    }

    /// Drops references the corpus does not know (a report id, a facet value), saying which.
    /// `report_exists` checks an id; `facet_value_exists` checks a facet option.
    pub fn retain_known(
        &mut self,
        report_exists: impl Fn(&str) -> bool,
        facet_value_exists: impl Fn(FacetKind, &str) -> bool,
    ) -> Vec<UrlNotice> {
        let mut notices = Vec::new();
        if let Some(id) = self.report.take() {
            if report_exists(&id) {
                self.report = Some(id);
            } else {
                notices.push(UrlNotice::new(
                    "report",
                    format!("no report has the id “{id}”; nothing was opened"),
                ));
                self.paragraph = None;
            }
        }
        if let Some((left, right)) = self.compare.take() {
            let missing: Vec<&str> = [&left, &right]
                .into_iter()
                .filter(|id| !report_exists(id))
                .map(String::as_str)
                .collect();
            if missing.is_empty() {
                self.compare = Some((left, right));
            } else {
                notices.push(UrlNotice::new(
                    "left/right",
                    format!(
                        "cannot compare: no report has the id “{}”",
                        missing.join("”, “")
                    ),
                ));
            }
        }
        for kind in FacetKind::ALL {
            let unknown: Vec<String> = self
                .facets
                .get(kind)
                .iter()
                .filter(|v| !facet_value_exists(kind, v))
                .cloned()
                .collect();
            for value in unknown {
                self.facets.get_mut(kind).remove(&value);
                notices.push(UrlNotice::new(
                    kind.key(),
                    format!(
                        "no {} “{value}” in this corpus; filter ignored",
                        kind.label().to_lowercase()
                    ),
                ));
            }
        }
        notices
    }
}

/// Something in a URL that could not be used, and what was done instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlNotice {
    pub parameter: String,
    pub message: String,
}

impl UrlNotice {
    fn new(parameter: impl Into<String>, message: impl Into<String>) -> UrlNotice {
        UrlNotice {
            parameter: parameter.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for UrlNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.parameter, self.message)
    }
}

/// How many notices the page lists before it sums up the rest: a link with thousands of bad
/// parameters must still give a notice a reader can take in.
pub const NOTICES_SHOWN: usize = 5;

/// The notices the page shows: the first [`NOTICES_SHOWN`], and how many more there were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoticeSummary {
    pub shown: Vec<UrlNotice>,
    pub more: usize,
}

impl NoticeSummary {
    pub fn new(mut notices: Vec<UrlNotice>) -> NoticeSummary {
        let more = notices.len().saturating_sub(NOTICES_SHOWN);
        notices.truncate(NOTICES_SHOWN);
        NoticeSummary {
            shown: notices,
            more,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// "and 3 more", when some notices are not listed.
    pub fn more_label(&self) -> Option<String> {
        (self.more > 0).then(|| format!("and {} more", self.more))
    }
}

/// Writes the state as a query string without the leading `?` ("" for the default state).
pub fn render(state: &UrlState) -> String {
    let mut params: Vec<(&str, String)> = Vec::new();
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
            "view" => match value.as_str() {
                "timeline" => state.view = View::Timeline,
                "list" => state.view = View::List,
                _ => notices.push(bad("a view (timeline or list)")),
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

fn percent_encode_into(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in value.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

/// Decodes `%XX` and `+` (a space, as forms write it). `None` if malformed or not UTF-8.
fn percent_decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_default_state_is_the_empty_string() {
        assert_eq!(render(&UrlState::default()), "");
        assert_eq!(parse(""), (UrlState::default(), vec![]));
        assert_eq!(parse("?"), (UrlState::default(), vec![]));
    }

    #[test]
    fn renders_in_a_stable_order_with_the_version_first() {
        let mut s = UrlState {
            query: "Miller & Khan’s".into(),
            report: Some("r-1".into()),
            paragraph: Some(3),
            threshold: Some(45),
            ..Default::default()
        };
        s.facets.toggle(FacetKind::Topic, "iran");
        s.facets.toggle(FacetKind::Topic, "economy");
        s.facets.toggle(FacetKind::Outlet, "Dawn News");
        s.from = Some(date(2024, 7, 1));
        s.compare = Some(("a".into(), "b".into()));
        assert_eq!(
            render(&s),
            "v=1&q=Miller%20%26%20Khan%E2%80%99s&topic=economy&topic=iran&outlet=Dawn%20News&from=2024-07-01&report=r-1&p=3&left=a&right=b&t=45"
        );
    }

    #[test]
    fn malformed_and_unknown_parameters_become_notices() {
        let (s, notices) = parse("?v=1&q=iran&from=2024-13-45&bogus=1&p=x&report=a%20b&t=300&zoom=yes&left=a&%ZZ=1&q=again");
        assert_eq!(s.query, "iran");
        assert_eq!(s.from, None);
        assert_eq!(s.compare, None);
        let params: Vec<&str> = notices.iter().map(|n| n.parameter.as_str()).collect();
        assert_eq!(
            params,
            [
                "from",
                "bogus",
                "p",
                "report",
                "t",
                "zoom",
                "%ZZ",
                "q",
                "left/right"
            ]
        );
    }

    #[test]
    fn control_and_bidi_characters_in_a_parameter_name_are_shown_escaped() {
        let (_, notices) = parse("a%0Ab%E2%80%AEc=1");
        assert_eq!(notices[0].parameter, "a\\nb\\u{202e}c");
    }

    #[test]
    fn a_flood_of_bad_parameters_lists_a_few_and_counts_the_rest() {
        let query: String = (0..200_000).map(|i| format!("x{i}=1&")).collect();
        let (state, notices) = parse(&query);
        assert_eq!(state, UrlState::default());
        assert_eq!(notices.len(), 200_000);
        let summary = NoticeSummary::new(notices);
        assert_eq!(summary.shown.len(), NOTICES_SHOWN);
        assert_eq!(summary.shown[0].parameter, "x0");
        assert_eq!(summary.more, 200_000 - NOTICES_SHOWN);
        assert_eq!(summary.more_label().as_deref(), Some("and 199995 more"));
        let few = NoticeSummary::new(parse("a=1&b=2").1);
        assert_eq!((few.shown.len(), few.more_label()), (2, None));
        assert!(NoticeSummary::new(Vec::new()).is_empty());
    }

    #[test]
    fn repairs_what_it_can_and_says_so() {
        let (s, notices) = parse("from=2024-08-01&to=2024-07-01&zoom=1&v=2");
        assert_eq!(
            (s.from, s.to, s.zoom),
            (Some(date(2024, 7, 1)), Some(date(2024, 8, 1)), true)
        );
        assert_eq!(notices.len(), 2);
        let (s, notices) = parse("p=2&zoom=1");
        assert_eq!(s, UrlState::default());
        assert_eq!(notices.len(), 2);
    }

    #[test]
    fn plus_is_a_space_and_bad_utf8_is_a_notice() {
        assert_eq!(parse("q=a+b").0.query, "a b");
        let (s, n) = parse("q=%FF%FE");
        assert_eq!(s.query, "");
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn unknown_ids_and_facet_values_are_dropped_with_notices() {
        let (mut s, _) = parse("report=nope&p=2&left=a&right=zz&topic=iran&topic=mars");
        let notices = s.retain_known(|id| id == "a", |_, v| v == "iran");
        assert_eq!(s.report, None);
        assert_eq!(s.paragraph, None);
        assert_eq!(s.compare, None);
        assert_eq!(
            s.facets.get(FacetKind::Topic).iter().collect::<Vec<_>>(),
            ["iran"]
        );
        assert_eq!(notices.len(), 3);
    }

    fn arb_state() -> impl Strategy<Value = UrlState> {
        let id = "[A-Za-z0-9_-]{1,12}";
        let value = "\\PC{0,12}";
        let day = (2000i32..2030, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| date(y, m, d));
        (
            "\\PC{0,20}",
            proptest::collection::vec((0usize..5, value), 0..6),
            proptest::option::of((day.clone(), day)),
            any::<bool>(),
            any::<bool>(),
            proptest::option::of((id, proptest::option::of(0usize..500))),
            proptest::option::of((id, id)),
            proptest::option::of(THRESHOLD_PERCENT_RANGE),
        )
            .prop_map(
                |(query, facets, range, zoom, list, report, compare, threshold)| {
                    let mut s = UrlState {
                        query,
                        zoom: false,
                        threshold,
                        compare,
                        ..Default::default()
                    };
                    for (k, v) in facets {
                        s.facets.get_mut(FacetKind::ALL[k]).insert(v);
                    }
                    if let Some((a, b)) = range {
                        s.from = Some(a.min(b));
                        s.to = Some(a.max(b));
                        s.zoom = zoom;
                    }
                    if list {
                        s.view = View::List;
                    }
                    if let Some((id, p)) = report {
                        s.report = Some(id);
                        s.paragraph = p;
                    }
                    s
                },
            )
    }

    proptest! {
        #[test]
        fn parse_inverts_render(state in arb_state()) {
            let rendered = render(&state);
            let (parsed, notices) = parse(&rendered);
            prop_assert_eq!(notices, vec![]);
            prop_assert_eq!(parsed, state);
        }

        #[test]
        fn rendering_is_canonical(state in arb_state()) {
            let once = render(&state);
            prop_assert_eq!(render(&parse(&once).0), once);
        }

        #[test]
        fn parse_never_panics(input in "\\PC{0,200}") {
            let (state, _) = parse(&input);
            // Whatever it read renders to something that reads back the same.
            prop_assert_eq!(parse(&render(&state)).0, state);
        }
    }
}
