//! Reading a corpus folder from disk (build step and CLI).

pub mod cache;
mod files;
mod from_files;
mod metadata_file;
mod topics;

pub use from_files::{analyse_files, build_from_files, read_files, ReadFiles};
pub use topics::{load_topics, parse_topics, TOPICS_FILE};

use crate::analysis::reuse::Carry;
use crate::model::{is_control_char, Corpus, Diagnostic, Level};
use crate::progress::Progress;
pub(crate) use files::line_of_utf8_error;
use files::{entry_kind, name_problem, read_listed_file, read_regular, same_ids, EntryKind};
use metadata_file::read_metadata;
use std::collections::HashMap;
use std::path::Path;

/// Files above this size are refused: a scraped report is a few KB; 4 MiB is a wrong file.
pub const MAX_FILE_BYTES: u64 = crate::ingest::MAX_FILE_BYTES as u64;

/// The sidecars (metadata.toml, topics.toml) may be larger: metadata.toml has a table per file,
/// about 6 MB for 100,000 reports. Still capped, so a wrong file cannot exhaust memory.
pub const MAX_SIDECAR_BYTES: u64 = 64 * 1024 * 1024;

/// The curator's sidecar file in the corpus folder.
pub const METADATA_FILE: &str = "metadata.toml";

fn diagnostic(file: impl Into<String>, line: usize, level: Level, message: &str) -> Diagnostic {
    Diagnostic {
        file: file.into(),
        line,
        level,
        message: message.into(),
        report: None,
    }
}

/// Reads every `*.txt` file of `dir` (any case; regular files or links to them, not
/// subfolders) and its `metadata.toml` and `topics.toml`, if any, and builds the corpus.
///
/// `Err` holds every error at once (unreadable folder or file, special files, refused names,
/// empty, binary, non-UTF-8 or oversized files, invalid sidecars); warnings, such as files
/// skipped for not being `.txt`, stay in `Corpus::diagnostics`. Errors found while reading and
/// parsing are returned before the analysis runs: it could not change them.
pub fn load_dir(dir: &Path) -> Result<Corpus, Vec<Diagnostic>> {
    load_dir_marked(dir, &crate::progress::NoProgress)
}

/// [`load_dir`], with the stage "read" (advanced per `.txt` file; the sidecars, and with a cache
/// its parsed files, are read in it too), then "parse" and the stages of
/// [`crate::analysis::analyze_marked`]: the CLI's `--timings` times them, `parallax build` shows
/// them.
pub fn load_dir_marked(dir: &Path, progress: &dyn Progress) -> Result<Corpus, Vec<Diagnostic>> {
    load_dir_cached(dir, progress, None).map(|built| built.corpus)
}

/// A corpus built by [`load_dir_cached`], and what the cache saved.
#[derive(Debug)]
pub struct Built {
    pub corpus: Corpus,
    /// Files parsed (not found in the cache).
    pub files_parsed: usize,
    pub reused: crate::analysis::reuse::Reused,
    /// Why the cache could not be written, if it could not (the build itself is fine). Known
    /// once the cache is written: see [`Built::finish_cache`].
    pub cache_problem: Option<String>,
    /// The writing of the analysis carry to the cache, when it goes on behind.
    cache_writer: Option<std::thread::JoinHandle<(Result<(), String>, Carry)>>,
    /// The carry once written, freed with the rest (a process about to exit need not free it:
    /// every report's features, a tenth of a rebuild).
    written_carry: Option<Carry>,
}

impl Built {
    /// Waits until the cache is written ([`load_dir_cached_writing_behind`]), and notes in
    /// `cache_problem` why it could not be. Nothing to wait for after [`load_dir_cached`].
    pub fn finish_cache(&mut self) {
        let Some(writer) = self.cache_writer.take() else {
            return;
        };
        let problem = match writer.join() {
            Ok((written, carry)) => {
                self.written_carry = Some(carry);
                written.err()
            }
            Err(_) => Some("the build cache writer stopped before it was done".to_string()),
        };
        if let Some(problem) = problem {
            self.cache_problem.get_or_insert(problem);
        }
    }
}

/// [`load_dir_marked`] with a build cache folder ([`cache`]): files whose bytes, metadata and
/// lexicon did not change are not parsed again, reports that did not change keep their
/// features, and pairs of unchanged reports their evidence. The corpus is the same as without.
pub fn load_dir_cached(
    dir: &Path,
    progress: &dyn Progress,
    cache_dir: Option<&Path>,
) -> Result<Built, Vec<Diagnostic>> {
    let mut built = load_dir_cached_writing_behind(dir, progress, cache_dir)?;
    built.finish_cache();
    Ok(built)
}

