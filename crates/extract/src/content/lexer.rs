//! The low-level tokens that PDF content streams and CMap programs share: white space and
//! comments, literal strings (escapes, nested parentheses), hex strings, names, numbers and
//! runs of regular bytes.
//!
//! [`Scanner`] reads one such token at a cursor and leaves the cursor after it; what the tokens
//! mean (operators and operands in `content`, CMap keywords in `fonts::cmap_lexer`) and how
//! damage is recovered from is left to those callers. Every read is tolerant: an unterminated
//! string or a bad escape ends where the data ends, and nothing here panics on any input or
//! allocates more than the length of the data.

use std::borrow::Cow;

/// A cursor over PDF bytes. The position never passes the end of the data.
#[derive(Debug, Clone)]
pub(crate) struct Scanner<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `data`.
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Scanner { data, pos: 0 }
    }

    /// All the data, independent of the position.
    pub(crate) fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The position: the index of the next byte to read.
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Moves to `pos`, or to the end of the data if that is past it.
    pub(crate) fn set_pos(&mut self, pos: usize) {
        self.pos = pos.min(self.data.len());
    }

    /// The byte at the position.
    #[inline]
    pub(crate) fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// The byte `offset` bytes past the position.
    #[inline]
    pub(crate) fn peek_at(&self, offset: usize) -> Option<u8> {
        self.data.get(self.pos.checked_add(offset)?).copied()
    }

    /// Moves `n` bytes on, stopping at the end of the data.
    #[inline]
    pub(crate) fn advance(&mut self, n: usize) {
        self.set_pos(self.pos.saturating_add(n));
    }

    /// Skips white space and `%` comments (a comment runs to the end of its line).
    #[inline]
    pub(crate) fn skip_whitespace_and_comments(&mut self) {
        while let Some(b) = self.peek() {
            if is_whitespace(b) {
                self.pos += 1;
            } else if b == b'%' {
                let rest = self.data.get(self.pos..).unwrap_or_default();
                self.pos += rest.iter().position(|c| *c == b'\n' || *c == b'\r').unwrap_or(rest.len());
            } else {
                return;
            }
        }
    }

    /// The run of regular (neither white space nor delimiter) bytes at the position; empty if
    /// the position is at one of those or at the end.
    pub(crate) fn regular_run(&mut self) -> &'a [u8] {
        let rest = self.data.get(self.pos..).unwrap_or_default();
        let len = rest.iter().position(|b| is_whitespace(*b) || is_delimiter(*b)).unwrap_or(rest.len());
        self.pos += len;
        rest.get(..len).unwrap_or_default()
    }

    /// A number read the lenient way producers write them: any run of leading signs (a `-` among
    /// them makes it negative), digits with at most one `.`, as far as they go (what follows is
    /// the next token). `.5`, `5.` and `--5` are numbers; a lone sign or `.` is 0.
    pub(crate) fn number(&mut self) -> f64 {
        let mut negative = false;
        while let Some(sign @ (b'+' | b'-')) = self.peek() {
            negative |= sign == b'-';
            self.pos += 1;
        }
        let mut value = 0f64;
        let mut divisor: Option<f64> = None;
        while let Some(b) = self.peek() {
            match b {
                b'0'..=b'9' => {
                    value = value * 10.0 + f64::from(b - b'0');
                    if let Some(d) = divisor.as_mut() {
                        *d *= 10.0;
                    }
                }
                b'.' if divisor.is_none() => divisor = Some(1.0),
                _ => break,
            }
            self.pos += 1;
        }
        let value = value / divisor.unwrap_or(1.0);
        // `-` alone is 0, not -0.
        if negative && value != 0.0 {
            -value
        } else {
            value
        }
    }

    /// A PDF name at its `/`, without the slash and with `#xx` escapes decoded (a `#` not
    /// followed by two hex digits is kept as it is). Borrowed unless it has a `#`.
    pub(crate) fn name(&mut self) -> Cow<'a, [u8]> {
        self.advance(1);
        let raw = self.regular_run();
        if !raw.contains(&b'#') {
            return Cow::Borrowed(raw);
        }
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while let Some(&b) = raw.get(i) {
            let high = raw.get(i + 1).and_then(|h| hex_value(*h));
            let low = raw.get(i + 2).and_then(|l| hex_value(*l));
            match (b, high, low) {
                (b'#', Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                }
                _ => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        Cow::Owned(out)
    }

    /// A literal string at its `(`, escapes resolved; runs to the end of the data if it is not
    /// closed. Borrowed unless it has a backslash.
    pub(crate) fn literal_string(&mut self) -> Cow<'a, [u8]> {
        self.advance(1);
        let start = self.pos;
        let mut depth = 0usize;
        // Fast path: no escapes, so the string is a slice of the data.
        while let Some(b) = self.peek() {
            match b {
                b'\\' => break,
                b'(' => depth += 1,
                b')' if depth == 0 => {
                    let s = self.data.get(start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    return Cow::Borrowed(s);
                }
                b')' => depth -= 1,
                _ => {}
            }
            self.pos += 1;
        }
        let mut out = self.data.get(start..self.pos).unwrap_or_default().to_vec();
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.escape(&mut out),
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    out.push(b);
                }
                _ => out.push(b),
            }
        }
        Cow::Owned(out)
    }

    /// The escape after a backslash in a literal string, appended to `out`.
    fn escape(&mut self, out: &mut Vec<u8>) {
        let Some(e) = self.peek() else { return };
        self.pos += 1;
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'0'..=b'7' => {
                // Up to three octal digits; overflow past one byte is ignored, as the spec says.
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
            // A backslash before a line end (CR, LF or CR LF) continues the string on the next line.
            b'\r' => {
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
            }
            b'\n' => {}
            // `\(`, `\)`, `\\`, and unknown escapes: the character itself.
            other => out.push(other),
        }
    }

    /// A hex string at its `<`, up to and including its `>`: bytes that are not hex digits are
    /// ignored, an odd last digit is padded with 0.
    pub(crate) fn hex_string(&mut self) -> Vec<u8> {
        self.advance(1);
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = hex_value(b) else { continue };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }
}

