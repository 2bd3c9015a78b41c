//! Window listeners owned by the component that made them.
//!
//! Leptos' `window_event_listener` stays installed until its handle's `remove()` is called, so a
//! listener made by a component that is later unmounted would call into disposed signals (and
//! with `panic = "abort"`, kill the app). Here the listener is a gloo `EventListener`, dropped (so
//! removed) when the reactive owner that made it is cleaned up.

use gloo_events::EventListener;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;

/// Calls `callback` on every `event` on the window while the current owner lives.
pub fn on_window_event(event: &'static str, callback: impl FnMut(&web_sys::Event) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The owner's cleanup must be Send; the wasm app has one thread, so the wrapper never moves.
    let listener = SendWrapper::new(EventListener::new(&window, event, callback));
    on_cleanup(move || drop(listener));
}
