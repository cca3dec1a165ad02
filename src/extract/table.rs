//! Table rows whose cells wrap onto several lines.
//!
//! In a table, a row's first line has (nearly) all the columns; the lines after it that fill
//! only some columns are the wrapped rest of those cells ("Investerings-" / "puljen 2025").
//! Each wrapped fragment is appended to the cell above it, so every row becomes one line of
//! cells — the order a reader (and the truth texts) use — instead of a row followed by
//! fragments.

use super::layout::{Cell, Line, CELL_LINE_BREAK};

/// A line with more than this share of the table's columns starts a new row; fewer means it
/// holds wrapped cell text.
const ROW_START_SHARE: f32 = 0.6;
/// Lines further apart than this (× font size) are not in the same table.
const MAX_ROW_GAP_EM: f32 = 1.8;
/// A one-cell line continues a table only if narrower than this share of the table (a
/// paragraph line after the table is wider).
const CONTINUATION_WIDTH_SHARE: f32 = 0.5;

/// Merges wrapped table cells into their rows; other lines pass through unchanged.
pub(crate) fn merge_wrapped_rows(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    let mut rest = lines.into_iter().peekable();
    while let Some(first) = rest.next() {
        if first.cells.len() < 2 {
            out.push(first);
            continue;
        }
        // Grow the table while lines stay close and either have cells or fit in a column.
        let (mut x0, mut x1) = (first.x0, first.x1);
        let mut region = vec![first];
        while let Some(next) = rest.peek() {
            let Some(prev) = region.last() else { break };
            let size = prev.size.max(next.size);
            let gap = prev.y - next.y;
            let narrow = next.x0 >= x0 - size
                && next.x1 <= x1 + size
                && next.x1 - next.x0 < CONTINUATION_WIDTH_SHARE * (x1 - x0);
            if !(0.0..=MAX_ROW_GAP_EM * size).contains(&gap) || !(next.cells.len() >= 2 || narrow) {
                break;
            }
            x0 = x0.min(next.x0);
            x1 = x1.max(next.x1);
            if let Some(line) = rest.next() {
                region.push(line);
            }
        }
        merge_region(region, &mut out);
    }
    out
}

/// Turns the lines of one table into rows.
fn merge_region(region: Vec<Line>, out: &mut Vec<Line>) {
    let columns = region.iter().map(|l| l.cells.len()).max().unwrap_or(0);
    let mut row: Option<Line> = None;
    for line in region {
        match row.as_mut() {
            Some(current) if line.cells.len() as f32 <= ROW_START_SHARE * columns as f32 => {
                for cell in line.cells {
                    append_to_column(current, cell);
                }
            }
            _ => {
                if let Some(mut done) = row.replace(line) {
                    done.update_text();
                    out.push(done);
                }
            }
        }
    }
    if let Some(mut done) = row {
        done.update_text();
        out.push(done);
    }
}

/// Appends a wrapped fragment to the row cell it sits under (most overlap, else nearest).
fn append_to_column(row: &mut Line, cell: Cell) {
    let centre = (cell.x0 + cell.x1) / 2.0;
    let score = |c: &Cell| {
        let overlap = (c.x1.min(cell.x1) - c.x0.max(cell.x0)).max(0.0);
        // Overlap wins; without any, the smallest distance between centres.
        if overlap > 0.0 { overlap } else { -((c.x0 + c.x1) / 2.0 - centre).abs() }
    };
    let target = row.cells.iter_mut().max_by(|a, b| score(a).total_cmp(&score(b)));
    if let Some(target) = target {
        target.text.push(CELL_LINE_BREAK);
        target.text.push_str(&cell.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[(&str, f32, f32)], y: f32) -> Line {
        let mut l = Line {
            text: String::new(),
            cells: cells.iter().map(|(t, x0, x1)| Cell { x0: *x0, x1: *x1, text: t.to_string() }).collect(),
            x0: cells.first().map_or(0.0, |c| c.1),
            x1: cells.last().map_or(0.0, |c| c.2),
            y,
            size: 10.0,
            upright: true,
        };
        l.update_text();
        l
    }

    #[test]
    fn wrapped_cells_join_their_row() {
        let lines = vec![
            line(&[("Investerings-", 50.0, 110.0), ("85.000", 150.0, 180.0), ("375.000", 250.0, 285.0)], 500.0),
            line(&[("puljen 2025", 50.0, 100.0)], 488.0),
            line(&[("Udmøntet i", 50.0, 100.0), ("81.631", 150.0, 180.0), ("138.461", 250.0, 285.0)], 476.0),
            line(&[("Et afsnit bagefter, der er bredt nok til ikke at høre til tabellen.", 50.0, 290.0)], 450.0),
        ];
        let texts: Vec<String> = merge_wrapped_rows(lines).into_iter().map(|l| l.text).collect();
        assert_eq!(
            texts,
            vec![
                "Investerings-\u{2028}puljen 2025 85.000 375.000".to_string(),
                "Udmøntet i 81.631 138.461".to_string(),
                "Et afsnit bagefter, der er bredt nok til ikke at høre til tabellen.".to_string(),
            ]
        );
    }
}
