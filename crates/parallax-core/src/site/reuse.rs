//! A rebuild's split: the search index made from the last build's, indexing only the reports
//! whose text changed, rather than from all the text. The parts are those of
//! [`split`](super::split). What the next build needs of this one's index is small
//! ([`SearchMemo`], which the build cache keeps): the index itself is the site's word and
//! prefix shards, named by their bytes' hash, which it reads back (`read_memo`).

use super::{split_indexed, SiteParts};
use crate::model::{Corpus, Report};
use crate::query::{report_keys, PrefixShard, ReportKey, SearchIndex, SearchMeta, WordShard};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What the next build needs of a build's search index: its reports' keys, the index's
/// [`SearchMeta`] and the site's files of its shards. Borrowed from the parts when written,
/// owned when read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchMemo<'a> {
    pub reports: Cow<'a, [ReportKey]>,
    pub meta: Cow<'a, SearchMeta>,
    /// The word shards' files, then the prefix shards', in order (`ShardFiles`).
    pub words: Cow<'a, [String]>,
    pub prefixes: Cow<'a, [String]>,
}

/// The last build's search index, and the keys of the reports it indexed.
pub struct PreviousIndex {
    pub keys: Vec<ReportKey>,
    pub index: SearchIndex,
}

impl PreviousIndex {
    /// The index `words` and `prefixes` were cut from, with `meta`, of the reports `keys`.
    pub fn from_shards(
        keys: Vec<ReportKey>,
        meta: SearchMeta,
        words: Vec<WordShard>,
        prefixes: Vec<PrefixShard>,
    ) -> PreviousIndex {
        PreviousIndex {
            keys,
            index: SearchIndex::from_shards(meta, words, prefixes),
        }
    }
}

/// What a rebuild's split made, and how it made it.
pub struct Reused {
    pub parts: SiteParts,
    /// The keys of the parts' reports, for the next build ([`Reused::memo`]).
    pub keys: Vec<ReportKey>,
    /// Reports whose text was folded and indexed (all of them without a usable memo).
    pub indexed: usize,
}

impl Reused {
    /// The memo of the parts' search index, borrowed from them; it names the shards' files once
    /// `write_parts` has named them.
    pub fn memo(&self) -> SearchMemo<'_> {
        let files = &self.parts.catalogue.files;
        SearchMemo {
            reports: Cow::Borrowed(&self.keys),
            meta: Cow::Borrowed(&self.parts.catalogue.search),
            words: Cow::Borrowed(&files.search_words),
            prefixes: Cow::Borrowed(&files.search_prefixes),
        }
    }
}

/// A corpus's search index, and what the next build needs to know its reports again.
pub struct IndexReused {
    pub index: SearchIndex,
    pub keys: Vec<ReportKey>,
    /// Reports whose text was folded and indexed (all of them without a usable memo).
    pub indexed: usize,
}

/// The reports' search index made from `previous`, the last build's, where that is of use (see
/// `SearchIndex::updated`), else from all their text; the same index either way.
pub fn search_index_reusing(reports: &[Report], previous: Option<PreviousIndex>) -> IndexReused {
    let keys = report_keys(reports);
    let updated =
        previous.and_then(|last| SearchIndex::updated(last.index, &last.keys, &keys, reports));
    let (index, indexed) = updated.unwrap_or_else(|| (super::search_index(reports), reports.len()));
    IndexReused {
        index,
        keys,
        indexed,
    }
}

/// [`split`](super::split) with the index [`search_index_reusing`] made of its reports.
pub fn split_with(corpus: Corpus, index: IndexReused) -> Reused {
    Reused {
        parts: split_indexed(corpus, index.index),
        keys: index.keys,
        indexed: index.indexed,
    }
}

/// [`split`](super::split), its search index made from `previous`, the last build's, where that
/// is of use; the parts are the same either way.
pub fn split_reusing(corpus: Corpus, previous: Option<PreviousIndex>) -> Reused {
    let index = search_index_reusing(&corpus.reports, previous);
    split_with(corpus, index)
}
