//! Tokens of the PostScript subset CMap programs are written in.
//!
//! Only what CMaps use is recognised: hex strings, literal strings, names, numbers, arrays and
//! dictionary brackets, and bare words (operators such as `beginbfchar`). Anything else is
//! skipped a byte at a time, so garbage cannot stop or stall the lexer. The byte-level reading
//! (strings, white space, comments) is the shared [`Scanner`]'s.

use crate::content::lexer::Scanner;

/// One token; byte strings borrow from the input where they can.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token<'a> {
    /// `<…>`, decoded to bytes.
    Hex(Vec<u8>),
    /// `(…)`, with escapes resolved.
    Literal(Vec<u8>),
    /// `/Name` without the slash.
    Name(&'a [u8]),
    Int(i64),
    Real(f64),
    /// A bare word: an operator or keyword.
    Word(&'a [u8]),
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
}

/// Iterator over the tokens of a CMap program.
pub(super) struct Lexer<'a> {
    scanner: Scanner<'a>,
}

impl<'a> Lexer<'a> {
    pub(super) fn new(input: &'a [u8]) -> Lexer<'a> {
        Lexer { scanner: Scanner::new(input) }
    }

    /// A PostScript number (an integer if it reads as one) or else a bare word. Unlike content
    /// streams, a run such as `1e5` or `12abc` is one token here, read whole or not as a number.
    fn number_or_word(&mut self) -> Token<'a> {
        let word = self.scanner.regular_run();
        let text = std::str::from_utf8(word).unwrap_or_default();
        if let Ok(i) = text.parse::<i64>() {
            return Token::Int(i);
        }
        if text.bytes().any(|b| b.is_ascii_digit()) {
            if let Ok(r) = text.parse::<f64>() {
                return Token::Real(r);
            }
        }
        Token::Word(word)
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let scanner = &mut self.scanner;
            scanner.skip_whitespace_and_comments();
            let token = match scanner.peek()? {
                b'<' if scanner.peek_at(1) == Some(b'<') => {
                    scanner.advance(2);
                    Token::DictStart
                }
                b'>' if scanner.peek_at(1) == Some(b'>') => {
                    scanner.advance(2);
                    Token::DictEnd
                }
                b'<' => Token::Hex(scanner.hex_string()),
                b'(' => Token::Literal(scanner.literal_string().into_owned()),
                b'[' => {
                    scanner.advance(1);
                    Token::ArrayStart
                }
                b']' => {
                    scanner.advance(1);
                    Token::ArrayEnd
                }
                b'/' => {
                    // PostScript names have no `#xx` escapes (those are PDF syntax): the name is
                    // the raw run after the slash.
                    scanner.advance(1);
                    Token::Name(scanner.regular_run())
                }
                b')' | b'>' | b'{' | b'}' => {
                    // Procedure braces and stray closers carry nothing a CMap reader needs.
                    scanner.advance(1);
                    continue;
                }
                _ => self.number_or_word(),
            };
            return Some(token);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_of_a_cmap_fragment() {
        let src = b"%!PS\n/CIDInit /ProcSet findresource begin 12 dict begin\n\
            /CIDSystemInfo << /Registry (Adobe) >> def\n\
            1 beginbfrange <0003> <0005> [<00E6> <0 0F8>] endbfrange 1.5 <41 4>";
        let tokens: Vec<Token> = Lexer::new(src).collect();
        assert_eq!(
            tokens,
            vec![
                Token::Name(b"CIDInit"),
                Token::Name(b"ProcSet"),
                Token::Word(b"findresource"),
                Token::Word(b"begin"),
                Token::Int(12),
                Token::Word(b"dict"),
                Token::Word(b"begin"),
                Token::Name(b"CIDSystemInfo"),
                Token::DictStart,
                Token::Name(b"Registry"),
                Token::Literal(b"Adobe".to_vec()),
                Token::DictEnd,
                Token::Word(b"def"),
                Token::Int(1),
                Token::Word(b"beginbfrange"),
                Token::Hex(vec![0x00, 0x03]),
                Token::Hex(vec![0x00, 0x05]),
                Token::ArrayStart,
                Token::Hex(vec![0x00, 0xE6]),
                Token::Hex(vec![0x00, 0xF8]),
                Token::ArrayEnd,
                Token::Word(b"endbfrange"),
                Token::Real(1.5),
                Token::Hex(vec![0x41, 0x40]),
            ]
        );
    }

    #[test]
    fn garbage_and_unterminated_input_end() {
        for src in [&b"<0041"[..], b"(abc\\", b"(a(b)c", b")}>{", b"\xff\xfe<<>>/", b"\\\\\\"] {
            assert!(Lexer::new(src).count() <= src.len());
        }
        let tokens: Vec<Token> = Lexer::new(b"(a\\(b\\)\\101\\\nc)").collect();
        assert_eq!(tokens, vec![Token::Literal(b"a(b)Ac".to_vec())]);
    }
}
