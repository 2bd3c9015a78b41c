//! "Open your own files": pick files or a folder, or drop them anywhere on the page; they are
//! read, analysed by the worker with a progress bar and a cancel button, and then shown. Only a
//! run that failed altogether stays here (with every file's problem); the rest is the banner's.

use super::read::{files_of, read_all};
use super::worker::Analysis;
use crate::data::CorpusData;
use crate::state::AppState;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use parallax_core::chrono::NaiveDate;
use parallax_core::display::local_progress;
use parallax_core::local_files::{stage_label, LocalJob, WorkerMessage};
use parallax_core::{Diagnostic, Level};
use web_sys::{DragEvent, File, HtmlInputElement};

/// Where a run stands.
#[derive(Clone, Debug, PartialEq)]
enum Run {
    Idle,
    Reading { done: usize, total: usize },
    Analysing(&'static str, u64, Option<u64>),
    Failed(Vec<Diagnostic>),
    Cancelled,
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

fn problem(message: String) -> Diagnostic {
    Diagnostic {
        file: String::new(),
        line: 0,
        level: Level::Error,
        message,
        report: None,
    }
}

#[component]
pub fn OpenFiles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let run = RwSignal::new(Run::Idle);
    let analysis = StoredValue::new_local(None::<Analysis>);
    // Each run's number: a run cancelled or replaced stops at its next step.
    let current = StoredValue::new(0u32);
    let dragging = RwSignal::new(false);

    let start = move |files: Vec<File>| {
        if files.is_empty() {
            return;
        }
        analysis.set_value(None);
        let this = current.get_value() + 1;
        current.set_value(this);
        let total = files.len();
        run.set(Run::Reading { done: 0, total });
        let live = move || current.try_get_value() == Some(this);
        leptos::task::spawn_local(async move {
            let (files, unreadable) = read_all(files, move |done| {
                if live() {
                    run.set(Run::Reading { done, total });
                }
            })
            .await;
            let Some(published) = CorpusData::published().filter(|_| live()) else {
                return;
            };
            let job = LocalJob {
                files,
                published_topics: published.catalogue.topics.clone(),
                today: today(),
            };
            let heard = move |message: WorkerMessage| match message {
                WorkerMessage::Ready => {}
                WorkerMessage::Progress { stage, done, total } => {
                    if let Some(label) = stage_label(&stage) {
                        run.set(Run::Analysing(label, done, total));
                    }
                }
                WorkerMessage::Done(mut site) => {
                    site.problems.extend(unreadable.iter().cloned());
                    site.problems
                        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
                    match CorpusData::from_local(site) {
                        Ok(data) => super::open(data, state),
                        Err(e) => run.set(Run::Failed(vec![problem(e.to_string())])),
                    }
                }
                WorkerMessage::Failed(mut problems) => {
                    problems.extend(unreadable.iter().cloned());
                    run.set(Run::Failed(problems));
                }
            };
            match Analysis::start(job, heard) {
                Ok(started) => analysis.set_value(Some(started)),
                Err(e) => run.set(Run::Failed(vec![problem(e)])),
            }
        });
    };
    let cancel = move |_| {
        analysis.set_value(None);
        current.set_value(current.get_value() + 1);
        run.set(Run::Cancelled);
    };
    let picked = move |event: web_sys::Event| {
        let input = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
        if let Some(input) = input {
            start(files_of(input.files()));
            // The same files picked again are a new run.
            input.set_value("");
        }
    };
    let carries_files = |event: &DragEvent| {
        event
            .data_transfer()
            .is_some_and(|t| t.types().includes(&"Files".into(), 0))
    };
    crate::listeners::on_window_event("dragover", move |event| {
        if let Some(event) = event.dyn_ref::<DragEvent>().filter(|e| carries_files(e)) {
            // Without this the browser opens the dropped file instead of handing it here.
            event.prevent_default();
            dragging.set(true);
        }
    });
    crate::listeners::on_window_event("dragleave", move |event| {
        // Leaving the window, not moving between two of its elements.
        if event
            .dyn_ref::<DragEvent>()
            .is_some_and(|e| e.related_target().is_none())
        {
            dragging.set(false);
        }
    });
    crate::listeners::on_window_event("drop", move |event| {
        if let Some(event) = event.dyn_ref::<DragEvent>().filter(|e| carries_files(e)) {
            event.prevent_default();
            dragging.set(false);
            start(files_of(event.data_transfer().and_then(|t| t.files())));
        }
    });

    view! {
        <details class="open-files" data-testid="open-files">
            <summary>"Open your own files"</summary>
            <div class="open-files-body">
                <p>"Analyse your own reports (.txt files, with a metadata.toml or topics.toml if you have them) in this browser, with every view of this site. Nothing is uploaded."</p>
                <label class="button">"Choose files"
                    <input type="file" multiple accept=".txt,.toml,text/plain" class="visually-hidden" data-testid="open-files-input" on:change=picked/>
                </label>
                " "
                <label class="button">"Open a folder"
                    <input type="file" class="visually-hidden" data-testid="open-folder-input" prop:webkitdirectory=true on:change=picked/>
                </label>
                <p class="hint">"Or drop the files anywhere on this page."</p>
            </div>
        </details>
        <Show when=move || dragging.get()>
            <div class="drop-overlay" aria-hidden="true">"Drop the files to analyse them in this browser: nothing is uploaded"</div>
        </Show>
        {move || match run.get() {
            Run::Idle => ().into_any(),
            Run::Cancelled => view! { <p class="local-run" role="status" data-testid="local-cancelled">"Cancelled: nothing was kept."</p> }.into_any(),
            Run::Failed(problems) => view! {
                <div class="local-run" role="alert" data-testid="local-failed">
                    <p>"Your files could not be analysed:"</p>
                    <ul>{problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
                </div>
            }.into_any(),
            running => {
                let (text, done, total) = match running {
                    Run::Reading { done, total } => (local_progress("Reading the files", done as u64, Some(total as u64)), done as u64, Some(total as u64)),
                    Run::Analysing(label, done, total) => (local_progress(label, done, total), done, total),
                    _ => unreachable!("the other runs are matched above"),
                };
                view! {
                    <div class="local-run" role="status" data-testid="local-progress">
                        <label for="local-progress-bar">{text}</label>
                        <progress id="local-progress-bar" max=total.map(|t| t.max(1) as f64) value=total.map(|_| done as f64)></progress>
                        <button type="button" class="button" data-testid="local-cancel" on:click=cancel>"Cancel"</button>
                    </div>
                }.into_any()
            }
        }}
    }
}
