//! Hand-written corpora in shapes of page furniture the seeds do not show: breadcrumb trails
//! above (or holding) the title, "Check Also" blocks of WordPress news themes, and "Published
//! in <outlet>, <date>" footers with ordinal days. Outlets and stories are invented.

mod common;

use common::{body, corpus, date};

use parallax_core::{Corpus, DateBasis, OutletBasis, Report};

fn report<'a>(c: &'a Corpus, file_prefix: &str) -> &'a Report {
    c.reports
        .iter()
        .find(|r| r.file.starts_with(file_prefix))
        .unwrap_or_else(|| panic!("no report from {file_prefix}"))
}

#[test]
fn breadcrumb_trails_are_navigation() {
    let c = corpus("trails");
    assert_eq!(c.reports.len(), 4);

    // The trail repeats the title printed under it: the trail goes, its section is the kicker.
    let r = report(&c, "t1");
    assert_eq!(
        r.title,
        "Coastal states agree to share fishing data after a decade of disputes over quotas"
    );
    assert_eq!(r.kicker.as_deref(), Some("International"));
    assert_eq!(r.published, date("2024-05-09"));
    assert_eq!(
        (r.event_date, r.event_date_basis),
        (date("2024-05-08"), DateBasis::ResolvedWeekday)
    );
    assert_eq!(r.dateline.as_deref(), Some("COLOMBO"));
    assert_eq!(r.standfirst, Vec::<String>::new());
    assert!(r.paragraphs[0].text.starts_with("Fisheries ministers"));

    // No title line: the title is the trail's last part, without the trail.
    let r = report(&c, "t2");
    assert_eq!(
        r.title,
        "Senate passes budget amid opposition walkout over new taxes"
    );
    assert_eq!(r.kicker.as_deref(), Some("Pakistan"));
    assert_eq!(r.published, date("2024-06-04"));
    assert_eq!(r.event_date, date("2024-06-03"));
    assert_eq!(r.paragraphs.len(), 2);
    assert!(r.paragraphs[0].text.starts_with("The Senate passed"));
    assert!(!c
        .diagnostics
        .iter()
        .any(|d| d.file == r.file && d.message.contains("title was guessed")));

    // Sections only: the last one is the kicker of the title under it.
    let r = report(&c, "t3");
    assert_eq!(
        r.title,
        "Rupee gains against dollar as importers slow purchases"
    );
    assert_eq!(r.kicker.as_deref(), Some("Markets"));
    assert_eq!(r.published, date("2024-06-04"));

    // A kicker printed with the title wins over the trail's section.
    let r = report(&c, "t4");
    assert_eq!(
        r.title,
        "Hosts name unchanged squad for the second Test against the visitors"
    );
    assert_eq!(r.kicker.as_deref(), Some("CRICKET"));

    for r in &c.reports {
        let b = body(r);
        for junk in ["Home", " / ", "»", "›", " > "] {
            assert!(!b.contains(junk), "{}: {junk:?} in {b}", r.id);
            assert!(!r.title.contains(junk), "{}: {junk:?} in the title", r.id);
        }
    }
}

#[test]
fn check_also_blocks_are_related_links() {
    let c = corpus("check_also");
    assert_eq!(c.reports.len(), 3);
    let links = |r: &Report| -> Vec<(String, String)> {
        r.related
            .iter()
            .map(|l| (l.label.clone(), l.headline.clone()))
            .collect()
    };

    // In the middle of the body, with the teaser's date, excerpt and button.
    let r = report(&c, "ca1");
    assert_eq!(r.kicker.as_deref(), Some("AGRICULTURE"));
    assert_eq!(
        r.title,
        "Farmers' union calls off strike after wheat price deal"
    );
    assert_eq!(
        (r.published, r.published_basis),
        (date("2024-05-08"), DateBasis::Stated)
    );
    assert_eq!(
        (r.event_date, r.event_date_basis),
        (date("2024-05-07"), DateBasis::ResolvedWeekday)
    );
    assert_eq!(
        links(r),
        [(
            "Check also".to_string(),
            "Monsoon rains delay harvest across southern districts".to_string()
        )]
    );
    assert_eq!(r.paragraphs.len(), 4, "{:#?}", r.paragraphs);
    assert!(r.paragraphs[2].text.starts_with("\"We did not want"));
    assert_eq!(r.quotes.len(), 1);

    // At the end, before teasers of other stories: the link stays, the teasers go.
    let r = report(&c, "ca2");
    assert_eq!(r.published, date("2024-05-10"));
    assert_eq!(
        links(r),
        [(
            "Check also".to_string(),
            "Fishermen protest against trawlers in coastal waters".to_string()
        )]
    );
    assert_eq!(r.paragraphs.len(), 2);

    // The teaser's date above its headline: the link's, not the report's.
    let r = report(&c, "ca3");
    assert_eq!(
        (r.published, r.published_basis),
        (date("2024-05-12"), DateBasis::Stated)
    );
    assert_eq!(r.event_date, date("2024-05-11"));
    assert_eq!(
        links(r),
        [(
            "Check also".to_string(),
            "Education department delays school reopening by a week".to_string()
        )]
    );
    assert_eq!(r.paragraphs.len(), 2);
    assert!(r.paragraphs[1].text.starts_with("The associations said"));

    for r in &c.reports {
        let b = body(r);
        for junk in [
            "Check Also",
            "Monsoon",
            "Fishermen",
            "Education department",
            "Read More",
            "[\u{2026}]",
            "May 6, 2024",
            "May 9, 2024",
            "May 11, 2024",
            "Floods hit",
            "2 hours ago",
        ] {
            assert!(!b.contains(junk), "{}: {junk:?} in {b}", r.id);
        }
    }
}

