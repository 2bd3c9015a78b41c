//! The page's worker. It waits for one job (the `File`s a reader opened, and the published
//! lexicon), reads the files, analyses them as `parallax build` would
//! (`corpus_dir::build_from_files`), and posts the progress and then the site's data back. The
//! page cancels by terminating the worker; a new run starts a new one.

mod read;

use gloo_events::EventListener;
use parallax_core::chrono::NaiveDate;
use parallax_core::corpus_dir::build_from_files;
use parallax_core::local_files::{LocalJob, LocalOutcome, WorkerMessage};
use parallax_core::progress::Progress;
use parallax_core::{Diagnostic, Level, TopicDef};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

/// Progress is posted at most this often (ms), and at each new stage: enough for a smooth bar,
/// few enough messages that the page's main thread stays idle.
const PROGRESS_EVERY_MS: f64 = 50.0;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// `message` as it crosses: postcard, handed over by serde-wasm-bindgen as a `Uint8Array`.
fn encode(message: &WorkerMessage) -> Result<JsValue, String> {
    let bytes = postcard::to_allocvec(message).map_err(|e| e.to_string())?;
    serde_wasm_bindgen::to_value(serde_bytes::Bytes::new(&bytes)).map_err(|e| e.to_string())
}

fn post(message: &WorkerMessage) {
    match encode(message) {
        Ok(value) => {
            let _ = scope().post_message(&value);
        }
        Err(e) => fail(&format!("the result could not be sent to the page ({e})")),
    }
}

/// Posts how the analysis ended.
fn finish(outcome: LocalOutcome) {
    post(&WorkerMessage::Finished(outcome));
}

/// Ends with a failure that names no file.
fn fail(message: &str) {
    let failure = WorkerMessage::Finished(Err(vec![Diagnostic {
        file: String::new(),
        line: 0,
        level: Level::Error,
        message: message.to_string(),
        report: None,
    }]));
    if let Ok(value) = encode(&failure) {
        let _ = scope().post_message(&value);
    }
}

/// The analysis's progress, posted to the page.
#[derive(Default)]
struct Posted {
    stage: Mutex<(&'static str, Option<u64>)>,
    done: AtomicU64,
    last_post_ms: Mutex<f64>,
}

impl Posted {
    fn post_now(&self) {
        let (stage, total) = *self.stage.lock().unwrap_or_else(|e| e.into_inner());
        *self.last_post_ms.lock().unwrap_or_else(|e| e.into_inner()) = js_sys::Date::now();
        post(&WorkerMessage::Progress {
            stage: stage.to_string(),
            done: self.done.load(Ordering::Relaxed),
            total,
        });
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
        self.post_now();
    }

    fn advance(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
        let last = *self.last_post_ms.lock().unwrap_or_else(|e| e.into_inner());
        if js_sys::Date::now() - last >= PROGRESS_EVERY_MS {
            self.post_now();
        }
    }
}

/// The reader's date, which bounds plausible dates as the build date does.
fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    .unwrap_or_default()
}

/// The job: `{ files: [File], topics }`, the lexicon as serde-wasm-bindgen wrote it.
async fn run(job: JsValue) {
    let field = |name: &str| js_sys::Reflect::get(&job, &name.into()).unwrap_or_default();
    let published_topics: Vec<TopicDef> = match serde_wasm_bindgen::from_value(field("topics")) {
        Ok(topics) => topics,
        Err(e) => {
            return fail(&format!(
                "the page sent a lexicon the worker cannot read ({e})"
            ))
        }
    };
    let files: Vec<File> = js_sys::Array::from(&field("files"))
        .iter()
        .filter_map(|f| f.dyn_into::<File>().ok())
        .collect();
    let progress = Posted::default();
    let (files, unreadable) = read::read_all(files, &progress).await;
    let job = LocalJob {
        files,
        published_topics,
        today: today(),
        unreadable,
    };
    finish(build_from_files(job, &progress));
}

fn main() {
    // A panic ends the worker (release builds abort): say why before it does.
    std::panic::set_hook(Box::new(|info| {
        fail(&format!(
            "the analysis stopped on an internal error: {info}"
        ))
    }));
    EventListener::new(&scope(), "message", |event| {
        if let Some(event) = event.dyn_ref::<MessageEvent>() {
            wasm_bindgen_futures::spawn_local(run(event.data()));
        }
    })
    .forget();
    post(&WorkerMessage::Ready);
}
