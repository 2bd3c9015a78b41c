//! The parser does linear work on any input: counted, not timed. With the `work-count` feature
//! (on for these tests) the parser's scanning loops count the bytes, tokens and lookups they
//! touch (`ingest::work`). Quadratic behaviour shows as work growing ~64-fold when the input
//! grows 8-fold; these bounds allow ~10-fold, and an absolute cap per input byte.

#[path = "../benches/parse_inputs/mod.rs"]
mod inputs;

mod common;

use common::parse_file;
use parallax_core::ingest::work;
use proptest::prelude::*;

/// Work units per input byte that no linear shape here comes near (they measure 5–80).
const MAX_WORK_PER_BYTE: u64 = 400;

fn work_of(bytes: &[u8]) -> u64 {
    work::take();
    let _ = parse_file("w.txt", bytes);
    work::take()
}

#[test]
fn work_grows_linearly_with_input() {
    let small = 8 * 1024;
    let large = 8 * small;
    let smalls = inputs::adversarial(small);
    let larges = inputs::adversarial(large);
    for ((name, s), (_, l)) in smalls.iter().zip(&larges) {
        let (ws, wl) = (work_of(s), work_of(l));
        assert!(
            ws > 0,
            "{name}: no work counted (is the work-count feature on?)"
        );
        let growth = wl as f64 / ws as f64;
        let size_growth = l.len() as f64 / s.len() as f64;
        assert!(
            growth <= 1.25 * size_growth,
            "{name}: {}x the input took {growth:.1}x the work ({ws} → {wl})",
            size_growth.round()
        );
        assert!(
            wl <= MAX_WORK_PER_BYTE * l.len() as u64,
            "{name}: {} work units per byte",
            wl / l.len() as u64
        );
    }
}

#[test]
fn seed_files_work_is_linear_too() {
    for f in inputs::seed_files(1) {
        let w = work_of(&f.bytes);
        assert!(
            w > 0 && w <= MAX_WORK_PER_BYTE * f.bytes.len() as u64,
            "{}: {w}",
            f.name
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Long text with few sentence breaks (one line or a few paragraphs), quotes, capitals and
    /// weekdays: no panic, and bounded work per byte.
    #[test]
    fn long_inputs_with_few_breaks(
        words in proptest::collection::vec(
            prop_oneof![
                4 => "[a-z]{1,9}",
                2 => "[A-Z][a-z]{1,8}",
                1 => Just("said".to_string()),
                1 => Just("on Monday".to_string()),
                1 => "[“”\"'‘’]{1,2}[a-z]{0,6}",
                1 => "[a-z]{1,6}[,;:“”\"'’]",
            ],
            500..3500,
        ),
        breaks in proptest::collection::vec((0usize..3500, prop_oneof![Just(". "), Just("\n\n"), Just("\n")]), 0..4),
    ) {
        let mut text = String::from("A title for the report\nJuly 9, 2024\n\n");
        for (i, w) in words.iter().enumerate() {
            text.push_str(w);
            text.push_str(breaks.iter().find(|(at, _)| *at == i).map_or(" ", |(_, b)| *b));
        }
        let w = work_of(text.as_bytes());
        prop_assert!(w <= MAX_WORK_PER_BYTE * text.len() as u64, "{} work units per byte on {} bytes", w / text.len() as u64, text.len());
    }
}
