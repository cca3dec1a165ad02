//! Tokens of the PostScript subset CMap programs are written in.
//!
//! Only what CMaps use is recognised: hex strings, literal strings, names, numbers, arrays and
//! dictionary brackets, and bare words (operators such as `beginbfchar`). Anything else is
//! skipped a byte at a time, so garbage cannot stop or stall the lexer.

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
    input: &'a [u8],
    pos: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn hex_value(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

impl<'a> Lexer<'a> {
    pub(super) fn new(input: &'a [u8]) -> Lexer<'a> {
        Lexer { input, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.input.get(self.pos + offset).copied()
    }

    /// Consumes bytes while `pred` holds and returns them.
    fn take_while(&mut self, pred: impl Fn(u8) -> bool) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(&pred) {
            self.pos += 1;
        }
        self.input.get(start..self.pos).unwrap_or_default()
    }

    fn skip_white_and_comments(&mut self) {
        loop {
            self.take_while(is_white);
            if self.peek() == Some(b'%') {
                self.take_while(|b| b != b'\n' && b != b'\r');
            } else {
                return;
            }
        }
    }

    fn hex_string(&mut self) -> Token<'a> {
        let body = self.take_while(|b| b != b'>');
        self.pos += 1; // the closing '>' (past the end is harmless: peek returns None)
        let digits: Vec<u8> = body.iter().filter_map(|&b| hex_value(b)).collect();
        let bytes = digits
            .chunks(2)
            .map(|pair| match pair {
                [hi, lo] => hi << 4 | lo,
                [hi] => hi << 4, // an odd final digit is followed by an implicit 0
                _ => 0,
            })
            .collect();
        Token::Hex(bytes)
    }

    fn literal_string(&mut self) -> Token<'a> {
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut value = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        value = value * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((value & 0xff) as u8);
                        }
                        b'\r' | b'\n' => {}
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
        Token::Literal(out)
    }

    fn number_or_word(&mut self) -> Token<'a> {
        let word = self.take_while(|b| !is_white(b) && !is_delimiter(b));
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
            self.skip_white_and_comments();
            let b = self.peek()?;
            match b {
                b'<' if self.peek_at(1) == Some(b'<') => {
                    self.pos += 2;
                    return Some(Token::DictStart);
                }
                b'>' if self.peek_at(1) == Some(b'>') => {
                    self.pos += 2;
                    return Some(Token::DictEnd);
                }
                b'<' => {
                    self.pos += 1;
                    return Some(self.hex_string());
                }
                b'(' => {
                    self.pos += 1;
                    return Some(self.literal_string());
                }
                b'[' => {
                    self.pos += 1;
                    return Some(Token::ArrayStart);
                }
                b']' => {
                    self.pos += 1;
                    return Some(Token::ArrayEnd);
                }
                b'/' => {
                    self.pos += 1;
                    return Some(Token::Name(
                        self.take_while(|b| !is_white(b) && !is_delimiter(b)),
                    ));
                }
                b')' | b'>' | b'{' | b'}' => {
                    // Procedure braces and stray closers carry nothing a CMap reader needs.
                    self.pos += 1;
                }
                _ => return Some(self.number_or_word()),
            }
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
        for src in [
            &b"<0041"[..],
            b"(abc\\",
            b"(a(b)c",
            b")}>{",
            b"\xff\xfe<<>>/",
            b"\\\\\\",
        ] {
            assert!(Lexer::new(src).count() <= src.len());
        }
        let tokens: Vec<Token> = Lexer::new(b"(a\\(b\\)\\101\\\nc)").collect();
        assert_eq!(tokens, vec![Token::Literal(b"a(b)Ac".to_vec())]);
    }
}
