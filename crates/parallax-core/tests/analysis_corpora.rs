//! The relation rule on a corpus written for it (tests/analysis_corpora/briefing), parsed by the
//! real parser: one briefing reported as an original, a paraphrase and a cut-down copy, another
//! event reusing one of its quotes, and an unrelated report.

mod common;

use parallax_core::{Corpus, DateBasis, Relation};

fn corpus() -> Corpus {
    common::parse_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/analysis_corpora/briefing"),
    )
}

fn relation(c: &Corpus, a: &str, b: &str) -> Relation {
    let id = |prefix: &str| {
        c.reports
            .iter()
            .find(|r| r.file.starts_with(prefix))
            .expect(prefix)
            .id
            .clone()
    };
    let (a, b) = (id(a), id(b));
    c.pairs
        .iter()
        .find(|p| (p.a == a && p.b == b) || (p.a == b && p.b == a))
        .map_or(Relation::Unrelated, |p| p.relation)
}

#[test]
fn each_kind_of_reuse_gets_its_relation() {
    let c = corpus();
    assert_eq!(
        relation(&c, "a_", "c_"),
        Relation::NearDuplicate,
        "cut-down copy"
    );
    assert_eq!(
        relation(&c, "a_", "b_"),
        Relation::SameStory,
        "paraphrase sharing quotes and date"
    );
    assert_eq!(relation(&c, "b_", "c_"), Relation::SameStory);
    assert_eq!(
        relation(&c, "a_", "d_"),
        Relation::SharesQuote,
        "stock line, another event"
    );
    assert_eq!(relation(&c, "b_", "d_"), Relation::SharesQuote);
    for other in ["a_", "b_", "c_", "d_"] {
        assert_eq!(relation(&c, other, "e_"), Relation::Unrelated);
    }
    let paraphrase = c
        .pairs
        .iter()
        .find(|p| p.a.starts_with("a_") && p.b.starts_with("b_"))
        .unwrap();
    assert!(
        paraphrase.jaccard < 0.2,
        "a paraphrase shares little text: {}",
        paraphrase.jaccard
    );
    let copy = c
        .pairs
        .iter()
        .find(|p| p.a.starts_with("a_") && p.b.starts_with("c_"))
        .unwrap();
    assert!((copy.containment_b_in_a - 1.0).abs() < 1e-6);
}

#[test]
fn the_story_holds_the_three_reports_of_the_briefing() {
    let c = corpus();
    assert_eq!(c.stories.len(), 1);
    let story = &c.stories[0];
    let files: Vec<&str> = story
        .reports
        .iter()
        .map(|id| {
            c.reports
                .iter()
                .find(|r| &r.id == id)
                .unwrap()
                .file
                .as_str()
        })
        .collect();
    assert_eq!(
        files,
        ["a_original.txt", "b_paraphrase.txt", "c_excerpt.txt"]
    );
    assert_eq!(story.date, c.reports[0].event_date);
    // Nothing here is undated, so nothing is inferred.
    assert!(c
        .reports
        .iter()
        .all(|r| r.event_date_basis != DateBasis::Inferred));
}

/// tests/analysis_corpora/stock: a stock line ("We have a shared interest in combating threats
/// to regional security") printed by reports of four events, one of them the day after the
/// 8 July briefing; an undated round-up that reuses quotes of two events; and two reports of the
/// 8 July briefing that share a longer quote opening with the stock line.
fn stock_corpus() -> Corpus {
    common::parse_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/analysis_corpora/stock"),
    )
}

fn pair<'a>(c: &'a Corpus, a: &str, b: &str) -> Option<&'a parallax_core::Pair> {
    let id = |prefix: &str| {
        c.reports
            .iter()
            .find(|r| r.file.starts_with(prefix))
            .expect(prefix)
            .id
            .clone()
    };
    let (a, b) = (id(a), id(b));
    c.pairs
        .iter()
        .find(|p| (p.a == a && p.b == b) || (p.a == b && p.b == a))
}

#[test]
fn sharing_only_a_stock_line_is_shares_quote_even_a_day_apart() {
    let c = stock_corpus();
    // The drone-strike report is dated the day after the briefing: one shared quote with agreeing
    // dates would be the same story, but the line is printed by reports of four events.
    let p = pair(&c, "a_", "g_").expect("a shared quote");
    assert_eq!(p.date_distance_days, Some(1));
    assert_eq!(p.relation, Relation::SharesQuote, "{}", p.why);
    assert_eq!(p.stock_quotes, [0]);
    assert_eq!(
        p.shared_quotes,
        ["we have a shared interest in combating threats to regional security"]
    );
    assert!(p.why.contains("stock line"), "{}", p.why);
    for (x, y) in [("c_", "d_"), ("c_", "g_"), ("d_", "h_"), ("g_", "h_")] {
        let p = pair(&c, x, y).expect("a shared quote");
        assert_eq!(p.relation, Relation::SharesQuote, "{x} {y}: {}", p.why);
        assert_eq!(p.stock_quotes.len(), 1);
    }
}

#[test]
fn a_longer_quote_opening_with_a_stock_line_still_makes_the_story() {
    let c = stock_corpus();
    let p = pair(&c, "a_", "h_").expect("a shared quote");
    assert_eq!(p.relation, Relation::SameStory, "{}", p.why);
    assert!(p.stock_quotes.is_empty(), "{:?}", p.stock_quotes);
    assert_eq!(
        pair(&c, "a_", "b_").map(|p| p.relation),
        Some(Relation::SameStory)
    );
}

#[test]
fn stock_lines_do_not_chain_stories_through_an_undated_report() {
    let c = stock_corpus();
    // The round-up carries one quote of the 8 July briefing, one of the 3 September talks and
    // the stock line: one real quote each, not enough without a date of its own.
    for other in ["a_", "c_"] {
        let p = pair(&c, other, "e_").expect("shared quotes");
        assert_eq!(
            (p.shared_quotes.len(), p.stock_quotes.len()),
            (2, 1),
            "{other}"
        );
        assert_eq!(p.relation, Relation::SharesQuote, "{other}: {}", p.why);
    }
    assert_eq!(c.stories.len(), 1, "{:?}", c.stories);
    let files: Vec<&str> = c.stories[0]
        .reports
        .iter()
        .map(|id| {
            c.reports
                .iter()
                .find(|r| &r.id == id)
                .unwrap()
                .file
                .as_str()
        })
        .collect();
    assert_eq!(
        files,
        [
            "a_port_briefing.txt",
            "b_port_paraphrase.txt",
            "h_port_workers.txt"
        ]
    );
    let undated = c.reports.iter().find(|r| r.file.starts_with("e_")).unwrap();
    assert_eq!(undated.event_date, None);
}
