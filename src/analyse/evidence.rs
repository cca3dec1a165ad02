//! The sentences behind a count: every mention with its file, page and sentence.

use serde::Serialize;

use super::matcher::flatten_whitespace;
use super::topics::Topic;

/// Longest sentence shown; longer ones (tables, lists without full stops) are cut around the match.
const MAX_SENTENCE_CHARS: usize = 320;

/// One counted mention and where it stands.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evidence {
    pub topic: String,
    pub path: String,
    pub page: u32,
    /// Filled in by whoever knows the document (the report): municipality code and name, year.
    pub code: Option<u16>,
    pub municipality: Option<String>,
    pub year: Option<u16>,
    /// The sentence containing the mention (whitespace-flattened).
    pub sentence: String,
    /// Byte range of the mention inside `sentence`.
    pub start: usize,
    pub end: usize,
    /// Set when the page's text came from OCR.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocr: Option<crate::ocr::OcrNote>,
}

impl Evidence {
    /// The sentence with the mention marked by `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let s = &self.sentence;
        match (s.get(..self.start), s.get(self.start..self.end), s.get(self.end..)) {
            (Some(a), Some(b), Some(c)) => format!("{a}{open}{b}{close}{c}"),
            _ => s.clone(),
        }
    }
}

/// Every mention of `topic` on one page, each with its sentence.
pub fn page_evidence(topic: &Topic, path: &str, page: u32, text: &str) -> Vec<Evidence> {
    PageText::new(text).evidence(topic, path, page)
}

/// One page's text prepared once for finding the evidence of several topics.
pub struct PageText {
    flat: String,
    blocks: Vec<usize>,
}

impl PageText {
    /// Flattens the page and notes where its blocks begin.
    pub fn new(text: &str) -> PageText {
        PageText { flat: flatten_whitespace(text), blocks: block_starts(text) }
    }

    /// Every mention of `topic` on this page, each with its sentence.
    pub fn evidence(&self, topic: &Topic, path: &str, page: u32) -> Vec<Evidence> {
        let flat = &self.flat;
        topic
            .mentions_in_flat(flat)
            .into_iter()
            .map(|m| {
                let (from, to) = sentence_bounds(flat, &self.blocks, m.start, m.end);
                Evidence {
                    topic: topic.id.clone(),
                    path: path.to_string(),
                    page,
                    code: None,
                    municipality: None,
                    year: None,
                    sentence: flat[from..to].to_string(),
                    start: m.start - from,
                    end: m.end - from,
                    ocr: None,
                }
            })
            .collect()
    }
}

/// Offsets in the flattened text where a new block (paragraph, heading, table row group)
/// begins: the extractor separates blocks by a blank line, which flattening erases.
fn block_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut flat_len = 0usize;
    let mut pending_space = false;
    let mut newlines = 0usize;
    for word_or_space in text.split_inclusive(char::is_whitespace) {
        let word = word_or_space.trim_end_matches(char::is_whitespace);
        if !word.is_empty() {
            if pending_space && flat_len > 0 {
                flat_len += 1;
                if newlines >= 2 {
                    starts.push(flat_len);
                }
            }
            flat_len += word.len();
            pending_space = false;
            newlines = 0;
        }
        let tail = &word_or_space[word.len()..];
        if !tail.is_empty() {
            pending_space = true;
            newlines += tail.matches('\n').count();
        }
    }
    starts
}

/// Byte bounds of the sentence around `start..end`: back to the previous sentence end
/// (". ", "! ", "? ", "; ") or block start, forward likewise; cut to a window when a table or
/// list has no sentence ends nearby.
fn sentence_bounds(flat: &str, blocks: &[usize], start: usize, end: usize) -> (usize, usize) {
    let is_end = |w: &[u8]| matches!(w, [b'.' | b'!' | b'?' | b';', b' ']);
    let bytes = flat.as_bytes();
    let block_from = blocks.iter().rev().find(|&&b| b <= start).copied().unwrap_or(0);
    let block_to = blocks.iter().find(|&&b| b >= end).map(|b| b.saturating_sub(1)).unwrap_or(bytes.len());
    let mut from = start;
    while from > block_from && !(from >= 2 && is_end(&bytes[from - 2..from])) {
        from -= 1;
    }
    let mut to = end;
    while to < block_to
        && !(to >= 1 && matches!(bytes[to - 1], b'.' | b'!' | b'?' | b';') && bytes.get(to) == Some(&b' '))
    {
        to += 1;
    }
    // Keep a window around the mention when the "sentence" is a whole table or list.
    let half = MAX_SENTENCE_CHARS / 2;
    if to - from > MAX_SENTENCE_CHARS {
        from = from.max(start.saturating_sub(half));
        to = to.min(end + half);
    }
    (floor_char(flat, from), ceil_char(flat, to))
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::TopicSet;

    #[test]
    fn evidence_is_the_sentence_with_the_match_marked() {
        let set = TopicSet::from_terms(&["cybersikkerhed".into()]).unwrap();
        let text = "Budgettet er vedtaget. Vi styrker\ncybersikkerheden i 2025. Resten følger.";
        let found = page_evidence(&set.topics[0], "2025/x.pdf", 3, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].marked("[", "]"), "Vi styrker [cybersikkerheden] i 2025.");
        assert_eq!(found[0].page, 3);
    }

    #[test]
    fn a_heading_is_its_own_sentence() {
        let set = TopicSet::from_terms(&["kunstig intelligens".into()]).unwrap();
        let text = "Rekrutteringsindsats\n\nKunstig intelligens\n\nErfaringerne skal evalueres.";
        let found = page_evidence(&set.topics[0], "x.pdf", 1, text);
        assert_eq!(found[0].marked("[", "]"), "[Kunstig intelligens]");
    }
}
