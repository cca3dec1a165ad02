//! TrueType/OpenType programs: the text of each glyph id from the inverted Unicode `cmap`
//! (then `post` glyph names, then the names of an OpenType font's CFF table), and a simple
//! font's built-in encoding through its symbolic (3,0) or Macintosh (1,0) `cmap`. A program
//! that names no glyph at all may still show the standard glyph order by its advance widths
//! (see `standard_order`).

use std::ops::RangeInclusive;

use ttf_parser::{cmap, post, Face, GlyphId, PlatformId, RawFace, Tag};

use super::super::encoding::CodeTable;
use super::super::{glyph_names, glyph_text, GlyphText};
use super::{cff, non_empty_table, standard_order, CidTexts, CidToGid};

/// Glyph ids are 16-bit, so no font has more glyphs than this.
const MAX_GLYPHS: usize = 1 << 16;

/// Unicode subtables inverted at most. Fonts carry one or two (3,1 and 0,3 are usually the
/// same map); a hostile font could list thousands, each costing a scan of the BMP.
const MAX_UNICODE_SUBTABLES: usize = 3;

/// The Basic Multilingual Plane, scanned code point by code point to invert a Unicode
/// `cmap`. Scanning (binary-searched lookups) is bounded, unlike enumerating a subtable's
/// ranges, which hostile format 4/12 subtables make billions long. Characters outside the
/// BMP are rare in the documents we read and are left to ToUnicode. A format 4 subtable (the
/// usual one) is scanned only over its segments, merged first (see `format4_segments`).
const BMP: RangeInclusive<u32> = 0..=0xFFFF;

/// Where a `cmap` encoding record's subtable offset lies: after the 4-byte table header, at
/// byte 4 of each 8-byte record.
const CMAP_HEADER_BYTES: usize = 4;
const CMAP_RECORD_BYTES: usize = 8;
/// Offsets in a format 4 subtable: `segCountX2`, then the `endCode` array; `startCode` follows
/// it after a reserved `u16`.
const FORMAT4_SEG_COUNT_X2: usize = 6;
const FORMAT4_END_CODES: usize = 14;

/// `post` table version 2.0: glyph names are listed per glyph.
const POST_VERSION_2: u32 = 0x0002_0000;

/// Offset of the glyph count in a version 2.0 `post` table (after the fixed header).
const POST_GLYPH_COUNT_OFFSET: usize = 32;

/// Name indexes below this are the 258 standard Macintosh glyph names.
const MAC_STANDARD_NAMES: u16 = 258;

/// Symbolic TrueType fonts map one-byte codes into these ranges of their (3,0) `cmap` (the
/// usual 0xF000 and, rarely, the next two), per PDF 32000-1 §9.6.6.4.
const SYMBOL_RANGES: [u32; 3] = [0xF000, 0xF100, 0xF200];

/// The `cmap` platform/encoding pairs for the two single-byte code maps.
const WINDOWS_SYMBOL: (PlatformId, u16) = (PlatformId::Windows, 0);
const MAC_ROMAN: (PlatformId, u16) = (PlatformId::Macintosh, 0);

/// The sfnt tables we read, located once.
struct Tables<'a> {
    cmap: Option<cmap::Table<'a>>,
    /// The `cmap` table's bytes, for what `ttf_parser` does not expose (format 4 segments).
    cmap_bytes: Option<&'a [u8]>,
    post: Option<&'a [u8]>,
    cff: Option<&'a [u8]>,
    glyph_count: usize,
}

impl<'a> Tables<'a> {
    fn read(bytes: &'a [u8]) -> Option<Tables<'a>> {
        let face = RawFace::parse(bytes, 0).ok()?;
        let glyph_count = table(&face, b"maxp")
            .and_then(ttf_parser::maxp::Table::parse)
            .map_or(MAX_GLYPHS, |m| usize::from(m.number_of_glyphs.get()));
        let cmap_bytes = table(&face, b"cmap");
        Some(Tables {
            cmap: cmap_bytes.and_then(cmap::Table::parse),
            cmap_bytes,
            post: table(&face, b"post"),
            cff: table(&face, b"CFF "),
            glyph_count,
        })
    }

    fn subtable(&self, (platform, encoding): (PlatformId, u16)) -> Option<cmap::Subtable<'a>> {
        self.cmap?.subtables.into_iter().find(|s| s.platform_id == platform && s.encoding_id == encoding)
    }
}

