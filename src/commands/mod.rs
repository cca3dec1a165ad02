//! The subcommands behind the `kommunsk` binary: argument definitions (clap) and what each
//! command prints. The pipeline itself lives in the library modules these call.
//!
//! Exit codes: 0 success (for `ingest` also when some files failed: they are listed), 1 nothing
//! usable or a command failed, 2 usage error.

mod evidence;
mod export;
mod extract;
mod ingest;
mod output;
mod report;
mod review;
mod search;
mod topics;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use output::UsageError;

/// Reads Danish municipal budget documents: extract, identify, index, search and count topics.
#[derive(Debug, Parser)]
#[command(name = "kommunsk", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read every PDF in a corpus folder into the index (incremental: unchanged files are skipped).
    Ingest(ingest::IngestArgs),
    /// Search the indexed pages (tantivy query syntax: words, "phrases", AND/OR/-NOT, prefix*).
    Search(search::SearchArgs),
    /// Count topic mentions per municipality and year: "N ud af M" per topic.
    Report(report::ReportArgs),
    /// List every counted mention of a topic: file, page and sentence.
    Evidence(evidence::EvidenceArgs),
    /// Review mentions: list them with ids, draw a random sample, mark them right or wrong.
    Review(review::ReviewArgs),
    /// Print the text of one PDF, pages separated by form feeds.
    Extract(extract::ExtractArgs),
    /// Export every indexed page as NDJSON batches (for Quickwit or another search engine).
    Export(export::ExportArgs),
    /// Show the topic dictionary (and check its examples with --check).
    Topics(topics::TopicsArgs),
}

/// Runs a parsed command line and turns its outcome into an exit code.
pub fn run(cli: Cli) -> ExitCode {
    let outcome = match cli.command {
        Command::Ingest(args) => ingest::run(args),
        Command::Search(args) => search::run(args),
        Command::Report(args) => report::run(args),
        Command::Evidence(args) => evidence::run(args),
        Command::Review(args) => review::run(args),
        Command::Export(args) => export::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Topics(args) => topics::run(args),
    };
    match outcome {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("kommunsk: {err:#}");
            if err.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
