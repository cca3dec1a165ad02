//! Content-stream parser: bytes → operations (an operator with its operands), one at a time.
//!
//! Written for damaged and sloppy streams, the way pdf.js and MuPDF read them: a token that
//! cannot be read is skipped and parsing goes on, so one bad byte never hides the rest of a
//! page. Specifically:
//! * numbers as producers write them: `.5`, `-.5`, `5.`, `+5`, the doubled sign `--5`, and a
//!   lone `-` or `.` (read as 0, as pdf.js does — `[(v)-(e)] TJ` occurs in real files);
//! * literal strings with every escape and balanced parentheses, hex strings with junk and odd
//!   digit counts, names with `#xx` escapes (these and numbers are read by the shared
//!   [`Scanner`]);
//! * arrays and dictionaries (for `TJ` and `BDC`), where a stray keyword becomes an item
//!   instead of ending the array (`[(a) 0 Tc (b)] TJ` keeps `b`);
//! * stray `)`, `>`, `]`, `>>`, `{`, `}` are dropped;
//! * inline images (`BI … ID <binary> EI`): the binary data is skipped, its end found from the
//!   image's size when it is unfiltered, else by looking for an `EI` that is followed by text
//!   rather than more binary data.
//!
//! Nothing is allocated per operation: operands borrow from the stream (strings and names are
//! copied only when they contain escapes) and live in buffers reused from one operation to the
//! next, which is why [`Operations::next_operation`] lends its result instead of being an
//! `Iterator`.

pub(crate) mod lexer;

use std::borrow::Cow;

use lexer::{is_delimiter, is_whitespace, Scanner};

/// Most operand tokens (array and dictionary items included) gathered for one operator. Real
/// operators take at most a few operands; the largest real arrays (`TJ` lines) hold some
/// hundreds of items. A stream of numbers with no operator would otherwise grow the buffers
/// with the stream; beyond this, the pending operands are dropped as junk.
const MAX_PENDING_OPERANDS: usize = 65_536;

/// Deepest nesting of arrays and dictionaries. Content streams nest two or three deep (a
/// dictionary in a `BDC` property list); deeper openers are dropped as junk, which keeps a
/// stream of `[[[[…` from growing the stack with the stream.
const MAX_NESTING: usize = 64;

/// How many bytes after a candidate `EI` must look like content-stream text (printable ASCII
/// or white space) for it to end an inline image. Binary image data almost never has this many
/// such bytes in a row right after an `EI` byte pair.
const EI_LOOKAHEAD: usize = 32;

/// One operand (or array/dictionary item).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Operand<'a> {
    Number(f32),
    Bool(bool),
    Null,
    /// A name without its `/`, `#xx` escapes decoded.
    Name(Cow<'a, [u8]>),
    /// A literal or hex string, escapes decoded.
    String(Cow<'a, [u8]>),
    /// An array: its items are [`Operation::items`] of it.
    Array {
        start: usize,
        end: usize,
    },
    /// A dictionary: its items (keys and values alternating) are [`Operation::items`] of it.
    Dict {
        start: usize,
        end: usize,
    },
    /// A keyword inside an array or dictionary (not an operator there).
    Keyword(&'a [u8]),
}

impl Operand<'_> {
    /// The value of a number operand.
    pub fn as_number(&self) -> Option<f32> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The bytes of a name operand.
    pub fn as_name(&self) -> Option<&[u8]> {
        match self {
            Operand::Name(n) => Some(n),
            _ => None,
        }
    }

    /// The bytes of a string operand.
    pub fn as_string(&self) -> Option<&[u8]> {
        match self {
            Operand::String(s) => Some(s),
            _ => None,
        }
    }
}

/// One operator with its operands, borrowed from the [`Operations`] that produced it.
#[derive(Debug)]
pub(crate) struct Operation<'p, 'a> {
    /// The operator keyword, e.g. `b"Tj"`.
    pub operator: &'a [u8],
    /// The operands in stream order.
    pub operands: &'p [Operand<'a>],
    /// Items of the arrays and dictionaries among the operands.
    items: &'p [Operand<'a>],
}

