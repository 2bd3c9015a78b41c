//! `parallax inspect DIR [--json]`: what the parser and analysis make of a corpus folder.
//!
//! Exit codes: 0 when the corpus was built (also when the reader of the output closed it early,
//! as `| head` does: what it took was all it wanted), 1 when the corpus has errors or the output
//! cannot be written, 2 for a usage error.

use clap::{Parser, Subcommand};
use parallax_core::progress::Progress;
use parallax_core::{corpus_dir, escape_controls, Corpus, Level, NaiveDate};
use std::io::{self, BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "What Parallax makes of a corpus folder"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse and analyse a corpus folder: one line per report, then the diagnostics
    Inspect {
        /// The corpus folder: *.txt reports, optional metadata.toml and topics.toml
        dir: PathBuf,
        /// Print the whole analysed corpus as JSON
        #[arg(long)]
        json: bool,
        /// Print each stage's wall time to stderr (read, parse, topics, features, …, output)
        #[arg(long)]
        timings: bool,
    },
}

fn main() -> ExitCode {
    let Cli {
        command: Command::Inspect { dir, json, timings },
    } = Cli::parse();
    let clock = Timings::new();
    let code = inspect(&dir, json, &clock);
    if timings {
        clock.print();
    }
    code
}

/// Wall time per stage: when each began; a stage ends when the next begins, the last when the
/// times are printed.
struct Timings {
    began: Mutex<Vec<(&'static str, Instant)>>,
}

impl Timings {
    fn new() -> Self {
        Timings {
            began: Mutex::new(Vec::new()),
        }
    }

    fn print(&self) {
        let began = self.began.lock().unwrap_or_else(|e| e.into_inner());
        let ends = began.iter().skip(1).map(|s| s.1).chain([Instant::now()]);
        let stages: Vec<(&str, Duration)> = began
            .iter()
            .zip(ends)
            .map(|(s, end)| (s.0, end - s.1))
            .collect();
        let mut err = io::stderr().lock();
        let total: Duration = stages.iter().map(|s| s.1).sum();
        for (stage, d) in stages.iter().chain([&("total", total)]) {
            let _ = writeln!(err, "{stage:<14} {:>10.3} s", d.as_secs_f64());
        }
    }
}

impl Progress for Timings {
    fn stage(&self, name: &'static str, _: Option<u64>) {
        let mut began = self.began.lock().unwrap_or_else(|e| e.into_inner());
        began.push((name, Instant::now()));
    }

    fn advance(&self, _: u64) {}
}

fn inspect(dir: &Path, json: bool, clock: &Timings) -> ExitCode {
    let corpus = match corpus_dir::load_dir_marked(dir, clock) {
        Ok(corpus) => corpus,
        Err(errors) => {
            // With stderr closed there is no one to tell; the exit code still says it failed.
            let mut err = io::stderr().lock();
            for e in &errors {
                let _ = writeln!(err, "{e}");
            }
            let _ = writeln!(err, "{} error(s): the corpus was not built", errors.len());
            return ExitCode::FAILURE;
        }
    };
    clock.stage("output", None);
    let mut out = BufWriter::new(io::stdout().lock());
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &corpus)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write_summary(&mut out, &corpus)
    };
    let written = written.and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "----------".to_string(), |d| d.to_string())
}

/// One line per report (id, dates with basis, title), then diagnostics. Titles come from the
/// corpus: escaped like the diagnostics, so none can reorder or break the terminal's lines.
fn write_summary(out: &mut impl Write, corpus: &Corpus) -> io::Result<()> {
    for r in &corpus.reports {
        writeln!(
            out,
            "{:<28} published {} ({})  event {} ({})  {}",
            r.id,
            date(r.published),
            r.published_basis.label(),
            date(r.event_date),
            r.event_date_basis.label(),
            escape_controls(&r.title)
        )?;
    }
    let warnings = corpus
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Warning)
        .count();
    writeln!(
        out,
        "\n{} report(s), {} warning(s)",
        corpus.reports.len(),
        warnings
    )?;
    for d in &corpus.diagnostics {
        writeln!(out, "{d}")?;
    }
    Ok(())
}
