//! The one application state and the URL it lives in.
//!
//! Data flows one way: the URL is parsed into a [`UrlState`] signal; every view reads that signal
//! (through the memos here); a user action computes a new state with [`AppState::navigate`]
//! (a discrete step: pushes a history entry) or [`AppState::edit`] (typing, dragging a slider:
//! replaces the entry, debounced) and the URL follows. Back and forward parse the URL again.

use crate::history;
use leptos::prelude::*;
use parallax_core::analysis::copies::CopyIndex;
use parallax_core::analysis::pairs::{reclassify, regroupable, Thresholds};
use parallax_core::query::{duplicate_flags, FacetKind, QueryIndex, QueryResult};
use parallax_core::url_state::{self, NoticeSummary, UrlNotice, UrlState};
use parallax_core::{Corpus, Pair};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::Duration;

/// How long typing must pause before the URL is rewritten.
const URL_WRITE_DEBOUNCE: Duration = Duration::from_millis(350);

/// Everything derived from the corpus once: the query index and id lookups.
pub struct CorpusData {
    pub corpus: &'static Corpus,
    pub index: QueryIndex,
    pub position: HashMap<&'static str, usize>,
    /// The corpus's copy groups, to expand the pairs stored for them.
    pub copies: CopyIndex,
}

impl CorpusData {
    pub fn get() -> &'static CorpusData {
        static DATA: OnceLock<CorpusData> = OnceLock::new();
        DATA.get_or_init(|| {
            let corpus = crate::corpus();
            CorpusData {
                corpus,
                index: QueryIndex::new(corpus),
                position: corpus
                    .reports
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (r.id.as_str(), i))
                    .collect(),
                copies: CopyIndex::new(corpus.reports.len(), &corpus.copy_groups),
            }
        })
    }

    /// The stored pair of two reports among `pairs` (either order; a pair of a copy group's
    /// member expanded from what is stored for its group).
    pub fn pair_between(&self, pairs: &[Pair], a: &str, b: &str) -> Option<Pair> {
        let (&i, &j) = (self.position.get(a)?, self.position.get(b)?);
        let pos = |id: &str| self.position.get(id).map(|&i| i as u32);
        let ids = |i: u32| self.corpus.reports[i as usize].id.clone();
        self.copies
            .pair_between(i as u32, j as u32, pairs, &pos, &ids)
    }

    /// The pair of two reports (either order) as the build computed it: stored, or, for a
    /// pair the build did not store (inside a large group of near copies, or sharing nothing),
    /// computed now from the two reports.
    pub fn pair_or_live(&self, pairs: &[Pair], a: &str, b: &str) -> Option<Pair> {
        self.pair_between(pairs, a, b).or_else(|| {
            let (&i, &j) = (self.position.get(a)?, self.position.get(b)?);
            parallax_core::analysis::pairs::live_pair(
                &self.corpus.reports,
                &self.corpus.stock_runs,
                i,
                j,
                &Thresholds::default(),
            )
        })
    }

    pub fn report(&self, id: &str) -> Option<(usize, &'static parallax_core::Report)> {
        self.position.get(id).map(|&i| (i, &self.corpus.reports[i]))
    }

    /// Whether a facet option exists anywhere in the corpus.
    pub fn facet_value_exists(&self, kind: FacetKind, value: &str) -> bool {
        let c = self.corpus;
        match kind {
            FacetKind::Topic => c
                .reports
                .iter()
                .any(|r| r.topics.iter().any(|t| t.topic == value)),
            FacetKind::Person => c
                .reports
                .iter()
                .any(|r| r.people.iter().chain(&r.speakers).any(|p| p == value)),
            FacetKind::Outlet => c.reports.iter().any(|r| r.outlet.as_deref() == Some(value)),
            FacetKind::Place => c
                .reports
                .iter()
                .any(|r| r.places.iter().any(|p| p == value)),
            FacetKind::Duplicates => {
                value == parallax_core::query::DUP_YES || value == parallax_core::query::DUP_NO
            }
        }
    }

    /// The display label of a facet option (topic ids become their labels).
    pub fn facet_label(&self, kind: FacetKind, value: &str) -> String {
        match kind {
            FacetKind::Topic => self
                .corpus
                .topics
                .iter()
                .find(|t| t.id == value)
                .map(|t| t.label.clone())
                .unwrap_or_else(|| value.to_string()),
            FacetKind::Duplicates if value == parallax_core::query::DUP_YES => {
                "has a near duplicate".into()
            }
            FacetKind::Duplicates => "no near duplicate".into(),
            _ => value.to_string(),
        }
    }
}

