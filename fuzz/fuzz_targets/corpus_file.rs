//! One corpus file, any bytes, through the whole build: `parallax_core::build_corpus` with the
//! bundled topic lexicon and no metadata. Beyond "no panic": the corpus invariants
//! (`parallax_fuzz::check_corpus`: ids, ranges, references, postcard round trip), diagnostics
//! name the file, an unusable file yields no report, and building twice gives the same corpus
//! (no hash-order or other hidden state).
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::{
    build_corpus, chrono::NaiveDate, metadata::Metadata, Level, ParseOptions, SourceFile, TopicDef,
};
use std::sync::OnceLock;

const NAME: &str = "fuzz.txt";

fuzz_target!(|bytes: &[u8]| {
    static TOPICS: OnceLock<Vec<TopicDef>> = OnceLock::new();
    let topics = TOPICS.get_or_init(parallax_fuzz::bundled_topics);
    let files = [SourceFile {
        name: NAME.into(),
        bytes: bytes.to_vec(),
    }];
    let corpus = build_corpus(&files, &Metadata::default(), topics, &options());
    parallax_fuzz::check_corpus(&corpus);
    assert!(
        corpus.diagnostics.iter().all(|d| d.file == NAME),
        "diagnostics name the file"
    );
    if corpus.diagnostics.iter().any(|d| d.level == Level::Error) {
        assert!(
            corpus.reports.is_empty(),
            "an unusable file yields no report"
        );
    }
    assert!(
        corpus.reports.iter().all(|r| r.file == NAME),
        "reports name their file"
    );
    let again = build_corpus(&files, &Metadata::default(), topics, &options());
    assert!(again == corpus, "building twice gives the same corpus");
});

/// A fixed build date: the same input must give the same corpus on every run.
fn options() -> ParseOptions {
    ParseOptions::new(NaiveDate::from_ymd_opt(2026, 1, 1).expect("a real date"))
}
