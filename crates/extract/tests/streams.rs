//! Stream data lopdf gets wrong, and text outside the page: each defect first on a minimal
//! synthetic PDF written here, then on the real-world file it was seen on when that file is
//! present (the PyMuPDF test files are AGPL and stay out of the repository; see
//! `tools/fetch-extra-corpus`).

use std::path::PathBuf;

use kommunsk_extract::{extract_bytes, extract_path, Limits};

use crate::util::{self, root, shared};

/// A one-page PDF (Helvetica as /F1, a 200 × 100 pt MediaBox plus `page_extra` in the page
/// dictionary) whose content stream has the dictionary `stream_dict` and the bytes `data`
/// between the `stream` line and `endstream`, and an exact cross-reference table.
fn one_page_pdf(page_extra: &str, stream_dict: &str, data: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] {page_extra} \
             /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
        ),
        format!("{stream_dict}\nstream\n{data}endstream"),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    util::pdf_from_objects(&objects)
}

fn text_of(pdf: &[u8]) -> String {
    match extract_bytes(pdf, &Limits::default()) {
        Ok(doc) => doc.body_text(),
        Err(err) => format!("error: {err}"),
    }
}

/// Where the lead's session keeps the extra corpus (beside the worktrees).
const SHARED_EXTRA_CORPUS: &str = "/work/scratch/extra-corpus";

/// A file of the extra corpus (`tools/fetch-extra-corpus` puts it in `target/extra-corpus`;
/// else [`SHARED_EXTRA_CORPUS`]), or `None` (with a note on stderr) when it is absent.
fn extra_corpus_file(name: &str) -> Option<PathBuf> {
    let path = root().join("target/extra-corpus").join(name);
    let path = if path.exists() { path } else { PathBuf::from(SHARED_EXTRA_CORPUS).join(name) };
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {name} is not in /work/scratch/extra-corpus nor target/extra-corpus (fetch it with tools/fetch-extra-corpus)");
        None
    }
}

const HELLO: &str = "BT /F1 12 Tf 20 50 Td (Hello World) Tj ET\n\t";

#[test]
fn a_stream_whose_length_is_wrong_is_read_up_to_endstream() {
    // 43 bytes of data; a tab before `endstream` defeats lopdf's own length recovery.
    assert_eq!(HELLO.len(), 43);
    for length in [44, 60, 30] {
        let pdf = one_page_pdf("", &format!("<< /Length {length} >>"), HELLO);
        assert_eq!(text_of(&pdf), "Hello World", "/Length {length}");
    }
}

#[test]
fn an_empty_filter_array_means_no_filter() {
    let data = "BT /F1 12 Tf 20 50 Td (Hello World) Tj ET\n";
    let pdf = one_page_pdf("", &format!("<< /Filter [] /Length {} >>", data.len()), data);
    assert_eq!(text_of(&pdf), "Hello World");
}

#[test]
fn text_outside_the_visible_box_is_dropped_and_text_over_its_edge_kept() {
    // The visible box is CropBox ∩ MediaBox = [80 0 200 100]. "Hidden" sits 10 pt above its
    // top; "Cropped" (x 10 to about 55) is inside the MediaBox but left of the CropBox; "Edge"
    // starts inside and runs over the right edge; "Low" has its baseline 3 pt below the
    // bottom, so its upper part shows.
    let data = "BT /F1 12 Tf 100 110 Td (Hidden) Tj ET\n\
                BT /F1 12 Tf 10 50 Td (Cropped) Tj ET\n\
                BT /F1 12 Tf 100 50 Td (Visible) Tj ET\n\
                BT /F1 12 Tf 180 30 Td (Edge) Tj ET\n\
                BT /F1 12 Tf 100 -3 Td (Low) Tj ET\n";
    let pdf = one_page_pdf("/CropBox [80 -50 400 100]", &format!("<< /Length {} >>", data.len()), data);
    assert_eq!(text_of(&pdf), "Visible\nEdge\nLow");
    // A page whose every glyph is off its box keeps them: the box is more likely wrong.
    let data = "BT /F1 12 Tf 0 116 Td (Background) Tj ET\n";
    let pdf = one_page_pdf("", &format!("<< /Length {} >>", data.len()), data);
    assert_eq!(text_of(&pdf), "Background");
}

#[test]
fn pymupdf_test2238_with_junk_and_an_overshooting_length_reads_hello_world() {
    let Some(path) = extra_corpus_file("pymupdf-2.0__tests__resources__test2238.pdf") else { return };
    let doc = extract_path(&path, &Limits::default()).map(|d| d.body_text());
    assert_eq!(doc.ok().as_deref(), Some("Hello World"));
}

#[test]
fn pymupdf_test_3854_with_an_empty_filter_array_has_its_text() {
    let Some(path) = extra_corpus_file("pymupdf-2.0__tests__resources__test_3854.pdf") else { return };
    let text = extract_path(&path, &Limits::default()).map(|d| d.body_text()).unwrap_or_default();
    for expected in ["TO: 天津外代货运有限公司", "Shipper(Full Name & Address)(托运人):", "FLOAT GLASS CENTRE"]
    {
        assert!(text.contains(expected), "{expected:?} missing from {text:?}");
    }
}

#[test]
fn pypdf_imagemagick_label_drawn_off_its_tiny_pages_is_kept() {
    let path = shared().join("corpora/pypdf-samples/007-imagemagick-images/imagemagick-images.pdf");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    // ImageMagick's 3.84 pt pages hold nothing but a label drawn above them on four pages: no
    // text is on any page box, so the boxes, not the label, are taken to be wrong.
    let text = extract_path(&path, &Limits::default()).map(|d| d.body_text());
    assert_eq!(text.ok().as_deref(), Some("Background\u{c}Background\u{c}Background\u{c}\u{c}\u{c}Background"));
}
