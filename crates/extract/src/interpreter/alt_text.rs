//! Text a tagged PDF gives for what a page shows only as pictures: glyphs made for the `/Alt`
//! and `/ActualText` of structure elements (see `structure`) that show no text of their own,
//! placed where layout reads them with the content around them.

use crate::glyphs::{Glyph, GlyphPage, Marking};
use crate::tagged::structure::PageTags;

/// Size of a replacement text's glyph when no glyph on the page gives one.
pub(crate) const DEFAULT_SIZE: f32 = 10.0;

/// Lines between the content before a figure and the figure's placed alt text: more than a
/// paragraph's line spacing, so that layout makes the text a block of its own.
const GAP_LINES: f32 = 3.0;

/// A glyph without text yet, with its left end, baseline and right end at `[x0, y, x1]`
/// (upright frame): the caller appends its text to the page's and sets `text_end`.
pub(crate) fn glyph_at(page: &GlyphPage, [x0, y, x1]: [f32; 3], size: f32, marking: Marking, mcid: u32) -> Glyph {
    let start = u32::try_from(page.text.len()).unwrap_or(u32::MAX);
    Glyph {
        x0,
        x1: x1.max(x0),
        y,
        size,
        dir: 0,
        skew: 0,
        is_space: false,
        text_start: start,
        text_end: start,
        marking,
        mcid,
    }
}

/// Adds the alt texts of figures without marked content of their own (LibreOffice 7.4 draws
/// the picture as an artifact and leaves its `Figure` element empty): each goes under the
/// upright content that precedes the figure in the structure tree, or above the page's upright
/// text when nothing on the page precedes it.
pub(crate) fn place_unplaced(page: &mut GlyphPage, tags: &PageTags) {
    for (after, text) in &tags.unplaced {
        let upright = |g: &&Glyph| g.dir == 0 && g.skew == 0 && !g.is_space;
        let before: Vec<&Glyph> = match after {
            Some(mcid) => page.glyphs.iter().filter(upright).filter(|g| g.mcid == *mcid).collect(),
            None => Vec::new(),
        };
        let place = if let Some(last) = before.iter().min_by(|a, b| a.y.total_cmp(&b.y)) {
            let x0 = before.iter().map(|g| g.x0).fold(f32::INFINITY, f32::min);
            let x1 = before.iter().map(|g| g.x1).fold(f32::NEG_INFINITY, f32::max);
            Some(([x0, last.y - GAP_LINES * last.size, x1], last.size, last.mcid))
        } else {
            let all: Vec<&Glyph> = page.glyphs.iter().filter(upright).collect();
            all.iter().max_by(|a, b| a.y.total_cmp(&b.y)).map(|top| {
                let x0 = all.iter().map(|g| g.x0).fold(f32::INFINITY, f32::min);
                let x1 = all.iter().map(|g| g.x1).fold(f32::NEG_INFINITY, f32::max);
                ([x0, top.y + GAP_LINES * top.size, x1], top.size, crate::glyphs::NO_MCID)
            })
        };
        let Some((at, size, mcid)) = place else { continue };
        let mut glyph = glyph_at(page, at, size, Marking::Content, mcid);
        page.text.push_str(text);
        let Ok(end) = u32::try_from(page.text.len()) else { return };
        glyph.text_end = end;
        page.glyphs.push(glyph);
    }
}
