//! What the structure tree of a tagged PDF tells layout (see `structure`): table cells that
//! geometry would run together are split, a table row's wrapped lines go into their cells,
//! rows of one table stay one block, and a heading is a block of its own. Untagged pages and
//! untagged glyphs are laid out by geometry alone, as before.

use crate::glyphs::{Glyph, NO_MCID};
use crate::lines::{Line, LineTag, CELL_LINE_BREAK};
use crate::tagged::structure::{PageTags, Tagged};
use crate::tagged::tag_order::RunTag;

/// The page's structure-tree tags as layout looks them up.
#[derive(Clone, Copy, Default)]
pub(crate) struct Tagging<'a> {
    tags: Option<&'a PageTags>,
}

impl<'a> Tagging<'a> {
    pub fn new(tags: Option<&'a PageTags>) -> Self {
        // A tree that refers to one MCID twice contradicts itself: no structure from it.
        Tagging { tags: tags.filter(|t| !t.duplicates) }
    }

    fn of(&self, g: &Glyph) -> Option<&'a Tagged> {
        if g.mcid == NO_MCID {
            return None;
        }
        self.tags?.content.get(&g.mcid)
    }

    /// The table cell `g` is in, if the tags say.
    pub fn cell(&self, g: &Glyph) -> Option<u32> {
        self.of(g)?.cell
    }

    /// Whether the tags put `a` and `b` in two different table cells: a cell boundary, however
    /// narrow the gap between them.
    pub fn splits(&self, a: &Glyph, b: &Glyph) -> bool {
        matches!((self.cell(a), self.cell(b)), (Some(x), Some(y)) if x != y)
    }

    /// Whether the page has tags to use.
    pub fn is_active(&self) -> bool {
        self.tags.is_some()
    }

    /// The element `g` is read with: its table if it is in one (a table is laid out whole),
    /// else its block; tables and blocks are numbered apart.
    fn group(&self, g: &Glyph) -> Option<u64> {
        let t = self.of(g)?;
        Some(t.table.map_or(u64::from(t.block), |table| (1 << 32) | u64::from(table)))
    }

    /// Whether the tags put `a` and `b` in two different elements of the reading order.
    pub fn parts(&self, a: &Glyph, b: &Glyph) -> bool {
        matches!((self.group(a), self.group(b)), (Some(x), Some(y)) if x != y)
    }

    /// What the tag order needs of a run of `glyphs` at the given place.
    pub fn run_tag<'g>(&self, glyphs: impl IntoIterator<Item = &'g Glyph>, [x0, x1, y, size]: [f32; 4]) -> RunTag {
        let mut run = RunTag { group: None, x0, x1, y, size, figure: false, content: 0, tagged: 0 };
        for g in glyphs.into_iter().filter(|g| !g.is_space && !g.marking.is_artifact()) {
            run.content += 1;
            let (Some(group), Some(t)) = (self.group(g), self.of(g)) else { continue };
            run.tagged += 1;
            run.figure = t.figure;
            run.group = match run.group {
                None => Some((group, t.order)),
                Some((first, order)) => Some((first, order.min(t.order))),
            };
        }
        run
    }

    /// What all the (non-space) `glyphs` of a line share: their block, table and row.
    pub fn line_tag<'g>(&self, glyphs: impl IntoIterator<Item = &'g Glyph>) -> LineTag {
        let mut shared: Option<LineTag> = None;
        for g in glyphs.into_iter().filter(|g| !g.is_space) {
            let tag = self.of(g).map_or(LineTag::default(), |t| LineTag {
                block: Some(t.block),
                heading: t.heading,
                table: t.table,
                row: t.row,
                first: Some(t.order),
            });
            shared = Some(match shared {
                None => tag,
                Some(s) => LineTag {
                    block: s.block.filter(|b| tag.block == Some(*b)),
                    heading: s.heading && tag.heading && s.block == tag.block,
                    table: s.table.filter(|t| tag.table == Some(*t)),
                    row: s.row.filter(|r| tag.row == Some(*r)),
                    first: match (s.first, tag.first) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    },
                },
            });
        }
        shared.unwrap_or_default()
    }
}

/// Whether the tags start a new block between two lines of a flow (`None`: they do not say, and
/// geometry decides). A heading is a block of its own even when it is set like the text under
/// it; lines of one table are one block however far apart its rows are.
pub(crate) fn block_break(prev: &LineTag, next: &LineTag) -> Option<bool> {
    if prev.table.is_some() && prev.table == next.table {
        return Some(false);
    }
    let (Some(a), Some(b)) = (prev.block, next.block) else { return None };
    ((prev.heading || next.heading) && a != b).then_some(true)
}

/// Joins the lines of one tagged table row (a flow's lines, top to bottom) into the row's first
/// line: each cell's further lines go onto that cell, after a [`CELL_LINE_BREAK`]; a cell whose
/// text starts lower (vertically centred, a row's second line) is put in by position.
pub(crate) fn merge_rows(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines {
        let Some(prev) = out.last_mut().filter(|p| p.tag.row.is_some() && p.tag.row == line.tag.row) else {
            out.push(line);
            continue;
        };
        for cell in line.cells {
            match prev.cells.iter_mut().find(|c| c.tag.is_some() && c.tag == cell.tag) {
                Some(same) => {
                    same.text.push(CELL_LINE_BREAK);
                    same.text.push_str(&cell.text);
                    same.x0 = same.x0.min(cell.x0);
                    same.x1 = same.x1.max(cell.x1);
                }
                None => {
                    let at = prev.cells.iter().position(|c| c.x0 > cell.x0).unwrap_or(prev.cells.len());
                    prev.cells.insert(at, cell);
                }
            }
        }
        prev.x0 = prev.x0.min(line.x0);
        prev.x1 = prev.x1.max(line.x1);
        prev.update_text();
    }
    out
}
