//! Parser defects fixed after the first version, checked through the whole parser.

mod common;

use common::parse_file;

#[test]
fn weekday_warning_points_at_the_weekday_paragraph() {
    let text = "A title for the report\n\nThe talks in the capital went on for a long time and ended without any result at all.\n\nThe minister spoke at a press briefing on Monday and said the talks would go on.\n";
    let p = parse_file("w.txt", text.as_bytes());
    let warning = p
        .diagnostics
        .iter()
        .find(|d| d.message.contains("named only by weekday"))
        .expect("weekday warning");
    assert_eq!(
        warning.line, 5,
        "the line of the paragraph that names the weekday, not the title's"
    );
}

#[test]
fn hard_wrapped_file_becomes_paragraphs() {
    let text = "Pakistan rejects report on spyware\nJuly 9, 2024\n\nISLAMABAD (Reuters) - Pakistan on Monday rejected a report that said\nthe country had bought invasive spyware, calling the findings\nspeculative and misleading, a foreign ministry spokesperson said.\n\nThe report, published by a rights group last week, said the tools\nhad been used against journalists and opposition politicians in the\nrun-up to the February elections.\n";
    let p = parse_file("wrapped.txt", text.as_bytes());
    assert_eq!(p.reports.len(), 1);
    let r = &p.reports[0];
    assert_eq!(r.title, "Pakistan rejects report on spyware");
    assert_eq!(r.paragraphs.len(), 2, "{:?}", r.paragraphs);
    assert!(r.paragraphs[0]
        .text
        .ends_with("a foreign ministry spokesperson said."));
    assert_eq!(r.dateline.as_deref(), Some("ISLAMABAD"));
    assert!(
        !p.diagnostics
            .iter()
            .any(|d| d.message.contains("mid-sentence")),
        "{:?}",
        p.diagnostics
    );
}

/// Dates in year 0000, 2999 or 9999 are typos or placeholders: warned about with the file, the
/// line and the date as written, and never used (no publication date, no event date resolved
/// from them, and never a negative year).
#[test]
fn implausible_dates_are_warned_about_and_ignored() {
    for (date_line, warning) in [
        (
            "January 1, 0000",
            "date \u{201c}January 1, 0000\u{201d} is before 1900: ignored as implausible",
        ),
        (
            "Updated 31 December 9999",
            "date \u{201c}Updated 31 December 9999\u{201d} is more than a year after the build date (2025-06-30): ignored as implausible",
        ),
        (
            "Tuesday, March 3rd, 2999 10:45 AM PKT",
            "date \u{201c}Tuesday, March 3rd, 2999 10:45 AM PKT\u{201d} is more than a year after the build date (2025-06-30): ignored as implausible",
        ),
    ] {
        let text = format!("A title for the report\n\n{date_line}\n\nThe minister spoke at a press briefing on Monday and said the talks would go on.\n");
        let p = parse_file("y.txt", text.as_bytes());
        let r = &p.reports[0];
        assert_eq!(
            (r.published, r.updated, r.event_date),
            (None, None, None),
            "{date_line}"
        );
        let shown: Vec<String> = p.diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(
            shown.contains(&format!("warning: y.txt:3: {warning}")),
            "{shown:#?}"
        );
        assert!(!p.diagnostics.iter().any(|d| d.message.contains(" is a ")));
    }
}

#[test]
fn implausible_footer_and_metadata_dates_are_ignored() {
    let text = "A title for the report\n\nThe minister spoke at a press briefing on Monday and said the talks would go on.\n\nPublished in Dawn, March 3rd, 2999\n";
    let p = parse_file("f.txt", text.as_bytes());
    assert_eq!(p.reports[0].published, None);
    assert!(p.diagnostics.iter().any(|d| d.line == 5
        && d.message
            .starts_with("date \u{201c}March 3rd, 2999\u{201d} is more than a year")));

    let meta = parallax_core::metadata::FileMeta {
        published: parallax_core::NaiveDate::from_ymd_opt(0, 1, 1),
        event_date: parallax_core::NaiveDate::from_ymd_opt(2024, 7, 8),
        ..Default::default()
    };
    let p = parallax_core::ingest::parse_file_with(
        "m.txt",
        b"A title for the report\n\nJuly 9, 2024\n\nThe minister spoke at a press briefing on Monday.\n",
        Some(&meta),
        &common::options(),
    );
    let r = &p.reports[0];
    assert_eq!(
        (r.published.map(|d| d.to_string()), r.published_basis),
        (Some("2024-07-09".into()), parallax_core::DateBasis::Stated),
        "the stated date stands when the metadata's is implausible"
    );
    assert_eq!(
        r.event_date.map(|d| d.to_string()).as_deref(),
        Some("2024-07-08")
    );
    assert!(p.diagnostics.iter().any(|d| d.line == 1
        && d.message
            == "metadata published \u{201c}0000-01-01\u{201d} is before 1900: ignored as implausible"));
}

