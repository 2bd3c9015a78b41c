//! The analysis on the bundled seed corpus: the "Done when" facts of the analysis issue.
//! Reports are found by file and index, never by title or name.

mod common;

use parallax_core::analysis::{align, pairs, Thresholds};
use parallax_core::{Corpus, DateBasis, Pair, QuoteChange, Relation, Report};

fn seeds() -> Corpus {
    common::parse_dir(&common::repo_root().join("corpus"))
}

fn report<'a>(c: &'a Corpus, file_prefix: &str, index: usize) -> &'a Report {
    c.reports
        .iter()
        .find(|r| r.file.starts_with(file_prefix) && r.index == index)
        .expect("report present")
}

/// The relation of two reports (unrelated when they are not among the related pairs), and their
/// evidence in full.
fn relation(c: &Corpus, a: &Report, b: &Report) -> (Relation, Option<Pair>) {
    let all = pairs::regroupable(&c.reports, &c.pairs, &c.evidence);
    let p = all
        .iter()
        .find(|p| (p.a == a.id && p.b == b.id) || (p.a == b.id && p.b == a.id));
    (p.map_or(Relation::Unrelated, |p| p.relation), p.cloned())
}

#[test]
fn first_report_of_001_and_002_are_near_duplicates() {
    let c = seeds();
    let (rel, pair) = relation(&c, report(&c, "001", 0), report(&c, "002", 0));
    let pair = pair.expect("evidence kept");
    assert_eq!(rel, Relation::NearDuplicate, "{}", pair.why);
    // The rewrite keeps about half of its shingles: a 0.7-Jaccard rule would miss it.
    assert!(pair.jaccard > 0.4 && pair.jaccard < 0.7, "{}", pair.jaccard);
    assert!(pair.longest_run >= 50, "{}", pair.longest_run);
    assert!(
        c.pairs.iter().any(|p| p.a == pair.a && p.b == pair.b),
        "related pairs are listed"
    );
}

#[test]
fn report_004_is_not_a_duplicate_of_either() {
    let c = seeds();
    let r004 = report(&c, "004", 0);
    for other in [report(&c, "001", 0), report(&c, "002", 0)] {
        let (rel, pair) = relation(&c, r004, other);
        assert!(
            matches!(rel, Relation::Unrelated | Relation::SharesQuote),
            "{rel:?} {pair:?}"
        );
    }
}

#[test]
fn the_two_reports_in_001_are_unrelated() {
    let c = seeds();
    let (rel, pair) = relation(&c, report(&c, "001", 0), report(&c, "001", 1));
    assert_eq!(rel, Relation::Unrelated, "{pair:?}");
}

#[test]
fn report_002_takes_the_8_july_event_date_inferred() {
    let c = seeds();
    let r002 = report(&c, "002", 0);
    assert_eq!(r002.event_date, Some("2024-07-08".parse().unwrap()));
    assert_eq!(r002.event_date_basis, DateBasis::Inferred);
    let story = c
        .stories
        .iter()
        .find(|s| s.reports.contains(&r002.id))
        .expect("002 is in a story");
    assert!(story.reports.contains(&report(&c, "001", 0).id));
    assert_eq!(story.date, r002.event_date);
    assert!(!story.label.is_empty());
}

#[test]
fn stored_evidence_reclassifies_to_the_same_relations() {
    let c = seeds();
    let all = pairs::regroupable(&c.reports, &c.pairs, &c.evidence);
    assert_eq!(pairs::reclassify(&all, &Thresholds::default()), c.pairs);
    assert!(all.iter().all(|p| !p.why.is_empty()));
}

#[test]
fn side_by_side_of_the_duplicate_pair() {
    let c = seeds();
    let a = align(report(&c, "001", 0), report(&c, "002", 0));
    let s = &a.summary;
    assert!(s.matched >= 8, "{s:?}");
    assert!(s.verbatim >= 4 && s.reworded >= 2, "{s:?}");
    assert!(s.moved >= 1, "002 reorders paragraphs: {s:?}");
    assert!(s.right_matched_share > 0.7, "{s:?}");
    // Unrelated reports barely match.
    let b = align(report(&c, "001", 1), report(&c, "004", 0));
    assert!(b.summary.left_matched_share < 0.2, "{:?}", b.summary);
}

