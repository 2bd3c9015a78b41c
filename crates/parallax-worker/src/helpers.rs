//! Helper workers: with enough files, this worker starts one helper per core as it begins (their
//! code loads while it reads and parses the files), hands each the representatives to compare
//! with its share of the rows (`analysis::reuse::shares`), and waits for their pairs, which,
//! joined, are the memo the analysis reuses. Helpers are started from this worker's own script,
//! and end with it (the page terminating this worker terminates them too).

use crate::progress::{Posted, HELPED_STAGE};
use futures_channel::oneshot;
use gloo_events::EventListener;
use parallax_core::analysis::reuse::shares::{Share, SharedPairs};
use parallax_core::local_files::WorkerMessage;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker, WorkerGlobalScope};

/// Below this many files, comparing every pair takes less than starting helpers.
const SPLIT_FROM_FILES: usize = 256;
/// Each helper parses every file again and holds its own copy: a few at most.
const MOST_HELPERS: usize = 4;

/// How many helpers to start for `files` files: one per core the browser offers, none when
/// they would not pay.
pub fn helpers_for(files: usize) -> usize {
    let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
    let cores = scope.navigator().hardware_concurrency() as usize;
    if files < SPLIT_FROM_FILES || cores < 2 {
        0
    } else {
        cores.min(MOST_HELPERS)
    }
}

/// The running helpers. Dropping them stops them.
pub struct Helpers {
    workers: Vec<Worker>,
    _listeners: Vec<EventListener>,
    answered: oneshot::Receiver<()>,
    state: Rc<RefCell<State>>,
}

struct State {
    /// Whether each helper's code has loaded.
    ready: Vec<bool>,
    /// The representatives to compare, in postcard, once this worker has them.
    heads: Option<js_sys::Uint8Array>,
    shares: Vec<SharedPairs>,
    answers: usize,
    /// A helper failed: this worker compares every pair.
    given_up: bool,
    on_answered: Option<oneshot::Sender<()>>,
}

impl State {
    fn answer(&mut self, share: Option<SharedPairs>) {
        match share {
            Some(share) => self.shares.push(share),
            None => self.given_up = true,
        }
        self.answers += 1;
        if self.given_up || self.answers == self.ready.len() {
            if let Some(tell) = self.on_answered.take() {
                let _ = tell.send(());
            }
        }
    }

    /// Hands helper `index` its share, if its code has loaded and the representatives are here.
    fn hand_over(&mut self, index: usize, worker: &Worker) {
        let Some(heads) = self.heads.clone().filter(|_| self.ready[index]) else {
            return;
        };
        let share = Share {
            index: index as u32,
            of: self.ready.len() as u32,
        };
        let job = js_sys::Object::new();
        let set = |field: &str, value: &JsValue| js_sys::Reflect::set(&job, &field.into(), value);
        let handed = serde_wasm_bindgen::to_value(&share)
            .ok()
            .and_then(|share| set("share", &share).ok())
            .and_then(|_| set("heads", &heads).ok())
            .and_then(|_| worker.post_message(&job).ok());
        if handed.is_none() {
            self.answer(None);
        }
    }
}

impl Helpers {
    /// Starts `count` helpers; their progress through the comparison goes to `progress`.
    /// `None` for no helpers, or when they cannot start.
    pub fn start(count: usize, progress: Rc<Posted>) -> Option<Helpers> {
        if count == 0 {
            return None;
        }
        let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
        let script = scope.location().href();
        let (on_answered, answered) = oneshot::channel();
        let state = Rc::new(RefCell::new(State {
            ready: vec![false; count],
            heads: None,
            shares: Vec::new(),
            answers: 0,
            given_up: false,
            on_answered: Some(on_answered),
        }));
        let mut workers = Vec::new();
        let mut listeners = Vec::new();
        for index in 0..count {
            let worker = Worker::new(&script).ok()?;
            let (sender, state_m, progress) = (worker.clone(), state.clone(), progress.clone());
            listeners.push(EventListener::new(&worker, "message", move |event| {
                let Some(event) = event.dyn_ref::<MessageEvent>() else {
                    return;
                };
                let mut state = state_m.borrow_mut();
                match serde_wasm_bindgen::from_value::<WorkerMessage>(event.data()) {
                    Ok(WorkerMessage::Ready) => {
                        state.ready[index] = true;
                        state.hand_over(index, &sender);
                    }
                    Ok(WorkerMessage::Progress { stage, done, total }) => {
                        if stage == HELPED_STAGE {
                            progress.helped(index, done, total);
                        }
                    }
                    Ok(WorkerMessage::Shared(bytes)) => {
                        state.answer(postcard::from_bytes(&bytes).ok());
                    }
                    // A helper that failed: this worker compares the pairs itself.
                    Ok(WorkerMessage::Finished(_)) | Err(_) => state.answer(None),
                }
            }));
            let state_e = state.clone();
            listeners.push(EventListener::new(&worker, "error", move |_| {
                state_e.borrow_mut().answer(None)
            }));
            workers.push(worker);
        }
        Some(Helpers {
            workers,
            _listeners: listeners,
            answered,
            state,
        })
    }

    /// Every helper's share of the comparison of `heads` ([`Prepared::heads`] in postcard),
    /// once all have answered; `None` when one failed.
    ///
    /// [`Prepared::heads`]: parallax_core::analysis::reuse::shares::Prepared::heads
    pub async fn compare(mut self, heads: &[u8]) -> Option<Vec<SharedPairs>> {
        {
            let mut state = self.state.borrow_mut();
            state.heads = Some(js_sys::Uint8Array::from(heads));
            for (index, worker) in self.workers.iter().enumerate() {
                state.hand_over(index, worker);
            }
        }
        (&mut self.answered).await.ok()?;
        let mut state = self.state.borrow_mut();
        (!state.given_up).then(|| std::mem::take(&mut state.shares))
    }
}

impl Drop for Helpers {
    fn drop(&mut self) {
        self.workers.iter().for_each(Worker::terminate);
    }
}
