//! "Open your own files": pick files or a folder, or drop them anywhere on the page; they are
//! read, analysed by the worker with a progress bar and a cancel button, and then shown. Only a
//! run that failed altogether stays here (with every file's problem); the rest is the banner's.

use super::worker::{Analysis, Heard};
use crate::data::CorpusData;
use crate::state::AppState;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use parallax_core::display::local_progress;
use parallax_core::local_files::stage_label;
use parallax_core::{Diagnostic, Level};
use web_sys::{DragEvent, HtmlInputElement};

/// Where a run stands.
#[derive(Clone, Debug, PartialEq)]
enum Run {
    Idle,
    /// A stage (its label), how far it is, and of how much.
    Working(&'static str, u64, Option<u64>),
    Failed(Vec<Diagnostic>),
    Cancelled,
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

/// A button that picks files, or (`folder`) a folder and everything in it.
fn file_button(
    label: &'static str,
    testid: &'static str,
    folder: bool,
    picked: impl Fn(web_sys::Event) + 'static,
) -> impl IntoView {
    view! {
        <label class="button">{label}
            <input type="file" multiple=!folder accept=(!folder).then_some(".txt,.toml,text/plain") class="visually-hidden" data-testid=testid prop:webkitdirectory=folder on:change=picked/>
        </label>
    }
}

#[component]
pub fn OpenFiles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let run = RwSignal::new(Run::Idle);
    let analysis = StoredValue::new_local(None::<Analysis>);
    let dragging = RwSignal::new(false);

    let start = move |files: js_sys::Array| {
        if files.length() == 0 {
            return;
        }
        analysis.set_value(None);
        let Some(published) = CorpusData::published() else {
            return;
        };
        let heard = move |heard: Heard| match heard {
            Heard::Progress { stage, done, total } => {
                if let Some(label) = stage_label(&stage) {
                    run.set(Run::Working(label, done, total));
                }
            }
            Heard::Over(Ok(site)) => match CorpusData::from_local(site) {
                Ok(data) => super::open(data, state),
                Err(e) => run.set(Run::Failed(vec![problem(e)])),
            },
            Heard::Over(Err(problems)) => run.set(Run::Failed(problems)),
        };
        run.set(Run::Working(
            "Reading the files",
            0,
            Some(files.length() as u64),
        ));
        match Analysis::start(files, &published.catalogue.topics, heard) {
            Ok(started) => analysis.set_value(Some(started)),
            Err(e) => run.set(Run::Failed(vec![problem(e)])),
        }
    };
    let cancel = move |_| {
        analysis.set_value(None);
        run.set(Run::Cancelled);
    };
    let picked = move |event: web_sys::Event| {
        let input = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
        if let Some(input) = input {
            if let Some(list) = input.files() {
                start(js_sys::Array::from(&list));
            }
            // The same files picked again are a new run.
            input.set_value("");
        }
    };
    let carries_files = |event: &DragEvent| {
        event
            .data_transfer()
            .is_some_and(|t| t.types().includes(&"Files".into(), 0))
    };
    // The window's drag events are all `DragEvent`s.
    crate::listeners::on_window_event("dragover", move |event| {
        let event = event.unchecked_ref::<DragEvent>();
        if carries_files(event) {
            // Without this the browser opens the dropped file instead of handing it here.
            event.prevent_default();
            dragging.set(true);
        }
    });
    crate::listeners::on_window_event("dragleave", move |event| {
        // Leaving the window, not moving between two of its elements.
        if event
            .unchecked_ref::<DragEvent>()
            .related_target()
            .is_none()
        {
            dragging.set(false);
        }
    });
    crate::listeners::on_window_event("drop", move |event| {
        let event = event.unchecked_ref::<DragEvent>();
        if carries_files(event) {
            event.prevent_default();
            dragging.set(false);
            if let Some(list) = event.data_transfer().and_then(|t| t.files()) {
                start(js_sys::Array::from(&list));
            }
        }
    });

    view! {
        <section class="open-files-region" aria-label="Your own files">
        <details class="open-files" class:dragging=move || dragging.get() data-testid="open-files">
            <summary>"Open your own files"</summary>
            <div class="open-files-body">
                <p>"Analyse your own reports (.txt files, with a metadata.toml or topics.toml if you have them) in this browser, with every view of this site. Nothing is uploaded."</p>
                {file_button("Choose files", "open-files-input", false, picked)}
                " "
                {file_button("Open a folder", "open-folder-input", true, picked)}
                <p class="hint">"Or drop the files anywhere on this page."</p>
            </div>
        </details>
        {move || match run.get() {
            Run::Idle => ().into_any(),
            Run::Cancelled => view! { <p class="local-run" role="status" data-testid="local-cancelled">"Cancelled: nothing was kept."</p> }.into_any(),
            Run::Failed(problems) => view! {
                <div class="local-run" role="alert" data-testid="local-failed">
                    <p>"Your files could not be analysed:"</p>
                    <ul>{problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
                </div>
            }.into_any(),
            Run::Working(label, done, total) => {
                let text = local_progress(label, done, total);
                view! {
                    <div class="local-run" role="status" data-testid="local-progress">
                        <label for="local-progress-bar">{text}</label>
                        <progress id="local-progress-bar" max=total.map(|t| t.max(1) as f64) value=total.map(|_| done as f64)></progress>
                        <button type="button" class="button" data-testid="local-cancel" on:click=cancel>"Cancel"</button>
                    </div>
                }.into_any()
            }
        }}
        </section>
    }
}
