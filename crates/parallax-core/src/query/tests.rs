//! Tests of the query engine on a small corpus: facets and their counts, date range, search,
//! highlights and snippets.

use super::*;
use crate::model::{
    Corpus, NaiveDate, Pair, Paragraph, ParagraphKind, Relation, Report, TopicScore,
};
use proptest::prelude::*;

fn report(id: &str, title: &str, paras: &[&str], date: Option<(i32, u32, u32)>) -> Report {
    Report {
        id: id.into(),
        title: title.into(),
        paragraphs: paras
            .iter()
            .map(|t| Paragraph {
                kind: ParagraphKind::Text,
                text: t.to_string(),
                ..Default::default()
            })
            .collect(),
        event_date: date.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        ..Default::default()
    }
}

fn with(mut r: Report, topics: &[&str], outlet: Option<&str>, people: &[&str]) -> Report {
    r.topics = topics
        .iter()
        .map(|t| TopicScore {
            topic: t.to_string(),
            weight: 1.0,
        })
        .collect();
    r.outlet = outlet.map(str::to_string);
    r.people = people.iter().map(|p| p.to_string()).collect();
    r
}

fn corpus() -> Corpus {
    Corpus {
        reports: vec![
            with(
                report(
                    "a",
                    "US urges Pakistan on Iran pipeline",
                    &["Miller said sanctions apply."],
                    Some((2024, 7, 8)),
                ),
                &["iran", "economy"],
                Some("Dawn"),
                &["Matthew Miller"],
            ),
            with(
                report(
                    "b",
                    "Spokesperson on Imran Khan",
                    &["The PTI founder remains jailed."],
                    Some((2024, 3, 1)),
                ),
                &["imran-khan"],
                Some("Dawn"),
                &["Imran Khan"],
            ),
            with(
                report(
                    "c",
                    "Café diplomacy in Islamabad",
                    &["A crème brûlée summit; “Khan’s” allies met."],
                    None,
                ),
                &["imran-khan", "iran"],
                Some("Tribune"),
                &[],
            ),
            with(
                report(
                    "d",
                    "Copy of the Iran story",
                    &["Miller said sanctions apply to the pipeline."],
                    Some((2024, 7, 9)),
                ),
                &["iran"],
                Some("Geo"),
                &["Matthew Miller"],
            ),
        ],
        pairs: vec![Pair {
            a: "a".into(),
            b: "d".into(),
            relation: Relation::NearDuplicate,
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn run(c: &Corpus, q: &Query) -> QueryResult {
    let index = QueryIndex::new(c);
    index.run(q, index.default_duplicates())
}

fn ids(c: &Corpus, r: &QueryResult) -> Vec<String> {
    r.matches.iter().map(|&i| c.reports[i].id.clone()).collect()
}

fn count(r: &QueryResult, kind: FacetKind, value: &str) -> Option<usize> {
    r.options(kind)
        .iter()
        .find(|o| o.value == value)
        .map(|o| o.count)
}

#[test]
fn empty_query_lists_everything_in_timeline_order_undated_last() {
    let c = corpus();
    let r = run(&c, &Query::default());
    assert_eq!(ids(&c, &r), ["b", "a", "d", "c"]);
    assert_eq!(count(&r, FacetKind::Topic, "iran"), Some(3));
    assert_eq!(count(&r, FacetKind::Outlet, "Dawn"), Some(2));
    assert_eq!(count(&r, FacetKind::Duplicates, DUP_YES), Some(2));
    assert_eq!(count(&r, FacetKind::Duplicates, DUP_NO), Some(2));
}

#[test]
fn or_within_a_facet_and_across_facets_with_disjunctive_counts() {
    let c = corpus();
    let mut q = Query::default();
    q.facets.toggle(FacetKind::Outlet, "Dawn");
    let r = run(&c, &q);
    assert_eq!(ids(&c, &r), ["b", "a"]);
    // Sibling outlets keep their own counts (what adding them would add), not 0.
    assert_eq!(count(&r, FacetKind::Outlet, "Geo"), Some(1));
    assert_eq!(count(&r, FacetKind::Outlet, "Tribune"), Some(1));
    // Other facets count within the selection.
    assert_eq!(count(&r, FacetKind::Topic, "iran"), Some(1));
    assert_eq!(count(&r, FacetKind::Topic, "imran-khan"), Some(1));

    q.facets.toggle(FacetKind::Outlet, "Geo");
    assert_eq!(ids(&c, &run(&c, &q)), ["b", "a", "d"]);

    q.facets.toggle(FacetKind::Topic, "iran");
    let r = run(&c, &q);
    assert_eq!(ids(&c, &r), ["a", "d"]);
    // Tribune would add c (iran) → 1; the Dawn count only counts Dawn ∧ iran.
    assert_eq!(count(&r, FacetKind::Outlet, "Tribune"), Some(1));
    assert_eq!(count(&r, FacetKind::Outlet, "Dawn"), Some(1));
    assert_eq!(count(&r, FacetKind::Topic, "imran-khan"), Some(1));
}

#[test]
fn duplicates_facet_follows_the_flags_given() {
    let c = corpus();
    let index = QueryIndex::new(&c);
    let mut q = Query::default();
    q.facets.toggle(FacetKind::Duplicates, DUP_YES);
    assert_eq!(
        ids(&c, &index.run(&q, index.default_duplicates())),
        ["a", "d"]
    );
    assert!(ids(&c, &index.run(&q, &[false; 4])).is_empty());
}

#[test]
fn date_range_is_inclusive_and_excludes_undated() {
    let c = corpus();
    let q = Query {
        from: NaiveDate::from_ymd_opt(2024, 7, 8),
        to: NaiveDate::from_ymd_opt(2024, 7, 8),
        ..Default::default()
    };
    assert_eq!(ids(&c, &run(&c, &q)), ["a"]);
    let q = Query {
        from: NaiveDate::from_ymd_opt(2024, 4, 1),
        ..Default::default()
    };
    assert_eq!(ids(&c, &run(&c, &q)), ["a", "d"]);
}

#[test]
fn search_is_case_and_diacritic_insensitive_word_start_and_all_terms() {
    let c = corpus();
    let q = |t: &str| Query {
        text: t.into(),
        ..Default::default()
    };
    assert_eq!(ids(&c, &run(&c, &q("CAFE creme"))), ["c"]);
    assert_eq!(ids(&c, &run(&c, &q("brûlée"))), ["c"]);
    assert_eq!(ids(&c, &run(&c, &q("khan's"))), ["c"]);
    assert_eq!(ids(&c, &run(&c, &q("iran"))), ["a", "d"]);
    // Word start: "ran" is inside "Iran" only.
    assert!(ids(&c, &run(&c, &q("ran"))).is_empty());
    assert_eq!(ids(&c, &run(&c, &q("\"sanctions apply to\""))), ["d"]);
    assert_eq!(ids(&c, &run(&c, &q("miller pipeline"))), ["a", "d"]);
    assert_eq!(run(&c, &q("  ")).matches.len(), 4);
}

#[test]
fn facet_counts_respect_the_search() {
    let c = corpus();
    let r = run(
        &c,
        &Query {
            text: "miller".into(),
            ..Default::default()
        },
    );
    assert_eq!(count(&r, FacetKind::Person, "Matthew Miller"), Some(2));
    assert_eq!(count(&r, FacetKind::Person, "Imran Khan"), None);
}

#[test]
fn unknown_selected_values_stay_visible_with_zero() {
    let c = corpus();
    let mut q = Query::default();
    q.facets.toggle(FacetKind::Topic, "nowhere");
    let r = run(&c, &q);
    assert!(r.matches.is_empty());
    assert_eq!(count(&r, FacetKind::Topic, "nowhere"), Some(0));
    assert_eq!(count(&r, FacetKind::Topic, "iran"), Some(3));
}

#[test]
fn highlights_map_back_to_original_bytes() {
    let text = "A crème brûlée summit; “Khan’s” allies met. CREME again";
    let terms = search_terms("creme khan's");
    let ranges = highlight_ranges(text, &terms);
    let got: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(got, ["crème", "Khan’s", "CREME"]);
}

#[test]
fn highlights_cover_every_typographic_apostrophe_and_quote() {
    let text = "Pakistanʼs «water sharing» and „water sharing“ again";
    let terms = search_terms("pakistan's \"water sharing\"");
    let ranges = highlight_ranges(text, &terms);
    let got: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(got, ["Pakistanʼs", "water sharing", "water sharing"]);
}

#[test]
fn snippet_centres_on_the_first_match() {
    let long = format!(
        "{} Miller said the pipeline faces sanctions. {}",
        "word ".repeat(60),
        "tail ".repeat(80)
    );
    let c = Corpus {
        reports: vec![report("x", "T", &["Lead paragraph.", &long], None)],
        ..Default::default()
    };
    let s = snippet(&c.reports[0], &search_terms("pipeline"));
    assert_eq!(s.paragraph, Some(1));
    assert!(s.cut_before && s.cut_after);
    assert_eq!(s.highlights.len(), 1);
    assert_eq!(&s.text[s.highlights[0].clone()], "pipeline");
    let lead = snippet(&c.reports[0], &[]);
    assert_eq!(lead.text, "Lead paragraph.");
}

proptest! {
    #[test]
    fn highlights_are_valid_sorted_ranges(text in "\\PC{0,80}", query in "\\PC{0,12}") {
        let terms = search_terms(&query);
        let ranges = highlight_ranges(&text, &terms);
        let mut last_end = 0;
        for r in &ranges {
            prop_assert!(r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            prop_assert!(r.start >= last_end);
            last_end = r.end;
        }
    }

    #[test]
    fn a_report_is_found_by_any_word_of_its_title(words in proptest::collection::vec("[A-Za-zÀ-ÖØ-Þà-öø-þ]{1,8}", 1..6), pick in 0usize..6) {
        let title = words.join(" ");
        let c = Corpus { reports: vec![report("x", &title, &[], None)], ..Default::default() };
        let word = &words[pick % words.len()];
        let r = run(&c, &Query { text: word.to_uppercase(), ..Default::default() });
        prop_assert_eq!(r.matches.len(), 1);
    }

    #[test]
    fn snippets_never_panic(paras in proptest::collection::vec("\\PC{0,300}", 0..4), query in "\\PC{0,10}") {
        let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
        let c = Corpus { reports: vec![report("x", "t", &refs, None)], ..Default::default() };
        let s = snippet(&c.reports[0], &search_terms(&query));
        for h in &s.highlights {
            prop_assert!(h.end <= s.text.len() && s.text.is_char_boundary(h.start) && s.text.is_char_boundary(h.end));
        }
    }
}
