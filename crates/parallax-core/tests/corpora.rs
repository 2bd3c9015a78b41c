//! Corpora written for these tests in styles the seeds do not show: a wire story (byline,
//! zone-stamped date, "CITY, date (Agency) -" dateline, credits, trailing teasers), a British
//! broadsheet (breadcrumbs, standfirst, "Mon 8 Jul 2024 14.05 BST", single quotes, photo
//! caption, a heading, a misspelt name, "More on this story"), and a South Asian daily (BOM and
//! CRLF, a quote over two paragraphs, "Read more" on its own line, "Published in <outlet>,
//! <date>" at the end, two reports split by "* * *", a comment box, metadata.toml).

mod common;

use common::{body, corpus, date};

use parallax_core::{DateBasis, Level, OutletBasis, ParagraphKind};

#[test]
fn wire_style() {
    let c = corpus("wire");
    assert_eq!(c.reports.len(), 1);
    let r = &c.reports[0];
    assert_eq!(
        r.title,
        "US urges calm after border clashes between Nepal and Bhutan"
    );
    assert_eq!(r.byline.as_deref(), Some("Jane Roe and John Doe"));
    // The breadcrumb trail's last section.
    assert_eq!(r.kicker.as_deref(), Some("Asia Pacific"));
    assert_eq!(
        (r.published, r.published_basis),
        (date("2024-09-03"), DateBasis::Stated)
    );
    assert_eq!(
        (r.event_date, r.event_date_basis),
        (date("2024-09-02"), DateBasis::ResolvedWeekday)
    );
    assert_eq!(r.dateline.as_deref(), Some("WASHINGTON"));
    assert_eq!(r.outlet.as_deref(), Some("Reuters"));
    assert!(r.paragraphs[0]
        .text
        .starts_with("The United States on Monday urged"));
    assert_eq!(r.speakers, ["Karen Oduya"]);
    assert_eq!(r.quotes.len(), 2);
    assert!(r
        .quotes
        .iter()
        .all(|q| q.speaker.as_deref() == Some("Karen Oduya")));
    let b = body(r);
    for junk in [
        "Reporting by",
        "Markets slip",
        "Floods hit",
        "2 hours ago",
        "5 min read",
        "Home >",
    ] {
        assert!(!b.contains(junk), "{junk}");
    }
    assert!(r.places.contains(&"Nepal".to_string()));
}

#[test]
fn broadsheet_style() {
    let c = corpus("broadsheet");
    let r = &c.reports[0];
    assert_eq!(
        r.title,
        "Minister defends grain deal as farmers protest in Warsaw"
    );
    assert_eq!(r.kicker.as_deref(), Some("Europe"));
    assert_eq!(r.standfirst.len(), 1);
    assert!(r.standfirst[0].starts_with("Agriculture minister says"));
    assert_eq!(r.published, date("2024-07-08"));
    // "on Sunday" is background; the event sentence is the parliament speech on Sunday → 7 July.
    assert_eq!(r.event_date, date("2024-07-07"));
    let b = body(r);
    assert!(
        !b.contains("Photo:") && !b.contains("More on this story") && !b.contains("Grain prices")
    );
    let heading = r
        .paragraphs
        .iter()
        .find(|p| p.text == "What happens next")
        .unwrap();
    assert_eq!(heading.kind, ParagraphKind::Heading);
    assert_eq!(r.quotes.len(), 2, "{:?}", r.quotes);
    assert_eq!(r.quotes[0].speaker.as_deref(), Some("Piotr Nowakowski"));
    assert_eq!(r.quotes[1].speaker.as_deref(), Some("Anna Wrobel"));
    // "Pitr" and "Piotr" once each in full: one person, the fuller spelling.
    assert_eq!(r.speakers, ["Piotr Nowakowski", "Anna Wrobel"]);
    assert!(!r.people.iter().any(|p| p.contains("Pitr")));
}

#[test]
fn daily_style_with_two_reports_and_metadata() {
    let c = corpus("daily");
    assert_eq!(c.reports.len(), 2);
    let a = &c.reports[0];
    assert_eq!(a.title, "Karachi port traffic rises on new trade route");
    assert_eq!(
        (a.outlet.as_deref(), a.outlet_basis),
        (Some("Dawn"), OutletBasis::StatedInText)
    );
    assert_eq!(
        (a.published, a.published_basis),
        (date("2024-07-12"), DateBasis::Stated)
    );
    assert_eq!(
        (a.event_date, a.event_date_basis),
        (date("2024-07-11"), DateBasis::ResolvedWeekday)
    );
    assert_eq!(a.dateline.as_deref(), Some("KARACHI"));
    assert_eq!(a.related.len(), 1);
    assert_eq!(
        a.related[0].headline,
        "Shipping costs fall as Red Sea route reopens"
    );
    assert_eq!(a.quotes.len(), 2);
    assert_eq!(a.quotes[1].text, "The new berths will be ready by December, and we are hiring more staff to handle the extra ships that arrive each week");
    assert_eq!(a.quotes[1].speaker.as_deref(), Some("Salman Qureshi"));
    assert!(!body(a).contains("Published in"));
    let b = &c.reports[1];
    assert_eq!(b.title, "Rupee steady against dollar in interbank trade");
    assert_eq!(b.index, 1);
    assert_eq!(
        (b.outlet.as_deref(), b.url.as_deref()),
        (
            Some("The Daily Ledger"),
            Some("https://example.org/business/rupee-steady")
        )
    );
    assert_eq!(b.outlet_basis, OutletBasis::Metadata);
    assert_eq!(
        (b.published, b.published_basis),
        (date("2024-07-13"), DateBasis::Metadata)
    );
    assert_eq!(
        (b.event_date, b.event_date_basis),
        (date("2024-07-12"), DateBasis::ResolvedWeekday)
    );
    assert!(!body(b).contains("Great news"));
    assert!(c.diagnostics.iter().all(|d| d.level == Level::Warning));
}
