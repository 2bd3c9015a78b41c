//! `parallax`: the curator's command.
//!
//! - `parallax inspect DIR [--json] [--timings]`: what the parser and analysis make of a corpus
//!   folder. Exit codes: 0 when the corpus was built (also when the reader of the output closed
//!   it early, as `| head` does: what it took was all it wanted), 1 when the corpus has errors or
//!   the output cannot be written, 2 for a usage error.
//! - `parallax build DIR --site OUT [--out FILE] [--timings]`: the site's data folder the page
//!   fetches (a catalogue, content-hashed shards, the prerendered first view) and, with `--out`,
//!   the whole analysed corpus, postcard-serialised. Exit codes: 0 when all was written, 1 when
//!   the corpus has errors (then nothing is written) or an output cannot be, 2 for a usage error.

mod build;
mod inspect;
mod prerender;
mod progress;
mod serialise;
mod site;
mod timings;

// A build allocates millions of small strings from two threads; the system allocator spent a
// fifth of a rebuild in malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

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
    /// Parse and analyse a corpus folder into the site's data (and/or one file), with progress
    Build {
        /// The corpus folder: *.txt reports, optional metadata.toml and topics.toml
        dir: PathBuf,
        /// The file to write (its folder is created); replaced whole, or not at all on errors
        #[arg(long, required_unless_present = "site")]
        out: Option<PathBuf>,
        /// The site's data folder to write: a catalogue and content-hashed shards the page
        /// fetches (created; files no longer named are removed)
        #[arg(long, value_name = "DIR")]
        site: Option<PathBuf>,
        /// Print each stage's wall time to stderr (read, parse, topics, features, …, write)
        #[arg(long)]
        timings: bool,
        /// A build cache folder: files, reports and pairs that did not change since the last
        /// build with it are not parsed, featured or compared again (same output)
        #[arg(long, value_name = "DIR")]
        cache: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Inspect { dir, json, timings } => {
            let clock = timings::Timings::new();
            let code = inspect::inspect(&dir, json, &clock);
            if timings {
                clock.print();
            }
            code
        }
        Command::Build {
            dir,
            out,
            site,
            timings,
            cache,
        } => build::build(
            &dir,
            out.as_deref(),
            site.as_deref(),
            timings,
            cache.as_deref(),
        ),
    }
}
