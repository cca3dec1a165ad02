//! TeX's math fonts: their built-in encodings are not text encodings.
//!
//! Computer Modern's symbol (`cmsy`, OMS encoding), math italic (`cmmi`, OML), extension
//! (`cmex`, OMX) and the AMS symbol fonts (`msam`, `msbm`) draw math symbols at codes where a
//! text encoding has letters: `cmsy`'s ≠ slash sits at "6", its ‖ at "k", `cmex`'s brace
//! pieces at "z"…"}". Their Type1 programs name most glyphs after the Adobe Glyph List, but
//! not all (`negationslash`, `braceleftbigg`, `bracehtipdownleft`), and subset programs may
//! rename them (`a26`). So for these fonts:
//! * a code whose glyph name says nothing stays unmapped instead of falling back to
//!   StandardEncoding (which made the letters above);
//! * `cmex`'s codes are read through the OMX layout, the same in every size and every
//!   program, whatever the glyph names.
//!
//! Accent-like glyphs (the negation slash, wide tildes and hats) map to combining characters;
//! `compose` attaches them after the glyph they are drawn over.

/// The families whose built-in encoding is a math encoding (lower-case `BaseFont` prefixes,
/// after any subset tag).
const MATH_FAMILIES: &[&str] = &[
    "cmsy", "cmbsy", "cmmi", "cmmib", "cmex", "msam", "msbm", "eufm", "eufb", "eusm", "eusb", "eurm", "eurb", "lasy",
    "wasy", "stmary", "rsfs", "lmsy", "lmmi", "lmex",
];

/// What kind of TeX math font `base_font` names, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MathFont {
    /// `cmex`/`lmex`: the OMX layout, read by code.
    Extension,
    /// Another math font: glyph names only, no text-encoding fallback.
    Other,
}

impl MathFont {
    pub(super) fn identify(base_font: &[u8]) -> Option<MathFont> {
        let name = String::from_utf8_lossy(base_font).to_ascii_lowercase();
        // A subset tag is six capitals and a plus sign.
        let family = match name.split_once('+') {
            Some((tag, rest)) if tag.len() == 6 => rest,
            _ => name.as_str(),
        };
        let family = family.trim_end_matches(|c: char| c.is_ascii_digit());
        if !MATH_FAMILIES.contains(&family) {
            return None;
        }
        Some(if family == "cmex" || family == "lmex" { MathFont::Extension } else { MathFont::Other })
    }
}

/// Whether `base_font` names a font made for formulas: a TeX math family (see [`MathFont`]) or
/// any font whose name says "Math" (Latin Modern's Type1 `LMMathItalic10`, Cambria Math, STIX
/// Two Math: OpenType math fonts, used by Word's equations, XeTeX and LuaTeX).
pub(super) fn is_math_font(base_font: &[u8]) -> bool {
    MathFont::identify(base_font).is_some() || base_font.windows(4).any(|w| w.eq_ignore_ascii_case(b"math"))
}

/// Whether `base_font` is laid out as OMX, TeX's math extension encoding: `cmex` or Latin
/// Modern's `lmex` (Type1 name `LMMathExtension10-Regular`). pdfTeX shows their glyphs by
/// their TFM codes whatever the PDF encoding says, so [`omx_depth_tenths`] applies to the code.
pub(super) fn is_omx(base_font: &[u8]) -> bool {
    let name = String::from_utf8_lossy(base_font).to_ascii_lowercase();
    let family = match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 => rest,
        _ => name.as_str(),
    };
    family.starts_with("lmmathextension") || MathFont::identify(base_font) == Some(MathFont::Extension)
}

/// How far each OMX glyph reaches below its baseline, in tenths of an em (`cmex10.tfm`'s
/// depths, rounded up; every size of `cmex` has the same layout). TeX hangs big operators,
/// delimiters and radicals from their top: a display ∑ is 1.5 em deep, its baseline ~1 em above
/// the formula's, so by baseline it looks like a line of its own.
const OMX_DEPTH: [u8; 128] = [
    12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 6, 6, 12, 12, // big delimiters
    18, 18, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, 24, // Big, bigg
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 18, 18, // Bigg, slashBig
    18, 18, 18, 18, 18, 18, 6, 6, 9, 9, 9, 9, 18, 18, 3, 6, // extensible pieces
    18, 18, 6, 6, 18, 18, 10, 15, 12, 23, 10, 15, 10, 15, 10, 15, // pieces, big operators
    10, 10, 12, 10, 10, 10, 10, 10, 15, 15, 23, 15, 15, 15, 15, 15, // text and display operators
    10, 15, 0, 0, 0, 0, 0, 0, 18, 18, 18, 18, 18, 18, 18, 18, // wide accents, Big delimiters
    12, 18, 24, 30, 18, 6, 6, 6, 6, 6, 0, 0, 0, 0, 6, 6, // radicals, arrow and brace pieces
];

