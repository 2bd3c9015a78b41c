//! The site's navigation: the reports (timeline and list), the coverage matrix and the quote
//! ledger. Each is a link to a state of the URL; the one shown is marked `aria-current`.

use crate::components::results::nav_link_current;
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::url_state::{MainView, UrlState, View};

/// Which section a main view belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Reports,
    Matrix,
    Ledger,
}

fn section(view: &MainView) -> Option<Section> {
    match view {
        MainView::Explore => Some(Section::Reports),
        MainView::Matrix => Some(Section::Matrix),
        MainView::Ledger => Some(Section::Ledger),
        MainView::Story(_) | MainView::Read(_) | MainView::Compare(..) => None,
    }
}

/// Opens `view`, closing what is open over it (a report, a comparison, a story page).
fn open(view: View) -> impl Fn(&mut UrlState) + Clone + Send + Sync + 'static {
    move |u: &mut UrlState| {
        u.report = None;
        u.paragraph = None;
        u.compare = None;
        if view != View::Ledger {
            u.story = None;
        }
        // The explorer keeps the presentation the reader chose last.
        u.view = match (view, u.view) {
            (View::Timeline, View::List) => View::List,
            _ => view,
        };
    }
}

#[component]
pub fn SiteNav() -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = Memo::new(move |_| state.with(|u| section(&u.main_view())));
    let item = move |which: Section, view: View, testid: &'static str, label: &'static str| {
        view! {
            <li>{nav_link_current(state, open(view), "", testid, label, move || current.get() == Some(which))}</li>
        }
    };
    view! {
        <nav class="site-nav" aria-label="Views">
            <ul>
                {item(Section::Reports, View::Timeline, "nav-reports", "Reports")}
                {item(Section::Matrix, View::Matrix, "nav-matrix", "Coverage matrix")}
                {item(Section::Ledger, View::Ledger, "nav-ledger", "Quote ledger")}
            </ul>
        </nav>
    }
}
