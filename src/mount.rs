//! Mounting the app, and mounting it again over another corpus (the reader's own files, or back
//! to the published ones): every view, memo and listener of the old corpus is disposed with it.

use crate::data::CorpusData;
use std::any::Any;
use std::cell::RefCell;

thread_local! {
    /// The mounted app's handle: dropping it unmounts the app and disposes its reactive owner.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Mounts the app over the corpus [`CorpusData::get`] gives.
pub fn mount() {
    let handle = leptos::mount::mount_to(
        leptos::prelude::document().body().expect("a body"),
        crate::App,
    );
    MOUNTED.set(Some(Box::new(handle)));
}

/// Shows `data` instead of the corpus shown now: the app is unmounted and mounted again (it
/// reads the URL anew). Done after the current event is handled, since that handler belongs to
/// the app being disposed.
pub fn remount_over(data: &'static CorpusData) {
    let run = move || {
        drop(MOUNTED.take());
        CorpusData::show(data);
        mount();
    };
    leptos::prelude::set_timeout(run, std::time::Duration::ZERO);
}
