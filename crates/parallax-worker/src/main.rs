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
use helpers::{HelperJob, Helpers};
use parallax_core::analysis::pairs::ReportFeatures;
use parallax_core::analysis::reuse::shares::{join_shares, prepare, Share};
use parallax_core::analysis::reuse::PairMemo;
use parallax_core::analysis::Thresholds;
use parallax_core::chrono::NaiveDate;
use parallax_core::corpus_dir::{analyse_files, read_files};
use parallax_core::local_files::{LocalJob, LocalOutcome, WorkerMessage};
use parallax_core::progress::Progress;
use parallax_core::{Diagnostic, Level, TopicDef};
use progress::Posted;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// `message` as it crosses: postcard, handed over by serde-wasm-bindgen as a `Uint8Array`.
pub(crate) fn encode(message: &WorkerMessage) -> Result<JsValue, String> {
    let bytes = postcard::to_allocvec(message).map_err(|e| e.to_string())?;
    serde_wasm_bindgen::to_value(serde_bytes::Bytes::new(&bytes)).map_err(|e| e.to_string())
}

/// A message as it arrived ([`encode`]'s, from a helper), read back.
pub(crate) fn decode(value: &JsValue) -> Option<WorkerMessage> {
    postcard::from_bytes(&js_sys::Uint8Array::new(value).to_vec()).ok()
}

pub(crate) fn post(message: &WorkerMessage) {
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

/// The page's job: the whole analysis, its comparison shared between helpers when the files are
/// many.
async fn run(job: JsValue) {
    let progress = Rc::new(Posted::default());
    let files = js_sys::Array::from(&field(&job, "files")).length() as usize;
    let helpers = Helpers::start(helpers::helpers_for(files), progress.clone());
    let local = match read_job(&job, &progress).await {
        Ok(local) => local,
        Err(message) => return fail(&message),
    };
    let read = match read_files(local, &*progress) {
        Ok(read) => read,
        Err(problems) => return finish(Err(problems)),
    };
    let t = Thresholds::default();
    let prepared = prepare(read.reports(), &t, &*progress);
    let memo = match (&helpers, &prepared.heads) {
        (Some(helpers), Some(heads)) => compare(helpers, heads, &progress).await,
        _ => None,
    };
    drop(helpers);
    let carry = prepared.carry(read.reports(), memo);
    finish(analyse_files(read, carry, &*progress));
}

/// The representatives compared in shares by the helpers: the memo of the pairs, joined;
/// `None` when a helper failed (the analysis then compares them here).
async fn compare(
    helpers: &Helpers,
    heads: &[ReportFeatures],
    progress: &Posted,
) -> Option<PairMemo> {
    let bytes = postcard::to_allocvec(heads).ok()?;
    progress.stage("all pairs", Some(heads.len() as u64));
    let of = helpers.count() as u32;
    let jobs = (0..of)
        .map(|index| HelperJob {
            share: Share { index, of },
            heads: bytes.clone(),
        })
        .collect();
    let shares = helpers.ask(jobs).await;
    progress.post_now();
    join_shares(shares?, &Thresholds::default())
}

/// A helper's job (`{ helper }`: a [`HelperJob`] in postcard): done, and its answer posted.
fn run_helper(job: &JsValue) {
    let bytes = js_sys::Uint8Array::new(&field(job, "helper")).to_vec();
    let progress = Posted::default();
    let answer = postcard::from_bytes::<HelperJob>(&bytes)
        .map_err(|e| format!("the worker's job could not be read ({e})"))
        .and_then(|job| job.run(&progress));
    // The share's last counts, before the answer: the bar reaches its end.
    progress.post_now();
    match answer.and_then(|a| postcard::to_allocvec(&a).map_err(|e| e.to_string())) {
        Ok(bytes) => post(&WorkerMessage::Shared(bytes)),
        Err(message) => fail(&message),
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
            if field(&job, "helper").is_undefined() {
                wasm_bindgen_futures::spawn_local(run(job));
            } else {
                run_helper(&job);
            }
        }
    })
    .forget();
    post(&WorkerMessage::Ready);
}
