//! The `terms` field: every word of a page, lower-cased but neither stemmed nor dropped, so that
//! a report can ask the term dictionary which pages can contain a topic's literal text.
//!
//! The search analysers stem and drop tokens over 60 bytes, so a substring of a matched word may
//! be missing from their terms; this field keeps the guarantee the report's prefilter needs:
//! every run of at most [`MAX_LITERAL_CHARS`] folded characters inside one word of the page is a
//! substring of one of the page's terms. A word is a maximal run of `char::is_alphanumeric`
//! characters; longer words are indexed as overlapping windows of `2 × MAX_LITERAL_CHARS`
//! characters, `MAX_LITERAL_CHARS` apart.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name under which the analyser is registered.
pub const LITERAL_ANALYZER: &str = "literal_terms";

/// Longest literal (in folded characters) the prefilter may look up; longer ones are cut.
pub const MAX_LITERAL_CHARS: usize = 32;

/// One character as both the index and the prefilter compare it: lower case, with the long s
/// folded to s (`(?i)s` also matches `ſ`, whose lower case is itself).
pub fn fold_char(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        out.push(if lower == 'ſ' { 's' } else { lower });
    }
}

/// Splits text into folded words (and windows of long words).
#[derive(Clone, Default)]
pub struct LiteralTokenizer;

/// The tokens of one text, computed up front (pages are small).
pub struct LiteralTokenStream {
    tokens: std::vec::IntoIter<Token>,
    current: Token,
}

impl Tokenizer for LiteralTokenizer {
    type TokenStream<'a> = LiteralTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> LiteralTokenStream {
        LiteralTokenStream { tokens: tokens(text).into_iter(), current: Token::default() }
    }
}

impl TokenStream for LiteralTokenStream {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(token) => {
                self.current = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    let mut position = 0;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(start)) => {
                push_word(&text[start..i], start, &mut position, &mut out);
                word_start = None;
            }
            _ => {}
        }
    }
    out
}

fn push_word(word: &str, offset: usize, position: &mut usize, out: &mut Vec<Token>) {
    let mut folded = String::with_capacity(word.len());
    for c in word.chars() {
        fold_char(c, &mut folded);
    }
    let chars: Vec<char> = folded.chars().collect();
    let window = 2 * MAX_LITERAL_CHARS;
    let mut emit = |text: String| {
        out.push(Token {
            offset_from: offset,
            offset_to: offset + word.len(),
            position: *position,
            text,
            position_length: 1,
        });
        *position += 1;
    };
    if chars.len() <= window {
        emit(folded);
        return;
    }
    let mut start = 0;
    while start < chars.len() {
        emit(chars[start..(start + window).min(chars.len())].iter().collect());
        start += MAX_LITERAL_CHARS;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        tokens(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_are_folded_but_not_stemmed() {
        assert_eq!(
            texts("Cybersikkerheden, AI-løsninger og ſkole"),
            ["cybersikkerheden", "ai", "løsninger", "og", "skole"]
        );
    }

    #[test]
    fn every_short_substring_of_a_long_word_lies_in_one_window() {
        let word: String = (0..150).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
        let windows = texts(&word);
        assert!(windows.len() > 1);
        let chars: Vec<char> = word.chars().collect();
        for start in 0..chars.len() {
            let end = (start + MAX_LITERAL_CHARS).min(chars.len());
            let piece: String = chars[start..end].iter().collect();
            assert!(windows.iter().any(|w| w.contains(&piece)), "{piece}");
        }
    }

    #[test]
    fn stream_yields_each_token_once() {
        let mut tokenizer = LiteralTokenizer;
        let mut stream = tokenizer.token_stream("a b");
        let mut seen = Vec::new();
        while stream.advance() {
            seen.push(stream.token().text.clone());
        }
        assert_eq!(seen, ["a", "b"]);
    }
}
