//! Text of untrusted PDFs, page by page in reading order, on lopdf's object parser.
//!
//! [`extract_path`] or [`extract_bytes`] read a whole document into an [`ExtractedPdf`]: one
//! [`Page`] per page with its body text, the running headers/footers taken out of it, and the
//! count of glyphs no font could map to Unicode. [`extract_watched`] does the same on a thread
//! of its own with panics caught and a hard deadline, for callers that read many files.
//! Every resource a file can make us spend is bounded by [`Limits`]; a file that cannot be read
//! is an [`ExtractError`] saying why.
//!
//! ```
//! use kommunsk_extract::{extract_path, Limits};
//!
//! let pdf = extract_path("tests/data/page-break-hyphen.pdf".as_ref(), &Limits::default())?;
//! assert_eq!(pdf.pages.len(), 2);
//! for page in &pdf.pages {
//!     println!("page {}: {} lines, furniture {:?}", page.number, page.body.lines().count(), page.furniture);
//! }
//! Ok::<(), kommunsk_extract::ExtractError>(())
//! ```
//!
//! The stages inside, in data order, one folder (or file) each:
//! - `document/`: open the file (header check, `preflight` against object-stream bombs before
//!   lopdf's loader, `decrypt`, `stream_recovery` and `streams` for damaged or odd streams,
//!   `object_headers`), the page tree, the `metadata`.
//! - `fonts/`: shown strings → characters and widths (encodings, ToUnicode and predefined CMaps,
//!   embedded font programs, TeX math fonts).
//! - `content/`: content-stream bytes → operators, tolerant of damage; its `lexer` also reads
//!   the CMaps in `fonts`.
//! - `interpreter/`: operators → positioned glyphs (ActualText, figures' `alt_text`), clipped to
//!   the visible page (`page_clip`), then form-field and text-box `annotations` (`field_value`).
//! - `tagged/`: the `structure` tree of a tagged PDF, read once per file; what layout takes from
//!   it: table cells, rows and headings (`tag_lines`) and reading order (`tag_order`).
//! - `layout/`: accents onto their letters (`compose`) → words → lines → columns, blocks and
//!   reading order; wrapped `table` cells kept in their row.
//! - `furniture`: running headers/footers found across pages and set apart.
//! - `cleanup/`: hyphenation, ligatures, NFC, control characters, right-to-left lines into
//!   logical order (`bidi`).
//!
//! Beside them: `glyphs` (what the interpreter hands to layout) and `lines` (what layout hands to
//! `furniture` and `cleanup`), kept out of the stage folders so that no stage imports a later
//! one; `word_boxes` runs OCR'd words through layout, furniture and cleanup; `guard` runs one
//! file on a thread of its own with panics caught and a deadline; `needs_ocr` says which pages
//! need OCR.
//!
//! Everything here treats the PDF as hostile: no panics on input-derived data, and every
//! resource a file can make us spend is bounded by [`Limits`].

mod cleanup;
mod content;
mod document;
mod fonts;
mod furniture;
mod glyphs;
mod guard;
mod interpreter;
mod layout;
mod lines;
mod needs_ocr;
mod tagged;
#[cfg(test)]
mod test_paths;
mod word_boxes;

use std::path::Path;

pub use document::metadata::PdfMetadata;
pub use guard::{extract_caught, extract_watched};
use std::time::{Duration, Instant};
pub use word_boxes::{lay_out_words, BoxedPage, BoxedWord};

/// Bumped whenever a change can alter the text extracted from some file, so that callers who
/// store extracted text know to read their files again (kommunsk's index compares it).
pub const EXTRACTION_VERSION: u64 = 11;

