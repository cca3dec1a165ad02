//! Turning whatever a font claims a glyph means into a [`GlyphText`] that is safe to emit.
//!
//! Fonts map glyphs to control characters, byte-order marks, replacement characters and
//! private-use code points. None of these are text a reader sees, and some would corrupt the
//! output (a form feed is our page separator), so they become `Unmapped` here, once, at load
//! time — `decode` then never has to look at them again.

use std::sync::Arc;

use super::GlyphText;

/// What one character a font maps a glyph to becomes in the text.
enum Kept {
    /// Emit this character.
    Char(char),
    /// Not text: leave it out.
    Drop,
}

fn keep(c: char) -> Kept {
    match c {
        // A tab glyph is white space on the page; any other C0/C1 control is not text.
        '\t' => Kept::Char(' '),
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Kept::Drop,
        // A soft hyphen *glyph* on a page is a visible hyphen (the line broke there).
        '\u{ad}' => Kept::Char('-'),
        // Byte-order mark / zero-width no-break space, replacement char, non-characters.
        '\u{feff}' | '\u{fffd}' | '\u{fffe}' | '\u{ffff}' => Kept::Drop,
        // Private-use code points mean something only inside one font (symbol fonts map
        // bullets and dingbats there); for searching they are noise.
        '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}' => Kept::Drop,
        c => Kept::Char(c),
    }
}

/// The text of a glyph mapped to the single character `c`.
pub(super) fn from_char(c: char) -> GlyphText {
    match keep(c) {
        Kept::Char(c) => GlyphText::Char(c),
        Kept::Drop => GlyphText::Unmapped,
    }
}

/// The text of a glyph mapped to the code point `cp` (invalid code points are unmapped).
pub(super) fn from_code_point(cp: u32) -> GlyphText {
    char::from_u32(cp).map_or(GlyphText::Unmapped, from_char)
}

/// The text of a glyph mapped to a sequence of characters (ligatures, decompositions).
pub(super) fn from_chars(chars: impl IntoIterator<Item = char>) -> GlyphText {
    let mut kept = String::new();
    for c in chars {
        if let Kept::Char(c) = keep(c) {
            kept.push(c);
        }
    }
    let mut it = kept.chars();
    match (it.next(), it.next()) {
        (None, _) => GlyphText::Unmapped,
        (Some(c), None) => GlyphText::Char(c),
        _ => GlyphText::Str(Arc::from(kept)),
    }
}

/// The text of a glyph mapped to UTF-16BE `bytes` (a ToUnicode destination). Unpaired
/// surrogates are dropped; a lone byte is taken as a Latin-1 character, as some producers write.
pub(super) fn from_utf16be(bytes: &[u8]) -> GlyphText {
    if let [b] = bytes {
        return from_char(char::from(*b));
    }
    from_chars(utf16be_chars(bytes))
}

/// The characters of a UTF-16BE ToUnicode destination of two or more bytes (unpaired
/// surrogates dropped), read the right way round when a producer swapped the bytes.
pub(super) fn utf16be_chars(bytes: &[u8]) -> impl Iterator<Item = char> + '_ {
    let swapped = is_byte_swapped_ascii(bytes);
    let units = bytes.chunks_exact(2).filter_map(move |pair| match pair {
        [hi, lo] if swapped => Some(u16::from_le_bytes([*hi, *lo])),
        [hi, lo] => Some(u16::from_be_bytes([*hi, *lo])),
        _ => None,
    });
    char::decode_utf16(units).filter_map(Result::ok)
}

/// Ghostscript 10.0 writes the ToUnicode entries of ligature glyphs with each UTF-16 unit's
/// bytes swapped (`<66007400>` for "ft"), which reads as CJK ("昀琀"). A destination of two or
/// more units that are all `XX 00` with XX printable ASCII is that bug: no real text is a run
/// of U+2000–U+7E00 characters each ending in 00.
fn is_byte_swapped_ascii(bytes: &[u8]) -> bool {
    bytes.len() >= 4
        && bytes.len().is_multiple_of(2)
        && bytes.chunks_exact(2).all(|pair| matches!(pair, [hi, 0] if (0x20..0x7f).contains(hi)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_specials_are_unmapped() {
        assert_eq!(from_char('\u{c}'), GlyphText::Unmapped);
        assert_eq!(from_char('\u{0}'), GlyphText::Unmapped);
        assert_eq!(from_char('\u{85}'), GlyphText::Unmapped);
        assert_eq!(from_char('\u{fffd}'), GlyphText::Unmapped);
        assert_eq!(from_char('\u{feff}'), GlyphText::Unmapped);
        assert_eq!(from_char('\u{f0b7}'), GlyphText::Unmapped);
        assert_eq!(from_char('\t'), GlyphText::Char(' '));
        assert_eq!(from_char('\u{ad}'), GlyphText::Char('-'));
        assert_eq!(from_char('ø'), GlyphText::Char('ø'));
        assert_eq!(from_code_point(0xD800), GlyphText::Unmapped);
    }

    #[test]
    fn sequences_drop_controls_and_collapse_to_one_char() {
        assert_eq!(from_chars("f\u{0}i".chars()), GlyphText::Str(Arc::from("fi")));
        assert_eq!(from_chars("\u{feff}å".chars()), GlyphText::Char('å'));
        assert_eq!(from_chars("\u{1}\u{2}".chars()), GlyphText::Unmapped);
    }

    #[test]
    fn ghostscript_byte_swapped_ligatures_are_read_the_right_way_round() {
        assert_eq!(from_utf16be(&[0x66, 0x00, 0x74, 0x00]), GlyphText::Str(Arc::from("ft")));
        assert_eq!(from_utf16be(&[0x74, 0x00, 0x69, 0x00]), GlyphText::Str(Arc::from("ti")));
        // A single unit stays as written: U+6600 is a real character.
        assert_eq!(from_utf16be(&[0x66, 0x00]), GlyphText::Char('\u{6600}'));
    }

    #[test]
    fn utf16_with_surrogate_pairs() {
        assert_eq!(from_utf16be(&[0xD8, 0x35, 0xDC, 0x00]), GlyphText::Char('\u{1d400}'));
        assert_eq!(from_utf16be(&[0x00, 0x66, 0x00, 0x6C]), GlyphText::Str(Arc::from("fl")));
        assert_eq!(from_utf16be(&[0xD8, 0x35]), GlyphText::Unmapped);
        assert_eq!(from_utf16be(&[0xE6]), GlyphText::Char('æ'));
        assert_eq!(from_utf16be(&[]), GlyphText::Unmapped);
    }
}
