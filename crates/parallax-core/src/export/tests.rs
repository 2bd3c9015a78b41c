use super::*;
use crate::analysis::align::align;
use crate::model::{Pair, Paragraph, ParagraphKind, Relation, Report, Story};

fn source() -> ExportSource {
    ExportSource {
        corpus_build: "catalogue-0123456789abcdef.postcard".into(),
        view_url: "https://example.org/parallax/?q=miller".into(),
    }
}

fn report(id: &str, title: &str, text: &str) -> Report {
    Report {
        id: id.into(),
        file: format!("{id}.txt"),
        title: title.into(),
        outlet: Some("The Courier".into()),
        people: vec!["Ana Ortiz".into(), "Li Wei".into()],
        paragraphs: vec![Paragraph {
            kind: ParagraphKind::Text,
            text: text.into(),
            ..Paragraph::default()
        }],
        ..Report::default()
    }
}

fn records(csv_text: &str) -> Vec<Vec<String>> {
    let body: String = csv_text
        .split_inclusive('\n')
        .filter(|l| !l.starts_with('#'))
        .collect();
    csv::Reader::from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_says_where_it_comes_from_and_reads_back_whatever_the_text_holds() {
    let awkward = report("a#0", "Quotes \"inside\", commas, and\na line break", "x");
    let formula = report("b#0", "=HYPERLINK(\"http://evil\")", "y");
    let story = Story {
        id: "s1".into(),
        label: "Port talks".into(),
        ..Story::default()
    };
    let rows = [
        ReportRow {
            report: &awkward,
            title: &awkward.title,
            story: Some(&story),
            near_duplicates: vec!["b#0".into()],
        },
        ReportRow {
            report: &formula,
            title: &formula.title,
            story: None,
            near_duplicates: vec![],
        },
    ];
    let text = reports_csv(&source(), "2 reports", &rows);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("# Parallax export: reports (2 reports)"));
    assert_eq!(
        lines.next(),
        Some("# Corpus build: catalogue-0123456789abcdef.postcard")
    );
    assert_eq!(
        lines.next(),
        Some("# View: https://example.org/parallax/?q=miller")
    );
    let table = records(&text);
    assert_eq!(table.len(), 2, "two records under the header");
    assert_eq!(table[0][0], "a#0");
    assert_eq!(
        table[0][1], awkward.title,
        "quotes, commas and line breaks survive"
    );
    assert_eq!(table[0][13], "Ana Ortiz; Li Wei");
    assert_eq!(table[0][15], "s1");
    assert_eq!(table[0][17], "b#0");
    assert_eq!(
        table[1][1], "'=HYPERLINK(\"http://evil\")",
        "a formula is defused"
    );
}

#[test]
fn a_view_url_cannot_break_out_of_its_comment_line() {
    let mut s = source();
    s.view_url = "https://x/?q=a\nid,title\n=1+1".into();
    let text = reports_csv(&s, "0 reports", &[]);
    assert_eq!(
        text.lines().filter(|l| !l.starts_with('#')).count(),
        1,
        "{text}"
    );
}

#[test]
fn json_carries_the_fields_and_relations() {
    let a = report("a#0", "Title A", "x");
    let doc = reports_json(
        &source(),
        "1 report",
        &[ReportRow {
            report: &a,
            title: &a.title,
            story: None,
            near_duplicates: vec!["c#1".into()],
        }],
    );
    let value = serde_json::to_value(&doc).unwrap();
    assert_eq!(
        value["source"]["corpus_build"],
        "catalogue-0123456789abcdef.postcard"
    );
    assert_eq!(value["reports"][0]["id"], "a#0");
    assert_eq!(value["reports"][0]["outlet"], "The Courier");
    assert_eq!(value["reports"][0]["near_duplicates"][0], "c#1");
    assert_eq!(value["reports"][0]["story"], serde_json::Value::Null);
}

#[test]
fn file_names_hold_the_build_and_nothing_unsafe() {
    assert_eq!(
        file_name("reports", &source(), "csv"),
        "parallax-reports-0123456789abcdef.csv"
    );
    let odd = ExportSource {
        corpus_build: "../../etc/passwd".into(),
        view_url: String::new(),
    };
    assert_eq!(
        file_name("ledger", &odd, "csv"),
        "parallax-ledger-etcpasswd.csv"
    );
}

