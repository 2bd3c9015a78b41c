//! A facet-count query does no work per report: counted, not timed (`ingest::work`, on for
//! these tests). The query engine counts every word of bits and every rank it touches, and
//! search every byte of text it confirms a phrase on; a facet and date query touches bits only,
//! so its work does not grow with the reports' text or their lists of values, and stays under
//! one unit a report.

use parallax_core::chrono::Duration;
use parallax_core::ingest::work;
use parallax_core::query::{FacetKind, Query, QueryIndex, DUP_NO};
use parallax_core::{Corpus, NaiveDate, Paragraph, ParagraphKind, Report, TopicScore};

const TOPICS: [&str; 5] = ["iran", "economy", "floods", "courts", "energy"];
const PEOPLE: [&str; 6] = [
    "Ishaq Dar",
    "Imran Khan",
    "Maryam Nawaz",
    "Asim Munir",
    "Bilawal Bhutto",
    "Shehbaz Sharif",
];
const OUTLETS: [&str; 4] = ["Dawn", "Geo", "Tribune", "Reuters"];
const PLACES: [&str; 5] = ["Islamabad", "Lahore", "Karachi", "Quetta", "Peshawar"];

/// `n` reports over a year, each with `paragraphs` paragraphs and `people` people.
fn corpus(n: usize, paragraphs: usize, people: usize) -> Corpus {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let reports = (0..n)
        .map(|i| Report {
            id: format!("r{i}"),
            title: format!("Report {i} on water sharing"),
            paragraphs: (0..paragraphs)
                .map(|p| Paragraph {
                    kind: ParagraphKind::Text,
                    text: format!(
                        "Paragraph {p} of report {i}: the talks on water sharing went on."
                    ),
                    ..Default::default()
                })
                .collect(),
            event_date: (i % 10 != 0).then(|| start + Duration::days((i % 365) as i64)),
            topics: vec![TopicScore {
                topic: TOPICS[i % TOPICS.len()].into(),
                weight: 1.0,
            }],
            people: (0..people)
                .map(|k| PEOPLE[(i + k) % PEOPLE.len()].into())
                .collect(),
            outlet: Some(OUTLETS[i % OUTLETS.len()].into()),
            places: vec![PLACES[(i / 7) % PLACES.len()].into()],
            ..Default::default()
        })
        .collect();
    Corpus {
        reports,
        ..Default::default()
    }
}

fn facet_query(dates: Option<(u32, u32)>) -> Query {
    let day = |d: u32| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::days(d.into());
    let mut q = Query {
        from: dates.map(|d| day(d.0)),
        to: dates.map(|d| day(d.1)),
        ..Default::default()
    };
    q.facets.toggle(FacetKind::Outlet, "Dawn");
    q.facets.toggle(FacetKind::Outlet, "Geo");
    q.facets.toggle(FacetKind::Topic, "iran");
    q.facets.toggle(FacetKind::Person, "Imran Khan");
    q.facets.toggle(FacetKind::Duplicates, DUP_NO);
    q
}

/// The work of one query on a built index (the index's own construction not counted).
fn work_of(corpus: &Corpus, query: &Query) -> (u64, usize) {
    let index = QueryIndex::new(corpus);
    let duplicates = index.duplicate_set(index.default_duplicates());
    work::take();
    let result = index.run_with(query, &duplicates);
    (work::take(), result.matches.len())
}

#[test]
fn facet_query_work_does_not_grow_with_the_reports_text_or_value_lists() {
    let n = 20_000;
    let (plain, matches) = work_of(&corpus(n, 1, 2), &facet_query(None));
    assert!(plain > 0, "no work counted (is the work-count feature on?)");
    assert!(matches > 0);
    // Fifty times the text, three times the people per report: the same bits, the same work.
    let (long, _) = work_of(&corpus(n, 50, 2), &facet_query(None));
    let (crowded, _) = work_of(&corpus(n, 1, 6), &facet_query(None));
    assert_eq!(long, plain, "report text changed the work of a facet query");
    assert_eq!(
        crowded, plain,
        "longer value lists changed the work of a facet query"
    );
    // A phrase, by contrast, is confirmed on the candidates' text (so the counter does see
    // report work when there is some).
    let text = Query {
        text: "\"talks on water sharing\"".into(),
        ..Default::default()
    };
    let (short_text, _) = work_of(&corpus(n, 1, 2), &text);
    let (long_text, _) = work_of(&corpus(n, 50, 2), &text);
    assert!(long_text > 10 * short_text, "{short_text} → {long_text}");
}

#[test]
fn facet_query_work_is_under_one_unit_a_report() {
    for n in [20_000, 80_000] {
        let (w, _) = work_of(&corpus(n, 1, 2), &facet_query(None));
        assert!(
            (w as usize) < n,
            "{n} reports: {w} work units for a facet query"
        );
    }
}

#[test]
fn a_narrow_date_range_counts_only_its_words() {
    let c = corpus(80_000, 1, 2);
    let (full, _) = work_of(&c, &facet_query(None));
    let (week, matches) = work_of(&c, &facet_query(Some((100, 107))));
    assert!(matches > 0);
    assert!(
        2 * week < full,
        "a week took {week} units, the whole year {full}"
    );
}
