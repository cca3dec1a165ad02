//! Untrusted text made safe for where it is written: anything extracted from a document, file
//! names, dictionary labels and terms. A CSV cell a spreadsheet would run as a formula, a
//! terminal line (escape sequences, line breaks that fake lines), a Markdown table cell. One
//! place for every writer, so none forgets it.

use std::borrow::Cow;
use std::fmt::Write;

/// True when a spreadsheet would take the cell for a formula: it starts with `=`, `+`, `-`, `@`,
/// or a tab or carriage return that Excel skips before looking for one.
pub fn csv_cell_needs_neutralising(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The cell as written into any CSV meant for a spreadsheet: text that would run as a formula
/// gets a leading `'`, which Excel and LibreOffice show as text and never evaluate.
pub fn neutralise_csv_cell(cell: &str) -> Cow<'_, str> {
    if csv_cell_needs_neutralising(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Text for one terminal line: control characters (escape sequences that retitle the window or
/// clear the screen, newlines that fake further lines, bidirectional overrides that reorder what
/// is shown) are written as visible `\u{…}` escapes; everything else is kept.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_on_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_on_terminal(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn is_unsafe_on_terminal(c: char) -> bool {
    // C0 and C1 controls and DEL, and the bidirectional embedding/override/isolate controls.
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text for a Markdown table cell: characters that start emphasis, code, links, images, HTML,
/// entities or table columns are backslash-escaped and line breaks become spaces, so a label or
/// term shows as itself. (Parentheses, `#`, `-`, `+` mean nothing inside a table cell.)
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starters_are_neutralised_and_other_text_is_not() {
        for cell in ["=1+1", "+45 1234", "-AI", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(neutralise_csv_cell(cell), format!("'{cell}"));
        }
        for cell in ["AI", "Kunstig intelligens", "", "1-2", "'quoted"] {
            assert_eq!(neutralise_csv_cell(cell), cell);
        }
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(terminal("a\u{1b}]0;title\u{7}b"), "a\\u{1b}]0;title\\u{7}b");
        assert_eq!(terminal("x.pdf\n1 indexed"), "x.pdf\\u{a}1 indexed");
        assert_eq!(terminal("fil\u{202e}fdp.exe"), "fil\\u{202e}fdp.exe");
        assert_eq!(terminal("Budgetaftale 2025 - Tønder.pdf"), "Budgetaftale 2025 - Tønder.pdf");
    }

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(markdown("[x](http://e) | <b>"), "\\[x\\](http://e) \\| \\<b\\>");
        assert_eq!(markdown("Kunstig intelligens (AI)"), "Kunstig intelligens (AI)");
        assert_eq!(markdown("AI\nnew"), "AI new");
    }
}
