//! Exports: what a view shows, as files a reader downloads (CSV, JSON, Markdown). Pure: the page
//! makes the bytes and offers them as a download; nothing is uploaded.
//!
//! Every file says where it came from — the corpus build (the catalogue's content-hashed name)
//! and the view's URL — so the result can be reproduced: CSV and Markdown in leading lines, JSON
//! in its `source` field. JSON documents are plain serde structs: the page serialises them
//! through serde-wasm-bindgen, the CLI and the tests through serde_json, with the field names
//! and values of `parallax inspect --json`.

mod comparison;
mod csv_text;
mod ledger;
mod matrix;
mod reports;

pub use comparison::{comparison_json, comparison_markdown, ComparisonExport, ExportedRow};
pub use csv_text::CsvTable;
pub use ledger::ledger_csv;
pub use matrix::matrix_csv;
pub use reports::{
    report_row, reports_csv, reports_json, ExportedReport, ReportRow, ReportsExport,
};

use serde::{Deserialize, Serialize};

/// Where an export comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportSource {
    /// The corpus build: the catalogue's file name, which holds the hash of its bytes.
    pub corpus_build: String,
    /// The view's shareable URL.
    pub view_url: String,
}

impl ExportSource {
    /// The lines that open a CSV or Markdown export, each starting with `prefix`.
    fn lines(&self, what: &str, prefix: &str) -> String {
        format!(
            "{prefix}Parallax export: {what}\n{prefix}Corpus build: {}\n{prefix}View: {}\n",
            one_line(&self.corpus_build),
            one_line(&self.view_url)
        )
    }
}

/// `s` on one line: line breaks and other control characters become spaces, so a value cannot
/// start a line of its own in a file that is read line by line.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A file name for an export: `parallax-<what>-<build hash>.<ext>`, from the catalogue's name
/// (`catalogue-<hash>.postcard`); only ASCII letters, digits and dashes.
pub fn file_name(what: &str, source: &ExportSource, extension: &str) -> String {
    let build = source
        .corpus_build
        .trim_start_matches("catalogue-")
        .trim_end_matches(".postcard");
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .take(40)
            .collect()
    };
    let build = clean(build);
    if build.is_empty() {
        format!("parallax-{}.{}", clean(what), clean(extension))
    } else {
        format!("parallax-{}-{build}.{}", clean(what), clean(extension))
    }
}

/// A figure rounded to four decimals, as every export writes it: the same number whichever
/// serialiser writes it (an f32 through JavaScript would print its binary expansion).
pub fn figure(x: f32) -> f64 {
    (f64::from(x) * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests;