/// The data of table `tag`. Looked up by linear scan (producers write unsorted directories,
/// which a binary search would miss) and cut at the end of the file (truncated programs).
fn table<'a>(face: &RawFace<'a>, tag: &[u8; 4]) -> Option<&'a [u8]> {
    let wanted = Tag::from_bytes(tag);
    let record = face.table_records.into_iter().find(|r| r.tag == wanted)?;
    let start = usize::try_from(record.offset).ok()?;
    let len = usize::try_from(record.length).ok()?;
    let end = start.saturating_add(len).min(face.data.len());
    face.data.get(start..end)
}

/// Text per glyph id: the Unicode `cmap` inverted (lowest code point wins, so a space glyph
/// reads as U+0020, not U+00A0), then `post` names, then CFF glyph names, through the AGL.
fn texts_by_gid(tables: &Tables) -> Vec<GlyphText> {
    let mut by_gid = vec![GlyphText::Unmapped; tables.glyph_count];
    fill_from_unicode_cmap(tables, &mut by_gid);
    if let Some(post) = tables.post {
        fill_from_post(post, &mut by_gid);
    }
    if let Some(names) = tables.cff.and_then(cff::glyph_names) {
        for (slot, name) in by_gid.iter_mut().zip(names) {
            if *slot == GlyphText::Unmapped {
                *slot = name;
            }
        }
    }
    by_gid
}

/// Fills glyphs from the inverted Unicode subtables of `cmap`, lowest code point first.
fn fill_from_unicode_cmap(tables: &Tables, by_gid: &mut [GlyphText]) {
    // Indexed as `ttf_parser`'s iterator does (which stops at the first unreadable subtable), so
    // that a subtable's index finds its encoding record.
    let subtables = tables.cmap.map(|c| c.subtables);
    let unicode = subtables
        .into_iter()
        .flat_map(|subtables| (0..subtables.len()).map_while(move |i| Some((i, subtables.get(i)?))))
        .filter(|(_, subtable)| subtable.is_unicode())
        .take(MAX_UNICODE_SUBTABLES);
    for (index, subtable) in unicode {
        let segments = match subtable.format {
            cmap::Format::SegmentMappingToDeltaValues(_) => {
                tables.cmap_bytes.and_then(|bytes| format4_segments(bytes, index))
            }
            _ => None,
        };
        for cp in segments.unwrap_or_else(|| vec![BMP]).into_iter().flatten() {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let Some(slot) = subtable.glyph_index(cp).and_then(|g| by_gid.get_mut(usize::from(g.0))) else {
                continue;
            };
            if *slot == GlyphText::Unmapped {
                *slot = glyph_text::from_char(c);
            }
        }
    }
}

/// The code points format 4 subtable `index` of `cmap` can map, as ascending disjoint ranges:
/// its segments, merged. A lookup outside every segment finds no glyph, so scanning these
/// gives what scanning the BMP gives, at the cost of the mapped code points (a few hundred in
/// a subset) instead of 65,536 lookups; overlapping hostile segments merge into at most the
/// BMP. `None` if the subtable's arrays cannot be read.
fn format4_segments(cmap: &[u8], index: u16) -> Option<Vec<RangeInclusive<u32>>> {
    let record = CMAP_HEADER_BYTES + CMAP_RECORD_BYTES * usize::from(index);
    let offset = usize::try_from(read_u32(cmap, record + 4)?).ok()?;
    let data = cmap.get(offset..)?;
    let seg_count = usize::from(read_u16(data, FORMAT4_SEG_COUNT_X2)? / 2);
    let start_codes = FORMAT4_END_CODES + 2 * seg_count + 2;
    let mut segments = Vec::with_capacity(seg_count);
    for i in 0..seg_count {
        let end = read_u16(data, FORMAT4_END_CODES + 2 * i)?;
        let start = read_u16(data, start_codes + 2 * i)?;
        if start <= end {
            segments.push((u32::from(start), u32::from(end)));
        }
    }
    segments.sort_unstable();
    let mut merged: Vec<RangeInclusive<u32>> = Vec::new();
    for (start, end) in segments {
        match merged.last_mut() {
            Some(last) if start <= last.end().saturating_add(1) => {
                if end > *last.end() {
                    *last = *last.start()..=end;
                }
            }
            _ => merged.push(start..=end),
        }
    }
    Some(merged)
}