fn compared() -> (Report, Report, Pair) {
    let left = report(
        "left#0",
        "Ministers meet | agree *nothing*",
        "The ministers met in Lisbon on Monday. They agreed to meet again. Talks were cordial.",
    );
    let right = report(
        "right#0",
        "Ministers meet again",
        "The ministers met in Lisbon on Tuesday. They agreed to meet again. A new line <b>here</b>.",
    );
    let pair = Pair {
        a: "left#0".into(),
        b: "right#0".into(),
        relation: Relation::SameStory,
        jaccard: 0.3,
        containment_a_in_b: 0.6,
        containment_b_in_a: 0.45,
        longest_run: 7,
        shared_quotes: vec!["they agreed".into()],
        why: "shares a quote".into(),
        ..Pair::default()
    };
    (left, right, pair)
}

#[test]
fn comparison_markdown_escapes_markup_and_marks_changed_words() {
    let (left, right, pair) = compared();
    let alignment = align(&left, &right);
    let md = comparison_markdown(&source(), &left, &right, &pair, &alignment);
    assert!(
        md.starts_with("# Ministers meet \\| agree \\*nothing\\* / Ministers meet again\n"),
        "{md}"
    );
    assert!(md.contains("- Corpus build: catalogue-0123456789abcdef.postcard\n"));
    assert!(md.contains("- Relation: same story (shares a quote)"));
    assert!(md.contains("left in right 0.60; right in left 0.45"));
    assert!(md.contains("**Monday**"), "the changed word is bold: {md}");
    assert!(md.contains("\\<b\\>here\\</b\\>"), "HTML is escaped: {md}");
    // Every table row has its three cells: no text broke the table.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let bars = line
            .char_indices()
            .filter(|&(i, c)| c == '|' && !line[..i].ends_with('\\'))
            .count();
        assert_eq!(bars, 4, "{line}");
    }
}

#[test]
fn comparison_json_holds_the_rows_and_rounded_figures() {
    let (left, right, pair) = compared();
    let alignment = align(&left, &right);
    let doc = comparison_json(
        &source(),
        ReportRow {
            report: &left,
            title: &left.title,
            story: None,
            near_duplicates: vec![],
        },
        ReportRow {
            report: &right,
            title: &right.title,
            story: None,
            near_duplicates: vec![],
        },
        &pair,
        &alignment,
    );
    assert_eq!(doc.rows.len(), alignment.rows.len());
    assert_eq!(
        doc.pair.jaccard, 0.3,
        "f32 0.3 written as 0.3, not 0.30000001192092896"
    );
    let reworded = doc
        .rows
        .iter()
        .find(|r| r.left_changed == ["Monday."] || r.left_changed == ["Monday"]);
    assert!(reworded.is_some(), "{:?}", doc.rows);
    assert_eq!(doc.matched, alignment.summary.matched);
}

#[test]
fn a_sentence_split_in_two_exports_as_one_row_with_both_sentences() {
    let wire = report(
        "wire#0",
        "Warehouse fire",
        "Firefighters battled the warehouse blaze for six hours before bringing it under control late on Tuesday, a fire service spokeswoman said.",
    );
    let tabloid = report(
        "tabloid#0",
        "Inferno!",
        "Firefighters battled the warehouse blaze for six long hours. They brought it under control late on Tuesday, a fire service spokeswoman said.",
    );
    let alignment = align(&wire, &tabloid);
    let pair = Pair {
        a: "wire#0".into(),
        b: "tabloid#0".into(),
        ..Pair::default()
    };
    fn row(report: &Report) -> ReportRow<'_> {
        ReportRow {
            report,
            title: &report.title,
            story: None,
            near_duplicates: vec![],
        }
    }
    let doc = comparison_json(&source(), row(&wire), row(&tabloid), &pair, &alignment);
    assert_eq!(doc.rows.len(), 1);
    assert_eq!(
        doc.rows[0].shape,
        crate::analysis::align::RowShape::OneToTwo
    );
    assert_eq!(
        doc.rows[0].right.as_deref(),
        Some(tabloid.paragraphs[0].text.as_str())
    );
    assert_eq!(doc.split_or_merged, 1);
    let md = comparison_markdown(&source(), &wire, &tabloid, &pair, &alignment);
    assert!(
        md.contains("six **long** hours**.** **They brought** it under control"),
        "the two sentences, a space between them: {md}"
    );
    assert!(md.contains("split in two on the right"), "{md}");
    assert!(
        md.contains("1 of 1 left and 2 of 2 right sentences matched in 1 row:"),
        "{md}"
    );
}
