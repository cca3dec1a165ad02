//! OCR for pages without a usable text layer: it runs *after* extraction, given the file's
//! path, its content hash and what the extractor made of it, so it composes with extraction
//! running anywhere (a thread, a worker process).
//!
//! `engine` renders a page and runs Tesseract with the Danish model, `tsv` reads Tesseract's
//! words and confidences, `cache` keeps results by content hash, `process` runs the programs
//! under a deadline and a memory cap. The extractor's clean-up (hyphenation, NFC) is applied
//! to the OCR'd text like to any other.

mod cache;
mod engine;
mod process;
mod tsv;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use cache::OcrCache;
pub use engine::{Engine, INSTALL_HINT, TESSERACT_ENV};
pub use tsv::PageText;

use crate::extract::{
    clean_up_lines, lay_out_words, BoxedPage, BoxedWord, ErrorKind, ExtractError, ExtractedPdf, OcrProvenance, Page,
};

/// How a page's OCR origin is shown with search hits and evidence: "OCR, 91 %".
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OcrNote {
    pub engine: String,
    /// Mean word confidence, whole percent.
    pub confidence: u8,
}

impl OcrNote {
    pub fn new(provenance: &OcrProvenance) -> OcrNote {
        OcrNote { engine: provenance.engine.clone(), confidence: provenance.confidence.clamp(0.0, 100.0).round() as u8 }
    }
}

impl std::fmt::Display for OcrNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OCR, {} %", self.confidence)
    }
}

/// When pages are OCR'd.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OcrMode {
    /// Pages without a usable text layer, when the engine is installed.
    #[default]
    Auto,
    /// Never.
    Off,
    /// Every page, text layer or not.
    Force,
}

/// Why OCR could not run or a page could not be read.
#[derive(Debug, Clone, thiserror::Error)]
pub enum OcrError {
    #[error("cannot run {program}: {reason}")]
    Start { program: String, reason: String },
    #[error("{program} failed ({reason})")]
    Failed { program: String, reason: String },
    #[error("{program} ran out of time")]
    TimedOut { program: String },
    #[error("Tesseract has no Danish model (dan)")]
    NoDanishModel,
    #[error("unreadable (mean word confidence {confidence:.0} %)")]
    Unreadable { confidence: f32 },
}

/// Time for OCR of one file, on top of extraction's budget: OCR is slow by nature (seconds a
/// page), and a scanned file is worth waiting for.
pub const DEFAULT_FILE_BUDGET: Duration = Duration::from_secs(20 * 60);

/// Pages whose mean word confidence is below this are left without text: what Tesseract reads
/// there is noise (a 40 dpi scan gives 15 %, the 200 dpi test scans 90–93 %), and precision
/// comes before recall.
pub const MIN_PAGE_CONFIDENCE: f32 = 50.0;

/// Time for one page (render + recognise); a page that takes longer is left out.
pub const DEFAULT_PAGE_BUDGET: Duration = Duration::from_secs(180);

/// What the OCR stage may do and where it keeps results.
pub struct Ocr {
    mode: OcrMode,
    engine: OnceLock<Result<Engine, OcrError>>,
    cache_root: Option<PathBuf>,
    pub file_budget: Duration,
    pub page_budget: Duration,
}

/// What OCR did for one file.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct OcrCounts {
    /// Pages recognised by the engine in this run.
    pub recognised: usize,
    /// Pages whose text came from the cache.
    pub cached: usize,
    /// Pages that need OCR but were not tried: the engine is missing or OCR is off.
    pub pending: usize,
}

/// Why a file has no usable text after extraction and OCR.
#[derive(Debug, Clone, PartialEq)]
pub struct FileFailure {
    /// A scanned file OCR could not read is [`ErrorKind::NoTextLayer`].
    pub kind: ErrorKind,
    /// Shown to users as "`PATH`: `MESSAGE`".
    pub message: String,
}

impl FileFailure {
    fn scanned(message: String) -> FileFailure {
        FileFailure { kind: ErrorKind::NoTextLayer, message }
    }
}

impl std::fmt::Display for FileFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A file after the OCR stage.
#[derive(Debug)]
pub struct Completed {
    /// The document with OCR'd pages filled in, or why it has no usable text.
    pub result: Result<ExtractedPdf, FileFailure>,
    /// Something the user should know although the file was indexed (pages left without text).
    pub warning: Option<String>,
    pub counts: OcrCounts,
}

impl Ocr {
    /// `cache_root`: where results are kept by content hash (`None`: not kept).
    pub fn new(mode: OcrMode, cache_root: Option<PathBuf>) -> Ocr {
        Ocr {
            mode,
            engine: OnceLock::new(),
            cache_root,
            file_budget: DEFAULT_FILE_BUDGET,
            page_budget: DEFAULT_PAGE_BUDGET,
        }
    }

