//! Text that arrives as recognised words with boxes (OCR) is laid out like shown glyphs: the
//! same columns, table rows, blocks, running headers and footers, and clean-up as a text layer.
//! This is what lets an OCR'd two-column page or table read in the same order as a typed one.

use crate::glyphs::{Glyph, GlyphPage, Marking};
use crate::{cleanup, furniture, layout, lines};

/// Width of the space put after each word, × its size: a normal inter-word space.
const SPACE_EM: f32 = 0.25;

/// One recognised word. Coordinates are image units (pixels) from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxedWord {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// Bottom of the word's line (shared by its words, so descenders do not split a line).
    pub baseline: f32,
    /// Font size estimate (line height without leading).
    pub size: f32,
}

/// The words recognised on one page image, in the recogniser's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BoxedPage {
    pub width: f32,
    pub height: f32,
    pub words: Vec<BoxedWord>,
}

/// Lays out recognised pages as one document: for each page its body text and the running
/// headers and footers set apart (as [`super::Page`] has them).
pub fn lay_out_words(pages: &[BoxedPage]) -> Vec<(String, Vec<String>)> {
    let mut layouts: Vec<lines::PageLayout> = pages.iter().map(|p| layout::lay_out(&glyph_page(p), None)).collect();
    let furniture = furniture::strip(&mut layouts);
    cleanup::render(&layouts).into_iter().zip(furniture).collect()
}

/// The words as glyphs in PDF orientation (y up), each followed by a space.
fn glyph_page(page: &BoxedPage) -> GlyphPage {
    let mut out = GlyphPage { width: page.width, height: page.height, ..GlyphPage::default() };
    for word in page.words.iter().filter(|w| !w.text.trim().is_empty() && w.size > 0.0 && w.x1 >= w.x0) {
        let y = page.height - word.baseline;
        let start = offset(&out.text);
        out.text.push_str(word.text.trim());
        let glyph = Glyph {
            x0: word.x0,
            x1: word.x1,
            y,
            size: word.size,
            dir: 0,
            skew: 0,
            is_space: false,
            text_start: start,
            text_end: offset(&out.text),
            marking: Marking::None,
            mcid: crate::glyphs::NO_MCID,
        };
        out.glyphs.push(glyph);
        let start = offset(&out.text);
        out.text.push(' ');
        let x1 = word.x1 + SPACE_EM * word.size;
        out.glyphs.push(Glyph {
            x0: word.x1,
            x1,
            is_space: true,
            text_start: start,
            text_end: offset(&out.text),
            ..glyph
        });
    }
    out
}

fn offset(text: &str) -> u32 {
    u32::try_from(text.len()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x0: f32, baseline: f32) -> BoxedWord {
        BoxedWord { text: text.into(), x0, x1: x0 + 12.0 * text.chars().count() as f32, baseline, size: 24.0 }
    }

    #[test]
    fn two_columns_read_column_by_column() {
        // Left column lines "a1 … a9", right column "b1 … b9", recognised row by row.
        let mut words = Vec::new();
        for row in 0..9 {
            let y = 200.0 + 40.0 * row as f32;
            words.push(word(&format!("venstre{row} spalte med en lang linje tekst"), 100.0, y));
            words.push(word(&format!("højre{row} spalte med en lang linje tekst her"), 1300.0, y));
        }
        let page = BoxedPage { width: 2480.0, height: 3508.0, words };
        let out = lay_out_words(&[page]);
        let body = &out[0].0;
        let left = body.find("venstre8").unwrap();
        let right = body.find("højre0").unwrap();
        assert!(left < right, "{body}");
    }
}
