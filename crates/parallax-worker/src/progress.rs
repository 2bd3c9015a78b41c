//! The analysis's progress, posted to whoever started this worker (the page, or for a helper
//! the worker it helps), with the helpers' progress through the comparison added in.

use crate::post;
use parallax_core::local_files::WorkerMessage;
use parallax_core::progress::Progress;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Progress is posted at most this often (ms), and at each new stage: enough for a smooth bar,
/// few enough messages that the page's main thread stays idle.
const PROGRESS_EVERY_MS: f64 = 50.0;

#[derive(Default)]
pub struct Posted {
    stage: Mutex<(&'static str, Option<u64>)>,
    done: AtomicU64,
    last_post_ms: Mutex<f64>,
    /// Each helper's count in the current stage.
    helped: Mutex<Vec<u64>>,
}

impl Posted {
    /// Posts the progress as it stands (the last advances may not have been posted yet).
    pub fn post_now(&self) {
        let (stage, total) = *self.stage.lock().unwrap_or_else(|e| e.into_inner());
        *self.last_post_ms.lock().unwrap_or_else(|e| e.into_inner()) = js_sys::Date::now();
        post(&WorkerMessage::Progress {
            stage: stage.to_string(),
            done: self.done.load(Ordering::Relaxed),
            total,
        });
    }

    fn post_if_due(&self) {
        let last = *self.last_post_ms.lock().unwrap_or_else(|e| e.into_inner());
        if js_sys::Date::now() - last >= PROGRESS_EVERY_MS {
            self.post_now();
        }
    }

    /// Helper `helper` has done `done` of its share of `stage`: while this worker is in that
    /// stage, the helpers' counts, summed, are its progress.
    pub fn helped(&self, helper: usize, stage: &str, done: u64) {
        if self.stage.lock().unwrap_or_else(|e| e.into_inner()).0 != stage {
            return;
        }
        let sum = {
            let mut helped = self.helped.lock().unwrap_or_else(|e| e.into_inner());
            if helped.len() <= helper {
                helped.resize(helper + 1, 0);
            }
            helped[helper] = done;
            helped.iter().sum()
        };
        self.done.store(sum, Ordering::Relaxed);
        self.post_if_due();
    }
}

impl Progress for Posted {
    fn stage(&self, name: &'static str, total: Option<u64>) {
        // The stage ending, as it ended: a bar that reaches its end.
        if !self
            .stage
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .0
            .is_empty()
        {
            self.post_now();
        }
        *self.stage.lock().unwrap_or_else(|e| e.into_inner()) = (name, total);
        self.done.store(0, Ordering::Relaxed);
        self.helped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        self.post_now();
    }

    fn advance(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
        self.post_if_due();
    }
}
