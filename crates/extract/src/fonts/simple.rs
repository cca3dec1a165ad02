//! Simple fonts (Type1, MMType1, TrueType, Type3): one byte per code, so everything is
//! resolved at load time into two 256-entry tables and `decode` is two array reads per glyph.
//!
//! Text per code: ToUnicode when it maps the code to real text, else the encoding (base
//! encoding — or the embedded program's own — + `/Differences` through the glyph list), else
//! the character code a numbered glyph name carries, where the font shows its names are codes
//! (see `encoding::numbered`). Width per code: `/Widths`, else the
//! descriptor's `/MissingWidth`, else the standard 14 metrics, else the font's average width.

use lopdf::{Dictionary, Document};

use super::cmap::CMap;
use super::encoding::{self, BaseEncoding, CodeTable};
use super::program::FontProgram;
use super::standard14::Standard14;
use super::tex_math::{self, MathFont};
use super::{glyph_names, glyph_text, objects, type3, DecodedGlyph, GlyphText};

/// Width used when a font gives none at all: half an em, about an average Latin glyph.
pub(super) const DEFAULT_WIDTH: f32 = 0.5;

/// The ASCII space, the only code word spacing (Tw) applies to.
const SPACE: u8 = 32;

/// `/Flags` bit 3 (value 4): the font has glyphs outside the standard Latin set.
const FLAG_SYMBOLIC: i64 = 4;

/// A loaded simple font.
#[derive(Debug)]
pub(super) struct SimpleFont {
    text: Box<CodeTable>,
    widths: Box<[f32; 256]>,
    /// Glyph height in text space for size 1 (see [`SimpleFont::em_height`]).
    em_height: f32,
}

impl SimpleFont {
    /// Loads a simple font of `/Subtype` `subtype` (Type3 scales widths by its FontMatrix).
    pub(super) fn load(doc: &Document, font: &Dictionary, subtype: &[u8], to_unicode: Option<&CMap>) -> SimpleFont {
        let base_font = objects::get_name(doc, font, b"BaseFont").unwrap_or_default();
        let is_type3 = subtype == b"Type3";
        let standard = if is_type3 { None } else { Standard14::identify(base_font) };
        let differences = encoding::difference_names(doc, font);
        let encoded = if standard.is_none() && is_pictograph_font(base_font) {
            // Their codes are pictures: any base encoding would turn bullets into letters.
            encoding::differences_only(doc, font)
        } else if is_type3 {
            let mut table = encoding::font_encoding(doc, font, encoding::empty_table, type3::glyph_text);
            encoding::fill_numbered_codes(&mut table, &differences);
            table
        } else {
            let mut program_names = Vec::new();
            let builtin = || builtin_table(doc, font, subtype, standard, &mut program_names);
            let mut table = encoding::font_encoding(doc, font, builtin, glyph_names::lookup);
            encoding::fill_numbered_codes(&mut table, &glyph_names_by_code(&program_names, &differences));
            table
        };

        let mut text = Box::new(encoded.clone());
        if let Some(cmap) = to_unicode {
            for (code, slot) in (0u32..).zip(text.iter_mut()) {
                match cmap.unicode_any_len(code, 1) {
                    Some(GlyphText::Unmapped) | None => {}
                    Some(mapped) => *slot = mapped,
                }
            }
        }

        let scale = if is_type3 { type3::font_matrix_scales(doc, font).0 } else { type3::DEFAULT_SCALE };
        let widths = Box::new(widths(doc, font, scale, standard, &encoded));
        let em_height = if is_type3 {
            let mean = mean_nonzero(widths.iter().copied()).map(|w| w / scale.abs());
            type3::em_height(doc, font, mean)
        } else {
            1.0
        };
        SimpleFont { text, widths, em_height }
    }

    /// A font about which nothing is known: every glyph unmapped, [`DEFAULT_WIDTH`] wide.
    pub(super) fn unknown() -> SimpleFont {
        SimpleFont { text: Box::new(encoding::empty_table()), widths: Box::new([DEFAULT_WIDTH; 256]), em_height: 1.0 }
    }

    /// The height of the font's em in text space for size 1: 1 for ordinary fonts, whose glyph
    /// space is 1000 units an em; a Type3 font's own (see `type3::em_height`).
    pub(super) fn em_height(&self) -> f32 {
        self.em_height
    }

    /// Appends one glyph per byte of `bytes`.
    pub(super) fn decode(&self, bytes: &[u8], out: &mut Vec<DecodedGlyph>) {
        out.reserve(bytes.len());
        for &b in bytes {
            let i = usize::from(b);
            out.push(DecodedGlyph {
                code: u32::from(b),
                text: self.text.get(i).cloned().unwrap_or(GlyphText::Unmapped),
                width: self.widths.get(i).copied().unwrap_or(DEFAULT_WIDTH),
                is_word_space: b == SPACE,
            });
        }
    }
}

/// Name fragments (lower case) of common symbol fonts whose codes stand for pictographs,
/// not letters (Word's list bullets are Wingdings or Symbol).
const PICTOGRAPH_FONTS: &[&str] = &["wingdings", "webdings", "marlett", "mtextra", "dingbats"];

fn is_pictograph_font(base_font: &[u8]) -> bool {
    let name = String::from_utf8_lossy(base_font).to_ascii_lowercase();
    PICTOGRAPH_FONTS.iter().any(|p| name.contains(p))
}