/// How far the OMX glyph at `code` reaches below its baseline, in tenths of an em (0 above 127).
pub(super) fn omx_depth_tenths(code: u32) -> u8 {
    usize::try_from(code).ok().and_then(|i| OMX_DEPTH.get(i)).copied().unwrap_or(0)
}

/// The glyph names of the OMX encoding (`cmex10`), codes 0–127.
const OMX: [&str; 128] = [
    "parenleftbig",
    "parenrightbig",
    "bracketleftbig",
    "bracketrightbig",
    "floorleftbig",
    "floorrightbig",
    "ceilingleftbig",
    "ceilingrightbig",
    "braceleftbig",
    "bracerightbig",
    "angbracketleftbig",
    "angbracketrightbig",
    "vextendsingle",
    "vextenddouble",
    "slashbig",
    "backslashbig",
    "parenleftBig",
    "parenrightBig",
    "parenleftbigg",
    "parenrightbigg",
    "bracketleftbigg",
    "bracketrightbigg",
    "floorleftbigg",
    "floorrightbigg",
    "ceilingleftbigg",
    "ceilingrightbigg",
    "braceleftbigg",
    "bracerightbigg",
    "angbracketleftbigg",
    "angbracketrightbigg",
    "slashbigg",
    "backslashbigg",
    "parenleftBigg",
    "parenrightBigg",
    "bracketleftBigg",
    "bracketrightBigg",
    "floorleftBigg",
    "floorrightBigg",
    "ceilingleftBigg",
    "ceilingrightBigg",
    "braceleftBigg",
    "bracerightBigg",
    "angbracketleftBigg",
    "angbracketrightBigg",
    "slashBigg",
    "backslashBigg",
    "slashBig",
    "backslashBig",
    "parenlefttp",
    "parenrighttp",
    "bracketlefttp",
    "bracketrighttp",
    "bracketleftbt",
    "bracketrightbt",
    "bracketleftex",
    "bracketrightex",
    "bracelefttp",
    "bracerighttp",
    "braceleftbt",
    "bracerightbt",
    "braceleftmid",
    "bracerightmid",
    "braceex",
    "arrowvertex",
    "parenleftbt",
    "parenrightbt",
    "parenleftex",
    "parenrightex",
    "angbracketleftBig",
    "angbracketrightBig",
    "unionsqtext",
    "unionsqdisplay",
    "contintegraltext",
    "contintegraldisplay",
    "circledottext",
    "circledotdisplay",
    "circleplustext",
    "circleplusdisplay",
    "circlemultiplytext",
    "circlemultiplydisplay",
    "summationtext",
    "producttext",
    "integraltext",
    "uniontext",
    "intersectiontext",
    "unionmultitext",
    "logicalandtext",
    "logicalortext",
    "summationdisplay",
    "productdisplay",
    "integraldisplay",
    "uniondisplay",
    "intersectiondisplay",
    "unionmultidisplay",
    "logicalanddisplay",
    "logicalordisplay",
    "coproducttext",
    "coproductdisplay",
    "hatwide",
    "hatwider",
    "hatwidest",
    "tildewide",
    "tildewider",
    "tildewidest",
    "bracketleftBig",
    "bracketrightBig",
    "floorleftBig",
    "floorrightBig",
    "ceilingleftBig",
    "ceilingrightBig",
    "braceleftBig",
    "bracerightBig",
    "radicalbig",
    "radicalBig",
    "radicalbigg",
    "radicalBigg",
    "radicalbt",
    "radicalvertex",
    "radicaltp",
    "arrowvertexdbl",
    "arrowtp",
    "arrowbt",
    "bracehtipdownleft",
    "bracehtipdownright",
    "bracehtipupleft",
    "bracehtipupright",
    "arrowdbltp",
    "arrowdblbt",
];

