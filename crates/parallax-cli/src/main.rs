//! `parallax inspect DIR [--json]`: what the parser and analysis make of a corpus folder.

use parallax_core::{corpus_dir, Corpus, Level, NaiveDate};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: parallax inspect DIR [--json]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    match positional.as_slice() {
        [cmd, dir] if cmd.as_str() == "inspect" => inspect(&PathBuf::from(dir), json),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn inspect(dir: &std::path::Path, json: bool) -> ExitCode {
    match corpus_dir::load_dir(dir) {
        Ok(corpus) if json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&corpus).expect("corpus serialises")
            );
            ExitCode::SUCCESS
        }
        Ok(corpus) => {
            print!("{}", summary(&corpus));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("{} error(s): the corpus was not built", errors.len());
            ExitCode::FAILURE
        }
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "----------".to_string(), |d| d.to_string())
}

/// One line per report (id, dates with basis, title), then diagnostics.
fn summary(corpus: &Corpus) -> String {
    let mut out = String::new();
    for r in &corpus.reports {
        out.push_str(&format!(
            "{:<28} published {} ({})  event {} ({})  {}\n",
            r.id,
            date(r.published),
            r.published_basis.label(),
            date(r.event_date),
            r.event_date_basis.label(),
            r.title
        ));
    }
    let warnings = corpus
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Warning)
        .count();
    out.push_str(&format!(
        "\n{} report(s), {} warning(s)\n",
        corpus.reports.len(),
        warnings
    ));
    for d in &corpus.diagnostics {
        out.push_str(&format!("{d}\n"));
    }
    out
}
