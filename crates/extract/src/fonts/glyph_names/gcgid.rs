//! IBM GCGID glyph names (Graphic Character Global Identifiers, from IBM's Character Data
//! Representation Architecture): `LA010000` is "a", `LA020000` "A", `ND010000` "1".
//!
//! PDFs converted from AFP print streams name their glyphs this way and keep the EBCDIC codes
//! of the original (`0x81` is "a"), so neither the glyph list nor the code itself gives the
//! text; the name does. Covered: the Latin-1 repertoire of the EBCDIC Latin code pages (037,
//! 500, 1140–1148), which is what these documents use.
//!
//! A GCGID is two capital letters (the class: `L` + letter for letters, `ND` digits, `SP`,
//! `SM`, `SA`, `SC`, `SD` punctuation and symbols, `NF` fractions), two digits for the
//! character within the class and four digits for the variant (`0000` is the plain form).

use unicode_normalization::UnicodeNormalization;

/// Length of a GCGID.
const LEN: usize = 8;

/// Letters: `L<letter>` + these two digits for small / capital.
const SMALL: &str = "01";
const CAPITAL: &str = "02";

/// Accented letters: `L<base letter>` + an odd number for small, the next even for capital,
/// with the combining mark it stands for.
const ACCENTS: &[(u8, char)] = &[
    (11, '\u{301}'), // acute
    (13, '\u{300}'), // grave
    (15, '\u{302}'), // circumflex
    (17, '\u{308}'), // diaeresis
    (19, '\u{303}'), // tilde
    (27, '\u{30a}'), // ring (overcircle)
    (41, '\u{327}'), // cedilla
];

/// Everything else, by full GCGID.
const OTHERS: &[(&str, char)] = &[
    ("LA510000", 'æ'),
    ("LA520000", 'Æ'),
    ("LO610000", 'ø'),
    ("LO620000", 'Ø'),
    ("LS610000", 'ß'),
    ("LD630000", 'ð'),
    ("LD620000", 'Ð'),
    ("LT630000", 'þ'),
    ("LT640000", 'Þ'),
    ("ND100000", '0'),
    ("ND011000", '¹'),
    ("ND021000", '²'),
    ("ND031000", '³'),
    ("NF010000", '½'),
    ("NF040000", '¼'),
    ("NF050000", '¾'),
    ("SP010000", ' '),
    ("SP020000", '!'),
    ("SP030000", '¡'),
    ("SP040000", '"'),
    ("SP050000", '\''),
    ("SP060000", '('),
    ("SP070000", ')'),
    ("SP080000", ','),
    ("SP090000", '_'),
    ("SP100000", '-'),
    ("SP110000", '.'),
    ("SP120000", '/'),
    ("SP130000", ':'),
    ("SP140000", ';'),
    ("SP150000", '?'),
    ("SP160000", '¿'),
    ("SP170000", '«'),
    ("SP180000", '»'),
    ("SP300000", '\u{a0}'),
    ("SP320000", '\u{ad}'),
    ("SM010000", '#'),
    ("SM020000", '%'),
    ("SM030000", '&'),
    ("SM040000", '*'),
    ("SM050000", '@'),
    ("SM060000", '['),
    ("SM070000", '\\'),
    ("SM080000", ']'),
    ("SM110000", '{'),
    ("SM130000", '|'),
    ("SM140000", '}'),
    ("SM150000", '¯'),
    ("SM170000", 'µ'),
    ("SM190000", '°'),
    ("SM200000", 'º'),
    ("SM210000", 'ª'),
    ("SM240000", '§'),
    ("SM250000", '¶'),
    ("SM520000", '©'),
    ("SM530000", '®'),
    ("SM650000", '¦'),
    ("SM660000", '¬'),
    ("SA010000", '+'),
    ("SA020000", '±'),
    ("SA030000", '<'),
    ("SA040000", '='),
    ("SA050000", '>'),
    ("SA060000", '÷'),
    ("SA070000", '×'),
    ("SC020000", '£'),
    ("SC030000", '$'),
    ("SC040000", '¢'),
    ("SC050000", '¥'),
    ("SC200000", '€'),
    ("SD110000", '´'),
    ("SD130000", '`'),
    ("SD150000", '^'),
    ("SD170000", '¨'),
    ("SD190000", '~'),
    ("SD410000", '¸'),
    ("SD630000", '·'),
];

/// The character a GCGID names, `None` for other names and GCGIDs outside the Latin-1 set.
pub(super) fn lookup(name: &str) -> Option<char> {
    let bytes = name.as_bytes();
    let (class, digits) = (bytes.get(..2).unwrap_or_default(), bytes.get(2..).unwrap_or_default());
    if bytes.len() != LEN || !class.iter().all(u8::is_ascii_uppercase) || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if let Some((_, c)) = OTHERS.iter().find(|(n, _)| *n == name) {
        return Some(*c);
    }
    let (class, number, variant) = (name.get(..2)?, name.get(2..4)?, name.get(4..)?);
    if variant != "0000" {
        return None;
    }
    if class == "ND" {
        // ND01–ND09 are the digits 1–9 (zero is ND10, listed above).
        let digit = number.parse::<u32>().ok().filter(|d| (1..=9).contains(d))?;
        return char::from_digit(digit, 10);
    }
    letter(class.strip_prefix('L')?, number)
}

/// `L<base><number>`: a plain or accented Latin letter.
fn letter(base: &str, number: &str) -> Option<char> {
    let base = base.chars().next()?;
    match number {
        SMALL => return Some(base.to_ascii_lowercase()),
        CAPITAL => return Some(base),
        _ => {}
    }
    let number = number.parse::<u8>().ok()?;
    let (small, capital) = (number % 2 == 1, number % 2 == 0);
    let odd = if small { number } else { number.checked_sub(1)? };
    let (_, mark) = ACCENTS.iter().find(|(n, _)| *n == odd)?;
    let base = if capital { base } else { base.to_ascii_lowercase() };
    // Only accented letters Unicode has precomposed (and so real EBCDIC code pages carry).
    let mut composed = [base, *mark].into_iter().nfc();
    match (composed.next(), composed.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_digits_and_punctuation() {
        let read = |names: &[&str]| names.iter().map(|n| lookup(n).unwrap_or('¤')).collect::<String>();
        assert_eq!(read(&["LW010000", "LW010000", "LW010000", "SP110000"]), "www.");
        assert_eq!(
            read(&[
                "LK020000", "LO610000", "LB010000", "LE010000", "LN010000", "LH010000", "LA010000", "LV010000",
                "LN010000"
            ]),
            "København"
        );
        assert_eq!(read(&["ND020000", "ND100000", "ND020000", "ND060000", "SP010000", "SC030000"]), "2026 $");
        assert_eq!(read(&["LA270000", "LA280000", "LE110000", "LU180000", "LC420000", "LA520000"]), "åÅéÜÇÆ");
    }

    #[test]
    fn other_names_are_not_gcgids() {
        for name in
            ["LA01000", "la010000", "LA01000X", "LA030000", "ND000000", "ND110000", "LQ110000", "SP990000", "aring"]
        {
            assert_eq!(lookup(name), None, "{name}");
        }
        // Variants other than the plain form are left alone unless listed.
        assert_eq!(lookup("LA010001"), None);
    }
}
