//! The extractor on the shared fixture PDFs (real Danish budget texts rendered by LibreOffice,
//! pdfTeX and Chromium): word boundaries, Danish letters, rejoined hyphenation, kept real
//! hyphens, two-column reading order, table rows and running headers/footers.

use kommunsk_extract::{extract_path, ExtractedPdf, Limits};

use crate::util::{self, words};

/// A fixture PDF, from `shared/` beside the repository (as in CI).
fn fixture(name: &str) -> ExtractedPdf {
    let path = util::shared().join("fixtures/pdf").join(name);
    match extract_path(&path, &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// Position of `needle` in the word-normalised `text`, failing with context when absent.
fn position(text: &str, needle: &str) -> usize {
    match text.find(needle) {
        Some(i) => i,
        None => panic!("{needle:?} not found in:\n{text}"),
    }
}

#[test]
fn two_columns_are_read_column_by_column_with_hyphenation_rejoined() {
    let pdf = fixture("kk-investeringspuljer-status-pdflatex-2col.pdf");
    let body = words(&pdf.body_text());
    // Left column, first paragraph: "investe-/ringspuljerne" and "investeringsstra-/tegien" rejoined,
    // "2024-/2025" keeps its hyphen.
    let first = position(
        &body,
        "Dette bilag giver en status på investeringsstrategien efter den første udmøntning af \
         investeringspuljerne for 2025, der skete i forbindelse med forhandlingerne om \
         overførselssagen 2024-2025.",
    );
    let second = position(&body, "Med budget 2025 besluttede Borgerrepræsentationen (BR) at videreføre");
    let right_column = position(&body, "I forbindelse med overførselssagen 2024-2025 blev der udmøntet");
    assert!(first < second && second < right_column, "columns out of order:\n{body}");
}

#[test]
fn running_header_and_page_numbers_become_furniture() {
    let pdf = fixture("kk-investeringspuljer-status-pdflatex-2col.pdf");
    assert_eq!(pdf.pages.len(), 2);
    for page in &pdf.pages {
        let side = format!("Side {} af 2", page.number);
        assert_eq!(page.furniture, vec!["Københavns Kommune · Økonomiforvaltningen".to_string(), side.clone()]);
        assert!(!page.body.contains(&side) && !page.body.contains("Økonomiforvaltningen\n"));
    }
    assert!(pdf.pages[0].body.starts_with("Bilag 6\n\nStatus på strategien for smarte investeringer i"));
}

#[test]
fn wrapped_table_cells_stay_in_their_row() {
    let pdf = fixture("kk-investeringspuljer-status-pdflatex-2col.pdf");
    let body = words(&pdf.body_text());
    position(&body, "1.000 kr. i 2025 p/l Service Anlæg Innovation (service) I alt");
    position(&body, "Investeringspuljen 2025 85.000 275.000 15.000 375.000");
    position(&body, "Udmøntet i OFS 2024-2025 81.631 46.892 9.938 138.461");
    // A suspended compound at a cell's line end keeps hyphen and space.
    position(&body, "Beskæftigelses- og Integrationsudvalget 2/0 1.079 2.963");
}

#[test]
fn full_width_table_in_a_two_column_page_is_read_before_the_columns() {
    // LibreOffice, two columns: on page 2 the caption and the table span both columns with no
    // text run crossing the gutter; below them the columns start.
    let pdf = fixture("kk-effektiviseringsforslag-libreoffice-2col.pdf");
    assert!(
        pdf.pages[1].body.starts_with(
            "Tabel 1. Forslagets samlede økonomiske konsekvenser\n\n\
             1.000 kr. 2025 p/l Styringsområde 2024 2025 2026 2027 2028 2029\n\
             Energieffektiviseringer Service -475 -475 -475 -475 -475\n\
             Samlet varig ændring -475 -475 -475 -475 -475\n\n\
             Noter til alle tabeller: Forslaget skal udarbejdes i\n"
        ),
        "{}",
        pdf.pages[1].body
    );
    // A two-line table in the left column, its second line reading on in every cell.
    let body = words(&pdf.body_text());
    position(
        &body,
        "Hørt Dato for orientering Center for Økonomi, Økonomiforvaltningen Center for Økonomi i \
         Økonomiforvaltningen orienteres inden udvalgsgodkendelse. Relevante samarbejdspartnere",
    );
}

#[test]
fn padded_table_rows_keep_cells_that_wrap_in_most_columns() {
    // Page 4's bilag table: address, name and measure all wrap onto a second line.
    let pdf = fixture("kk-effektiviseringsforslag-libreoffice-2col.pdf");
    let body = words(&pdf.pages[3].body);
    position(&body, "Kløvermarksvej 50 KFF Kløvermarkens Idrætsanlæg ECL + VVS-renovering Nøkkerosevej 23 KFF");
    position(
        &body,
        "Kirsebærhaven 20 SUF Kirsebærhavens Plejehjem Ny differenstryksventil, cirkulationspumpe og STAD-ventil",
    );
}

#[test]
fn libreoffice_keeps_suspended_compounds_and_drops_soft_hyphens() {
    let pdf = fixture("influenter-budgetaftaler-2025-libreoffice-1col.pdf");
    let body = words(&pdf.body_text());
    assert_eq!(body.matches("Cyber- og").count(), 2, "suspended compounds keep hyphen + space");
    assert!(!body.contains('\u{ad}'));
    for page in &pdf.pages {
        assert_eq!(page.furniture.first().map(String::as_str), Some("Influenter · Kommunernes budgetaftaler 2025"));
    }
}

#[test]
fn name_compounds_keep_their_hyphen_at_a_line_end() {
    // "Copenhagen-" ends a line in the two-column pdfTeX rendering; "Copenhagen" occurs
    // elsewhere in the document, so the hyphen is a real one.
    let pdf = fixture("kkr-hovedstaden-dagsorden-pdflatex-2col.pdf");
    let body = words(&pdf.body_text());
    assert!(body.contains("Copenhagen-samarbejdets"), "{body}");
    assert!(!body.contains("Copenhagensamarbejdets"));
}

#[test]
fn chromium_cid_fonts_give_danish_text() {
    let pdf = fixture("kk-investeringspuljer-principper-chromium-1col.pdf");
    assert!(pdf.pages.iter().all(|p| p.unmapped_glyphs == 0));
    assert_eq!(pdf.pages[2].furniture, vec!["Københavns Kommune · Økonomiforvaltningen", "Side 3 af 5"]);
    let body = words(&pdf.body_text());
    position(
        &body,
        "Forvaltningerne udarbejder investeringsforslag og Økonomiforvaltningen godkender investeringsforslagene \
         med henblik på at sikre, at forslagene lever op til de af Økonomiudvalget fastsatte kriterier",
    );
}
