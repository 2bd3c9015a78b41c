//! `parallax build DIR --site OUT`: the analysed corpus as a static site's data folder, a
//! catalogue and content-hashed shards (`parallax_core::site`), which the page fetches.
//!
//! A rebuild writes only the files whose bytes changed (a file's name is its hash: a name
//! already there holds those bytes), then the pointer `catalogue` (the catalogue's file name, one
//! line, replaced by a rename), then removes the files the new catalogue no longer names: a page
//! reading the folder meanwhile sees the old site or the new one, never half of one.

use parallax_core::corpus_dir::cache::Cache;
use parallax_core::progress::Progress;
use parallax_core::site::{
    read_memo, search_index_reusing, split_with, write_parts, PreviousIndex,
};
use parallax_core::Corpus;
use std::collections::HashSet;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread::JoinHandle;

/// The pointer file: the catalogue's file name.
pub const POINTER: &str = "catalogue";

/// What was written: files and their bytes, and how many of them were new.
pub struct Written {
    pub files: usize,
    pub bytes: usize,
    pub new_files: usize,
    pub catalogue_bytes: usize,
    /// Reports folded and indexed for search (the others' postings came from the cache).
    pub indexed: usize,
    /// The writing of the search index to the cache, going on behind: see
    /// [`finish_search_cache`].
    pub cache_writer: Option<JoinHandle<Result<(), String>>>,
}

/// The last site's search index: the build cache's memo of it and its shards in the site
/// folder `out`, read on a thread of its own from the start of the build, while the corpus is
/// read and analysed.
pub struct SearchCache {
    dir: PathBuf,
    reader: Option<JoinHandle<Option<PreviousIndex>>>,
}

impl SearchCache {
    pub fn open(dir: &Path, out: &Path) -> SearchCache {
        let (reading, out) = (dir.to_path_buf(), out.to_path_buf());
        let read = move || {
            let memo = Cache::new(&reading).load_search()?;
            read_memo(memo, |name| read_shard(&out.join(name)))
        };
        SearchCache {
            dir: dir.to_path_buf(),
            // Without a thread, the index is made from all the text: slower, no different.
            reader: std::thread::Builder::new().spawn(read).ok(),
        }
    }
}

/// A shard of the site folder, if it is a file of at most [`MAX_SHARD_BYTES`].
fn read_shard(path: &Path) -> Option<Vec<u8>> {
    let file = fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_SHARD_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 <= MAX_SHARD_BYTES).then_some(bytes)
}

/// A search shard holds about 16 KB; one word's postings alone may be more (every report says
/// "the"), but a file this large is not one this build wrote.
const MAX_SHARD_BYTES: u64 = 64 * 1024 * 1024;

/// Waits until the search index is in the cache; why it could not be written, if it could not.
pub fn finish_search_cache(writer: JoinHandle<Result<(), String>>) -> Result<(), String> {
    writer
        .join()
        .unwrap_or_else(|_| Err("the search index's cache writer stopped".to_string()))
}

/// Writes `corpus` as site data into the folder `out` (created when missing). The corpus is
/// taken, not copied: its text goes into the shards as it is. With a `cache`, the search index
/// is made from the last build's and written back to it.
/// Tells `progress` of its stages: "search index" (the first view made beside it), "site
/// files".
pub fn write_site_dir(
    corpus: Corpus,
    out: &Path,
    cache: Option<SearchCache>,
    progress: &dyn Progress,
) -> io::Result<Written> {
    // The default view as HTML, for the page's first paint (the hook puts it in index.html);
    // made from the whole corpus, which the split then takes apart, on a thread of its own
    // while the search index is made (each a pass a core can take alone).
    progress.stage("search index", None);
    let (cache_dir, previous) = match cache {
        Some(SearchCache { dir, reader }) => {
            (Some(dir), reader.and_then(|r| r.join().ok()).flatten())
        }
        None => (None, None),
    };
    let (first_view, index) = std::thread::scope(|scope| {
        let view = std::thread::Builder::new()
            .spawn_scoped(scope, || crate::prerender::first_view_html(&corpus))
            .ok();
        let index = search_index_reusing(&corpus.reports, previous);
        let view = view
            .and_then(|v| v.join().ok())
            .unwrap_or_else(|| crate::prerender::first_view_html(&corpus));
        (view, index)
    });
    let mut reused = split_with(corpus, index);
    let parts = &mut reused.parts;
    progress.stage("site files", None);
    fs::create_dir_all(out)?;
    let new_files = AtomicUsize::new(0);
    // Two shards with equal bytes are one file: written once, not by two threads at a time.
    let claimed = Mutex::new(HashSet::new());
    let index = write_parts(parts, &|name, bytes| {
        let path = out.join(name);
        if fs::metadata(&path).is_ok_and(|m| m.len() == bytes.len() as u64) {
            return Ok(());
        }
        if !claimed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(name.to_string())
        {
            return Ok(());
        }
        new_files.fetch_add(1, Ordering::Relaxed);
        replace(&path, bytes)
    });
    let indexed = reused.indexed;
    // The index goes to the cache behind the rest, from the parts, which are then forgotten:
    // the process ends soon, and freeing the corpus's millions of strings would only delay it.
    // Without a thread to be had the index is not cached: the next build makes it from all the
    // text, no different.
    let cache_writer = match cache_dir {
        Some(dir) => {
            let write = move || {
                let written = Cache::new(&dir).save_search(&reused.memo());
                std::mem::forget(reused);
                written
            };
            std::thread::Builder::new().spawn(write).ok()
        }
        None => {
            std::mem::forget(reused);
            None
        }
    };
    let index = index?;
    replace(&out.join("first-view.html"), first_view.as_bytes())?;
    replace(
        &out.join(POINTER),
        format!("{}\n", index.catalogue).as_bytes(),
    )?;
    let kept: HashSet<&str> = index.files.iter().map(|f| f.name.as_str()).collect();
    for entry in fs::read_dir(out)?.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.ends_with(".postcard") && !kept.contains(name) {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(Written {
        files: index.files.len(),
        bytes: index.files.iter().map(|f| f.len).sum(),
        new_files: new_files.into_inner(),
        catalogue_bytes: index
            .files
            .iter()
            .find(|f| f.name == index.catalogue)
            .map_or(0, |f| f.len),
        indexed,
        cache_writer,
    })
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.tmp", std::process::id()));
    let written = fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes))
        .and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}