/// The changed words of each sentence of a row's side.
fn changed_words(pieces: Vec<(usize, &[align::DiffSpan])>) -> Vec<Vec<&str>> {
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
fn with_002_on_the_left_its_split_quote_is_one_row_against_001s_sentence() {
    let c = seeds();
    let a = align(report(&c, "002", 0), report(&c, "001", 0));
    // 002 cuts Miller's quote after its first sentence (its sentences 3 and 4); 001 prints the
    // first sentence with the attribution (its sentence 6) and the second on its own.
    let quote = a
        .rows
        .iter()
        .find(|r| r.left_sentences().contains(&2))
        .expect("a row");
    assert_eq!(quote.shape, align::RowShape::TwoToOne);
    assert_eq!(
        (quote.left_sentences(), quote.right_sentences()),
        (2..4, 5..6)
    );
    assert_eq!(
        changed_words(quote.left_pieces()),
        [
            vec!["."],
            vec![
                "We have a shared interest in combating threats to regional security",
                "” Miller told reporters"
            ]
        ]
    );
    assert_eq!(
        changed_words(quote.right_pieces()),
        [vec![
            ",” Miller told reporters at a press briefing on Monday"
        ]]
    );
    // 001's own line of the quote's second sentence has no partner left.
    assert!(a.right_only.contains(&6), "{:?}", a.right_only);
    // 002's first two sentences are 001's first, merged.
    let opening = &a.rows[0];
    assert_eq!(
        (
            opening.shape,
            opening.left_sentences(),
            opening.right_sentences()
        ),
        (align::RowShape::TwoToOne, 0..2, 0..1)
    );
    assert_eq!(a.summary.split_or_merged, 2);
}

#[test]
fn millers_shared_interest_quote_is_verbatim_in_001_and_002_and_substituted_in_004() {
    let c = seeds();
    let e = c
        .quotes
        .iter()
        .find(|e| e.text.contains("shared interest in combating threats"))
        .expect("the entry");
    let file = |id: &str| c.reports.iter().find(|r| r.id == id).unwrap().file[..3].to_string();
    // Each occurrence: its report's file, its change, its differing words, the entry's it lacks.
    type Seen<'a> = (String, Option<QuoteChange>, Vec<&'a str>, Vec<&'a str>);
    let got: Vec<Seen> = e
        .occurrences
        .iter()
        .map(|o| {
            (
                file(&o.report),
                o.change,
                o.changed.iter().map(|r| &o.text[r.range()]).collect(),
                o.entry_changed.iter().map(|r| &e.text[r.range()]).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("001".to_string(), None, vec![], vec![]),
            ("002".to_string(), None, vec![], vec![]),
            (
                "004".to_string(),
                Some(QuoteChange::Substituted),
                vec![
                    "The United States and Pakistan",
                    "and we will continue to stand shoulder to shoulder with Pakistan in its fight against terrorism"
                ],
                vec!["We"]
            ),
        ]
    );
}

#[cfg(feature = "sidecar")]
#[test]
fn seeds_are_tagged_with_lexicon_topics() {
    let c = parallax_core::corpus_dir::load_dir(&common::repo_root().join("corpus"))
        .expect("seeds load");
    let top = |file: &str, index: usize| {
        report(&c, file, index)
            .topics
            .first()
            .map(|t| t.topic.clone())
            .unwrap_or_default()
    };
    assert_eq!(top("001", 1), "surveillance-spyware");
    assert_eq!(top("004", 0), "terrorism-security");
    let spyware = report(&c, "001", 1);
    let marked: Vec<&str> = spyware
        .paragraphs
        .iter()
        .flat_map(|p| {
            p.topic_hits
                .iter()
                .filter(|h| h.topic == "surveillance-spyware")
                .map(move |h| &p.text[h.start..h.end])
        })
        .collect();
    assert!(
        marked.iter().any(|m| m.eq_ignore_ascii_case("spyware")),
        "{marked:?}"
    );
    for r in &c.reports {
        let sum: f32 = r.topics.iter().map(|t| t.weight).sum();
        assert!(
            r.topics.is_empty() || (sum - 1.0).abs() < 1e-4,
            "{}: {sum}",
            r.id
        );
    }
}

#[test]
fn quote_ledger_tracks_the_reused_line_across_reports() {
    let c = seeds();
    let (r001, r002, r004) = (
        report(&c, "001", 0),
        report(&c, "002", 0),
        report(&c, "004", 0),
    );
    // The line 004 reuses: carried by all three, verbatim in 001 and 002, altered in 004,
    // first printed by the report dated to the July briefing.
    let entry = c
        .quotes
        .iter()
        .find(|e| e.occurrences.iter().any(|o| o.report == r004.id) && e.occurrences.len() == 3)
        .expect("a quote shared by 001, 002 and 004");
    let verbatim: Vec<(&str, bool)> = entry
        .occurrences
        .iter()
        .map(|o| (o.report.as_str(), o.verbatim))
        .collect();
    assert_eq!(
        verbatim,
        [
            (r001.id.as_str(), true),
            (r002.id.as_str(), true),
            (r004.id.as_str(), false)
        ]
    );
    assert_eq!(entry.first_report.as_deref(), Some(r001.id.as_str()));
    assert_eq!(entry.first_date, Some("2024-07-08".parse().unwrap()));
    // Every printed quote sentence is somewhere in the ledger.
    let in_ledger: usize = c.quotes.iter().map(|e| e.occurrences.len()).sum();
    assert!(in_ledger >= c.reports.iter().map(|r| r.quotes.len()).sum::<usize>());
    // The pair evidence names the same shared line.
    let (_, pair) = relation(&c, r002, r004);
    assert_eq!(pair.expect("evidence").shared_quotes.len(), 1);
}
