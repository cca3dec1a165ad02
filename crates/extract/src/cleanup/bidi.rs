//! Right-to-left lines (Hebrew, Arabic) from visual to logical order.
//!
//! Layout reads every line left to right by glyph position, which is the *visual* order. For a
//! Hebrew or Arabic line that is the reverse of the order the words are written and searched
//! in. Running the Unicode bidirectional algorithm over the visual string reverses the
//! right-to-left runs and leaves numbers and Latin words inside them readable, which turns the
//! visual order of ordinary lines back into the logical one (the same approach as pdf.js).

use unicode_bidi::ParagraphBidiInfo;

/// True when `c` is a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, NKo,
/// Samaritan, Mandaic, and their presentation forms): the cheap test that lets the vast
/// majority of lines skip the bidi algorithm.
fn is_rtl_letter(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// `line` (one visual line, no line breaks) in logical order. Lines without right-to-left
/// letters are returned as they are.
pub(crate) fn to_logical(line: &str) -> String {
    if !line.chars().any(is_rtl_letter) {
        return line.to_string();
    }
    let info = ParagraphBidiInfo::new(line, None);
    info.reorder_line(0..line.len()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_lines_are_untouched() {
        assert_eq!(to_logical("Budget 2025 (bilag 3)"), "Budget 2025 (bilag 3)");
    }

    #[test]
    fn a_hebrew_line_read_left_to_right_is_reversed_into_writing_order() {
        // pdf.js issue14046: two words, visual order as laid out on the page.
        assert_eq!(to_logical("םבמבידיבוה בלבלכ"), "כלבלב הובידיבמבם");
    }

    #[test]
    fn numbers_inside_a_right_to_left_line_keep_their_digit_order() {
        // Visual: the number sits left of the Hebrew word it follows in writing order.
        assert_eq!(to_logical("2025 םולש"), "שלום 2025");
    }
}
