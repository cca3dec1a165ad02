//! What the interpreter hands to layout: the glyphs shown on a page, positioned. Kept apart from
//! `interpreter` so that `page_clip` and `layout` read glyphs without depending on it.

/// One shown glyph, in its direction's upright frame (text runs towards +x, y up).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph {
    /// Left end of the glyph along the baseline.
    pub x0: f32,
    /// Right end (origin + advance, before character/word spacing).
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size in page units (the glyph's height scale).
    pub size: f32,
    /// Writing direction in quarter turns counter-clockwise from left-to-right: 0..=3.
    pub dir: u8,
    /// For diagonal text, the rest of the angle beyond `dir` in whole degrees (−45..=45,
    /// counter-clockwise); 0 for text along an axis (within the interpreter's `MIN_SKEW_DEGREES`). Glyphs of
    /// one direction and skew share a frame: x0, x1 and y are measured along the exact angle.
    pub skew: i8,
    /// True for a space character: a word boundary, not text.
    pub is_space: bool,
    /// Drawn with a math font (TeX's `cmmi`, `cmsy`, `cmex`…, an OpenType math font): a formula
    /// is here, whose pieces may sit above and below its main line (see `layout`).
    pub math: bool,
    /// How far the glyph reaches below its baseline, in tenths of its size, where it hangs
    /// from its top like TeX's big operators and delimiters; 0 for text, whose descenders are
    /// short. A byte keeps the glyph as small as it was (one per character of every page).
    pub depth_tenths: u8,
    /// The glyph's characters: `GlyphPage::text[text_start..text_end]`.
    pub text_start: u32,
    pub text_end: u32,
    /// What tagged-PDF marked content says the glyph is.
    pub marking: Marking,
    /// The `/MCID` of the page-level marked-content sequence the glyph is in ([`NO_MCID`] if none):
    /// the key into the page's structure tree (see `structure`).
    pub mcid: u32,
}

/// [`Glyph::mcid`] of a glyph outside any sequence with an MCID.
pub(crate) const NO_MCID: u32 = u32::MAX;

/// What the marked content of a tagged PDF says about a glyph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Marking {
    /// Not inside marked content that says anything (untagged files, `/Span`s without `/MCID`).
    #[default]
    None,
    /// Real content: inside a sequence with an `/MCID`, which the structure tree refers to.
    Content,
    /// An `/Artifact` of type `/Pagination`: running heads, footers, page numbers.
    Pagination,
    /// Any other `/Artifact`, typed (`/Layout`, `/Page`, `/Background`) or not.
    Artifact,
}

impl Marking {
    /// Whether the producer says this is not part of the document's content.
    pub fn is_artifact(self) -> bool {
        matches!(self, Marking::Pagination | Marking::Artifact)
    }
}

/// Everything shown on one page, in content-stream order.
#[derive(Debug, Default)]
pub(crate) struct GlyphPage {
    pub glyphs: Vec<Glyph>,
    /// The characters of all glyphs, back to back (one allocation per page, not per glyph).
    pub text: String,
    /// Glyphs without a Unicode mapping (not in `glyphs`).
    pub unmapped: u32,
    /// Width and height of the page as displayed (after `/Rotate`).
    pub width: f32,
    pub height: f32,
}

impl GlyphPage {
    /// The characters of `g`.
    pub fn text_of(&self, g: &Glyph) -> &str {
        self.text.get(g.text_start as usize..g.text_end as usize).unwrap_or("")
    }
}
