//! Curator metadata: what the text alone cannot tell (an outlet's name, a URL, a date, a
//! corrected title), per file. Read from `corpus/metadata.toml` by the build step and the CLI;
//! metadata wins over inference, and the date basis says so.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// All curator metadata of a corpus, keyed by file name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(default)]
    pub files: BTreeMap<String, FileMeta>,
}

/// What a curator may state about one file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileMeta {
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub event_date: Option<NaiveDate>,
    pub title: Option<String>,
}