/// [`load_dir_cached`], returning while the analysis carry (each report's features and the
/// pairs) is still being written to the cache, on a thread of its own: the caller writes its
/// output meanwhile, then calls [`Built::finish_cache`] (before it exits, or the cache may miss
/// that part; it is never torn). Without a thread to be had, the carry is not written, and
/// `cache_problem` says so: the next build computes it again.
pub fn load_dir_cached_writing_behind(
    dir: &Path,
    progress: &dyn Progress,
    cache_dir: Option<&Path>,
) -> Result<Built, Vec<Diagnostic>> {
    // The last build's carry (features and pairs) needs nothing of the folder: it is read on a
    // thread of its own from the start, filling the cores while files are listed and assembled.
    let read_carry = |cache_dir: &Path| {
        let mut cache = cache::Cache::new(cache_dir);
        let carry = cache.load_carry();
        (cache, carry)
    };
    let carry_reader = cache_dir.map(|cache_dir| {
        let cache_dir = cache_dir.to_path_buf();
        std::thread::Builder::new().spawn(move || read_carry(&cache_dir))
    });
    let folder = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let message = format!("cannot read the corpus folder: {e}");
            return Err(vec![diagnostic(folder, 0, Level::Error, &message)]);
        }
    };
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut to_read = Vec::new();
    // Listed first, so the reading has a total.
    let entries: Vec<_> = entries.collect();
    let reports = entries
        .iter()
        .flatten()
        .filter(|e| entry_kind(&e.file_name()) == EntryKind::Report)
        .count();
    progress.stage("read", Some(reports as u64));
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let message = format!("cannot list the corpus folder: {e}");
                errors.push(diagnostic(&folder, 0, Level::Error, &message));
                continue;
            }
        };
        let os_name = entry.file_name();
        let name = os_name.to_string_lossy().into_owned();
        match entry_kind(&os_name) {
            EntryKind::Hidden | EntryKind::Sidecar => continue,
            EntryKind::Other => {
                // Said, not silent: a report saved as .md or .pdf would otherwise just be missing.
                let message = if entry.path().is_dir() {
                    "skipped: a folder (subfolders are not read)"
                } else {
                    "skipped: not a .txt file"
                };
                warnings.push(diagnostic(name, 0, Level::Warning, message));
                continue;
            }
            EntryKind::Report => {}
        }
        if let Some(problem) = name_problem(&os_name) {
            progress.advance(1);
            errors.push(diagnostic(name, 0, Level::Error, problem));
            continue;
        }
        // The listing tells a plain file from a link or a special file without a lookup.
        let plain = entry.file_type().is_ok_and(|t| t.is_file());
        to_read.push((name, entry.path(), plain));
    }
    to_read.sort_by(|a, b| a.0.cmp(&b.0));
    let topics = load_topics(dir).unwrap_or_else(|mut e| {
        errors.append(&mut e);
        Vec::new()
    });
    let mut cache = cache_dir.map(cache::Cache::new);
    let mut cache_problem = None;
    // The curator's sidecar: metadata wins over what the text says.
    let names: Vec<&str> = to_read.iter().map(|f| f.0.as_str()).collect();
    let (metadata, meta_text) = match read_metadata(dir, &names, cache.as_ref(), &mut cache_problem)
    {
        Ok((meta, text, diags)) => {
            for d in diags {
                match d.level {
                    Level::Error => errors.push(d),
                    Level::Warning => warnings.push(d),
                }
            }
            (meta, text)
        }
        Err(e) => {
            errors.push(e);
            Default::default()
        }
    };
    let today = crate::ParseOptions::at(std::time::SystemTime::now());
    let lexicon = cache::lexicon_key(&topics);
    let mut stored = cache.as_mut().map(|c| c.load_files()).unwrap_or_default();
    // Reading is mostly waiting on the disk: on all cores, in order. A file's bytes are kept
    // only when the cache has no parse of them: most are hashed and dropped at once.
    type Read = Result<Option<(u64, Option<Vec<u8>>)>, String>;
    let read = crate::par::map_counted(&to_read, progress, |(name, path, plain)| -> Read {
        let bytes = if *plain {
            read_listed_file(path, MAX_FILE_BYTES)
        } else {
            read_regular(path, MAX_FILE_BYTES)
        }?;
        Ok(bytes.map(|bytes| {
            let meta = metadata.files.get(name);
            let key = cache::file_key(name, &bytes, meta, &today, lexicon);
            (key, (!stored.contains_key(&key)).then_some(bytes))
        }))
    });
    let mut files: Vec<(String, u64, Option<Vec<u8>>)> = Vec::new();
    for ((name, _, _), result) in to_read.into_iter().zip(read) {
        match result {
            Ok(Some((key, bytes))) => files.push((name, key, bytes)),
            Ok(None) => {
                let message = "the file was removed while the folder was read";
                errors.push(diagnostic(name, 0, Level::Error, message))
            }
            Err(message) => errors.push(diagnostic(name, 0, Level::Error, &message)),
        }
    }
    errors.extend(same_ids(files.iter().map(|f| f.0.as_str())));
    if files.is_empty() && errors.is_empty() {
        let message = "the corpus folder holds no .txt file";
        errors.push(diagnostic(folder, 0, Level::Error, message));
    }
    progress.stage("parse", Some(files.len() as u64));
    let keys: Vec<u64> = files.iter().map(|f| f.1).collect();
    let mut parsed: Vec<Option<cache::CachedFile>> = files
        .iter()
        .map(|(_, key, bytes)| bytes.is_none().then(|| stored.remove(key)).flatten())
        .collect();
    drop(stored);
    let missing: Vec<usize> = (0..files.len()).filter(|&i| parsed[i].is_none()).collect();
    progress.advance((files.len() - missing.len()) as u64);
    let mut fresh = crate::par::map_counted(&missing, progress, |&i| {
        let (name, _, bytes) = &files[i];
        // Kept for every file the cache lacked: see the reading above.
        let bytes = bytes.as_deref().unwrap_or_default();
        crate::ingest::parse_file_with(name, bytes, metadata.files.get(name), &today)
    });
    // Fail fast: the analysis (minutes on a large corpus) cannot mend a file or a sidecar.
    errors.extend(
        parsed
            .iter()
            .flatten()
            .map(|c| &c.parsed)
            .chain(&fresh)
            .flat_map(|p| &p.diagnostics)
            .filter(|d| d.level == Level::Error)
            .cloned(),
    );
    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(errors);
    }
    // Tagging reads only titles and paragraphs, so it is done per file, before names are
    // normalised across the corpus, and cached with the parse; so are the name counts.
    progress.stage("topics", Some(fresh.len() as u64));
    let tagger = crate::analysis::topics::Tagger::new(&topics);
    crate::par::for_each_mut_counted(&mut fresh, progress, |file| {
        file.reports.iter_mut().for_each(|r| tagger.tag(r))
    });
    let fresh = crate::par::map(&fresh, |file| {
        file.reports
            .iter()
            .map(crate::ingest::name_counts)
            .collect::<Vec<_>>()
    })
    .into_iter()
    .zip(fresh)
    .map(|(names, parsed)| cache::CachedFile { parsed, names });
    for (i, file) in missing.iter().zip(fresh) {
        parsed[*i] = Some(file);
    }
    let parsed: Vec<cache::CachedFile> = parsed.into_iter().flatten().collect();
    if let Some(cache) = &cache {
        let entries: Vec<(u64, &cache::CachedFile)> = keys.iter().copied().zip(&parsed).collect();
        if let Err(e) = cache.save_files(&entries) {
            cache_problem.get_or_insert(e);
        }
    }
    // The raw files are parsed: their bytes (0.55 GB at 100,000 reports) are not held through
    // the analysis.
    drop(files);
    let mut corpus = Corpus::default();
    let mut name_counts = Vec::new();
    for file in parsed {
        corpus.reports.extend(file.parsed.reports);
        corpus.diagnostics.extend(file.parsed.diagnostics);
        name_counts.extend(file.names);
    }
    progress.stage("names", None);
    crate::ingest::normalise_people_counted(&mut corpus.reports, &name_counts);
    drop(name_counts);
    let carry_cache = cache_dir.zip(carry_reader).map(|(cache_dir, reader)| {
        progress.stage("read cache", None);
        // Read here if no thread could be had for it, or it stopped.
        let read = reader.ok().and_then(|reader| reader.join().ok());
        read.unwrap_or_else(|| read_carry(cache_dir))
    });
    let (carry_cache, carry) = match carry_cache {
        Some((cache, carry)) => (Some(cache), carry),
        None => (None, Default::default()),
    };
    let reuse = crate::analysis::Reuse {
        carry,
        keep: cache.is_some(),
        tagged: true,
    };
    let (carry, reused) = crate::analysis::analyze_reusing(&mut corpus, &topics, progress, reuse);
    // Writing the carry on a thread of its own while the build goes on. Without a thread the
    // cache keeps the files only: the next build computes the features again, no different.
    let cache_writer = carry_cache.and_then(|cache| {
        let writer = std::thread::Builder::new().spawn(move || (cache.save_carry(&carry), carry));
        writer
            .map_err(|e| cache_problem.get_or_insert(format!("cannot write the build cache: {e}")))
            .ok()
    });
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for r in &corpus.reports {
        *counts.entry(r.file.as_str()).or_default() += 1;
    }
    warnings.extend(crate::metadata::check_report_indices(
        &metadata,
        &meta_text,
        METADATA_FILE,
        &counts,
    ));
    warnings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    corpus.diagnostics.splice(0..0, warnings);
    Ok(Built {
        corpus,
        files_parsed: missing.len(),
        reused,
        cache_problem,
        cache_writer,
        written_carry: None,
    })
}

/// What a build step should watch for changes: the folder and each entry in it, as paths that
/// can be written on one line. Entries whose names are refused are left out (loading fails on
/// them anyway); `None` when the folder's own path cannot be written so.
pub fn watch_paths(dir: &Path) -> Option<Vec<String>> {
    let printable = |p: &Path| {
        p.to_str()
            .filter(|s| !s.chars().any(is_control_char))
            .map(str::to_string)
    };
    let mut out = vec![printable(dir)?];
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut paths: Vec<String> = entries
            .flatten()
            .filter_map(|e| printable(&e.path()))
            .collect();
        paths.sort();
        out.extend(paths);
    }
    Some(out)
}
