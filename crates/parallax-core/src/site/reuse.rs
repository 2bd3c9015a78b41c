//! A rebuild's split: the search index made from the last build's ([`SearchMemo`], which the
//! build cache keeps), indexing only the reports whose text changed, rather than from all the
//! text. The parts are those of [`split`](super::split).

use super::{split_indexed, SiteParts};
use crate::model::{Corpus, Report};
use crate::query::{report_keys, PrefixShard, ReportKey, SearchIndex, SearchMeta, WordShard};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A build's search index as the next build finds it: its reports' keys and the index as the
/// site's shards hold it. Borrowed from the parts when written, owned when read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchMemo<'a> {
    pub reports: Cow<'a, [ReportKey]>,
    pub meta: Cow<'a, SearchMeta>,
    pub words: Cow<'a, [WordShard]>,
    pub prefixes: Cow<'a, [PrefixShard]>,
}

/// What a rebuild's split made, and how it made it.
pub struct Reused {
    pub parts: SiteParts,
    /// The memo of these parts' index, for the next build ([`Reused::memo`]).
    pub keys: Vec<ReportKey>,
    /// Reports whose text was folded and indexed (all of them without a usable memo).
    pub indexed: usize,
}

impl Reused {
    /// The memo of the parts' search index, borrowed from them.
    pub fn memo(&self) -> SearchMemo<'_> {
        SearchMemo {
            reports: Cow::Borrowed(&self.keys),
            meta: Cow::Borrowed(&self.parts.catalogue.search),
            words: Cow::Borrowed(&self.parts.search_words),
            prefixes: Cow::Borrowed(&self.parts.search_prefixes),
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
pub fn search_index_reusing(reports: &[Report], previous: Option<SearchMemo>) -> IndexReused {
    let keys = report_keys(reports);
    let updated = previous.and_then(|memo| {
        let index = SearchIndex::from_shards(
            memo.meta.into_owned(),
            memo.words.into_owned(),
            memo.prefixes.into_owned(),
        );
        SearchIndex::updated(index, &memo.reports, &keys, reports)
    });
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
pub fn split_reusing(corpus: Corpus, previous: Option<SearchMemo>) -> Reused {
    let index = search_index_reusing(&corpus.reports, previous);
    split_with(corpus, index)
}
