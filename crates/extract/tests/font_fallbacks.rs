//! Text from fonts whose PDF dictionaries map no glyph to Unicode, on real files of pdf.js's
//! test corpus (`../shared/corpora/pdfjs`): IBM GCGID glyph names, glyph names that are
//! character codes (Windows' PostScript driver, Advent 3B2), the glyph order of non-embedded
//! Arial, and fonts where nothing says what a glyph is, whose glyphs must show as U+FFFD.

use kommunsk_extract::{extract_path, ExtractedPdf, Limits};

use crate::util;

fn extract(name: &str) -> ExtractedPdf {
    let path = util::shared().join("corpora/pdfjs").join(name);
    match extract_path(&path, &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// The body of each page and the document's count of glyphs without a Unicode mapping.
fn bodies(name: &str) -> (Vec<String>, u32) {
    let pdf = extract(name);
    let unmapped = pdf.pages.iter().map(|p| p.unmapped_glyphs).sum();
    (pdf.pages.into_iter().map(|p| p.body).collect(), unmapped)
}

#[test]
fn ibm_gcgid_names_of_an_afp_conversion() {
    // Type3 font with EBCDIC codes <a6a6a64b> and names LW010000 (w) and SP110000 (.);
    // pdftotext reads the codes as Latin-1 and prints "¦¦¦K".
    assert_eq!(bodies("bug1011159.pdf"), (vec!["www.".to_string()], 0));
}

#[test]
fn windows_driver_and_typesetter_names_are_character_codes() {
    // Page 1: MSTT31c64e re-encoded from code 1 on, names G + hex of the Windows code (GED = í).
    // Page 2: AdvT905, names C + decimal (C71 = G); its ToUnicode CMap maps nothing.
    let (pages, unmapped) = bodies("issue4550.pdf");
    assert_eq!(pages, ["íú.", "Gary Y Okiiro"]);
    assert_eq!(unmapped, 0);
}

#[test]
fn non_embedded_arial_glyph_ids_read_as_cyrillic() {
    // Identity-H glyph ids of Arial, no ToUnicode, no program; pdftotext reads the ids as
    // code points ("ɍɝɥɨɜɚɹ …").
    assert_eq!(bodies("issue20453.pdf"), (vec!["Угловая шлифовальная машина".to_string()], 0));
}

/// `n` replacement characters: glyphs whose character nothing in the file tells.
fn unknown(n: usize) -> String {
    "\u{fffd}".repeat(n)
}

#[test]
fn subset_numbered_names_and_shape_names_are_shown_as_unknown() {
    // T1163: names G1…G54 at codes 1…54 count glyphs; pdftotext prints the codes ("+,  -.*-'").
    // Each glyph is U+FFFD, so the words' shape survives but no letter is guessed.
    let first = format!("{} {} {}\n\n{} {}", unknown(7), unknown(15), unknown(6), unknown(13), unknown(63));
    assert_eq!(bodies("font_ascent_descent.pdf"), (vec![first], 104));
    // Type3 glyphs named rect and triangle are drawings, not the letters of their codes (ab).
    assert_eq!(bodies("ContentStreamNoCycleType3insideType3.pdf"), (vec![unknown(2)], 2));
    // Type0 fonts whose subset programs have no cmap, no post names, no CFF names, and whose
    // CIDs are glyph ids (Adobe-Identity): nothing tells the text.
    let (pages, unmapped) = bodies("complex_ttf_font.pdf");
    assert_eq!(unmapped, 616);
    assert!(pages.iter().flat_map(|p| p.chars()).all(|c| c == '\u{fffd}' || c.is_whitespace()), "{pages:?}");
    assert_eq!(bodies("issue_cff_unsigned_bbox.pdf"), (vec![unknown(11)], 11));
    assert_eq!(bodies("issue3405r.pdf"), (vec![unknown(6)], 6));
}
