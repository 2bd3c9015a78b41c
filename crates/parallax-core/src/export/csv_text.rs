//! CSV as RFC 4180 writes it (the `csv` crate), with the export's source in leading `#` lines
//! (pandas: `comment="#"`; R: `comment.char = "#"`).

use super::ExportSource;

/// A CSV document being written: a header row, then records.
pub struct CsvTable {
    out: String,
    writer: csv::Writer<Vec<u8>>,
}

impl CsvTable {
    /// A table of `what` from `source`, with these column names.
    pub fn new(what: &str, source: &ExportSource, header: &[&str]) -> CsvTable {
        let mut table = CsvTable {
            out: source.lines(what, "# "),
            writer: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new()),
        };
        table.row(header.iter().map(|h| h.to_string()));
        table
    }

    /// One record. A cell that a spreadsheet would run as a formula (it starts with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return) is written after a `'`, as OWASP advises: these
    /// are scraped texts, and opening an export must never run one.
    pub fn row(&mut self, cells: impl IntoIterator<Item = String>) {
        let record: Vec<String> = cells.into_iter().map(defuse).collect();
        // Writing into a Vec cannot fail.
        let _ = self.writer.write_record(&record);
    }

    /// The whole document.
    pub fn finish(self) -> String {
        let bytes = self.writer.into_inner().unwrap_or_default();
        self.out + &String::from_utf8_lossy(&bytes)
    }
}

fn defuse(cell: String) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell,
    }
}
