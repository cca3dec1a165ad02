//! Glyph names (from `/Differences`) to Unicode.
//!
//! Follows the Adobe Glyph List Specification: drop a `.suffix`, split `_`-joined ligature
//! components, then each component is an AGL name, `uniXXXX[XXXX…]` or `uXXXX[XX]`. The AGL
//! itself comes from the `pdf_encoding` crate, looked up in `agl`: lopdf has a copy too, but
//! keeps it in a private module (and stores one UTF-16 unit per name), so it cannot be used
//! from here.
//!
//! A few names TeX fonts use that the AGL lacks are added, and IBM's GCGID names (`gcgid`),
//! which PDFs converted from AFP use. Names that only number a glyph (`g123`, `cid123`,
//! `glyph12`, `index7`) say nothing about the character by themselves: they stay unmapped
//! unless a ToUnicode CMap maps the code, or the whole font shows its numbered names are
//! character codes (`encoding::numbered`).

mod agl;
mod gcgid;

use super::glyph_text;
use super::tex_math;
use super::GlyphText;

/// Glyph names common in TeX (Computer/Latin Modern, cm-super) fonts that are not in the AGL.
const TEX_NAMES: &[(&str, &str)] = &[
    ("dotlessj", "\u{237}"),
    ("visiblespace", "\u{2423}"),
    ("visualspace", "\u{2423}"),
    ("angbracketleft", "\u{27e8}"),
    ("angbracketright", "\u{27e9}"),
    ("perthousandzero", ""),
    ("compwordmark", ""),
    ("cwm", ""),
    ("Germandbls", "SS"),
    ("SS", "SS"),
];

/// Glyph names of TeX's math fonts (Computer Modern `cmsy`/`cmmi`, AMS `msam`) that the AGL
/// lacks. Without them the font's built-in encoding leaves the code to a text encoding, and
/// `cmsy`'s ‖ (code 107) prints "k". Names the AGL has are not repeated here.
const TEX_MATH_NAMES: &[(&str, &str)] = &[
    ("bardbl", "\u{2016}"),
    ("mapsto", "\u{21a6}"),
    ("Rfractur", "\u{211c}"),
    ("Ifractur", "\u{2111}"),
    ("owner", "\u{220b}"),
    ("diamondmath", "\u{22c4}"),
    ("lscript", "\u{2113}"),
    ("lessmuch", "\u{226a}"),
    ("greatermuch", "\u{226b}"),
    ("follows", "\u{227b}"),
    ("precedesequal", "\u{2aaf}"),
    ("followsequal", "\u{2ab0}"),
    ("similarequal", "\u{2243}"),
    ("equivasymptotic", "\u{224d}"),
    ("turnstileleft", "\u{22a2}"),
    ("turnstileright", "\u{22a3}"),
    ("floorleft", "\u{230a}"),
    ("floorright", "\u{230b}"),
    ("ceilingleft", "\u{2308}"),
    ("ceilingright", "\u{2309}"),
    ("wreathproduct", "\u{2240}"),
    ("coproduct", "\u{2210}"),
    ("unionsq", "\u{2294}"),
    ("intersectionsq", "\u{2293}"),
    ("subsetsqequal", "\u{2291}"),
    ("supersetsqequal", "\u{2292}"),
    ("unionmulti", "\u{228e}"),
    ("latticetop", "\u{22a4}"),
    ("prime", "\u{2032}"),
    ("epsilon1", "\u{3b5}"),
    ("pi1", "\u{3d6}"),
    ("rho1", "\u{3f1}"),
    ("circleminus", "\u{2296}"),
    ("circledivide", "\u{2298}"),
    ("circledot", "\u{2299}"),
    ("circlecopyrt", "\u{25ef}"),
    ("triangleinv", "\u{25bd}"),
    ("triangleright", "\u{25b7}"),
    ("triangleleft", "\u{25c1}"),
    ("star", "\u{22c6}"),
    ("arrownortheast", "\u{2197}"),
    ("arrowsoutheast", "\u{2198}"),
    ("arrownorthwest", "\u{2196}"),
    ("arrowsouthwest", "\u{2199}"),
    ("arrowbothv", "\u{2195}"),
    ("arrowdblbothv", "\u{21d5}"),
    ("harpoonleftup", "\u{21bc}"),
    ("harpoonleftdown", "\u{21bd}"),
    ("harpoonrightup", "\u{21c0}"),
    ("harpoonrightdown", "\u{21c1}"),
    ("flat", "\u{266d}"),
    ("natural", "\u{266e}"),
    ("sharp", "\u{266f}"),
];

