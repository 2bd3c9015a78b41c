//! The Parallax explorer: a thin Leptos UI over `parallax-core`.
//!
//! `state` holds the one application state (a signal of the URL state); `history` is the only
//! code touching the address bar; `components` are small views that read the state.

pub mod app;
pub mod boot;
pub mod components;
pub mod data;
pub mod download;
pub mod history;
pub mod listeners;
pub mod local;
pub mod mount;
pub mod panic_notice;
pub mod prerender;
pub mod state;

pub use app::App;
