//! Golden test on the bundled seed corpus: the whole ingestion result, reviewed by hand and
//! checked in as tests/golden/seeds.json. Regenerate with
//! `UPDATE_GOLDEN=1 cargo test -p parallax-core --test golden` and review the diff.
//! The key facts are also asserted one by one below, so a careless regeneration cannot hide
//! a regression in them.

mod common;

use parallax_core::ingest::{parse_corpus, ParsedFile};
use parallax_core::metadata::Metadata;
use parallax_core::{DateBasis, Level, ParagraphKind, Report};

fn seeds() -> ParsedFile {
    let files = common::read_files(&common::repo_root().join("corpus"));
    parse_corpus(&files, &Metadata::default(), &common::options())
}

fn golden_json(parsed: &ParsedFile) -> String {
    let value = serde_json::json!({ "reports": parsed.reports, "diagnostics": parsed.diagnostics });
    serde_json::to_string_pretty(&value).unwrap() + "\n"
}

#[test]
fn seeds_match_golden() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/seeds.json");
    let got = golden_json(&seeds());
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .expect("tests/golden/seeds.json (create it with UPDATE_GOLDEN=1)");
    if got != want {
        let first_diff = got
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "ingestion output differs from tests/golden/seeds.json at line {}:\n got: {}\nwant: {}\n(UPDATE_GOLDEN=1 to regenerate, then review the diff)",
            first_diff + 1,
            got.lines().nth(first_diff).unwrap_or(""),
            want.lines().nth(first_diff).unwrap_or("")
        );
    }
}

fn report<'a>(parsed: &'a ParsedFile, id_prefix: &str, index: usize) -> &'a Report {
    parsed
        .reports
        .iter()
        .find(|r| r.file.starts_with(id_prefix) && r.index == index)
        .unwrap()
}

fn date(s: &str) -> Option<parallax_core::NaiveDate> {
    Some(s.parse().unwrap())
}

