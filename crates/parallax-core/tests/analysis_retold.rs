//! Alignment and the quote ledger on a corpus written for them (tests/analysis_corpora/retold),
//! parsed by the real parser, in styles other than the seeds': a wire story and a tabloid
//! rewrite that splits one of its sentences in two and merges two into one, a press release and
//! a newspaper's trim of it, and two foreign outlets' English editions quoting with „…” and
//! « … ». Reports are found by file, never by title or name.

mod common;

use parallax_core::analysis::align::{align, AlignedRow, Alignment, RowKind, RowShape};
use parallax_core::display::marks::{paragraph_marks, MarkKind};
use parallax_core::{Corpus, QuoteChange, QuoteEntry, Report};

fn corpus() -> Corpus {
    common::parse_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/analysis_corpora/retold"),
    )
}

fn report<'a>(c: &'a Corpus, file_prefix: &str) -> &'a Report {
    c.reports
        .iter()
        .find(|r| r.file.starts_with(file_prefix))
        .expect(file_prefix)
}

/// The row holding left sentence `i` (0-based).
fn row_of_left(a: &Alignment, i: usize) -> &AlignedRow {
    a.rows
        .iter()
        .find(|r| r.left_sentences().contains(&i))
        .expect("a row")
}

/// The changed words of each sentence of a row's side, in order.
fn changed(pieces: Vec<(usize, &[parallax_core::analysis::align::DiffSpan])>) -> Vec<Vec<&str>> {
    pieces
        .into_iter()
        .map(|(_, spans)| {
            spans
                .iter()
                .filter(|s| s.changed)
                .map(|s| s.text.as_str())
                .collect()
        })
        .collect()
}

#[test]
fn the_tabloid_splits_the_wires_opening_in_two_and_merges_two_sentences() {
    let c = corpus();
    let (wire, tabloid) = (report(&c, "a_"), report(&c, "b_"));
    let a = align(wire, tabloid);

    // The wire's first sentence is the tabloid's first two.
    let split = row_of_left(&a, 0);
    assert_eq!(split.shape, RowShape::OneToTwo);
    assert_eq!(
        (split.left_sentences(), split.right_sentences()),
        (0..1, 0..2)
    );
    assert_eq!(split.kind, RowKind::Reworded);
    assert_eq!(changed(split.left_pieces()), [vec!["in protest"]]);
    assert_eq!(
        changed(split.right_pieces()),
        [vec!["."], vec!["They were protesting"]]
    );

    // The wire's third and fourth sentences are one tabloid sentence.
    let merged = row_of_left(&a, 2);
    assert_eq!(merged.shape, RowShape::TwoToOne);
    assert_eq!(
        (merged.left_sentences(), merged.right_sentences()),
        (2..4, 3..4)
    );
    assert_eq!(
        changed(merged.left_pieces()),
        [vec!["."], vec!["continued"]]
    );
    assert_eq!(changed(merged.right_pieces()), [vec![", and", "went on"]]);
    assert!(merged.similarity > 0.9, "{}", merged.similarity);

    let s = &a.summary;
    assert_eq!((s.matched, s.split_or_merged), (4, 2));
    assert_eq!((s.left_matched, s.right_matched), (5, 5));
    // Each report's own line stays unique.
    assert_eq!(
        (a.left_only.as_slice(), a.right_only.as_slice()),
        (&[5][..], &[5][..])
    );
}

#[test]
fn swapping_the_sides_turns_a_split_into_a_merge() {
    let c = corpus();
    let (wire, tabloid) = (report(&c, "a_"), report(&c, "b_"));
    let (ab, ba) = (align(wire, tabloid), align(tabloid, wire));
    let shapes = |a: &Alignment| -> Vec<(RowShape, usize, usize)> {
        let mut v: Vec<_> = a
            .rows
            .iter()
            .filter(|r| r.shape != RowShape::OneToOne)
            .map(|r| (r.shape, r.left.unwrap(), r.right.unwrap()))
            .collect();
        v.sort_by_key(|t| (t.1, t.2));
        v
    };
    assert_eq!(
        shapes(&ab),
        [(RowShape::OneToTwo, 0, 0), (RowShape::TwoToOne, 2, 3)]
    );
    assert_eq!(
        shapes(&ba),
        [(RowShape::TwoToOne, 0, 0), (RowShape::OneToTwo, 3, 2)]
    );
}

#[test]
fn the_paper_merges_the_releases_opening_and_keeps_the_rest_one_to_one() {
    let c = corpus();
    let a = align(report(&c, "c_"), report(&c, "d_"));
    let opening = row_of_left(&a, 0);
    assert_eq!(opening.shape, RowShape::TwoToOne);
    assert_eq!(
        (opening.left_sentences(), opening.right_sentences()),
        (0..2, 0..1)
    );
    assert_eq!(
        a.rows
            .iter()
            .filter(|r| r.shape != RowShape::OneToOne)
            .count(),
        1
    );
    // The release's boilerplate the paper left out is unique.
    assert!(a.left_only.len() >= 2, "{:?}", a.left_only);
    assert!(a.right_only.is_empty());
}

