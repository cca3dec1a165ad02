//! Embedded font programs (`/FontFile`, `/FontFile2`, `/FontFile3`): what their own tables say
//! about the text of each glyph, for fonts whose PDF dictionary does not say it.
//!
//! Two questions are answered, as pdftotext and MuPDF do when a ToUnicode CMap is missing:
//! - simple fonts: the program's *built-in encoding* (code → glyph name → text), which applies
//!   wherever `/Encoding` leaves codes open ([`FontProgram::builtin_table`]);
//! - CID fonts: the text of each glyph id, from an inverted Unicode `cmap` or glyph names
//!   ([`FontProgram::cid_texts`], with `/CIDToGIDMap` for TrueType).
//!
//! Non-embedded Windows core fonts shown by glyph id get their text from the standard glyph
//! order those fonts share, and Arial its Cyrillic block (`standard_order`).
//!
//! Parsing is done by `ttf-parser` (sfnt tables and CFF); only the cleartext `/Encoding` of a
//! Type1 program is read by hand (`type1`). The format is sniffed from the bytes, not taken
//! from the `/FontFile*` key, because producers mislabel programs.

mod cff;
mod sfnt;
mod standard_order;
mod type1;

pub(super) use standard_order::texts as standard_order_texts;

use lopdf::{Dictionary, Document, Object};

use super::encoding::{self, CodeTable};
use super::{glyph_names, objects, GlyphText};

/// Largest decompressed font program we parse. Whole CJK fonts embedded unsubsetted reach
/// 10–15 MB; beyond this the font is more likely a decompression bomb than worth reading.
const MAX_PROGRAM_BYTES: usize = 16 * 1024 * 1024;

/// The kinds of font program, by their leading bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// TrueType or OpenType (glyf or CFF outlines) in an sfnt container.
    Sfnt,
    /// A bare CFF font (`/FontFile3` of subtype Type1C or CIDFontType0C).
    Cff,
    /// A Type1 font (PFA text, or PFB with segment headers).
    Type1,
}

impl Format {
    fn sniff(bytes: &[u8]) -> Option<Format> {
        match bytes {
            [0, 1, 0, 0, ..] | [b't', b'r', b'u', b'e', ..] | [b'O', b'T', b'T', b'O', ..] => Some(Format::Sfnt),
            [b't', b't', b'c', b'f', ..] => Some(Format::Sfnt),
            // PostScript comment (PFA) or a PFB segment marker.
            [b'%', b'!', ..] | [0x80, 1, ..] => Some(Format::Type1),
            // CFF header: major version 1, header size of at least 4 bytes.
            [1, _, 4..=u8::MAX, ..] => Some(Format::Cff),
            _ => None,
        }
    }
}

/// A decompressed embedded font program of a known format.
pub(super) struct FontProgram {
    bytes: Vec<u8>,
    format: Format,
}

impl std::fmt::Debug for FontProgram {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FontProgram({:?}, {} bytes)", self.format, self.bytes.len())
    }
}

impl FontProgram {
    /// The program embedded in `descriptor` (a `/FontDescriptor`), if any can be read.
    pub(super) fn load(doc: &Document, descriptor: &Dictionary) -> Option<FontProgram> {
        let stream = [&b"FontFile2"[..], b"FontFile3", b"FontFile"]
            .iter()
            .find_map(|key| objects::get_stream(doc, descriptor, key))?;
        let bytes = match type1::inflate_cleartext(stream, MAX_PROGRAM_BYTES) {
            Some(cleartext) => cleartext,
            None => stream.get_plain_content_with_limit(MAX_PROGRAM_BYTES).ok()?,
        };
        let format = Format::sniff(&bytes)?;
        Some(FontProgram { bytes, format })
    }

    /// The program of the font descriptor of the simple font `font`.
    pub(super) fn of_simple_font(doc: &Document, font: &Dictionary) -> Option<FontProgram> {
        FontProgram::load(doc, objects::get_dict(doc, font, b"FontDescriptor")?)
    }

