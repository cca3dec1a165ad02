//! Untrusted text (file names, anything read from a PDF, dictionary labels and terms) made safe
//! for where it is written: a spreadsheet cell, a terminal, a Markdown table.
//!
//! One place for all writers of CSV, terminal lines and Markdown, so none forgets it.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters that make a spreadsheet cell a formula (Excel, LibreOffice, Google Sheets) when
/// they start it; a tab or carriage return at the start is treated the same by some.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell that a spreadsheet shows as text: a cell starting like a formula gets a leading
/// apostrophe (the OWASP advice; Excel hides it and shows the text). Numbers written by us are
/// not passed through this.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
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

/// Like [`terminal`], but keeps line breaks and tabs: for multi-line text we print as such
/// (the body of a page), where only escape sequences and the like are a danger.
pub fn terminal_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && c != '\t' && is_unsafe_on_terminal(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.split_inclusive('\n') {
        let (body, newline) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        for part in body.split_inclusive('\t') {
            let (part, tab) = part.strip_suffix('\t').map_or((part, ""), |p| (p, "\t"));
            out.push_str(&terminal(part));
            out.push_str(tab);
        }
        out.push_str(newline);
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
    fn formula_cells_are_neutralised_and_others_kept() {
        for bad in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_cell(bad), format!("'{bad}"));
        }
        assert_eq!(csv_cell("Kunstig intelligens (AI)"), "Kunstig intelligens (AI)");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(terminal("a\u{1b}]0;title\u{7}b"), "a\\u{1b}]0;title\\u{7}b");
        assert_eq!(terminal("x.pdf\n1 indexed"), "x.pdf\\u{a}1 indexed");
        assert_eq!(terminal("fil\u{202e}fdp.exe"), "fil\\u{202e}fdp.exe");
        assert_eq!(terminal("Budgetaftale 2025 - Tønder.pdf"), "Budgetaftale 2025 - Tønder.pdf");
        assert_eq!(terminal_lines("a\n\tb\u{1b}[2J\n"), "a\n\tb\\u{1b}[2J\n");
    }

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(markdown("[x](http://e) | <b>"), "\\[x\\](http://e) \\| \\<b\\>");
        assert_eq!(markdown("Kunstig intelligens (AI)"), "Kunstig intelligens (AI)");
        assert_eq!(markdown("AI\nnew"), "AI new");
    }
}
