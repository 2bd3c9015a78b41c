//! `parallax inspect DIR [--json] [--timings]`: what the parser and analysis make of a corpus.

use crate::timings::Timings;
use parallax_core::progress::Progress;
use parallax_core::{corpus_dir, escape_controls, Corpus, Level, NaiveDate};
use std::io::{self, BufWriter, ErrorKind, Write};
use std::path::Path;
use std::process::ExitCode;

pub fn inspect(dir: &Path, json: bool, clock: &Timings) -> ExitCode {
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
