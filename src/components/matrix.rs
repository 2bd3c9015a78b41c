//! The coverage matrix: outlets (or source files) × stories (or event dates), over the reports
//! the filters select. Each cell says own reporting, copied or absent and links to its reports.
//! The core builds and sorts it (`analysis::coverage`); this view renders it and its controls.

use crate::components::export::{ExportButtons, ExportFormat};
use crate::components::format;
use crate::components::results::nav_link;
use crate::components::story::story_link;
use crate::components::title::{story_label_text, Title};
use crate::state::AppState;
use leptos::prelude::*;
use parallax_core::analysis::coverage::{
    coverage, CellState, ColumnKey, ColumnSort, Matrix, MatrixColumns, RowSort,
};
use parallax_core::display;
use parallax_core::export::matrix_csv;
use std::sync::Arc;

/// The page renders at most this many rows and columns (the export has them all): a table of
/// thousands of cells helps no one, and the filters narrow it.
const SHOWN_ROWS: usize = 80;
const SHOWN_COLUMNS: usize = 40;

fn choice_label(key: &str) -> &'static str {
    match key {
        "stories" => "stories",
        "dates" => "event dates",
        "coverage" => "most covered",
        "name" => "name",
        "first" => "carried first",
        "date" => "event date",
        _ => "other",
    }
}