/// Resource bounds for one file. Exceeding one is that file's failure, with the limit named.
/// Serializable so that an isolated extraction process gets the same bounds as its caller.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Limits {
    /// Largest decompressed stream we accept. Real page content streams are a few MB at most;
    /// a zip-bomb stream is not.
    pub max_stream_bytes: usize,
    /// Most indirect objects in one file. 2 million is far above any real document
    /// (the largest in the pdf.js corpus has ~200k) and keeps memory bounded.
    pub max_objects: usize,
    /// Most content-stream operators interpreted on one page (including Form XObjects).
    pub max_ops_per_page: usize,
    /// Deepest nesting of Form XObjects (deeper fails the file) and of inherited page
    /// attributes up the page tree (deeper ones are not looked up). `q`/`Q` nesting is capped
    /// separately inside the interpreter and never fails a file: real files nest deeply.
    pub max_depth: usize,
    /// Wall-clock budget for the whole file.
    pub time_budget: Duration,
    /// Most glyphs shown on one page (including Form XObjects drawn there). A dense page of
    /// small print has about 10,000; a million is a glyph flood (one `Tj` with a 60 MB string,
    /// a form drawn three times at each of twenty levels) whose glyphs and layout would take
    /// gigabytes.
    pub max_glyphs_per_page: usize,
    /// Most glyphs in the whole document: 2,000 dense pages' worth. The text and layout of every
    /// page are held until running headers are found across pages, so this bounds that memory.
    pub max_glyphs_per_document: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_stream_bytes: 64 * 1024 * 1024,
            max_objects: 2_000_000,
            max_ops_per_page: 2_000_000,
            max_depth: 32,
            time_budget: Duration::from_secs(30),
            max_glyphs_per_page: 1_000_000,
            max_glyphs_per_document: 20_000_000,
        }
    }
}

impl Limits {
    /// The failure of a file that used up [`Limits::time_budget`] (checked by the preflight, the
    /// interpreter and the page loop, each where it can stop).
    pub(crate) fn time_exceeded(&self) -> ExtractError {
        ExtractError::LimitExceeded {
            limit: "time_budget",
            detail: format!("extraction took longer than {:?}", self.time_budget),
        }
    }
}

/// The text of one page.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Page {
    /// 1-based page number in document order.
    pub number: u32,
    /// Body text in reading order: lines separated by `\n`, blocks (paragraphs, headings, table
    /// rows groups) separated by a blank line. Running headers/footers are *not* in here, except
    /// in a document where they are all the text there is (then `furniture` is empty).
    pub body: String,
    /// Page furniture removed from the body (running headers, footers, page numbers), one line each.
    pub furniture: Vec<String>,
    /// Glyphs whose font gave no usable Unicode mapping: each is U+FFFD (�) in the text.
    pub unmapped_glyphs: u32,
    /// The page paints an image and has no usable text layer: its text should come from OCR.
    pub needs_ocr: bool,
    /// Set when `body` came from OCR rather than the text layer.
    pub ocr: Option<OcrProvenance>,
}

/// Where an OCR'd page's text came from and how sure the engine was.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OcrProvenance {
    /// Engine and model, e.g. "tesseract 5.3.0 dan".
    pub engine: String,
    /// Mean word confidence in percent (0–100).
    pub confidence: f32,
}

/// The text of a whole document. Serializable whole, so that an isolated extraction process
/// hands back every field without a protocol of its own.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ExtractedPdf {
    /// Every page in document order (pages without text have an empty body).
    pub pages: Vec<Page>,
    /// True when the file was encrypted and is read without a password: encrypted with an empty
    /// user password and decrypted, or with only its attachments encrypted.
    pub was_encrypted: bool,
    /// Title, author, subject, keywords and creation date from the Info dictionary or XMP.
    pub metadata: PdfMetadata,
}

impl ExtractedPdf {
    /// Body text of all pages joined with form feeds (U+000C), the plain-text form of the document.
    pub fn body_text(&self) -> String {
        let bodies: Vec<&str> = self.pages.iter().map(|p| p.body.as_str()).collect();
        bodies.join("\u{c}")
    }
}

