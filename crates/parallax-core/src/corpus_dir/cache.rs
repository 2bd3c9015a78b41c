//! The build cache: what a rebuild after a small change need not redo.
//!
//! In the cache folder (`parallax build --cache DIR`; the Makefile uses
//! `target/parallax-cache/`):
//!
//! * `files-NN.postcard`: each file's parsed and topic-tagged reports and their name counts
//!   ([`CachedFile`]), by a hash of everything parsing reads (the file's name and bytes, its
//!   metadata, the build date, the topic lexicon).
//! * `features-NN.postcard`: each report's features by a hash of what they are made from.
//! * `quotes-NN.postcard`: the sentences of each report's quotes as the quote ledger matches
//!   them, by a hash of the quotes' text.
//! * `pairs.postcard`: the memo of the pairs ([`crate::analysis::reuse::PairMemo`]).
//! * `metadata.postcard`: the last parse of `metadata.toml`, by a hash of its text and the
//!   corpus's file names (all the parse reads).
//! * `search.postcard`: what a rebuild needs of the last site's search index ([`SearchMemo`]:
//!   its reports' keys and the files of its shards in the site folder, which are read back),
//!   to index only the reports whose text changed.
//!
//! Entries are spread over [`SHARDS`] files by key, and a build rewrites only the shards whose
//! entries changed: after one file changed, two or three small files are written, not the
//! whole cache. Entries are content-addressed, so a stale one is never used; a rewritten shard
//! keeps only the entries the build used. A cache of another version, or unreadable, is
//! ignored and rewritten: it can make a build slower, never different.

use crate::analysis::pairs::ReportFeatures;
use crate::analysis::quotes::Sentence;
use crate::analysis::reuse::{Carry, PairMemo};
use crate::ingest::{NameCounts, ParsedFile};
use crate::metadata::{FileMeta, Metadata};
use crate::model::{Diagnostic, TopicDef};
use crate::site::SearchMemo;
use crate::ParseOptions;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
// Keys are content hashes already: FxHash, not SipHash, to look them up.
use rustc_hash::FxHashMap as HashMap;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

/// Changes with the crate version and this format: a cache of another build is not read.
const SCHEMA: &str = concat!("parallax cache 4, core ", env!("CARGO_PKG_VERSION"));
const PAIRS: &str = "pairs.postcard";
const METADATA: &str = "metadata.postcard";
const SEARCH: &str = "search.postcard";

#[derive(Serialize, Deserialize)]
struct Stored<T> {
    schema: String,
    body: T,
}

/// One file's entry: its parse, topic-tagged, and each report's name counts (what the corpus-wide
/// name unification sums), so that an unchanged file is neither parsed nor read for names again.
#[derive(Debug, Serialize, Deserialize)]
pub struct CachedFile {
    pub parsed: ParsedFile,
    pub names: Vec<NameCounts>,
}

impl CachedFile {
    /// Whether the entry is whole: a name count list per report.
    fn is_whole(&self) -> bool {
        self.names.len() == self.parsed.reports.len()
    }
}

/// Shards per kind of entry.
pub const SHARDS: usize = 64;

/// A build cache folder, and which keys each shard held when it was read.
pub struct Cache {
    dir: PathBuf,
    files_read: Vec<Vec<u64>>,
    features_read: Vec<Vec<u64>>,
    quotes_read: Vec<Vec<u64>>,
}

/// The key of a parse: everything [`crate::ingest::parse_file_with`] and the tagger read.
pub fn file_key(
    name: &str,
    bytes: &[u8],
    meta: Option<&FileMeta>,
    options: &ParseOptions,
    lexicon: u64,
) -> u64 {
    let header = format!("{}|{name}|{meta:?}|{options:?}|{lexicon}|", name.len());
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(header.as_bytes());
    h.update(bytes);
    h.digest()
}

