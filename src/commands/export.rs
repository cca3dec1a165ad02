//! `kommunsk export --format ndjson`: every page as one JSON document, in batch files for
//! a distributed search engine (see `tools/quickwit/`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::ingest::DEFAULT_INDEX;
use super::output::emit;
use crate::export::{export_ndjson, DEFAULT_BATCH_BYTES};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// Newline-delimited JSON, one page per line.
    Ndjson,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "ndjson")]
    pub format: ExportFormat,
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Folder for the batch files (pages-00001.ndjson, …).
    #[arg(long, value_name = "DIR", default_value = "export")]
    pub out: PathBuf,
    /// Largest batch file in bytes (Quickwit accepts at most 10 MB per ingest request).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_BATCH_BYTES)]
    pub batch_bytes: usize,
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let ExportFormat::Ndjson = args.format;
    if super::output::is_inside(&args.out, &args.index) {
        return Err(super::output::UsageError(format!(
            "{} is inside the index folder {}; export elsewhere",
            args.out.display(),
            args.index.display()
        ))
        .into());
    }
    let summary = export_ndjson(&args.index, &args.out, args.batch_bytes)?;
    if summary.removed > 0 {
        eprintln!("kommunsk: removed {} batch files of an earlier export from {}", summary.removed, args.out.display());
    }
    emit(&format!(
        "{} pages, {} bytes in {} batch files under {}\n",
        summary.pages,
        summary.bytes,
        summary.batches.len(),
        args.out.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
