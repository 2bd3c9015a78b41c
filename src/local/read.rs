//! Reading the files the reader opened (picked, a folder picked, or dropped) into memory, each
//! capped one byte past the size limit so that an oversized file costs no more than that.

use leptos::wasm_bindgen::JsCast;
use parallax_core::ingest::MAX_FILE_BYTES;
use parallax_core::local_files::LocalFile;
use parallax_core::{Diagnostic, Level};
use web_sys::{File, FileList};

/// The files of a file list (an input's, or a drop's).
pub fn files_of(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

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

/// Reads `files` in order, calling `read(n)` after each; a file that cannot be read (a dropped
/// folder, a file removed meanwhile) is a problem of its own.
pub async fn read_all(files: Vec<File>, read: impl Fn(usize)) -> (Vec<LocalFile>, Vec<Diagnostic>) {
    let mut out = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    for (i, file) in files.into_iter().enumerate() {
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
            None => problems.push(Diagnostic {
                file: name,
                line: 0,
                level: Level::Error,
                message: "could not be read (a folder? open it with “Open a folder”)".into(),
                report: None,
            }),
        }
        read(i + 1);
    }
    (out, problems)
}