/// The key of a parse of `metadata.toml`: its text and the file names it is checked against.
pub fn metadata_key(text: &str, names: &[&str]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for part in std::iter::once(text).chain(names.iter().copied()) {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.digest()
}

/// The key of a topic lexicon.
pub fn lexicon_key(topics: &[TopicDef]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(format!("{topics:?}").as_bytes())
}

fn shard_of(key: u64) -> usize {
    (key % SHARDS as u64) as usize
}

impl Cache {
    pub fn new(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
            files_read: vec![Vec::new(); SHARDS],
            features_read: vec![Vec::new(); SHARDS],
            quotes_read: vec![Vec::new(); SHARDS],
        }
    }

    /// The parsed files of the last build, by [`file_key`] (none without a usable cache).
    pub fn load_files(&mut self) -> HashMap<u64, CachedFile> {
        let (mut map, read) = self.load_shards::<CachedFile>("files");
        map.retain(|_, f| f.is_whole());
        self.files_read = read;
        map
    }

    /// Writes the shards whose entries are not those read.
    pub fn save_files(&self, entries: &[(u64, &CachedFile)]) -> Result<(), String> {
        self.save_shards("files", entries, &self.files_read)
    }

    /// The analysis carry of the last build (empty without a usable cache).
    pub fn load_carry(&mut self) -> Carry {
        // The memo is read while the shards are: it is as large as eight of them.
        enum Part {
            Memo(Option<PairMemo>),
            Features(HashMap<u64, ReportFeatures>, Vec<Vec<u64>>),
            Quotes(HashMap<u64, Vec<Sentence>>, Vec<Vec<u64>>),
        }
        let parts = crate::par::map(&[0, 1, 2], |&part| match part {
            0 => Part::Memo(self.load(PAIRS)),
            1 => {
                let (features, read) = self.load_shards("features");
                Part::Features(features, read)
            }
            _ => {
                let (quotes, read) = self.load_shards("quotes");
                Part::Quotes(quotes, read)
            }
        });
        let mut carry = Carry::default();
        for part in parts {
            match part {
                Part::Memo(memo) => carry.pairs = memo,
                Part::Features(features, read) => {
                    carry.features = features;
                    self.features_read = read;
                }
                Part::Quotes(quotes, read) => {
                    carry.quotes = quotes;
                    self.quotes_read = read;
                }
            }
        }
        carry
    }

    pub fn save_carry(&self, carry: &Carry) -> Result<(), String> {
        let features: Vec<(u64, &ReportFeatures)> =
            carry.features.iter().map(|(k, f)| (*k, f)).collect();
        let quotes: Vec<(u64, &Vec<Sentence>)> =
            carry.quotes.iter().map(|(k, s)| (*k, s)).collect();
        // The memo is written while the shards are, as it is read.
        let written = crate::par::map(&[0, 1, 2], |&part| match (part, &carry.pairs) {
            (0, Some(memo)) => self.save(PAIRS, memo),
            (0, None) => Ok(()),
            (1, _) => self.save_shards("features", &features, &self.features_read),
            _ => self.save_shards("quotes", &quotes, &self.quotes_read),
        });
        written.into_iter().collect()
    }

    /// The last parse of `metadata.toml` if it had this [`metadata_key`].
    pub fn load_metadata(&self, key: u64) -> Option<(Metadata, Vec<Diagnostic>)> {
        let (stored_key, meta, diags): (u64, Metadata, Vec<Diagnostic>) = self.load(METADATA)?;
        (stored_key == key).then_some((meta, diags))
    }

    pub fn save_metadata(
        &self,
        key: u64,
        meta: &Metadata,
        diags: &[Diagnostic],
    ) -> Result<(), String> {
        self.save(METADATA, &(key, meta, diags))
    }

    /// The last site's search index (none without a usable cache).
    pub fn load_search(&self) -> Option<SearchMemo<'static>> {
        self.load(SEARCH)
    }

    pub fn save_search(&self, memo: &SearchMemo) -> Result<(), String> {
        self.save(SEARCH, memo)
    }

    fn load_shards<T: DeserializeOwned + Send>(
        &self,
        kind: &str,
    ) -> (HashMap<u64, T>, Vec<Vec<u64>>) {
        let shards: Vec<usize> = (0..SHARDS).collect();
        let loaded = crate::par::map(&shards, |&s| {
            self.load::<Vec<(u64, T)>>(&format!("{kind}-{s:02}.postcard"))
                .unwrap_or_default()
        });
        let mut map = HashMap::default();
        let mut read = Vec::with_capacity(SHARDS);
        for shard in loaded {
            let mut keys: Vec<u64> = shard.iter().map(|e| e.0).collect();
            keys.sort_unstable();
            read.push(keys);
            map.extend(shard);
        }
        (map, read)
    }

    fn save_shards<T: Serialize + Sync>(
        &self,
        kind: &str,
        entries: &[(u64, &T)],
        read: &[Vec<u64>],
    ) -> Result<(), String> {
        let mut shards: Vec<Vec<(u64, &T)>> = (0..SHARDS).map(|_| Vec::new()).collect();
        for &(k, v) in entries {
            shards[shard_of(k)].push((k, v));
        }
        let numbered: Vec<(usize, Vec<(u64, &T)>)> = shards.into_iter().enumerate().collect();
        let written = crate::par::map(&numbered, |(s, shard)| {
            let mut keys: Vec<u64> = shard.iter().map(|e| e.0).collect();
            keys.sort_unstable();
            keys.dedup();
            if read.get(*s).is_some_and(|r| *r == keys) {
                return Ok(());
            }
            self.save(&format!("{kind}-{s:02}.postcard"), shard)
        });
        written.into_iter().collect()
    }

    fn load<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        // One buffer per thread for the files' bytes: a buffer per file allocated the cache's
        // 130 MB anew on every rebuild (new pages, which the kernel zeroes).
        use std::cell::RefCell;
        thread_local! {
            static BYTES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        BYTES.with_borrow_mut(|bytes| {
            bytes.clear();
            let mut file = std::fs::File::open(self.dir.join(name)).ok()?;
            let len = file.metadata().map_or(0, |m| m.len());
            bytes.reserve(usize::try_from(len).unwrap_or(0));
            file.read_to_end(bytes).ok()?;
            let stored: Stored<T> = postcard::from_bytes(bytes).ok()?;
            (stored.schema == SCHEMA).then_some(stored.body)
        })
    }

    /// Writes `body` to a temporary file beside `name`, then renames it: a build stopped
    /// half-way leaves the old cache or none, never a torn one.
    fn save<T: Serialize>(&self, name: &str, body: &T) -> Result<(), String> {
        let shown = |e: std::io::Error| {
            format!(
                "cannot write the build cache {}: {e}",
                crate::escape_controls(&self.dir.join(name).display().to_string())
            )
        };
        std::fs::create_dir_all(&self.dir).map_err(shown)?;
        // Per process: two builds sharing a cache never write into one temporary file.
        let tmp = self.dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let stored = Stored {
            schema: SCHEMA.to_string(),
            body,
        };
        let written = std::fs::File::create(&tmp)
            .and_then(|file| {
                let mut out = std::io::BufWriter::new(file);
                postcard::to_io(&stored, &mut out)
                    .map_err(|e| std::io::Error::other(e.to_string()))?;
                out.flush()
            })
            .and_then(|()| std::fs::rename(&tmp, self.dir.join(name)));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written.map_err(shown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Report;

    /// An entry whose name counts do not match its reports (a cache of another build) is not
    /// used: its file is parsed again.
    #[test]
    fn a_file_entry_without_a_count_list_per_report_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let file = |reports: usize, counts: usize| CachedFile {
            parsed: ParsedFile {
                reports: vec![Report::default(); reports],
                diagnostics: Vec::new(),
            },
            names: vec![Vec::new(); counts],
        };
        let (whole, torn) = (file(2, 2), file(2, 1));
        let cache = Cache::new(dir.path());
        cache.save_files(&[(1, &whole), (2, &torn)]).unwrap();
        let loaded = Cache::new(dir.path()).load_files();
        assert_eq!(loaded.keys().collect::<Vec<_>>(), [&1]);
    }
}
