//! Fetching one of the site's data files: same origin, relative to the document's `<base>` (so
//! the site works under a GitHub Pages subpath), decoded from postcard.

use gloo_net::http::Request;
use parallax_core::local_files::LocalFile;
use parallax_core::site::Catalogue;
use std::sync::Arc;

/// Where a corpus's data files come from: the published site, fetched, or files the reader
/// opened, analysed in the page (nothing is fetched for them).
#[derive(Clone)]
pub enum Source {
    Site,
    /// The analysed files, by name (sorted: the analysis writes them so).
    Local(Arc<Vec<LocalFile>>),
}

impl Source {
    /// The bytes of data file `file`.
    pub async fn bytes(&self, file: &str) -> Result<Vec<u8>, String> {
        match self {
            Source::Site => fetch_bytes(file).await,
            Source::Local(files) => files
                .binary_search_by(|f| f.name.as_str().cmp(file))
                .map(|i| files[i].bytes.clone())
                .map_err(|_| format!("{file} is missing from the analysed files")),
        }
    }
}

/// The folder of the site's data, relative to `<base>`.
pub const DATA_DIR: &str = "data/";

/// Decodes catalogue `file`, fetched or made in the page (one decoder for both: it is the
/// largest the page has). The error says which file and why, in words a reader can act on.
pub fn decode_catalogue(file: &str, bytes: &[u8]) -> Result<Catalogue, String> {
    postcard::from_bytes(bytes).map_err(|e| {
        format!("{file} could not be read ({e}): the site's data and its code are from different builds; reload the page")
    })
}

/// The raw bytes of `data/<file>`.
pub async fn fetch_bytes(file: &str) -> Result<Vec<u8>, String> {
    let url = format!("{DATA_DIR}{file}");
    let offline = || web_sys::window().is_some_and(|w| !w.navigator().on_line());
    let response = Request::get(&url).send().await.map_err(|e| {
        if offline() {
            format!("you are offline, so {file} could not be loaded")
        } else {
            format!("{file} could not be loaded ({e})")
        }
    })?;
    if !response.ok() {
        return Err(format!(
            "{file} could not be loaded (the server answered {} {})",
            response.status(),
            response.status_text()
        ));
    }
    response
        .binary()
        .await
        .map_err(|e| format!("{file} stopped loading half-way ({e})"))
}

/// The catalogue's file name, as the build wrote it into the page
/// (`<meta name="parallax-catalogue">`), or `None` when the page has none.
pub fn catalogue_file() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector("meta[name=parallax-catalogue]")
        .ok()
        .flatten()?;
    meta.get_attribute("content").filter(|c| !c.is_empty())
}
