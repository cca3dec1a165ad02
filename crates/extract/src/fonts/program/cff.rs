//! CFF programs (`/FontFile3` Type1C and CIDFontType0C, and OpenType's `CFF ` table): glyph
//! names from the charset, the built-in encoding of name-keyed fonts, and CID → glyph id for
//! CID-keyed ones.

use ttf_parser::cff::Table;
use ttf_parser::GlyphId;

use super::super::encoding::CodeTable;
use super::super::{glyph_names, GlyphText};
use super::{table_of_names, CidTexts, CidToGid};

/// Glyphs looked at per font. `ttf-parser` finds a glyph's charset entry by walking the
/// charset's ranges, so naming every glyph is quadratic in a hostile charset of one-glyph
/// ranges; real fonts whose CIDs are read through names are subsets of a few hundred glyphs.
const MAX_GLYPHS_LOOKED_AT: u16 = 8192;

/// The one-byte codes of a simple font.
const CODES: std::ops::RangeInclusive<u8> = 0..=u8::MAX;

/// True for CID-keyed fonts, whose charset holds CIDs instead of glyph names.
fn is_cid_keyed(table: &Table) -> bool {
    table.glyph_cid(GlyphId(0)).is_some()
}

/// Glyph ids worth looking at, bounded by [`MAX_GLYPHS_LOOKED_AT`].
fn glyph_ids(table: &Table) -> impl Iterator<Item = GlyphId> {
    (0..table.number_of_glyphs().min(MAX_GLYPHS_LOOKED_AT)).map(GlyphId)
}

/// The text of each glyph of a name-keyed font, by glyph id, through the glyph names.
pub(super) fn glyph_names(bytes: &[u8]) -> Option<Vec<GlyphText>> {
    let table = Table::parse(bytes)?;
    if is_cid_keyed(&table) {
        return None;
    }
    Some(
        glyph_ids(&table)
            .map(|g| table.glyph_name(g).map_or(GlyphText::Unmapped, |n| glyph_names::lookup(n.as_bytes())))
            .collect(),
    )
}

/// CID → glyph id of a CID-keyed font (its charset inverted); `None` for name-keyed fonts.
pub(super) fn cid_to_gid(bytes: &[u8]) -> Option<CidToGid> {
    let table = Table::parse(bytes)?;
    if !is_cid_keyed(&table) {
        return None;
    }
    let mut gids: Vec<u16> = Vec::new();
    for gid in glyph_ids(&table) {
        let Some(cid) = table.glyph_cid(gid) else {
            continue;
        };
        let cid = usize::from(cid);
        if gids.len() <= cid {
            gids.resize(cid + 1, 0);
        }
        if let Some(slot) = gids.get_mut(cid) {
            *slot = gid.0;
        }
    }
    Some(CidToGid::Table(gids))
}

/// The text of each CID of a CIDFontType0 whose program is a name-keyed CFF font: such
/// programs are used with CID = glyph id, and the glyph names tell the text. CID-keyed
/// programs name no glyphs; their text needs the character collection's tables.
pub(super) fn cid_texts(bytes: &[u8]) -> Option<CidTexts> {
    CidTexts::non_empty(CidToGid::Identity, glyph_names(bytes)?)
}

/// The built-in encoding of a name-keyed font: code → glyph (CFF encoding, then the
/// standard encoding by name, as `ttf-parser` resolves it) → glyph name → text.
pub(super) fn builtin_table(bytes: &[u8]) -> Option<CodeTable> {
    table_of_names(&builtin_names(bytes))
}

/// The glyph name of each code of a name-keyed font's built-in encoding (code → glyph as in
/// [`builtin_table`]); empty for CID-keyed fonts.
pub(super) fn builtin_names(bytes: &[u8]) -> Vec<(u8, String)> {
    let Some(table) = Table::parse(bytes).filter(|t| !is_cid_keyed(t)) else {
        return Vec::new();
    };
    CODES
        .filter_map(|code| {
            let name = table.glyph_index(code).filter(|g| g.0 != 0).and_then(|g| table.glyph_name(g))?;
            Some((code, name.to_owned()))
        })
        .collect()
}
