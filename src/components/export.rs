//! Export buttons: each makes its file in the page from what the core computes (`parallax_core::
//! export`) and offers it as a download. The file names the corpus build and the view's URL.

use crate::download;
use crate::history;
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::export::{file_name, ExportSource};
use parallax_core::url_state;

/// Makes an export's text for its source (`Err` says why it cannot be made).
type MakeExport = std::sync::Arc<dyn Fn(&ExportSource) -> Result<String, String> + Send + Sync>;

/// The reports whose titles an export writes: fetched before it is made.
type TitlesNeeded = std::sync::Arc<dyn Fn() -> Vec<usize> + Send + Sync>;

/// What one button exports: its label, the file's kind (`what`, its extension, its MIME type)
/// and the text, made when clicked (`Err` says why it cannot be made yet).
#[derive(Clone)]
pub struct ExportFormat {
    pub label: &'static str,
    pub what: &'static str,
    pub extension: &'static str,
    pub mime: &'static str,
    pub make: MakeExport,
    pub titles: Option<TitlesNeeded>,
}

impl ExportFormat {
    pub fn new(
        label: &'static str,
        what: &'static str,
        extension: &'static str,
        make: impl Fn(&ExportSource) -> Result<String, String> + Send + Sync + 'static,
    ) -> ExportFormat {
        let mime = match extension {
            "csv" => "text/csv;charset=utf-8",
            "json" => "application/json;charset=utf-8",
            "md" => "text/markdown;charset=utf-8",
            _ => "text/plain;charset=utf-8",
        };
        ExportFormat {
            label,
            what,
            extension,
            mime,
            make: std::sync::Arc::new(make),
            titles: None,
        }
    }

    /// The export writes the titles of the reports `needed` names: their shards are fetched
    /// first (the catalogue has no titles).
    pub fn with_titles(
        mut self,
        needed: impl Fn() -> Vec<usize> + Send + Sync + 'static,
    ) -> ExportFormat {
        self.titles = Some(std::sync::Arc::new(needed));
        self
    }
}

/// The export's source: this corpus build and the current view's absolute URL.
pub fn export_source(state: AppState) -> ExportSource {
    ExportSource {
        corpus_build: state.data.catalogue_name.to_string(),
        view_url: history::absolute(&state.with(url_state::render)),
    }
}

/// A row of export buttons ("Export: CSV · JSON"), with a status line.
#[component]
pub fn ExportButtons(
    /// What is exported, for the group's accessible name ("the 12 reports listed").
    subject: &'static str,
    formats: Vec<ExportFormat>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(String::new());
    let buttons = formats
        .into_iter()
        .map(|format| {
            let testid = format!("export-{}-{}", format.what, format.extension);
            let label = format.label;
            let run = move |_| {
                let source = export_source(state);
                let name = file_name(format.what, &source, format.extension);
                let format = format.clone();
                let export = move |titles: Result<(), String>| {
                    let outcome = titles
                        .and_then(|()| (format.make)(&source))
                        .and_then(|text| download::offer(&name, format.mime, &text));
                    status.set(match outcome {
                        Ok(()) => format!("Downloaded {name}"),
                        Err(e) => format!("Could not export: {e}"),
                    });
                };
                match format.titles.clone().map(|needed| needed()) {
                    None => export(Ok(())),
                    Some(needed) if state.data.titles_here(&needed) => export(Ok(())),
                    Some(needed) => {
                        status.set("Loading the titles…".to_string());
                        wasm_bindgen_futures::spawn_local(async move {
                            let titles = state.data.load_titles(needed).await;
                            export(titles.map_err(|e| format!("the titles could not be loaded ({e})")));
                        });
                    }
                }
            };
            view! { <button type="button" class="button" data-testid=testid on:click=run>{label}</button> }
        })
        .collect_view();
    view! {
        <div class="exports" role="group" aria-label=format!("Export {subject}")>
            <span class="export-label">"Export:"</span>
            {buttons}
            <span class="export-status" role="status" data-testid="export-status">{move || status.get()}</span>
        </div>
    }
}

/// The filtered set (every report the list holds, in its order, not only the page shown) as
/// CSV and JSON, with each report's story and near duplicates under the thresholds in force.
pub fn report_list_formats(state: AppState) -> Vec<ExportFormat> {
    use parallax_core::export::{report_row, reports_csv, reports_json, ReportRow};
    let rows = move |f: &mut dyn FnMut(&str, &[ReportRow])| {
        let data = state.data;
        let position = |id: &str| data.position.get(id).map(|&i| i as u32);
        state.result.with_untracked(|result| {
            state.relations.with_untracked(|relations| {
                let rows: Vec<ReportRow> = result
                    .ranked
                    .iter()
                    .map(|&i| ReportRow {
                        title: data.title_if_loaded(i).unwrap_or_default(),
                        ..report_row(data.reports(), relations, &data.copies, &position, i)
                    })
                    .collect();
                let description = crate::components::format::result_count(
                    result.matches.len(),
                    data.reports().len(),
                );
                f(&description, &rows)
            })
        })
    };
    // Every report of the list, each with its title.
    let listed = move || state.result.with_untracked(|r| r.ranked.clone());
    vec![
        ExportFormat::new("CSV", "reports", "csv", move |source| {
            let mut text = String::new();
            rows(&mut |description, rows| text = reports_csv(source, description, rows));
            Ok(text)
        })
        .with_titles(listed),
        ExportFormat::new("JSON", "reports", "json", move |source| {
            let mut text = Ok(String::new());
            rows(&mut |description, rows| {
                text = download::json_text(&reports_json(source, description, rows))
            });
            text
        })
        .with_titles(listed),
    ]
}

/// A comparison (its evidence under the thresholds in force and its aligned rows) as Markdown
/// and JSON.
pub fn comparison_formats(
    state: AppState,
    left: &'static parallax_core::Report,
    right: &'static parallax_core::Report,
    pair: parallax_core::Pair,
) -> Vec<ExportFormat> {
    use parallax_core::analysis::align::align;
    use parallax_core::analysis::pairs::classify;
    use parallax_core::export::{comparison_json, comparison_markdown, report_row, ReportRow};
    // The pair as the page shows it: classified under the thresholds in force.
    let current = move || {
        let (relation, why) = classify(
            &pair,
            &crate::state::thresholds_for(state.with(|u| u.threshold)),
        );
        parallax_core::Pair {
            relation,
            why,
            ..pair.clone()
        }
    };
    let json_pair = current.clone();
    vec![
        ExportFormat::new("Markdown", "comparison", "md", move |source| {
            Ok(comparison_markdown(
                source,
                left,
                right,
                &current(),
                &align(left, right),
            ))
        }),
        ExportFormat::new("JSON", "comparison", "json", move |source| {
            let data = state.data;
            let position = |id: &str| data.position.get(id).map(|&i| i as u32);
            let (Some(&li), Some(&ri)) = (
                data.position.get(left.id.as_str()),
                data.position.get(right.id.as_str()),
            ) else {
                return Err("a report of the comparison is not in the corpus".into());
            };
            state.relations.with_untracked(|relations| {
                // The rows carry the catalogue's fields (the text is in the alignment), and the
                // titles of the two reports, here whole.
                let row = |i: usize, title: &'static str| ReportRow {
                    title,
                    ..report_row(data.reports(), relations, &data.copies, &position, i)
                };
                download::json_text(&comparison_json(
                    source,
                    row(li, &left.title),
                    row(ri, &right.title),
                    &json_pair(),
                    &align(left, right),
                ))
            })
        }),
    ]
}
