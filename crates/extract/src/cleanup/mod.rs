//! Text clean-up after layout: characters (ligatures, soft hyphens, odd spaces, control
//! characters, NFC) and words hyphenated at line ends.
//!
//! A line ending in a hyphen is either a word broken by hyphenation ("investe-" /
//! "ringspuljen" → "investeringspuljen") or a real hyphen that happens to fall at the line end
//! ("it-sikkerhed", "2024-2025", "Beskæftigelses- og …"). The document itself is the best
//! witness: if the joined or the hyphenated form occurs elsewhere in it, that form wins. Without
//! evidence, rules decide (see [`decide`]); the default is to join, since in justified text most
//! line-end hyphens come from hyphenation.

pub(crate) mod bidi;

use std::collections::HashMap;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::lines::{PageLayout, CELL_BREAKS, CELL_LINE_BREAK, CELL_WORD_BREAK};

/// Soft hyphen: marks a hyphenation point, never a real hyphen.
const SOFT_HYPHEN: char = '\u{ad}';

/// Words after which a line-end hyphen is a suspended compound ("Beskæftigelses- og
/// Integrationsforvaltningen"): the hyphen stays and so does the space.
const SUSPENSION_WORDS: &[&str] = &["og", "eller", "samt", "and", "or", "&"];

/// Lower-case abbreviations written with a hyphen in Danish compounds ("it-sikkerhed").
const HYPHENATED_ABBREVIATIONS: &[&str] = &["it", "ikt", "tv", "pc", "sms", "cpr", "gps"];

/// How often a capitalised word must occur elsewhere to count as a name.
const MIN_NAME_OCCURRENCES: u32 = 2;

/// What to do with a hyphen at the end of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hyphen {
    /// Hyphenation: remove it and join the word parts.
    Join,
    /// A real hyphen inside a compound: keep it and join without a space.
    Keep,
    /// A hyphen before a separate word ("Beskæftigelses- og"): leave the line break.
    Leave,
}

/// The final body text of each page: cleaned lines, `\n` between lines, a blank line between
/// blocks.
pub(crate) fn render(pages: &[PageLayout]) -> Vec<String> {
    // pages → blocks → lines, cleaned character by character.
    let doc: Vec<Vec<Vec<String>>> = pages
        .iter()
        .map(|p| p.blocks.iter().map(|b| b.lines.iter().map(|l| l.text.clone()).collect()).collect())
        .collect();
    render_lines(doc)
}

/// [`render`] for text that arrives as lines (pages → blocks → lines), e.g. from OCR.
pub(crate) fn render_lines(mut doc: Vec<Vec<Vec<String>>>) -> Vec<String> {
    for line in doc.iter_mut().flatten().flatten() {
        *line = logical_order(&clean_chars(line));
    }
    let counts = word_counts(&doc);
    for line in doc.iter_mut().flatten().flatten() {
        if line.contains(CELL_BREAKS) {
            *line = join_cell_lines(line, &counts);
        }
    }
    rejoin_hyphenation(&mut doc, &counts);
    doc.iter()
        .map(|blocks| {
            let blocks: Vec<String> = blocks
                .iter()
                .map(|lines| {
                    let lines: Vec<&str> = lines.iter().map(String::as_str).filter(|l| !l.is_empty()).collect();
                    lines.join("\n")
                })
                .filter(|b| !b.is_empty())
                .collect();
            let page = blocks.join("\n\n");
            // Nearly every page is in NFC already (precomposed letters): the quick check looks
            // each character up once, where composing the page again takes several steps each.
            if is_nfc_quick(page.chars()) == IsNormalized::Yes {
                page
            } else {
                page.nfc().collect()
            }
        })
        .collect()
}

/// A cleaned line in logical order: right-to-left runs, laid out visually, turned around.
/// Each table cell of a joined cell line is its own line for this purpose.
fn logical_order(line: &str) -> String {
    line.split_inclusive(CELL_BREAKS)
        .map(|cell| match cell.strip_suffix(CELL_BREAKS) {
            Some(text) => bidi::to_logical(text) + cell.get(text.len()..).unwrap_or(""),
            None => bidi::to_logical(cell),
        })
        .collect()
}

