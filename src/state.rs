//! The one application state and the URL it lives in.
//!
//! Data flows one way: the URL is parsed into a [`UrlState`] signal; every view reads that signal
//! (through the memos here); a user action computes a new state with [`AppState::navigate`]
//! (a discrete step: pushes a history entry) or [`AppState::edit`] (typing, dragging a slider:
//! replaces the entry, debounced) and the URL follows. Back and forward parse the URL again.

pub use crate::data::CorpusData;
use crate::data::Loaded;
use crate::history;
use leptos::prelude::*;
use parallax_core::analysis::pairs::Thresholds;
use parallax_core::analysis::relations::{RegroupablePairs, Relations};
use parallax_core::query::{ChunkedIndex, Query, QueryResult};
use parallax_core::url_state::{self, NoticeSummary, UrlNotice, UrlState};
use parallax_core::Pair;
use std::time::Duration;

/// How long typing must pause before the URL is rewritten.
const URL_WRITE_DEBOUNCE: Duration = Duration::from_millis(350);

/// The application state, shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    pub data: &'static CorpusData,
    url: RwSignal<UrlState>,
    /// What could not be read from the URL, until dismissed.
    pub notices: RwSignal<NoticeSummary>,
    /// Every relation under the thresholds in force (pairs, stories, duplicate flags, what the
    /// thresholds regrouped): what every view reads, so they agree at every threshold.
    pub relations: Memo<Relations>,
    pub result: Memo<QueryResult>,
    /// Whether `result` answers the query in the URL, or still waits for shards of the search
    /// index or of report text (then `result` is the last answer), or they failed to load.
    pub search_status: Memo<SearchStatus>,
    /// A typing session has already pushed its history entry; later writes replace it.
    typing_pushed: StoredValue<bool>,
    pending_write: StoredValue<Option<TimeoutHandle>>,
}

impl AppState {
    /// Reads the current URL and installs the back/forward listener.
    pub fn new() -> AppState {
        let data = CorpusData::get();
        let (initial, notices) = read_location(data);
        let url = RwSignal::new(initial);
        let thresholds = Memo::new(move |_| url.with(|u| thresholds_for(u.threshold)));
        // The inputs are fixed for the page's life, so the thresholds say whether the relations
        // changed (comparing them whole would walk every pair).
        let relations = Memo::new_with_compare(
            move |_| {
                let t = thresholds.get();
                let mut relations = Relations::new(data.reports(), pairs_to_regroup(&t), &t);
                // The catalogue has no titles: stories as built keep the build's labels.
                relations.keep_built_labels(&data.catalogue.stories);
                relations
            },
            |a, b| a.map(Relations::thresholds) != b.map(Relations::thresholds),
        );
        // As bits, once per set of pairs: every query reads them.
        let duplicate_set =
            Memo::new(move |_| relations.with(|r| data.index.duplicate_set(r.duplicates())));
        let query = Memo::new(move |_| url.with(UrlState::query));
        let answer = Memo::new(move |previous: Option<&(QueryResult, SearchStatus)>| {
            let q = query.get();
            let outcome = duplicate_set.with(|d| answer_query(data, &q, d));
            match outcome {
                Ok(result) => (result, SearchStatus::Answered),
                Err(status) => (previous.map(|p| p.0.clone()).unwrap_or_default(), status),
            }
        });
        let result = Memo::new(move |_| answer.with(|a| a.0.clone()));
        let search_status = Memo::new(move |_| answer.with(|a| a.1.clone()));
        let state = AppState {
            data,
            url,
            notices: RwSignal::new(NoticeSummary::new(notices)),
            relations,
            result,
            search_status,
            typing_pushed: StoredValue::new(false),
            pending_write: StoredValue::new(None),
        };
        crate::listeners::on_window_event("popstate", move |_| {
            state.cancel_pending_write();
            state.typing_pushed.set_value(false);
            let (restored, notices) = read_location(data);
            state.notices.set(NoticeSummary::new(notices));
            url.set(restored);
        });
        // A pending URL write must not fire into signals disposed with the app.
        on_cleanup(move || state.cancel_pending_write());
        state
    }

    /// The current state (tracked).
    pub fn url(&self) -> UrlState {
        self.url.get()
    }

    /// Reads part of the state (tracked).
    pub fn with<T>(&self, f: impl FnOnce(&UrlState) -> T) -> T {
        self.url.with(f)
    }

    /// A discrete step (a click, a checkbox): new state, new history entry.
    pub fn navigate(&self, change: impl FnOnce(&mut UrlState)) {
        self.cancel_pending_write();
        self.typing_pushed.set_value(false);
        let mut next = self.url.get_untracked();
        let before = next.clone();
        change(&mut next);
        next.restart_paging_if_query_changed(&before);
        history::write(&url_state::render(&next), history::Entry::Push);
        self.url.set(next);
    }

