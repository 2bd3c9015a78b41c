//! `parallax build DIR --site OUT`: the analysed corpus as a static site's data folder, a
//! catalogue and content-hashed shards (`parallax_core::site`), which the page fetches.
//!
//! A rebuild writes only the files whose bytes changed (a file's name is its hash: a name
//! already there holds those bytes), then the pointer `catalogue` (the catalogue's file name, one
//! line, replaced by a rename), then removes the files the new catalogue no longer names: a page
//! reading the folder meanwhile sees the old site or the new one, never half of one.

use parallax_core::site::{write_site, SiteFiles};
use parallax_core::Corpus;
use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// The pointer file: the catalogue's file name.
pub const POINTER: &str = "catalogue";

/// What was written: files and their bytes, and how many of them were new.
pub struct Written {
    pub files: usize,
    pub bytes: usize,
    pub new_files: usize,
    pub catalogue_bytes: usize,
}

/// Writes `corpus` as site data into the folder `out` (created when missing).
pub fn write_site_dir(corpus: &Corpus, out: &Path) -> io::Result<Written> {
    let SiteFiles { catalogue, files } =
        write_site(corpus.clone()).map_err(|e| io::Error::other(e.to_string()))?;
    fs::create_dir_all(out)?;
    let mut new_files = 0;
    for file in &files {
        let path = out.join(&file.name);
        if fs::metadata(&path).is_ok_and(|m| m.len() == file.bytes.len() as u64) {
            continue;
        }
        replace(&path, &file.bytes)?;
        new_files += 1;
    }
    // The default view as HTML, for the page's first paint (the hook puts it in index.html).
    replace(
        &out.join("first-view.html"),
        crate::prerender::first_view_html(corpus).as_bytes(),
    )?;
    replace(&out.join(POINTER), format!("{catalogue}\n").as_bytes())?;
    let kept: HashSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
    for entry in fs::read_dir(out)?.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.ends_with(".postcard") && !kept.contains(name) {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(Written {
        files: files.len(),
        bytes: files.iter().map(|f| f.bytes.len()).sum(),
        new_files,
        catalogue_bytes: files
            .iter()
            .find(|f| f.name == catalogue)
            .map_or(0, |f| f.bytes.len()),
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