/// The application state, shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    pub data: &'static CorpusData,
    url: RwSignal<UrlState>,
    /// What could not be read from the URL, until dismissed.
    pub notices: RwSignal<NoticeSummary>,
    /// Related pairs under the thresholds in force.
    pub pairs: Memo<RelatedPairs>,
    pub duplicates: Memo<Vec<bool>>,
    pub result: Memo<QueryResult>,
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
        let pairs = Memo::new(move |_| {
            let t = thresholds.get();
            let pairs = if t == Thresholds::default() {
                Cow::Borrowed(data.corpus.pairs.as_slice())
            } else {
                Cow::Owned(reclassify(regroupable_pairs(), &t))
            };
            RelatedPairs::new(data, pairs)
        });
        let duplicates =
            Memo::new(move |_| pairs.with(|p| duplicate_flags_of(data.corpus, &p.pairs)));
        // As bits, once per set of pairs: every query reads them.
        let duplicate_set = Memo::new(move |_| duplicates.with(|d| data.index.duplicate_set(d)));
        let query = Memo::new(move |_| url.with(UrlState::query));
        let result = Memo::new(move |_| {
            let q = query.get();
            duplicate_set.with(|d| data.index.run_with(&q, d))
        });
        let state = AppState {
            data,
            url,
            notices: RwSignal::new(NoticeSummary::new(notices)),
            pairs,
            duplicates,
            result,
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
        // Pairs of a large copy group are stored collapsed: expanded here.
        let pos = |id: &str| self.data.position.get(id).map(|&i| i as u32);
        let ids = |i: u32| self.data.corpus.reports[i as usize].id.clone();
        let mut found: Vec<Pair> = self.pairs.with(|p| {
            let copies = &self.data.copies;
            copies.pairs_of(position as u32, &p.pairs, &p.by_report, &pos, &ids)
        });
        found.sort_by(|x, y| {
            y.relation
                .cmp(&x.relation)
                .then(y.jaccard.total_cmp(&x.jaccard))
        });
        found
    }
}

/// The related pairs under the thresholds in force, with each report's pairs indexed, so a
/// result item or the reader finds its own pairs without scanning them all.
#[derive(Clone, PartialEq)]
pub struct RelatedPairs {
    /// Borrowed from the embedded corpus at the default thresholds; regrouped otherwise.
    pub pairs: Cow<'static, [Pair]>,
    /// For each report (corpus order), the indices of its pairs in `pairs`.
    by_report: Vec<Vec<u32>>,
}

impl RelatedPairs {
    fn new(data: &CorpusData, pairs: Cow<'static, [Pair]>) -> RelatedPairs {
        let mut by_report = vec![Vec::new(); data.corpus.reports.len()];
        for (i, pair) in pairs.iter().enumerate() {
            for id in [&pair.a, &pair.b] {
                if let Some(&position) = data.position.get(id.as_str()) {
                    by_report[position].push(i as u32);
                }
            }
        }
        RelatedPairs { pairs, by_report }
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// Every pair the threshold control can regroup, in full: built from the corpus's compact
/// evidence the first time the reader moves the threshold or compares two reports.
pub fn regroupable_pairs() -> &'static [Pair] {
    static PAIRS: OnceLock<Vec<Pair>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let c = crate::corpus();
        regroupable(&c.reports, &c.pairs, &c.evidence)
    })
}

/// The thresholds for a URL threshold value: the percent sets the near-duplicate Jaccard.
pub fn thresholds_for(percent: Option<u8>) -> Thresholds {
    percent.map_or_else(Thresholds::default, Thresholds::with_near_duplicate_percent)
}

/// The default near-duplicate threshold, in percent, as the URL writes it.
pub fn default_threshold_percent() -> u8 {
    (Thresholds::default().near_duplicate_jaccard * 100.0).round() as u8
}

fn duplicate_flags_of(corpus: &Corpus, pairs: &[Pair]) -> Vec<bool> {
    duplicate_flags(&corpus.reports, pairs)
}

fn read_location(data: &'static CorpusData) -> (UrlState, Vec<UrlNotice>) {
    let (mut state, mut notices) = url_state::parse(&history::current_query());
    notices.extend(state.retain_known(
        |id| data.position.contains_key(id),
        |k, v| data.facet_value_exists(k, v),
    ));
    (state, notices)
}
