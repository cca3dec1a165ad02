//! Glyph names that are character codes: `G41`, `C2c`, `C101`.
//!
//! Windows' PostScript driver (`MSTT31…` fonts, `G` + hex), print drivers that make Type3
//! bitmap fonts (`C` + hex) and some typesetters (`C` + decimal) name every glyph after the
//! code of its character in the Windows code page they write (WinAnsi: ASCII and Latin-1 for
//! printable codes). Such a name is the character; pdftotext reads these names the same way.
//! Other numbered names (`g12`, `glyph12`, `cid12`, and subsetters' `G1`, `G2`, …) count
//! glyphs and say nothing about the text, so the rule is decided per font, never per name,
//! and needs one of two kinds of evidence:
//!
//! - **restated codes**: every numbered name of the font (one prefix, one radix) is the number
//!   of the very code it sits at, and none sits below 0x20 except tab, line feed and carriage
//!   return (which text producers keep as codes). The name adds nothing to the code and shows
//!   the producer kept the text's own codes (any prefix, or none: `/32`, `/101` in Type3 fonts
//!   made by some report generators);
//! - **character codes**: the font was re-encoded (codes 1, 2, … carry `G4B`, `G61`, …), its
//!   prefix is `C` or `G` (the producers' conventions above), and exactly one radix reads every
//!   numbered name as a printable code 0x20–0xFF. A font readable in both radixes is
//!   ambiguous and left alone.
//!
//! Subsetters that renumber glyphs from 1 (`G1`…`G54` at codes 1…54) fail both: their numbers
//! include control codes.

use super::{BaseEncoding, CodeTable};
use crate::fonts::GlyphText;

/// Longest name prefix (`C`, `G`, `g`, `cid`, `glyph`, `index`).
const MAX_PREFIX_LEN: usize = 5;

/// Most digits a one-byte code takes: 255 in decimal.
const MAX_DIGITS: usize = 3;

/// Codes below this are control codes, never text.
const FIRST_TEXT_CODE: u32 = 0x20;

/// Control codes that stand for white space in text (tab, line feed, carriage return): a font
/// restating these codes still restates text codes, unlike a glyph counter's 1, 2, 3, ….
const WHITESPACE_CONTROL_CODES: [u32; 3] = [0x09, 0x0A, 0x0D];

/// Largest one-byte code.
const LAST_CODE: u32 = 0xFF;

/// The radixes producers number codes in.
const RADIXES: [u32; 2] = [10, 16];

/// Prefixes whose numbers are character codes even away from their own code.
const CHARACTER_CODE_PREFIXES: [&[u8]; 2] = [b"C", b"G"];

/// Fills the `Unmapped` codes of `table` whose glyph name (from `names`, the code and glyph
/// name pairs of the font) is a character code, when the font gives the evidence above.
pub(crate) fn fill_numbered_codes(table: &mut CodeTable, names: &[(u8, &[u8])]) {
    let unmapped: Vec<(u8, &[u8])> =
        names.iter().copied().filter(|(code, _)| table.get(usize::from(*code)) == Some(&GlyphText::Unmapped)).collect();
    let Some(numbering) = Numbering::restating(&unmapped).or_else(|| Numbering::character_codes(&unmapped)) else {
        return;
    };
    let text = BaseEncoding::WinAnsi.table();
    for (code, name) in unmapped {
        let character = numbering.number(name).and_then(|n| usize::try_from(n).ok()).and_then(|n| text.get(n));
        if let (Some(slot), Some(character)) = (table.get_mut(usize::from(code)), character) {
            *slot = character.clone();
        }
    }
}

/// How one font numbers its glyphs: a common prefix and a radix.
#[derive(Debug, PartialEq)]
struct Numbering<'a> {
    prefix: &'a [u8],
    radix: u32,
}

impl<'a> Numbering<'a> {
    /// The numbering under which every numbered name restates its own (printable) code.
    fn restating(names: &[(u8, &'a [u8])]) -> Option<Numbering<'a>> {
        let prefix = common_prefix(names)?;
        RADIXES.into_iter().map(|radix| Numbering { prefix, radix }).find(|numbering| {
            numbering.all_numbers(names, |code, number| {
                number == u32::from(code) && (number >= FIRST_TEXT_CODE || WHITESPACE_CONTROL_CODES.contains(&number))
            })
        })
    }

    /// The one numbering of a `C`/`G` font under which every numbered name is a printable code.
    fn character_codes(names: &[(u8, &'a [u8])]) -> Option<Numbering<'a>> {
        let prefix = common_prefix(names).filter(|p| CHARACTER_CODE_PREFIXES.contains(p))?;
        let mut readable = RADIXES.into_iter().map(|radix| Numbering { prefix, radix }).filter(|numbering| {
            numbering.all_numbers(names, |_, number| (FIRST_TEXT_CODE..=LAST_CODE).contains(&number))
        });
        match (readable.next(), readable.next()) {
            (Some(numbering), None) => Some(numbering),
            _ => None,
        }
    }

    /// True when the font has numbered names, each reads in this radix, and each passes `ok`
    /// (given its code and number).
    fn all_numbers(&self, names: &[(u8, &[u8])], ok: impl Fn(u8, u32) -> bool) -> bool {
        let mut numbered = names.iter().filter(|(_, name)| self.is_numbered(name)).peekable();
        numbered.peek().is_some() && numbered.all(|(code, name)| self.number(name).is_some_and(|n| ok(*code, n)))
    }

    /// A name of this prefix followed by 1–3 hexadecimal digits (the digits of either radix).
    fn is_numbered(&self, name: &[u8]) -> bool {
        self.digits(name).is_some()
    }

    fn digits<'n>(&self, name: &'n [u8]) -> Option<&'n [u8]> {
        name.strip_prefix(self.prefix)
            .filter(|d| (1..=MAX_DIGITS).contains(&d.len()) && d.iter().all(u8::is_ascii_hexdigit))
    }

    /// The number in `name` under this numbering, `None` if it does not read in the radix.
    fn number(&self, name: &[u8]) -> Option<u32> {
        u32::from_str_radix(std::str::from_utf8(self.digits(name)?).ok()?, self.radix).ok()
    }
}

/// The prefix of the font's numbered names: the shortest run of letters before a digit
/// (hex digits can be letters: `GA0` has prefix `G` when `G20` is there too; bare numbers have
/// the empty prefix), which every other such run must start with. `None` when no name has that
/// shape or prefixes are mixed.
fn common_prefix<'a>(names: &[(u8, &'a [u8])]) -> Option<&'a [u8]> {
    let runs: Vec<&[u8]> = names
        .iter()
        .filter_map(|(_, name)| {
            let letters = name.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            let starts_number = name.get(letters).is_some_and(u8::is_ascii_digit);
            (starts_number && letters <= MAX_PREFIX_LEN).then(|| name.get(..letters)).flatten()
        })
        .collect();
    let shortest = runs.iter().min_by_key(|run| run.len()).copied()?;
    runs.iter().all(|run| run.starts_with(shortest)).then_some(shortest)
}

