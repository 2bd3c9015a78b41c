//! Files a reader opens in the page, and what crosses between the page and the worker that
//! analyses them (`corpus_dir::from_files`). The page and the worker are two wasm programs: the
//! messages are these serde types, carried by `serde-wasm-bindgen` (bytes as `Uint8Array`); the
//! worker's messages cross as postcard bytes (see [`WorkerMessage`]).

use crate::model::{Diagnostic, TopicDef};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One file as the reader gave it: its name (a folder pick's path inside the folder, with `/`)
/// and its bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalFile {
    pub name: String,
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
}

/// What the page asks the worker to do: analyse `files` as `parallax build` would a folder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalJob {
    pub files: Vec<LocalFile>,
    /// The lexicon used when no `topics.toml` comes with the files: the published corpus's.
    pub published_topics: Vec<TopicDef>,
    /// The reader's date: dates more than a year after it are implausible.
    pub today: NaiveDate,
    /// Files the page could not read (a dropped folder, a file removed meanwhile): each is a
    /// problem of its own.
    pub unreadable: Vec<String>,
}

/// The analysed files as a site's data, in memory: the page reads its shards from here
/// instead of fetching them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalSite {
    /// The catalogue's file name, among `files`.
    pub catalogue: String,
    /// Sorted by name (`site::write_site` writes them so): the page looks them up by halving.
    pub files: Vec<LocalFile>,
    /// Files left out, each with its error (and warnings about files skipped or sidecars):
    /// the rest loaded.
    pub problems: Vec<Diagnostic>,
    /// Report files (`.txt`) the reader gave, and how many of them were analysed.
    pub files_given: u32,
    pub files_loaded: u32,
    pub reports: u32,
}

/// A message from the worker to the page. It crosses in postcard (a `Uint8Array`): the page
/// reads it with the decoder it has for the site's data, so its first load carries no decoder
/// of JS values, and a finished site's megabytes are one copy, not converted field by field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkerMessage {
    /// The worker's code has loaded: it takes a job now.
    Ready,
    /// Stage `stage` of the analysis (`progress::Progress`'s names) has done `done` of `total`.
    Progress {
        stage: String,
        done: u64,
        total: Option<u64>,
    },
    /// The analysis is over, and how.
    Finished(LocalOutcome),
    /// From a helper worker to the worker that started it (never to the page): its share of the
    /// comparison, an `analysis::reuse::shares::SharedPairs` in postcard.
    Shared(#[serde(with = "serde_bytes")] Vec<u8>),
}

/// How an analysis ended: the site's data, or, when no file could be analysed, why, file by file.
pub type LocalOutcome = Result<LocalSite, Vec<Diagnostic>>;

/// The stages of a local analysis as the page shows them: reading and parsing the files, then
/// comparing the reports; `None` for stages too short to show on their own.
pub fn stage_label(stage: &str) -> Option<&'static str> {
    match stage {
        "read" => Some("Reading the files"),
        "parse" => Some("Parsing the files"),
        "topics" | "features" | "stock quotes" | "copies" => Some("Reading the reports"),
        "all pairs" | "candidates" | "verification" | "pairs" | "evidence" => {
            Some("Comparing the reports")
        }
        "stories" | "dates" | "quote ledger" => Some("Grouping stories and quotes"),
        "site" => Some("Preparing the views"),
        _ => None,
    }
}
