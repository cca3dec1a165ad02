//! Type3 fonts: glyphs are content streams in a glyph space that `/FontMatrix` maps to text
//! space, so widths (and the font's vertical extent) scale by the matrix, not by 1/1000.
//! Their text comes from ToUnicode or `/Differences` like any simple font (see `simple`).

use lopdf::{Dictionary, Document};

use super::objects;

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

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Object};

    #[test]
    fn scales_from_matrix_with_fallbacks() {
        let doc = Document::new();
        let m = |v: Vec<Object>| dictionary! { "FontMatrix" => v };
        let reals = |v: [f32; 6]| v.iter().map(|x| Object::Real(*x)).collect::<Vec<_>>();
        assert_eq!(
            font_matrix_scales(&doc, &m(reals([0.01, 0.0, 0.0, -0.02, 0.0, 0.0]))),
            (0.01, -0.02)
        );
        assert_eq!(
            font_matrix_scales(&doc, &m(reals([0.0, 0.0, 0.0, 1e9, 0.0, 0.0]))),
            (0.001, 0.001)
        );
        assert_eq!(
            font_matrix_scales(&doc, &m(vec![Object::Integer(1)])),
            (1.0, 0.001)
        );
        assert_eq!(font_matrix_scales(&doc, &dictionary! {}), (0.001, 0.001));
    }
}
