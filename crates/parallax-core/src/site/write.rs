//! Serialising a site's parts: postcard, each file named by a hash of its bytes.

use super::{split, Catalogue, ShardFiles};
use crate::model::Corpus;
use serde::Serialize;

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

/// `kind-<16 hex digits of the bytes' xxh3>.postcard`.
fn named(kind: &str, value: &impl Serialize) -> Result<SiteFile, postcard::Error> {
    let bytes = postcard::to_allocvec(value)?;
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    Ok(SiteFile {
        name: format!("{kind}-{hash:016x}.postcard"),
        bytes,
    })
}

/// The corpus cut ([`split`]) and serialised: shards first, then the catalogue naming them.
pub fn write_site(corpus: Corpus) -> Result<SiteFiles, postcard::Error> {
    let parts = split(corpus);
    let mut files = Vec::new();
    let mut names = |file: SiteFile| {
        let name = file.name.clone();
        files.push(file);
        name
    };
    // The shards are serialised and hashed on all cores (feature `parallel`), in order.
    let bodies = crate::par::map(&parts.bodies, |s| named("body", s));
    let words = crate::par::map(&parts.search_words, |s| named("words", s));
    let prefixes = crate::par::map(&parts.search_prefixes, |s| named("prefixes", s));
    let mut shard_files = ShardFiles {
        reports_per_body: super::REPORTS_PER_BODY_SHARD as u32,
        ..ShardFiles::default()
    };
    for file in bodies {
        shard_files.bodies.push(names(file?));
    }
    for file in words {
        shard_files.search_words.push(names(file?));
    }
    for file in prefixes {
        shard_files.search_prefixes.push(names(file?));
    }
    shard_files.ledger = names(named("ledger", &parts.ledger)?);
    shard_files.pairs = names(named("pairs", &parts.pairs)?);
    let catalogue = Catalogue {
        files: shard_files,
        ..parts.catalogue
    };
    let catalogue = named("catalogue", &catalogue)?;
    let name = catalogue.name.clone();
    files.push(catalogue);
    // Two shards with equal bytes are one file.
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files.dedup_by(|a, b| a.name == b.name);
    Ok(SiteFiles {
        catalogue: name,
        files,
    })
}