impl<'p, 'a> Operation<'p, 'a> {
    /// The items of an array or dictionary operand (empty for anything else).
    pub fn items(&self, operand: &Operand<'a>) -> &'p [Operand<'a>] {
        match operand {
            Operand::Array { start, end } | Operand::Dict { start, end } => self.items.get(*start..*end).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The value stored under `key` in a dictionary operand.
    pub fn dict_value(&self, dict: &Operand<'a>, key: &[u8]) -> Option<&'p Operand<'a>> {
        if !matches!(dict, Operand::Dict { .. }) {
            return None;
        }
        self.items(dict).chunks_exact(2).find_map(|pair| match pair {
            [k, v] if k.as_name() == Some(key) => Some(v),
            _ => None,
        })
    }
}

/// The operations of one content stream, parsed lazily.
pub(crate) struct Operations<'a> {
    lexer: Lexer<'a>,
    operands: Vec<Operand<'a>>,
    items: Vec<Operand<'a>>,
    /// Open arrays and dictionaries: where their items start in `operands`, innermost last.
    open: Vec<(usize, Container)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Array,
    Dict,
}

/// What an inline image's dictionary ended with.
enum InlineImage<'a> {
    /// `ID`, data and `EI` were read (or the stream ended inside them).
    Skipped,
    /// An operator other than `ID` came first: the `BI` was not an image after all.
    Interrupted(&'a [u8]),
}

impl<'a> Operations<'a> {
    /// Starts parsing `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Operations { lexer: Lexer::new(data), operands: Vec::new(), items: Vec::new(), open: Vec::new() }
    }

    /// The next operation, or `None` at the end of the stream (operands left without an
    /// operator there are dropped).
    pub fn next_operation(&mut self) -> Option<Operation<'_, 'a>> {
        self.operands.clear();
        self.items.clear();
        self.open.clear();
        loop {
            let token = self.lexer.next_token()?;
            let Some(operator) = self.push(token) else { continue };
            if operator == b"BI" {
                let operator = match self.inline_image() {
                    InlineImage::Skipped => operator,
                    InlineImage::Interrupted(other) => other,
                };
                return Some(Operation { operator, operands: &self.operands, items: &self.items });
            }
            return Some(Operation { operator, operands: &self.operands, items: &self.items });
        }
    }

    /// Adds a token to the pending operands; returns it if it is an operator.
    fn push(&mut self, token: Token<'a>) -> Option<&'a [u8]> {
        let operand = match token {
            Token::Number(n) => Operand::Number(n),
            Token::Name(n) => Operand::Name(n),
            Token::String(s) => Operand::String(s),
            Token::Keyword(b"true") => Operand::Bool(true),
            Token::Keyword(b"false") => Operand::Bool(false),
            Token::Keyword(b"null") => Operand::Null,
            Token::Keyword(k) if self.open.is_empty() => return Some(k),
            Token::Keyword(k) => Operand::Keyword(k),
            Token::ArrayOpen | Token::DictOpen if self.open.len() >= MAX_NESTING => return None,
            Token::ArrayOpen => {
                self.open.push((self.operands.len(), Container::Array));
                return None;
            }
            Token::DictOpen => {
                self.open.push((self.operands.len(), Container::Dict));
                return None;
            }
            Token::ArrayClose => {
                self.close(Container::Array);
                return None;
            }
            Token::DictClose => {
                self.close(Container::Dict);
                return None;
            }
            Token::Junk => return None,
        };
        if self.operands.len() + self.items.len() >= MAX_PENDING_OPERANDS {
            self.operands.clear();
            self.items.clear();
            self.open.clear();
        }
        self.operands.push(operand);
        None
    }

    /// Closes the innermost open container of `kind`, and any opened inside it that were left
    /// unclosed. A closer with nothing of its kind open is dropped.
    fn close(&mut self, kind: Container) {
        if !self.open.iter().any(|(_, k)| *k == kind) {
            return;
        }
        while let Some((start, k)) = self.open.pop() {
            let first = self.items.len();
            self.items.extend(self.operands.drain(start.min(self.operands.len())..));
            let (start, end) = (first, self.items.len());
            self.operands.push(match k {
                Container::Array => Operand::Array { start, end },
                Container::Dict => Operand::Dict { start, end },
            });
            if k == kind {
                break;
            }
        }
    }

    /// Reads an inline image's dictionary into the operands and skips its data.
    fn inline_image(&mut self) -> InlineImage<'a> {
        loop {
            let Some(token) = self.lexer.next_token() else { return InlineImage::Skipped };
            match self.push(token) {
                None => {}
                Some(b"ID") => break,
                Some(other) => return InlineImage::Interrupted(other),
            }
        }
        // One white-space byte separates `ID` from the data.
        let data = self.lexer.scanner.data();
        let mut start = self.lexer.scanner.pos();
        if data.get(start).is_some_and(|b| is_whitespace(*b)) {
            start += 1;
        }
        let length = self.inline_image_length();
        self.lexer.scanner.set_pos(find_image_end(data, start, length));
        InlineImage::Skipped
    }

    /// The byte length of the pending inline image's data, if it is unfiltered and its size
    /// and colour space are given directly.
    fn inline_image_length(&self) -> Option<usize> {
        let mut entries = self.operands.chunks_exact(2).filter_map(|pair| match pair {
            [Operand::Name(k), v] => Some((k.as_ref(), v)),
            _ => None,
        });
        let (mut width, mut height, mut bits, mut components) = (None, None, None, None);
        let mut mask = false;
        for (key, value) in entries.by_ref() {
            match key {
                b"W" | b"Width" => width = value.as_number(),
                b"H" | b"Height" => height = value.as_number(),
                b"BPC" | b"BitsPerComponent" => bits = value.as_number(),
                b"IM" | b"ImageMask" => mask = *value == Operand::Bool(true),
                b"F" | b"Filter" => {
                    let empty_array = matches!(value, Operand::Array { start, end } if start == end);
                    if !empty_array {
                        return None;
                    }
                }
                b"CS" | b"ColorSpace" => {
                    components = match value {
                        Operand::Name(n) => match n.as_ref() {
                            b"G" | b"DeviceGray" | b"CalGray" | b"I" | b"Indexed" => Some(1),
                            b"RGB" | b"DeviceRGB" | b"CalRGB" => Some(3),
                            b"CMYK" | b"DeviceCMYK" => Some(4),
                            _ => None,
                        },
                        // An indexed colour space given as an array: one component.
                        Operand::Array { .. } => Some(1),
                        _ => None,
                    }
                }
                _ => {}
            }
        }
        let (components, bits) = if mask { (1, 1) } else { (components?, positive(bits?)?) };
        let row_bits = positive(width?)?.checked_mul(bits)?.checked_mul(components)?;
        row_bits.div_ceil(8).checked_mul(positive(height?)?)
    }
}

/// A finite, positive, integral number as a `usize`.
fn positive(n: f32) -> Option<usize> {
    (n.is_finite() && n >= 1.0 && n.fract() == 0.0 && n < 1e9).then_some(n as usize)
}

/// Where the content after an inline image starting at `start` resumes: just after its `EI`,
/// or the end of the stream if there is none.
fn find_image_end(data: &[u8], start: usize, length: Option<usize>) -> usize {
    if let Some(end) = length.and_then(|l| start.checked_add(l)) {
        let after = data.get(end..).unwrap_or(&[]);
        let skipped = after.iter().take_while(|b| is_whitespace(**b)).count();
        let at = end + skipped;
        if data.get(at..at + 2) == Some(b"EI".as_slice()) && ends_token(data, at + 2) {
            return at + 2;
        }
    }
    let mut from = start;
    while let Some(offset) = data.get(from..).and_then(|rest| memchr::memmem::find(rest, b"EI")) {
        let at = from + offset;
        let after_whitespace =
            at == start || at.checked_sub(1).and_then(|i| data.get(i)).is_some_and(|b| is_whitespace(*b));
        let end = at + 2;
        if after_whitespace && ends_token(data, end) && looks_like_text(data.get(end..).unwrap_or(&[])) {
            return end;
        }
        from = at + 1;
    }
    data.len()
}

/// Whether the token ending at `pos` really ends there (end of data, white space or delimiter).
fn ends_token(data: &[u8], pos: usize) -> bool {
    data.get(pos).is_none_or(|b| is_whitespace(*b) || is_delimiter(*b))
}

/// Whether the start of `rest` reads like content-stream text rather than binary data.
fn looks_like_text(rest: &[u8]) -> bool {
    rest.iter().take(EI_LOOKAHEAD).all(|b| b.is_ascii_graphic() || is_whitespace(*b))
}

/// One lexical token.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Number(f32),
    Name(Cow<'a, [u8]>),
    String(Cow<'a, [u8]>),
    ArrayOpen,
    ArrayClose,
    DictOpen,
    DictClose,
    /// Operators and the literals `true`, `false`, `null`.
    Keyword(&'a [u8]),
    /// A byte that starts no token (stray closer, brace): skipped.
    Junk,
}

/// Splits content-stream bytes into tokens.
struct Lexer<'a> {
    scanner: Scanner<'a>,
}

impl<'a> Lexer<'a> {
    fn new(data: &'a [u8]) -> Self {
        Lexer { scanner: Scanner::new(data) }
    }

    /// The next token, or `None` at the end of the data.
    fn next_token(&mut self) -> Option<Token<'a>> {
        let scanner = &mut self.scanner;
        scanner.skip_whitespace_and_comments();
        let token = match scanner.peek()? {
            b'(' => Token::String(scanner.literal_string()),
            b'<' if scanner.peek_at(1) == Some(b'<') => {
                scanner.advance(2);
                Token::DictOpen
            }
            b'<' => Token::String(Cow::Owned(scanner.hex_string())),
            b'>' if scanner.peek_at(1) == Some(b'>') => {
                scanner.advance(2);
                Token::DictClose
            }
            b'[' => {
                scanner.advance(1);
                Token::ArrayOpen
            }
            b']' => {
                scanner.advance(1);
                Token::ArrayClose
            }
            b'>' | b')' | b'{' | b'}' => {
                scanner.advance(1);
                Token::Junk
            }
            b'/' => Token::Name(scanner.name()),
            // Content-stream numbers are single precision, as in PDF readers generally.
            b'0'..=b'9' | b'+' | b'-' | b'.' => Token::Number(scanner.number() as f32),
            _ => Token::Keyword(scanner.regular_run()),
        };
        Some(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(data: &[u8]) -> Vec<Token<'_>> {
        let mut lexer = Lexer::new(data);
        std::iter::from_fn(|| lexer.next_token()).collect()
    }

    fn num(n: f32) -> Token<'static> {
        Token::Number(n)
    }

    fn string(s: &[u8]) -> Token<'_> {
        Token::String(Cow::Borrowed(s))
    }