/// PDF white space: space, LF, CR, tab, form feed and NUL.
#[inline]
pub(crate) fn is_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0x0c | 0)
}

/// PDF delimiters: the bytes that end a regular run without being white space.
#[inline]
pub(crate) fn is_delimiter(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `read` returns for `data`, and the bytes left after it.
    fn read<'a, T>(data: &'a [u8], read: impl FnOnce(&mut Scanner<'a>) -> T) -> (T, &'a [u8]) {
        let mut scanner = Scanner::new(data);
        let token = read(&mut scanner);
        (token, data.get(scanner.pos()..).unwrap_or_default())
    }

    #[test]
    fn whitespace_and_comments_are_skipped_to_the_next_token() {
        assert_eq!(read(b" \t\r\n\x0c\0% a comment\r%another\n  x", Scanner::skip_whitespace_and_comments).1, b"x");
        assert_eq!(read(b"% only a comment", Scanner::skip_whitespace_and_comments).1, b"");
        assert_eq!(read(b"abc/d", Scanner::regular_run), (&b"abc"[..], &b"/d"[..]));
    }

    #[test]
    fn literal_strings_stop_after_their_closing_parenthesis() {
        assert_eq!(read(b"(a (b) c) rest", Scanner::literal_string), (Cow::Borrowed(&b"a (b) c"[..]), &b" rest"[..]));
        assert_eq!(
            read(b"(x\\(\\101\\0061\\\r\ny\\\rz\\\n) rest", Scanner::literal_string),
            (Cow::Owned(b"x(A\x061yz".to_vec()), &b" rest"[..])
        );
        // Unterminated, and a backslash as the last byte: the rest of the data.
        assert_eq!(read(b"(ab(c", Scanner::literal_string), (Cow::Borrowed(&b"ab(c"[..]), &b""[..]));
        assert_eq!(read(b"(ab\\", Scanner::literal_string), (Cow::Owned(b"ab".to_vec()), &b""[..]));
    }

    #[test]
    fn hex_strings_names_and_numbers() {
        assert_eq!(read(b"<0a B\n7>>", Scanner::hex_string), (vec![0x0a, 0xb7], &b">"[..]));
        assert_eq!(read(b"<414", Scanner::hex_string), (vec![0x41, 0x40], &b""[..]));
        assert_eq!(read(b"/A#42#4/C", Scanner::name), (Cow::Owned(b"AB#4".to_vec()), &b"/C"[..]));
        assert_eq!(read(b"/ x", Scanner::name), (Cow::Borrowed(&b""[..]), &b" x"[..]));
        assert_eq!(read(b"-+12.5.3", Scanner::number), (-12.5, &b".3"[..]));
        assert_eq!(read(b"-)", Scanner::number), (0.0, &b")"[..]));
    }
}
