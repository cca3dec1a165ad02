//! Tagged PDFs: what the structure tree says beyond artifacts — alt and actual texts, reading
//! order across columns, and a tree that is hostile (cyclic, deep) read without harm.

use kommunsk_extract::{extract_bytes, extract_path, Limits};

use crate::util;

/// A tagged one-page PDF: `content` in Helvetica 10 pt, with Image XObject `/Im1` (1×1 grey)
/// in its resources and a structure tree whose `Document` element has the kids `kids`
/// (written out); `extra` objects follow from object 8 on.
fn tagged_page(content: &str, kids: &str, extra: &[String]) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 7 0 R >> >> /StructParents 0 >>"
            .to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!("<< /Type /StructTreeRoot /K << /Type /StructElem /S /Document /Pg 3 0 R /K [{kids}] >> >>"),
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray \
         /BitsPerComponent 8 /Length 1 >>\nstream\n\u{7f}\nendstream"
            .to_string(),
    ];
    objects.extend_from_slice(extra);
    util::pdf_from_objects(&objects)
}

fn body(pdf: &[u8]) -> String {
    let pdf = extract_bytes(pdf, &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    pdf.body_text()
}

const BEFORE_AND_AFTER: &str = "/P <</MCID 0>> BDC BT /F1 10 Tf 50 700 Td (Kortet herunder viser stierne.) Tj ET EMC \
                                /P <</MCID 2>> BDC BT /F1 10 Tf 50 400 Td (Stierne anlaegges i 2026.) Tj ET EMC";

#[test]
fn figure_alt_text_stands_for_a_picture_without_text() {
    // Word's way, and LibreOffice's for a picture anchored to a paragraph: `/Figure <</MCID n>>
    // BDC … /Im Do … EMC`. The alt text goes where the picture is.
    let content = format!("{BEFORE_AND_AFTER} /Figure <</MCID 1>> BDC q 200 0 0 100 50 500 cm /Im1 Do Q EMC");
    let kids = "<< /S /P /K 0 >> << /S /Figure /Alt (Kort over cykelstierne) /K 1 >> << /S /P /K 2 >>";
    assert_eq!(
        body(&tagged_page(&content, kids, &[])),
        "Kortet herunder viser stierne.\n\nKort over cykelstierne\n\nStierne anlaegges i 2026."
    );
}

#[test]
fn figure_without_marked_content_gets_its_alt_text_after_what_precedes_it() {
    // LibreOffice 7.4's way for a picture anchored as a character: it is drawn as an
    // `/Artifact`, and its `Figure` element has no kids.
    let content = format!("{BEFORE_AND_AFTER} /Artifact BMC q 200 0 0 100 50 500 cm /Im1 Do Q EMC");
    let kids = "<< /S /P /K 0 >> << /S /Figure /Alt (Kort over cykelstierne) >> << /S /P /K 2 >>";
    assert_eq!(
        body(&tagged_page(&content, kids, &[])),
        "Kortet herunder viser stierne.\n\nKort over cykelstierne\n\nStierne anlaegges i 2026."
    );
}

#[test]
fn figure_showing_text_keeps_its_text_not_its_description() {
    let content = format!("{BEFORE_AND_AFTER} /Figure <</MCID 1>> BDC BT /F1 10 Tf 50 550 Td (Akse 2025) Tj ET EMC");
    let kids = "<< /S /P /K 0 >> << /S /Figure /Alt (Diagram over udgifter) /K 1 >> << /S /P /K 2 >>";
    let text = body(&tagged_page(&content, kids, &[]));
    assert!(text.contains("Akse 2025"), "{text}");
    assert!(!text.contains("Diagram"), "{text}");
}

#[test]
fn word_names_and_generated_descriptions_are_not_alt_text() {
    let content = format!(
        "{BEFORE_AND_AFTER} /Figure <</MCID 1>> BDC q 20 0 0 10 50 600 cm /Im1 Do Q EMC \
         /Figure <</MCID 3>> BDC q 20 0 0 10 50 500 cm /Im1 Do Q EMC"
    );
    let kids = "<< /S /P /K 0 >> << /S /Figure /Alt (Header_word) /K 1 >> \
                << /S /Figure /Alt (Et billede, der indeholder tekst, logo\n\nAutomatisk genereret beskrivelse) /K 3 >> \
                << /S /P /K 2 >>";
    assert_eq!(body(&tagged_page(&content, kids, &[])), "Kortet herunder viser stierne.\n\nStierne anlaegges i 2026.");
}

#[test]
fn element_actual_text_replaces_all_its_content_once() {
    // A heading whose glyphs map to nothing useful ("0ko" "nomi" drawn as two sequences), with
    // `/ActualText` on its structure element; Word 2007's private-use bullets are ignored.
    let content = "/H1 <</MCID 0>> BDC BT /F1 14 Tf 50 700 Td (0ko) Tj ET EMC \
                   /H1 <</MCID 1>> BDC BT /F1 14 Tf 75 700 Td (nomi) Tj ET EMC \
                   /Lbl <</MCID 2>> BDC BT /F1 10 Tf 50 650 Td (o) Tj ET EMC \
                   /LBody <</MCID 3>> BDC BT /F1 10 Tf 60 650 Td (Punkt) Tj ET EMC";
    let kids = "<< /S /H1 /ActualText <FEFF00D8006B006F006E006F006D0069> /K [0 1] >> \
                << /S /LI /K [<< /S /Lbl /ActualText <FEFFF0B7> /K 2 >> << /S /LBody /K 3 >>] >>";
    assert_eq!(body(&tagged_page(content, kids, &[])), "Økonomi\n\no Punkt");
}

#[test]
fn cyclic_and_very_deep_structure_trees_are_read_safely() {
    // Object 8 is an element whose kids are itself and object 9; 9..=2008 nest 2000 deep.
    let content = "/P <</MCID 0>> BDC BT /F1 10 Tf 50 700 Td (Teksten findes.) Tj ET EMC";
    let mut extra = vec!["<< /S /Sect /K [8 0 R 9 0 R 0] /Pg 3 0 R >>".to_string()];
    for i in 9..2009 {
        extra.push(format!("<< /S /Div /K [{} 0 R 8 0 R] /Alt (x) >>", i + 1));
    }
    extra.push("<< /S /Figure /Alt (For dybt) /K 5 >>".to_string());
    let pdf = tagged_page(content, "8 0 R", &extra);
    assert_eq!(body(&pdf), "Teksten findes.");
}

#[test]
fn libreoffice_figure_alt_text_is_read_where_the_picture_is() {
    // tagged-structure.fodt (make-tagged-structure.py), LibreOffice 7.4 with `UseTaggedPDF`: a
    // picture showing "Cykelstier 2026" as pixels, with alternative text and a description,
    // which LibreOffice joins with " - ".
    let pdf = extract_path(&util::data("tagged-structure.pdf"), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    let body = &pdf.pages[0].body;
    assert!(
        body.contains(
            "viser de nye cykelstier.\n\nKort over de nye cykelstier langs Strandvejen og ved havnen - \
             Kortet viser cykelstierne.\n\nAnlæg og drift"
        ),
        "{body}"
    );
}

#[test]
fn tagged_table_cells_keep_a_separator_however_close_they_are() {
    // "Hovedformål" ends 0.5 pt before "Formålet" starts, on one baseline: by geometry one
    // word; tagged as two cells of one row, two cells.
    let content = "/TD <</MCID 0>> BDC BT /F1 10 Tf 50 700 Td (Hovedformaal) Tj ET EMC \
                   /TD <</MCID 1>> BDC BT /F1 10 Tf 112.74 700 Td (Formaalet) Tj ET EMC \
                   /P <</MCID 2>> BDC BT /F1 10 Tf 50 600 Td (Efter tabellen.) Tj ET EMC";
    let untagged = body(&tagged_page(content, "", &[]));
    assert!(untagged.starts_with("HovedformaalFormaalet"), "{untagged}");
    let kids = "<< /S /Table /K << /S /TR /K [<< /S /TD /K 0 >> << /S /TD /K 1 >>] >> >> << /S /P /K 2 >>";
    assert_eq!(body(&tagged_page(content, kids, &[])), "Hovedformaal Formaalet\n\nEfter tabellen.");
}

#[test]
fn tagged_headings_are_blocks_of_their_own() {
    // A heading in the body's font and size, one line above its paragraph: one block by geometry.
    let content = "/H2 <</MCID 0>> BDC BT /F1 10 Tf 50 700 Td (Anlaeg og drift) Tj ET EMC \
                   /P <</MCID 1>> BDC BT /F1 10 Tf 50 688 Td (Budgettet omfatter en ny cykelsti.) Tj ET EMC \
                   /P <</MCID 2>> BDC BT /F1 10 Tf 50 676 Td (Og en ny svoemmehal.) Tj ET EMC";
    let kids = "<< /S /H2 /K 0 >> << /S /P /K 1 >> << /S /P /K 2 >>";
    assert_eq!(
        body(&tagged_page(content, kids, &[])),
        "Anlaeg og drift\n\nBudgettet omfatter en ny cykelsti.\nOg en ny svoemmehal."
    );
    assert_eq!(
        body(&tagged_page(content, "", &[])),
        "Anlaeg og drift\nBudgettet omfatter en ny cykelsti.\nOg en ny svoemmehal."
    );
}

#[test]
fn libreoffice_table_rows_and_headings_follow_the_tags() {
    // tagged-structure.pdf: "Anlæg og drift" is a bold heading in the body's size with no space
    // under it; the table's cells wrap ("Undervisnings" / "midler", "Kvarteret ved" / "havnen")
    // and its rows stay together.
    let pdf = extract_path(&util::data("tagged-structure.pdf"), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    let body = &pdf.pages[0].body;
    let expected = "\n\nAnlæg og drift\n\nAnlægsbudgettet omfatter renovering af svømmehallen og en ny cykelsti \
                    langs Strandvejen.\n\nHovedområde Formål Beløb\nÆldreplejen Flere hænder 12,5\n\
                    Folkeskolen Undervisnings midler 4,0\nKlimasikring Kvarteret ved havnen 8,5\n\n";
    assert!(body.contains(expected), "{body}");
}

#[test]
fn libreoffice_columns_too_close_for_geometry_read_in_the_tags_order() {
    // tagged-structure.pdf: two columns 1.5 mm apart, too narrow a gutter for geometry, which
    // read them line by line across; the tags give each paragraph's lines in order, the second
    // paragraph running from the foot of the left column to the top of the right one.
    let pdf = extract_path(&util::data("tagged-structure.pdf"), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    let truth = util::truth("tagged-structure.txt");
    assert_eq!(pdf.pages[0].body, truth.trim_end_matches('\n'));
    assert!(pdf.pages[0].body.contains("renoveringen af\nsvømmehallen, som begynder i foråret og forventes\n"));
}

/// Two one-line paragraphs: A on top, B below it, the tree listing `kids`.
const TWO_PARAGRAPHS: &str = "/P <</MCID 0>> BDC BT /F1 10 Tf 50 700 Td (Afsnit A staar oeverst.) Tj ET EMC \
                              /P <</MCID 1>> BDC BT /F1 10 Tf 50 688 Td (Afsnit A fortsaetter her.) Tj ET EMC \
                              /P <</MCID 2>> BDC BT /F1 10 Tf 50 600 Td (Afsnit B staar nederst.) Tj ET EMC";

#[test]
fn tag_order_is_followed_only_where_the_tags_pass_the_geometry_check() {
    // Sane tags that disagree with geometry: the tree reads B first.
    let kids = "<< /S /P /K 2 >> << /S /P /K [0 1] >>";
    assert_eq!(
        body(&tagged_page(TWO_PARAGRAPHS, kids, &[])),
        "Afsnit B staar nederst.\n\nAfsnit A staar oeverst.\nAfsnit A fortsaetter her."
    );
    // The tree has A's second line before its first, in one column: not a reading order of
    // this page, so geometry's stays.
    let kids = "<< /S /P /K 2 >> << /S /P /K [1 0] >>";
    assert_eq!(
        body(&tagged_page(TWO_PARAGRAPHS, kids, &[])),
        "Afsnit A staar oeverst.\nAfsnit A fortsaetter her.\n\nAfsnit B staar nederst."
    );
    // The tree misses A's first line (a third of the text): it cannot place it; geometry stays.
    let kids = "<< /S /P /K 2 >> << /S /P /K 1 >>";
    assert_eq!(
        body(&tagged_page(TWO_PARAGRAPHS, kids, &[])),
        "Afsnit A staar oeverst.\nAfsnit A fortsaetter her.\n\nAfsnit B staar nederst."
    );
}

#[test]
fn a_tagged_paragraph_broken_across_columns_reads_column_by_column() {
    // Chromium, three justified columns with full-width tables (make-tagged-columns.py): a
    // paragraph broken across columns is one marked sequence; on page 2 the columns above the
    // first table are too short for geometry, so the tree's order is read, and its lines must
    // not be sorted top to bottom across the columns (that paired lines of two columns).
    let pdf = extract_path(&util::data("tagged-columns.pdf"), &Limits::default()).unwrap_or_else(|e| panic!("{e}"));
    let truth = util::truth("tagged-columns.txt");
    assert_eq!(util::words(&pdf.body_text()), util::words(&truth));
}
