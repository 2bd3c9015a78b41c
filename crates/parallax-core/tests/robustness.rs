//! No input panics the parser; unusable files are errors with file and line.

mod common;

use common::parse_file;
use parallax_core::ingest::MAX_FILE_BYTES;
use parallax_core::Level;
use proptest::prelude::*;

const SEED: &str = include_str!("../../../corpus/001_33bc37f87dab64db.txt");

/// Every quote's parts are slices of its paragraphs whose text, joined by spaces, is the quote's.
fn check_quote_positions(r: &parallax_core::Report) -> Result<(), TestCaseError> {
    for q in &r.quotes {
        let mut joined: Vec<&str> = Vec::new();
        for part in q.parts() {
            let text = r.paragraphs.get(part.paragraph).map(|p| p.text.as_str());
            let slice = text.and_then(|t| t.get(part.start..part.end));
            prop_assert!(slice.is_some(), "{part:?} in {:?}", text);
            joined.extend(slice);
        }
        prop_assert_eq!(joined.join(" "), q.text.clone());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = parse_file("x.txt", &bytes);
    }

    #[test]
    fn arbitrary_strings(s in "\\PC*") {
        let parsed = parse_file("x.txt", s.as_bytes());
        for r in &parsed.reports { check_quote_positions(r)?; }
    }

    #[test]
    fn mutated_seed(cut in 0usize..SEED.len(), insert in "[“”‘’„«»\"'\\n\u{a0}:()•\\-]{0,4}", at in 0usize..SEED.len()) {
        let mut s: String = SEED.chars().take(cut).collect();
        let at = s.char_indices().map(|(i, _)| i).find(|&i| i >= at.min(s.len())).unwrap_or(s.len());
        s.insert_str(at, &insert);
        let parsed = parse_file("x.txt", s.as_bytes());
        for r in &parsed.reports {
            prop_assert!(!r.title.is_empty());
            check_quote_positions(r)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Whatever year a date line or a sentence gives, every date of a report is plausible:
    /// 1900 to a year after the build date, never a negative year.
    #[test]
    fn dates_stay_in_the_plausible_range(
        year in 0i32..=9999,
        month in 1u32..=12,
        day in 1u32..=31,
        weekday in prop::sample::select(vec!["Monday", "Sunday", "Saturday"]),
        form in 0usize..3,
    ) {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        let m = months[month as usize - 1];
        let line = match form {
            0 => format!("{m} {day}, {year:04}"),
            1 => format!("{year:04}-{month:02}-{day:02}"),
            _ => format!("Updated {day} {m} {year:04}"),
        };
        let text = format!("A title for the report\n\n{line}\n\nThe minister spoke at a press briefing on {weekday} and said the talks on {m} {day}, {year:04} went well.\n\nPublished in Dawn, {m} {day}th, {year:04}\n");
        let parsed = parse_file("x.txt", text.as_bytes());
        let options = common::options();
        for r in &parsed.reports {
            for d in [r.published, r.updated, r.event_date].into_iter().flatten() {
                prop_assert!(options.plausible(d), "{d} from {text}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]
    /// Long text (up to 20k characters) with few sentence breaks: one huge line, or a few huge
    /// paragraphs, full of quote marks, capitals and punctuation that is not a full stop.
    #[test]
    fn long_text_with_few_sentence_breaks(
        body in "[a-zA-Z “”\"'‘’,;:()\u{2014}-]{0,20000}",
        breaks in proptest::collection::vec((any::<proptest::sample::Index>(), prop_oneof![Just(". "), Just("\n\n"), Just("\r\n")]), 0..3),
    ) {
        let mut text = String::from("A title for the report\nJuly 9, 2024\n\n") + &body;
        let header_len = text.len() - body.len();
        for (at, b) in breaks {
            let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).filter(|&i| i >= header_len).collect();
            if !offsets.is_empty() {
                text.insert_str(offsets[at.index(offsets.len())], b);
            }
        }
        let parsed = parse_file("long.txt", text.as_bytes());
        for r in &parsed.reports { prop_assert!(!r.title.is_empty()); }
    }
}

#[test]
fn unusable_files_are_errors_with_lines() {
    let empty = parse_file("e.txt", b"");
    assert_eq!(empty.diagnostics[0].level, Level::Error);
    let bin = parse_file("b.txt", b"Title\nline two\n\0\x01");
    assert_eq!(
        (bin.diagnostics[0].level, bin.diagnostics[0].line),
        (Level::Error, 3)
    );
    let latin1 = parse_file("l.txt", b"Title\n\nCaf\xe9 society\n");
    assert_eq!(
        (latin1.diagnostics[0].level, latin1.diagnostics[0].line),
        (Level::Error, 3)
    );
    let big = parse_file("big.txt", &vec![b'a'; MAX_FILE_BYTES + 1]);
    assert!(big.reports.is_empty() && big.diagnostics[0].message.contains("limit"));
}

#[test]
fn soft_problems_are_warnings_with_lines() {
    let text = "A title for the report\nFebruary 30, 2024\n\nThe minister spoke at a press briefing on Monday and said the talks would go on.\n";
    let p = parse_file("d.txt", text.as_bytes());
    let bad = p
        .diagnostics
        .iter()
        .find(|d| d.message.contains("impossible date"))
        .expect("impossible date warning");
    assert_eq!((bad.level, bad.line), (Level::Warning, 2));
    let no_title = parse_file("n.txt", b"This report opens with a long sentence that reads like body text and goes on about the events of the day in the capital city and more.\n");
    assert_eq!(no_title.reports.len(), 1);
    assert!(no_title
        .diagnostics
        .iter()
        .any(|d| d.message.contains("title was guessed") && d.line == 1));
}