/// Bidi controls reorder what a reader sees. Titles, names, outlet, kicker, dateline and the
/// like lose them (and an invisible control no longer hides a kicker, a dateline or a date
/// line from the parser); body text keeps them, for the reader to show as visible marks.
#[test]
fn bidi_controls_stay_out_of_labels_and_in_the_body() {
    use parallax_core::text_marks::{segments, Segment};
    let text = "\u{200f}WORLD\u{200f}\n\nTalks on \u{202e}water\u{202c} sharing resume in Geneva\n\nBy Sara \u{2067}Haddad\u{2069}\n\n\u{200e}June 4, 2024\n\nGENEVA\u{200e}: Delegates from both sides met on \u{202e}Monday\u{202c} at talks in Geneva, said spokesperson Omar \u{202e}Nasser\u{202c} of the Ministry of \u{200e}Water Resources.\n\n\"We are hopeful that the talks will end with an agreement on the river,\" said \u{202e}Lina Haddad\u{202c}, an adviser, at the press conference.\n\nAlso read: Dam \u{202e}levels\u{202c} fall to a record low\n\nThe talks resume next week, officials in \u{200f}Geneva said.\n\nPublished in The \u{202e}Lakeside\u{202c} Gazette, June 4th, 2024\n";
    let p = parse_file("b.txt", text.as_bytes());
    assert_eq!(p.reports.len(), 1, "{:#?}", p.reports);
    let r = &p.reports[0];
    assert_eq!(r.title, "Talks on water sharing resume in Geneva");
    assert_eq!(r.kicker.as_deref(), Some("WORLD"));
    assert_eq!(r.byline.as_deref(), Some("Sara Haddad"));
    assert_eq!(r.dateline.as_deref(), Some("GENEVA"));
    assert_eq!(r.outlet.as_deref(), Some("The Lakeside Gazette"));
    assert_eq!(
        r.published.map(|d| d.to_string()).as_deref(),
        Some("2024-06-04")
    );
    assert_eq!(r.event_date_evidence.as_deref(), Some("on Monday"));
    assert_eq!(r.related[0].headline, "Dam levels fall to a record low");
    assert!(
        r.people.contains(&"Omar Nasser".to_string()),
        "{:?}",
        r.people
    );
    assert_eq!(r.organisations, ["Ministry of Water Resources"]);
    assert_eq!(r.speakers, ["Lina Haddad"]);
    assert_eq!(r.quotes[0].speaker.as_deref(), Some("Lina Haddad"));
    let labels = [&r.title]
        .into_iter()
        .chain(&r.outlet)
        .chain(&r.people)
        .chain(&r.places)
        .chain(&r.speakers)
        .chain(&r.organisations);
    for l in labels {
        assert!(
            segments(l).iter().all(|s| matches!(s, Segment::Plain(_))),
            "{l:?}"
        );
    }
    // The body keeps them, the dateline cut off before them.
    let first = &r.paragraphs[0].text;
    assert!(first.starts_with("Delegates from both sides met on \u{202e}Monday\u{202c}"));
    let marks: Vec<&str> = r
        .paragraphs
        .iter()
        .flat_map(|p| segments(&p.text))
        .filter_map(|s| s.name())
        .collect();
    assert_eq!(
        marks,
        ["RLO", "PDF", "RLO", "PDF", "LRM", "RLO", "PDF", "RLM"]
    );

    // The curator's outlet is a label too.
    let meta = parallax_core::metadata::FileMeta {
        outlet: Some("Daily \u{202e}Example\u{202c}".into()),
        ..Default::default()
    };
    let p = parallax_core::ingest::parse_file_with(
        "b.txt",
        text.as_bytes(),
        Some(&meta),
        &common::options(),
    );
    assert_eq!(p.reports[0].outlet.as_deref(), Some("Daily Example"));
}
