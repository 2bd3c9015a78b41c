//! The reader's own files: opened in the page (`panel`), read and analysed by the worker
//! (`worker`), then shown in place of the published corpus. Which corpus the page shows follows
//! the URL (`corpus=local`), like every other view: "back to the published corpus" is a link.

pub mod banner;
pub mod panel;
pub mod worker;

use crate::data::CorpusData;
use crate::history;
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::url_state::{self, UrlState};
use std::cell::Cell;

thread_local! {
    /// The reader's files, analysed; kept for the life of the page (going back to the published
    /// corpus and forward again shows them without a new analysis).
    static LOCAL: Cell<Option<&'static CorpusData>> = const { Cell::new(None) };
    /// The page was opened on a link to local files it does not have.
    static MISSING: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the reader's analysed files, and shows them.
pub fn open(data: &'static CorpusData, state: AppState) {
    LOCAL.set(Some(data));
    state.navigate(|u| {
        *u = UrlState {
            local: true,
            ..UrlState::default()
        }
    });
}

/// Whether the page was opened on a link to local files that are not here.
pub fn link_to_missing_files() -> bool {
    MISSING.get()
}

/// At start: a link to local files opened where they are not (another browser, a reload) shows
/// the published corpus's first view, and the page says why (`banner::MissingFiles`).
pub fn read_link_at_start() {
    let (state, _) = url_state::parse(&history::current_query());
    if state.local {
        MISSING.set(true);
        history::write(
            &url_state::render(&UrlState::default()),
            history::Entry::Replace,
        );
    }
}

/// Everything the page shows of the reader's own files: the panel that opens them, and while
/// they are shown, the banner. It also follows the URL to the corpus it names.
#[component]
pub fn LocalFiles() -> impl IntoView {
    follow_url(expect_context::<AppState>());
    view! {
        <panel::OpenFiles/>
        <banner::LocalBanner/>
    }
}

/// Shows the corpus the URL names, when it is not the one shown: mounts the app again over it.
fn follow_url(state: AppState) {
    Effect::new(move |_| {
        let wants_local = state.with(|u| u.local);
        if wants_local == state.data.local.is_some() {
            return;
        }
        let target = if wants_local {
            LOCAL.get()
        } else {
            CorpusData::published()
        };
        match target {
            Some(data) => crate::mount::remount_over(data),
            None => {
                read_link_at_start();
                crate::mount::remount_over(state.data);
            }
        }
    });
}