#[component]
pub fn MatrixPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choice = Memo::new(move |_| state.with(|u| u.matrix));
    let matrix = Memo::new(move |_| {
        let c = choice.get();
        state.result.with(|result| {
            state.relations.with(|relations| {
                Arc::new(coverage(
                    relations,
                    state.data.reports(),
                    &result.matches,
                    c.columns,
                    c.rows,
                    c.cols,
                ))
            })
        })
    });
    let csv_matrix = matrix;
    let export = vec![ExportFormat::new("CSV", "matrix", "csv", move |source| {
        Ok(matrix_csv(
            source,
            &csv_matrix.get_untracked(),
            state.data.reports(),
        ))
    })];
    let select = |label: &'static str,
                  testid: &'static str,
                  keys: Vec<&'static str>,
                  current: std::sync::Arc<dyn Fn() -> &'static str + Send + Sync>,
                  set: Box<dyn Fn(&str) + Send + Sync>| {
        view! {
            <label>{label}
                // The value follows the URL (back and forward), not only the first render.
                <select data-testid=testid prop:value={ let current = current.clone(); move || current() } on:change=move |ev| set(&event_target_value(&ev))>
                    {keys.into_iter().map(|k| {
                        let selected = { let current = current.clone(); move || current() == k };
                        view! { <option value=k selected=selected>{choice_label(k)}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <section class="matrix-page" aria-labelledby="matrix-title" data-testid="matrix-page">
            <h2 id="matrix-title">"Coverage matrix"</h2>
            <p class="page-intro">{move || {
                let m = matrix.get();
                let rows = if m.by_source_file { "Source files (no report names its outlet)" } else { "Outlets" };
                let columns = if m.columns_kind == MatrixColumns::Stories { "stories" } else { "event dates" };
                format!("{rows} × {columns}, over {}. A cell says whether the outlet did its own reporting, copied another outlet's report, or is absent; ★ marks who carried it first.",
                    format::result_count(state.result.with(|r| r.matches.len()), state.data.reports().len()))
            }}</p>
            <div class="matrix-controls">
                {select("Columns", "matrix-columns", MatrixColumns::ALL.iter().map(|c| c.key()).collect(),
                    std::sync::Arc::new(move || choice.get().columns.key()),
                    Box::new(move |v| if let Some(c) = MatrixColumns::from_key(v) { state.navigate(|u| u.matrix.columns = c) }))}
                {select("Sort rows by", "matrix-rows", RowSort::ALL.iter().map(|c| c.key()).collect(),
                    std::sync::Arc::new(move || choice.get().rows.key()),
                    Box::new(move |v| if let Some(c) = RowSort::from_key(v) { state.navigate(|u| u.matrix.rows = c) }))}
                {select("Sort columns by", "matrix-cols", ColumnSort::ALL.iter().map(|c| c.key()).collect(),
                    std::sync::Arc::new(move || choice.get().cols.key()),
                    Box::new(move |v| if let Some(c) = ColumnSort::from_key(v) { state.navigate(|u| u.matrix.cols = c) }))}
            </div>
            <ExportButtons subject="the matrix" formats=export/>
            <p class="matrix-legend" aria-hidden="true">
                <span class="legend-own">"own reporting"</span>
                <span class="legend-copied">"copied"</span>
                <span>"blank: absent"</span>
            </p>
            {move || table(state, &matrix.get())}
        </section>
    }
}

fn table(state: AppState, m: &Matrix) -> AnyView {
    if m.rows.is_empty() || m.columns.is_empty() {
        return view! { <p class="empty" data-testid="matrix-empty">"No report the filters select belongs to a story or has an event date."</p> }.into_any();
    }
    let columns = m.columns.len().min(SHOWN_COLUMNS);
    let rows = m.rows.len().min(SHOWN_ROWS);
    let cut = (m.rows.len() > rows || m.columns.len() > columns).then(|| {
        format!("Showing {rows} of {} rows and {columns} of {} columns; the export holds them all, and the filters narrow them.", m.rows.len(), m.columns.len())
    });
    let head = m.columns[..columns].iter().map(|c| {
        let date = c.date.map(display::date);
        let label = match &c.key {
            ColumnKey::Story(s, id) => {
                // A story the thresholds made anew is named by its namer's title (its shard).
                let label = if c.label.is_empty() {
                    state.relations.with_untracked(|r| r.stories().get(*s as usize).map(|s| story_label_text(state.data, s))).unwrap_or_default()
                } else {
                    c.label.clone()
                };
                story_link(state, id.clone(), display::shorten(&label, 48), "matrix-story").into_any()
            }
            ColumnKey::Date(_) => view! { <span>{c.label.clone()}</span> }.into_any(),
        };
        view! { <th scope="col">{label}{date.filter(|_| matches!(c.key, ColumnKey::Story(..))).map(|d| view! { <br/><span class="meta">{d}</span> })}</th> }
    }).collect_view();
    let body = m.rows[..rows].iter().enumerate().map(|(r, row)| {
        let cells = (0..columns).map(|c| match m.cell(r, c) {
            None => view! { <td class="cell-absent" data-testid="matrix-cell" data-state="absent"><span class="visually-hidden">"absent"</span></td> }.into_any(),
            Some(cell) => {
                let class = match cell.state { CellState::Own => "cell-own", CellState::Copied => "cell-copied", CellState::Absent => "cell-absent" };
                let links = cell.reports.iter().map(|&i| {
                    let id = state.data.reports()[i as usize].id.clone();
                    view! { <li>{nav_link(state, move |u| { u.report = Some(id.clone()); u.paragraph = None; }, "", "matrix-report", view! { <Title report=i as usize max=40/> })}</li> }
                }).collect_view();
                view! {
                    <td class=class data-testid="matrix-cell" data-state=cell.state.label()>
                        <span class="cell-state">{cell.state.label()}{cell.first.then(|| view! { " " <span class="first-mark" title="carried it first">"★"<span class="visually-hidden">" carried it first"</span></span> })}</span>
                        <ul class="plain-list">{links}</ul>
                    </td>
                }.into_any()
            }
        }).collect_view();
        view! {
            <tr data-testid="matrix-row">
                <th scope="row">{row.name.clone()}{row.source_file.then_some(" (source file)")}
                    <br/><span class="meta">{format!("{} covered · {} own · {} copied", row.covered, row.own, row.copied)}</span></th>
                {cells}
            </tr>
        }
    }).collect_view();
    view! {
        {cut.map(|c| view! { <p class="hint" data-testid="matrix-cut">{c}</p> })}
        <div class="matrix-frame" tabindex="0" role="region" aria-label="Coverage matrix table">
            <table class="matrix" data-testid="matrix">
                <thead><tr><th scope="col">{if m.by_source_file { "Source file" } else { "Outlet" }}</th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }.into_any()
}
