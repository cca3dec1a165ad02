//! Table rows whose cells wrap onto several lines.
//!
//! In a table, a row's first line has (nearly) all the columns; the lines after it that fill
//! only some columns are the wrapped rest of those cells ("Investerings-" / "puljen 2025").
//! Each wrapped fragment is appended to the cell above it, so every row becomes one line of
//! cells — the order a reader (and the truth texts) use — instead of a row followed by
//! fragments.
//!
//! Where cells have padding (LibreOffice, Word and most HTML tables do), the line spacing tells
//! rows apart best: lines inside a cell follow at the font's line pitch, the next row starts
//! after a larger gap — so a wrapped line that fills most columns ("Kløvermarksvej KFF …" /
//! "50 Idrætsanlæg ring") is still recognised. Without padding, the number of filled columns
//! decides.

use crate::lines::{Cell, Line, WordSpan, CELL_BREAKS, CELL_LINE_BREAK, CELL_WORD_BREAK};

/// A line with more than this share of the table's columns starts a new row; fewer means it
/// holds wrapped cell text.
const ROW_START_SHARE: f32 = 0.6;
/// Lines further apart than this (× font size) are not in the same table.
const MAX_ROW_GAP_EM: f32 = 1.8;
/// A one-cell line continues a table only if narrower than this share of the table (a
/// paragraph line after the table is wider).
const CONTINUATION_WIDTH_SHARE: f32 = 0.5;
/// Rows are padded when some line gap in the table exceeds the tightest by this much (× font
/// size): 0.2 em is 2 pt at 10 pt, above rounding jitter and below LibreOffice's default
/// padding (two × 0.1 cm ≈ 5.7 pt).
const ROW_PADDING_EM: f32 = 0.2;
/// In a padded table, a line at most this much (× font size) further below the previous one
/// than the tightest gap is a wrapped line of the same row.
const WRAP_PITCH_SLACK_EM: f32 = 0.1;
/// A wrapped line drawn across two narrow columns is split between them only at a gap at least
/// this wide (× font size): wider than a space (0.25 em), as a cell's padding on both sides is.
const MIN_CELL_SPLIT_GAP_EM: f32 = 0.4;
/// ... and at least this many times the widest gap between words that stay together.
const SPLIT_GAP_FACTOR: f32 = 1.5;
/// Fewest gaps of a line spread by justification on their own evidence; a line of two words far
/// apart also needs the next line's first word not to fit into the gap (see [`join_spread_line`]).
const MIN_SPREAD_GAPS: usize = 2;
/// The gaps of a justified line differ by at most this much (× font size): justification
/// stretches every word space of a line alike, while a table's cell gaps depend on each cell's
/// text width.
const SPREAD_GAP_TOLERANCE_EM: f32 = 0.1;
/// A word space (× font size) at its narrowest in text fonts, for whether a word would have fit.
const WORD_SPACE_EM: f32 = 0.25;
/// A cell start shared by at least this many lines of a table is one of its column starts.
const MIN_ALIGNED_LINES: usize = 3;
/// Cell starts this close (× font size) are one column's.
const ALIGN_TOLERANCE_EM: f32 = 0.1;
/// Fewest column starts for cells to be cut at them: two or three shared starts are as often
/// text columns read as one flow (three-column pages), whose lines are no cells.
const MIN_ALIGNED_COLUMNS: usize = 4;
/// Cells starting this close (× font size) are one column's, for how far its text reaches.
const COLUMN_START_EM: f32 = 0.5;
/// A word broken at a cell's edge ends at most this far (× font size, about a wide glyph)
/// short of the column's widest line.
const BROKEN_WORD_FILL_EM: f32 = 0.8;

