//! Helper workers: with enough files, this worker starts one helper per core as it begins (their
//! code loads while it reads and parses the files), then hands each the representatives to
//! compare and a share of their rows (`analysis::reuse::shares`). Helpers are copies of this
//! worker, started from its own script; they end with it (the page terminating this worker
//! terminates them too). Parsing in shares was tried and measured no faster (the files crossing
//! to the helpers and the reports back cost what the second core saved).

use crate::progress::Posted;
use futures_channel::oneshot;
use gloo_events::EventListener;
use parallax_core::analysis::pairs::ReportFeatures;
use parallax_core::analysis::reuse::shares::{relate_share, Share, SharedPairs};
use parallax_core::analysis::Thresholds;
use parallax_core::local_files::WorkerMessage;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerGlobalScope};

/// Below this many files, comparing them here takes less than starting helpers.
const SPLIT_FROM_FILES: usize = 256;
/// Each helper holds all the representatives: a few at most.
const MOST_HELPERS: usize = 4;

/// A share of the comparison, as this worker hands it to a helper (postcard, the message's
/// `helper` field): `heads` are the representatives in postcard (`Vec<ReportFeatures>`), made
/// once for all helpers.
#[derive(Serialize, Deserialize)]
pub struct HelperJob {
    pub share: Share,
    #[serde(with = "serde_bytes")]
    pub heads: Vec<u8>,
}

impl HelperJob {
    /// Compares the share, here in a helper, telling `progress` (posted to the worker that
    /// asked): its answer (`WorkerMessage::Shared`).
    pub fn run(self, progress: &Posted) -> Result<SharedPairs, String> {
        let heads: Vec<ReportFeatures> = postcard::from_bytes(&self.heads)
            .map_err(|e| format!("the reports to compare could not be read ({e})"))?;
        Ok(relate_share(
            &heads,
            &Thresholds::default(),
            self.share,
            progress,
        ))
    }
}

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
    state: Rc<RefCell<State>>,
}

#[derive(Default)]
struct State {
    /// Whether each helper's code has loaded.
    ready: Vec<bool>,
    /// Each helper's job, until it is handed over.
    jobs: Vec<Option<js_sys::Uint8Array>>,
    answers: Vec<Option<SharedPairs>>,
    /// A helper failed: this worker does the work itself.
    given_up: bool,
    on_answered: Option<oneshot::Sender<()>>,
}

impl State {
    fn answer(&mut self, index: usize, answer: Option<SharedPairs>) {
        match answer {
            Some(answer) => self.answers[index] = Some(answer),
            None => self.given_up = true,
        }
        if self.given_up || self.answers.iter().all(Option::is_some) {
            if let Some(tell) = self.on_answered.take() {
                let _ = tell.send(());
            }
        }
    }

    /// Hands helper `index` its job, if its code has loaded and there is one.
    fn hand_over(&mut self, index: usize, worker: &Worker) {
        if !self.ready[index] {
            return;
        }
        let Some(job) = self.jobs[index].take() else {
            return;
        };
        let message = js_sys::Object::new();
        let handed = js_sys::Reflect::set(&message, &"helper".into(), &job)
            .ok()
            .and_then(|_| worker.post_message(&message).ok());
        if handed.is_none() {
            self.answer(index, None);
        }
    }
}

impl Helpers {
    /// Starts `count` helpers; their progress goes to `progress`, summed, in the stage this
    /// worker is in. `None` for no helpers, or when they cannot start.
    pub fn start(count: usize, progress: Rc<Posted>) -> Option<Helpers> {
        if count == 0 {
            return None;
        }
        let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
        let script = scope.location().href();
        let state = Rc::new(RefCell::new(State {
            ready: vec![false; count],
            jobs: vec![None; count],
            ..State::default()
        }));
        let mut workers = Vec::new();
        let mut listeners = Vec::new();
        for index in 0..count {
            let worker = Worker::new(&script).ok()?;
            let (sender, state_m, progress) = (worker.clone(), state.clone(), progress.clone());
            listeners.push(EventListener::new(&worker, "message", move |event| {
                let event = event.unchecked_ref::<MessageEvent>();
                let mut state = state_m.borrow_mut();
                match crate::decode(&event.data()) {
                    Some(WorkerMessage::Ready) => {
                        state.ready[index] = true;
                        state.hand_over(index, &sender);
                    }
                    Some(WorkerMessage::Progress { stage, done, .. }) => {
                        progress.helped(index, &stage, done)
                    }
                    Some(WorkerMessage::Shared(bytes)) => {
                        state.answer(index, postcard::from_bytes(&bytes).ok())
                    }
                    // A helper that failed: this worker does the work itself.
                    Some(WorkerMessage::Finished(_)) | None => state.answer(index, None),
                }
            }));
            let state_e = state.clone();
            listeners.push(EventListener::new(&worker, "error", move |_| {
                state_e.borrow_mut().answer(index, None)
            }));
            workers.push(worker);
        }
        Some(Helpers {
            workers,
            _listeners: listeners,
            state,
        })
    }

    /// How many helpers there are.
    pub fn count(&self) -> usize {
        self.workers.len()
    }

    /// Hands helper k `jobs[k]` and gives their answers, in the same order, once all have
    /// answered; `None` when one failed (then none is asked again).
    pub async fn ask(&self, jobs: Vec<HelperJob>) -> Option<Vec<SharedPairs>> {
        let answered = {
            let mut state = self.state.borrow_mut();
            if state.given_up || jobs.len() != self.workers.len() {
                return None;
            }
            let (tell, answered) = oneshot::channel();
            state.on_answered = Some(tell);
            state.answers = (0..jobs.len()).map(|_| None).collect();
            for (index, job) in jobs.iter().enumerate() {
                let bytes = postcard::to_allocvec(job).ok()?;
                state.jobs[index] = Some(js_sys::Uint8Array::from(&bytes[..]));
                state.hand_over(index, &self.workers[index]);
            }
            answered
        };
        answered.await.ok()?;
        let mut state = self.state.borrow_mut();
        if state.given_up {
            return None;
        }
        std::mem::take(&mut state.answers).into_iter().collect()
    }
}

impl Drop for Helpers {
    fn drop(&mut self) {
        self.workers.iter().for_each(Worker::terminate);
    }
}
