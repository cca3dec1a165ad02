//! The extractor on small PDFs made with pdfTeX, Chromium + Ghostscript or written by a script
//! (sources in tests/data/): ActualText, invisible text, Form XObjects, rotated pages, damaged
//! content-stream syntax, annotation appearances, hyphenation across a page break, soft hyphens
//! whose marked content Ghostscript dropped, and the
//! document-level results.

use std::path::PathBuf;

use kommunsk_extract::{extract_path, ExtractedPdf, Limits};

use crate::util;

fn data(name: &str) -> PathBuf {
    util::data(name)
}

#[test]
fn actual_text_invisible_text_and_form_xobjects() {
    let pdf = util::extract_data("features.pdf");
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
    let pdf = util::extract_data("features.pdf");
    assert_eq!(pdf.pages[1].body, "Liggende side med en lang linje, der læses fra venstre mod højre som alle andre.");
    assert_eq!(pdf.pages[1].number, 2);
}

#[test]
fn body_text_separates_pages_with_form_feeds() {
    let pdf = util::extract_data("features.pdf");
    let text = pdf.body_text();
    assert_eq!(text.matches('\u{c}').count(), 1);
    assert!(text.ends_with("som alle andre."));
}

#[test]
fn content_stream_syntax_errors_are_skipped_not_fatal() {
    let pdf = util::extract_data("hostile-content.pdf");
    assert_eq!(
        pdf.pages[0].body,
        "Tallet\n\
         Grandes Clientèles, Financements\n\
         Tal: 5 og .5\n\
         (parentes (indlejret)) og \\ skråstreg Hej\n\
         efter billedet\n\
         efter det pakkede billede\n\
         2026\n\
         sidste linje"
    );
}

#[test]
fn form_fields_and_text_boxes_are_read_hidden_ones_are_not() {
    let pdf = util::extract_data("hostile-content.pdf");
    assert_eq!(pdf.pages[1].body, "Side med felter\n\nBemærkning: beløb i 1.000 kr.\n\n12.500");
}

#[test]
fn word_hyphenated_across_a_page_break_is_rejoined_on_the_first_page() {
    let pdf = util::extract_data("page-break-hyphen.pdf");
    assert_eq!(
        pdf.pages[0].body,
        "Kommunen har i år afsat flere midler til de små\n\
         skoler og til den samlede anlægsramme, og Økonomiudvalget\n\
         har derfor besluttet at udvide investeringspuljen"
    );
    assert_eq!(
        pdf.pages[1].body,
        "med yderligere ti millioner kroner fra næste\når, så flere projekter kan komme med."
    );
    assert_eq!(pdf.pages[0].furniture, vec!["1".to_string()]);
}

#[test]
fn soft_hyphens_redistilled_by_ghostscript_join_their_words() {
    // Chromium draws each soft hyphen it does not break at as a space glyph marked
    // /ActualText (U+00AD); Ghostscript dropped the marks and takes the space's advance back
    // with a TJ kern (make-soft-hyphens.py). Such a space is no word break, and the hyphens
    // Chromium broke lines at are rejoined.
    let pdf = util::extract_data("soft-hyphens.pdf");
    let truth = std::fs::read_to_string(data("soft-hyphens.txt")).unwrap_or_default();
    assert_eq!(util::words(&pdf.body_text()), util::words(&truth));
}

/// The pdfTeX book from py-pdf's benchmark (German lecture notes, 117 pages), shared read-only.
fn geotopo() -> ExtractedPdf {
    let path = util::shared().join("corpora/pypdf-samples/009-pdflatex-geotopo/GeoTopo-komprimiert.pdf");
    match extract_path(&path, &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

#[test]
fn book_running_heads_with_page_numbers_are_furniture() {
    let pdf = geotopo();
    assert_eq!(pdf.pages.len(), 117);
    // PDF page → its running head (printed number = PDF page − 3; section text changes).
    let heads = [
        (8, "5 1.1. TOPOLOGISCHE RÄUME"),
        (12, "9 1.2. METRISCHE RÄUME"),
        (29, "26 2.1. TOPOLOGISCHE MANNIGFALTIGKEITEN"),
        (104, "101 Lösungen der Übungsaufgaben"),
    ];
    for (number, head) in heads {
        let page = &pdf.pages[number - 1];
        assert_eq!(page.furniture, vec![head.to_string()], "page {number}");
        assert!(!page.body.contains(head), "page {number}: {:?}", page.body);
    }
    // A head split by the two-column index: both parts go.
    assert_eq!(pdf.pages[113 - 1].furniture, vec!["110".to_string(), "Symbolverzeichnis".to_string()]);
    // Chapter openings carry no head: nothing is taken from them.
    assert!(pdf.pages[6 - 1].furniture.is_empty());
    assert!(pdf.pages[6 - 1].body.starts_with("1 Topologische Grundbegriffe\n"));
}

#[test]
fn book_caption_before_a_page_break_stays_intact() {
    let pdf = geotopo();
    assert!(pdf.pages[11 - 1].body.ends_with("\nAbbildung 1.3: Veranschaulichungen zur Metrik d aus Beispiel 10"));
    assert!(pdf.pages[12 - 1].body.starts_with("Beispiel 11 (SNCF-Metrik1)\n"));
}

#[test]
fn book_math_symbols_come_out_as_symbols() {
    let pdf = geotopo();
    let page = |n: usize| pdf.pages[n - 1].body.as_str();
    // cmsy's built-in encoding is not read as a text encoding: ‖ is not "k", ≠ not "6=".
    assert!(page(11).contains("max(‖x1 − x2‖, ‖y1 − y2‖)"), "{}", page(11));
    assert!(page(12).contains("für je zwei Punkte x ≠ y in X"), "{}", page(12));
    assert!(pdf.pages.iter().all(|p| !p.body.contains(" 6= ")));
    // \mapsto is a bar and an arrow: one ↦.
    assert!(page(9).contains("π : X → X, x ↦ [x]∼"), "{}", page(9));
    // Accents drawn before their base follow it (X̃ is X + U+0303), also in the body of a line.
    assert!(page(61).contains("universell, wenn X\u{303} einfach zusammenhängend ist"), "{}", page(61));
    assert!(!page(61).contains("\u{2dc} X"), "{}", page(61));
    // cmex's OMX codes: the pieces of an underbrace, not the letters "| {z }" at their codes.
    assert!(page(17).contains("︸ ︷︷ ︸"), "{}", page(17));
    assert!(!page(17).contains("{z"));
    // Glyphs without any Unicode mapping: 347 before the TeX math encodings were read.
    let unmapped: u32 = pdf.pages.iter().map(|p| p.unmapped_glyphs).sum();
    assert_eq!(unmapped, 33);
}

#[test]
fn superscript_marks_stay_on_their_line() {
    // LibreOffice Writer (make-superscript-marks.py): note marks set as Word sets them in Tahoma,
    // 66 % of the size and raised 48 % of it, past the baseline tolerance. Each mark came out
    // as a line of its own above its line ("2" / "- Voksende … sektor"), and the paragraph
    // around "arbejde¹" was cut in two blocks.
    let pdf = util::extract_data("superscript-marks.pdf");
    let truth = util::truth("superscript-marks.txt");
    let body = pdf.body_text();
    assert_eq!(util::words(&body), util::words(&truth));
    assert!(body.contains("- Voksende professionalisering af dele af den frivillige sektor2\n"), "{body}");
    assert!(body.contains("deltager i frivilligt\narbejde1 ved siden af"), "{body}");
}