    /// Whether this run can OCR: not turned off and the engine is installed (probed only when
    /// asked, so a corpus without scans never starts Tesseract).
    pub fn can_run(&self) -> bool {
        self.mode != OcrMode::Off && self.engine().is_ok()
    }

    /// The engine, probed once on first use.
    pub fn engine(&self) -> Result<&Engine, &OcrError> {
        self.engine.get_or_init(Engine::probe).as_ref()
    }

    /// Fills in the pages of `extracted` that need OCR (all pages under [`OcrMode::Force`]).
    /// `pdf` is the file, `hash` its content hash (the cache key); `page_done` is called once
    /// per page OCR'd or taken from the cache.
    pub fn complete(
        &self,
        pdf: &Path,
        hash: &str,
        extracted: Result<ExtractedPdf, ExtractError>,
        page_done: &(dyn Fn() + Sync),
    ) -> Completed {
        let none = OcrCounts::default();
        let (mut doc, scanned) = match extracted {
            Ok(doc) => (doc, false),
            Err(ExtractError::NoTextLayer { pages }) => {
                let pages = (1..=pages)
                    .map(|n| Page { number: u32::try_from(n).unwrap_or(u32::MAX), needs_ocr: true, ..Page::default() })
                    .collect();
                (ExtractedPdf { pages, ..ExtractedPdf::default() }, true)
            }
            Err(err) => {
                let failure = FileFailure { kind: err.kind(), message: err.to_string() };
                return Completed { result: Err(failure), warning: None, counts: none };
            }
        };
        let wanted: Vec<u32> =
            doc.pages.iter().filter(|p| p.needs_ocr || self.mode == OcrMode::Force).map(|p| p.number).collect();
        if wanted.is_empty() {
            return Completed { result: Ok(doc), warning: None, counts: none };
        }
        let engine = match self.mode {
            OcrMode::Off => Err("turned off (--ocr off)".to_string()),
            OcrMode::Auto | OcrMode::Force => self.engine().map_err(|e| format!("not available ({INSTALL_HINT}; {e})")),
        };
        let engine = match engine {
            Ok(engine) => engine,
            Err(why) => {
                let needing = doc.pages.iter().filter(|p| p.needs_ocr).count();
                let counts = OcrCounts { pending: needing, ..none };
                let message = format!("scanned: {needing} pages need OCR, which is {why}");
                let (result, warning) = match (scanned, needing) {
                    (true, _) => (Err(FileFailure::scanned(message)), None),
                    (false, 0) => (Ok(doc), None),
                    (false, _) => (Ok(doc), Some(format!("{message}; indexed without them"))),
                };
                return Completed { result, warning, counts };
            }
        };
        let (texts, counts, failures) = self.recognise(engine, pdf, hash, &wanted, doc.pages.len(), page_done);
        apply(&mut doc, texts, &engine.name, self.mode);
        let empty = doc.pages.iter().all(|p| p.body.trim().is_empty());
        let warning = (!failures.is_empty()).then(|| format!("OCR failed on {}", failures.join("; ")));
        if scanned && empty {
            let why = failures.first().map_or("it found no text".to_string(), |f| format!("it failed on {f}"));
            return Completed {
                result: Err(FileFailure::scanned(format!("scanned: {} pages need OCR, and {why}", doc.pages.len()))),
                warning: None,
                counts,
            };
        }
        Completed { result: Ok(doc), warning, counts }
    }

    /// OCRs `pages` in parallel (cache first). Returns the texts by page, the counts and one
    /// "page N: reason" per failed page.
    fn recognise(
        &self,
        engine: &Engine,
        pdf: &Path,
        hash: &str,
        pages: &[u32],
        page_count: usize,
        page_done: &(dyn Fn() + Sync),
    ) -> (Vec<(u32, PageText)>, OcrCounts, Vec<String>) {
        let cache = self.cache_root.as_ref().map(|root| OcrCache::new(root.clone(), &engine.name));
        let file_deadline = Instant::now() + self.file_budget;
        let sizes = OnceLock::new();
        let scratch = Scratch::new();
        let recognised = AtomicUsize::new(0);
        let cached = AtomicUsize::new(0);
        let results: Vec<(u32, Result<PageText, OcrError>)> = pages
            .par_iter()
            .map(|&page| {
                if let Some(text) = cache.as_ref().and_then(|c| c.get(hash, page)) {
                    cached.fetch_add(1, Ordering::Relaxed);
                    page_done();
                    return (page, Ok(text));
                }
                let result = scratch.dir().and_then(|dir| {
                    let sizes = sizes.get_or_init(|| {
                        let count = u32::try_from(page_count).unwrap_or(u32::MAX);
                        engine.page_sizes(pdf, count, file_deadline)
                    });
                    let size = sizes.get((page as usize).saturating_sub(1)).copied().flatten();
                    let deadline = file_deadline.min(Instant::now() + self.page_budget);
                    engine.ocr_page(pdf, page, size, dir, deadline)
                });
                if let (Ok(text), Some(cache)) = (&result, &cache) {
                    cache.put(hash, page, text);
                }
                recognised.fetch_add(1, Ordering::Relaxed);
                page_done();
                (page, result)
            })
            .collect();
        let mut texts = Vec::new();
        let mut failures = Vec::new();
        for (page, result) in results {
            let result = result.and_then(|text| match text.confidence {
                c if text.words > 0 && c < MIN_PAGE_CONFIDENCE => Err(OcrError::Unreadable { confidence: c }),
                _ => Ok(text),
            });
            match result {
                Ok(text) => texts.push((page, text)),
                Err(err) => failures.push(format!("page {page}: {err}")),
            }
        }
        let counts = OcrCounts { recognised: recognised.into_inner(), cached: cached.into_inner(), pending: 0 };
        (texts, counts, failures)
    }
}

