//! Columns of short lines: a two-column index or symbol list, whose entries do not fill their
//! column, is read column by column because the content stream writes it so. Three ragged
//! columns, whose lines fill only their own column, above a full-width box. A table filling
//! one column, whose own column gap is crossed by less text than the page's gutter.

use kommunsk_extract::{extract_path, Limits};

use crate::util;

#[test]
fn a_two_column_index_reads_column_by_column() {
    // pdfTeX, LaTeX's theindex layout under a full-width introduction: the right column's
    // entries are short, and "Budgetloft, se også Serviceniveau" in the left column reaches
    // past the middle of the gap between the columns' entries. Both used to make the page one
    // flow, the two columns' entries interleaved line by line.
    let path = util::data("index-columns.pdf");
    let pdf = match extract_path(&path, &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{}: {e}", path.display()),
    };
    let truth = std::fs::read_to_string(util::data("index-columns.txt")).unwrap_or_default();
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(words(&pdf.body_text()), words(&truth));
    // The long entry is one line of the left column, between its neighbours.
    let body = pdf.body_text();
    let lines: Vec<&str> = body.lines().filter(|l| !l.is_empty()).collect();
    let at = lines.iter().position(|l| *l == "Budgetloft, se også Serviceniveau");
    let around = at.and_then(|i| lines.get(i.checked_sub(1)?..=i + 1));
    assert_eq!(around, Some(&["opfølgning, 7", "Budgetloft, se også Serviceniveau", "Byggesag, 17"][..]));
}

#[test]
fn three_ragged_columns_above_a_full_width_box_read_column_by_column() {
    // LibreOffice Writer, three flush-left hyphenated columns under a running head spanning
    // them (the layout of an InDesign report); on the last page the balanced columns end above
    // a framed box as wide as two and a half columns, with a short line of its own. The lines
    // of two columns fill less than half of their joint width, and the box crossed both
    // gutters with a quarter of the page's text: both made the page one flow, the columns'
    // lines interleaved and words hyphenated at a line end joined to the next column's line.
    let path = util::data("ragged-columns.pdf");
    let pdf = match extract_path(&path, &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{}: {e}", path.display()),
    };
    let truth = std::fs::read_to_string(util::data("ragged-columns.txt")).unwrap_or_default();
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(words(&pdf.body_text()), words(&truth));
    for page in &pdf.pages {
        let head = "Odder Kommune · Sundhed og omsorg 2026".to_string();
        assert_eq!(page.furniture, vec![head, format!("Side {}", page.number)]);
    }
}

#[test]
fn a_table_filling_one_column_does_not_split_the_page_at_its_own_gap() {
    // pdfTeX, two columns: the left one is a single address table (street, tenant, saving)
    // under a running head centred over both columns; running text fills the right one. No
    // text crosses the gap after the street names, while the head crosses the page's gutter,
    // so the least crossed strip was the table's: the street names were read as a column of
    // their own, after the rest of the page.
    let path = util::data("table-column.pdf");
    let pdf = match extract_path(&path, &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{}: {e}", path.display()),
    };
    let truth = std::fs::read_to_string(util::data("table-column.txt")).unwrap_or_default();
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(words(&pdf.body_text()), words(&truth));
    // Every row is one line, its street beside its tenant and saving.
    let body = pdf.body_text();
    let lines: Vec<&str> = body.lines().collect();
    for row in truth.lines().take_while(|l| !l.is_empty()) {
        assert!(lines.contains(&row), "{row:?} is not a line of its own");
    }
}

#[test]
fn columns_above_a_box_under_two_of_them_read_column_by_column() {
    // LibreOffice Writer, three flush-left columns of the page (make-column-box.py); a box
    // under the second and third, 1 cm below their text, runs across the gutter between them,
    // and its bullets, left of that gutter, reach far below the short third column. The
    // second and third columns with the box were one flow, read line by line across.
    let path = util::data("column-box.pdf");
    let pdf = match extract_path(&path, &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{}: {e}", path.display()),
    };
    let truth = std::fs::read_to_string(util::data("column-box.txt")).unwrap_or_default();
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    // The columns in reading order, then the box (its bulleted items are not checked here).
    let (columns, _) = truth.split_once("Fakta om sundhedsindsatsen").unwrap_or_default();
    let body = pdf.body_text();
    let (read, box_text) = body.split_once("Fakta om sundhedsindsatsen").unwrap_or_default();
    assert_eq!(words(read), words(columns));
    assert!(box_text.contains("Sundhedsreformen betyder nye opgaver for kommunen i det nære sundhedsvæsen."));
}
