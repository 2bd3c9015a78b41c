//! The worker that analyses the reader's files: started for one job, terminated when dropped
//! (cancel, a new set of files, or the page moving on). The job is carried by
//! serde-wasm-bindgen; the answers are the core's `local_files::WorkerMessage` in postcard, read
//! with the decoder the page has for the site's data.

use gloo_events::EventListener;
use leptos::wasm_bindgen::{JsCast, JsValue};
use parallax_core::local_files::{LocalOutcome, WorkerMessage};
use parallax_core::{Diagnostic, Level, TopicDef};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The worker's loader, beside index.html (Trunk writes it); fetched only when files are opened.
const WORKER_SCRIPT: &str = "parallax-worker_loader.js";

/// A running analysis. Dropping it stops the worker.
pub struct Analysis {
    worker: Worker,
    _listeners: [EventListener; 2],
}

/// What the page hears of a running analysis.
pub enum Heard {
    Progress {
        stage: String,
        done: u64,
        total: Option<u64>,
    },
    Over(LocalOutcome),
}

fn failure(message: String) -> Heard {
    Heard::Over(Err(vec![Diagnostic {
        file: String::new(),
        line: 0,
        level: Level::Error,
        message,
        report: None,
    }]))
}

/// A message of the worker's: postcard bytes in a `Uint8Array`.
fn read(data: JsValue) -> Result<WorkerMessage, String> {
    let bytes = data
        .dyn_into::<js_sys::Uint8Array>()
        .map_err(|_| "not bytes".to_string())?;
    postcard::from_bytes(&bytes.to_vec()).map_err(|e| e.to_string())
}

impl Analysis {
    /// Starts a worker and hands it the `files` (an array of `File`: the worker reads them) and
    /// the published lexicon once its code has loaded; `on_message` hears its progress and its
    /// result (a worker whose code fails to load ends in an error).
    pub fn start(
        files: js_sys::Array,
        published_topics: &[TopicDef],
        on_message: impl Fn(Heard) + 'static,
    ) -> Result<Analysis, String> {
        let topics = serde_wasm_bindgen::to_value(published_topics)
            .map_err(|e| format!("the lexicon could not be handed to the analysis ({e})"))?;
        let job = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&job, &"files".into(), &files);
        let _ = js_sys::Reflect::set(&job, &"topics".into(), &topics);
        let on_message = Rc::new(on_message);
        let worker = Worker::new(WORKER_SCRIPT)
            .map_err(|e| format!("the analysis could not start ({e:?})"))?;
        let job = RefCell::new(Some(job));
        let sender = worker.clone();
        let heard = on_message.clone();
        let messages = EventListener::new(&worker, "message", move |event| {
            // A worker's "message" events are all `MessageEvent`s.
            match read(event.unchecked_ref::<MessageEvent>().data()) {
                Ok(WorkerMessage::Ready) => {
                    let Some(job) = job.borrow_mut().take() else {
                        return;
                    };
                    if let Err(e) = sender.post_message(&job) {
                        heard(failure(format!(
                            "the files could not be handed to the analysis ({e:?})"
                        )));
                    }
                }
                Ok(WorkerMessage::Progress { stage, done, total }) => {
                    heard(Heard::Progress { stage, done, total })
                }
                Ok(WorkerMessage::Finished(outcome)) => heard(Heard::Over(outcome)),
                // Only the workers the analysis starts itself hear of shares.
                Ok(WorkerMessage::Shared(_)) => {}
                Err(e) => heard(failure(format!(
                    "the analysis answered in a way the page cannot read ({e})"
                ))),
            }
        });
        let errors = EventListener::new(&worker, "error", move |event| {
            let detail = event
                .dyn_ref::<ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "its code could not be loaded".into());
            on_message(failure(format!("the analysis stopped: {detail}")));
        });
        Ok(Analysis {
            worker,
            _listeners: [messages, errors],
        })
    }
}

impl Drop for Analysis {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
