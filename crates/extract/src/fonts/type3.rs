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

/// An average glyph advance is about half an em in text fonts, so twice the mean width
/// estimates the em when the bounding box says nothing.
const EMS_PER_MEAN_WIDTH: f32 = 2.0;

/// The FontBBox height is believed when within this factor of the em the widths suggest
/// (a real box spans about 1–1.5 em; producers also write `[0 0 0 0]` or page-sized boxes).
const BBOX_TRUST_FACTOR: f32 = 3.0;

/// The height of a Type3 font's em in text space for size 1: what `Tf` size × this is on the
/// page is the glyph's height, which layout compares gaps and baselines with.
///
/// Glyph space is the font's own, so `Tf` alone says nothing: `0.24 Tf` with FontMatrix
/// `[1 0 0 1 0 0]` draws 17 pt letters from glyphs 72 units high. The em is taken as the
/// FontBBox height (glyph units) when plausible against the widths, else
/// [`EMS_PER_MEAN_WIDTH`] × the mean non-zero width, else 1000 units; then scaled by the
/// matrix's vertical scale. `mean_width` is in glyph units.
pub(super) fn em_height(doc: &Document, font: &Dictionary, mean_width: Option<f32>) -> f32 {
    let (_, y_scale) = font_matrix_scales(doc, font);
    let from_widths = mean_width.filter(|w| w.is_finite() && *w > 0.0).map(|w| w * EMS_PER_MEAN_WIDTH);
    let bbox = objects::get_array(doc, font, b"FontBBox")
        .and_then(|b| match b {
            [_, y0, _, y1] => Some(objects::number(doc, y1)? - objects::number(doc, y0)?),
            _ => None,
        })
        .map(f32::abs)
        .filter(|h| h.is_finite() && *h > 0.0);
    let units = match (bbox, from_widths) {
        (Some(h), Some(em)) if h <= em * BBOX_TRUST_FACTOR && h * BBOX_TRUST_FACTOR >= em => h,
        (_, Some(em)) => em,
        (Some(h), None) => h,
        (None, None) => 1.0 / DEFAULT_SCALE,
    };
    units * y_scale.abs()
}

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
    fn em_height_from_bbox_widths_or_default() {
        let doc = Document::new();
        let font = |matrix: [f32; 6], bbox: [f32; 4]| {
            let reals = |v: &[f32]| v.iter().map(|x| Object::Real(*x)).collect::<Vec<_>>();
            dictionary! { "FontMatrix" => reals(&matrix), "FontBBox" => reals(&bbox) }
        };
        let unit = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
        // issue9655: box 72 units high, mean width 31 → the box.
        assert_eq!(em_height(&doc, &font(unit, [0.0, -14.0, 64.0, 58.0]), Some(31.0)), 72.0);
        // An empty box → twice the mean width; a page-sized one as well.
        assert_eq!(em_height(&doc, &font(unit, [0.0; 4]), Some(31.0)), 62.0);
        assert_eq!(em_height(&doc, &font(unit, [0.0, 0.0, 612.0, 792.0]), Some(31.0)), 62.0);
        // The usual 1000-unit glyph space is one text-space unit high.
        let usual = [0.001, 0.0, 0.0, 0.001, 0.0, 0.0];
        assert_eq!(em_height(&doc, &font(usual, [0.0; 4]), None), 1.0);
        assert_eq!(em_height(&doc, &font(usual, [0.0, -200.0, 1000.0, 800.0]), Some(500.0)), 1.0);
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
