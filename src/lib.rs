//! The Parallax explorer: a thin Leptos UI over `parallax-core`.
//!
//! `state` holds the one application state (a signal of the URL state); `history` is the only
//! code touching the address bar; `components` are small views that read the state.

pub mod app;
pub mod components;
pub mod history;
pub mod listeners;
pub mod panic_notice;
pub mod prerender;
pub mod state;

pub use app::App;
use parallax_core::Corpus;
use std::sync::OnceLock;

/// The corpus analysed before the build by `parallax build` (build.rs names the file),
/// serialised with postcard.
static CORPUS_BYTES: &[u8] = include_bytes!(env!("PARALLAX_DATA_FILE"));

/// The embedded corpus, decoded once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        postcard::from_bytes(CORPUS_BYTES)
            .expect("the embedded corpus decodes (written by another version? run `make data`)")
    })
}