    /// Every operation as `operator: operands…`, arrays and dictionaries expanded.
    fn ops(data: &[u8]) -> Vec<String> {
        fn show(op: &Operation, o: &Operand) -> String {
            match o {
                Operand::Number(n) => format!("{n}"),
                Operand::Bool(b) => format!("{b}"),
                Operand::Null => "null".into(),
                Operand::Name(n) => format!("/{}", String::from_utf8_lossy(n)),
                Operand::String(s) => format!("({})", String::from_utf8_lossy(s)),
                Operand::Keyword(k) => String::from_utf8_lossy(k).into_owned(),
                Operand::Array { .. } => {
                    let items: Vec<String> = op.items(o).iter().map(|i| show(op, i)).collect();
                    format!("[{}]", items.join(" "))
                }
                Operand::Dict { .. } => {
                    let items: Vec<String> = op.items(o).iter().map(|i| show(op, i)).collect();
                    format!("<<{}>>", items.join(" "))
                }
            }
        }
        let mut parser = Operations::new(data);
        let mut out = Vec::new();
        while let Some(op) = parser.next_operation() {
            let operands: Vec<String> = op.operands.iter().map(|o| show(&op, o)).collect();
            out.push(format!("{}: {}", String::from_utf8_lossy(op.operator), operands.join(" ")));
        }
        out
    }

