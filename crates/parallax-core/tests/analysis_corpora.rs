//! The relation rule on a corpus written for it (tests/analysis_corpora/briefing), parsed by the
//! real parser: one briefing reported as an original, a paraphrase and a cut-down copy, another
//! event reusing one of its quotes, and an unrelated report.

mod common;

use parallax_core::{Corpus, DateBasis, Relation};

fn corpus() -> Corpus {
    common::parse_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/analysis_corpora/briefing"))
}

fn relation(c: &Corpus, a: &str, b: &str) -> Relation {
    let id = |prefix: &str| c.reports.iter().find(|r| r.file.starts_with(prefix)).expect(prefix).id.clone();
    let (a, b) = (id(a), id(b));
    c.pairs
        .iter()
        .find(|p| (p.a == a && p.b == b) || (p.a == b && p.b == a))
        .map_or(Relation::Unrelated, |p| p.relation)
}

#[test]
fn each_kind_of_reuse_gets_its_relation() {
    let c = corpus();
    assert_eq!(relation(&c, "a_", "c_"), Relation::NearDuplicate, "cut-down copy");
    assert_eq!(relation(&c, "a_", "b_"), Relation::SameStory, "paraphrase sharing quotes and date");
    assert_eq!(relation(&c, "b_", "c_"), Relation::SameStory);
    assert_eq!(relation(&c, "a_", "d_"), Relation::SharesQuote, "stock line, another event");
    assert_eq!(relation(&c, "b_", "d_"), Relation::SharesQuote);
    for other in ["a_", "b_", "c_", "d_"] {
        assert_eq!(relation(&c, other, "e_"), Relation::Unrelated);
    }
    let paraphrase = c.pairs.iter().find(|p| p.a.starts_with("a_") && p.b.starts_with("b_")).unwrap();
    assert!(paraphrase.jaccard < 0.2, "a paraphrase shares little text: {}", paraphrase.jaccard);
    let copy = c.pairs.iter().find(|p| p.a.starts_with("a_") && p.b.starts_with("c_")).unwrap();
    assert!((copy.containment_b_in_a - 1.0).abs() < 1e-6);
}

#[test]
fn the_story_holds_the_three_reports_of_the_briefing() {
    let c = corpus();
    assert_eq!(c.stories.len(), 1);
    let story = &c.stories[0];
    let files: Vec<&str> =
        story.reports.iter().map(|id| c.reports.iter().find(|r| &r.id == id).unwrap().file.as_str()).collect();
    assert_eq!(files, ["a_original.txt", "b_paraphrase.txt", "c_excerpt.txt"]);
    assert_eq!(story.date, c.reports[0].event_date);
    // Nothing here is undated, so nothing is inferred.
    assert!(c.reports.iter().all(|r| r.event_date_basis != DateBasis::Inferred));
}
