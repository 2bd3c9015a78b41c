//! A rebuild's split: the search index made from the last build's ([`SearchMemo`], which the
//! build cache keeps), indexing only the reports whose text changed, rather than from all the
//! text. The parts are those of [`split`](super::split).

use super::{split_indexed, SiteParts};
use crate::model::Corpus;
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

/// [`split`](super::split), its search index made from `previous`, the last build's, where that
/// is of use (see `SearchIndex::updated`); the parts are the same either way.
pub fn split_reusing(corpus: Corpus, previous: Option<SearchMemo>) -> Reused {
    let keys = report_keys(&corpus.reports);
    let updated = previous.and_then(|memo| {
        let index = SearchIndex::from_shards(
            memo.meta.into_owned(),
            memo.words.into_owned(),
            memo.prefixes.into_owned(),
        );
        SearchIndex::updated(index, &memo.reports, &keys, &corpus.reports)
    });
    let (index, indexed) =
        updated.unwrap_or_else(|| (super::search_index(&corpus.reports), corpus.reports.len()));
    Reused {
        parts: split_indexed(corpus, index),
        keys,
        indexed,
    }
}
