//! `kommunsk ingest [CORPUS]`: read a corpus into the index, with a progress bar on a terminal.

use std::fmt::Write;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::output::emit;
use crate::ingest::{ingest, IngestOptions, IngestSummary, NoProgress, Progress};
use crate::isolation::Isolation;
use crate::ocr::OcrMode;

/// Defaults shared with `report`, which ingests on its own when the index is missing or stale.
pub const DEFAULT_CORPUS: &str = "corpus";
pub const DEFAULT_INDEX: &str = "index";

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Corpus folder: PDFs in year folders (corpus/2025/*.pdf), optional manifest.csv per year.
    #[arg(default_value = DEFAULT_CORPUS)]
    pub corpus: PathBuf,
    /// Index folder (created if missing).
    #[arg(long, value_name = "DIR", default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Print one JSON object instead of a readable summary (and no progress bar).
    #[arg(long)]
    pub json: bool,
    /// OCR pages without a usable text layer (auto), never (off), or every page (force).
    #[arg(long, value_enum, default_value_t = OcrMode::Auto)]
    pub ocr: OcrMode,
    /// Follow symbolic links that lead outside the corpus folder (normally skipped and listed).
    #[arg(long)]
    pub follow_symlinks: bool,
}

/// Draws files done/total, pages, throughput, ETA and failures on stderr.
struct Bar {
    bar: ProgressBar,
    pages: AtomicUsize,
    ocr_pages: AtomicUsize,
    failures: AtomicUsize,
}

impl Bar {
    fn show(&self) {
        let pages = self.pages.load(Ordering::Relaxed);
        let failures = self.failures.load(Ordering::Relaxed);
        match self.ocr_pages.load(Ordering::Relaxed) {
            0 => self.bar.set_message(format!("{pages} pages, {failures} failed")),
            ocr => self.bar.set_message(format!("{pages} pages ({ocr} OCR), {failures} failed")),
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        self.bar.set_length(total as u64);
    }
    fn file_done(&self, pages: usize, failed: bool) {
        self.pages.fetch_add(pages, Ordering::Relaxed);
        self.failures.fetch_add(usize::from(failed), Ordering::Relaxed);
        self.show();
        self.bar.inc(1);
    }
    fn ocr_page_done(&self) {
        self.ocr_pages.fetch_add(1, Ordering::Relaxed);
        self.show();
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Ingests with a progress bar when stderr is a terminal and `quiet` is false.
pub fn ingest_with_progress(options: &IngestOptions, quiet: bool) -> anyhow::Result<IngestSummary> {
    if quiet || !std::io::stderr().is_terminal() {
        return Ok(ingest(options, &NoProgress)?);
    }
    let bar = ProgressBar::new(0);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} files · {msg} · {per_sec} · ETA {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message("0 pages, 0 failed");
    Ok(ingest(
        options,
        &Bar { bar, pages: AtomicUsize::new(0), ocr_pages: AtomicUsize::new(0), failures: AtomicUsize::new(0) },
    )?)
}

pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    // Each file is extracted in a memory-capped worker process: a file that would exhaust
    // memory fails alone.
    let options = IngestOptions {
        isolation: Isolation::current_exe()?,
        follow_outside_links: args.follow_symlinks,
        ocr: args.ocr,
        ..IngestOptions::new(&args.corpus, &args.index)
    };
    let summary = ingest_with_progress(&options, args.json)?;
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&summary)?))?;
    } else {
        emit(&human_summary(&summary))?;
    }
    let usable = summary.indexed + summary.unchanged > 0;
    if summary.indexed + summary.unchanged + summary.failed.len() == 0 {
        eprintln!("kommunsk: no PDF files found in {}", args.corpus.display());
    }
    Ok(if usable { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The readable end-of-run summary.
pub fn human_summary(s: &IngestSummary) -> String {
    let mut out = String::new();
    let rate = if s.seconds > 0.0 { s.pages as f64 / s.seconds } else { 0.0 };
    let _ = writeln!(
        out,
        "{} indexed, {} unchanged, {} removed, {} failed · {} pages, {} characters in {:.2} s ({rate:.0} pages/s)",
        s.indexed,
        s.unchanged,
        s.removed,
        s.failed.len(),
        s.pages,
        s.characters,
        s.seconds
    );
    if s.ocr_pages + s.ocr_cached > 0 {
        let _ = writeln!(out, "OCR: {} pages recognised, {} from the cache", s.ocr_pages, s.ocr_cached);
    }
    let mut list = |title: &str, items: Vec<String>| {
        if !items.is_empty() {
            let _ = writeln!(out, "\n{title} ({}):", items.len());
            for item in items {
                // Paths and reasons come from the corpus: one line each, whatever they hold.
                let _ = writeln!(out, "  {}", crate::safe_text::terminal(&item));
            }
        }
    };
    list("Failed", s.failed.iter().map(|f| format!("{}: {}", f.path, f.error)).collect());
    list(
        "Unresolved (indexed, left out of counts)",
        s.unresolved.iter().map(|u| format!("{}: unknown {}", u.path, u.missing)).collect(),
    );
    list(
        "Name and text disagree (indexed as the name says)",
        s.disagreements.iter().map(|d| format!("{}: {} {}, but {}", d.path, d.field, d.decided, d.document)).collect(),
    );
    list(
        "Glyphs without a Unicode mapping (shown as \u{fffd} in the text)",
        s.unmapped.iter().map(|u| format!("{}: {} glyphs", u.path, u.glyphs)).collect(),
    );
    list("Not Danish", s.non_danish.iter().map(|f| format!("{}: {}", f.path, f.lang)).collect());
    list("Skipped", s.skipped.iter().map(|k| format!("{}: {}", k.path, k.reason)).collect());
    list("Warnings", s.warnings.clone());
    if let Some(file) = s.corrections.as_ref().filter(|_| s.to_correct > 0) {
        let _ = writeln!(
            out,
            "\n{} document{} to identify by hand: fill in municipality/year in {file} and run ingest again",
            s.to_correct,
            if s.to_correct == 1 { "" } else { "s" }
        );
    }
    out
}
