//! The quote ledger (the entries the page lists) as CSV: one row per printing, so each report
//! that carries a quote, and how its printing differs from the first, is a record of its own.

use super::{CsvTable, ExportSource};
use crate::model::QuoteEntry;
use crate::query::{carried_by, changed_pieces};

const COLUMNS: [&str; 12] = [
    "quote_id",
    "speaker",
    "quote",
    "first_report",
    "first_date",
    "reports_carrying",
    "report",
    "paragraph",
    "printing",
    "printed_text",
    "changed_words",
    "lacks_words",
];

/// `entries` as CSV. `printing` is `verbatim`, `trimmed`, `extended` or `substituted` (or
/// `altered` when the kind could not be told); `changed_words` the printing's words that differ
/// from the first printing, and `lacks_words` the first printing's words this one lacks, each
/// joined with " | ".
pub fn ledger_csv(source: &ExportSource, entries: &[&QuoteEntry]) -> String {
    let mut table = CsvTable::new("quote ledger", source, &COLUMNS);
    for e in entries {
        let carried = carried_by(e).to_string();
        for o in &e.occurrences {
            let printing = match o.change {
                _ if o.verbatim => "verbatim",
                Some(change) => change.label(),
                None => "altered",
            };
            let words = |text: &str, ranges| -> String {
                changed_pieces(text, ranges)
                    .into_iter()
                    .filter(|(_, changed)| *changed)
                    .map(|(text, _)| text.trim())
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            table.row([
                e.id.clone(),
                e.speaker.clone().unwrap_or_default(),
                e.text.clone(),
                e.first_report.clone().unwrap_or_default(),
                e.first_date.map(|d| d.to_string()).unwrap_or_default(),
                carried.clone(),
                o.report.clone(),
                o.paragraph.to_string(),
                printing.to_string(),
                o.text.clone(),
                words(&o.text, &o.changed),
                words(&e.text, &o.entry_changed),
            ]);
        }
    }
    table.finish()
}