/// Expands ligatures, maps every kind of space to a plain space, drops control and
/// zero-width characters, and keeps a soft hyphen only at the very end (as a hyphenation mark).
fn clean_chars(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.trim_end().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            CELL_LINE_BREAK | CELL_WORD_BREAK => out.push(c),
            SOFT_HYPHEN if chars.peek().is_none_or(|n| *n == CELL_LINE_BREAK) => out.push(SOFT_HYPHEN),
            SOFT_HYPHEN | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// How often each word (as written, outer punctuation trimmed) occurs in the document, not
/// counting hyphenated fragments at line ends.
fn word_counts(doc: &[Vec<Vec<String>>]) -> HashMap<String, u32> {
    let mut counts = HashMap::new();
    for line in doc.iter().flatten().flatten() {
        let mut rest = line.as_str();
        let mut next_after_break = false;
        while !rest.is_empty() {
            let separators = [' ', CELL_LINE_BREAK, CELL_WORD_BREAK];
            let (word, separator, after) = match rest.char_indices().find(|(_, c)| separators.contains(c)) {
                Some((i, sep)) => {
                    (rest.get(..i).unwrap_or(""), Some(sep), rest.get(i + sep.len_utf8()..).unwrap_or(""))
                }
                None => (rest, None, ""),
            };
            rest = after;
            // Pieces of a word broken at a cell's edge, before or after the break, are no words
            // of their own.
            let after_break = next_after_break;
            next_after_break = separator == Some(CELL_WORD_BREAK);
            if after_break || next_after_break || (separator != Some(' ') && ends_with_hyphen(word)) {
                continue; // a fragment before a line break
            }
            let w = trim_word(word);
            // Most occurrences are of a word already counted: no new key for those.
            match counts.get_mut(w) {
                Some(count) => *count += 1,
                None if !w.is_empty() => {
                    counts.insert(w.to_string(), 1);
                }
                None => {}
            }
        }
    }
    counts
}

/// Joins the lines of a wrapped table cell, resolving hyphens like at line ends. A line after a
/// [`CELL_WORD_BREAK`] goes on with the word above, without a space, unless its first word is
/// a word the document uses on its own ("korrosionsbeskyttelse" / "og" is two words).
fn join_cell_lines(text: &str, counts: &HashMap<String, u32>) -> String {
    let mut parts = text.split_inclusive(CELL_BREAKS);
    let mut broke_word = false;
    let mut out = String::new();
    if let Some(first) = parts.next() {
        broke_word = first.ends_with(CELL_WORD_BREAK);
        out.push_str(first.trim_end_matches(CELL_BREAKS).trim_end());
    }
    for part in parts {
        let word_break = std::mem::replace(&mut broke_word, part.ends_with(CELL_WORD_BREAK));
        let part = part.trim_end_matches(CELL_BREAKS).trim();
        let first_word = part.split(' ').next().unwrap_or("");
        if word_break && !known_word(first_word, counts) {
            out.push_str(part);
            continue;
        }
        let action = if ends_with_hyphen(&out) { decide(&out, first_word, true, counts) } else { Hyphen::Leave };
        match action {
            Hyphen::Join => {
                out.pop();
            }
            Hyphen::Keep => {
                if out.ends_with(SOFT_HYPHEN) {
                    out.pop();
                    out.push('-');
                }
            }
            Hyphen::Leave => out.push(' '),
        }
        out.push_str(part);
    }
    out
}

/// Whether `word` is a word of lower case letters, of two or more, that the document uses on
/// its own: the next word after a line break. The end of a word broken at a cell's edge is
/// rarely one, and where it is a single letter or in capitals ("F" of "BU" / "F"), a stray
/// piece left unjoined elsewhere would make it look like one.
fn known_word(word: &str, counts: &HashMap<String, u32>) -> bool {
    let word = trim_word(word);
    word.chars().nth(1).is_some() && word.chars().all(char::is_lowercase) && seen(counts, word) > 0
}

/// The word without surrounding punctuation (inner hyphens stay).
fn trim_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

fn ends_with_hyphen(word: &str) -> bool {
    word.ends_with(['-', '\u{2010}', SOFT_HYPHEN])
}

/// Resolves every line-end hyphen in the document, moving the continued word up to the line
/// with the first part (across blocks, columns and pages when the next line continues it).
fn rejoin_hyphenation(doc: &mut [Vec<Vec<String>>], counts: &HashMap<String, u32>) {
    let positions: Vec<(usize, usize, usize)> = doc
        .iter()
        .enumerate()
        .flat_map(|(p, blocks)| {
            blocks.iter().enumerate().flat_map(move |(b, lines)| (0..lines.len()).map(move |l| (p, b, l)))
        })
        .collect();
    for pair in positions.windows(2) {
        let [(p, b, l), (np, nb, nl)] = pair else { continue };
        let Some(line) = doc.get(*p).and_then(|x| x.get(*b)).and_then(|x| x.get(*l)) else { continue };
        if !ends_with_hyphen(line) {
            continue;
        }
        let Some(next) = doc.get(*np).and_then(|x| x.get(*nb)).and_then(|x| x.get(*nl)) else { continue };
        let (first_word, rest) = match next.split_once(' ') {
            Some((w, r)) => (w.to_string(), r.to_string()),
            None => (next.clone(), String::new()),
        };
        let same_block = (p, b) == (np, nb);
        let action = decide(line, &first_word, same_block, counts);
        if action == Hyphen::Leave {
            continue;
        }
        let mut joined = line.clone();
        let hyphen = joined.pop();
        if action == Hyphen::Keep {
            joined.push(if hyphen == Some(SOFT_HYPHEN) { '-' } else { hyphen.unwrap_or('-') });
        }
        joined.push_str(&first_word);
        if let Some(slot) = doc.get_mut(*p).and_then(|x| x.get_mut(*b)).and_then(|x| x.get_mut(*l)) {
            *slot = joined;
        }
        if let Some(slot) = doc.get_mut(*np).and_then(|x| x.get_mut(*nb)).and_then(|x| x.get_mut(*nl)) {
            *slot = rest;
        }
    }
}

/// Decides what the hyphen ending `line` means, given the next line's first word.
fn decide(line: &str, next_word: &str, same_block: bool, counts: &HashMap<String, u32>) -> Hyphen {
    let Some(last_word) = line.rsplit(' ').next().filter(|w| ends_with_hyphen(w)) else { return Hyphen::Leave };
    if line.ends_with(SOFT_HYPHEN) {
        return Hyphen::Join;
    }
    // The part before the hyphen, without opening punctuation: "(investe-" → "investe".
    let head = last_word
        .get(..last_word.len().saturating_sub(last_word.chars().last().map_or(0, char::len_utf8)))
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let tail = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let (Some(head_last), Some(tail_first)) = (head.chars().last(), tail.chars().next()) else {
        return Hyphen::Leave; // a dash, or nothing to join
    };
    if !head_last.is_alphanumeric() || !tail_first.is_alphanumeric() {
        return Hyphen::Leave;
    }
    if SUSPENSION_WORDS.contains(&tail.to_lowercase().as_str()) {
        return Hyphen::Leave;
    }
    // A new paragraph, column or page only continues a word that starts in lower case.
    if !same_block && !tail_first.is_lowercase() {
        return Hyphen::Leave;
    }

    let joined_seen = seen(counts, &format!("{head}{tail}"));
    let hyphenated_seen = seen(counts, &format!("{head}-{tail}"));
    if joined_seen != hyphenated_seen {
        return if joined_seen > hyphenated_seen { Hyphen::Join } else { Hyphen::Keep };
    }

    // The segment right before the hyphen: "AI", "CO2", "2024", "it", "Lyngby".
    let segment = head.rsplit(['-', '\u{2010}']).next().unwrap_or(head);
    let uppercase = segment.chars().filter(|c| c.is_uppercase()).count();
    let keeps = head_last.is_ascii_digit()
        || tail_first.is_ascii_digit()
        || tail_first.is_uppercase()
        || uppercase >= 2
        || HYPHENATED_ABBREVIATIONS.contains(&segment.to_lowercase().as_str())
        || is_name(segment, counts);
    if keeps {
        Hyphen::Keep
    } else {
        Hyphen::Join
    }
}

/// How often `word` occurs in lower case or capitalised (at a sentence start).
fn seen(counts: &HashMap<String, u32>, word: &str) -> u32 {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    let capitalised: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    let count = |w: &str| counts.get(w).copied().unwrap_or(0);
    count(&lower) + if capitalised != lower { count(&capitalised) } else { 0 }
}

/// A name such as "Copenhagen": capitalised, seen capitalised at least twice elsewhere and never
/// in lower case (a fragment such as "Investe" is not seen at all; "Ind" is seen as "ind").
fn is_name(word: &str, counts: &HashMap<String, u32>) -> bool {
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    capitalised
        && counts.get(word).is_some_and(|&n| n >= MIN_NAME_OCCURRENCES)
        && !counts.contains_key(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_come_out_in_nfc_whether_or_not_they_were() {
        let page = |line: &str| render_lines(vec![vec![vec![line.to_string()]]]);
        // Decomposed (a + combining ring, o + combining stroke is not decomposable) and a
        // combining mark sequence out of canonical order: composed and reordered.
        assert_eq!(page("Ga\u{30a}rd"), vec!["Gård".to_string()]);
        assert_eq!(page("q\u{301}\u{323}"), vec!["q\u{323}\u{301}".to_string()]);
        // Already NFC: as it is.
        assert_eq!(page("Gård og økonomi"), vec!["Gård og økonomi".to_string()]);
    }

    fn counts(words: &[&str]) -> HashMap<String, u32> {
        let mut m = HashMap::new();
        for w in words {
            *m.entry(w.to_string()).or_insert(0) += 1;
        }
        m
    }

    #[test]
    fn hyphenation_is_rejoined_and_real_hyphens_kept() {
        let none = counts(&[]);
        assert_eq!(decide("af investe-", "ringspuljen", true, &none), Hyphen::Join);
        assert_eq!(decide("overførselssagen 2024-", "2025.", true, &none), Hyphen::Keep);
        assert_eq!(decide("nye AI-", "løsninger", true, &none), Hyphen::Keep);
        assert_eq!(decide("om CO2-", "udledning", true, &none), Hyphen::Keep);
        assert_eq!(decide("styrket it-", "sikkerhed", true, &none), Hyphen::Keep);
        assert_eq!(decide("Lyngby-", "Taarbæk", true, &none), Hyphen::Keep);
        assert_eq!(decide("Beskæftigelses-", "og", true, &none), Hyphen::Leave);
        assert_eq!(decide("Cyber-", "og", true, &none), Hyphen::Leave);
        assert_eq!(decide("med", "tekst", true, &none), Hyphen::Leave);
        assert_eq!(decide("en tanke -", "ny", true, &none), Hyphen::Leave);
    }

    #[test]
    fn document_evidence_wins() {
        let seen = counts(&["Copenhagen-samarbejdets"]);
        assert_eq!(decide("Copenhagen-", "samarbejdets", true, &seen), Hyphen::Keep);
        assert_eq!(decide("Ind-", "købseffektiviseringerne", true, &counts(&["ind", "Ind", "Ind"])), Hyphen::Join);
        let name = counts(&["Copenhagen", "Copenhagen"]);
        assert_eq!(decide("Copenhagen-", "samarbejdets", true, &name), Hyphen::Keep);
        assert_eq!(decide("Investe-", "ringspuljen", true, &counts(&["investeringspuljen"])), Hyphen::Join);
        let joined = counts(&["udmøntning"]);
        assert_eq!(decide("den ud-", "møntning", true, &joined), Hyphen::Join);
    }

    #[test]
    fn characters_are_cleaned() {
        assert_eq!(clean_chars("ﬁnans\u{0}\u{7}  og\u{a0}of\u{ad}fent"), "finans og offent");
        assert_eq!(clean_chars("investe\u{ad}"), "investe\u{ad}");
    }

    #[test]
    fn words_move_up_to_the_hyphenated_line() {
        use crate::lines::{Block, Cell, Line};
        let line = |t: &str, y: f32| Line {
            text: t.into(),
            cells: vec![Cell { x0: 0.0, x1: 100.0, text: t.into(), words: Vec::new(), tag: None }],
            x0: 0.0,
            x1: 100.0,
            y,
            size: 10.0,
            upright: true,
            marking: crate::glyphs::Marking::None,
            tag: Default::default(),
        };
        let page = PageLayout {
            blocks: vec![Block { lines: vec![line("af investe-", 700.0), line("ringspuljen i alt", 688.0)] }],
            height: 800.0,
        };
        assert_eq!(render(&[page]), vec!["af investeringspuljen\ni alt".to_string()]);
    }
}
