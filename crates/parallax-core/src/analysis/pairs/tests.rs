use super::features::distinct_events;
use super::*;
use crate::model::{Paragraph, Quote};

pub(crate) fn report(
    id: &str,
    date: Option<&str>,
    paragraphs: &[&str],
    quotes: &[&str],
    people: &[&str],
) -> Report {
    Report {
        id: id.into(),
        title: id.into(),
        event_date: date.map(|d| d.parse().unwrap()),
        paragraphs: paragraphs
            .iter()
            .map(|t| Paragraph {
                text: (*t).into(),
                ..Paragraph::default()
            })
            .collect(),
        quotes: quotes
            .iter()
            .map(|t| Quote {
                speaker: Some("Matthew Miller".into()),
                text: (*t).into(),
                paragraph: 0,
                ..Quote::default()
            })
            .collect(),
        people: people.iter().map(|p| (*p).into()).collect(),
        ..Report::default()
    }
}

fn pair(a: &Report, b: &Report) -> Pair {
    relate(
        &ReportFeatures::new(a),
        &ReportFeatures::new(b),
        &Thresholds::default(),
    )
}

const BRIEFING: &[&str] = &[
    "The State Department spokesperson said on Monday that the two countries share an interest in fighting terrorism in the region.",
    "“We have a shared interest in combating threats to regional security,” the spokesperson told reporters at the regular briefing.",
    "Asked about the arrest of opposition leaders, he said the decisions about the government were for the people of the country to make.",
    "“We support the right to peaceful assembly and we oppose violence in all its forms,” he added, calling for restraint on every side.",
    "The briefing also touched on the energy crisis, the gas pipeline project and the possibility of sanctions over the deal.",
];
const QUOTES: &[&str] = &[
    "We have a shared interest in combating threats to regional security",
    "We support the right to peaceful assembly and we oppose violence in all its forms",
];

#[test]
fn identical_reports_are_near_duplicates() {
    let a = report(
        "a",
        Some("2024-07-08"),
        BRIEFING,
        QUOTES,
        &["Matthew Miller"],
    );
    let p = pair(&a, &a.clone());
    assert_eq!(p.relation, Relation::NearDuplicate);
    assert!((p.jaccard - 1.0).abs() < 1e-6);
    assert_eq!(p.longest_run, text::words(&a.body_text()).len());
    assert_eq!(p.shared_quotes.len(), 2);
    assert_eq!(p.shared_people, ["Matthew Miller"]);
    assert_eq!(p.date_distance_days, Some(0));
}

#[test]
fn cut_down_copy_is_near_duplicate_by_containment() {
    let a = report("a", Some("2024-07-08"), BRIEFING, QUOTES, &[]);
    let b = report("b", None, &BRIEFING[2..3], &[], &[]);
    let p = pair(&a, &b);
    assert!(p.jaccard < 0.5, "{}", p.jaccard);
    assert!((p.containment_b_in_a - 1.0).abs() < 1e-6);
    assert_eq!(p.relation, Relation::NearDuplicate);
    assert!(p.why.contains("cut-down copy"), "{}", p.why);
}

#[test]
fn paraphrase_with_shared_quotes_and_date_is_same_story() {
    let a = report(
        "a",
        Some("2024-07-08"),
        BRIEFING,
        QUOTES,
        &["Matthew Miller"],
    );
    let b = report(
        "b",
        Some("2024-07-08"),
        &[
            "Washington on Monday said it stood with Islamabad against militancy.",
            "“We have a shared interest in combatting threats to regional security,” Miller said.",
            "He declined to comment on the detention of opposition figures, saying it was a domestic matter.",
            "“We support the right to peaceful assembly and we oppose violence in all its forms,” Miller said.",
            "Relations between the neighbours have been strained since militants stepped up cross-border raids last year.",
            "Officials in the capital welcomed the remarks but asked for more help with training and equipment for police.",
            "Analysts said the statement signalled continuity rather than a shift in policy toward the region.",
        ],
        QUOTES,
        &["Matthew Miller"],
    );
    let p = pair(&a, &b);
    assert!(p.jaccard < 0.10, "{}", p.jaccard);
    assert_eq!(p.shared_quotes.len(), 2);
    assert_eq!(p.relation, Relation::SameStory, "{}", p.why);
}

#[test]
fn one_stock_quote_on_another_date_is_shares_quote() {
    let a = report("a", Some("2024-07-08"), BRIEFING, QUOTES, &[]);
    let b = report(
        "b",
        Some("2024-09-03"),
        &[
            "The ambassador met the foreign minister on Tuesday after a series of attacks in the province.",
            "“The two countries have a shared interest in combatting threats to regional security, and we will stand with them,” the spokesperson said.",
        ],
        &["The two countries have a shared interest in combatting threats to regional security, and we will stand with them"],
        &[],
    );
    let p = pair(&a, &b);
    assert_eq!(
        p.shared_quotes,
        ["have a shared interest in combating threats to regional security"]
    );
    assert_eq!(p.relation, Relation::SharesQuote, "{}", p.why);
    assert!(p.why.contains("57 days apart"), "{}", p.why);
    // Undated, one quote is still not the same story.
    let b_undated = Report {
        event_date: None,
        ..b
    };
    assert_eq!(pair(&a, &b_undated).relation, Relation::SharesQuote);
}

