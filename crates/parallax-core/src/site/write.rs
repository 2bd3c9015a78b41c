//! Serialising a site's parts: postcard, each file named by a hash of its bytes.

use super::{split, BodyShard, PreviousIndex, SearchMemo, ShardFiles, SiteParts, TitleShard};
use crate::model::Corpus;
use crate::query::{PrefixShard, WordShard};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::io;
use std::sync::Mutex;

/// One file of the site's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteFile {
    /// `kind-hash.postcard`, relative to the data folder.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Every file of a site's data; `catalogue` names the one the page fetches first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteFiles {
    pub catalogue: String,
    pub files: Vec<SiteFile>,
}

/// A file [`write_parts`] named: its name and its size in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedFile {
    pub name: String,
    pub len: usize,
}

/// What [`write_parts`] named: the catalogue, and every file once, by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteIndex {
    pub catalogue: String,
    pub files: Vec<NamedFile>,
}

/// A file's name: `kind-<16 hex digits of the bytes' xxh3>.postcard`.
pub fn file_name(kind: &str, bytes: &[u8]) -> String {
    format!("{kind}-{:016x}.postcard", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// The index a [`SearchMemo`] names: each of its shards read with `read` (the site folder's
/// file of that name), checked against its name and decoded. `None` when one is missing, holds
/// other bytes than its name says, or does not decode: the index is then made anew.
pub fn read_memo(
    memo: SearchMemo<'static>,
    read: impl Fn(&str) -> Option<Vec<u8>>,
) -> Option<PreviousIndex> {
    fn shard<T: DeserializeOwned>(
        kind: &str,
        name: &str,
        read: &impl Fn(&str) -> Option<Vec<u8>>,
    ) -> Option<T> {
        let bytes = read(name)?;
        (file_name(kind, &bytes) == name)
            .then(|| postcard::from_bytes(&bytes).ok())
            .flatten()
    }
    let words = memo.words.iter().map(|n| shard("words", n, &read));
    let words: Vec<WordShard> = words.collect::<Option<_>>()?;
    let prefixes = memo.prefixes.iter().map(|n| shard("prefixes", n, &read));
    let prefixes: Vec<PrefixShard> = prefixes.collect::<Option<_>>()?;
    Some(PreviousIndex::from_shards(
        memo.reports.into_owned(),
        memo.meta.into_owned(),
        words,
        prefixes,
    ))
}

/// What is done with each file's bytes: written, kept, or left alone when already there.
pub type Keep<'a> = dyn Fn(&str, &[u8]) -> io::Result<()> + Sync + 'a;

/// Serialises `value` into the thread's own buffer, names it ([`file_name`]) and hands both to
/// `keep`. The buffer is reused: the site's 60 MB at 10,000
/// reports are never all in memory, and a rebuild, which writes a few of them, allocates none.
fn named(kind: &str, value: &impl Serialize, keep: &Keep) -> io::Result<NamedFile> {
    thread_local! {
        static BYTES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    BYTES.with_borrow_mut(|bytes| {
        bytes.clear();
        postcard::to_io(value, &mut *bytes).map_err(io::Error::other)?;
        let name = file_name(kind, bytes);
        keep(&name, bytes)?;
        Ok(NamedFile {
            len: bytes.len(),
            name,
        })
    })
}

/// Serialises `parts` and hands each file to `keep` (on all cores, feature `parallel`): the
/// shards first, then the catalogue naming them (`parts.catalogue.files` is set to them). Two
/// shards with equal bytes are one file, which `keep` may be given twice.
pub fn write_parts(parts: &mut SiteParts, keep: &Keep) -> io::Result<SiteIndex> {
    /// A file the catalogue names.
    enum Shard<'a> {
        Ledger,
        Pairs,
        Body(&'a BodyShard),
        Titles(&'a TitleShard),
        Words(&'a WordShard),
        Prefixes(&'a PrefixShard),
    }
    // One list for all cores, the ledger (the largest file) and the pairs first, so that one
    // core takes them while the other starts on the shards.
    let mut shards = vec![Shard::Ledger, Shard::Pairs];
    shards.extend(parts.bodies.iter().map(Shard::Body));
    shards.extend(parts.titles.iter().map(Shard::Titles));
    shards.extend(parts.search_words.iter().map(Shard::Words));
    shards.extend(parts.search_prefixes.iter().map(Shard::Prefixes));
    let mut named_shards = crate::par::map(&shards, |shard| match shard {
        Shard::Ledger => named("ledger", &parts.ledger, keep),
        Shard::Pairs => named("pairs", &parts.pairs, keep),
        Shard::Body(s) => named("body", s, keep),
        Shard::Titles(s) => named("titles", s, keep),
        Shard::Words(s) => named("words", s, keep),
        Shard::Prefixes(s) => named("prefixes", s, keep),
    })
    .into_iter();
    let (ledger, pairs) = (named_shards.next(), named_shards.next());
    let bodies: Vec<_> = named_shards.by_ref().take(parts.bodies.len()).collect();
    let titles: Vec<_> = named_shards.by_ref().take(parts.titles.len()).collect();
    let words: Vec<_> = named_shards
        .by_ref()
        .take(parts.search_words.len())
        .collect();
    let prefixes: Vec<_> = named_shards.collect();
    let missing = || io::Error::other("a shard was not serialised");
    let mut files = Vec::new();
    let mut names = |file: io::Result<NamedFile>| {
        let file = file?;
        let name = file.name.clone();
        files.push(file);
        io::Result::Ok(name)
    };
    let mut shard_files = ShardFiles {
        reports_per_body: super::REPORTS_PER_BODY_SHARD as u32,
        titles_per_shard: super::TITLES_PER_SHARD as u32,
        ..ShardFiles::default()
    };
    for file in bodies {
        shard_files.bodies.push(names(file)?);
    }
    for file in titles {
        shard_files.titles.push(names(file)?);
    }
    for file in words {
        shard_files.search_words.push(names(file)?);
    }
    for file in prefixes {
        shard_files.search_prefixes.push(names(file)?);
    }
    shard_files.ledger = names(ledger.ok_or_else(missing)?)?;
    shard_files.pairs = names(pairs.ok_or_else(missing)?)?;
    parts.catalogue.files = shard_files;
    let catalogue = names(named("catalogue", &parts.catalogue, keep))?;
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files.dedup_by(|a, b| a.name == b.name);
    Ok(SiteIndex { catalogue, files })
}

/// The corpus cut ([`split`]) and serialised, every file's bytes kept.
pub fn write_site(corpus: Corpus) -> io::Result<SiteFiles> {
    let mut parts = split(corpus);
    let kept = Mutex::new(Vec::new());
    let index = write_parts(&mut parts, &|name, bytes| {
        let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.push(SiteFile {
            name: name.to_string(),
            bytes: bytes.to_vec(),
        });
        Ok(())
    })?;
    let mut files = kept.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files.dedup_by(|a, b| a.name == b.name);
    Ok(SiteFiles {
        catalogue: index.catalogue,
        files,
    })
}