    #[test]
    fn numbers_in_every_spelling() {
        assert_eq!(
            tokens(b"1 -2 +3 .5 -.5 5. --5 - . 12.250 0.0Tc"),
            vec![
                num(1.0),
                num(-2.0),
                num(3.0),
                num(0.5),
                num(-0.5),
                num(5.0),
                num(-5.0),
                num(0.0),
                num(0.0),
                num(12.25),
                num(0.0),
                Token::Keyword(b"Tc"),
            ]
        );
    }

    #[test]
    fn literal_strings_with_escapes_and_nesting() {
        assert_eq!(tokens(b"(plain)"), vec![string(b"plain")]);
        assert_eq!(tokens(b"(a (nested) pair)"), vec![string(b"a (nested) pair")]);
        assert_eq!(
            tokens(b"(\\n\\r\\t\\b\\f\\(\\)\\\\\\q)"),
            vec![Token::String(Cow::Owned(b"\n\r\t\x08\x0c()\\q".to_vec()))]
        );
        assert_eq!(tokens(b"(\\350\\0511\\7)"), vec![Token::String(Cow::Owned(b"\xe8)1\x07".to_vec()))]);
        assert_eq!(tokens(b"(one\\\r\ntwo\\\nthree)"), vec![Token::String(Cow::Owned(b"onetwothree".to_vec()))]);
        assert_eq!(tokens(b"(unterminated (x"), vec![string(b"unterminated (x")]);
    }

