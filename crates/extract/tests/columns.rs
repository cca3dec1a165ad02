//! Columns of short lines: a two-column index or symbol list, whose entries do not fill their
//! column, is read column by column because the content stream writes it so. Three ragged
//! columns, whose lines fill only their own column, above a full-width box. A table filling
//! one column, whose own column gap is crossed by less text than the page's gutter. Columns
//! that no gutter splits from top to bottom: a table spanning them between two bands of them
//! (Chromium's columns re-distilled by Ghostscript), URLs running past the last column. pdfTeX
//! tables overfilling narrow columns.

use crate::util;

#[test]
fn a_two_column_index_reads_column_by_column() {
    // pdfTeX, LaTeX's theindex layout under a full-width introduction: the right column's
    // entries are short, and "Budgetloft, se også Serviceniveau" in the left column reaches
    // past the middle of the gap between the columns' entries. Both used to make the page one
    // flow, the two columns' entries interleaved line by line.
    let pdf = util::extract_data("index-columns.pdf");
    let truth = util::truth("index-columns.txt");
    assert_eq!(util::words(&pdf.body_text()), util::words(&truth));
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
    let pdf = util::extract_data("ragged-columns.pdf");
    let truth = util::truth("ragged-columns.txt");
    assert_eq!(util::words(&pdf.body_text()), util::words(&truth));
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
    let pdf = util::extract_data("table-column.pdf");
    let truth = util::truth("table-column.txt");
    assert_eq!(util::words(&pdf.body_text()), util::words(&truth));
    // Every row is one line, its street beside its tenant and saving.
    let body = pdf.body_text();
    let lines: Vec<&str> = body.lines().collect();
    for row in truth.lines().take_while(|l| !l.is_empty()) {
        assert!(lines.contains(&row), "{row:?} is not a line of its own");
    }
}

/// The paragraphs (blank-line separated) of `truth` longer than 60 characters that do not appear
/// word for word in `body`.
fn missing_paragraphs(truth: &str, body: &str) -> Vec<String> {
    let body = util::words(body);
    truth.split("\n\n").map(util::words).filter(|p| p.len() > 60 && !body.contains(p.as_str())).collect()
}

#[test]
fn columns_above_and_below_a_spanning_table_read_column_by_column() {
    // Chromium's three justified CSS columns with tables wider than a column between them,
    // re-distilled by Ghostscript (gs-columns.pdf, no structure tree left). On page 2 the
    // table spans all three columns between two bands of them, so no gutter runs through the
    // page: the page was read line by line across the columns. Each band is read on its own.
    let pdf = util::extract_data("gs-columns.pdf");
    let truth = util::truth("tagged-columns.txt");
    let body = pdf.body_text();
    let missing = missing_paragraphs(&truth, &body);
    // Left: the first table's rows (its last row's right cells read with the column beside it)
    // and three paragraphs whose justified lines Chromium spaces out so widely that they read
    // as table cells (2fb3725 broke up 4 more).
    assert_eq!(missing.len(), 4, "{missing:#?}");
    for kept in ["Tabel 2 viser, hvordan effektiviseringerne", "Et samlet overblik over forslagene"] {
        assert!(!missing.iter().any(|p| p.starts_with(kept)), "{kept:?} is broken up");
    }
}

#[test]
fn urls_running_past_the_last_column_do_not_widen_it() {
    // pdfTeX, three justified columns (url-columns.pdf): on the last page URLs that cannot
    // break run past the third column's margin, so it looked wider than the first two and the
    // page was not taken for three columns of like width; it was read line by line across.
    let pdf = util::extract_data("url-columns.pdf");
    let truth = util::truth("url-columns.txt");
    let body = pdf.body_text();
    let missing = missing_paragraphs(&truth, &body);
    // Left: paragraphs with a URL broken at a line end, and one hyphenated heading's paragraph.
    assert!(missing.len() <= 4, "{missing:#?}");
    let start = "Copenhagen Capacity (CopCap) varetager markedsføringsopgaver";
    assert!(!missing.iter().any(|p| p.starts_with(start)), "{start:?} is broken up");
}

#[test]
fn tables_wider_than_their_column_stay_in_it() {
    // Chromium's two justified CSS columns re-distilled by Ghostscript (gs-wide-tables.pdf):
    // Chromium draws the tables wider than their column. On page 2 the left column's table
    // runs up to the right column's text (about a point apart), so no gutter was wide enough
    // and the page was read line by line across.
    let pdf = util::extract_data("gs-wide-tables.pdf");
    let truth = util::truth("gs-wide-tables.txt");
    let missing = missing_paragraphs(&truth, &pdf.body_text());
    // Left: three tables, whose cells wrap inside their rows (2fb3725 broke up 3 more). On page
    // 3 a cell of the left column's table ends a point inside the right column, beside its
    // lines but on none of their baselines: it was read after the right column's first lines,
    // and broke up two of its paragraphs.
    assert_eq!(missing.len(), 3, "{missing:#?}");
    for kept in ["Tabel A. Måltalseffekt", "* I forbindelse med godkendelse", "IT og teleområdet og derfor"] {
        assert!(!missing.iter().any(|p| p.starts_with(kept)), "{kept:?} is broken up");
    }
    let body = util::words(&pdf.body_text());
    assert!(body.contains("Borups Allé 177 ØKF Fuglebakken Nyt lys i bygning d og e 3. sal TVÆRGÅENDE"));
}