    /// The built-in encoding of a simple font's program: the text of each one-byte code as
    /// the program itself maps it. `None` when the program has no usable encoding.
    pub(super) fn builtin_table(&self) -> Option<CodeTable> {
        match self.format {
            Format::Sfnt => sfnt::builtin_table(&self.bytes),
            Format::Cff => cff::builtin_table(&self.bytes),
            Format::Type1 => type1::builtin_table(&self.bytes),
        }
    }

    /// The glyph name the program's built-in encoding gives each one-byte code: name-keyed
    /// CFF and Type1 programs with an encoding of their own; empty for others.
    pub(super) fn builtin_names(&self) -> Vec<(u8, String)> {
        match self.format {
            Format::Sfnt => Vec::new(),
            Format::Cff => cff::builtin_names(&self.bytes),
            Format::Type1 => type1::builtin_names(&self.bytes),
        }
    }

    /// The text of each CID of a CIDFont (the descendant dictionary `cid_font`) using this
    /// program. `None` when the program gives no text for any glyph.
    pub(super) fn cid_texts(&self, doc: &Document, cid_font: &Dictionary) -> Option<CidTexts> {
        match self.format {
            Format::Sfnt => {
                let cid_to_gid = match objects::get(doc, cid_font, b"CIDToGIDMap") {
                    Some(Object::Stream(s)) => objects::stream_bytes(s).map(CidToGid::from_stream),
                    _ => None,
                };
                sfnt::cid_texts(&self.bytes, cid_to_gid)
            }
            Format::Cff => cff::cid_texts(&self.bytes),
            Format::Type1 => None,
        }
    }
}

/// How CIDs become glyph ids.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum CidToGid {
    /// GID = CID (`/CIDToGIDMap /Identity`, or no map).
    Identity,
    /// Glyph id per CID (a `/CIDToGIDMap` stream, or a CID-keyed CFF charset inverted).
    Table(Vec<u16>),
}

impl CidToGid {
    /// A `/CIDToGIDMap` stream: two bytes (big-endian glyph id) per CID.
    fn from_stream(bytes: Vec<u8>) -> CidToGid {
        CidToGid::Table(
            bytes
                .chunks_exact(2)
                .map(|pair| match pair {
                    [hi, lo] => u16::from_be_bytes([*hi, *lo]),
                    _ => 0,
                })
                .collect(),
        )
    }

    fn gid(&self, cid: u32) -> Option<u16> {
        match self {
            CidToGid::Identity => u16::try_from(cid).ok(),
            CidToGid::Table(gids) => usize::try_from(cid).ok().and_then(|i| gids.get(i)).copied(),
        }
    }
}

/// The text of each CID of a CIDFont, as its embedded program says.
#[derive(Debug)]
pub(super) struct CidTexts {
    cid_to_gid: CidToGid,
    /// Text per glyph id.
    by_gid: Vec<GlyphText>,
}

impl CidTexts {
    /// The text of glyph `cid`; `Unmapped` when the program says nothing about it.
    pub(super) fn text(&self, cid: u32) -> GlyphText {
        self.cid_to_gid
            .gid(cid)
            .and_then(|gid| self.by_gid.get(usize::from(gid)))
            .cloned()
            .unwrap_or(GlyphText::Unmapped)
    }

    /// `None` when no glyph has text (so callers can skip the program altogether).
    fn non_empty(cid_to_gid: CidToGid, by_gid: Vec<GlyphText>) -> Option<CidTexts> {
        by_gid.iter().any(|t| *t != GlyphText::Unmapped).then_some(CidTexts { cid_to_gid, by_gid })
    }
}

/// `None` when no code of `table` has text.
fn non_empty_table(table: CodeTable) -> Option<CodeTable> {
    table.iter().any(|t| *t != GlyphText::Unmapped).then_some(table)
}

/// The code table of (code, glyph name) pairs through the glyph list; `None` if no name maps.
fn table_of_names(names: &[(u8, String)]) -> Option<CodeTable> {
    let mut table = encoding::empty_table();
    for (code, name) in names {
        if let Some(slot) = table.get_mut(usize::from(*code)) {
            *slot = glyph_names::lookup(name.as_bytes());
        }
    }
    non_empty_table(table)
}

#[cfg(test)]
mod tests;