/// Why a PDF could not be read. The messages are shown to users as `<path>: <message>`;
/// [`ExtractError::kind`] says the same in a stable, machine-readable form.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The message already includes the I/O error, so it is not also exposed as a source
    /// (that would print it twice in an error chain).
    #[error("cannot read file: {0}")]
    Io(std::io::Error),
    #[error("not a PDF (file starts with {start:?})")]
    NotPdf { start: String },
    #[error("empty file (0 bytes)")]
    Empty,
    #[error("password-protected (a user password is required)")]
    Encrypted,
    #[error("no text layer on any of {pages} pages — scanned image?")]
    NoTextLayer { pages: usize },
    #[error("truncated or corrupt: {0}")]
    Corrupt(String),
    #[error("limit exceeded: {limit} ({detail})")]
    LimitExceeded { limit: &'static str, detail: String },
    /// A bug of ours met by this file (a caught panic): reported for this file, never fatal.
    #[error("internal error while reading this PDF (please report it): {0}")]
    Internal(String),
    /// The isolated extraction process ran out of its address space (see `kommunsk::isolation`).
    #[error("exceeded the memory limit ({mb} MB)")]
    MemoryLimit { mb: u64 },
    /// The isolated extraction process died for another reason (a signal, a crash of ours).
    #[error("the extraction process ended abnormally ({0})")]
    WorkerDied(String),
    /// An error reported by an isolated extraction process, shown exactly as it was worded
    /// there, with its kind.
    #[error("{message}")]
    Relayed { kind: ErrorKind, message: String },
}

/// The clean-up every extracted page gets (hyphenation rejoined with the document's own
/// evidence, ligatures, control characters, NFC), for text that comes as lines from elsewhere:
/// pages → blocks → lines. Returns one body per page.
pub fn clean_up_lines(pages: Vec<Vec<Vec<String>>>) -> Vec<String> {
    cleanup::render_lines(pages)
}

impl ExtractError {
    /// What kind of failure this is, for callers that sort or store failures (which files need
    /// OCR, which are damaged) without parsing messages.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ExtractError::Io(_) => ErrorKind::Io,
            ExtractError::NotPdf { .. } => ErrorKind::NotPdf,
            ExtractError::Empty => ErrorKind::Empty,
            ExtractError::Encrypted => ErrorKind::Encrypted,
            ExtractError::NoTextLayer { .. } => ErrorKind::NoTextLayer,
            ExtractError::Corrupt(_) => ErrorKind::Corrupt,
            ExtractError::LimitExceeded { .. } => ErrorKind::LimitExceeded,
            ExtractError::Internal(_) => ErrorKind::Internal,
            ExtractError::MemoryLimit { .. } => ErrorKind::MemoryLimit,
            ExtractError::WorkerDied(_) => ErrorKind::Crashed,
            ExtractError::Relayed { kind, .. } => *kind,
        }
    }
}

