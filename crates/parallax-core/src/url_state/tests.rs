//! Tests of the URL state: the default state, order, notices and repairs, and round trips.

use super::*;
use crate::analysis::coverage::{ColumnSort, MatrixColumns, RowSort};
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_default_state_is_the_empty_string() {
    assert_eq!(render(&UrlState::default()), "");
    assert_eq!(parse(""), (UrlState::default(), vec![]));
    assert_eq!(parse("?"), (UrlState::default(), vec![]));
}

#[test]
fn renders_in_a_stable_order_with_the_version_first() {
    let mut s = UrlState {
        query: "Miller & Khan’s".into(),
        report: Some("r-1".into()),
        paragraph: Some(3),
        threshold: Some(45),
        page: 2,
        ..Default::default()
    };
    s.facets.toggle(FacetKind::Topic, "iran");
    s.facets.toggle(FacetKind::Topic, "economy");
    s.facets.toggle(FacetKind::Outlet, "Dawn News");
    s.from = Some(date(2024, 7, 1));
    s.compare = Some(("a".into(), "b".into()));
    assert_eq!(
        render(&s),
        "v=1&q=Miller%20%26%20Khan%E2%80%99s&topic=economy&topic=iran&outlet=Dawn%20News&from=2024-07-01&page=3&report=r-1&p=3&left=a&right=b&t=45"
    );
}

#[test]
fn malformed_and_unknown_parameters_become_notices() {
    let (s, notices) = parse(
        "?v=1&q=iran&from=2024-13-45&bogus=1&p=x&report=a%20b&t=300&zoom=yes&left=a&%ZZ=1&q=again",
    );
    assert_eq!(s.query, "iran");
    assert_eq!(s.from, None);
    assert_eq!(s.compare, None);
    let params: Vec<&str> = notices.iter().map(|n| n.parameter.as_str()).collect();
    assert_eq!(
        params,
        [
            "from",
            "bogus",
            "p",
            "report",
            "t",
            "zoom",
            "%ZZ",
            "q",
            "left/right"
        ]
    );
}

#[test]
fn control_and_bidi_characters_in_a_parameter_name_are_shown_escaped() {
    let (_, notices) = parse("a%0Ab%E2%80%AEc=1");
    assert_eq!(notices[0].parameter, "a\\nb\\u{202e}c");
}

#[test]
fn a_flood_of_bad_parameters_lists_a_few_and_counts_the_rest() {
    let query: String = (0..200_000).map(|i| format!("x{i}=1&")).collect();
    let (state, notices) = parse(&query);
    assert_eq!(state, UrlState::default());
    assert_eq!(notices.len(), 200_000);
    let summary = NoticeSummary::new(notices);
    assert_eq!(summary.shown.len(), NOTICES_SHOWN);
    assert_eq!(summary.shown[0].parameter, "x0");
    assert_eq!(summary.more, 200_000 - NOTICES_SHOWN);
    assert_eq!(summary.more_label().as_deref(), Some("and 199995 more"));
    let few = NoticeSummary::new(parse("a=1&b=2").1);
    assert_eq!((few.shown.len(), few.more_label()), (2, None));
    assert!(NoticeSummary::new(Vec::new()).is_empty());
}

#[test]
fn repairs_what_it_can_and_says_so() {
    let (s, notices) = parse("from=2024-08-01&to=2024-07-01&zoom=1&v=2");
    assert_eq!(
        (s.from, s.to, s.zoom),
        (Some(date(2024, 7, 1)), Some(date(2024, 8, 1)), true)
    );
    assert_eq!(notices.len(), 2);
    let (s, notices) = parse("p=2&zoom=1");
    assert_eq!(s, UrlState::default());
    assert_eq!(notices.len(), 2);
}

#[test]
fn plus_is_a_space_and_bad_utf8_is_a_notice() {
    assert_eq!(parse("q=a+b").0.query, "a b");
    let (s, n) = parse("q=%FF%FE");
    assert_eq!(s.query, "");
    assert_eq!(n.len(), 1);
}

#[test]
fn unknown_ids_and_facet_values_are_dropped_with_notices() {
    let (mut s, _) = parse("report=nope&p=2&left=a&right=zz&topic=iran&topic=mars");
    let notices = s.retain_known(|id| id == "a", |_, v| v == "iran");
    assert_eq!(s.report, None);
    assert_eq!(s.paragraph, None);
    assert_eq!(s.compare, None);
    assert_eq!(
        s.facets.get(FacetKind::Topic).iter().collect::<Vec<_>>(),
        ["iran"]
    );
    assert_eq!(notices.len(), 3);
}