#[test]
fn the_sentences_of_one_quote_count_as_one_quote() {
    // An undated report reusing one two-sentence quote of another event: one quote, so not
    // the same story (undated needs two).
    let two = "We will stand with the people of the province in this hour. We have asked every partner to send relief without delay";
    let a = report("a", Some("2024-07-08"), BRIEFING, &[two, QUOTES[0]], &[]);
    let b = report(
        "b",
        None,
        &["An undated report on the floods, quoting the spokesperson at length."],
        &[two],
        &[],
    );
    let p = pair(&a, &b);
    assert_eq!(p.shared_quotes.len(), 1, "{:?}", p.shared_quotes);
    assert!(p.shared_quotes[0].contains(" … "), "{:?}", p.shared_quotes);
    assert_eq!(p.relation, Relation::SharesQuote, "{}", p.why);
}

#[test]
fn events_are_dates_more_than_the_window_apart() {
    let mut d: Vec<NaiveDate> = [
        "2024-07-08",
        "2024-07-09",
        "2024-07-10",
        "2024-07-11",
        "2024-09-03",
    ]
    .iter()
    .map(|s| s.parse().unwrap())
    .collect();
    assert_eq!(distinct_events(&mut d, 1), 3, "8, 10 and 3 September");
    assert_eq!(distinct_events(&mut d, 0), 5);
    assert_eq!(distinct_events(&mut [], 1), 0);
}

#[test]
fn stock_words_are_marked_where_several_events_print_them() {
    let stock = "We have a shared interest in combating threats to regional security";
    let longer = "We have a shared interest in combating threats to regional security and in protecting the port workers";
    let reports = [
        report("a", Some("2024-07-08"), BRIEFING, &[longer], &[]),
        report(
            "b",
            Some("2024-07-08"),
            &["Another outlet on the same briefing."],
            &[longer],
            &[],
        ),
        report(
            "c",
            Some("2024-09-03"),
            &["A report of another event."],
            &[stock],
            &[],
        ),
        report(
            "d",
            Some("2024-10-15"),
            &["A report of a third event."],
            &[stock],
            &[],
        ),
    ];
    let f = corpus_features(&reports, &Thresholds::default());
    let stock_words = stock.split(' ').count();
    // The opening is stock in the longer quote; its ending is not.
    assert!(
        f[0].quote_stock[0][..stock_words].iter().all(|&x| x),
        "{:?}",
        f[0].quote_stock[0]
    );
    assert!(
        f[0].quote_stock[0][stock_words..].iter().all(|&x| !x),
        "{:?}",
        f[0].quote_stock[0]
    );
    assert!(f[2].quote_stock[0].iter().all(|&x| x));
    let t = Thresholds::default();
    let ab = relate(&f[0], &f[1], &t);
    assert_eq!(
        (ab.relation, ab.stock_quotes.len()),
        (Relation::SameStory, 0),
        "{}",
        ab.why
    );
    let ac = relate(&f[0], &f[2], &t);
    assert_eq!(
        (ac.relation, ac.stock_quotes.len()),
        (Relation::SharesQuote, 1),
        "{}",
        ac.why
    );
    // Two events only: not stock.
    let f = corpus_features(&reports[..3], &t);
    assert!(f
        .iter()
        .all(|r| r.quote_stock.iter().flatten().all(|&x| !x)));
}

#[test]
fn scare_quotes_and_unrelated_text_are_unrelated() {
    let a = report("a", Some("2024-07-08"), BRIEFING, &["consequences"], &[]);
    let b = report(
        "b",
        Some("2024-07-08"),
        &["The foreign office rejected a report on spyware, calling it “consequences” of disinformation and speculation."],
        &["consequences"],
        &[],
    );
    let p = pair(&a, &b);
    assert!(p.shared_quotes.is_empty());
    assert_eq!(p.relation, Relation::Unrelated, "{}", p.why);
}

#[test]
fn classify_is_monotone_in_the_jaccard_threshold() {
    let a = report("a", Some("2024-07-08"), BRIEFING, QUOTES, &[]);
    let b = report("b", Some("2024-07-08"), &BRIEFING[1..4], &QUOTES[..1], &[]);
    let p = pair(&a, &b);
    let strict = Thresholds {
        near_duplicate_jaccard: 0.99,
        near_duplicate_containment: 1.01,
        ..Thresholds::default()
    };
    assert_eq!(classify(&p, &strict).0, Relation::SameStory);
    let loose = Thresholds {
        near_duplicate_jaccard: 0.01,
        ..Thresholds::default()
    };
    assert_eq!(classify(&p, &loose).0, Relation::NearDuplicate);
    assert_eq!(
        reclassify(std::slice::from_ref(&p), &loose)[0].relation,
        Relation::NearDuplicate
    );
}

#[test]
fn relate_all_keeps_only_pairs_with_evidence_in_order() {
    let a = report("a", Some("2024-07-08"), BRIEFING, QUOTES, &[]);
    let b = report("b", Some("2024-07-08"), &BRIEFING[..3], &QUOTES[..1], &[]);
    let c = report(
        "c",
        None,
        &["Nothing in common with anything else here at all, not one bit of it."],
        &[],
        &[],
    );
    let pairs = relate_all(&[a, b, c], &Thresholds::default());
    assert_eq!(pairs.len(), 1);
    assert_eq!((pairs[0].a.as_str(), pairs[0].b.as_str()), ("a", "b"));
}

#[test]
fn thresholds_deserialise_with_defaults_for_missing_fields() {
    let t: Thresholds = serde_json::from_str(r#"{"near_duplicate_jaccard": 0.5}"#).unwrap();
    assert_eq!(t.near_duplicate_jaccard, 0.5);
    assert_eq!(
        t.same_story_max_days,
        Thresholds::default().same_story_max_days
    );
}
