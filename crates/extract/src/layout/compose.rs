//! Glyphs that are drawn as parts of one character become that character.
//!
//! * An accent or mark drawn over (or through) another glyph follows it in the text as a
//!   combining character, whichever of the two came first in the content stream: TeX draws
//!   `\tilde{X}` as a raised "˜" before the X, and `\neq` as a slash before "=". Clean-up's
//!   NFC then composes what Unicode composes ("=" + U+0338 is "≠", "n" + U+0303 is "ñ").
//!   A spacing accent is only taken for a mark when its middle lies inside the other glyph, so
//!   text that merely shows an accent character ("´", "¨") next to a letter is left alone.
//! * TeX's arrows built from two glyphs (`\mapsto` is a bar and →, `\hookrightarrow` a hook and
//!   →) become the one arrow the bar or hook already maps to.

use crate::glyphs::{Glyph, GlyphPage};

/// Spacing accents and the combining mark each stands for.
const SPACING_ACCENTS: &[(char, char)] = &[
    ('\u{2dc}', '\u{303}'), // ˜ small tilde
    ('\u{2c6}', '\u{302}'), // ˆ circumflex
    ('\u{a8}', '\u{308}'),  // ¨ diaeresis
    ('\u{b4}', '\u{301}'),  // ´ acute
    ('`', '\u{300}'),       // grave
    ('\u{af}', '\u{304}'),  // ¯ macron
    ('\u{2c9}', '\u{304}'), // ˉ modifier macron
    ('\u{2d9}', '\u{307}'), // ˙ dot above
    ('\u{2d8}', '\u{306}'), // ˘ breve
    ('\u{2c7}', '\u{30c}'), // ˇ caron
    ('\u{2da}', '\u{30a}'), // ˚ ring above
];

/// Two-glyph arrows: (first glyph, second glyph) → the arrow; the first glyph already maps to it.
const JOINED_ARROWS: &[(&str, &str)] = &[("\u{21a6}", "\u{2192}"), ("\u{21aa}", "\u{2192}"), ("\u{2190}", "\u{21a9}")];

/// A mark sits at most this far (× font size) below its base's baseline (accents are drawn at
/// or above it; a slash through "=" on it).
const MAX_MARK_DROP_EM: f32 = 0.3;
/// … and at most this far above it (math accents are raised by the base's height).
const MAX_MARK_RISE_EM: f32 = 1.2;
/// An accent this far (× size) above its base's baseline is a raised (math) accent …
const RAISED_EM: f32 = 0.1;
/// … whose middle may lie this far (× size) outside the base (skewed for italic letters).
const ITALIC_SLACK_EM: f32 = 0.15;
/// The second glyph of a joined arrow starts within this distance (× size) of the first's end.
const ARROW_JOIN_EM: f32 = 0.25;

/// What a glyph can do to its neighbour.
enum Role {
    /// Combining mark (from the font, or a spacing accent's combining form).
    Mark {
        combining: char,
        spacing: bool,
    },
    Plain,
}

fn role(text: &str) -> Role {
    let mut chars = text.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return Role::Plain;
    };
    if let Some(&(_, combining)) = SPACING_ACCENTS.iter().find(|(s, _)| *s == c) {
        return Role::Mark { combining, spacing: true };
    }
    if is_combining(c) {
        return Role::Mark { combining: c, spacing: false };
    }
    Role::Plain
}

/// Combining diacritical marks (the blocks fonts map accent glyphs to).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}')
}

/// Whether `mark` is drawn over `base`.
fn covers(mark: &Glyph, base: &Glyph, spacing: bool) -> bool {
    if base.is_space || mark.dir != base.dir || mark.skew != base.skew {
        return false;
    }
    let size = mark.size.max(base.size);
    let rise = mark.y - base.y;
    if rise < -MAX_MARK_DROP_EM * size || rise > MAX_MARK_RISE_EM * size {
        return false;
    }
    let middle = (mark.x0 + mark.x1) / 2.0;
    if spacing {
        // A raised accent (math, over a letter) may be shifted right by the letter's slant.
        let slack = if rise >= RAISED_EM * size { ITALIC_SLACK_EM * size } else { 0.0 };
        base.x0 - slack < middle && middle < base.x1 + slack
    } else {
        base.x0 - 0.05 * size <= middle && middle <= base.x1 + 0.05 * size
    }
}

/// The nearest glyph before (`step` −1) or after (+1) `i` that is not a space.
fn neighbour(glyphs: &[Glyph], i: usize, forward: bool) -> Option<usize> {
    let mut j = i;
    loop {
        j = if forward { j.checked_add(1)? } else { j.checked_sub(1)? };
        let g = glyphs.get(j)?;
        if !g.is_space {
            return Some(j);
        }
    }
}