#[test]
fn the_page_is_written_from_1_and_links_without_it_open_the_first() {
    let (s, notices) = parse("v=1&q=iran&page=4");
    assert_eq!((s.page, notices), (3, vec![]));
    assert_eq!(render(&s), "v=1&q=iran&page=4");
    // A link made before paging.
    assert_eq!(parse("v=1&q=iran").0.page, 0);
    // The first page is the default: not written.
    let (first, _) = parse("page=1");
    assert_eq!((first.page, render(&first)), (0, String::new()));
    for bad in [
        "page=0",
        "page=-2",
        "page=two",
        "page=99999999999999999999999",
    ] {
        let (s, notices) = parse(bad);
        assert_eq!(s.page, 0, "{bad}");
        assert_eq!(notices.len(), 1, "{bad}");
        assert_eq!(notices[0].parameter, "page", "{bad}");
    }
}

#[test]
fn a_new_query_restarts_paging_and_opening_a_report_does_not() {
    let before = UrlState {
        query: "iran".into(),
        page: 3,
        ..Default::default()
    };
    let mut opened = before.clone();
    opened.report = Some("a".into());
    opened.restart_paging_if_query_changed(&before);
    assert_eq!(opened.page, 3);
    let mut next_page = before.clone();
    next_page.page = 4;
    next_page.restart_paging_if_query_changed(&before);
    assert_eq!(next_page.page, 4);
    for change in [
        (|s: &mut UrlState| s.query.push('s')) as fn(&mut UrlState),
        |s| s.facets.toggle(FacetKind::Outlet, "Dawn"),
        |s| s.from = Some(date(2024, 1, 1)),
        |s| s.threshold = Some(50),
    ] {
        let mut changed = before.clone();
        change(&mut changed);
        changed.restart_paging_if_query_changed(&before);
        assert_eq!(changed.page, 0);
    }
}

fn arb_state() -> impl Strategy<Value = UrlState> {
    let id = "[A-Za-z0-9_-]{1,12}";
    let value = "\\PC{0,12}";
    let day = (2000i32..2030, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| date(y, m, d));
    let matrix = (
        proptest::sample::select(MatrixColumns::ALL),
        proptest::sample::select(RowSort::ALL),
        proptest::sample::select(ColumnSort::ALL),
    )
        .prop_map(|(columns, rows, cols)| MatrixChoice {
            columns,
            rows,
            cols,
        });
    let ledger = (proptest::option::of("\\PC{1,12}"), "\\PC{0,12}")
        .prop_map(|(speaker, text)| LedgerFilter { speaker, text });
    let pages = (
        proptest::sample::select(View::ALL.to_vec()),
        proptest::option::of(id),
        matrix,
        ledger,
        any::<bool>(),
    );
    (
        "\\PC{0,20}",
        proptest::collection::vec((0usize..5, value), 0..6),
        proptest::option::of((day.clone(), day)),
        any::<bool>(),
        pages,
        proptest::option::of((id, proptest::option::of(0usize..500))),
        proptest::option::of((id, id)),
        proptest::option::of(THRESHOLD_PERCENT_RANGE),
        0usize..1000,
    )
        .prop_map(
            |(query, facets, range, zoom, pages, report, compare, threshold, page)| {
                let (view, story, matrix, ledger, local) = pages;
                let mut s = UrlState {
                    query,
                    zoom: false,
                    threshold,
                    compare,
                    page,
                    view,
                    story,
                    matrix,
                    ledger,
                    local,
                    ..Default::default()
                };
                for (k, v) in facets {
                    s.facets.get_mut(FacetKind::ALL[k]).insert(v);
                }
                if let Some((a, b)) = range {
                    s.from = Some(a.min(b));
                    s.to = Some(a.max(b));
                    s.zoom = zoom;
                }
                if let Some((id, p)) = report {
                    s.report = Some(id);
                    s.paragraph = p;
                }
                s
            },
        )
}