    /// A continuous edit (typing, a slider): the views follow at once; the URL follows once the
    /// reader pauses. The first write of an edit session pushes an entry, later ones replace it,
    /// so Back leaves the whole search in one step and no keystroke leaves an entry of its own.
    pub fn edit(&self, change: impl FnOnce(&mut UrlState)) {
        self.url.update(|u| {
            let before = u.clone();
            change(u);
            u.restart_paging_if_query_changed(&before);
        });
        self.cancel_pending_write();
        let url = self.url;
        let pushed = self.typing_pushed;
        let handle = set_timeout_with_handle(
            move || {
                let entry = if pushed.get_value() {
                    history::Entry::Replace
                } else {
                    history::Entry::Push
                };
                pushed.set_value(true);
                history::write(&url.with_untracked(url_state::render), entry);
            },
            URL_WRITE_DEBOUNCE,
        )
        .ok();
        self.pending_write.set_value(handle);
    }

    /// Ends an edit session (the search box lost focus): the next edit starts a new entry.
    pub fn end_edit(&self) {
        if self.pending_write.with_value(Option::is_some) {
            // Flush now so the entry exists before the reader moves on.
            self.cancel_pending_write();
            let entry = if self.typing_pushed.get_value() {
                history::Entry::Replace
            } else {
                history::Entry::Push
            };
            history::write(&self.url.with_untracked(url_state::render), entry);
        }
        self.typing_pushed.set_value(false);
    }

    fn cancel_pending_write(&self) {
        if let Some(handle) = self.pending_write.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// A same-origin link (relative to the document) to the state `change` makes of this one.
    pub fn href(&self, change: impl FnOnce(&mut UrlState)) -> String {
        let mut next = self.url.get();
        let before = next.clone();
        change(&mut next);
        next.restart_paging_if_query_changed(&before);
        history::href(&url_state::render(&next))
    }

    /// The related pairs of one report, strongest relation first.
    pub fn pairs_of(&self, id: &str) -> Vec<Pair> {
        let Some(&position) = self.data.position.get(id) else {
            return Vec::new();
        };
        // Pairs of a large copy group are stored collapsed: expanded there.
        let pos = |id: &str| self.data.position.get(id).map(|&i| i as u32);
        self.relations.with(|r| {
            parallax_core::display::related_pairs(
                self.data.reports(),
                &self.data.copies,
                r.pairs(),
                r.by_report(),
                &pos,
                position,
            )
        })
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// The pairs [`Relations::new`] reads under `t`. At the default thresholds only the related
/// pairs matter (the compact evidence is unrelated there, and nothing is regrouped), so the
/// first view does not expand the evidence; the first threshold move does, once.
fn pairs_to_regroup(t: &Thresholds) -> &'static RegroupablePairs {
    let data = CorpusData::get();
    if *t == Thresholds::default() {
        data.regroup_related
            .get_or_init(|| RegroupablePairs::from_pairs(data.reports(), data.pairs.to_vec()))
    } else {
        data.regroup_all.get_or_init(|| {
            RegroupablePairs::new(data.reports(), data.pairs, &data.catalogue.evidence)
        })
    }
}

/// The thresholds for a URL threshold value: the percent sets the near-duplicate Jaccard.
pub fn thresholds_for(percent: Option<u8>) -> Thresholds {
    percent.map_or_else(Thresholds::default, Thresholds::with_near_duplicate_percent)
}

/// The default near-duplicate threshold, in percent, as the URL writes it.
pub fn default_threshold_percent() -> u8 {
    (Thresholds::default().near_duplicate_jaccard * 100.0).round() as u8
}

/// Where the answer to the URL's query stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SearchStatus {
    Answered,
    /// Shards of the search index (or text to confirm a phrase on) are on their way.
    Loading,
    /// A shard failed to load: the message, for the retry notice.
    Failed(String),
}

/// Runs `query` on the shards it needs (tracked: re-run when one arrives), or says why not yet.
fn answer_query(
    data: &'static CorpusData,
    query: &Query,
    duplicates: &parallax_core::query::DuplicateSet,
) -> Result<QueryResult, SearchStatus> {
    let meta = &data.catalogue.search;
    match data.search_shards(meta.shards_for_text(&query.text)) {
        Loaded::Ready(()) => {}
        Loaded::Loading => return Err(SearchStatus::Loading),
        Loaded::Failed(e) => return Err(SearchStatus::Failed(e)),
    }
    let index = ChunkedIndex::new(meta, |i| data.words.peek(i), |i| data.prefixes.peek(i));
    data.index
        .run_from(query, duplicates, &index, |r| data.folded(r))
        .map_err(|missing| {
            // `folded` asked for the shards of the text still missing; a failed one says so.
            let failed = missing
                .iter()
                .find_map(|&r| match data.full_report(r as usize) {
                    Loaded::Failed(e) => Some(e),
                    _ => None,
                });
            failed.map_or(SearchStatus::Loading, SearchStatus::Failed)
        })
}

/// Retries every shard that failed (the search notice's retry button).
pub fn retry_failed_shards(data: &CorpusData) {
    data.words.retry_failed();
    data.prefixes.retry_failed();
    data.bodies.retry_failed();
    data.titles.retry_failed();
    data.ledger.retry_failed();
}

fn read_location(data: &'static CorpusData) -> (UrlState, Vec<UrlNotice>) {
    let (mut state, mut notices) = url_state::parse(&history::current_query());
    notices.extend(state.retain_known(
        |id| data.position.contains_key(id),
        |k, v| data.facet_value_exists(k, v),
    ));
    (state, notices)
}