/// Fills unmapped glyphs from a version 2.0 `post` table's names.
///
/// `post::Table::glyph_name` walks the name list from the start for every custom name, which
/// is quadratic over a font; so the custom names are listed once, and the per-glyph name
/// indexes are read here (a count and an array of big-endian u16 after the fixed header).
fn fill_from_post(data: &[u8], by_gid: &mut [GlyphText]) {
    let Some(table) = post::Table::parse(data) else {
        return;
    };
    if read_u32(data, 0) != Some(POST_VERSION_2) {
        return;
    }
    let custom: Vec<&str> = table.names().take(MAX_GLYPHS).collect();
    let count = read_u16(data, POST_GLYPH_COUNT_OFFSET).map_or(0, usize::from);
    for (gid, slot) in by_gid.iter_mut().enumerate().take(count) {
        if *slot != GlyphText::Unmapped {
            continue;
        }
        let Some(index) = POST_GLYPH_COUNT_OFFSET.checked_add(2 + 2 * gid).and_then(|at| read_u16(data, at)) else {
            break;
        };
        let name = if index < MAC_STANDARD_NAMES {
            // Standard names: glyph_name resolves these without walking the list.
            u16::try_from(gid).ok().and_then(|g| table.glyph_name(GlyphId(g)))
        } else {
            custom.get(usize::from(index - MAC_STANDARD_NAMES)).copied()
        };
        if let Some(name) = name {
            *slot = glyph_names::lookup(name.as_bytes());
        }
    }
}

fn read_u16(data: &[u8], at: usize) -> Option<u16> {
    match data.get(at..at.checked_add(2)?)? {
        [a, b] => Some(u16::from_be_bytes([*a, *b])),
        _ => None,
    }
}

fn read_u32(data: &[u8], at: usize) -> Option<u32> {
    match data.get(at..at.checked_add(4)?)? {
        [a, b, c, d] => Some(u32::from_be_bytes([*a, *b, *c, *d])),
        _ => None,
    }
}

/// The text of each CID of a CIDFontType2 (or OpenType) program.
pub(super) fn cid_texts(bytes: &[u8], cid_to_gid: Option<CidToGid>) -> Option<CidTexts> {
    let tables = Tables::read(bytes)?;
    let cid_to_gid = cid_to_gid.or_else(|| tables.cff.and_then(cff::cid_to_gid)).unwrap_or(CidToGid::Identity);
    let mut by_gid = texts_by_gid(&tables);
    if by_gid.iter().all(|t| *t == GlyphText::Unmapped) {
        // No names at all: a subset that kept its glyph ids may still show the standard order.
        if let Ok(face) = Face::parse(bytes, 0) {
            if let Some(standard) = standard_order::texts_by_advances(|g| face.glyph_hor_advance(GlyphId(g))) {
                by_gid = standard;
            }
        }
    }
    CidTexts::non_empty(cid_to_gid, by_gid)
}

