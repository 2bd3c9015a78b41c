//! `parallax-synth --reports N [--seed S] --out DIR`: writes a synthetic corpus, its ground truth
//! (`truth.json`) and sidecar metadata (`metadata.toml`) into DIR.

use parallax_synth::{generate, SynthConfig};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: parallax-synth --reports N [--seed S] --out DIR";

fn parse_args(args: &[String]) -> Result<(usize, u64, PathBuf), String> {
    let (mut reports, mut seed, mut out) = (None, 1u64, None);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--reports" => {
                reports = Some(
                    value()?
                        .parse::<usize>()
                        .map_err(|e| format!("--reports: {e}"))?,
                )
            }
            "--seed" => {
                seed = value()?
                    .parse::<u64>()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    let reports = reports.ok_or_else(|| format!("--reports is required\n{USAGE}"))?;
    if reports == 0 {
        return Err("--reports must be at least 1".into());
    }
    Ok((
        reports,
        seed,
        out.ok_or_else(|| format!("--out is required\n{USAGE}"))?,
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (reports, seed, out) = match parse_args(&args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let corpus = generate(&SynthConfig::new(reports, seed));
    if let Err(e) = corpus.write_dir(&out) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let dups = corpus
        .relations
        .iter()
        .filter(|r| r.kind.is_duplicate())
        .count();
    eprintln!(
        "wrote {} reports in {} files to {} (seed {seed}): {} planted relations, {dups} of them duplicates; truth in truth.json",
        corpus.reports.len(),
        corpus.files.len(),
        out.display(),
        corpus.relations.len()
    );
    ExitCode::SUCCESS
}