/// The OMX glyph name of `code` (`None` above 127).
pub(super) fn omx_name(code: u8) -> Option<&'static str> {
    OMX.get(usize::from(code)).copied()
}

/// Exact names of math glyphs the Adobe Glyph List lacks (pieces of big delimiters are the
/// pieces Unicode has for them).
const NAMES: &[(&str, &str)] = &[
    ("negationslash", "\u{338}"),
    ("arrowhookleft", "\u{21aa}"),
    ("arrowhookright", "\u{21a9}"),
    ("squaresolid", "\u{25a0}"),
    ("measuredangle", "\u{2221}"),
    ("subsetnoteql", "\u{228a}"),
    ("supersetnoteql", "\u{228b}"),
    ("notparallel", "\u{2226}"),
    ("notexistential", "\u{2204}"),
    ("vextendsingle", "\u{2223}"),
    ("vextenddouble", "\u{2225}"),
    ("parenlefttp", "\u{239b}"),
    ("parenleftex", "\u{239c}"),
    ("parenleftbt", "\u{239d}"),
    ("parenrighttp", "\u{239e}"),
    ("parenrightex", "\u{239f}"),
    ("parenrightbt", "\u{23a0}"),
    ("bracketlefttp", "\u{23a1}"),
    ("bracketleftex", "\u{23a2}"),
    ("bracketleftbt", "\u{23a3}"),
    ("bracketrighttp", "\u{23a4}"),
    ("bracketrightex", "\u{23a5}"),
    ("bracketrightbt", "\u{23a6}"),
    ("bracelefttp", "\u{23a7}"),
    ("braceleftmid", "\u{23a8}"),
    ("braceleftbt", "\u{23a9}"),
    ("braceex", "\u{23aa}"),
    ("bracerighttp", "\u{23ab}"),
    ("bracerightmid", "\u{23ac}"),
    ("bracerightbt", "\u{23ad}"),
    ("arrowvertex", "\u{23d0}"),
    ("arrowvertexdbl", "\u{2016}"),
    ("arrowtp", "\u{2191}"),
    ("arrowbt", "\u{2193}"),
    ("arrowdbltp", "\u{21d1}"),
    ("arrowdblbt", "\u{21d3}"),
    // An underbrace is drawn up-left tip, down-right, down-left, up-right tip.
    ("bracehtipdownleft", "\u{fe37}"),
    ("bracehtipdownright", "\u{fe37}"),
    ("bracehtipupleft", "\u{fe38}"),
    ("bracehtipupright", "\u{fe38}"),
    ("radicalbt", "\u{221a}"),
    ("radicalvertex", "\u{23d0}"),
    ("radicaltp", "\u{23d0}"),
    ("hatwide", "\u{302}"),
    ("tildewide", "\u{303}"),
];

/// Names that mean a symbol only in a math font's own encoding (elsewhere, in a Type3 font,
/// a glyph called `triangle` is a drawing).
const MATH_FONT_NAMES: &[(&str, &str)] = &[("triangle", "\u{25b3}")];

/// The text of `name` in a math font's built-in encoding where the glyph list has none.
pub(super) fn math_font_name_text(name: &str) -> Option<&'static str> {
    MATH_FONT_NAMES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Families of sized glyphs (`summationdisplay`, `braceleftBigg`): name prefix → text. The
/// suffix says only how big the glyph is drawn.
const SIZED: &[(&str, &str)] = &[
    ("parenleft", "("),
    ("parenright", ")"),
    ("bracketleft", "["),
    ("bracketright", "]"),
    ("floorleft", "\u{230a}"),
    ("floorright", "\u{230b}"),
    ("ceilingleft", "\u{2308}"),
    ("ceilingright", "\u{2309}"),
    ("braceleft", "{"),
    ("braceright", "}"),
    ("angbracketleft", "\u{27e8}"),
    ("angbracketright", "\u{27e9}"),
    ("backslash", "\\"),
    ("slash", "/"),
    ("unionsq", "\u{2a06}"),
    ("contintegral", "\u{222e}"),
    ("circledot", "\u{2a00}"),
    ("circleplus", "\u{2a01}"),
    ("circlemultiply", "\u{2a02}"),
    ("summation", "\u{2211}"),
    ("product", "\u{220f}"),
    ("integral", "\u{222b}"),
    ("unionmulti", "\u{2a04}"),
    ("union", "\u{22c3}"),
    ("intersection", "\u{22c2}"),
    ("logicaland", "\u{22c0}"),
    ("logicalor", "\u{22c1}"),
    ("coproduct", "\u{2210}"),
    ("hatwide", "\u{302}"),
    ("tildewide", "\u{303}"),
    ("radical", "\u{221a}"),
];