#[test]
fn the_new_views_read_well_and_keep_their_place_in_the_order() {
    let s = UrlState {
        view: View::Matrix,
        matrix: MatrixChoice {
            columns: MatrixColumns::EventDates,
            rows: RowSort::Name,
            cols: ColumnSort::Coverage,
        },
        ledger: LedgerFilter {
            speaker: Some("Ingrid Solberg".into()),
            text: "ramps".into(),
        },
        story: Some("story-w1_wire-0".into()),
        threshold: Some(40),
        ..Default::default()
    };
    assert_eq!(
        render(&s),
        "v=1&view=matrix&by=dates&rows=name&cols=coverage&speaker=Ingrid%20Solberg&quote=ramps&story=story-w1_wire-0&t=40"
    );
    // The defaults are left out: a matrix by stories, rows by coverage, columns by date.
    let plain = UrlState {
        view: View::Matrix,
        ..Default::default()
    };
    assert_eq!(render(&plain), "v=1&view=matrix");
    // Every link written before these views reads as it did.
    let (old, notices) = parse("v=1&q=iran&view=list&report=a&p=2&t=45");
    assert_eq!(notices, vec![]);
    assert_eq!(
        (old.view, old.story.clone(), old.matrix, old.ledger.clone()),
        (
            View::List,
            None,
            MatrixChoice::default(),
            LedgerFilter::default()
        )
    );
    assert_eq!(render(&old), "v=1&q=iran&view=list&report=a&p=2&t=45");
}

#[test]
fn bad_values_of_the_new_parameters_become_notices() {
    let (s, notices) = parse("view=grid&by=weeks&rows=size&cols=colour&story=a%20b&speaker=");
    assert_eq!(s, UrlState::default());
    let params: Vec<&str> = notices.iter().map(|n| n.parameter.as_str()).collect();
    assert_eq!(params, ["view", "by", "rows", "cols", "story"]);
    assert!(
        notices[0].message.contains("matrix or ledger"),
        "{}",
        notices[0]
    );
}

#[test]
fn one_main_view_and_what_opens_over_what() {
    let mut s = UrlState::default();
    assert_eq!(s.main_view(), MainView::Explore);
    s.view = View::Matrix;
    assert_eq!(s.main_view(), MainView::Matrix);
    // A story opens over the matrix (dropping it goes back to the matrix)...
    s.story = Some("story-a".into());
    assert_eq!(s.main_view(), MainView::Story("story-a".into()));
    // ...and narrows the ledger instead of opening its page.
    s.view = View::Ledger;
    assert_eq!(s.main_view(), MainView::Ledger);
    s.report = Some("r".into());
    assert_eq!(s.main_view(), MainView::Read("r".into()));
    s.compare = Some(("a".into(), "b".into()));
    assert_eq!(s.main_view(), MainView::Compare("a".into(), "b".into()));
}

#[test]
fn a_story_the_relations_cannot_find_is_dropped_with_a_notice() {
    let mut s = parse("story=story-gone").0;
    let notices = s.retain_known_story(|id| id == "story-here");
    assert_eq!(s.story, None);
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].parameter, "story");
    let mut s = parse("story=story-here").0;
    assert!(s.retain_known_story(|id| id == "story-here").is_empty());
    assert_eq!(s.story.as_deref(), Some("story-here"));
}

proptest! {
    #[test]
    fn parse_inverts_render(state in arb_state()) {
        let rendered = render(&state);
        let (parsed, notices) = parse(&rendered);
        prop_assert_eq!(notices, vec![]);
        prop_assert_eq!(parsed, state);
    }

    #[test]
    fn rendering_is_canonical(state in arb_state()) {
        let once = render(&state);
        prop_assert_eq!(render(&parse(&once).0), once);
    }

    #[test]
    fn parse_never_panics(input in "\\PC{0,200}") {
        let (state, _) = parse(&input);
        // Whatever it read renders to something that reads back the same.
        prop_assert_eq!(parse(&render(&state)).0, state);
    }
}

#[test]
fn a_view_of_local_files_says_so_first() {
    let s = UrlState {
        local: true,
        query: "water".into(),
        ..Default::default()
    };
    assert_eq!(render(&s), "v=1&corpus=local&q=water");
    let (back, notices) = parse("v=1&corpus=local&q=water");
    assert_eq!((back, notices.len()), (s.clone(), 0));
    assert_eq!(render(&s.home()), "v=1&corpus=local");
    assert_eq!(render(&UrlState::default().home()), "");
    let (other, notices) = parse("corpus=mine");
    assert!(!other.local);
    assert_eq!(notices[0].parameter, "corpus");
}
