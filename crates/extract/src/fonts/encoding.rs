//! Single-byte encodings of simple fonts: the named base encodings and `/Differences`.
//!
//! The base tables are lopdf's (Standard, WinAnsi, MacRoman, MacExpert, PDFDoc), which follow
//! PDF 32000-1 Annex D (e.g. WinAnsi's unused codes show a bullet, 0xA0 is a space). lopdf
//! only exposes them through `Dictionary::get_font_encoding`, so each is read once through a
//! synthetic font dictionary. lopdf has no ZapfDingbats table and does not expose its Symbol
//! table under any name, so those two come from the `pdf_encoding` crate.

use std::sync::OnceLock;

use lopdf::{Dictionary, Document, Object};

mod numbered;

pub(super) use numbered::fill_numbered_codes;

use super::{glyph_names, glyph_text, objects, GlyphText};

/// A 256-entry code → text table.
pub(super) type CodeTable = [GlyphText; 256];

/// The encodings a simple font can start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BaseEncoding {
    Standard,
    WinAnsi,
    MacRoman,
    MacExpert,
    /// Not valid for fonts, but some producers write it.
    PdfDoc,
    /// The built-in encoding of the Symbol font.
    Symbol,
    /// The built-in encoding of the ZapfDingbats font.
    ZapfDingbats,
}

impl BaseEncoding {
    /// The encoding an `/Encoding` or `/BaseEncoding` name stands for.
    pub(super) fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        Some(match name {
            b"StandardEncoding" => BaseEncoding::Standard,
            b"WinAnsiEncoding" => BaseEncoding::WinAnsi,
            b"MacRomanEncoding" => BaseEncoding::MacRoman,
            b"MacExpertEncoding" => BaseEncoding::MacExpert,
            b"PDFDocEncoding" => BaseEncoding::PdfDoc,
            _ => return None,
        })
    }

    /// The code → text table of this encoding.
    pub(super) fn table(self) -> &'static CodeTable {
        static TABLES: [OnceLock<CodeTable>; 7] = [const { OnceLock::new() }; 7];
        let (slot, lopdf_name) = match self {
            BaseEncoding::Standard => (0, "StandardEncoding"),
            BaseEncoding::WinAnsi => (1, "WinAnsiEncoding"),
            BaseEncoding::MacRoman => (2, "MacRomanEncoding"),
            BaseEncoding::MacExpert => (3, "MacExpertEncoding"),
            BaseEncoding::PdfDoc => (4, "PDFDocEncoding"),
            BaseEncoding::Symbol => (5, ""),
            BaseEncoding::ZapfDingbats => (6, ""),
        };
        TABLES[slot].get_or_init(|| match self {
            BaseEncoding::Symbol => from_forward_map(&pdf_encoding::SYMBOL),
            BaseEncoding::ZapfDingbats => from_forward_map(&pdf_encoding::ZDINGBAT),
            _ => from_lopdf(lopdf_name),
        })
    }
}

/// An all-`Unmapped` table (Type3 fonts have no base encoding).
pub(super) fn empty_table() -> CodeTable {
    std::array::from_fn(|_| GlyphText::Unmapped)
}

fn from_forward_map(map: &pdf_encoding::ForwardMap) -> CodeTable {
    std::array::from_fn(|code| {
        u8::try_from(code).ok().and_then(|b| map.get(b)).map_or(GlyphText::Unmapped, glyph_text::from_char)
    })
}

fn from_lopdf(encoding_name: &str) -> CodeTable {
    let doc = Document::new();
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Font".to_vec()));
    dict.set("Encoding", Object::Name(encoding_name.as_bytes().to_vec()));
    let encoding = dict.get_font_encoding(&doc).ok();
    std::array::from_fn(|code| {
        let (Some(encoding), Ok(byte)) = (&encoding, u8::try_from(code)) else {
            return GlyphText::Unmapped;
        };
        match encoding.bytes_to_string(&[byte]) {
            Ok(s) => glyph_text::from_chars(s.chars()),
            Err(_) => GlyphText::Unmapped,
        }
    })
}

/// How `/Differences` glyph names become text (the glyph list, or a font kind's own rules).
pub(super) type NameText = fn(&[u8]) -> GlyphText;

/// The code table of a simple font's `/Encoding` entry (a name, or a dictionary with
/// `/BaseEncoding` and `/Differences`); `builtin` makes the font program's own encoding,
/// called only where the entry leaves the base open.
pub(super) fn font_encoding(
    doc: &Document,
    font: &Dictionary,
    builtin: impl FnOnce() -> CodeTable,
    names: NameText,
) -> CodeTable {
    match objects::get(doc, font, b"Encoding") {
        Some(Object::Name(name)) => BaseEncoding::from_name(name).map_or_else(builtin, |b| b.table().clone()),
        Some(obj) => match objects::as_dict(obj) {
            Some(enc) => {
                let mut table = objects::get_name(doc, enc, b"BaseEncoding")
                    .and_then(BaseEncoding::from_name)
                    .map_or_else(builtin, |b| b.table().clone());
                if let Some(diffs) = objects::get_array(doc, enc, b"Differences") {
                    apply_differences(doc, diffs, &mut table, names);
                }
                table
            }
            None => builtin(),
        },
        None => builtin(),
    }
}

