//! Non-embedded TrueType CID fonts of the Windows core families (Arial, Times New Roman,
//! Courier New, Century Gothic) shown with glyph ids and no ToUnicode, as old Windows
//! producers write them: these fonts keep their first 258 glyphs in the standard Macintosh
//! order (`.notdef`, `.null`, `nonmarkingreturn`, `space`, `exclam`, …), so a glyph id below
//! 258 names its glyph even without the program.
//!
//! Arial also keeps the Cyrillic letters of Windows' WGL4 set in Unicode order at glyph ids
//! 556–647 (checked on a real Arial document: the `/W` widths of those 92 ids equal, one by
//! one, the advance widths of the same letters in the metric-compatible Liberation Sans).
//!
//! *Embedded* subsets of such fonts made by some Windows producers keep the original glyph
//! ids but drop `cmap` and `post`, so the program names no glyph. Their `hmtx` still holds
//! every glyph's advance, which is evidence of the order: in a font laid out in the standard
//! order, each accented letter there (`aacute`, `Ntilde`, …) is exactly as wide as its base
//! letter ([`texts_by_advances`]). Georgia, checked on a real document, follows the order
//! with `nonbreakingspace` and `apple` left out, each shifting the glyphs after it down by one.

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

/// Standard-order glyphs that Windows fonts may leave out (the no-break space is drawn with
/// the space glyph; the Apple logo is Apple's own). Each starts a segment of the order whose
/// glyph ids are shifted down by one more when the glyph is missing.
const DROPPABLE: [u16; 2] = [172, 210];

/// Share of accented letters that must be as wide as their base letter for a reading of the
/// order to count. Not all: italics draw some capitals wider with their accent (Georgia
/// Italic's accented O's are 1524 units, its O 1496), 3 of 32 in the worst real font seen.
const MIN_MATCHING_SHARE: f32 = 0.85;

/// Largest share of matching accented letters a rejected reading may have. Runs of letters
/// sharing a base (`aacute` … `aring`) make readings one glyph off match about 0.6 in real
/// standard-order fonts; fonts in other orders stay near 0.1.
const MAX_OTHER_SHARE: f32 = 0.65;

/// Accent names that, appended to a letter, name a glyph as wide as that letter.
const ACCENTS: &[&str] =
    &["acute", "grave", "circumflex", "dieresis", "tilde", "ring", "cedilla", "caron", "breve", "dotaccent"];

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

/// Text by glyph id for an embedded program whose glyphs have no names, when its advance
/// widths (`advance(gid)`, in font units) show the standard order: in the segment before the
/// first droppable glyph, most accented letters are exactly as wide as their base letters, and
/// clearly fewer are when read one glyph off (so a monospaced font, where every reading
/// matches, proves nothing). Each later segment is read with whichever choice — droppable
/// glyph present or missing — passes the same test; from the first segment where neither or
/// both do, glyphs are left unmapped.
pub(in super::super) fn texts_by_advances(advance: impl Fn(u16) -> Option<u16>) -> Option<Vec<GlyphText>> {
    let standard = by_gid();
    let pairs = accent_pairs();
    // Share of the segment's accented letters as wide as their base letter, reading standard
    // index i at glyph id i − shift.
    let share = |range: std::ops::Range<u16>, shift: i32| -> f32 {
        let in_range: Vec<_> = pairs.iter().filter(|(accented, _)| range.contains(accented)).collect();
        let matching = in_range
            .iter()
            .filter(|&&&(accented, base)| {
                let gid = u16::try_from(i32::from(accented) - shift).ok();
                gid.and_then(&advance).is_some_and(|w| Some(w) == advance(base))
            })
            .count();
        if in_range.is_empty() {
            0.0
        } else {
            matching as f32 / in_range.len() as f32
        }
    };
    let decides = |chosen: f32, other: f32| chosen >= MIN_MATCHING_SHARE && other <= MAX_OTHER_SHARE;
    let first = 0..DROPPABLE[0];
    let off_by_one = share(first.clone(), 1).max(share(first.clone(), -1));
    if !decides(share(first.clone(), 0), off_by_one) {
        return None;
    }
    let mut by_gid: Vec<GlyphText> = standard.iter().take(usize::from(first.end)).cloned().collect();
    let ends = DROPPABLE.iter().skip(1).copied().chain([MAC_STANDARD_GLYPHS]);
    let mut shift = 0;
    for (start, end) in DROPPABLE.iter().copied().zip(ends) {
        let (kept, dropped) = (share(start..end, shift), share(start..end, shift + 1));
        let first_present = if decides(kept, dropped) {
            start
        } else if decides(dropped, kept) {
            shift += 1;
            start + 1
        } else {
            break;
        };
        // Glyph ids are dense: the segment's glyphs follow the previous segment's.
        by_gid.extend(standard.iter().take(usize::from(end)).skip(usize::from(first_present)).cloned());
    }
    Some(by_gid)
}