/// Puts OCR'd text into the document. Under [`OcrMode::Auto`] a page takes it only when its own
/// text layer has less text (a typed page with a logo keeps its exact text); under
/// [`OcrMode::Force`] whenever OCR found words. All OCR'd pages are laid out together by the
/// extractor's layout (columns, table rows, running headers and footers, hyphenation).
fn apply(doc: &mut ExtractedPdf, texts: Vec<(u32, PageText)>, engine: &str, mode: OcrMode) {
    let mut taken: Vec<(u32, f32)> = Vec::new();
    let mut pages = Vec::new();
    for (number, text) in texts {
        let Some(page) = doc.pages.iter().find(|p| p.number == number) else { continue };
        let own = page.body.chars().filter(|c| c.is_alphanumeric() && *c != '\u{fffd}').count();
        if text.words == 0 || (mode != OcrMode::Force && own >= text.alphanumerics()) {
            continue;
        }
        taken.push((number, text.confidence));
        pages.push(text);
    }
    let laid_out: Vec<(String, Vec<String>)> = if std::env::var_os(TESSERACT_ORDER_ENV).is_some() {
        clean_up_lines(pages.into_iter().map(|p| p.blocks).collect()).into_iter().map(|b| (b, Vec::new())).collect()
    } else {
        lay_out_words(&pages.iter().map(boxed_page).collect::<Vec<_>>())
    };
    for ((number, confidence), (body, furniture)) in taken.into_iter().zip(laid_out) {
        if let Some(page) = doc.pages.iter_mut().find(|p| p.number == number) {
            page.body = body;
            page.furniture = furniture;
            page.unmapped_glyphs = 0;
            page.ocr = Some(OcrProvenance { engine: engine.to_string(), confidence });
        }
    }
}

/// Benchmark switch: when set, OCR'd text keeps Tesseract's own reading order instead of going
/// through the extractor's layout (BENCHMARKS.md compares the two).
pub const TESSERACT_ORDER_ENV: &str = "KOMMUNSK_OCR_TESSERACT_ORDER";

/// Share of a line's height taken as the font size (the rest is ascender/descender overshoot).
const SIZE_OF_LINE_HEIGHT: f32 = 0.8;

/// The words for the extractor's layout. Every word gets the page's median line height as its
/// size: a line's own height varies with its letters (descenders, brackets, OCR junk), and the
/// layout reads a size change as a new block and a large size as a loose baseline tolerance.
fn boxed_page(text: &PageText) -> BoxedPage {
    let mut heights: Vec<f32> = text.boxes.iter().map(|w| w.line_height).collect();
    heights.sort_by(f32::total_cmp);
    let size = heights.get(heights.len() / 2).copied().unwrap_or(0.0) * SIZE_OF_LINE_HEIGHT;
    let words = text
        .boxes
        .iter()
        .map(|w| BoxedWord { text: w.text.clone(), x0: w.left, x1: w.right, baseline: w.line_bottom, size })
        .collect();
    BoxedPage { width: text.width, height: text.height, words }
}

/// A temporary folder for rendered page images, removed when dropped.
struct Scratch {
    dir: OnceLock<Result<PathBuf, OcrError>>,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch { dir: OnceLock::new() }
    }

    fn dir(&self) -> Result<&Path, OcrError> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let made = self.dir.get_or_init(|| {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let dir = std::env::temp_dir().join(format!("kommunsk-ocr-{}-{n}", std::process::id()));
            std::fs::create_dir_all(&dir)
                .map(|()| dir.clone())
                .map_err(|e| OcrError::Start { program: "OCR".into(), reason: format!("{}: {e}", dir.display()) })
        });
        made.as_ref().map(PathBuf::as_path).map_err(Clone::clone)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Some(Ok(dir)) = self.dir.get() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}
