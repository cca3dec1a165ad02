//! Tagged PDFs: `/Artifact` marked content is the producer's own word on page furniture.

use kommunsk_extract::{extract_bytes, extract_path, Limits};

use crate::util;

#[test]
fn libreoffice_tagged_headers_and_footers_are_furniture_and_headings_stay() {
    // LibreOffice 7.4 Writer, `UseTaggedPDF` (tagged-budget.fodt; soffice --headless --convert-to
    // 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'). The header and
    // "Side N" footer are `/Artifact BMC`; the headings "Afsnit N: Prioriteringer" open each
    // page at the same place with a changing number, which by geometry alone reads as a running
    // head, but they are tagged content (`/H1 <</MCID 0>> BDC`) and stay in the body.
    let pdf = extract_path(&util::data("tagged-budget.pdf"), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pdf.pages.len(), 2);
    for page in &pdf.pages {
        let furniture = vec!["Budgetaftale 2025 · Eksempel Kommune".to_string(), format!("Side {}", page.number)];
        assert_eq!(page.furniture, furniture, "page {}", page.number);
    }
    let bodies: Vec<&str> = pdf.pages.iter().map(|p| p.body.as_str()).collect();
    let truth = util::truth("tagged-budget.txt");
    assert_eq!(bodies.join("\u{c}"), truth.trim_end_matches('\n'));
    assert!(bodies[0].starts_with("Afsnit 1: Prioriteringer\n"));
    assert!(bodies[1].contains("\nAfsnit 3: Prioriteringer\n"));
}

/// One page: `content` shown in Helvetica 10 pt.
fn one_page(content: &str) -> Vec<u8> {
    util::pdf_from_objects(&[
        "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ])
}

#[test]
fn artifacts_are_furniture_only_at_the_page_edges() {
    // A pagination artifact at the top is furniture even on a single page; an artifact in the
    // middle of the page (a producer tagging a text box wrongly) stays in the body.
    let content =
        "/Artifact <</Type /Pagination /Subtype /Header>> BDC BT /F1 10 Tf 50 770 Td (Eksempel Kommune) Tj ET EMC \
                   /P <</MCID 0>> BDC BT /F1 10 Tf 50 500 Td (Byraadet vedtog budgettet.) Tj ET EMC \
                   /Artifact BMC BT /F1 10 Tf 50 400 Td (Tekstboks midt paa siden) Tj ET EMC";
    let pdf = extract_bytes(&one_page(content), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pdf.pages[0].furniture, vec!["Eksempel Kommune".to_string()]);
    assert_eq!(pdf.pages[0].body, "Byraadet vedtog budgettet.\n\nTekstboks midt paa siden");
}