/// (accented letter, base letter) pairs of standard-order indexes, found by glyph name.
fn accent_pairs() -> &'static [(u16, u16)] {
    static PAIRS: OnceLock<Vec<(u16, u16)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let names = standard_names();
        let index_of = |name: &str| names.iter().position(|n| n == name).and_then(|i| u16::try_from(i).ok());
        names
            .iter()
            .filter_map(|name| {
                let base = ACCENTS.iter().find_map(|accent| name.strip_suffix(accent))?;
                if base.len() != 1 || !base.chars().all(|c| c.is_ascii_alphabetic()) {
                    return None;
                }
                Some((index_of(name)?, index_of(base)?))
            })
            .collect()
    })
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
    TEXTS.get_or_init(|| standard_names().iter().map(|n| glyph_names::lookup(n.as_bytes())).collect())
}

/// The names of the standard glyphs in order, read once.
fn standard_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let table = standard_post_table();
        let post = post::Table::parse(&table);
        (0..MAC_STANDARD_GLYPHS)
            .map(|g| post.and_then(|p| p.glyph_name(GlyphId(g))).unwrap_or_default().to_owned())
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

    /// Advance widths of a font in the standard order without the glyphs `missing`: each
    /// glyph its own width, accented letters their base letter's.
    fn widths_without(missing: &[u16]) -> Vec<u16> {
        let base_of = |i: u16| accent_pairs().iter().find(|(a, _)| *a == i).map_or(i, |(_, b)| *b);
        (0..MAC_STANDARD_GLYPHS).filter(|i| !missing.contains(i)).map(|i| 300 + base_of(i)).collect()
    }

    fn read(widths: &[u16], gids: &[u16]) -> Option<String> {
        let texts = texts_by_advances(|g| widths.get(usize::from(g)).copied())?;
        Some(
            gids.iter()
                .map(|g| match texts.get(usize::from(*g)) {
                    Some(GlyphText::Char(c)) => *c,
                    _ => '¤',
                })
                .collect(),
        )
    }

    #[test]
    fn widths_prove_the_order_and_the_left_out_glyphs() {
        // aacute, Agrave (173), Scaron (228) at their standard ids.
        assert_eq!(read(&widths_without(&[]), &[105, 173, 228]).as_deref(), Some("áÀŠ"));
        // Georgia: no-break space and apple left out, so À is 172 and Š 226.
        assert_eq!(read(&widths_without(&[172, 210]), &[105, 172, 226]).as_deref(), Some("áÀŠ"));
        // Only the no-break space left out.
        assert_eq!(read(&widths_without(&[172]), &[172, 227]).as_deref(), Some("ÀŠ"));
        // Monospaced widths match every reading: no evidence.
        assert_eq!(read(&[600; 300], &[105]), None);
        // Glyphs in another order (here: all shifted by one) are not read.
        let mut shifted = widths_without(&[]);
        shifted.insert(5, 999);
        assert_eq!(read(&shifted, &[105]), None);
    }

    #[test]
    fn a_segment_without_a_clear_reading_is_left_unmapped() {
        // After Agrave the widths follow no reading: the first segment alone is read.
        let mut widths = widths_without(&[]);
        for (i, w) in widths.iter_mut().enumerate().skip(174) {
            *w = 2000 + u16::try_from(i).unwrap_or(0);
        }
        assert_eq!(read(&widths, &[105, 171, 173]).as_deref(), Some("á…¤"));
    }
}