/// The ledger entry whose first printing holds `words`.
fn entry<'a>(c: &'a Corpus, words: &str) -> &'a QuoteEntry {
    c.quotes
        .iter()
        .find(|e| e.text.contains(words))
        .unwrap_or_else(|| panic!("an entry with {words:?}"))
}

/// An occurrence as the tests see it: its report's file prefix, its change, its differing words,
/// and the entry's words it lacks.
type Seen = (String, Option<QuoteChange>, Vec<String>, Vec<String>);

/// Each occurrence of an entry, as [`Seen`].
fn changes(c: &Corpus, e: &QuoteEntry) -> Vec<Seen> {
    e.occurrences
        .iter()
        .map(|o| {
            let file = report_by_id(c, &o.report).file.clone();
            (
                file[..2].to_string(),
                o.change,
                o.changed
                    .iter()
                    .map(|r| o.text[r.range()].to_string())
                    .collect(),
                o.entry_changed
                    .iter()
                    .map(|r| e.text[r.range()].to_string())
                    .collect(),
            )
        })
        .collect()
}

fn report_by_id<'a>(c: &'a Corpus, id: &str) -> &'a Report {
    c.reports.iter().find(|r| r.id == id).expect("report")
}

#[test]
fn each_printing_of_a_quote_is_verbatim_trimmed_extended_or_substituted() {
    let c = corpus();
    let s = |x: &str| x.to_string();
    let union_leader = entry(&c, "machines take the jobs");
    assert_eq!(
        changes(&c, union_leader),
        [
            (s("a_"), None, vec![], vec![]),
            // A part cut from the quote.
            (
                s("b_"),
                Some(QuoteChange::Trimmed),
                vec![],
                vec![s("our members have done for forty years")]
            ),
            // Guillemets instead of straight quotes: the same words.
            (s("f_"), None, vec![], vec![]),
        ]
    );
    let spokesman = entry(&c, "Nobody wants a long dispute");
    assert_eq!(
        changes(&c, spokesman),
        [
            (s("a_"), None, vec![], vec![]),
            (
                s("b_"),
                Some(QuoteChange::Substituted),
                vec![s("dockers")],
                vec![s("union")]
            ),
            // Printed with „…” and more words than the first printing.
            (
                s("e_"),
                Some(QuoteChange::Extended),
                vec![s("with or without a mediator")],
                vec![]
            ),
        ]
    );
    let chief = entry(&c, "Our engineers worked around the clock");
    assert_eq!(
        changes(&c, chief),
        [
            (s("c_"), None, vec![], vec![]),
            // Words dropped inside the quote.
            (
                s("d_"),
                Some(QuoteChange::Trimmed),
                vec![],
                vec![s("and northern")]
            ),
        ]
    );
    for e in &c.quotes {
        for o in &e.occurrences {
            assert_eq!(o.verbatim, o.change.is_none());
        }
    }
}

#[test]
fn quotes_and_their_printings_are_where_the_model_says() {
    let c = corpus();
    for r in &c.reports {
        for q in &r.quotes {
            let parts: Vec<&str> = q
                .parts()
                .map(|p| &r.paragraphs[p.paragraph].text[p.start..p.end])
                .collect();
            assert_eq!(parts.join(" "), q.text, "{}", r.id);
        }
    }
    for e in &c.quotes {
        for o in &e.occurrences {
            let r = report_by_id(&c, &o.report);
            let q = &r.quotes[o.quote];
            assert_eq!(&q.text[o.start..o.end], o.text);
            let printed: Vec<&str> = q
                .printed(o.start..o.end)
                .iter()
                .map(|p| &r.paragraphs[p.paragraph].text[p.start..p.end])
                .collect();
            assert_eq!(printed.join(" "), o.text);
        }
    }
    // The reader marks the guillemets' words, not the marks, and nothing else.
    let belgian = report(&c, "f_");
    let (index, _) = belgian
        .paragraphs
        .iter()
        .enumerate()
        .find(|(_, p)| p.text.starts_with('«'))
        .expect("the quoted paragraph");
    let marks = paragraph_marks(belgian, index, vec![], None);
    let text = &belgian.paragraphs[index].text;
    let marked: Vec<(MarkKind, &str)> = marks
        .iter()
        .map(|m| (m.kind, &text[m.range.clone()]))
        .collect();
    assert_eq!(
        marked,
        [(
            MarkKind::Quote,
            "We will not stand by while machines take the jobs our members have done for forty years"
        )]
    );
}
