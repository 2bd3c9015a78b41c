//! Parser defects fixed after the first version, checked through the whole parser.

use parallax_core::ingest::parse_file;

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