    #[test]
    fn hex_strings_names_and_delimiters() {
        assert_eq!(tokens(b"<48 65 6c6C6f>"), vec![Token::String(Cow::Owned(b"Hello".to_vec()))]);
        assert_eq!(tokens(b"<4x8 7>"), vec![Token::String(Cow::Owned(vec![0x48, 0x70]))]);
        assert_eq!(
            tokens(b"/F1 /A#20B /x#zz"),
            vec![
                Token::Name(Cow::Borrowed(b"F1")),
                Token::Name(Cow::Owned(b"A B".to_vec())),
                Token::Name(Cow::Owned(b"x#zz".to_vec())),
            ]
        );
        assert_eq!(
            tokens(b"<</a[1]>>{}) %comment\nTj"),
            vec![
                Token::DictOpen,
                Token::Name(Cow::Borrowed(b"a")),
                Token::ArrayOpen,
                num(1.0),
                Token::ArrayClose,
                Token::DictClose,
                Token::Junk,
                Token::Junk,
                Token::Junk,
                Token::Keyword(b"Tj"),
            ]
        );
    }

    #[test]
    fn operations_with_arrays_and_dictionaries() {
        assert_eq!(
            ops(b"BT /F1 12 Tf [(A) -250 (B)] TJ /Span <</ActualText (x) /K [1 [2]] /B true /N null>> BDC ET"),
            vec![
                "BT: ",
                "Tf: /F1 12",
                "TJ: [(A) -250 (B)]",
                "BDC: /Span <</ActualText (x) /K [1 [2]] /B true /N null>>",
                "ET: ",
            ]
        );
    }

    #[test]
    fn dictionary_lookup() {
        let mut parser = Operations::new(b"/Span <</Lang (da) /ActualText <FEFF0041>>> BDC");
        let Some(op) = parser.next_operation() else { panic!("no operation") };
        let dict = &op.operands[1];
        assert_eq!(op.dict_value(dict, b"ActualText").and_then(Operand::as_string), Some(b"\xfe\xff\x00A".as_slice()));
        assert_eq!(op.dict_value(dict, b"Missing"), None);
        assert_eq!(op.dict_value(&op.operands[0], b"Lang"), None);
    }

