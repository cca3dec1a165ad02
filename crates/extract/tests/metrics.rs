//! Glyph positions and sizes on real files: diagonal text (a watermark at 50°), a Type3 font
//! whose glyph space is not 1000 units an em, and embedded Georgia subsets that keep their
//! glyph ids but name no glyph (read in the standard glyph order, proven by their widths).
//!
//! The pdf.js files come from `../shared/corpora/pdfjs`. The Georgia file is a test file of
//! PyMuPDF (an AGPL project, so not copied here): its test runs only where the extra corpus
//! is (`$KOMMUNSK_EXTRA_CORPUS`, default `/work/scratch/extra-corpus`) and says so otherwise.

use std::path::{Path, PathBuf};

use kommunsk_extract::{extract_path, ExtractedPdf, Limits};

use crate::util;

/// Where the extra corpus lives unless `KOMMUNSK_EXTRA_CORPUS` says otherwise.
const DEFAULT_EXTRA_CORPUS: &str = "/work/scratch/extra-corpus";

fn extract(path: &Path) -> ExtractedPdf {
    match extract_path(path, &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

fn pdfjs(name: &str) -> ExtractedPdf {
    extract(&util::shared().join("corpora/pdfjs").join(name))
}

/// A file of the extra corpus, or `None` (with a message) where that corpus is not present.
fn extra_corpus_file(name: &str) -> Option<PathBuf> {
    let dir =
        std::env::var_os("KOMMUNSK_EXTRA_CORPUS").map_or_else(|| PathBuf::from(DEFAULT_EXTRA_CORPUS), PathBuf::from);
    let path = dir.join(name);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("SKIPPED: {} is missing (set KOMMUNSK_EXTRA_CORPUS to the extra corpus)", path.display());
        None
    }
}

#[test]
fn diagonal_watermark_reads_along_its_baseline() {
    // "PDFM PDF EDITOR" shown by a form under a CTM turned 50°: in a quarter-turn frame every
    // glyph lands on a line of its own ("PD / FM / PD / F / ED / ITO / R").
    let pdf = pdfjs("issue12810.pdf");
    let bodies: Vec<&str> = pdf.pages.iter().map(|p| p.body.as_str()).collect();
    assert_eq!(bodies, ["PDFM PDF EDITOR"]);
}

#[test]
fn type3_glyph_size_comes_from_the_font() {
    // 0.24 Tf with FontMatrix [1 0 0 1 0 0] and a FontBBox 72 units high: 17 pt letters.
    // Taken as 0.24 pt, every kern looked like a word break ("P ro p e rty Ins ura nce").
    let pdf = pdfjs("issue9655_reduced.pdf");
    let bodies: Vec<&str> = pdf.pages.iter().map(|p| p.body.as_str()).collect();
    assert_eq!(bodies, ["Property Insurance"]);
}

#[test]
fn embedded_georgia_subsets_read_in_the_standard_order() {
    let Some(path) = extra_corpus_file("pymupdf-2.0__tests__resources__test_2791_content.pdf") else {
        return;
    };
    let pdf = extract(&path);
    let page = |n: usize| pdf.pages.get(n - 1).map_or("", |p| p.body.as_str());
    let has_line = |n: usize, line: &str| page(n).lines().any(|l| l == line);
    // Georgia (nbsp left out of the order) and Georgia Italic (nbsp and apple left out).
    for line in [
        "Venu au cinéma par le documentaire (Douro, Daina fluvial, 1931), Manoel de Oliveira",
        "s’est très vite intéressé aux textes littéraires pour édifier son œuvre entre théâtre et",
        "Presença et du mouvement littéraire « le second modernisme », il développera une",
    ] {
        assert!(has_line(2, line), "page 2 lacks {line:?}:\n{}", page(2));
    }
    // What stays unmapped: ligature glyphs past the standard order (o�rant = offrant) and
    // the fonts that are not Windows core fonts (PT Sans, Avenir); before, 4,586 glyphs.
    let unmapped: u32 = pdf.pages.iter().map(|p| p.unmapped_glyphs).sum();
    assert_eq!(unmapped, 694);
}
