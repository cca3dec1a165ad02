//! TrueType/OpenType programs: the text of each glyph id from the inverted Unicode `cmap`
//! (then `post` glyph names, then the names of an OpenType font's CFF table), and a simple
//! font's built-in encoding through its symbolic (3,0) or Macintosh (1,0) `cmap`. A program
//! that names no glyph at all may still show the standard glyph order by its advance widths
//! (see `standard_order`).

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
/// BMP are rare in the documents we read and are left to ToUnicode.
const BMP: std::ops::RangeInclusive<u32> = 0..=0xFFFF;

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
        Some(Tables {
            cmap: table(&face, b"cmap").and_then(cmap::Table::parse),
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
    let unicode = tables
        .cmap
        .into_iter()
        .flat_map(|c| c.subtables.into_iter())
        .filter(cmap::Subtable::is_unicode)
        .take(MAX_UNICODE_SUBTABLES);
    for subtable in unicode {
        for cp in BMP {
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
