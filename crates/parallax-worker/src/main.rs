//! The page's worker. It waits for one job (the `File`s a reader opened, and the published
//! lexicon), reads the files, analyses them as `parallax build` would
//! (`corpus_dir::read_files`, `analyse_files`), and posts the progress and then the site's data
//! back. With many files it starts helpers, copies of itself given a share of the comparison
//! each (`helpers`), and reuses their shares. The page cancels by terminating the worker; a new
//! run starts a new one.

mod helpers;
mod progress;
mod read;

use gloo_events::EventListener;
use helpers::Helpers;
use parallax_core::analysis::pairs::ReportFeatures;
use parallax_core::analysis::reuse::shares::{join_shares, prepare, relate_share, Share};
use parallax_core::analysis::Thresholds;
use parallax_core::chrono::NaiveDate;
use parallax_core::corpus_dir::{analyse_files, read_files};
use parallax_core::local_files::{LocalJob, LocalOutcome, WorkerMessage};
use parallax_core::{Diagnostic, Level, TopicDef};
use progress::Posted;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

pub(crate) fn post(message: &WorkerMessage) {
    match serde_wasm_bindgen::to_value(message) {
        Ok(value) => {
            let _ = scope().post_message(&value);
        }
        Err(e) => fail(&format!("the result could not be sent to the page ({e})")),
    }
}

/// Posts how the analysis ended.
fn finish(outcome: &LocalOutcome) {
    match postcard::to_allocvec(outcome) {
        Ok(bytes) => post(&WorkerMessage::Finished(bytes)),
        Err(e) => fail(&format!("the result could not be written ({e})")),
    }
}

/// Ends with a failure that names no file.
fn fail(message: &str) {
    let diagnostic = Diagnostic {
        file: String::new(),
        line: 0,
        level: Level::Error,
        message: message.to_string(),
        report: None,
    };
    if let Ok(bytes) = postcard::to_allocvec(&LocalOutcome::Err(vec![diagnostic])) {
        if let Ok(value) = serde_wasm_bindgen::to_value(&WorkerMessage::Finished(bytes)) {
            let _ = scope().post_message(&value);
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

/// A job's field.
fn field(job: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(job, &name.into()).unwrap_or_default()
}

/// The job's files, read, and its lexicon: `{ files: [File], topics }`, the lexicon as
/// serde-wasm-bindgen wrote it.
async fn read_job(job: &JsValue, progress: &Posted) -> Result<LocalJob, String> {
    let published_topics: Vec<TopicDef> = serde_wasm_bindgen::from_value(field(job, "topics"))
        .map_err(|e| format!("the page sent a lexicon the worker cannot read ({e})"))?;
    let files: Vec<File> = js_sys::Array::from(&field(job, "files"))
        .iter()
        .filter_map(|f| f.dyn_into::<File>().ok())
        .collect();
    let (files, unreadable) = read::read_all(files, progress).await;
    Ok(LocalJob {
        files,
        published_topics,
        today: today(),
        unreadable,
    })
}

/// The page's job: the whole analysis, its comparison shared between helpers when the files
/// are many.
async fn run(job: JsValue) {
    let progress = Rc::new(Posted::default());
    let files = js_sys::Array::from(&field(&job, "files")).length() as usize;
    let helpers = Helpers::start(helpers::helpers_for(files), progress.clone());
    let read = match read_job(&job, &progress).await {
        Ok(local) => read_files(local, &*progress),
        Err(message) => return fail(&message),
    };
    let read = match read {
        Ok(read) => read,
        Err(problems) => return finish(&Err(problems)),
    };
    let t = Thresholds::default();
    let prepared = prepare(read.reports(), &t, &*progress);
    let shares = match (helpers, &prepared.heads) {
        (Some(helpers), Some(heads)) => match postcard::to_allocvec(heads) {
            Ok(bytes) => {
                let shares = helpers.compare(&bytes).await;
                progress.post_now();
                shares
            }
            Err(_) => None,
        },
        _ => None,
    };
    let memo = shares.and_then(|shares| join_shares(shares, &t));
    let carry = prepared.carry(read.reports(), memo);
    finish(&analyse_files(read, carry, &*progress));
}

/// A helper's job: `{ heads, share }`, the representatives to compare (postcard bytes) and the
/// share of their rows to compare.
fn run_share(job: &JsValue, share: Share) {
    let bytes = js_sys::Uint8Array::new(&field(job, "heads")).to_vec();
    let heads: Vec<ReportFeatures> = match postcard::from_bytes(&bytes) {
        Ok(heads) => heads,
        Err(e) => return fail(&format!("the reports to compare could not be read ({e})")),
    };
    let progress = Posted::default();
    let shared = relate_share(&heads, &Thresholds::default(), share, &progress);
    // The share's last rows, before the share itself: the bar reaches its end.
    progress.post_now();
    match postcard::to_allocvec(&shared) {
        Ok(bytes) => post(&WorkerMessage::Shared(bytes)),
        Err(e) => fail(&format!("the share could not be written ({e})")),
    }
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
            let job = event.data();
            match serde_wasm_bindgen::from_value::<Share>(field(&job, "share")) {
                Ok(share) => run_share(&job, share),
                Err(_) => wasm_bindgen_futures::spawn_local(run(job)),
            }
        }
    })
    .forget();
    post(&WorkerMessage::Ready);
}
