//! Reading the files the reader opened (picked, a folder picked, or dropped; the page hands
//! the `File`s over untouched) into memory, here off the page's thread, each capped one byte
//! past the size limit so that an oversized file costs no more than that, many at a time.

use parallax_core::ingest::MAX_FILE_BYTES;
use parallax_core::local_files::LocalFile;
use parallax_core::progress::Progress;
use std::future::Future;
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
/// files), several batches at once: a read per file waited a task's turn each (0.9 s for a
/// thousand files), one read of them all held the files' reads in one queue (0.5 s).
const BATCH_BYTES: f64 = 4_000_000.0;
const BATCH_FILES: usize = 64;
const BATCHES_IN_FLIGHT: usize = 8;

/// One file to read: its name, and its bytes up to one past the size limit (`None` when even
/// that cannot be had).
struct Pending {
    name: String,
    capped: Option<web_sys::Blob>,
}

/// `files` cut into batches.
fn batches(files: Vec<File>) -> Vec<Vec<Pending>> {
    let mut batches = vec![Vec::new()];
    let mut bytes = 0.0;
    for file in files {
        let name = name_of(&file);
        let capped = file
            .slice_with_f64_and_f64(0.0, (MAX_FILE_BYTES + 1) as f64)
            .ok();
        let size = capped.as_ref().map_or(0.0, web_sys::Blob::size);
        let last = batches.last().map_or(0, Vec::len);
        if last >= BATCH_FILES || (last > 0 && bytes + size > BATCH_BYTES) {
            batches.push(Vec::new());
            bytes = 0.0;
        }
        bytes += size;
        if let Some(batch) = batches.last_mut() {
            batch.push(Pending { name, capped });
        }
    }
    batches
}

/// Reads `files` in order (the stage "read", advanced per file): the files read, and the names of
/// those that could not be (a dropped folder, a file removed meanwhile; the analysis lists them).
pub async fn read_all(files: Vec<File>, progress: &dyn Progress) -> (Vec<LocalFile>, Vec<String>) {
    progress.stage("read", Some(files.len() as u64));
    let mut out = Vec::with_capacity(files.len());
    let mut unreadable = Vec::new();
    let mut batches = batches(files).into_iter();
    let mut in_flight = std::collections::VecDeque::new();
    loop {
        while in_flight.len() < BATCHES_IN_FLIGHT {
            let Some(batch) = batches.next() else { break };
            let read = start_joined_read(&batch);
            in_flight.push_back((batch, read));
        }
        let Some((batch, read)) = in_flight.pop_front() else {
            break;
        };
        let joined = match read {
            Some(read) => read.await.ok(),
            None => None,
        };
        let read = split_or_read_each(batch, joined).await;
        progress.advance(read.len() as u64);
        for (name, bytes) in read {
            match bytes {
                Some(bytes) => out.push(LocalFile { name, bytes }),
                None => unreadable.push(name),
            }
        }
    }
    (out, unreadable)
}

/// Starts reading the batch's files as one blob (gloo's read starts now; its future waits for
/// the end); `None` when one of them has no blob.
fn start_joined_read(
    batch: &[Pending],
) -> Option<impl Future<Output = Result<Vec<u8>, gloo_file::FileReadError>>> {
    let parts: js_sys::Array = batch
        .iter()
        .map(|p| p.capped.as_ref())
        .collect::<Option<Vec<_>>>()?
        .into_iter()
        .collect();
    let joined = web_sys::Blob::new_with_blob_sequence(&parts).ok()?;
    Some(gloo_file::futures::read_as_bytes(&gloo_file::Blob::from(
        joined,
    )))
}

async fn read_blob(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let blob = gloo_file::Blob::from(blob.clone());
    gloo_file::futures::read_as_bytes(&blob).await.ok()
}

/// The batch's files, each with its bytes: cut from `joined`, the batch read as one blob, or,
/// when that failed (one of them cannot be read), read one by one.
async fn split_or_read_each(
    batch: Vec<Pending>,
    joined: Option<Vec<u8>>,
) -> Vec<(String, Option<Vec<u8>>)> {
    let sizes: Vec<usize> = batch
        .iter()
        .map(|p| p.capped.as_ref().map_or(0, |b| b.size() as usize))
        .collect();
    if let Some(bytes) = joined.filter(|b| b.len() == sizes.iter().sum::<usize>()) {
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
