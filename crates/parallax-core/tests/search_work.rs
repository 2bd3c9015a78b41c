//! A keystroke's search work follows the postings of the words typed, not the corpus's text:
//! counted (`ingest::work`: dictionary look-ups, postings read, candidate text confirmed), not
//! timed. The same few reports about water sharing sit in a corpus whose other text grows
//! 8-fold in reports and 8-fold in length; typing the query letter by letter must cost the
//! same, but for the facets' passes over words of 64 reports, which grow with the reports.

use parallax_core::ingest::work;
use parallax_core::model::{Corpus, Paragraph, Report};
use parallax_core::query::{Query, QueryIndex};

/// Filler words: none starts with a letter of "water sharing" ('w', 'a', 't', 'e', 'r', 's',
/// 'h', 'i', 'n', 'g'), so the postings of what is typed do not grow with them.
const FILLER: &[&str] = &[
    "budget", "council", "deputy", "finance", "journal", "kilo", "labour", "member", "office",
    "policy", "quorum", "vote", "youth", "zone", "border", "cabinet", "debate", "port",
];

fn report(id: usize, body: String) -> Report {
    Report {
        id: format!("r{id}"),
        title: format!("Report {id}"),
        paragraphs: vec![Paragraph {
            text: body,
            ..Paragraph::default()
        }],
        ..Report::default()
    }
}

/// 20 reports on water sharing among `others` reports of `words` filler words each.
fn corpus(others: usize, words: usize) -> Corpus {
    let mut reports: Vec<Report> = (0..20)
        .map(|i| report(i, "Water sharing talks: \"water sharing\" is back.".into()))
        .collect();
    for i in 0..others {
        let body: Vec<&str> = (0..words)
            .map(|k| FILLER[(i * 7 + k * 13 + k / 5) % FILLER.len()])
            .collect();
        reports.push(report(20 + i, body.join(" ")));
    }
    Corpus {
        reports,
        ..Corpus::default()
    }
}

/// Passes over the words of a query's bits that the facets make at most per query.
const BITS_PASSES: u64 = 8;

/// The work of typing `text` letter by letter, one query per keystroke.
fn typing_work(index: &QueryIndex, text: &str) -> u64 {
    work::take();
    let mut found = 0;
    for end in (1..=text.len()).filter(|&e| text.is_char_boundary(e)) {
        let query = Query {
            text: text[..end].into(),
            ..Query::default()
        };
        found = index.run(&query, index.default_duplicates()).matches.len();
    }
    assert_eq!(found, 20, "{text}");
    work::take()
}

#[test]
fn keystroke_work_does_not_grow_with_the_corpus_text() {
    let small = QueryIndex::new(&corpus(100, 50));
    let large = QueryIndex::new(&corpus(800, 400));
    // The one-time build of the inverted index is not a keystroke's work.
    small.prepare_search();
    large.prepare_search();
    for text in ["water sharing", "\"water sharing\""] {
        let (ws, wl) = (typing_work(&small, text), typing_work(&large, text));
        eprintln!("{text}: {ws} → {wl} steps");
        assert!(ws > 0, "no work counted (is the work-count feature on?)");
        // 64 times the text; the dictionary look-ups grow by a few steps at most. The facets
        // make a few passes over words of 64 reports per keystroke (`query/bitsets.rs`, counted
        // too): that grows with the reports, not their text, and is allowed for here.
        let keystrokes = text.chars().count() as u64;
        let more_words = (large.len().div_ceil(64) - small.len().div_ceil(64)) as u64;
        let facet_passes = keystrokes * BITS_PASSES * more_words;
        assert!(
            wl as f64 <= ws as f64 * 1.1 + facet_passes as f64,
            "{text}: 64x the text took {:.2}x the work ({ws} → {wl}; facet passes allow {facet_passes})",
            wl as f64 / ws as f64
        );
    }
}

#[test]
fn a_huge_query_does_bounded_work() {
    let index = QueryIndex::new(&corpus(100, 50));
    index.prepare_search();
    // 50,000 distinct words that no report holds, then one that many do.
    let mut text: String = (0..50_000).map(|i| format!("zz{i} ")).collect();
    text.push_str("budget");
    work::take();
    let result = index.run(
        &Query {
            text: text.clone(),
            ..Query::default()
        },
        index.default_duplicates(),
    );
    let spent = work::take();
    assert!(result.matches.is_empty());
    // The first term matches nothing, so no other term is looked up.
    assert!(spent < 100, "{spent} steps for a {} byte query", text.len());
}