/// Merges wrapped table cells into their rows; other lines pass through unchanged.
///
/// A line of running text that justification spread so wide that every word gap looks like a
/// cell gap (a narrow column without hyphenation) is made one cell first: it is no table row,
/// and the short line below it is the paragraph's end, not a wrapped cell.
pub(crate) fn merge_wrapped_rows(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    let next_words: Vec<Option<f32>> = lines.iter().skip(1).map(first_word_width).chain([None]).collect();
    let mut rest = lines.into_iter().zip(next_words).map(|(line, next)| join_spread_line(line, next)).peekable();
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

/// `line` as one cell if it is running text spread by justification: every cell one word, most
/// of them with letters, and all gaps between them alike. A table row's gaps vary with its
/// cells' widths, and rows of numbers are left alone. Two words with one gap between them are
/// running text only if the next line's first word (`next_word`, its width) and a space would
/// not fit into the gap beside the space already there: a line breaker would have put it there,
/// while a table cell wraps however wide the gap.
fn join_spread_line(mut line: Line, next_word: Option<f32>) -> Line {
    let gaps: Vec<f32> = line.cells.windows(2).map(|w| if let [a, b] = w { b.x0 - a.x1 } else { 0.0 }).collect();
    let widest = gaps.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let narrowest = gaps.iter().copied().fold(f32::INFINITY, f32::min);
    let one_word = |c: &Cell| !c.text.trim().contains(char::is_whitespace) && !c.text.contains(CELL_LINE_BREAK);
    let lettered = line.cells.iter().filter(|c| c.text.chars().any(char::is_alphabetic)).count();
    let words = line.cells.iter().all(one_word) && 2 * lettered > line.cells.len();
    let evidence = gaps.len() >= MIN_SPREAD_GAPS
        || (gaps.len() == 1 && next_word.is_some_and(|w| w + 2.0 * WORD_SPACE_EM * line.size > widest));
    if !evidence || !words || widest - narrowest > SPREAD_GAP_TOLERANCE_EM * line.size {
        return line;
    }
    let mut cells = std::mem::take(&mut line.cells).into_iter();
    let Some(mut joined) = cells.next() else { return line };
    for cell in cells {
        join_cell(&mut joined, cell);
    }
    line.cells = vec![joined];
    line.update_text();
    line
}

/// Appends `cell`, the next one on the line, to `joined`, a space between them.
fn join_cell(joined: &mut Cell, cell: Cell) {
    let offset = joined.text.len() + 1;
    joined.text.push(' ');
    joined.text.push_str(&cell.text);
    joined.words.extend(cell.words.into_iter().map(|w| WordSpan { start: w.start + offset, ..w }));
    joined.x1 = joined.x1.max(cell.x1);
    joined.tag = joined.tag.filter(|t| cell.tag == Some(*t));
}

/// Width of the first word of `line`, where its words are known.
fn first_word_width(line: &Line) -> Option<f32> {
    line.cells.first().and_then(|c| c.words.first()).map(|w| w.x1 - w.x0)
}

/// Turns the lines of one table into rows.
fn merge_region(region: Vec<Line>, out: &mut Vec<Line>) {
    let (region, starts) = align_to_columns(region);
    let columns = region.iter().map(|l| starts.width(l)).max().unwrap_or(0);
    let wrap_gap = padded_wrap_gap(&region);
    // Only LibreOffice breaks words at a cell's edge, and it pads its cells.
    let reach = wrap_gap.is_some().then(|| ColumnReach::new(&region));
    let mut row: Option<Line> = None;
    let mut ends: Vec<CellEnd> = Vec::new();
    let mut previous_y: Option<f32> = None;
    let mut previous_columns: Vec<usize> = Vec::new();
    for line in region {
        let width = starts.width(&line);
        let continues = match (wrap_gap, previous_y) {
            // A line at the wrap pitch continues the row if it leaves a column empty, reads
            // on mid-sentence in every cell ("Økonomi-" / "forvaltningen"), or goes on with a
            // word a narrow cell broke ("BU" / "F": the line "20 F en …" fills every column).
            (Some(limit), Some(y)) => {
                y - line.y <= limit * line.size
                    && (width < columns
                        || all_cells_continue(&line)
                        || row
                            .as_ref()
                            .zip(reach.as_ref())
                            .is_some_and(|(row, reach)| goes_on_broken_word(row, &ends, reach, &line)))
            }
            // Without padding, a line with few cells continues the row; so does one of aligned
            // cells that only goes on in columns whose text can wrap on the line above.
            _ => {
                width as f32 <= ROW_START_SHARE * columns as f32
                    || (width < columns
                        && starts.all_at_starts(&line)
                        && starts.occupied(&line).iter().all(|c| previous_columns.contains(c)))
            }
        };
        previous_columns = starts.wrapping(&line);
        previous_y = Some(line.y);
        match row.as_mut() {
            Some(current) if continues => {
                for cell in line.cells {
                    append_to_column(current, &mut ends, reach.as_ref(), cell);
                }
            }
            _ => {
                ends = line.cells.iter().map(CellEnd::of).collect();
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

/// The last line of a row's cell so far: where it starts and ends, and its text.
struct CellEnd {
    x0: f32,
    x1: f32,
    text: String,
}

impl CellEnd {
    fn of(cell: &Cell) -> Self {
        CellEnd {
            x0: cell.x0,
            x1: cell.x1,
            text: cell.text.rsplit(CELL_BREAKS).next().unwrap_or("").trim().to_string(),
        }
    }
}

/// How far the text of each column of a table reaches: the right end of its widest line.
struct ColumnReach(Vec<(f32, f32, f32)>);

impl ColumnReach {
    fn new(region: &[Line]) -> Self {
        ColumnReach(region.iter().flat_map(|l| l.cells.iter().map(|c| (c.x0, c.x1, l.size))).collect())
    }

    /// The right end of the widest line of the cells starting where `cell` does.
    fn of(&self, cell: &Cell) -> f32 {
        self.0
            .iter()
            .filter(|(x0, _, size)| (x0 - cell.x0).abs() <= COLUMN_START_EM * size)
            .map(|(_, x1, _)| *x1)
            .fold(cell.x1, f32::max)
    }
}

/// Whether `next`, the next line of a cell whose last line is `end`, goes on with the word
/// `end` broke off: LibreOffice breaks a word too long for its cell without a hyphen ("BU" /
/// "F", "Amagerfælle" / "dvej 51"). Such a line is one word that reaches as far as any line
/// of the column (`reach`, within a glyph), and the next one reads on inside the word: lower
/// case, closing punctuation, or fewer capitals after capitals. Numbers are left alone: a
/// column of them, one a row, looks the same.
fn breaks_word(end: &CellEnd, reach: f32, next: &Cell, size: f32) -> bool {
    let next_x0 = next.x0;
    let next = next.text.trim();
    let (Some(last), Some(first)) = (end.text.chars().last(), next.chars().next()) else { return false };
    let next_word = next.split(' ').next().unwrap_or("");
    let capitals = |w: &str| w.chars().all(char::is_uppercase);
    // Capitals go on only with fewer of them ("BU" / "F"): "BUF" over "KFF" are two codes.
    let reads_on = (last.is_alphabetic() && (first.is_lowercase() || matches!(first, ',' | '.' | ';' | ':' | ')')))
        || (capitals(&end.text) && capitals(next_word) && next_word.chars().count() < end.text.chars().count());
    // Both lines start at the cell's left edge: in a centred header cell a short word above a
    // long one is no broken word.
    let aligned = (next_x0 - end.x0).abs() <= COLUMN_START_EM * size;
    reads_on && aligned && !end.text.contains(' ') && end.x1 >= reach - BROKEN_WORD_FILL_EM * size
}

/// The lines of one table with their cells cut at the table's column starts, where cells of
/// many lines start at the same places: a word at a column start begins a cell, however narrow
/// the gap before it, and the pieces of one column make one cell.
///
/// pdfTeX sets narrow tables with cells closer than the layout's cell gap ("Artillerivej 75
/// BUF" is two cells half an em apart), while justification spreads the words of a narrow cell
/// wider ("Nye ventila-"); the column starts that the table's rows share tell the two apart.
/// A number stays a cell of its own: numbers in right-aligned columns start anywhere.
fn align_to_columns(region: Vec<Line>) -> (Vec<Line>, ColumnStarts) {
    let starts = ColumnStarts(column_starts(&region));
    if starts.0.len() < MIN_ALIGNED_COLUMNS {
        return (region, ColumnStarts(Vec::new()));
    }
    let region = region
        .into_iter()
        .map(|mut line| {
            let tolerance = ALIGN_TOLERANCE_EM * line.size;
            let cells =
                std::mem::take(&mut line.cells).into_iter().flat_map(|c| cut_at_starts(c, &starts.0, tolerance));
            let mut aligned: Vec<Cell> = Vec::new();
            for cell in cells {
                match aligned.last_mut() {
                    Some(prev)
                        if !is_number(&cell.text)
                            && !is_number(&prev.text)
                            && cell.tag.is_none()
                            && starts.column(prev.x0, tolerance) == starts.column(cell.x0, tolerance) =>
                    {
                        join_cell(prev, cell)
                    }
                    _ => aligned.push(cell),
                }
            }
            line.cells = aligned;
            line.update_text();
            line
        })
        .collect();
    (region, starts)
}

/// A table's column starts, left to right (none where the table shows too few).
struct ColumnStarts(Vec<f32>);

impl ColumnStarts {
    /// The column `x` lies in: how many starts are at or left of it.
    fn column(&self, x: f32, tolerance: f32) -> usize {
        self.0.iter().filter(|s| **s <= x + tolerance).count()
    }

    /// The columns the cells of `line` lie in.
    fn occupied(&self, line: &Line) -> Vec<usize> {
        line.cells.iter().map(|c| self.column(c.x0, ALIGN_TOLERANCE_EM * line.size)).collect()
    }

    /// The columns of `line`'s cells whose text can wrap onto the next line: words, not a number.
    fn wrapping(&self, line: &Line) -> Vec<usize> {
        let tolerance = ALIGN_TOLERANCE_EM * line.size;
        line.cells
            .iter()
            .filter(|c| c.text.chars().any(char::is_alphabetic))
            .map(|c| self.column(c.x0, tolerance))
            .collect()
    }

    /// How many columns `line` fills: its cells where no starts are known, else the distinct
    /// columns its cells lie in (a number cell beside a word of the same column counts once).
    fn width(&self, line: &Line) -> usize {
        if self.0.is_empty() {
            return line.cells.len();
        }
        let mut columns = self.occupied(line);
        columns.dedup();
        columns.len()
    }

    /// Whether every cell of `line` starts at a column start and ends before the next one
    /// (left-aligned text cells inside their columns; numbers in right-aligned columns, or a
    /// row of them run together into one cell, are not).
    fn all_at_starts(&self, line: &Line) -> bool {
        let tolerance = ALIGN_TOLERANCE_EM * line.size;
        let inside = |c: &Cell| {
            let column = self.column(c.x0, tolerance);
            let at_start =
                column.checked_sub(1).and_then(|i| self.0.get(i)).is_some_and(|s| (s - c.x0).abs() <= tolerance);
            at_start && self.0.get(column).is_none_or(|next| c.x1 <= next + tolerance)
        };
        !self.0.is_empty() && line.cells.iter().all(inside)
    }
}

/// Whether `text` starts as a number does ("-475", "8.9", "1.000 kr."): such a cell of a
/// right-aligned or centred column starts anywhere, so it is a cell of its own.
fn is_number(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('-' | '\u{2212}' | '+') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Whether `text` is words: its first letter or digit is a letter ("(i Kvantum)", not "-/-").
fn is_text(text: &str) -> bool {
    text.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_alphabetic)
}

/// The x positions (left to right) where text cells of at least [`MIN_ALIGNED_LINES`] lines of
/// `region` start, within [`ALIGN_TOLERANCE_EM`].
fn column_starts(region: &[Line]) -> Vec<f32> {
    // Numbers of one width and dashes for none line up in right-aligned or centred columns
    // too: only text counts.
    let mut xs: Vec<(f32, usize, f32)> = region
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            l.cells.iter().filter(|c| is_text(&c.text)).map(move |c| (c.x0, i, ALIGN_TOLERANCE_EM * l.size))
        })
        .collect();
    xs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut starts = Vec::new();
    let mut group: Vec<(f32, usize, f32)> = Vec::new();
    for x in xs.into_iter().chain([(f32::INFINITY, usize::MAX, 0.0)]) {
        if group.first().is_some_and(|first| x.0 - first.0 > first.2) {
            let mut lines: Vec<usize> = group.iter().map(|g| g.1).collect();
            lines.sort_unstable();
            lines.dedup();
            if lines.len() >= MIN_ALIGNED_LINES {
                starts.extend(group.first().map(|g| g.0));
            }
            group.clear();
        }
        group.push(x);
    }
    starts
}

/// `cell` cut before each of its words (but the first) that starts at one of `starts`. Tagged
/// cells and cells holding wrapped lines are left whole.
fn cut_at_starts(cell: Cell, starts: &[f32], tolerance: f32) -> Vec<Cell> {
    let at_start = |x: f32| starts.iter().any(|s| (s - x).abs() <= tolerance);
    let cuts: Vec<usize> =
        cell.words.iter().enumerate().skip(1).filter(|(_, w)| at_start(w.x0)).map(|(i, _)| i).collect();
    if cuts.is_empty() || cell.tag.is_some() || cell.text.contains(CELL_LINE_BREAK) {
        return vec![cell];
    }
    let mut pieces = Vec::new();
    let bounds: Vec<usize> = [0].into_iter().chain(cuts).chain([cell.words.len()]).collect();
    for pair in bounds.windows(2) {
        let [from, to] = pair else { return vec![cell] };
        let (Some(words), Some(first)) = (cell.words.get(*from..*to), cell.words.get(*from)) else { return vec![cell] };
        let start = if *from == 0 { 0 } else { first.start };
        let end = cell.words.get(*to).map_or(cell.text.len(), |w| w.start);
        let Some(text) = cell.text.get(start..end) else { return vec![cell] };
        let x0 = if *from == 0 { cell.x0 } else { first.x0 };
        let x1 = if *to == cell.words.len() { cell.x1 } else { words.last().map_or(x0, |w| w.x1) };
        let words = words.iter().map(|w| WordSpan { start: w.start.saturating_sub(start), ..*w }).collect();
        pieces.push(Cell { x0, x1, text: text.trim_end().to_string(), words, tag: None });
    }
    pieces
}

/// In a table with padded rows, the largest gap (× font size) between a line and the next
/// line of the same row; `None` if the rows are not padded.
fn padded_wrap_gap(region: &[Line]) -> Option<f32> {
    let gaps: Vec<f32> = region
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some((a.y - b.y) / a.size.max(b.size).max(0.1)),
            _ => None,
        })
        .collect();
    let tightest = gaps.iter().copied().filter(|g| *g > 0.0).fold(f32::INFINITY, f32::min);
    let widest = gaps.iter().copied().fold(0.0f32, f32::max);
    (tightest.is_finite() && widest > tightest + ROW_PADDING_EM).then_some(tightest + WRAP_PITCH_SLACK_EM)
}

/// Whether every cell of `line` starts in lower case, as wrapped cell text does.
fn all_cells_continue(line: &Line) -> bool {
    line.cells.iter().all(|c| c.text.trim_start().chars().next().is_some_and(char::is_lowercase))
}

/// Whether some cell of `line` goes on with a word that the cell of `row` above it broke at
/// its edge (see [`breaks_word`]).
fn goes_on_broken_word(row: &Line, ends: &[CellEnd], reach: &ColumnReach, line: &Line) -> bool {
    line.cells.iter().any(|cell| {
        let Some(i) = nearest_cell(&row.cells, cell.x0, cell.x1) else { return false };
        let (Some(target), Some(end)) = (row.cells.get(i), ends.get(i)) else { return false };
        breaks_word(end, reach.of(target), cell, row.size)
    })
}

/// Appends a wrapped fragment to the row cell it sits under (most overlap, else nearest). A
/// fragment whose words sit under different cells is split between them: narrow columns with
/// little padding leave less than a word gap between two cells' wrapped lines ("2025 (mio."
/// and "2026 (mio." under "Budget" and "Budget"), so they come as one stretch of text.
fn append_to_column(row: &mut Line, ends: &mut [CellEnd], reach: Option<&ColumnReach>, cell: Cell) {
    if split_between_columns(row, &cell) {
        // Where each piece ended is not kept: no word is rejoined across these.
        ends.iter_mut().for_each(|e| e.text.clear());
        return;
    }
    let Some(i) = nearest_cell(&row.cells, cell.x0, cell.x1) else { return };
    let (Some(target), Some(end)) = (row.cells.get_mut(i), ends.get_mut(i)) else { return };
    let broken = reach.is_some_and(|reach| breaks_word(end, reach.of(target), &cell, row.size));
    target.text.push(if broken { CELL_WORD_BREAK } else { CELL_LINE_BREAK });
    target.text.push_str(cell.text.trim());
    *end = CellEnd::of(&cell);
}

/// Appends each word of `cell` to the row cell it sits under, if they are not all under the same
/// one; false, changing nothing, otherwise. Split only where the words cross from one column
/// into the next (ending before the next cell's text starts, resuming after the previous
/// cell's text ends) over a gap wider than any other between the words: a line of running text
/// or formula pieces that merely lies under a row of cells stays whole.
fn split_between_columns(row: &mut Line, cell: &Cell) -> bool {
    let targets: Vec<usize> = cell.words.iter().filter_map(|w| nearest_cell(&row.cells, w.x0, w.x1)).collect();
    if targets.len() != cell.words.len() || targets.windows(2).all(|p| matches!(p, [a, b] if a == b)) {
        return false;
    }
    let gaps: Vec<(f32, bool)> = cell
        .words
        .windows(2)
        .zip(targets.windows(2))
        .map(|(w, t)| match (w, t) {
            ([left, right], [a, b]) => {
                let crossing = a < b
                    && row.cells.get(*b).is_some_and(|next| left.x1 < next.x0)
                    && row.cells.get(*a).is_some_and(|prev| right.x0 > prev.x1);
                (right.x0 - left.x1, crossing || a == b)
            }
            _ => (0.0, false),
        })
        .collect();
    let widest_word_gap = cell
        .words
        .windows(2)
        .zip(targets.windows(2))
        .filter(|(_, t)| matches!(t, [a, b] if a == b))
        .map(|(w, _)| match w {
            [left, right] => right.x0 - left.x1,
            _ => 0.0,
        })
        .fold(0.0f32, f32::max);
    let clear = |gap: f32| gap >= MIN_CELL_SPLIT_GAP_EM * row.size && gap > SPLIT_GAP_FACTOR * widest_word_gap;
    let splits_cleanly = gaps
        .iter()
        .zip(targets.windows(2))
        .all(|((gap, allowed), t)| *allowed && (matches!(t, [a, b] if a == b) || clear(*gap)));
    if !splits_cleanly {
        return false;
    }
    // Word i's text runs from its start to the next word's start.
    let mut bounds: Vec<usize> = cell.words.iter().map(|w| w.start).collect();
    if let Some(first) = bounds.first_mut() {
        *first = 0;
    }
    bounds.push(cell.text.len());
    let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
    for (i, &target) in targets.iter().enumerate() {
        let (Some(&from), Some(&to)) = (bounds.get(i), bounds.get(i + 1)) else { return false };
        match pieces.last_mut() {
            Some((last, _, end)) if *last == target => *end = to,
            _ => pieces.push((target, from, to)),
        }
    }
    let texts: Option<Vec<(usize, &str)>> =
        pieces.iter().map(|&(target, from, to)| cell.text.get(from..to).map(|t| (target, t))).collect();
    let Some(texts) = texts else { return false };
    for (target, text) in texts {
        if let Some(target) = row.cells.get_mut(target) {
            target.text.push(CELL_LINE_BREAK);
            target.text.push_str(text.trim());
        }
    }
    true
}

/// The index of the cell of `cells` that the stretch `x0..x1` sits under: most overlap, else
/// the nearest centre.
fn nearest_cell(cells: &[Cell], x0: f32, x1: f32) -> Option<usize> {
    let centre = (x0 + x1) / 2.0;
    let score = |c: &Cell| {
        let overlap = (c.x1.min(x1) - c.x0.max(x0)).max(0.0);
        // Overlap wins; without any, the smallest distance between centres.
        if overlap > 0.0 {
            overlap
        } else {
            -((c.x0 + c.x1) / 2.0 - centre).abs()
        }
    };
    cells.iter().enumerate().max_by(|a, b| score(a.1).total_cmp(&score(b.1))).map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[(&str, f32, f32)], y: f32) -> Line {
        let mut l = Line {
            text: String::new(),
            cells: cells
                .iter()
                .map(|(t, x0, x1)| Cell { x0: *x0, x1: *x1, text: t.to_string(), words: Vec::new(), tag: None })
                .collect(),
            x0: cells.first().map_or(0.0, |c| c.1),
            x1: cells.last().map_or(0.0, |c| c.2),
            y,
            size: 10.0,
            upright: true,
            marking: crate::glyphs::Marking::None,
            tag: Default::default(),
        };
        l.update_text();
        l
    }

    #[test]
    fn padded_rows_are_told_apart_by_line_spacing() {
        // LibreOffice's bilag table: wrapped lines follow at 9.7 pt, rows after 13.4 pt; the
        // wrapped line fills three of four columns.
        let lines = vec![
            line(
                &[
                    ("Kløvermarksvej", 64.0, 113.0),
                    ("KFF", 120.0, 135.0),
                    ("Kløvermarkens", 156.0, 210.0),
                    ("ECL + VVS-renove-", 222.0, 281.0),
                ],
                700.0,
            ),
            line(&[("50", 64.0, 72.0), ("Idrætsanlæg", 156.0, 197.0), ("ring", 222.0, 235.0)], 690.3),
            line(
                &[
                    ("Nøkkerosevej 23", 64.0, 120.0),
                    ("KFF", 120.5, 135.0),
                    ("Emdrupparkens", 156.0, 210.0),
                    ("Hulmursisolering", 222.0, 280.0),
                ],
                676.9,
            ),
            line(&[("Idrætsanlæg", 156.0, 197.0)], 667.2),
            line(
                &[
                    ("Njalsgade 13", 64.0, 110.0),
                    ("TMF", 120.0, 135.0),
                    ("Njalsgården", 156.0, 200.0),
                    ("Nye vinduer", 222.0, 270.0),
                ],
                653.8,
            ),
            line(
                &[("forvaltningen", 64.0, 110.0), ("KFF", 120.0, 135.0), ("ved", 156.0, 200.0), ("ning", 222.0, 270.0)],
                640.4,
            ),
        ];
        let texts: Vec<String> = merge_wrapped_rows(lines).into_iter().map(|l| l.text).collect();
        assert_eq!(
            texts,
            vec![
                "Kløvermarksvej\u{2028}50 KFF Kløvermarkens\u{2028}Idrætsanlæg ECL + VVS-renove-\u{2028}ring"
                    .to_string(),
                "Nøkkerosevej 23 KFF Emdrupparkens\u{2028}Idrætsanlæg Hulmursisolering".to_string(),
                "Njalsgade 13 TMF Njalsgården Nye vinduer".to_string(),
                // At the row gap, a full line starts a new row even when it reads on.
                "forvaltningen KFF ved ning".to_string(),
            ]
        );
    }

    /// A cell whose words are given as `(word, x0, x1)`, separated by single spaces.
    fn cell_of_words(words: &[(&str, f32, f32)]) -> Cell {
        let mut text = String::new();
        let mut spans = Vec::new();
        for (word, x0, x1) in words {
            if !text.is_empty() {
                text.push(' ');
            }
            spans.push(WordSpan { start: text.len(), x0: *x0, x1: *x1 });
            text.push_str(word);
        }
        let (x0, x1) = (words.first().map_or(0.0, |w| w.1), words.last().map_or(0.0, |w| w.2));
        Cell { x0, x1, text, words: spans, tag: None }
    }

    #[test]
    fn a_wrapped_line_across_two_narrow_columns_is_split_between_them() {
        // LibreOffice, 9 pt header cells 45 pt wide: "(mio." ends 5.5 pt before "2026" starts.
        let header = line(
            &[("Område", 58.2, 88.4), ("Budget", 151.8, 178.2), ("Budget", 197.1, 223.5), ("Ændring", 242.5, 273.6)],
            700.0,
        );
        let mut wrapped = line(&[], 689.0);
        wrapped.cells = vec![cell_of_words(&[
            ("2025", 151.8, 170.0),
            ("(mio.", 172.0, 191.6),
            ("2026", 197.1, 215.3),
            ("(mio.", 217.3, 236.9),
        ])];
        wrapped.x0 = 151.8;
        wrapped.x1 = 236.9;
        let last = line(&[("kr.)", 151.8, 163.7), ("kr.)", 197.1, 209.0)], 678.0);
        let row = line(&[("Digitaliseringspulje", 58.2, 127.2), ("4,2", 151.8, 163.1), ("5,0", 197.1, 208.4)], 664.0);
        let texts: Vec<String> =
            merge_wrapped_rows(vec![header, wrapped, last, row]).into_iter().map(|l| l.text).collect();
        assert_eq!(
            texts[0],
            "Område Budget\u{2028}2025 (mio.\u{2028}kr.) Budget\u{2028}2026 (mio.\u{2028}kr.) Ændring"
        );

        // Words under two cells at ordinary word spacing are one line of text: not split.
        let mut row = line(&[("a", 50.0, 60.0), ("b", 100.0, 110.0), ("c", 150.0, 160.0)], 500.0);
        let mut ends: Vec<CellEnd> = row.cells.iter().map(CellEnd::of).collect();
        let wrapped = cell_of_words(&[("und", 52.0, 70.0), ("in", 73.0, 80.0), ("der", 83.0, 95.0)]);
        append_to_column(&mut row, &mut ends, None, wrapped);
        assert_eq!(row.cells[0].text, "a\u{2028}und in der");
        assert_eq!(row.cells[1].text, "b");
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

    #[test]
    fn a_justified_line_is_no_row_but_equal_gaps_between_numbers_are() {
        // Three words 12 pt apart (1.2 em), then the paragraph's short last line: running text.
        let spread = vec![
            line(&[("Økonomiudvalget", 50.0, 110.0), ("i", 122.0, 125.0), ("forbindelse", 137.0, 185.0)], 500.0),
            line(&[("indkaldelsescirkulæret.", 50.0, 140.0)], 488.0),
        ];
        let texts: Vec<String> = merge_wrapped_rows(spread).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, vec!["Økonomiudvalget i forbindelse", "indkaldelsescirkulæret."]);
        // A table row whose number cells happen to stand equally apart keeps its wrapped cell.
        let row = vec![
            line(&[("Økonomi-", 50.0, 90.0), ("-7", 102.0, 110.0), ("-7", 122.0, 130.0)], 500.0),
            line(&[("udvalget", 50.0, 85.0)], 488.0),
        ];
        let texts: Vec<String> = merge_wrapped_rows(row).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, vec!["Økonomi-\u{2028}udvalget -7 -7"]);
    }
}