/// Size suffixes of `cmex` glyph names.
/// Never empty: without a suffix the names are the AGL's ordinary symbols (`union` is ∪,
/// `uniontext` ⋃).
const SIZES: &[&str] = &["bigg", "Bigg", "big", "Big", "text", "display", "r", "st"];

/// The text of a math glyph name the AGL lacks, or `None`.
pub(super) fn name_text(name: &str) -> Option<&'static str> {
    if let Some((_, text)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(text);
    }
    SIZED.iter().find_map(|(prefix, text)| {
        let suffix = name.strip_prefix(prefix)?;
        // `hatwider`, `tildewidest`: "r" and "st" after "wide".
        SIZES.contains(&suffix).then_some(*text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_fonts_hang_big_glyphs_from_their_top() {
        assert!(is_omx(b"YMYJLL+CMEX10"));
        assert!(is_omx(b"UUYMEV+LMMathExtension10-Regular"));
        assert!(!is_omx(b"LMMathItalic10-Regular"));
        assert!(is_math_font(b"LMMathItalic10-Regular"));
        assert!(is_math_font(b"CambriaMath"));
        assert!(!is_math_font(b"LMRoman10-Regular"));
        // summationdisplay (0x58) is 1.5 em deep, summationtext (0x50) 1 em, a wide hat none.
        assert_eq!(omx_depth_tenths(0x58), 15);
        assert_eq!(omx_depth_tenths(0x50), 10);
        assert_eq!(omx_depth_tenths(0x62), 0);
        assert_eq!(omx_depth_tenths(200), 0);
    }

    #[test]
    fn families_with_and_without_subset_tags() {
        assert_eq!(MathFont::identify(b"CMEX10"), Some(MathFont::Extension));
        assert_eq!(MathFont::identify(b"AAAAAP+CMEX8"), Some(MathFont::Extension));
        assert_eq!(MathFont::identify(b"BIKXFS+CMSY10"), Some(MathFont::Other));
        assert_eq!(MathFont::identify(b"MSBM10"), Some(MathFont::Other));
        assert_eq!(MathFont::identify(b"CMR10"), None);
        assert_eq!(MathFont::identify(b"CMSSBX10"), None);
        assert_eq!(MathFont::identify(b"Helvetica"), None);
    }

    #[test]
    fn omx_codes_and_sized_names() {
        assert_eq!(omx_name(0), Some("parenleftbig"));
        assert_eq!(omx_name(26), Some("braceleftbigg"));
        assert_eq!(omx_name(122), Some("bracehtipdownleft"));
        assert_eq!(omx_name(127), Some("arrowdblbt"));
        assert_eq!(omx_name(128), None);
        assert_eq!(name_text("braceleftbigg"), Some("{"));
        assert_eq!(name_text("summationdisplay"), Some("\u{2211}"));
        assert_eq!(name_text("uniontext"), Some("\u{22c3}"));
        assert_eq!(name_text("unionmultitext"), Some("\u{2a04}"));
        assert_eq!(name_text("tildewidest"), Some("\u{303}"));
        assert_eq!(name_text("negationslash"), Some("\u{338}"));
        assert_eq!(name_text("parenlefttp"), Some("\u{239b}"));
        assert_eq!(name_text("parenleftfoo"), None);
        assert_eq!(name_text("a26"), None);
        assert_eq!(name_text("union"), None);
        assert_eq!(name_text("intersection"), None);
        assert_eq!(name_text("tildewide"), Some("\u{303}"));
    }

    #[test]
    fn every_omx_name_has_text() {
        for (code, name) in OMX.iter().enumerate() {
            assert!(name_text(name).is_some() || pdf_encoding::glyphname_to_unicode(name).is_some(), "{code} {name}");
        }
    }
}
