//! A corpus from files in memory (a reader's files, dropped into the page and analysed by its
//! worker): the same rules as a folder on disk, except that a file that cannot be used is left
//! out, with its error, and the rest still loads.

use super::files::{entry_kind, name_problem, same_ids, EntryKind};
use super::{diagnostic, line_of_utf8_error, parse_topics, METADATA_FILE, TOPICS_FILE};
use crate::analysis::reuse::Carry;
use crate::analysis::Reuse;
use crate::local_files::{LocalFile, LocalJob, LocalSite};
use crate::model::{Corpus, Diagnostic, Level, TopicDef};
use crate::progress::Progress;
use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;

/// Analyses `job.files` as `parallax build` analyses a folder holding them, and serialises the
/// result as a site's data (`site::write_site`). `Err` when no report file could be used: every
/// file's problem, each naming its file and line.
///
/// A name with a `/` is a file inside a subfolder of a picked folder: skipped, as a folder's
/// subfolders are. Two files of one name (from two folders) keep the first.
pub fn build_from_files(
    job: LocalJob,
    progress: &dyn Progress,
) -> Result<LocalSite, Vec<Diagnostic>> {
    read_files(job, progress).and_then(|read| analyse_files(read, Carry::default(), progress))
}

/// The files of a job sorted out and the reports parsed: the first half of
/// [`build_from_files`]. The page's worker runs the halves apart, to hand the comparison to its
/// helpers between them ([`crate::analysis::reuse::shares`]).
pub struct ReadFiles {
    corpus: Corpus,
    besides: Besides,
    files_loaded: u32,
}

/// What a job's files give besides the reports: the lexicon, the metadata, and the files left
/// out or skipped.
struct Besides {
    topics: Vec<TopicDef>,
    metadata: crate::metadata::Metadata,
    meta_text: String,
    problems: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    files_given: u32,
}

impl ReadFiles {
    /// The reports, parsed, as the analysis gets them.
    pub fn reports(&self) -> &[crate::model::Report] {
        &self.corpus.reports
    }
}

/// [`build_from_files`]'s first half: `Err` when no report file could be used.
pub fn read_files(job: LocalJob, progress: &dyn Progress) -> Result<ReadFiles, Vec<Diagnostic>> {
    sort_files(job).parse(progress)
}

/// A job's files sorted out: the report files in name order, the sidecars read, and what is
/// left out; the reports are parsed next ([`SortedFiles::parse`]).
struct SortedFiles {
    reports: Vec<LocalFile>,
    besides: Besides,
    today: chrono::NaiveDate,
}

impl SortedFiles {
    /// The reports parsed (the stage "parse", advanced per file); the files that failed are
    /// left out with their errors.
    fn parse(self, progress: &dyn Progress) -> Result<ReadFiles, Vec<Diagnostic>> {
        let SortedFiles {
            reports,
            mut besides,
            today,
        } = self;
        progress.stage("parse", Some(reports.len() as u64));
        let options = crate::ParseOptions::new(today);
        let mut problems = std::mem::take(&mut besides.problems);
        let mut corpus = Corpus::default();
        let mut files_loaded = 0;
        for file in &reports {
            let meta = besides.metadata.files.get(&file.name);
            let parsed = crate::ingest::parse_file_with(&file.name, &file.bytes, meta, &options);
            progress.advance(1);
            if parsed.diagnostics.iter().any(|d| d.level == Level::Error) {
                problems.extend(
                    parsed
                        .diagnostics
                        .into_iter()
                        .filter(|d| d.level == Level::Error),
                );
                continue;
            }
            files_loaded += 1;
            corpus.reports.extend(parsed.reports);
            corpus.diagnostics.extend(parsed.diagnostics);
        }
        drop(reports);
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        if corpus.reports.is_empty() {
            if problems.is_empty() {
                let message = "no report could be read: open .txt files of news reports";
                problems.push(diagnostic("", 0, Level::Error, message));
            }
            return Err(problems);
        }
        crate::ingest::normalise_people(&mut corpus.reports);
        besides.problems = problems;
        Ok(ReadFiles {
            corpus,
            besides,
            files_loaded,
        })
    }
}

