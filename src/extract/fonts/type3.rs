//! Type3 fonts: glyphs are content streams in a glyph space that `/FontMatrix` maps to text
//! space, so widths (and the font's vertical extent) scale by the matrix, not by 1/1000.
//! Their text comes from ToUnicode or `/Differences` like any simple font (see `simple`),
//! with one naming convention of their own ([`glyph_text`]).

use lopdf::{Dictionary, Document};

use super::{glyph_names, glyph_text as text, objects, GlyphText};

/// The usual FontMatrix scale: 1000 glyph units per text-space unit.
pub(super) const DEFAULT_SCALE: f32 = 0.001;

/// Largest |scale| we believe. Real Type3 matrices are 0.001–1; beyond this a width would put
/// glyphs off any page, so the matrix is treated as broken.
const MAX_SCALE: f32 = 100.0;

/// The horizontal and vertical scales (`FontMatrix` a and d) of a Type3 font, falling back to
/// [`DEFAULT_SCALE`] for a missing, malformed, zero or absurd matrix.
pub(super) fn font_matrix_scales(doc: &Document, font: &Dictionary) -> (f32, f32) {
    let entry = |i: usize| {
        objects::get_array(doc, font, b"FontMatrix")
            .and_then(|m| m.get(i))
            .and_then(|o| objects::number(doc, o))
            .filter(|s| *s != 0.0 && s.abs() <= MAX_SCALE)
            .unwrap_or(DEFAULT_SCALE)
    };
    (entry(0), entry(3))
}

/// The text of a Type3 glyph name. pdfTeX names the glyphs of its bitmap (PK) fonts after
/// their codes, `a98` for code 98; like pdftotext we read such a name as that character
/// (`a98` → "b"). Other names go through the glyph list.
pub(super) fn glyph_text(name: &[u8]) -> GlyphText {
    let code = name
        .strip_prefix(b"a")
        .filter(|digits| !digits.is_empty() && digits.len() <= 3)
        .filter(|digits| digits.iter().all(u8::is_ascii_digit))
        .and_then(|digits| std::str::from_utf8(digits).ok())
        .and_then(|digits| digits.parse::<u8>().ok());
    match code {
        Some(code) => text::from_char(char::from(code)),
        None => glyph_names::lookup(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Object};

    #[test]
    fn scales_from_matrix_with_fallbacks() {
        let doc = Document::new();
        let m = |v: Vec<Object>| dictionary! { "FontMatrix" => v };
        let reals = |v: [f32; 6]| v.iter().map(|x| Object::Real(*x)).collect::<Vec<_>>();
        assert_eq!(font_matrix_scales(&doc, &m(reals([0.01, 0.0, 0.0, -0.02, 0.0, 0.0]))), (0.01, -0.02));
        assert_eq!(font_matrix_scales(&doc, &m(reals([0.0, 0.0, 0.0, 1e9, 0.0, 0.0]))), (0.001, 0.001));
        assert_eq!(font_matrix_scales(&doc, &m(vec![Object::Integer(1)])), (1.0, 0.001));
        assert_eq!(font_matrix_scales(&doc, &dictionary! {}), (0.001, 0.001));
    }

    #[test]
    fn pdftex_code_names_read_as_their_code() {
        assert_eq!(glyph_text(b"a98"), GlyphText::Char('b'));
        assert_eq!(glyph_text(b"a65"), GlyphText::Char('A'));
        assert_eq!(glyph_text(b"a248"), GlyphText::Char('ø'));
        // Control codes are not text; names that are not a<0–255> go through the AGL.
        assert_eq!(glyph_text(b"a9"), GlyphText::Char(' '));
        assert_eq!(glyph_text(b"a1"), GlyphText::Unmapped);
        assert_eq!(glyph_text(b"a256"), GlyphText::Unmapped);
        assert_eq!(glyph_text(b"a"), GlyphText::Char('a'));
        assert_eq!(glyph_text(b"aring"), GlyphText::Char('å'));
        assert_eq!(glyph_text(b"a0098"), GlyphText::Unmapped);
    }
}
