//! Reading the files the reader opened (picked, a folder picked, or dropped; the page hands
//! the `File`s over untouched) into memory, here off the page's thread, each capped one byte
//! past the size limit so that an oversized file costs no more than that, many at a time.

use parallax_core::ingest::MAX_FILE_BYTES;
use parallax_core::local_files::LocalFile;
use parallax_core::progress::Progress;
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

/// Files are read in batches, each one read of a blob joining them (about this many bytes or
/// files): a read per file waited a task's turn each, 0.9 s for a thousand files.
const BATCH_BYTES: f64 = 8_000_000.0;
const BATCH_FILES: usize = 1024;

/// One file to read: its name, and its bytes up to one past the size limit (`None` when even
/// that cannot be had).
struct Pending {
    name: String,
    capped: Option<web_sys::Blob>,
}

/// Reads `files` in order (the stage "read", advanced per file): the files read, and the names of
/// those that could not be (a dropped folder, a file removed meanwhile; the analysis lists them).
pub async fn read_all(files: Vec<File>, progress: &dyn Progress) -> (Vec<LocalFile>, Vec<String>) {
    progress.stage("read", Some(files.len() as u64));
    let mut out = Vec::with_capacity(files.len());
    let mut unreadable = Vec::new();
    let mut batch = Vec::new();
    let mut batch_bytes = 0.0;
    let count = files.len();
    for (i, file) in files.into_iter().enumerate() {
        let name = name_of(&file);
        let capped = file
            .slice_with_f64_and_f64(0.0, (MAX_FILE_BYTES + 1) as f64)
            .ok();
        batch_bytes += capped.as_ref().map_or(0.0, web_sys::Blob::size);
        batch.push(Pending { name, capped });
        if batch_bytes >= BATCH_BYTES || batch.len() >= BATCH_FILES || i + 1 == count {
            let read = read_batch(std::mem::take(&mut batch)).await;
            progress.advance(read.len() as u64);
            for (name, bytes) in read {
                match bytes {
                    Some(bytes) => out.push(LocalFile { name, bytes }),
                    None => unreadable.push(name),
                }
            }
            batch_bytes = 0.0;
        }
    }
    (out, unreadable)
}

async fn read_blob(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let blob = gloo_file::Blob::from(blob.clone());
    gloo_file::futures::read_as_bytes(&blob).await.ok()
}

/// The batch's files, each with its bytes: one read of them all, or, when that fails (one of
/// them cannot be read), a read each.
async fn read_batch(batch: Vec<Pending>) -> Vec<(String, Option<Vec<u8>>)> {
    let blobs: Option<Vec<&web_sys::Blob>> = batch.iter().map(|p| p.capped.as_ref()).collect();
    if let Some(blobs) = blobs {
        let parts: js_sys::Array = blobs.iter().copied().collect();
        let sizes: Vec<usize> = blobs.iter().map(|b| b.size() as usize).collect();
        let joined = web_sys::Blob::new_with_blob_sequence(&parts).ok();
        if let Some(bytes) = match &joined {
            Some(joined) => read_blob(joined).await,
            None => None,
        } {
            if bytes.len() == sizes.iter().sum::<usize>() {
                let mut rest = &bytes[..];
                return batch
                    .into_iter()
                    .zip(sizes)
                    .map(|(p, size)| {
                        let (own, after) = rest.split_at(size);
                        rest = after;
                        (p.name, Some(own.to_vec()))
                    })
                    .collect();
            }
        }
    }
    let mut read = Vec::with_capacity(batch.len());
    for p in batch {
        let bytes = match &p.capped {
            Some(blob) => read_blob(blob).await,
            None => None,
        };
        read.push((p.name, bytes));
    }
    read
}
