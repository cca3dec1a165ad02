//! A page's text as layout leaves it: cells, lines and blocks in reading order. Their own module,
//! so that `table`, `furniture` and `cleanup` work on lines without depending on `layout`.

use crate::glyphs::Marking;

/// A stretch of a line set off by a wide gap: a table cell, or the whole line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    pub x0: f32,
    pub x1: f32,
    /// The cell's text; lines of a wrapped table cell are separated by [`CELL_LINE_BREAK`].
    pub text: String,
    /// The words of `text` as laid out on its line, left to right (empty where not known).
    /// Wrapped fragments merged in later are not listed.
    pub words: Vec<WordSpan>,
    /// The tagged table cell (`TD`, `TH`) its first glyph is in, if the tags say.
    pub tag: Option<u32>,
}

/// One word of a [`Cell`]: where it starts in the cell's text (a byte offset) and how far it
/// reaches across the page. Lets a wrapped table line that one run drew across two narrow
/// columns be split between them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WordSpan {
    pub start: usize,
    pub x0: f32,
    pub x1: f32,
}

/// Separates the lines of one wrapped table cell inside [`Cell::text`] (clean-up resolves
/// hyphens there like at line ends, then makes it a space).
pub(crate) const CELL_LINE_BREAK: char = '\u{2028}';

/// Separates two lines of a wrapped table cell where the line above may be the start of a word
/// too long for the cell, broken at its edge without a hyphen ("BU" / "F"); clean-up joins the
/// two without a space unless the line below starts with a word the document uses on its own.
pub(crate) const CELL_WORD_BREAK: char = '\u{2029}';

/// Both separators between the lines of a wrapped table cell.
pub(crate) const CELL_BREAKS: [char; 2] = [CELL_LINE_BREAK, CELL_WORD_BREAK];

/// One line of text with its position (upright frame of its writing direction).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// The cells' texts joined by single spaces.
    pub text: String,
    /// Left to right; at least one for a non-empty line.
    pub cells: Vec<Cell>,
    pub x0: f32,
    pub x1: f32,
    /// Baseline of the line's largest text.
    pub y: f32,
    /// Largest font size on the line.
    pub size: f32,
    /// False for text in a rotated direction (its position is not comparable across pages).
    pub upright: bool,
    /// What tagged-PDF marked content says of all its glyphs; `Marking::None` when they differ.
    pub marking: Marking,
    /// What the structure tree says all its glyphs are part of.
    pub tag: LineTag,
}

/// The structure elements all glyphs of a line are in (see `tag_lines`); `None` where they
/// differ or are untagged.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct LineTag {
    /// The block-level element (paragraph, heading, list item, cell).
    pub block: Option<u32>,
    /// That element is a heading.
    pub heading: bool,
    pub table: Option<u32>,
    pub row: Option<u32>,
    /// The earliest place in the tree's order of any of its glyphs (tagged or not, all glyphs).
    pub first: Option<u32>,
}

impl Line {
    /// Rebuilds [`Line::text`] from the cells.
    pub fn update_text(&mut self) {
        let texts: Vec<&str> = self.cells.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty()).collect();
        self.text = texts.join(" ");
    }
}

/// Lines that belong together (paragraph, heading, list item, table).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Block {
    pub lines: Vec<Line>,
}

/// A page's text in reading order.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageLayout {
    pub blocks: Vec<Block>,
    pub height: f32,
}
