//! Parallax core: the model, corpus parsing, analysis, querying and URL state.
//!
//! Nothing here depends on the web: the build step, the `parallax` CLI and the wasm app all call
//! the same functions, so what the page shows is what the native tests check.

pub mod analysis;
#[cfg(feature = "sidecar")]
pub mod corpus_dir;
pub mod display;
pub mod export;
pub mod ingest;
pub mod local_files;
pub mod metadata;
pub mod model;
pub mod par;
pub mod progress;
pub mod query;
pub mod site;
pub mod text_fold;
pub mod text_marks;
pub mod url_state;

/// Dates in the model are `chrono` dates; re-exported so users need no direct dependency.
pub use chrono;
pub use ingest::ParseOptions;
pub use model::*;

/// One corpus file as read from disk (or dropped into the page): its name and raw bytes.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> SourceFile {
        SourceFile {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

/// Parses every file and analyses the result. Pure: no file system, no clock.
///
/// Files are processed in name order so ids and output are deterministic. `metadata` holds what a
/// curator stated per file; `topics` is the lexicon the analysis tags reports with; `options`
/// carries the build date that bounds plausible dates.
pub fn build_corpus(
    files: &[SourceFile],
    metadata: &metadata::Metadata,
    topics: &[TopicDef],
    options: &ParseOptions,
) -> Corpus {
    build_corpus_marked(files, metadata, topics, options, &progress::NoProgress)
}

/// [`build_corpus`], telling `progress` as each stage begins ("parse", then those of
/// [`analysis::analyze_marked`]) and how far it is: a caller with a clock (the CLI's `--timings`)
/// can time the stages; the core reads none.
pub fn build_corpus_marked(
    files: &[SourceFile],
    metadata: &metadata::Metadata,
    topics: &[TopicDef],
    options: &ParseOptions,
    progress: &dyn progress::Progress,
) -> Corpus {
    progress.stage("parse", Some(files.len() as u64));
    let parsed = ingest::parse_corpus_counted(files, metadata, options, progress);
    let mut corpus = Corpus {
        reports: parsed.reports,
        diagnostics: parsed.diagnostics,
        ..Corpus::default()
    };
    analysis::analyze_marked(&mut corpus, topics, progress);
    corpus
}
