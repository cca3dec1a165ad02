//! Non-embedded TrueType CID fonts of the Windows core families (Arial, Times New Roman,
//! Courier New, Century Gothic) shown with glyph ids and no ToUnicode, as old Windows
//! producers write them: these fonts keep their first 258 glyphs in the standard Macintosh
//! order (`.notdef`, `.null`, `nonmarkingreturn`, `space`, `exclam`, …), so a glyph id below
//! 258 names its glyph even without the program.
//!
//! Arial also keeps the Cyrillic letters of Windows' WGL4 set in Unicode order at glyph ids
//! 556–647 (checked on a real Arial document: the `/W` widths of those 92 ids equal, one by
//! one, the advance widths of the same letters in the metric-compatible Liberation Sans).

use std::sync::OnceLock;

use ttf_parser::{post, GlyphId};

use super::super::{glyph_names, glyph_text, GlyphText};
use super::{CidTexts, CidToGid};

/// Number of glyphs in the standard Macintosh order.
const MAC_STANDARD_GLYPHS: u16 = 258;

/// `/BaseFont` prefixes (spaces removed, lower case) of families known to keep the standard
/// order; Arial Unicode MS does not.
const FAMILIES: &[&str] = &["arial", "timesnewroman", "couriernew", "centurygothic"];
const EXCLUDED: &[&str] = &["arialunicode"];

/// `/BaseFont` prefixes of the Arial faces with the Cyrillic block below (Arial Black and
/// Arial Narrow are other fonts, whose glyph order was not checked).
const CYRILLIC_FAMILY: &str = "arial";
const CYRILLIC_EXCLUDED: &[&str] = &["arialunicode", "arialblack", "arialnarrow"];

/// Arial's Cyrillic glyphs: (first glyph id, first and last code point) of runs in Unicode
/// order. WGL4 leaves out U+040D and U+045D, which split the block into four runs.
const ARIAL_CYRILLIC: &[(u16, u32, u32)] =
    &[(556, 0x0401, 0x040C), (568, 0x040E, 0x044F), (634, 0x0451, 0x045C), (646, 0x045E, 0x045F)];

/// Text by glyph id for a non-embedded font named `base_font`, `None` for other families.
pub(in super::super) fn texts(base_font: &[u8]) -> Option<CidTexts> {
    let name: String = String::from_utf8_lossy(base_font)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let known = FAMILIES.iter().any(|f| name.starts_with(f)) && !EXCLUDED.iter().any(|f| name.starts_with(f));
    if !known {
        return None;
    }
    let mut by_gid = by_gid().to_vec();
    if name.starts_with(CYRILLIC_FAMILY) && !CYRILLIC_EXCLUDED.iter().any(|f| name.starts_with(f)) {
        add_runs(&mut by_gid, ARIAL_CYRILLIC);
    }
    Some(CidTexts { cid_to_gid: CidToGid::Identity, by_gid })
}

/// Sets the text of each glyph of `runs` (first glyph id, first and last code point).
fn add_runs(by_gid: &mut Vec<GlyphText>, runs: &[(u16, u32, u32)]) {
    for &(first_gid, first, last) in runs {
        for (gid, cp) in (usize::from(first_gid)..).zip(first..=last) {
            if by_gid.len() <= gid {
                by_gid.resize(gid + 1, GlyphText::Unmapped);
            }
            if let Some(slot) = by_gid.get_mut(gid) {
                *slot = glyph_text::from_code_point(cp);
            }
        }
    }
}

/// The text of the standard glyphs, read once.
fn by_gid() -> &'static [GlyphText] {
    static TEXTS: OnceLock<Vec<GlyphText>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let table = standard_post_table();
        let post = post::Table::parse(&table);
        (0..MAC_STANDARD_GLYPHS)
            .map(|g| {
                post.and_then(|p| p.glyph_name(GlyphId(g)))
                    .map_or(GlyphText::Unmapped, |n| glyph_names::lookup(n.as_bytes()))
            })
            .collect()
    })
}

/// A version 2.0 `post` table whose glyph *i* has name index *i*: `ttf-parser` holds the
/// standard Macintosh names, and this is how to ask it for them in order.
fn standard_post_table() -> Vec<u8> {
    let mut table = Vec::new();
    table.extend_from_slice(&0x0002_0000u32.to_be_bytes()); // version 2.0
    table.extend_from_slice(&[0; 28]); // italic angle, underline, fixed pitch, memory hints
    table.extend_from_slice(&MAC_STANDARD_GLYPHS.to_be_bytes());
    for index in 0..MAC_STANDARD_GLYPHS {
        table.extend_from_slice(&index.to_be_bytes());
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_families_read_glyph_ids_in_the_standard_order() {
        let texts = texts(b"TimesNewRoman,Bold").unwrap_or_else(|| panic!("not a core font"));
        // "DESCRIPTION" in the standard order is each letter's code minus 29.
        let read: String = "DESCRIPTION"
            .bytes()
            .map(|b| match texts.text(u32::from(b) - 29) {
                GlyphText::Char(c) => c,
                _ => '¤',
            })
            .collect();
        assert_eq!(read, "DESCRIPTION");
        assert_eq!(texts.text(3), GlyphText::Char(' '));
        assert_eq!(texts.text(0), GlyphText::Unmapped);
        assert_eq!(texts.text(MAC_STANDARD_GLYPHS.into()), GlyphText::Unmapped);
        assert!(super::texts(b"Century Gothic").is_some());
        assert!(super::texts(b"ArialUnicodeMS").is_none());
        assert!(super::texts(b"Calibri").is_none());
    }

    #[test]
    fn arial_reads_its_cyrillic_block() {
        let read = |font: &[u8], gids: &[u32]| {
            let texts = texts(font).unwrap_or_else(|| panic!("not a core font"));
            gids.iter()
                .map(|g| match texts.text(*g) {
                    GlyphText::Char(c) => c,
                    _ => '¤',
                })
                .collect::<String>()
        };
        // Ё, А, Я, а, я, ё, џ; then "Дом" in Arial Bold.
        assert_eq!(read(b"Arial", &[556, 570, 601, 602, 633, 634, 647, 648]), "ЁАЯаяёџ¤");
        assert_eq!(read(b"Arial,Bold", &[574, 616, 614]), "Дом");
        // Other families keep only the standard order.
        assert_eq!(read(b"TimesNewRoman", &[570, 3]), "¤ ");
        assert_eq!(read(b"Arial Narrow", &[570]), "¤");
    }
}
