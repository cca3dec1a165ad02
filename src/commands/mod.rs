//! The subcommands behind the `kommunsk` binary: argument definitions (clap) and what each
//! command prints. The pipeline itself lives in the library modules these call.
//!
//! Exit codes: 0 success (for `ingest` also when some files failed: they are listed), 1 nothing
//! usable or a command failed, 2 usage error.

mod evidence;
mod export;
mod extract;
mod identify;
mod index_source;
mod ingest;
mod mention_scope;
mod output;
mod report;
mod review;
mod search;
mod serve;
mod topics;
mod worker;

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
    /// Whose document each PDF is, which year, what kind — with the evidence that decided it.
    Identify(identify::IdentifyArgs),
    /// Print the text of one PDF, pages separated by form feeds.
    Extract(extract::ExtractArgs),
    /// Export every indexed page as NDJSON batches (for Quickwit or another search engine).
    Export(export::ExportArgs),
    /// Show the topic dictionary (and check its examples with --check).
    Topics(topics::TopicsArgs),
    /// Search, report and documents in the browser (http://127.0.0.1:8080/ by default).
    Serve(serve::ServeArgs),
    /// Internal: the memory-capped extraction process that `ingest` and `extract` start.
    #[command(name = "extract-worker", hide = true)]
    ExtractWorker(worker::WorkerArgs),
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
        Command::Identify(args) => identify::run(args),
        Command::Topics(args) => topics::run(args),
        Command::Serve(args) => serve::run(args),
        Command::ExtractWorker(args) => worker::run(args),
    };
    match outcome {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Errors name files, whose names may hold escape sequences.
            eprintln!("kommunsk: {}", crate::safe_text::terminal(&error_chain(&err)));
            if err.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// The error and its causes joined with ": ", leaving out a cause whose text the message already
/// holds (our errors often name their source in their own message, and anyhow's `{:#}` would
/// print it twice).
fn error_chain(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_already_in_the_message_is_not_repeated() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory");
        let err = anyhow::Error::new(crate::export::ExportError::Write { path: "out/x".into(), cause: io })
            .context("exporting");
        assert_eq!(error_chain(&err), "exporting: writing out/x: No such file or directory");
    }
}