#[test]
fn three_columns_beside_a_table_overflowing_the_middle_one_read_column_by_column() {
    // The same text in Chromium's three justified columns, re-distilled by Ghostscript
    // (gs-three-tables.pdf). On page 2 a band of three columns stands above a full-width table;
    // the middle column's table overflows its gutter and the third column's first letters, so
    // no strip between the two right columns was crossed by little enough text, and the band
    // was read line by line across. On page 3 three columns under a full-width table are the
    // page's only band of columns (two such bands were needed), read across too.
    let pdf = util::extract_data("gs-three-tables.pdf");
    let truth = util::truth("gs-wide-tables.txt");
    let missing = missing_paragraphs(&truth, &pdf.body_text());
    // Left (e653d52 broke up 8): the middle column's table, read column by column of the
    // table, and the heading under it, whose first word is read with the table's first
    // column; the note under the full-width table, beside too few lines of the other two
    // columns to prove them columns; a word Chromium breaks at a column's end.
    assert_eq!(missing.len(), 4, "{missing:#?}");
    let kept = [
        "Forslaget indeholder ikke effektiviseringer",
        "Tabel A. Måltalseffekt",
        "Kort resumé: Forslaget præsenterer",
        "Berørte forvaltninger:",
    ];
    for kept in kept {
        assert!(!missing.iter().any(|p| p.starts_with(kept)), "{kept:?} is broken up");
    }
}

#[test]
fn ragged_columns_beside_tables_wider_than_them_read_column_by_column() {
    // The same text in Chromium's two flush-left columns, re-distilled by Ghostscript
    // (gs-ragged-tables.pdf). On page 2 the left column's table ends a point short of the right
    // column's table, and the left column's ragged lines end 23 pt or more short of it: measured
    // at their median end the gutter looked too wide for two columns, and a gap inside the
    // right column's table was taken for the page's gutter (the page read line by line across).
    let pdf = util::extract_data("gs-ragged-tables.pdf");
    let truth = util::truth("gs-wide-tables.txt");
    let missing = missing_paragraphs(&truth, &pdf.body_text());
    // Left: the three tables of gs-wide-tables.pdf, whose cells wrap inside their rows.
    assert_eq!(missing.len(), 3, "{missing:#?}");
    for kept in ["Tabel A. Måltalseffekt", "* I forbindelse med godkendelse", "IT og teleområdet og derfor"] {
        assert!(!missing.iter().any(|p| p.starts_with(kept)), "{kept:?} is broken up");
    }
}

#[test]
fn a_table_ending_the_left_column_beside_the_right_columns_rows_stays_in_it() {
    // The same text in Chromium's two justified columns of small type on US Letter,
    // re-distilled by Ghostscript (gs-letter-tables.pdf). The left column's last table on
    // page 1 ends a point short of the right column's table, beside its rows but on none of
    // their baselines, and its last row ends the left column (the stream goes on at the right
    // column's top). Its header and last row were read after both columns.
    let pdf = util::extract_data("gs-letter-tables.pdf");
    let truth = util::truth("gs-wide-tables.txt");
    let body = util::words(&pdf.body_text());
    let table = "Tabel 1. Forslagets samlede økonomiske konsekvenser 1.000 kr. 2025 p/l Styringsområde \
                 2024 2025 2026 2027 2028 2029 Energieffektiviseringer Service -475 -475 -475 -475 -475";
    assert!(body.contains(table), "{body}");
    let missing = missing_paragraphs(&truth, &pdf.body_text());
    // Left: four tables, whose cells wrap inside their rows, and a paragraph whose
    // "ikke-aktive" Chromium breaks at its hyphen at a line end (read "ikkeaktive").
    assert_eq!(missing.len(), 5, "{missing:#?}");
}

#[test]
fn columns_above_a_box_under_two_of_them_read_column_by_column() {
    // LibreOffice Writer, three flush-left columns of the page (make-column-box.py); a box
    // under the second and third, 1 cm below their text, runs across the gutter between them,
    // and its bullets, left of that gutter, reach far below the short third column. The
    // second and third columns with the box were one flow, read line by line across.
    let pdf = util::extract_data("column-box.pdf");
    let truth = util::truth("column-box.txt");
    // The columns in reading order, then the box (its bulleted items are not checked here).
    let (columns, _) = truth.split_once("Fakta om sundhedsindsatsen").unwrap_or_default();
    let body = pdf.body_text();
    let (read, box_text) = body.split_once("Fakta om sundhedsindsatsen").unwrap_or_default();
    assert_eq!(util::words(read), util::words(columns));
    assert!(box_text.contains("Sundhedsreformen betyder nye opgaver for kommunen i det nære sundhedsvæsen."));
}

