//! `kommunsk extract FILE.pdf`: the text on stdout, pages separated by form feeds.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::output::emit;
use crate::extract::{ExtractError, Limits};
use crate::isolation::Isolation;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The PDF to read.
    pub file: PathBuf,
    /// Keep running headers, footers and page numbers (normally left out of the body text).
    #[arg(long)]
    pub furniture: bool,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    // Same defences as `ingest`: a memory-capped worker process, stopped when it overruns.
    let extractor = Isolation::current_exe().context("cannot find the kommunsk program")?.extractor();
    let pdf = std::fs::read(&args.file)
        .map_err(ExtractError::Io)
        .and_then(|bytes| extractor.extract(bytes, &Limits::default()))
        .with_context(|| args.file.display().to_string())?;
    let pages: Vec<String> = pdf
        .pages
        .iter()
        .map(|page| {
            if args.furniture && !page.furniture.is_empty() {
                format!("{}\n\n{}", page.furniture.join("\n"), page.body)
            } else {
                page.body.clone()
            }
        })
        .collect();
    let mut text = pages.join("\u{c}");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    emit(&text)?;
    let pages_with_unmapped: Vec<String> = pdf
        .pages
        .iter()
        .filter(|p| p.unmapped_glyphs > 0)
        .map(|p| format!("{} on page {}", p.unmapped_glyphs, p.number))
        .collect();
    if !pages_with_unmapped.is_empty() {
        let total: u64 = pdf.pages.iter().map(|p| u64::from(p.unmapped_glyphs)).sum();
        eprintln!(
            "kommunsk: {}: {total} glyphs without a Unicode mapping are shown as \u{fffd} ({})",
            crate::safe_text::terminal(&args.file.display().to_string()),
            pages_with_unmapped.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