/// A simple TrueType font's built-in encoding: code → glyph through the symbolic (3,0)
/// `cmap` (codes at 0xF000 + code, or the code itself) or else the Mac Roman (1,0) `cmap`,
/// then the glyph's text. `None` without either subtable: a Unicode `cmap` alone says no more
/// than the standard encodings do.
pub(super) fn builtin_table(bytes: &[u8]) -> Option<CodeTable> {
    let tables = Tables::read(bytes)?;
    let symbol = tables.subtable(WINDOWS_SYMBOL);
    let mac = tables.subtable(MAC_ROMAN);
    if symbol.is_none() && mac.is_none() {
        return None;
    }
    let by_gid = texts_by_gid(&tables);
    let gid_of = |code: u32| -> Option<GlyphId> {
        if let Some(symbol) = symbol {
            SYMBOL_RANGES.iter().find_map(|base| symbol.glyph_index(base + code)).or_else(|| symbol.glyph_index(code))
        } else {
            mac.and_then(|m| m.glyph_index(code))
        }
    };
    let table: CodeTable = std::array::from_fn(|code| {
        u32::try_from(code)
            .ok()
            .and_then(gid_of)
            .and_then(|g| by_gid.get(usize::from(g.0)))
            .cloned()
            .unwrap_or(GlyphText::Unmapped)
    });
    non_empty_table(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `texts_by_gid` gave before segments were used: every subtable scanned over the BMP.
    fn texts_by_scanning_the_bmp(tables: &Tables) -> Vec<GlyphText> {
        let mut by_gid = vec![GlyphText::Unmapped; tables.glyph_count];
        let unicode = tables.cmap.into_iter().flat_map(|c| c.subtables.into_iter()).filter(cmap::Subtable::is_unicode);
        for subtable in unicode.take(MAX_UNICODE_SUBTABLES) {
            for (cp, c) in BMP.filter_map(|cp| Some((cp, char::from_u32(cp)?))) {
                if let Some(slot) = subtable.glyph_index(cp).and_then(|g| by_gid.get_mut(usize::from(g.0))) {
                    if *slot == GlyphText::Unmapped {
                        *slot = glyph_text::from_char(c);
                    }
                }
            }
        }
        by_gid
    }

    #[test]
    fn scanning_format4_segments_gives_what_scanning_the_bmp_gives() {
        let mut fonts = vec![crate::test_paths::data("fonts/liberation-sans-subset.ttf")];
        // Whole fonts too, where the machine has them (large format 4 tables, many segments).
        fonts.extend(
            [
                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
            ]
            .map(std::path::PathBuf::from)
            .into_iter()
            .filter(|p| p.exists()),
        );
        for path in fonts {
            let bytes = std::fs::read(&path).unwrap();
            let tables = Tables::read(&bytes).unwrap();
            let segments = tables.cmap_bytes.and_then(|c| format4_segments(c, 0).or_else(|| format4_segments(c, 1)));
            assert!(segments.is_some_and(|s| !s.is_empty()), "{}: a format 4 subtable", path.display());
            let mut mapped = vec![GlyphText::Unmapped; tables.glyph_count];
            fill_from_unicode_cmap(&tables, &mut mapped);
            assert!(mapped.iter().any(|t| *t != GlyphText::Unmapped), "{}", path.display());
            assert_eq!(mapped, texts_by_scanning_the_bmp(&tables), "{}", path.display());
        }
    }

    /// A `cmap` table with one (3,1) format 4 subtable of `segments` (start, end), all mapped
    /// by delta 0.
    fn cmap_with_segments(segments: &[(u16, u16)]) -> Vec<u8> {
        let seg_count = segments.len() as u16;
        let mut t = vec![0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12];
        t.extend([0, 4, 0, 0, 0, 0]); // format, length (unread), language
        t.extend((seg_count * 2).to_be_bytes());
        t.extend([0; 6]); // searchRange, entrySelector, rangeShift
        t.extend(segments.iter().flat_map(|(_, end)| end.to_be_bytes()));
        t.extend([0, 0]);
        t.extend(segments.iter().flat_map(|(start, _)| start.to_be_bytes()));
        t.extend(segments.iter().flat_map(|_| [0, 0])); // idDelta
        t.extend(segments.iter().flat_map(|_| [0, 0])); // idRangeOffset
        t
    }

    #[test]
    fn overlapping_and_reversed_segments_merge_into_disjoint_ranges() {
        let cmap =
            cmap_with_segments(&[(0x41, 0x5a), (0x30, 0x39), (0x50, 0x60), (0x61, 0x62), (9, 3), (0xffff, 0xffff)]);
        assert_eq!(format4_segments(&cmap, 0), Some(vec![0x30..=0x39, 0x41..=0x62, 0xffff..=0xffff]));
        // Thousands of segments each covering the BMP merge into the BMP once.
        let hostile = cmap_with_segments(&vec![(0, 0xffff); 30_000]);
        assert_eq!(format4_segments(&hostile, 0), Some(vec![0..=0xffff]));
        // Arrays cut short are unreadable; the caller then scans the BMP.
        assert_eq!(format4_segments(&cmap[..30], 0), None);
        let mut elsewhere = cmap.clone();
        elsewhere[8..12].copy_from_slice(&1000u32.to_be_bytes());
        assert_eq!(format4_segments(&elsewhere, 0), None);
    }
}
