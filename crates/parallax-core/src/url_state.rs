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
//!
//! This file holds the state; `query_string` writes and reads it, `notices` says what a link
//! held that could not be used, `percent` is the percent coding of values.

mod notices;
mod percent;
mod query_string;
#[cfg(test)]
mod tests;

pub use notices::{NoticeSummary, UrlNotice, NOTICES_SHOWN};
pub use query_string::{parse, render};

use crate::analysis::coverage::{ColumnSort, MatrixColumns, RowSort};
use crate::model::NaiveDate;
use crate::query::{FacetKind, FacetSelection, Query};

/// The version this code writes; links without `v` are read as this version too.
pub const URL_VERSION: u32 = 1;

/// The similarity thresholds (percent) the page offers; a link with another value is refused.
pub const THRESHOLD_PERCENT_RANGE: std::ops::RangeInclusive<u8> = 5..=95;

/// The order parameters are written in.
pub const PARAMETER_ORDER: [&str; 24] = [
    "v", "corpus", "q", "topic", "person", "outlet", "place", "dup", "from", "to", "zoom", "view",
    "by", "rows", "cols", "speaker", "quote", "page", "story", "report", "p", "left", "right", "t",
];

/// How the matching reports are presented.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The SVG timeline above the list.
    #[default]
    Timeline,
    /// The list alone (denser, no timeline).
    List,
    /// The coverage matrix: outlets × stories (`analysis::coverage`), its choices in
    /// [`UrlState::matrix`].
    Matrix,
    /// The quote ledger, narrowed by [`UrlState::ledger`] and by [`UrlState::story`].
    Ledger,
}

impl View {
    pub const ALL: [View; 4] = [View::Timeline, View::List, View::Matrix, View::Ledger];

    pub fn key(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::List => "list",
            View::Matrix => "matrix",
            View::Ledger => "ledger",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// The coverage matrix's choices (`by`, `rows`, `cols` in the URL).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MatrixChoice {
    /// Stories (`by=stories`, the default) or event dates (`by=dates`).
    pub columns: MatrixColumns,
    pub rows: RowSort,
    pub cols: ColumnSort,
}

/// What narrows the quote ledger (`speaker`, `quote` in the URL; the story is
/// [`UrlState::story`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct LedgerFilter {
    /// One speaker's quotes, by canonical name.
    pub speaker: Option<String>,
    /// Text the quotes must hold, as typed.
    pub text: String,
}

/// The one main view a state shows: see [`UrlState::main_view`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MainView {
    /// The timeline and the list, or the list alone.
    Explore,
    Matrix,
    Ledger,
    /// A story's page, by story id.
    Story(String),
    /// A report in the reader.
    Read(String),
    /// Two reports side by side (left, right).
    Compare(String, String),
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
    /// The page of the result list, from 0 (written `page=N` from 1, left out for the first
    /// page, so links made before paging open the first page).
    pub page: usize,
    /// The report open in the reader.
    pub report: Option<String>,
    /// The paragraph of the open report to scroll to (index into its paragraphs).
    pub paragraph: Option<usize>,
    /// Two report ids shown side by side (left, right).
    pub compare: Option<(String, String)>,
    /// The near-duplicate Jaccard threshold in percent ([`THRESHOLD_PERCENT_RANGE`]); `None` is
    /// the analysis default.
    pub threshold: Option<u8>,
    /// A story, by id (`story=story-<report id>`): its page, or under `view=ledger` the story
    /// the ledger is narrowed to. Story ids follow the thresholds (a story is named after its
    /// first report), so a link is read generously (`Relations::resolve_story`).
    pub story: Option<String>,
    /// The coverage matrix's columns and sorts.
    pub matrix: MatrixChoice,
    /// The quote ledger's filters.
    pub ledger: LedgerFilter,
    /// The view is of files the reader opened in their own browser (`corpus=local`), not of the
    /// published corpus: opened anywhere else, the page says the files are not there.
    pub local: bool,
}

impl UrlState {
    /// The first view of the corpus this state is of (the published one, or the reader's
    /// files): what the site's name links to.
    pub fn home(&self) -> UrlState {
        UrlState {
            local: self.local,
            ..UrlState::default()
        }
    }

    /// The search/filter part of the state, as the query engine takes it.
    pub fn query(&self) -> Query {
        Query {
            text: self.query.clone(),
            facets: self.facets.clone(),
            from: self.from,
            to: self.to,
        }
    }

    /// The one main view this state shows. A comparison comes first, then the reader; under
    /// `view=ledger` the ledger (a story narrows it), else a story's page; then the matrix, else
    /// the explorer. So opening a report or a story from any view keeps that view underneath,
    /// and closing it (dropping `report` or `story`) goes back to it.
    pub fn main_view(&self) -> MainView {
        match (&self.compare, &self.report, self.view, &self.story) {
            (Some((l, r)), ..) => MainView::Compare(l.clone(), r.clone()),
            (None, Some(id), ..) => MainView::Read(id.clone()),
            (None, None, View::Ledger, _) => MainView::Ledger,
            (None, None, _, Some(id)) => MainView::Story(id.clone()),
            (None, None, View::Matrix, None) => MainView::Matrix,
            (None, None, View::Timeline | View::List, None) => MainView::Explore,
        }
    }

    /// Drops a story the relations in force cannot find (`resolves`, e.g.
    /// `Relations::resolve_story`), saying so.
    pub fn retain_known_story(&mut self, resolves: impl Fn(&str) -> bool) -> Vec<UrlNotice> {
        match self.story.take() {
            Some(id) if resolves(&id) => {
                self.story = Some(id);
                Vec::new()
            }
            Some(id) => vec![UrlNotice::new(
                "story",
                format!("no story has the id “{id}” at this threshold; nothing was opened"),
            )],
            None => Vec::new(),
        }
    }

    /// Whether any filter (text, facet, date) narrows the reports.
    pub fn is_filtered(&self) -> bool {
        !self.query.trim().is_empty()
            || !self.facets.is_empty()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// After a change from `before`: a different query (or threshold, which changes the
    /// duplicates facet) lists other reports, so the list starts again at its first page.
    pub fn restart_paging_if_query_changed(&mut self, before: &UrlState) {
        if self.query() != before.query() || self.threshold != before.threshold {
            self.page = 0;
        }
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
