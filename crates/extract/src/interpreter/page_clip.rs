//! Dropping text drawn outside the visible page.
//!
//! Viewers show only the page's visible box (CropBox ∩ MediaBox), and poppler's `pdftotext`
//! likewise throws away characters that lie wholly off the page. Producers leave text there on
//! purpose (labels parked beside a tiny page, hidden watermarks) or by accident; it is never
//! read by anyone, so it must not reach the index either. A glyph is dropped only when its
//! estimated box is off the page by more than [`KEEP_MARGIN_EM`], so that text running over
//! an edge, or whose box we estimate a little too small, stays. A page whose every glyph lies
//! off its box keeps them all: a box that hides all of a page's text is more likely wrong
//! (ImageMagick writes 3.84 pt pages around full-size text) than the text meant to be hidden.

#[cfg(test)]
use crate::glyphs::Marking;
use crate::glyphs::{Glyph, GlyphPage};

/// How far outside the page (in ems of the glyph's font size) a glyph's estimated box may lie
/// and the glyph still be kept. The box is the advance width times the font size above the
/// baseline and [`DESCENT_EM`] below it, not the glyph's ink: accents rise about 0.2 em above
/// the font size, deep descenders reach 0.3 em below the baseline, and italic or swash glyphs
/// overhang their advance by a similar amount. Half an em covers all of these, so a glyph that
/// shows any ink on the page is never dropped, while text moved off the page (typically by
/// whole lines or more) is.
const KEEP_MARGIN_EM: f32 = 0.5;

/// The part of the font size taken to lie below the baseline (a typical descent).
const DESCENT_EM: f32 = 0.25;

/// Removes from `page` the glyphs that lie wholly outside its visible area
/// (`0..page.width` × `0..page.height` in the displayed page's space), unless that would
/// remove every visible glyph of the page.
pub(crate) fn drop_off_page(page: &mut GlyphPage) {
    let (width, height) = (page.width, page.height);
    let any_on_page = page.glyphs.iter().any(|g| !g.is_space && !off_page(g, width, height));
    if any_on_page {
        page.glyphs.retain(|g| !off_page(g, width, height));
    }
}

/// Whether `g` lies wholly outside the `width` × `height` page by more than the margin. A
/// glyph with non-finite coordinates is not judged (every comparison with NaN is false).
fn off_page(g: &Glyph, width: f32, height: f32) -> bool {
    let margin = g.size * KEEP_MARGIN_EM;
    let (ax, ay) = to_page(g, g.x0, g.y - g.size * DESCENT_EM);
    let (bx, by) = to_page(g, g.x1, g.y + g.size);
    let (x0, x1) = (ax.min(bx), ax.max(bx));
    let (y0, y1) = (ay.min(by), ay.max(by));
    x1 < -margin || x0 > width + margin || y1 < -margin || y0 > height + margin
}

/// Maps a point of `g`'s upright frame (its text running towards +x) back to the displayed
/// page: rotates it counter-clockwise by the glyph's direction in quarter turns plus its skew
/// (whole degrees, so diagonal text is placed to within a degree — far inside the margin for
/// any real page).
fn to_page(g: &Glyph, x: f32, y: f32) -> (f32, f32) {
    match (g.dir, g.skew) {
        (1, 0) => (-y, x),
        (2, 0) => (-x, -y),
        (3, 0) => (y, -x),
        (_, 0) => (x, y),
        (dir, skew) => {
            let (sin, cos) = (f32::from(dir) * 90.0 + f32::from(skew)).to_radians().sin_cos();
            (x * cos - y * sin, x * sin + y * cos)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 12 pt glyph 10 pt wide whose upright-frame left end and baseline are `x0`, `y`.
    fn glyph(dir: u8, x0: f32, y: f32) -> Glyph {
        Glyph {
            x0,
            x1: x0 + 10.0,
            y,
            size: 12.0,
            dir,
            skew: 0,
            is_space: false,
            text_start: 0,
            text_end: 1,
            marking: Marking::None,
            mcid: crate::glyphs::NO_MCID,
        }
    }

    fn kept(glyphs: Vec<Glyph>) -> Vec<(f32, f32)> {
        let mut page = GlyphPage { glyphs, width: 100.0, height: 50.0, ..GlyphPage::default() };
        drop_off_page(&mut page);
        page.glyphs.iter().map(|g| (g.x0, g.y)).collect()
    }

    #[test]
    fn glyphs_off_the_page_go_and_those_over_an_edge_stay() {
        let glyphs = vec![
            glyph(0, 10.0, 20.0),     // inside
            glyph(0, 95.0, 20.0),     // runs over the right edge
            glyph(0, 10.0, 54.0),     // baseline above the top, box bottom 51: 1 pt above it
            glyph(0, 10.0, 58.0),     // box bottom 55: 5 pt (< 6 pt margin) above the top
            glyph(0, 10.0, 60.0),     // box bottom 57: 7 pt above the top
            glyph(0, -17.0, 20.0),    // 7 pt left of the page
            glyph(0, 10.0, -20.0),    // below the page
            glyph(0, f32::NAN, 20.0), // not judged
        ];
        let kept = kept(glyphs);
        let xs: Vec<String> = kept.iter().map(|(x, y)| format!("{x},{y}")).collect();
        assert_eq!(xs, ["10,20", "95,20", "10,54", "10,58", "NaN,20"]);
    }

    #[test]
    fn rotated_glyphs_are_placed_back_on_the_page_first() {
        // Direction 1 (bottom to top): upright (x, y) is page (-y, x), so a glyph at page
        // x = 30 has upright y = -30, and upright x is its height on the page.
        let kept = kept(vec![glyph(1, 10.0, -30.0), glyph(1, 10.0, 30.0), glyph(3, -20.0, 30.0)]);
        assert_eq!(kept, [(10.0, -30.0), (-20.0, 30.0)]);
    }

    #[test]
    fn diagonal_glyphs_are_turned_back_by_their_exact_angle() {
        // 45° text: upright (x, 0) lies at page (x·0.71, x·0.71).
        let mut inside = glyph(0, 40.0, 0.0);
        inside.skew = 45;
        let mut outside = glyph(0, 200.0, 0.0);
        outside.skew = 45;
        assert_eq!(kept(vec![inside, outside]), [(40.0, 0.0)]);
    }

    #[test]
    fn a_page_whose_text_is_all_off_its_box_keeps_it() {
        let mut space = glyph(0, 10.0, 20.0);
        space.is_space = true;
        // Only a space on the page: the letters off it are the page's text.
        let kept = kept(vec![glyph(0, 10.0, 80.0), space, glyph(0, 130.0, 20.0)]);
        assert_eq!(kept, [(10.0, 80.0), (10.0, 20.0), (130.0, 20.0)]);
    }
}