#[test]
fn a_column_beside_a_chart_is_read_whole() {
    // LibreOffice Writer, three flush-left columns of the page (make-chart-column.py) as
    // InDesign sets 1543229.PDF p. 20: a chart box over the second and third columns, its
    // source line across the gutter between them and between two lines of the first column
    // beside it, and a fact box under the first and second columns. The first column was cut
    // at the source line and read around the chart, "Sundhedsstruk-" / "turkommissionens"
    // not rejoined.
    let pdf = util::extract_data("chart-column.pdf");
    let truth = util::truth("chart-column.txt");
    let (columns, rest) = truth.split_once("Figur 5.4.").unwrap_or_default();
    let (chart, fact_box) = rest.split_once("Kommunens indsatser").unwrap_or_default();
    // The caption's line break after its en dash stays a space (a dash is no hyphen).
    let chart = util::words(&format!("Figur 5.4.{chart}")).replace("2007–2010.", "2007– 2010.");
    let fact_box = util::words(&format!("Kommunens indsatser{fact_box}"));
    let body = util::words(&pdf.body_text());
    assert!(body.contains("sammen med regionen. Sundhedsstrukturkommissionens anbefalinger skal indgå"), "{body}");
    // The chart is read whole after the first column, the fact box's heading (narrower than the
    // first column, above it) with the first column, the fact box after the columns.
    let (first, after_chart) = body.split_once(&chart).unwrap_or_default();
    let first = first.trim_end().strip_suffix(" Kommunens indsatser efter udskrivning").unwrap_or_default();
    let (others, box_text) = after_chart.split_once(" Beredskabet styrkes").unwrap_or_default();
    assert_eq!(util::words(&format!("{first}{others}")), util::words(columns));
    // On a page of its own the "Side 1" footer repeats nowhere: it is body text.
    let box_text = box_text.strip_suffix(" Side 1").unwrap_or_default();
    assert_eq!(format!("Kommunens indsatser efter udskrivning Beredskabet styrkes{box_text}"), fact_box);
}

#[test]
fn footnotes_under_two_columns_leave_the_third_whole() {
    // LibreOffice Writer (make-chart-column.py footnotes) as InDesign sets 1543229.PDF p. 29:
    // the chart box over the second and third columns, and footnotes in small print (7 pt)
    // under the first and second columns, the third column running on down beside them. The
    // footnotes cross the first gutter between the third column's last lines, which were read
    // in among them ("sagsbe-" / "handling" not rejoined); on p. 29 this made the first gutter
    // look like it cut a column, so the page was split at the second, through the table.
    let pdf = util::extract_data("chart-footnotes.pdf");
    let truth = util::truth("chart-footnotes.txt");
    let (columns, rest) = truth.split_once("Figur 5.4.").unwrap_or_default();
    let (chart, notes) = rest.split_once("1 Den faglige").unwrap_or_default();
    let chart = util::words(&format!("Figur 5.4.{chart}")).replace("2007–2010.", "2007– 2010.");
    let notes = util::words(&format!("1 Den faglige{notes}"));
    let body = util::words(&pdf.body_text());
    assert!(body.contains("den administrative sagsbehandling. Kommunen skal have"), "{body}");
    // The first column, the chart, the other two columns whole, then the footnotes.
    let (first, after_chart) = body.split_once(&chart).unwrap_or_default();
    let (others, notes_read) = after_chart.split_once(" 1 Den faglige").unwrap_or_default();
    assert_eq!(util::words(&format!("{first}{others}")), util::words(columns));
    // On a page of its own the "Side 1" footer repeats nowhere: it is body text.
    assert_eq!(format!("1 Den faglige{notes_read}").strip_suffix(" Side 1").unwrap_or_default(), notes);
}

#[test]
fn tables_overfilling_narrow_pdftex_columns_keep_the_columns_apart() {
    // pdfTeX (overfull-cells.tex), the layouts of kk-effektiviseringsforslag that read worst.
    // Page 1: three columns above and below a full-width table whose first cell fills more
    // than half of the narrow first column; its rows were not taken for rows across the page's
    // first gutter, so the first column was read with the table's first cells inside it.
    // Page 2: "Differenstryksregulator" overfills its cell of an address table in the left
    // column across the gutter, beside a gap of the right column: the page was cut into bands
    // there, the right column's top read in the middle of the table.
    let pdf = util::extract_data("overfull-cells.pdf");
    let truth = util::truth("overfull-cells.txt");
    let body = pdf.body_text();
    assert_eq!(util::words(&body), util::words(&truth));
    // Every table row is one line, its cells in order.
    let lines: Vec<&str> = body.lines().collect();
    for row in truth.lines().filter(|l| l.starts_with("Horsebakken") || l.starts_with("Energieffektiviseringer")) {
        assert!(lines.contains(&row), "{row:?} is not a line of its own:\n{body}");
    }
}