/// The text of the glyph called `name`, `Unmapped` if the name says nothing about it.
pub(super) fn lookup(name: &[u8]) -> GlyphText {
    let Ok(name) = std::str::from_utf8(name) else {
        return GlyphText::Unmapped;
    };
    if let Some(text) = tex_name(name) {
        return glyph_text::from_chars(text.chars());
    }
    if let Some(c) = gcgid::lookup(name) {
        return glyph_text::from_char(c);
    }
    // AGL spec step 1: everything after the first period is a variant suffix (`a.sc`).
    let base = name.split('.').next().unwrap_or(name);
    let mut chars = Vec::new();
    for component in base.split('_') {
        if !component_chars(component, &mut chars) {
            return GlyphText::Unmapped;
        }
    }
    glyph_text::from_chars(chars)
}

fn tex_name(name: &str) -> Option<&'static str> {
    TEX_NAMES
        .iter()
        .chain(TEX_MATH_NAMES)
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .or_else(|| tex_math::name_text(name))
}

/// Appends the characters of one ligature component; false if it cannot be mapped.
fn component_chars(component: &str, out: &mut Vec<char>) -> bool {
    if component.is_empty() {
        return false;
    }
    if let Some(text) = agl::text(component).or_else(|| tex_name(component)) {
        out.extend(text.chars());
        return true;
    }
    if let Some(hex) = component.strip_prefix("uni") {
        return uni_chars(hex, out);
    }
    if let Some(hex) = component.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) {
            if let Some(c) = parse_scalar(hex) {
                out.push(c);
                return true;
            }
        }
    }
    false
}

/// `uniXXXX` with one or more groups of four hex digits, each a BMP non-surrogate character.
fn uni_chars(hex: &str, out: &mut Vec<char>) -> bool {
    if hex.is_empty() || !hex.len().is_multiple_of(4) || !hex.is_ascii() {
        return false;
    }
    let start = out.len();
    for i in (0..hex.len()).step_by(4) {
        match hex.get(i..i + 4).and_then(parse_scalar) {
            Some(c) => out.push(c),
            None => {
                out.truncate(start);
                return false;
            }
        }
    }
    true
}

/// A hex number naming a Unicode scalar value (surrogates rejected).
fn parse_scalar(hex: &str) -> Option<char> {
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn text(name: &str) -> GlyphText {
        lookup(name.as_bytes())
    }

    #[test]
    fn agl_names() {
        assert_eq!(text("aring"), GlyphText::Char('å'));
        assert_eq!(text("oslash"), GlyphText::Char('ø'));
        assert_eq!(text("AE"), GlyphText::Char('Æ'));
        assert_eq!(text("quotedblright"), GlyphText::Char('”'));
        assert_eq!(text("endash"), GlyphText::Char('–'));
        assert_eq!(text("fi"), GlyphText::Char('ﬁ'));
        assert_eq!(text("space"), GlyphText::Char(' '));
    }

    #[test]
    fn uni_and_u_names() {
        assert_eq!(text("uni00E6"), GlyphText::Char('æ'));
        assert_eq!(text("uni00e6"), GlyphText::Char('æ'));
        assert_eq!(text("uni00660069"), GlyphText::Str(Arc::from("fi")));
        assert_eq!(text("u1D400"), GlyphText::Char('\u{1d400}'));
        assert_eq!(text("u00C5"), GlyphText::Char('Å'));
        assert_eq!(text("uniD800"), GlyphText::Unmapped);
        assert_eq!(text("uni00E"), GlyphText::Unmapped);
    }

    #[test]
    fn ligatures_suffixes_and_tex_names() {
        assert_eq!(text("f_i"), GlyphText::Str(Arc::from("fi")));
        assert_eq!(text("T_h"), GlyphText::Str(Arc::from("Th")));
        assert_eq!(text("f_f_l"), GlyphText::Str(Arc::from("ffl")));
        assert_eq!(text("a.sc"), GlyphText::Char('a'));
        assert_eq!(text("oslash.alt01"), GlyphText::Char('ø'));
        assert_eq!(text("dotlessj"), GlyphText::Char('ȷ'));
        assert_eq!(text("ff"), GlyphText::Char('\u{fb00}'));
        assert_eq!(text("compwordmark"), GlyphText::Unmapped);
        assert_eq!(text("bardbl"), GlyphText::Char('‖'));
        assert_eq!(text("mapsto"), GlyphText::Char('↦'));
    }

    #[test]
    fn tex_math_names_are_not_in_the_agl() {
        // Each entry must be needed: a name the AGL maps already would be shadowed here.
        for (name, _) in TEX_MATH_NAMES {
            assert_eq!(pdf_encoding::glyphname_to_unicode(name), None, "{name} is in the AGL");
        }
    }

    #[test]
    fn numbered_glyphs_are_unmapped() {
        for name in ["g123", "cid123", "glyph12", "index7", "", ".notdef", "f_", "\u{e6}"] {
            assert_eq!(text(name), GlyphText::Unmapped, "{name}");
        }
        assert_eq!(lookup(&[0xff, 0xfe]), GlyphText::Unmapped);
    }
}
