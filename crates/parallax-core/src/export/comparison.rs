//! A comparison (two reports side by side) as Markdown and JSON: both reports' facts, the
//! evidence of their pair, and the aligned rows with the words that differ.

use super::reports::{ExportedReport, ReportRow};
use super::{figure, one_line, ExportSource};
use crate::analysis::align::{AlignedRow, Alignment, DiffSpan, RowKind, RowShape, Sentence};
use crate::display;
use crate::model::{Pair, Relation, Report};
use serde::{Deserialize, Serialize};

/// The evidence of the pair, with figures rounded as every export writes them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportedPair {
    pub a: String,
    pub b: String,
    pub relation: Relation,
    pub why: String,
    pub jaccard: f64,
    pub containment_a_in_b: f64,
    pub containment_b_in_a: f64,
    pub longest_run: usize,
    pub shared_quotes: Vec<String>,
    pub stock_quotes: Vec<usize>,
    pub shared_people: Vec<String>,
    pub shared_places: Vec<String>,
    pub date_distance_days: Option<i64>,
}

/// One aligned row: the sentence on each side (absent on a one-sided row; two sentences joined
/// by a space on the side of a 1:2 or 2:1 row), and the words that differ on each side.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportedRow {
    pub kind: RowKind,
    /// One sentence a side, or two on one side: a sentence split in two or two merged.
    #[serde(default)]
    pub shape: RowShape,
    pub moved: bool,
    pub similarity: f64,
    pub left: Option<String>,
    pub right: Option<String>,
    pub left_changed: Vec<String>,
    pub right_changed: Vec<String>,
}

/// The JSON document of a comparison.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ComparisonExport {
    pub source: ExportSource,
    pub left: ExportedReport,
    pub right: ExportedReport,
    pub pair: ExportedPair,
    pub matched: usize,
    pub verbatim: usize,
    pub reworded: usize,
    pub moved: usize,
    /// Matched rows with two sentences on one side.
    #[serde(default)]
    pub split_or_merged: usize,
    pub rows: Vec<ExportedRow>,
}

fn exported_pair(p: &Pair) -> ExportedPair {
    ExportedPair {
        a: p.a.clone(),
        b: p.b.clone(),
        relation: p.relation,
        why: p.why.clone(),
        jaccard: figure(p.jaccard),
        containment_a_in_b: figure(p.containment_a_in_b),
        containment_b_in_a: figure(p.containment_b_in_a),
        longest_run: p.longest_run,
        shared_quotes: p.shared_quotes.clone(),
        stock_quotes: p.stock_quotes.clone(),
        shared_people: p.shared_people.clone(),
        shared_places: p.shared_places.clone(),
        date_distance_days: p.date_distance_days,
    }
}

fn changed(spans: &[DiffSpan]) -> Vec<String> {
    spans
        .iter()
        .filter(|s| s.changed && !s.text.trim().is_empty())
        .map(|s| s.text.trim().to_string())
        .collect()
}

/// The text of a row's sentences on one side, joined by a space; `None` for no sentence.
fn side_text(side: &[Sentence], range: std::ops::Range<usize>) -> Option<String> {
    let texts: Vec<&str> = range
        .filter_map(|i| side.get(i).map(|s| s.text.as_str()))
        .collect();
    (!texts.is_empty()).then(|| texts.join(" "))
}

fn rows(alignment: &Alignment) -> Vec<ExportedRow> {
    alignment
        .rows
        .iter()
        .map(|row| ExportedRow {
            kind: row.kind,
            shape: row.shape,
            moved: row.moved,
            similarity: figure(row.similarity),
            left: side_text(&alignment.left, row.left_sentences()),
            right: side_text(&alignment.right, row.right_sentences()),
            left_changed: changed(&row.left_diff),
            right_changed: changed(&row.right_diff),
        })
        .collect()
}

/// The comparison of `left` and `right` (their pair under the thresholds in force, and their
/// alignment) as a JSON document.
pub fn comparison_json(
    source: &ExportSource,
    left: ReportRow,
    right: ReportRow,
    pair: &Pair,
    alignment: &Alignment,
) -> ComparisonExport {
    let s = &alignment.summary;
    ComparisonExport {
        source: source.clone(),
        left: ExportedReport::new(&left),
        right: ExportedReport::new(&right),
        pair: exported_pair(pair),
        matched: s.matched,
        verbatim: s.verbatim,
        reworded: s.reworded,
        moved: s.moved,
        split_or_merged: s.split_or_merged,
        rows: rows(alignment),
    }
}

