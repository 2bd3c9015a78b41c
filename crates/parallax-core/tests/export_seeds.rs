//! The exports of the bundled seeds, read back: every file names its source, and its records
//! are what the analysis holds (the same reports, printings and matrix cells).

mod common;

use parallax_core::analysis::coverage::{coverage, ColumnSort, MatrixColumns, RowSort};
use parallax_core::analysis::relations::{RegroupablePairs, Relations};
use parallax_core::analysis::Thresholds;
use parallax_core::export::{ledger_csv, matrix_csv, reports_csv, ExportSource, ReportRow};
use parallax_core::QuoteEntry;

fn source() -> ExportSource {
    ExportSource {
        corpus_build: "catalogue-00000000000000aa.postcard".into(),
        view_url: "http://127.0.0.1/parallax/?view=ledger".into(),
    }
}

/// The records of a CSV export (its `#` lines skipped), header first.
fn records(text: &str) -> Vec<Vec<String>> {
    let body: String = text
        .split_inclusive('\n')
        .filter(|l| !l.starts_with('#'))
        .collect();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn the_ledger_csv_has_one_record_per_printing_with_its_change() {
    let c = common::parse_dir(&common::repo_root().join("corpus"));
    let entries: Vec<&QuoteEntry> = c.quotes.iter().collect();
    let text = ledger_csv(&source(), &entries);
    assert!(text.starts_with(
        "# Parallax export: quote ledger\n# Corpus build: catalogue-00000000000000aa.postcard\n"
    ));
    let table = records(&text);
    let printings: usize = c.quotes.iter().map(|e| e.occurrences.len()).sum();
    assert_eq!(
        table.len(),
        printings + 1,
        "a header and one record per printing"
    );
    let column = |name: &str| table[0].iter().position(|h| h == name).unwrap();
    let (quote, report, printing) = (column("quote"), column("report"), column("printing"));
    // Miller's "shared interest" quote: printed by 001, 002 and 004, the last with words
    // substituted (analysis_seeds.rs checks the words).
    let shared: Vec<&Vec<String>> = table[1..]
        .iter()
        .filter(|r| r[quote].contains("shared interest in combating threats"))
        .collect();
    let mut kinds: Vec<(String, String)> = shared
        .iter()
        .map(|r| (r[report][..3].to_string(), r[printing].clone()))
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            ("001", "verbatim"),
            ("002", "verbatim"),
            ("004", "substituted")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let substituted = shared
        .iter()
        .find(|r| r[printing] == "substituted")
        .unwrap();
    assert!(!substituted[column("changed_words")].is_empty());
}

#[test]
fn the_matrix_csv_has_the_matrix_cells_and_the_list_csv_its_reports() {
    let c = common::parse_dir(&common::repo_root().join("corpus"));
    let all = RegroupablePairs::new(&c.reports, &c.pairs, &c.evidence);
    let relations = Relations::new(&c.reports, &all, &Thresholds::default());
    let every: Vec<usize> = (0..c.reports.len()).collect();
    let m = coverage(
        &relations,
        &c.reports,
        &every,
        MatrixColumns::Stories,
        RowSort::Coverage,
        ColumnSort::Date,
    );
    let text = matrix_csv(&source(), &m, &c.reports);
    assert!(text.starts_with(
        "# Parallax export: coverage matrix (no report names its outlet: rows are source files)\n"
    ));
    let table = records(&text);
    assert_eq!(table.len(), m.rows.len() + 1);
    assert_eq!(table[0].len(), 6 + m.columns.len());
    // The one story's two reports, each its own file's own reporting.
    let story = &relations.stories()[0];
    for (r, row) in table[1..].iter().enumerate() {
        assert_eq!(row[0], m.rows[r].name);
        let cell = &row[6];
        let id = story.reports.iter().find(|id| cell.contains(id.as_str()));
        assert!(id.is_some() && cell.starts_with("own reporting"), "{cell}");
    }

    let rows: Vec<ReportRow> = (0..c.reports.len())
        .map(|i| ReportRow {
            report: &c.reports[i],
            title: &c.reports[i].title,
            story: relations.story_of(i),
            near_duplicates: vec![],
        })
        .collect();
    let list = records(&reports_csv(&source(), "6 reports", &rows));
    let ids: Vec<&str> = list[1..].iter().map(|r| r[0].as_str()).collect();
    let expected: Vec<&str> = c.reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, expected);
    let stories: Vec<&str> = list[1..]
        .iter()
        .map(|r| r[15].as_str())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(stories, [story.id.as_str(), story.id.as_str()]);
}
