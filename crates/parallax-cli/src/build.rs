//! `parallax build DIR --site OUT [--out FILE]`: the corpus analysed once, written as the site's
//! data folder (`site.rs`) and/or postcard-serialised whole to FILE. Progress on a terminal,
//! one summary line at the end.

use crate::progress::Bar;
use crate::timings::Timings;
use parallax_core::progress::Progress;
use parallax_core::{corpus_dir, escape_controls, Corpus, Level};
use std::fs::{self, File};
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

pub fn build(
    dir: &Path,
    out: Option<&Path>,
    site: Option<&Path>,
    timings: bool,
    cache: Option<&Path>,
) -> ExitCode {
    let started = Instant::now();
    let clock = Timings::new();
    let bar = Bar::new(io::stderr().is_terminal(), &clock);
    // The last site's search index is read from the cache while the corpus is.
    let search_cache = cache
        .zip(site)
        .map(|(cache, site)| crate::site::SearchCache::open(cache, site));
    // The cache is written while the output is: `finish_cache` below waits for it.
    let loaded = corpus_dir::load_dir_cached_writing_behind(dir, &bar, cache);
    bar.finish();
    let shown_dir = escape_controls(&dir.display().to_string()).into_owned();
    let code = match loaded {
        Err(errors) => {
            let mut err = io::stderr().lock();
            for e in &errors {
                let _ = writeln!(err, "{e}");
            }
            let _ = writeln!(
                err,
                "{} error(s) in the corpus at {shown_dir}: nothing was written",
                errors.len()
            );
            ExitCode::FAILURE
        }
        Ok(mut built) => {
            clock.stage("write", None);
            let mut reuse = cache.map(|_| cache_summary(&built));
            print_warnings(&built.corpus);
            let mut written: Vec<(String, usize)> = Vec::new();
            let mut failed = false;
            if let Some(out) = out {
                match write(&built.corpus, out) {
                    Some(bytes) => written.push((shown(out), bytes)),
                    None => failed = true,
                }
            }
            let figures = Figures::of(&built.corpus);
            let mut search_writer = None;
            if let Some(site) = site.filter(|_| !failed) {
                // The last use of the corpus: the site takes it.
                let corpus = std::mem::take(&mut built.corpus);
                match crate::site::write_site_dir(corpus, site, search_cache, &clock) {
                    Ok(w) => {
                        written.push((
                            format!(
                                "{}/ ({} files, {} new; catalogue {})",
                                shown(site),
                                w.files,
                                w.new_files,
                                size(w.catalogue_bytes)
                            ),
                            w.bytes,
                        ));
                        if let Some(reuse) = &mut reuse {
                            reuse.push_str(&format!(", indexed {} for search", w.indexed));
                        }
                        search_writer = w.cache_writer;
                    }
                    Err(e) => {
                        let _ = writeln!(io::stderr(), "error: cannot write {}: {e}", shown(site));
                        failed = true;
                    }
                }
            }
            if cache.is_some() {
                // What the cache's writers still have to do.
                clock.stage("write cache", None);
            }
            built.finish_cache();
            if let Some(Err(problem)) = search_writer.map(crate::site::finish_search_cache) {
                built.cache_problem.get_or_insert(problem);
            }
            if let Some(problem) = &built.cache_problem {
                let _ = writeln!(io::stderr(), "warning: {problem}");
            }
            let code = if failed {
                ExitCode::FAILURE
            } else {
                summary(&figures, &written, started, reuse.as_deref());
                ExitCode::SUCCESS
            };
            // The process ends next: freeing the corpus, millions of strings one at a time,
            // would only delay the exit (by a tenth of a rebuild).
            std::mem::forget(built);
            code
        }
    };
    if timings {
        clock.print();
    }
    code
}

/// What the cache saved, for the summary line.
fn cache_summary(built: &corpus_dir::Built) -> String {
    let reports = built.corpus.reports.len();
    format!(
        "; cache: parsed {}, featured {} of {reports} reports, compared {} anew",
        counted(built.files_parsed, "file", "files"),
        built.reused.features_computed,
        built.reused.pairs_recomputed,
    )
}

