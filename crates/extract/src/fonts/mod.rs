//! Fonts: from a PDF font dictionary to "which characters and how wide" for each code in a
//! shown string.
//!
//! Covers simple fonts (Type1, TrueType, Type3, MMType1) with base encodings and `/Differences`
//! through the Adobe Glyph List, the standard 14 fonts' built-in encodings and widths, ToUnicode
//! CMaps, and Type0/CID fonts (Identity-H/V, predefined and embedded CMaps, `/W` widths). When
//! ToUnicode is missing or partial, the embedded font program's `cmap`, glyph names and
//! built-in encoding give the text, as pdftotext does.
//!
//! Everything is worked out in [`Font::load`]; [`Font::decode`] only reads tables (simple
//! fonts) or does O(log n) range lookups (CID fonts) and never allocates per glyph unless a
//! code maps to several characters through a ranged ToUnicode entry.
//!
//! Layout of the module: `simple` and `cid` are the two kinds of font; `encoding`,
//! `glyph_names`, `standard14` (+ generated `standard14_widths`) and `type3` serve simple
//! fonts; `cmap` (+ `cmap_lexer`) reads ToUnicode and encoding CMaps; `predefined` holds
//! Adobe's predefined CJK CMaps and the CID → Unicode tables of its collections; `program`
//! reads the embedded font program where the dictionary leaves text open (built-in encodings,
//! CID fonts without ToUnicode); `glyph_text` keeps control characters out of the text;
//! `objects` is bounded, lenient object access.

mod cid;
mod cmap;
mod cmap_lexer;
mod encoding;
mod glyph_names;
mod glyph_text;
mod objects;
mod predefined;
mod program;
mod simple;
mod standard14;
#[rustfmt::skip] // generated tables, laid out by the generator
mod standard14_widths;
mod tex_math;
mod type3;

#[cfg(test)]
mod fixture_tests;

use std::collections::HashMap;
use std::sync::Arc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use cmap::CMap;

/// The Unicode text of one glyph.
#[derive(Debug, Clone, PartialEq)]
pub enum GlyphText {
    /// The font gives no usable mapping for this code (counted per page, never emitted).
    Unmapped,
    /// The common case: one character.
    Char(char),
    /// One code → several characters (ligature ToUnicode entries, ActualText-like mappings).
    Str(Arc<str>),
}

/// One glyph decoded from a string operand of `Tj`/`TJ`/`'`/`"`.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedGlyph {
    /// The character code as read from the string (1–4 bytes, big-endian).
    pub code: u32,
    /// What the glyph means.
    pub text: GlyphText,
    /// Horizontal displacement in *text space* units for a font size of 1, before Tc/Tw/Tz:
    /// `/Widths` or `/W` entry / 1000 for ordinary fonts, width × FontMatrix[0] for Type3.
    pub width: f32,
    /// True when word spacing (Tw) applies: a single-byte code 32 (PDF 32000-1 §9.3.3).
    pub is_word_space: bool,
}

/// A loaded font, ready to decode strings. Cheap to share between pages (cache by object id).
#[derive(Debug)]
pub struct Font {
    kind: FontKind,
    /// A font for setting formulas (see [`Font::is_math`]).
    math: bool,
    /// Laid out as TeX's math extension font (see [`Font::hanging_depth`]).
    omx: bool,
}

#[derive(Debug)]
enum FontKind {
    Simple(simple::SimpleFont),
    Composite(Box<cid::CidFont>),
}

impl Font {
    /// Loads the font described by `dict` (a `/Font` resource). Never fails: a font that cannot
    /// be understood still decodes (its glyphs as `Unmapped`, with a default width) so the rest
    /// of the page survives.
    pub fn load(doc: &lopdf::Document, dict: &lopdf::Dictionary) -> Font {
        let subtype = objects::get_name(doc, dict, b"Subtype").unwrap_or_default();
        let is_composite = subtype == b"Type0" || (subtype.is_empty() && dict.has(b"DescendantFonts"));
        let says_nothing = subtype.is_empty()
            && !["BaseFont", "Encoding", "ToUnicode", "Widths"].iter().any(|k| dict.has(k.as_bytes()));
        let kind = if says_nothing {
            // Not a font dictionary at all (a dangling or mistyped resource).
            FontKind::Simple(simple::SimpleFont::unknown())
        } else if is_composite {
            FontKind::Composite(Box::new(cid::CidFont::load(doc, dict)))
        } else {
            let to_unicode = objects::get_stream(doc, dict, b"ToUnicode")
                .and_then(objects::stream_bytes)
                .map(|bytes| CMap::parse(&bytes));
            FontKind::Simple(simple::SimpleFont::load(doc, dict, subtype, to_unicode.as_ref()))
        };
        let base_font = objects::get_name(doc, dict, b"BaseFont").unwrap_or_default();
        Font { kind, math: tex_math::is_math_font(base_font), omx: tex_math::is_omx(base_font) }
    }

