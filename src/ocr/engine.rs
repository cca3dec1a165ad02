//! The OCR engine: Poppler's `pdftoppm` renders a page to a gray image, the `tesseract` program
//! with the Danish model reads it and reports every word with its confidence (TSV).
//!
//! Why programs and not a library binding, and why rendering rather than taking the page's
//! image XObjects: see "OCR" in BENCHMARKS.md. In short, Tesseract's recognition is >90 % of
//! the time, starting the program costs ~0.1 s CPU per page, and rendering reads every image
//! encoding (JPEG, Flate, CCITT, JBIG2, masks, several strips, rotation) the same way.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::process::run;
use super::tsv::{self, PageText};
use super::OcrError;

/// Environment variable naming the `tesseract` program to use (default: `tesseract` on PATH).
pub const TESSERACT_ENV: &str = "KOMMUNSK_TESSERACT";

/// Tesseract's language model for Danish.
const LANGUAGE: &str = "dan";

/// Rendering resolution: Tesseract's documented sweet spot for body text.
const DPI: f32 = 300.0;

/// Longest side of a rendered page in pixels; a larger page is rendered at a lower resolution
/// (A3 at 300 dpi is 4961 px), so a huge page box cannot make the image huge.
const MAX_SIDE_PX: f32 = 5000.0;

/// How long the engine's programs may take to say who they are.
const PROBE_TIMEOUT: Duration = Duration::from_secs(20);

/// What users install to get OCR (Debian/Ubuntu package names).
pub const INSTALL_HINT: &str = "install tesseract-ocr, tesseract-ocr-dan and poppler-utils";

/// A working engine: the programs were found and the Danish model is installed.
#[derive(Debug, Clone)]
pub struct Engine {
    tesseract: PathBuf,
    /// Engine and model as recorded with every OCR'd page, e.g. "tesseract 5.3.0 dan".
    pub name: String,
}

impl Engine {
    /// Finds the programs and checks the Danish model. The error says what is missing.
    pub fn probe() -> Result<Engine, OcrError> {
        let tesseract = std::env::var_os(TESSERACT_ENV).map(PathBuf::from).unwrap_or_else(|| "tesseract".into());
        let deadline = Instant::now() + PROBE_TIMEOUT;
        let mut version = Command::new(&tesseract);
        version.arg("--version");
        let version = run(version, deadline)?;
        let version = String::from_utf8_lossy(&version);
        let name = version.lines().next().unwrap_or("tesseract").trim().to_string();
        let mut langs = Command::new(&tesseract);
        langs.arg("--list-langs");
        let langs = run(langs, deadline)?;
        if !String::from_utf8_lossy(&langs).lines().any(|l| l.trim() == LANGUAGE) {
            return Err(OcrError::NoDanishModel);
        }
        let mut poppler = Command::new("pdftoppm");
        poppler.arg("-v");
        run(poppler, deadline)?;
        Ok(Engine { tesseract, name: format!("{name} {LANGUAGE}") })
    }

    /// The size in points of each page `pdfinfo` can read (1-based page → (width, height)).
    pub fn page_sizes(&self, pdf: &Path, pages: u32, deadline: Instant) -> Vec<Option<(f32, f32)>> {
        let mut cmd = Command::new("pdfinfo");
        cmd.args(["-f", "1", "-l", &pages.to_string()]).arg(pdf);
        let mut sizes = vec![None; pages as usize];
        let Ok(out) = run(cmd, deadline) else { return sizes };
        for line in String::from_utf8_lossy(&out).lines() {
            // "Page    1 size: 841.68 x 595.2 pts (A4)"
            let Some(rest) = line.strip_prefix("Page") else { continue };
            let Some((number, size)) = rest.split_once(" size:") else { continue };
            let mut dims = size.split_whitespace();
            let (Some(w), Some("x"), Some(h)) = (dims.next(), dims.next(), dims.next()) else { continue };
            let (Ok(n), Ok(w), Ok(h)) = (number.trim().parse::<usize>(), w.parse::<f32>(), h.parse::<f32>()) else {
                continue;
            };
            if let Some(slot) = n.checked_sub(1).and_then(|i| sizes.get_mut(i)) {
                *slot = Some((w, h)).filter(|(w, h)| w.is_finite() && h.is_finite() && *w > 0.0 && *h > 0.0);
            }
        }
        sizes
    }

    /// OCRs page `page` (1-based) of the PDF at `pdf`, rendering it into `scratch`.
    pub fn ocr_page(
        &self,
        pdf: &Path,
        page: u32,
        size_pt: Option<(f32, f32)>,
        scratch: &Path,
        deadline: Instant,
    ) -> Result<PageText, OcrError> {
        let root = scratch.join(format!("page-{page}"));
        let mut render = Command::new("pdftoppm");
        render.args(["-gray", "-f", &page.to_string(), "-l", &page.to_string(), "-singlefile"]);
        match size_pt {
            Some((w, h)) => {
                let dpi = DPI.min(MAX_SIDE_PX * 72.0 / w.max(h)).max(1.0);
                render.args(["-r", &format!("{dpi:.0}")]);
            }
            None => {
                render.args(["-scale-to", &format!("{MAX_SIDE_PX:.0}")]);
            }
        }
        render.arg(pdf).arg(&root);
        run(render, deadline)?;
        let image = root.with_extension("pgm");
        let mut recognise = Command::new(&self.tesseract);
        // Page segmentation 1: automatic, with orientation detection, so pages scanned sideways
        // or upside down (common in scanned appendices) are read upright.
        recognise.arg(&image).arg("stdout").args(["-l", LANGUAGE, "--psm", "1", "tsv"]);
        // Pages run in parallel already; Tesseract's own threads would only compete with them.
        recognise.env("OMP_THREAD_LIMIT", "1");
        let result = run(recognise, deadline);
        let _ = std::fs::remove_file(&image);
        Ok(tsv::parse(&String::from_utf8_lossy(&result?)))
    }
}
