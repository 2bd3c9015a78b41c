//! The Parallax explorer: a thin Leptos UI over `parallax-core`.

use leptos::prelude::*;
use parallax_core::Corpus;
use std::sync::OnceLock;

/// The corpus analysed at build time (see build.rs), serialised with postcard.
static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.postcard"));

/// The embedded corpus, decoded once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| postcard::from_bytes(CORPUS_BYTES).expect("the build step wrote a valid corpus"))
}

#[component]
pub fn App() -> impl IntoView {
    let corpus = corpus();
    view! {
        <header class="site-header">
            <h1>"Parallax"</h1>
            <p class="tagline">"How news outlets report the same events"</p>
        </header>
        <main id="main" data-testid="app">
            <ol class="report-list" data-testid="report-list">
                {corpus
                    .reports
                    .iter()
                    .map(|r| view! { <li data-testid="report-title" data-report-id=r.id.clone()>{r.title.clone()}</li> })
                    .collect_view()}
            </ol>
        </main>
    }
}