/// Markdown text: every character that could start markup (emphasis, links, HTML, tables,
/// headings, code) escaped with a backslash, control characters made spaces, on one line.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '{' | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A sentence with its changed words in bold (spaces kept outside the markers, so they render).
fn md_diff(spans: &[DiffSpan], whole: Option<&str>) -> String {
    if spans.is_empty() {
        return whole.map(md).unwrap_or_default();
    }
    let mut out = String::new();
    for span in spans {
        let text = md(&span.text);
        let trimmed = text.trim();
        if span.changed && !trimmed.is_empty() {
            let lead = &text[..text.len() - text.trim_start().len()];
            let tail = &text[text.trim_end().len()..];
            out.push_str(&format!("{lead}**{trimmed}**{tail}"));
        } else {
            out.push_str(&text);
        }
    }
    out
}

fn row_label(row: &AlignedRow) -> String {
    let mut label = match row.kind {
        RowKind::Verbatim => "verbatim".to_string(),
        RowKind::Reworded => format!("reworded ({:.2})", row.similarity),
        RowKind::LeftOnly => "left only".to_string(),
        RowKind::RightOnly => "right only".to_string(),
    };
    match row.shape {
        RowShape::OneToOne => {}
        RowShape::TwoToOne => label += ", merged into one on the right",
        RowShape::OneToTwo => label += ", split in two on the right",
    }
    if row.moved {
        label += ", moved";
    }
    label
}

/// One side of a row: each sentence with its changed words in bold, joined by a space.
fn md_side(sentences: &[Sentence], pieces: Vec<(usize, &[DiffSpan])>) -> String {
    pieces
        .into_iter()
        .map(|(i, diff)| md_diff(diff, sentences.get(i).map(|s| s.text.as_str())))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The comparison as Markdown: the two reports' facts, the evidence, the aligned rows (changed
/// words in bold).
pub fn comparison_markdown(
    source: &ExportSource,
    left: &Report,
    right: &Report,
    pair: &Pair,
    alignment: &Alignment,
) -> String {
    let mut out = format!("# {} / {}\n\n", md(&left.title), md(&right.title));
    out += &source.lines("comparison", "- ");
    out += "\n| | Left | Right |\n|---|---|---|\n";
    let fact = |label: &str, f: &dyn Fn(&Report) -> String| {
        format!("| {label} | {} | {} |\n", md(&f(left)), md(&f(right)))
    };
    out += &fact("Report", &|r| r.id.clone());
    out += &fact("Title", &|r| r.title.clone());
    out += &fact("Outlet", &display::outlet_with_basis);
    out += &fact("Published", &|r| {
        display::date_with_basis(r.published, r.published_basis)
    });
    out += &fact("Event date", &|r| {
        display::date_with_basis(r.event_date, r.event_date_basis)
    });
    out += &fact("File", &|r| format!("{}, line {}", r.file, r.line));

    out += "\n## Evidence\n\n";
    out += &format!(
        "- Relation: {} ({})\n",
        pair.relation.label(),
        md(&pair.why)
    );
    let (a_in_b, b_in_a) = if pair.a == left.id {
        (pair.containment_a_in_b, pair.containment_b_in_a)
    } else {
        (pair.containment_b_in_a, pair.containment_a_in_b)
    };
    out += &format!(
        "- Jaccard {:.2}; left in right {:.2}; right in left {:.2}; longest shared run {} words\n",
        pair.jaccard, a_in_b, b_in_a, pair.longest_run
    );
    if let Some(days) = pair.date_distance_days {
        out += &format!("- Event dates {days} days apart\n");
    }
    for (i, quote) in pair.shared_quotes.iter().enumerate() {
        let stock = if pair.stock_quotes.contains(&i) {
            " (a stock line)"
        } else {
            ""
        };
        out += &format!("- Shared quote: “{}”{stock}\n", md(quote));
    }
    if !pair.shared_people.is_empty() {
        out += &format!("- Shared people: {}\n", md(&pair.shared_people.join(", ")));
    }
    if !pair.shared_places.is_empty() {
        out += &format!("- Shared places: {}\n", md(&pair.shared_places.join(", ")));
    }

    let s = &alignment.summary;
    out += &format!(
        "\n## Aligned sentences\n\n{} of {} left and {} of {} right sentences matched in {}: {} verbatim, {} reworded, {} moved, {} split or merged.\n\n",
        s.left_matched, s.left_sentences, s.right_matched, s.right_sentences, display::count(s.matched, "row", "rows"), s.verbatim, s.reworded, s.moved, s.split_or_merged
    );
    out += "| Left | Right | Row |\n|---|---|---|\n";
    for row in &alignment.rows {
        out += &format!(
            "| {} | {} | {} |\n",
            md_side(&alignment.left, row.left_pieces()),
            md_side(&alignment.right, row.right_pieces()),
            row_label(row)
        );
    }
    out
}
