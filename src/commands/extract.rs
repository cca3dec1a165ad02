//! `kommunsk extract FILE.pdf`: the text on stdout, pages separated by form feeds.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::output::emit;
use crate::extract::{ExtractError, Limits};
use crate::isolation::Isolation;
use crate::ocr::{Ocr, OcrMode};

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The PDF to read.
    pub file: PathBuf,
    /// Keep running headers, footers and page numbers (normally left out of the body text).
    #[arg(long)]
    pub furniture: bool,
    /// OCR pages without a usable text layer (auto), never (off), or every page (force).
    #[arg(long, value_enum, default_value_t = OcrMode::Auto)]
    pub ocr: OcrMode,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    // Same defences as `ingest`: a memory-capped worker process, stopped when it overruns.
    let extractor = Isolation::current_exe().context("cannot find the kommunsk program")?.extractor();
    let bytes = std::fs::read(&args.file).map_err(ExtractError::Io).with_context(|| args.file.display().to_string())?;
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let extracted = extractor.extract(bytes, &Limits::default());
    let completed = Ocr::new(args.ocr, None).complete(&args.file, &hash, extracted, &|| {});
    let pdf =
        completed.result.map_err(|f| anyhow::Error::msg(f.message)).with_context(|| args.file.display().to_string())?;
    if let Some(warning) = completed.warning {
        eprintln!("kommunsk: {}: {warning}", args.file.display());
    }
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