/// Only the `/Differences` of the font's `/Encoding` dictionary, over no base encoding.
pub(super) fn differences_only(doc: &Document, font: &Dictionary) -> CodeTable {
    let mut table = empty_table();
    let diffs = objects::get_dict(doc, font, b"Encoding").and_then(|e| objects::get_array(doc, e, b"Differences"));
    if let Some(diffs) = diffs {
        apply_differences(doc, diffs, &mut table, glyph_names::lookup);
    }
    table
}

/// Applies a `/Differences` array: a code, then glyph names for consecutive codes.
fn apply_differences(doc: &Document, diffs: &[Object], table: &mut CodeTable, names: NameText) {
    for (code, name) in difference_pairs(doc, diffs) {
        if let Some(slot) = table.get_mut(usize::from(code)) {
            *slot = names(name);
        }
    }
}

/// The (code, glyph name) pairs of a `/Differences` array; codes outside 0–255 are skipped.
fn difference_pairs<'a>(doc: &'a Document, diffs: &'a [Object]) -> Vec<(u8, &'a [u8])> {
    let mut pairs = Vec::new();
    let mut code: Option<usize> = None;
    for item in diffs {
        match objects::resolve(doc, item) {
            Some(Object::Integer(c)) => code = usize::try_from(*c).ok(),
            Some(Object::Name(name)) => {
                if let Some(c) = code.and_then(|c| u8::try_from(c).ok()) {
                    pairs.push((c, name.as_slice()));
                }
                code = code.map(|c| c.saturating_add(1));
            }
            _ => {}
        }
    }
    pairs
}

/// The glyph name `/Differences` gives each code of the simple font `font` (empty when the
/// font has no `/Encoding` dictionary).
pub(super) fn difference_names<'a>(doc: &'a Document, font: &'a Dictionary) -> Vec<(u8, &'a [u8])> {
    objects::get_dict(doc, font, b"Encoding")
        .and_then(|enc| objects::get_array(doc, enc, b"Differences"))
        .map(|diffs| difference_pairs(doc, diffs))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn standard() -> CodeTable {
        BaseEncoding::Standard.table().clone()
    }

    fn text_of(table: &CodeTable, bytes: &[u8]) -> String {
        let mut s = String::new();
        for b in bytes {
            match &table[usize::from(*b)] {
                GlyphText::Char(c) => s.push(*c),
                GlyphText::Str(t) => s.push_str(t),
                GlyphText::Unmapped => s.push('?'),
            }
        }
        s
    }

    #[test]
    fn winansi_danish_and_specials() {
        let t = BaseEncoding::WinAnsi.table();
        assert_eq!(text_of(t, b"\xe6\xf8\xe5\xc6\xd8\xc5 \xe9 \x80 \x96"), "æøåÆØÅ é € –");
        // Spec: 0xA0 is a space, 0xAD a hyphen, unused codes a bullet, controls nothing.
        assert_eq!(text_of(t, b"\xa0\xad\x81\x0c"), " -•?");
    }

    #[test]
    fn other_base_encodings() {
        assert_eq!(text_of(BaseEncoding::Standard.table(), b"\xa4\xb4\xae\xe9"), "⁄·ﬁØ");
        assert_eq!(text_of(BaseEncoding::MacRoman.table(), b"\xbe\xbf\x8c"), "æøå");
        assert_eq!(text_of(BaseEncoding::Symbol.table(), b"a\xb7W"), "α•\u{2126}");
        assert_eq!(text_of(BaseEncoding::ZapfDingbats.table(), b"l"), "●");
        assert_eq!(text_of(BaseEncoding::PdfDoc.table(), b"\x93\xa0"), "ﬁ€");
    }

    #[test]
    fn differences_over_a_base_encoding() {
        let doc = Document::new();
        let font = dictionary! {
            "Type" => "Font",
            "Encoding" => dictionary! {
                "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![
                    Object::Integer(1), "aring".into(), "oslash".into(), "uni00E6".into(),
                    Object::Integer(65), "g12".into(), "f_i".into(),
                    Object::Integer(300), "a".into(), Object::Integer(-1), "b".into(),
                ],
            },
        };
        let t = font_encoding(&doc, &font, standard, glyph_names::lookup);
        assert_eq!(text_of(&t, b"\x01\x02\x03ABC\xe6"), "åøæ?fiCæ");
    }

    #[test]
    fn encoding_name_and_builtin_fallbacks() {
        let doc = Document::new();
        let named = dictionary! { "Encoding" => "MacRomanEncoding" };
        assert_eq!(text_of(&font_encoding(&doc, &named, empty_table, glyph_names::lookup), b"\xbe"), "æ");
        let unknown = dictionary! { "Encoding" => "Identity-H" };
        assert_eq!(text_of(&font_encoding(&doc, &unknown, standard, glyph_names::lookup), b"\x27"), "’");
        let none = dictionary! {};
        assert_eq!(text_of(&font_encoding(&doc, &none, empty_table, glyph_names::lookup), b"a"), "?");
    }
}