fn body(r: &Report) -> String {
    r.paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// No page furniture left in any body.
#[test]
fn no_boilerplate_in_bodies() {
    let parsed = seeds();
    for r in &parsed.reports {
        let b = body(r);
        for junk in [
            "Short Url",
            "Follow",
            "Leave a Reply",
            "logged in",
            "You May Also Like",
            "Also read",
            "Read more",
            "(US Department of State)",
            "Updated",
            "(Web Desk)",
            "ISLAMABAD:",
            "WASHINGTON:",
        ] {
            assert!(!b.contains(junk), "{} body contains {junk:?}", r.id);
        }
        assert!(
            r.paragraphs.iter().all(|p| !p.text.trim().is_empty()),
            "{} has an empty paragraph",
            r.id
        );
        assert!(
            r.paragraphs.iter().all(|p| p.text != r.title),
            "{} repeats its title in the body",
            r.id
        );
    }
}

#[test]
fn six_reports_with_dates_and_titles() {
    let p = seeds();
    assert_eq!(p.reports.len(), 6);
    assert!(p.diagnostics.iter().all(|d| d.level == Level::Warning));

    let r = report(&p, "000", 0);
    assert_eq!(
        r.title,
        "US dismisses claims of Iranian support for ISIS in Pakistan"
    );
    assert_eq!(r.kicker.as_deref(), Some("In World"));
    assert_eq!(
        (r.published, r.published_basis),
        (date("2024-04-12"), DateBasis::Stated)
    );
    assert_eq!(
        (r.event_date, r.event_date_basis),
        (date("2024-04-11"), DateBasis::ResolvedWeekday)
    );
    assert_eq!(r.related.len(), 1);
    assert!(r.related[0].headline.starts_with("Pentagon frustrated"));
    let gaza = r.paragraphs.iter().find(|p| p.text == "Gaza war").unwrap();
    assert_eq!(gaza.kind, ParagraphKind::Heading);
    assert_eq!(
        r.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Heading)
            .count(),
        1
    );
    assert!(r
        .paragraphs
        .last()
        .unwrap()
        .text
        .ends_with("continue to pursue it.\u{201d}"));

    let r = report(&p, "001", 0);
    assert_eq!(r.title, "Washington says has \u{2018}shared interest\u{2019} with Pakistan in combating regional threats");
    assert_eq!(
        (r.published, r.updated),
        (date("2024-07-09"), date("2024-07-09"))
    );
    assert_eq!(
        (r.event_date, r.event_date_basis),
        (date("2024-07-08"), DateBasis::ResolvedWeekday)
    );
    assert_eq!(r.dateline.as_deref(), Some("ISLAMABAD"));
    assert_eq!(r.standfirst.len(), 2);
    assert!(r.standfirst[0].starts_with("State Department official responds"));
    assert!(r.paragraphs[0]
        .text
        .starts_with("Washington has a \u{201c}shared interest\u{201d}"));
    let may9 = r
        .paragraphs
        .iter()
        .find(|p| p.text == "MAY 9 PROTESTS")
        .unwrap();
    assert_eq!(may9.kind, ParagraphKind::Heading);
    assert!(
        !body(r).contains("Amnesty"),
        "the second report leaked into the first"
    );

    let r = report(&p, "001", 1);
    assert_eq!(r.title, "Pakistan rejects Amnesty claims of Israeli spyware use, calls reports \u{2018}disinformation\u{2019}");
    assert_eq!((r.published, r.event_date), (None, None));
    assert_eq!(r.dateline.as_deref(), Some("ISLAMABAD"));
    assert!(p
        .diagnostics
        .iter()
        .any(|d| d.report.as_deref() == Some(r.id.as_str())
            && d.message.contains("cut off")
            && d.line == 48));
    assert!(p
        .diagnostics
        .iter()
        .any(|d| d.report.as_deref() == Some(r.id.as_str()) && d.message.contains("relative")));

    let r = report(&p, "002", 0);
    assert_eq!(
        (r.published, r.event_date, r.event_date_basis),
        (None, None, DateBasis::Unknown)
    );
    assert_eq!(r.dateline.as_deref(), Some("ISLAMABAD"));
    assert!(r.paragraphs[0]
        .text
        .starts_with("US State Department Spokesperson Matthew Miller said"));

    let r = report(&p, "003", 0);
    assert_eq!((r.published, r.event_date), (None, None));
    assert_eq!(r.dateline.as_deref(), Some("WASHINGTON"));
    assert_eq!(
        r.related.len(),
        2,
        "the repeated Read more link is kept once"
    );
    assert!(r
        .paragraphs
        .last()
        .unwrap()
        .text
        .contains("legal protections"));

    let r = report(&p, "004", 0);
    assert_eq!(r.kicker.as_deref(), Some("POLITICS & POLICY MAKING"));
    assert_eq!(r.title, "US Vows Continued Support for Pakistan in Fight Against Terrorism Amid Rising Security Challenges");
    assert_eq!(r.standfirst.len(), 1);
    assert_eq!(
        (r.published, r.event_date),
        (date("2024-09-04"), date("2024-09-03"))
    );
    assert_eq!(r.event_date_evidence.as_deref(), Some("on Tuesday"));
    assert_eq!(r.paragraphs.len(), 7, "lone NBSP paragraphs dropped");
}

#[test]
fn speakers_quotes_and_aliases() {
    let p = seeds();
    for (file, index, speaker) in [
        ("000", 0, "Matthew Miller"),
        ("001", 0, "Matthew Miller"),
        ("001", 1, "Tahir Andrabi"),
        ("002", 0, "Matthew Miller"),
        ("003", 0, "Matthew Miller"),
        ("004", 0, "Matthew Miller"),
    ] {
        let r = report(&p, file, index);
        assert_eq!(r.speakers, [speaker], "{}", r.id);
        assert!(!r.quotes.is_empty(), "{} has quotes", r.id);
        assert!(
            r.quotes
                .iter()
                .all(|q| q.speaker.as_deref() == Some(speaker)),
            "{}: {:?}",
            r.id,
            r.quotes
        );
        assert!(
            !r.people.iter().any(|n| n == "Mathew Miller"),
            "{}: the variant spelling is normalised",
            r.id
        );
    }
    let r = report(&p, "000", 0);
    assert_eq!(r.quotes.len(), 7);
    // The unclosed quote ends before its own attribution.
    assert!(r.quotes[1]
        .text
        .ends_with("I do not have information to suggest that"));
    let r = report(&p, "004", 0);
    assert_eq!(
        r.quotes[1].text,
        "Our hearts go out to the families and loved ones of those killed"
    );
    let r = report(&p, "001", 0);
    // Scare quotes ("shared interest") are not quotes; the two quotes of one paragraph are.
    assert!(r.quotes.iter().all(|q| q.text.split(' ').count() >= 5));
    assert!(r.people.contains(&"Imran Khan".to_string()));
    assert!(
        r.organisations
            .iter()
            .any(|o| o == "Pakistan Tehreek-e-Insaf"),
        "{:?}",
        r.organisations
    );
    assert!(r.places.contains(&"Islamabad".to_string()));
}
