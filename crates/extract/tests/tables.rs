//! Tables: a header row that a spreadsheet repeats on every page stays in each page's body (it
//! is not a running header), and cells keep a separator even where one cell's text runs under
//! the next.

use kommunsk_extract::{extract_bytes, Limits};

use crate::util;

#[test]
fn a_header_row_repeated_on_every_page_stays_in_each_body() {
    // LibreOffice Calc, 180 rows on 4 pages, header row set to repeat (make-table-pages.py).
    let pdf = util::extract_data("table-pages.pdf");
    assert_eq!(pdf.pages.len(), 4);
    let header = "Hovedformål Formålet Budget 2025 Budget 2026 Ændring";
    let mut rows = Vec::new();
    for page in &pdf.pages {
        let mut lines = page.body.lines().filter(|l| !l.is_empty());
        assert_eq!(lines.next(), Some(header), "page {}", page.number);
        rows.extend(lines);
        // Calc's running header (the sheet name) and footer are still furniture.
        assert_eq!(page.furniture, vec!["Budget".to_string(), format!("Page {}", page.number)]);
    }
    let truth = util::truth("table-pages.txt");
    assert_eq!(rows, truth.lines().collect::<Vec<_>>());
}

#[test]
fn a_cell_running_under_the_next_keeps_a_separator() {
    // A spreadsheet draws each cell's whole text and clips it to the cell: "Hovedformål" (Helvetica
    // 10 pt, 57 pt wide) starts 45 pt before "Formålet", so the two overlap by 12 pt.
    let content = "BT /F1 10 Tf 50 700 Td (Hovedform\\345l) Tj ET BT /F1 10 Tf 95 700 Td (Form\\345let) Tj ET \
                   BT /F1 10 Tf 50 686 Td (Byudvikling) Tj ET BT /F1 10 Tf 110 686 Td (Folkeskoler) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 800] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let pdf = match extract_bytes(&util::pdf_from_objects(&objects), &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(pdf.pages[0].body, "Hovedformål Formålet\nByudvikling Folkeskoler");
}

#[test]
fn three_columns_under_a_running_head_read_column_by_column() {
    // LibreOffice Writer, three justified columns, hyphenated, a head spanning all three.
    let pdf = util::extract_data("three-columns.pdf");
    let truth = util::truth("three-columns.txt");
    assert_eq!(util::words(&pdf.body_text()), util::words(&truth));
    for page in &pdf.pages {
        let head = "Roskilde Kommune · Budgetaftale 2026 · Økonomiudvalget".to_string();
        assert_eq!(page.furniture, vec![head, format!("Side {}", page.number)]);
    }
}

#[test]
fn justified_lines_spread_over_a_narrow_column_are_no_table_rows() {
    // Chromium, three justified columns without hyphenation (make-spread-columns.py): many lines'
    // words stand more than an em apart, as table cells do, and the short line below such a line
    // is its paragraph's end, not a wrapped cell; lines of neighbouring columns share baselines.
    let pdf = util::extract_data("spread-columns.pdf");
    let truth = util::truth("spread-columns.txt");
    assert_eq!(util::words(&pdf.body_text()), util::words(&truth));
    for page in &pdf.pages {
        let foot = format!("Side {} af {}", page.number, pdf.pages.len());
        assert_eq!(page.furniture, vec!["Greve Kommune · Budgetnotat 2026".to_string(), foot]);
    }
}

#[test]
fn a_table_inside_a_column_keeps_its_wrapped_header_cells_in_order() {
    // LibreOffice Writer, two columns, a small table in each; the header cells wrap onto three
    // lines, and the second and third cells' wrapped lines come as one stretch of text
    // ("2025 (mio. 2026 (mio.") because the cells' padding leaves less than a word gap.
    let pdf = util::extract_data("column-table.pdf");
    let truth = util::truth("column-table.txt");
    let body = pdf.body_text();
    let lines: Vec<&str> = body.lines().filter(|l| !l.is_empty()).collect();
    let tables: Vec<Vec<&str>> =
        truth.split("\n\n").filter(|b| b.starts_with("Område ")).map(|b| b.lines().collect()).collect();
    assert_eq!(tables.len(), 2);
    for rows in tables {
        // Both tables share the header: find each by its first row, the header right above it.
        let first_row = lines.iter().position(|l| Some(l) == rows.get(1));
        let Some(start) = first_row.and_then(|i| i.checked_sub(1)) else { panic!("{rows:?} not in the body:\n{body}") };
        assert_eq!(lines.get(start..start + rows.len()), Some(&rows[..]));
    }
    // The last page starts with two short balanced columns under the running head: read one
    // after the other like the rest, so the whole body is the truth.
    assert_eq!(util::words(&body), util::words(&truth));
}

#[test]
fn a_narrow_table_with_close_cells_keeps_its_rows() {
    // pdfTeX, \scriptsize with \tabcolsep 2 pt (narrow-table.tex): cells half an em apart, closer
    // than cells elsewhere, justified cells whose words spread wider than that, cells wrapping
    // onto up to three lines; then right-aligned numbers, one line a row.
    let pdf = util::extract_data("narrow-table.pdf");
    let truth = util::truth("narrow-table.txt");
    let body = pdf.body_text();
    let lines: Vec<&str> = body.lines().filter(|l| !l.is_empty()).collect();
    let tables: Vec<Vec<&str>> = truth
        .split("\n\n")
        .filter(|b| b.starts_with("Adresse ") || b.starts_with("Udvalg "))
        .map(|b| b.lines().collect())
        .collect();
    assert_eq!(tables.len(), 2);
    for rows in tables {
        let start = lines.iter().position(|l| Some(l) == rows.first());
        let Some(start) = start else { panic!("{rows:?} not in the body:\n{body}") };
        assert_eq!(lines.get(start..start + rows.len()), Some(&rows[..]), "{body}");
    }
    assert_eq!(util::words(&body), util::words(&truth));
}

#[test]
fn words_broken_in_narrow_padded_cells_are_whole_again() {
    // LibreOffice Writer (make-narrow-cells.py): a four-column table filling the second of two
    // columns, the tenant column too narrow for "BUF", so LibreOffice breaks it ("BU" / "F")
    // and overlong words ("differenstryksregulato" / "r") without a hyphen; padded rows whose
    // wrapped line fills every column ("Randersgade" / "38", "BU" / "F", …).
    let pdf = util::extract_data("narrow-cells.pdf");
    let truth = util::truth("narrow-cells.txt");
    let body = pdf.body_text();
    let lines: Vec<&str> = body.lines().collect();
    let addresses = [
        "Randersgade 38 ",
        "Kløvermarksvej 50 ",
        "Ved Sporsløjfen 2 ",
        "Stubberupvej 4 ",
        "Vigerslevvej 180 ",
        "Kirsebærhaven 20 ",
        "Kapelvej 34 ",
    ];
    let rows: Vec<&str> = truth.lines().filter(|l| addresses.iter().any(|a| l.starts_with(a))).collect();
    assert_eq!(rows.len(), addresses.len());
    for row in rows {
        assert!(lines.contains(&row), "{row:?} not a line of the body:\n{body}");
    }
    // A whole word that fills its cell keeps the space before the next line's word.
    assert!(body.contains("korrosionsbeskyttelse og udskiftning"), "{body}");
    assert!(body.contains("cirkulationspumpe og STAD-ventil"), "{body}");
}