/// The job's files sorted out ([`SortedFiles`]).
fn sort_files(job: LocalJob) -> SortedFiles {
    let LocalJob {
        files,
        published_topics,
        today,
        unreadable,
    } = job;
    let message = "could not be read (a folder? open it with \u{201c}Open a folder\u{201d})";
    let mut problems: Vec<Diagnostic> = unreadable
        .into_iter()
        .map(|name| diagnostic(name, 0, Level::Error, message))
        .collect();
    let mut warnings = Vec::new();
    let mut reports: Vec<LocalFile> = Vec::new();
    let (mut metadata_bytes, mut topics_bytes) = (None, None);
    let mut seen = HashSet::new();
    for file in files {
        if file.name.contains('/') {
            let message = "skipped: in a subfolder (subfolders are not read)";
            warnings.push(diagnostic(file.name, 0, Level::Warning, message));
            continue;
        }
        if !seen.insert(file.name.clone()) {
            let message = "a file of this name was opened already: this one is left out";
            problems.push(diagnostic(file.name, 0, Level::Error, message));
            continue;
        }
        match entry_kind(OsStr::new(&file.name)) {
            EntryKind::Hidden => {}
            EntryKind::Sidecar if file.name == METADATA_FILE => metadata_bytes = Some(file.bytes),
            EntryKind::Sidecar => topics_bytes = Some(file.bytes),
            EntryKind::Other => {
                let message = "skipped: not a .txt file";
                warnings.push(diagnostic(file.name, 0, Level::Warning, message));
            }
            EntryKind::Report => match name_problem(OsStr::new(&file.name)) {
                Some(problem) => problems.push(diagnostic(file.name, 0, Level::Error, problem)),
                None => reports.push(file),
            },
        }
    }
    let files_given = (reports.len() + problems.len()) as u32;
    reports.sort_by(|a, b| a.name.cmp(&b.name));
    let clashing: HashSet<String> = same_ids(reports.iter().map(|f| f.name.as_str()))
        .into_iter()
        .map(|d| {
            let name = d.file.clone();
            problems.push(d);
            name
        })
        .collect();
    reports.retain(|f| !clashing.contains(&f.name));
    let topics = match topics_bytes {
        Some(bytes) => lexicon(bytes).unwrap_or_else(|mut errors| {
            problems.append(&mut errors);
            published_topics.clone()
        }),
        None => published_topics,
    };
    let names: Vec<&str> = reports.iter().map(|f| f.name.as_str()).collect();
    let (metadata, meta_text) = match metadata_bytes.map(|b| metadata(b, &names)) {
        Some(Ok((meta, text, diags))) => {
            warnings.extend(diags);
            (meta, text)
        }
        Some(Err(mut errors)) => {
            problems.append(&mut errors);
            Default::default()
        }
        None => Default::default(),
    };
    SortedFiles {
        reports,
        besides: Besides {
            topics,
            metadata,
            meta_text,
            problems,
            warnings,
            files_given,
        },
        today,
    }
}

/// [`build_from_files`]'s second half: the analysis, reusing what `carry` holds (the
/// features and the pairs of a comparison made in shares,
/// [`crate::analysis::reuse::shares`]), and the site's data.
pub fn analyse_files(
    read: ReadFiles,
    carry: Carry,
    progress: &dyn Progress,
) -> Result<LocalSite, Vec<Diagnostic>> {
    let ReadFiles {
        mut corpus,
        besides,
        files_loaded,
    } = read;
    let Besides {
        topics,
        metadata,
        meta_text,
        mut problems,
        mut warnings,
        files_given,
    } = besides;
    let reuse = Reuse {
        carry,
        ..Reuse::default()
    };
    crate::analysis::analyze_reusing(&mut corpus, &topics, progress, reuse);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for r in &corpus.reports {
        *counts.entry(r.file.as_str()).or_default() += 1;
    }
    let late = crate::metadata::check_report_indices(&metadata, &meta_text, METADATA_FILE, &counts);
    warnings.extend(late);
    warnings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    // Those about files left out or skipped are shown with the problems; the rest go with the
    // corpus, where the page shows them beside their reports.
    let (about_files, about_corpus): (Vec<_>, Vec<_>) = warnings
        .into_iter()
        .partition(|d| d.message.starts_with("skipped:"));
    problems.extend(about_files);
    corpus.diagnostics.splice(0..0, about_corpus);
    let report_count = corpus.reports.len() as u32;
    progress.stage("site", None);
    let site = crate::site::write_site(corpus).map_err(|e| {
        let message = format!("the analysed files could not be laid out ({e})");
        vec![diagnostic("", 0, Level::Error, &message)]
    })?;
    Ok(LocalSite {
        catalogue: site.catalogue,
        files: site
            .files
            .into_iter()
            .map(|f| LocalFile {
                name: f.name,
                bytes: f.bytes,
            })
            .collect(),
        problems,
        files_given,
        files_loaded,
        reports: report_count,
    })
}

/// A `topics.toml` given with the files.
fn lexicon(bytes: Vec<u8>) -> Result<Vec<TopicDef>, Vec<Diagnostic>> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let message = "not UTF-8 text: save the topic lexicon as UTF-8";
        vec![diagnostic(
            TOPICS_FILE,
            line_of_utf8_error(&e),
            Level::Error,
            message,
        )]
    })?;
    parse_topics(TOPICS_FILE, &text)
}

/// A `metadata.toml` given with the files: the metadata, its text and its warnings; `Err` with
/// its errors when it has any (then none of it is used).
fn metadata(
    bytes: Vec<u8>,
    names: &[&str],
) -> Result<(crate::metadata::Metadata, String, Vec<Diagnostic>), Vec<Diagnostic>> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let message = "not UTF-8 text: save it as UTF-8";
        vec![diagnostic(
            METADATA_FILE,
            line_of_utf8_error(&e),
            Level::Error,
            message,
        )]
    })?;
    let (meta, diags) = crate::metadata::parse_toml(&text, METADATA_FILE, names);
    if diags.iter().any(|d| d.level == Level::Error) {
        return Err(diags);
    }
    Ok((meta, text, diags))
}