    /// Splits `bytes` into codes (by the font's codespace) and appends one glyph per code.
    pub fn decode(&self, bytes: &[u8], out: &mut Vec<DecodedGlyph>) {
        match &self.kind {
            FontKind::Simple(f) => f.decode(bytes, out),
            FontKind::Composite(f) => f.decode(bytes, out),
        }
    }

    /// The height of the font's em in text space for a size of 1, so that `Tf` size × this
    /// (under the text matrix) is how tall its glyphs are: 1 except for Type3 fonts, whose
    /// FontMatrix and glyph space set their own scale (`0.24 Tf` can draw 17 pt letters).
    pub fn em_height(&self) -> f32 {
        match &self.kind {
            FontKind::Simple(f) => f.em_height(),
            FontKind::Composite(_) => 1.0,
        }
    }

    /// True for a font made for setting formulas: TeX's math fonts (`cmmi`, `cmsy`, `cmex`, the
    /// AMS fonts) or an OpenType math font ("Cambria Math", "Latin Modern Math"). Layout reads
    /// the pieces of a formula around such glyphs in the order they were typeset.
    pub fn is_math(&self) -> bool {
        self.math
    }

    /// How far the glyph of `code` reaches below its baseline, in tenths of an em, where that
    /// is far more than a letter's descender: TeX's extension font hangs big operators and
    /// delimiters from their top (`cmex`, Latin Modern's `lmex`). 0 for every other font.
    pub fn hanging_depth_tenths(&self, code: u32) -> u8 {
        if self.omx {
            tex_math::omx_depth_tenths(code)
        } else {
            0
        }
    }

    /// True for vertical writing (Identity-V and other `-V` CMaps).
    pub fn is_vertical(&self) -> bool {
        match &self.kind {
            FontKind::Simple(_) => false,
            FontKind::Composite(f) => f.is_vertical(),
        }
    }

    /// For vertical fonts: the displacement along y per glyph in text space for size 1
    /// (`/DW2`'s w1y / 1000; negative means downwards; −1.0 when absent). Per-CID `/W2`
    /// entries are not read. Horizontal fonts return 0.
    pub fn vertical_advance(&self) -> f32 {
        match &self.kind {
            FontKind::Composite(f) if f.is_vertical() => f.vertical_advance(),
            _ => 0.0,
        }
    }
}

/// Fonts of one document loaded once each, keyed by the font dictionary's object id.
#[derive(Debug, Default)]
pub struct FontCache {
    fonts: HashMap<ObjectId, Arc<Font>>,
}

impl FontCache {
    /// An empty cache.
    pub fn new() -> FontCache {
        FontCache::default()
    }

    /// The font whose dictionary is object `id`, loading it on first use. An id that is not
    /// a font dictionary yields a font whose glyphs are all `Unmapped`.
    pub fn get_or_load(&mut self, doc: &Document, id: ObjectId) -> Arc<Font> {
        self.fonts
            .entry(id)
            .or_insert_with(|| {
                let empty = Dictionary::new();
                let dict = doc.get_object(id).ok().and_then(objects::as_dict).unwrap_or(&empty);
                Arc::new(Font::load(doc, dict))
            })
            .clone()
    }

    /// The font a page's `/Font` resource entry refers to: by reference (cached) or inline.
    pub fn get_or_load_entry(&mut self, doc: &Document, entry: &Object) -> Arc<Font> {
        match entry {
            Object::Reference(id) => self.get_or_load(doc, *id),
            other => {
                let empty = Dictionary::new();
                Arc::new(Font::load(doc, objects::as_dict(other).unwrap_or(&empty)))
            }
        }
    }
}

#[cfg(test)]
mod tests;
