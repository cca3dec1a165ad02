//! The 14 standard fonts: recognising them by name (including the common Windows
//! substitutes such as Arial or TimesNewRomanPSMT), their built-in encodings and the widths
//! a PDF may leave out for them.

use super::encoding::BaseEncoding;
use super::standard14_widths as widths;
use super::GlyphText;

/// Widths in the tables are in 1/1000 text-space units.
const UNITS_PER_EM: f32 = 1000.0;

/// One of the standard 14 fonts (or a font metric-compatible with one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Standard14 {
    Helvetica { bold: bool, oblique: bool },
    Times { bold: bool, italic: bool },
    Courier,
    Symbol,
    ZapfDingbats,
}

impl Standard14 {
    /// Recognises a `/BaseFont` name: `Helvetica-BoldOblique`, `ABCDEF+Arial,Bold`,
    /// `TimesNewRomanPS-ItalicMT`, `CourierNewPSMT`, `SymbolMT`, …
    pub(super) fn identify(base_font: &[u8]) -> Option<Standard14> {
        let name = String::from_utf8_lossy(strip_subset_prefix(base_font)).to_ascii_lowercase();
        let name: String = name.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let (family, style) = match name.find([',', '-']) {
            Some(i) => name.split_at(i),
            None => (name.as_str(), ""),
        };
        let family = family.trim_end_matches("mt").trim_end_matches("ps");
        let bold = style.contains("bold");
        let slanted = style.contains("italic") || style.contains("oblique");
        Some(match family {
            "helvetica" | "arial" => Standard14::Helvetica { bold, oblique: slanted },
            "times" | "timesroman" | "timesnewroman" => Standard14::Times { bold, italic: slanted },
            "courier" | "couriernew" => Standard14::Courier,
            "symbol" => Standard14::Symbol,
            "zapfdingbats" | "itczapfdingbats" => Standard14::ZapfDingbats,
            _ => return None,
        })
    }

    /// The encoding the font program itself has, used when the PDF names none.
    pub(super) fn builtin_encoding(self) -> BaseEncoding {
        match self {
            Standard14::Symbol => BaseEncoding::Symbol,
            Standard14::ZapfDingbats => BaseEncoding::ZapfDingbats,
            _ => BaseEncoding::Standard,
        }
    }

    /// The width (text space, size 1) of the glyph for `code`, which the font's encoding maps
    /// to `text`. Text fonts are looked up by character, Symbol and ZapfDingbats by code.
    pub(super) fn width(self, code: u8, text: &GlyphText) -> Option<f32> {
        let table = match self {
            Standard14::Courier => return Some(f32::from(widths::COURIER_WIDTH) / UNITS_PER_EM),
            Standard14::Symbol | Standard14::ZapfDingbats => {
                let table = if self == Standard14::Symbol { &widths::SYMBOL } else { &widths::ZAPF_DINGBATS };
                return table.get(usize::from(code)).filter(|w| **w > 0).map(|w| f32::from(*w) / UNITS_PER_EM);
            }
            Standard14::Helvetica { bold: false, oblique: false } => widths::HELVETICA,
            Standard14::Helvetica { bold: true, oblique: false } => widths::HELVETICA_BOLD,
            Standard14::Helvetica { bold: false, oblique: true } => widths::HELVETICA_OBLIQUE,
            Standard14::Helvetica { bold: true, oblique: true } => widths::HELVETICA_BOLD_OBLIQUE,
            Standard14::Times { bold: false, italic: false } => widths::TIMES_ROMAN,
            Standard14::Times { bold: true, italic: false } => widths::TIMES_BOLD,
            Standard14::Times { bold: false, italic: true } => widths::TIMES_ITALIC,
            Standard14::Times { bold: true, italic: true } => widths::TIMES_BOLD_ITALIC,
        };
        let GlyphText::Char(c) = text else {
            return None;
        };
        table
            .binary_search_by_key(c, |(ch, _)| *ch)
            .ok()
            .and_then(|i| table.get(i))
            .map(|(_, w)| f32::from(*w) / UNITS_PER_EM)
    }
}

/// `ABCDEF+Name` → `Name` (the prefix marks an embedded subset).
pub(super) fn strip_subset_prefix(name: &[u8]) -> &[u8] {
    match name.get(6) {
        Some(b'+') if name.iter().take(6).all(u8::is_ascii_uppercase) => name.get(7..).unwrap_or_default(),
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_substitutes() {
        let id = |n: &str| Standard14::identify(n.as_bytes());
        assert_eq!(id("Helvetica"), Some(Standard14::Helvetica { bold: false, oblique: false }));
        assert_eq!(id("Helvetica-BoldOblique"), Some(Standard14::Helvetica { bold: true, oblique: true }));
        assert_eq!(id("ABCDEF+Arial,Bold"), Some(Standard14::Helvetica { bold: true, oblique: false }));
        assert_eq!(id("Arial-ItalicMT"), Some(Standard14::Helvetica { bold: false, oblique: true }));
        assert_eq!(id("ArialMT"), Some(Standard14::Helvetica { bold: false, oblique: false }));
        assert_eq!(id("Times-Roman"), Some(Standard14::Times { bold: false, italic: false }));
        assert_eq!(id("TimesNewRomanPS-BoldItalicMT"), Some(Standard14::Times { bold: true, italic: true }));
        assert_eq!(id("Times New Roman,Italic"), Some(Standard14::Times { bold: false, italic: true }));
        assert_eq!(id("CourierNewPSMT"), Some(Standard14::Courier));
        assert_eq!(id("SymbolMT"), Some(Standard14::Symbol));
        assert_eq!(id("ZapfDingbats"), Some(Standard14::ZapfDingbats));
        assert_eq!(id("Calibri"), None);
        assert_eq!(id("abcdef+Arial"), None);
        assert_eq!(strip_subset_prefix(b"ABCDEF+Calibri"), b"Calibri");
        assert_eq!(strip_subset_prefix(b"ABC+X"), b"ABC+X");
    }

    #[test]
    fn widths_from_afm_tables() {
        let helv = Standard14::Helvetica { bold: false, oblique: false };
        assert_eq!(helv.width(b'a', &GlyphText::Char('a')), Some(0.556));
        assert_eq!(helv.width(b' ', &GlyphText::Char(' ')), Some(0.278));
        assert_eq!(helv.width(0xe6, &GlyphText::Char('æ')), Some(0.889));
        let times = Standard14::Times { bold: false, italic: false };
        assert_eq!(times.width(b'W', &GlyphText::Char('W')), Some(0.944));
        assert_eq!(times.width(0, &GlyphText::Unmapped), None);
        assert_eq!(Standard14::Courier.width(b'i', &GlyphText::Unmapped), Some(0.6));
        assert_eq!(Standard14::Symbol.width(b'a', &GlyphText::Char('α')), Some(0.631));
        assert_eq!(Standard14::ZapfDingbats.width(b'l', &GlyphText::Char('●')), Some(0.791));
        assert_eq!(Standard14::Symbol.width(0x01, &GlyphText::Unmapped), None);
    }
}