/// The kind of an [`ExtractError`]. Its [`as_str`](ErrorKind::as_str) names are stable: they
/// are stored and compared by callers, so a name never changes meaning once published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read from disk.
    Io,
    /// The bytes are not a PDF.
    NotPdf,
    /// The file has no bytes at all.
    Empty,
    /// Encrypted with a user password we do not have.
    Encrypted,
    /// A PDF without any text to extract, most likely scanned images (needs OCR).
    NoTextLayer,
    /// Truncated or damaged beyond what recovery can read.
    Corrupt,
    /// A bound of [`Limits`] was reached (time, stream size, objects, operators, nesting).
    LimitExceeded,
    /// A bug of ours met by this file (a caught panic).
    Internal,
    /// The file needed more memory than the extraction process may use.
    MemoryLimit,
    /// The extraction process died while reading the file (a signal, an abort).
    Crashed,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 10] = [
        ErrorKind::Io,
        ErrorKind::NotPdf,
        ErrorKind::Empty,
        ErrorKind::Encrypted,
        ErrorKind::NoTextLayer,
        ErrorKind::Corrupt,
        ErrorKind::LimitExceeded,
        ErrorKind::Internal,
        ErrorKind::MemoryLimit,
        ErrorKind::Crashed,
    ];

    /// The stable snake_case name: `io`, `not_pdf`, `empty`, `encrypted`, `no_text_layer`,
    /// `corrupt`, `limit_exceeded`, `internal`, `memory_limit` or `crashed`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::NotPdf => "not_pdf",
            ErrorKind::Empty => "empty",
            ErrorKind::Encrypted => "encrypted",
            ErrorKind::NoTextLayer => "no_text_layer",
            ErrorKind::Corrupt => "corrupt",
            ErrorKind::LimitExceeded => "limit_exceeded",
            ErrorKind::Internal => "internal",
            ErrorKind::MemoryLimit => "memory_limit",
            ErrorKind::Crashed => "crashed",
        }
    }

    /// The kind named `name` (as [`as_str`](ErrorKind::as_str) gives it), if there is one.
    pub fn from_name(name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Extracts every page of the PDF at `path`.
pub fn extract_path(path: &Path, limits: &Limits) -> Result<ExtractedPdf, ExtractError> {
    let bytes = std::fs::read(path).map_err(ExtractError::Io)?;
    extract_bytes(&bytes, limits)
}

/// Extracts every page of a PDF held in memory.
pub fn extract_bytes(bytes: &[u8], limits: &Limits) -> Result<ExtractedPdf, ExtractError> {
    let deadline = Instant::now() + limits.time_budget;
    let opened = document::open(bytes, limits)?;
    let mut fonts = fonts::FontCache::new();
    let mut layouts = Vec::with_capacity(opened.pages.len());
    let mut unmapped = Vec::with_capacity(opened.pages.len());
    let mut needs_ocr = Vec::with_capacity(opened.pages.len());
    let mut any_text = false;
    let mut glyphs_in_document = 0usize;
    let tags = tagged::structure::read(&opened.doc, deadline);
    for &page_id in &opened.pages {
        if Instant::now() > deadline {
            return Err(limits.time_exceeded());
        }
        let info = document::page_info(&opened.doc, page_id, limits);
        let mut glyphs = interpreter::Interpreter::new(&opened.doc, limits, &mut fonts, deadline)
            .with_tags(tags.as_ref().and_then(|t| t.page(page_id)))
            .run_page(page_id, &info)?;
        layout::compose::compose(&mut glyphs);
        glyphs_in_document = glyphs_in_document.saturating_add(glyphs.glyphs.len() + glyphs.unmapped as usize);
        if glyphs_in_document > limits.max_glyphs_per_document {
            return Err(ExtractError::LimitExceeded {
                limit: "max_glyphs_per_document",
                detail: format!("more than {} glyphs in the document", limits.max_glyphs_per_document),
            });
        }
        any_text |= !glyphs.glyphs.is_empty() || glyphs.unmapped > 0;
        unmapped.push(glyphs.unmapped);
        needs_ocr.push(needs_ocr::page_needs_ocr(&opened.doc, info.resources, &glyphs));
        layouts.push(layout::lay_out(&glyphs, tags.as_ref().and_then(|t| t.page(page_id))));
    }
    if !any_text {
        return Err(ExtractError::NoTextLayer { pages: opened.pages.len() });
    }
    let furniture = furniture::strip(&mut layouts);
    let bodies = cleanup::render(&layouts);
    let pages = bodies
        .into_iter()
        .zip(furniture)
        .zip(unmapped)
        .zip(needs_ocr)
        .enumerate()
        .map(|(i, (((body, furniture), unmapped_glyphs), needs_ocr))| Page {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            body,
            furniture,
            unmapped_glyphs,
            needs_ocr,
            ocr: None,
        })
        .collect();
    Ok(ExtractedPdf { pages, was_encrypted: opened.was_encrypted, metadata: document::metadata::read(&opened.doc) })
}
