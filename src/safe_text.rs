//! Text from a PDF made safe for where it is written. Anything extracted from a document is
//! untrusted: here, a CSV cell that a spreadsheet would run as a formula.

use std::borrow::Cow;

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
}