    #[test]
    fn bad_tokens_are_skipped_and_parsing_goes_on() {
        // pdf.js's operator-in-TJ-array.pdf: keywords inside the array are items.
        assert_eq!(
            ops(b"[(Grandes) 0.0 Tc -250.0 (Client\\350les,)] TJ 0.0 Tc"),
            vec!["TJ: [(Grandes) 0 Tc -250 (Client\u{fffd}les,)]", "Tc: 0"]
        );
        // pdf.js's bug1953099.pdf: a bare minus in a TJ array.
        assert_eq!(ops(b"[(v)-(e)-4(l)]TJ"), vec!["TJ: [(v) 0 (e) -4 (l)]"]);
        // Stray closers, braces and an unclosed dictionary inside an array.
        assert_eq!(ops(b") > ] >> { } (a) Tj"), vec!["Tj: (a)"]);
        assert_eq!(ops(b"[<</a 1] TJ (b) Tj"), vec!["TJ: [<</a 1>>]", "Tj: (b)"]);
        // Operands without an operator at the end are dropped.
        assert_eq!(ops(b"(a) Tj 1 2"), vec!["Tj: (a)"]);
    }

    #[test]
    fn junk_without_operators_stays_bounded() {
        // 70,000 numbers before an operator: the first MAX_PENDING_OPERANDS are dropped.
        let mut data = b"1 ".repeat(70_000);
        data.extend_from_slice(b"(a) Tj");
        let mut parser = Operations::new(&data);
        let Some(op) = parser.next_operation() else { panic!("no operation") };
        assert_eq!((op.operator, op.operands.len()), (b"Tj".as_slice(), 70_000 - MAX_PENDING_OPERANDS + 1));
        // Many closed arrays count their items too.
        let mut data = b"[1 2 3] ".repeat(20_000);
        data.extend_from_slice(b"(b) Tj");
        let mut parser = Operations::new(&data);
        let Some(op) = parser.next_operation() else { panic!("no operation") };
        assert!(op.operands.len() + op.items.len() < MAX_PENDING_OPERANDS);
        // Nesting deeper than MAX_NESTING: the extra openers are dropped, the rest still parses.
        let mut data = b"[".repeat(10_000);
        data.extend_from_slice(b"(c)");
        data.extend_from_slice(&b"]".repeat(10_000));
        data.extend_from_slice(b" TJ (d) Tj");
        assert_eq!(ops(&data).last().map(String::as_str), Some("Tj: (d)"));
    }

    #[test]
    fn inline_image_with_known_length_holding_ei() {
        // 2×2 gray 8-bit = 4 data bytes, which contain "EI" followed by a space.
        assert_eq!(
            ops(b"q BI /W 2 /H 2 /CS /G /BPC 8 ID EI x\nEI Q (after) Tj"),
            vec!["q: ", "BI: /W 2 /H 2 /CS /G /BPC 8", "Q: ", "Tj: (after)"]
        );
    }

    #[test]
    fn inline_image_with_filter_found_by_scanning() {
        // Filtered: the length is unknown; the first EI is followed by binary data, the second
        // by operators.
        let mut data = b"BI /W 9 /H 9 /F /Fl ID ".to_vec();
        data.extend_from_slice(b"\x01\x02 EI \x88\x99\xfe\x00 \x03");
        data.extend_from_slice(b"\nEI\n(after) Tj");
        assert_eq!(ops(&data), vec!["BI: /W 9 /H 9 /F /Fl", "Tj: (after)"]);
        // No EI at all: the rest is image data.
        assert_eq!(ops(b"BI /W 1 /H 1 /F /AHx ID 00 (x) Tj"), vec!["BI: /W 1 /H 1 /F /AHx"]);
    }

    #[test]
    fn bi_without_id_is_not_an_image() {
        assert_eq!(ops(b"BI /W 1 (a) Tj (b) Tj"), vec!["Tj: /W 1 (a)", "Tj: (b)"]);
    }
}