/// Warnings printed before "and N more": a scraped corpus of 100,000 reports has tens of
/// thousands (a report without a publication date, a quote without a speaker).
const WARNINGS_SHOWN: usize = 20;

fn shown(path: &Path) -> String {
    escape_controls(&path.display().to_string()).into_owned()
}

/// Prints the first warnings.
fn print_warnings(corpus: &Corpus) {
    let mut err = io::stderr().lock();
    for d in corpus.diagnostics.iter().take(WARNINGS_SHOWN) {
        let _ = writeln!(err, "{d}");
    }
    if let Some(more) = corpus.diagnostics.len().checked_sub(WARNINGS_SHOWN + 1) {
        let _ = writeln!(
            err,
            "… and {} more warnings: the page lists them all, and so does `parallax inspect`",
            more + 1
        );
    }
}

/// Writes the corpus to `out`: its size, or `None` when it could not be written (said on
/// stderr).
fn write(corpus: &Corpus, out: &Path) -> Option<usize> {
    let pieces = crate::serialise::corpus_pieces(corpus).expect("the corpus serialises");
    match write_atomically(out, &pieces) {
        Ok(()) => Some(pieces.iter().map(Vec::len).sum()),
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: cannot write {}: {e}", shown(out));
            None
        }
    }
}

/// What the summary line says of the corpus.
struct Figures {
    reports: usize,
    pairs: usize,
    stories: usize,
    warnings: usize,
}

impl Figures {
    fn of(corpus: &Corpus) -> Figures {
        Figures {
            reports: corpus.reports.len(),
            pairs: corpus.pairs.len(),
            stories: corpus.stories.len(),
            warnings: corpus
                .diagnostics
                .iter()
                .filter(|d| d.level == Level::Warning)
                .count(),
        }
    }
}

/// The summary line: what was written where, with `reuse`, what the cache saved.
fn summary(figures: &Figures, written: &[(String, usize)], started: Instant, reuse: Option<&str>) {
    let outputs: Vec<String> = written
        .iter()
        .map(|(what, bytes)| format!("{what} ({})", size(*bytes)))
        .collect();
    let _ = writeln!(
        io::stderr(),
        "parallax build: {}, {}, {}, {}, {:.1} s -> {}{}",
        counted(figures.reports, "report", "reports"),
        counted(figures.pairs, "related pair", "related pairs"),
        counted(figures.stories, "story", "stories"),
        counted(figures.warnings, "warning", "warnings"),
        started.elapsed().as_secs_f64(),
        outputs.join(", "),
        reuse.unwrap_or(""),
    );
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn size(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// Writes `pieces`, one after the other, to a temporary file beside `path`, then renames it: a
/// reader (or a build interrupted half-way) never sees half a corpus. Creates the parent
/// folder. A file that already holds those bytes is left alone, so cargo does not rebuild the
/// app for an unchanged corpus.
fn write_atomically(path: &Path, pieces: &[Vec<u8>]) -> io::Result<()> {
    if holds(path, pieces) {
        return Ok(());
    }
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "--out must name a file"))?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(parent)?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = parent.join(tmp_name);
    let written = File::create(&tmp)
        .and_then(|mut f| {
            pieces.iter().try_for_each(|p| f.write_all(p))?;
            f.sync_all()
        })
        .and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Whether the file at `path` holds `pieces`, one after the other. Its length is looked at
/// first: after a change it usually differs, and reading 50 MB to learn so is a tenth of a rebuild.
fn holds(path: &Path, pieces: &[Vec<u8>]) -> bool {
    let len: usize = pieces.iter().map(Vec::len).sum();
    if !fs::metadata(path).is_ok_and(|m| m.len() == len as u64) {
        return false;
    }
    let Ok(old) = fs::read(path) else {
        return false;
    };
    let mut rest = old.as_slice();
    for piece in pieces {
        match rest.strip_prefix(piece.as_slice()) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_in_their_unit() {
        assert_eq!(super::size(512), "512 B");
        assert_eq!(super::size(4_096), "4.1 KB");
        assert_eq!(super::size(12_300_000), "12.3 MB");
    }
}
