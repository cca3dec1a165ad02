//! Non-embedded TrueType CID fonts of the Windows core families (Arial, Times New Roman,
//! Courier New, Century Gothic) shown with glyph ids and no ToUnicode, as old Windows
//! producers write them: these fonts keep their first 258 glyphs in the standard Macintosh
//! order (`.notdef`, `.null`, `nonmarkingreturn`, `space`, `exclam`, …), so a glyph id below
//! 258 names its glyph even without the program.

use std::sync::OnceLock;

use ttf_parser::{post, GlyphId};

use super::super::{glyph_names, GlyphText};
use super::{CidTexts, CidToGid};

/// Number of glyphs in the standard Macintosh order.
const MAC_STANDARD_GLYPHS: u16 = 258;

/// `/BaseFont` prefixes (spaces removed, lower case) of families known to keep the standard
/// order; Arial Unicode MS does not.
const FAMILIES: &[&str] = &["arial", "timesnewroman", "couriernew", "centurygothic"];
const EXCLUDED: &[&str] = &["arialunicode"];

/// Text by glyph id for a non-embedded font named `base_font`, `None` for other families.
pub(in super::super) fn texts(base_font: &[u8]) -> Option<CidTexts> {
    let name: String = String::from_utf8_lossy(base_font)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let known = FAMILIES.iter().any(|f| name.starts_with(f)) && !EXCLUDED.iter().any(|f| name.starts_with(f));
    known.then(|| CidTexts { cid_to_gid: CidToGid::Identity, by_gid: by_gid().to_vec() })
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
}
