//! The extractor on small PDFs made with pdfTeX (sources in tests/data/extract/): ActualText,
//! invisible text, Form XObjects, rotated pages, and the document-level results.

use std::path::PathBuf;

use kommunsk::extract::{extract_path, ExtractedPdf, Limits};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/extract").join(name)
}

fn extract(name: &str) -> ExtractedPdf {
    match extract_path(&data(name), &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn actual_text_invisible_text_and_form_xobjects() {
    let pdf = extract("features.pdf");
    assert_eq!(pdf.pages.len(), 2);
    assert!(!pdf.was_encrypted);
    assert_eq!(
        pdf.pages[0].body,
        "Budgettet for 2026 er vedtaget.\nSynlig tekst. Usynlig tekst fra OCR.\n\n\
         Indlejret side med æbler, øl og ål."
    );
    assert_eq!(pdf.pages[0].unmapped_glyphs, 0);
}

#[test]
fn rotated_page_reads_left_to_right() {
    let pdf = extract("features.pdf");
    assert_eq!(
        pdf.pages[1].body,
        "Liggende side med en lang linje, der læses fra venstre mod højre som alle andre."
    );
    assert_eq!(pdf.pages[1].number, 2);
}

#[test]
fn body_text_separates_pages_with_form_feeds() {
    let pdf = extract("features.pdf");
    let text = pdf.body_text();
    assert_eq!(text.matches('\u{c}').count(), 1);
    assert!(text.ends_with("som alle andre."));
}