/// Attaches marks to their bases and joins two-glyph arrows (see the module docs).
pub(crate) fn compose(page: &mut GlyphPage) {
    let n = page.glyphs.len();
    // Combining characters to append to a glyph's text, and glyphs that disappear.
    let mut appended: Vec<(usize, char)> = Vec::new();
    let mut removed = vec![false; n];
    for i in 0..n {
        let Some(g) = page.glyphs.get(i).copied() else { break };
        if g.is_space || removed.get(i).copied().unwrap_or(true) {
            continue;
        }
        let text = page.text_of(&g);
        match role(text) {
            Role::Mark { combining, spacing } => {
                let base = [true, false].into_iter().find_map(|forward| {
                    let j = neighbour(&page.glyphs, i, forward)?;
                    let b = page.glyphs.get(j)?;
                    let b_is_mark = matches!(role(page.text_of(b)), Role::Mark { .. });
                    (!b_is_mark && !removed.get(j).copied().unwrap_or(true) && covers(&g, b, spacing)).then_some(j)
                });
                if let (Some(j), Some(slot)) = (base, removed.get_mut(i)) {
                    *slot = true;
                    appended.push((j, combining));
                }
            }
            Role::Plain => {
                let Some(j) = neighbour(&page.glyphs, i, true) else { continue };
                let Some(next) = page.glyphs.get(j).copied() else { continue };
                let next_text = page.text_of(&next);
                let joined = JOINED_ARROWS.iter().any(|(a, b)| *a == text && *b == next_text);
                let size = g.size.max(next.size);
                let adjacent = (next.x0 - g.x1).abs() <= ARROW_JOIN_EM * size && (next.y - g.y).abs() <= 0.2 * size;
                if joined && adjacent && next.dir == g.dir && next.skew == g.skew {
                    if let Some(slot) = removed.get_mut(j) {
                        *slot = true;
                    }
                    if let Some(first) = page.glyphs.get_mut(i) {
                        first.x1 = first.x1.max(next.x1);
                    }
                }
            }
        }
    }
    if !removed.contains(&true) {
        return;
    }
    rebuild(page, &removed, &appended);
}

/// Rewrites the page's glyphs and text without the removed glyphs and with the appended marks.
fn rebuild(page: &mut GlyphPage, removed: &[bool], appended: &[(usize, char)]) {
    let old_text = std::mem::take(&mut page.text);
    let old_glyphs = std::mem::take(&mut page.glyphs);
    let mut text = String::with_capacity(old_text.len());
    let mut glyphs = Vec::with_capacity(old_glyphs.len());
    let mut marks = appended.to_vec();
    marks.sort_by_key(|&(j, _)| j);
    let mut marks = marks.into_iter().peekable();
    for (i, mut g) in old_glyphs.into_iter().enumerate() {
        if removed.get(i).copied().unwrap_or(false) {
            continue;
        }
        let start = text.len();
        text.push_str(old_text.get(g.text_start as usize..g.text_end as usize).unwrap_or(""));
        while let Some((_, c)) = marks.next_if(|&(j, _)| j <= i) {
            text.push(c);
        }
        let (Ok(text_start), Ok(text_end)) = (u32::try_from(start), u32::try_from(text.len())) else {
            continue;
        };
        g.text_start = text_start;
        g.text_end = text_end;
        glyphs.push(g);
    }
    page.text = text;
    page.glyphs = glyphs;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of (text, x0, x1, y) glyphs at size 10.
    fn page(glyphs: &[(&str, f32, f32, f32)]) -> GlyphPage {
        let mut page = GlyphPage { width: 600.0, height: 800.0, ..GlyphPage::default() };
        for &(t, x0, x1, y) in glyphs {
            let start = page.text.len() as u32;
            page.text.push_str(t);
            page.glyphs.push(Glyph {
                x0,
                x1,
                y,
                size: 10.0,
                dir: 0,
                skew: 0,
                is_space: t == " ",
                text_start: start,
                text_end: page.text.len() as u32,
                marking: crate::glyphs::Marking::None,
                mcid: crate::glyphs::NO_MCID,
            });
        }
        page
    }

    fn texts(page: &GlyphPage) -> Vec<&str> {
        page.glyphs.iter().map(|g| page.text_of(g)).collect()
    }

    #[test]
    fn raised_tilde_before_its_base_follows_it() {
        let mut p = page(&[("p", 0.0, 5.0, 0.0), ("\u{2dc}", 10.5, 15.5, 2.0), ("X", 10.0, 18.0, 0.0)]);
        compose(&mut p);
        assert_eq!(texts(&p), ["p", "X\u{303}"]);
    }

    #[test]
    fn negation_slash_through_equals() {
        let mut p = page(&[("x", 0.0, 5.0, 0.0), ("\u{338}", 10.0, 10.0, 0.0), ("=", 10.0, 17.0, 0.0)]);
        compose(&mut p);
        assert_eq!(texts(&p), ["x", "=\u{338}"]);
    }

    #[test]
    fn accent_characters_beside_letters_stay() {
        let mut p = page(&[("d", 0.0, 5.0, 0.0), ("\u{b4}", 5.0, 8.0, 0.0), ("n", 8.0, 13.0, 0.0)]);
        compose(&mut p);
        assert_eq!(texts(&p), ["d", "\u{b4}", "n"]);
    }

    #[test]
    fn mapsto_bar_and_arrow_are_one_arrow() {
        let mut p = page(&[("x", 0.0, 5.0, 0.0), ("\u{21a6}", 8.0, 8.0, 0.0), ("\u{2192}", 8.0, 18.0, 0.0)]);
        compose(&mut p);
        assert_eq!(texts(&p), ["x", "\u{21a6}"]);
        assert_eq!(p.glyphs[1].x1, 18.0);
    }

    #[test]
    fn nothing_to_compose_leaves_the_page_alone() {
        let mut p = page(&[("a", 0.0, 5.0, 0.0), (" ", 5.0, 8.0, 0.0), ("b", 8.0, 13.0, 0.0)]);
        compose(&mut p);
        assert_eq!(texts(&p), ["a", " ", "b"]);
    }
}
