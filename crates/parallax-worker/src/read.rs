//! Reading the files the reader opened (picked, a folder picked, or dropped; the page hands
//! the `File`s over untouched) into memory, here off the page's thread, each capped one byte
//! past the size limit so that an oversized file costs no more than that.

use parallax_core::ingest::MAX_FILE_BYTES;
use parallax_core::local_files::LocalFile;
use parallax_core::progress::Progress;
use wasm_bindgen::JsCast;
use web_sys::File;

/// The name the analysis gets: for a file of a picked folder, its path inside that folder
/// (so a file of a subfolder is known as one), else the file's name.
fn name_of(file: &File) -> String {
    let path = js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .unwrap_or_default();
    match path.split_once('/') {
        Some((_folder, inside)) if !inside.is_empty() => inside.to_string(),
        _ => file.name(),
    }
}

/// Reads `files` in order (the stage "read", advanced per file): the files read, and the names of
/// those that could not be (a dropped folder, a file removed meanwhile; the analysis lists them).
pub async fn read_all(files: Vec<File>, progress: &dyn Progress) -> (Vec<LocalFile>, Vec<String>) {
    progress.stage("read", Some(files.len() as u64));
    let mut out = Vec::with_capacity(files.len());
    let mut unreadable = Vec::new();
    for file in files {
        let name = name_of(&file);
        let capped = file
            .slice_with_f64_and_f64(0.0, (MAX_FILE_BYTES + 1) as f64)
            .map(|blob| gloo_file::Blob::from(blob.unchecked_into::<web_sys::Blob>()));
        let bytes = match capped {
            Ok(blob) => gloo_file::futures::read_as_bytes(&blob).await.ok(),
            Err(_) => None,
        };
        match bytes {
            Some(bytes) => out.push(LocalFile { name, bytes }),
            None => unreadable.push(name),
        }
        progress.advance(1);
    }
    (out, unreadable)
}
