//! The aligner's work, counted (`ingest::work`, on for these tests): the one-to-one search reads
//! each sentence of one side against each sentence of the other; looking for sentences split in
//! two or merged (two consecutive sentences against one) reads at most three times that again,
//! however alike the sentences are, and little more on ordinary text.

mod common;

use parallax_core::analysis::align::{align, report_sentences};
use parallax_core::analysis::text;
use parallax_core::ingest::work;
use parallax_core::model::{Paragraph, Report};

fn report(id: &str, sentences: &[String]) -> Report {
    Report {
        id: id.into(),
        paragraphs: vec![Paragraph {
            text: sentences.join(" "),
            ..Paragraph::default()
        }],
        ..Report::default()
    }
}

/// Words read by the one-to-one search: each left sentence's words once per right sentence, and
/// the other way round.
fn one_to_one_reads(l: &Report, r: &Report) -> u64 {
    let words = |rep: &Report| -> (u64, u64) {
        let s = report_sentences(rep);
        let total: usize = s.iter().map(|s| text::words(&s.text).len()).sum();
        (s.len() as u64, total as u64)
    };
    let ((n, wl), (m, wr)) = (words(l), words(r));
    m * wl + n * wr
}

fn align_work(l: &Report, r: &Report) -> u64 {
    work::take();
    let a = align(l, r);
    let w = work::take();
    assert!(!a.rows.is_empty());
    w
}

#[test]
fn alike_sentences_cost_at_most_four_times_the_one_to_one_search() {
    // Every sentence shares most of its words with every other: each part can join everywhere.
    for n in [10, 40] {
        let side = |variant: &str| -> Vec<String> {
            (0..n)
                .map(|i| {
                    format!(
                        "The harbour crews worked through the night to clear berth {i} {variant}."
                    )
                })
                .collect()
        };
        let (l, r) = (report("l", &side("again")), report("r", &side("today")));
        let (work, base) = (align_work(&l, &r), one_to_one_reads(&l, &r));
        assert!(
            work > base,
            "the joined search is counted: {work} vs {base}"
        );
        assert!(
            work <= 4 * base,
            "n = {n}: {work} words read, one to one {base}"
        );
    }
}

#[test]
fn ordinary_reports_cost_little_more_than_the_one_to_one_search() {
    let c = common::parse_dir(&common::repo_root().join("corpus"));
    let find = |p: &str| c.reports.iter().find(|r| r.file.starts_with(p)).unwrap();
    for (a, b) in [("001", "002"), ("002", "004"), ("000", "003")] {
        let (l, r) = (find(a), find(b));
        let (work, base) = (align_work(l, r), one_to_one_reads(l, r));
        assert!(
            work * 4 <= base * 5,
            "{a} {b}: {work} words read, one to one {base}"
        );
    }
}