#[cfg(test)]
mod tests {
    use super::super::empty_table;
    use super::*;

    fn filled(names: &[(u8, &str)]) -> String {
        let names: Vec<(u8, &[u8])> = names.iter().map(|(c, n)| (*c, n.as_bytes())).collect();
        let mut table = empty_table();
        fill_numbered_codes(&mut table, &names);
        names
            .iter()
            .map(|(code, _)| match &table[usize::from(*code)] {
                GlyphText::Char(c) => *c,
                _ => '¤',
            })
            .collect()
    }

    #[test]
    fn names_restating_their_codes() {
        // MSTT31 fonts (Windows PostScript driver): hex, upper case, letters among the digits.
        assert_eq!(filled(&[(0x41, "G41"), (0x2a, "G2A"), (0xfc, "GFC"), (0x96, "G96")]), "A*ü–");
        // Type3 bitmap fonts: hex, lower case.
        assert_eq!(filled(&[(0x50, "C50"), (0x72, "C72"), (0x2c, "C2c")]), "Pr,");
        // Decimal, and any prefix when the code is restated.
        assert_eq!(filled(&[(101, "C101"), (44, "C44"), (122, "C122")]), "e,z");
        assert_eq!(filled(&[(65, "g65"), (66, "g66")]), "AB");
        // Bare decimal numbers, with tab and line feed among them (PyMuPDF test_3186's Type3 font).
        assert_eq!(filled(&[(9, "9"), (10, "10"), (32, "32"), (65, "65"), (105, "105")]), "¤¤ Ai");
    }

    #[test]
    fn re_encoded_character_codes() {
        // Codes 1, 2, … carrying MSTT31 names: hex is the only radix that reads them all.
        assert_eq!(filled(&[(1, "G4B"), (2, "GA0"), (3, "G61"), (4, "GED"), (5, "G2E")]), "K aí.");
        // C + decimal: C122 is no one-byte code in hex.
        assert_eq!(filled(&[(33, "C85"), (34, "C110"), (35, "C122")]), "Unz");
    }

    #[test]
    fn numbers_that_are_not_character_codes_are_left_alone() {
        // Subset order from 1: control codes, so the numbers count glyphs.
        assert_eq!(filled(&[(1, "G1"), (2, "G2"), (33, "G33"), (48, "G48")]), "¤¤¤¤");
        assert_eq!(filled(&[(1, "1"), (2, "2"), (9, "9"), (33, "33")]), "¤¤¤¤");
        // Bare numbers away from their codes are never character codes.
        assert_eq!(filled(&[(1, "65"), (2, "66")]), "¤¤");
        // Readable in both radixes away from their codes: ambiguous.
        assert_eq!(filled(&[(1, "C65"), (2, "C66")]), "¤¤");
        // Glyph ids (lower-case prefixes are never taken as character codes).
        assert_eq!(filled(&[(65, "g36"), (66, "g137")]), "¤¤");
        // One restated name does not make another's number a code in the same radix.
        assert_eq!(filled(&[(0x41, "G41"), (0x42, "G1")]), "¤¤");
        // Two naming schemes mixed.
        assert_eq!(filled(&[(65, "C65"), (66, "G66")]), "¤¤");
        assert_eq!(filled(&[(65, "Ga65"), (66, "Gb66")]), "¤¤");
        // Names that are not numbered say nothing either way.
        assert_eq!(filled(&[(97, "rect"), (98, "triangle")]), "¤¤");
        assert_eq!(filled(&[(97, "rect"), (0x43, "C43")]), "¤C");
    }

    #[test]
    fn mapped_codes_are_kept() {
        let mut table = empty_table();
        table[65] = GlyphText::Char('Å');
        fill_numbered_codes(&mut table, &[(65, b"G41".as_slice()), (66, b"G42".as_slice())]);
        assert_eq!(table[65], GlyphText::Char('Å'));
        assert_eq!(table[66], GlyphText::Char('B'));
    }
}