/// What the footer and header of a report say, in one comparable line.
fn facts(r: &Report) -> String {
    format!(
        "{} | kicker {:?} | published {:?} ({}) | updated {:?} | event {:?} ({}) | outlet {:?} ({})",
        r.title,
        r.kicker,
        r.published,
        r.published_basis.label(),
        r.updated,
        r.event_date,
        r.event_date_basis.label(),
        r.outlet,
        r.outlet_basis.label()
    )
}

#[test]
fn published_in_footers_give_the_date_and_the_outlet() {
    let c = corpus("footers");
    assert_eq!(c.reports.len(), 5);

    // Breadcrumbs, a "Check Also" block, the footer, a link list: no date in the header.
    let r = report(&c, "f1");
    assert_eq!(
        facts(r),
        "Coastal states agree to share fishing data after decade of disputes | kicker Some(\"International\") | published Some(2024-05-09) (stated) | updated None | event Some(2024-05-08) (resolved weekday) | outlet Some(\"The Harbour Post\") (stated in the text)"
    );
    assert_eq!(r.related.len(), 1);
    assert_eq!(
        r.related[0].headline,
        "Monsoon rains delay harvest across southern districts"
    );
    assert_eq!(r.paragraphs.len(), 3);
    assert_eq!(
        r.paragraphs[2].text,
        "The agreement takes effect in January, officials said."
    );

    // The title in the trail, teasers after the footer.
    let r = report(&c, "f2");
    assert_eq!(
        facts(r),
        "Power tariff cut approved for industrial consumers in the north | kicker Some(\"Pakistan\") | published Some(2024-06-01) (stated) | updated None | event Some(2024-05-31) (resolved weekday) | outlet Some(\"The Frontier Ledger\") (stated in the text)"
    );
    assert_eq!(r.paragraphs.len(), 2);
    assert!(r.related.is_empty());

    // "This article was published in X on 3rd March 2024."; the curator names the outlet.
    let r = report(&c, "f3");
    assert_eq!(
        facts(r),
        "Why the valley's orchards need a new water plan | kicker Some(\"OPINION\") | published Some(2024-03-03) (stated) | updated None | event Some(2024-03-02) (resolved weekday) | outlet Some(\"Valley Courier Weekly\") (metadata)"
    );
    assert_eq!(r.byline.as_deref(), Some("Hira Latif"));
    assert_eq!(r.paragraphs.len(), 3);

    // A plain date line at the end, then teasers with dates of their own.
    let r = report(&c, "f4");
    assert_eq!(
        facts(r),
        "Landslide blocks highway for second day | kicker None | published Some(2024-02-22) (stated) | updated None | event Some(2024-02-21) (resolved weekday) | outlet None (unknown)"
    );
    assert_eq!(r.paragraphs.len(), 2);

    // The header gives an update only: the footer's date is the publication date.
    let r = report(&c, "f5");
    assert_eq!(
        facts(r),
        "Vaccination drive reaches remote districts | kicker Some(\"HEALTH\") | published Some(2024-06-08) (stated) | updated Some(2024-06-10) | event Some(2024-06-06) (resolved weekday) | outlet Some(\"Daily Meridian\") (stated in the text)"
    );
    assert_eq!(r.paragraphs.len(), 2);

    for r in &c.reports {
        let b = body(r);
        for junk in [
            "ublished in",
            "ublished on",
            "appeared in",
            "2024",
            "Check Also",
            "Monsoon",
            "Rupee gains",
            "Road reopens",
            "2 hours ago",
            "Cabinet approves",
        ] {
            assert!(!b.contains(junk), "{}: {junk:?} in {b}", r.id);
        }
        assert!(
            !c.diagnostics
                .iter()
                .any(|d| d.file == r.file && d.message.contains("publication date")),
            "{}: {:?}",
            r.id,
            c.diagnostics
        );
    }
}

#[test]
fn outlet_from_a_wire_credit_is_stated_in_the_text() {
    let c = corpus("wire");
    let r = &c.reports[0];
    assert_eq!(
        (r.outlet.as_deref(), r.outlet_basis),
        (Some("Reuters"), OutletBasis::StatedInText)
    );
}