/// The encoding the font program has built in, which applies where `/Encoding` leaves codes
/// open: the standard 14 fonts' own encodings; else what the embedded program says (its
/// Type1 `/Encoding`, CFF encoding, or TrueType symbol/Mac `cmap`, through glyph names), and
/// for codes it leaves open a pragmatic guess: WinAnsi for TrueType and symbolic fonts (what
/// Windows-made symbolic subsets mean in practice), StandardEncoding otherwise.
///
/// The glyph names of the program's own encoding are left in `program_names`.
fn builtin_table(
    doc: &Document,
    font: &Dictionary,
    subtype: &[u8],
    standard: Option<Standard14>,
    program_names: &mut Vec<(u8, String)>,
) -> CodeTable {
    if let Some(standard) = standard {
        return standard.builtin_encoding().table().clone();
    }
    let flags =
        objects::get_dict(doc, font, b"FontDescriptor").and_then(|d| objects::get_int(doc, d, b"Flags")).unwrap_or(0);
    let guess = if subtype == b"TrueType" || flags & FLAG_SYMBOLIC != 0 {
        BaseEncoding::WinAnsi
    } else {
        BaseEncoding::Standard
    };
    let program = FontProgram::of_simple_font(doc, font);
    let base_font = objects::get_name(doc, font, b"BaseFont").unwrap_or_default();
    let math = MathFont::identify(base_font);
    if math == Some(MathFont::Extension) {
        // OMX is one layout for every size and program; subset programs rename glyphs.
        return std::array::from_fn(|i| {
            u8::try_from(i)
                .ok()
                .and_then(tex_math::omx_name)
                .map_or(GlyphText::Unmapped, |n| glyph_names::lookup(n.as_bytes()))
        });
    }
    // A math font's codes are symbols: where its own names say nothing, a text encoding's
    // letter would be wrong ("6" for the ≠ slash), so no guess under the program's encoding.
    let mut table = if math.is_some() && program.is_some() { encoding::empty_table() } else { guess.table().clone() };
    if let Some(program) = &program {
        *program_names = program.builtin_names();
    }
    if let Some(program) = program.and_then(|p| p.builtin_table()) {
        for (slot, text) in table.iter_mut().zip(program) {
            if text != GlyphText::Unmapped {
                *slot = text;
            }
        }
    }
    if math.is_some() {
        for (code, name) in program_names.iter() {
            if let (Some(slot), Some(text)) = (table.get_mut(usize::from(*code)), tex_math::math_font_name_text(name)) {
                if *slot == GlyphText::Unmapped {
                    *slot = glyph_text::from_chars(text.chars());
                }
            }
        }
    }
    table
}

/// The glyph name of each code: `/Differences` over the program's built-in encoding.
fn glyph_names_by_code<'a>(program: &'a [(u8, String)], differences: &[(u8, &'a [u8])]) -> Vec<(u8, &'a [u8])> {
    let mut by_code: [Option<&[u8]>; 256] = [None; 256];
    let program = program.iter().map(|(code, name)| (*code, name.as_bytes()));
    for (code, name) in program.chain(differences.iter().copied()) {
        if let Some(slot) = by_code.get_mut(usize::from(code)) {
            *slot = Some(name);
        }
    }
    (0u8..=u8::MAX).zip(by_code).filter_map(|(code, name)| Some((code, name?))).collect()
}

/// The width of every code in text space for size 1.
fn widths(
    doc: &Document,
    font: &Dictionary,
    scale: f32,
    standard: Option<Standard14>,
    encoded: &CodeTable,
) -> [f32; 256] {
    let first_char = objects::get_int(doc, font, b"FirstChar").unwrap_or(0);
    let listed = objects::get_array(doc, font, b"Widths").unwrap_or_default();
    let missing = objects::get_dict(doc, font, b"FontDescriptor")
        .and_then(|d| objects::get_number(doc, d, b"MissingWidth"))
        .map(|w| w * scale);

    let mut table: [Option<f32>; 256] = [None; 256];
    // Only entries that land on codes 0–255 are read, however long the array.
    for (k, w) in (0i64..).zip(listed) {
        let Some(code) = first_char.checked_add(k) else {
            break;
        };
        let Ok(i) = usize::try_from(code) else {
            continue;
        };
        match table.get_mut(i) {
            Some(slot) => *slot = objects::number(doc, w).map(|w| w * scale),
            None => break,
        }
    }
    let fallback = missing.unwrap_or_else(|| average(&table));
    std::array::from_fn(|i| {
        let standard_width = || {
            let code = u8::try_from(i).ok()?;
            standard?.width(code, encoded.get(i)?)
        };
        table.get(i).copied().flatten().or(missing).or_else(standard_width).unwrap_or(fallback)
    })
}

/// The mean of the non-zero widths, or [`DEFAULT_WIDTH`] when there are none.
fn average(widths: &[Option<f32>]) -> f32 {
    mean_nonzero(widths.iter().flatten().copied()).unwrap_or(DEFAULT_WIDTH)
}

/// The mean of the positive widths; `None` when there are none.
fn mean_nonzero(widths: impl Iterator<Item = f32>) -> Option<f32> {
    let (sum, n) = widths.filter(|w| *w > 0.0).fold((0.0f32, 0u32), |(s, n), w| (s + w, n + 1));
    (n > 0).then(|| sum / n as f32)
}
