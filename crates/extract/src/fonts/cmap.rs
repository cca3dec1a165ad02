//! CMaps: ToUnicode maps (code → text) and encoding CMaps of Type0 fonts (code → CID), with
//! their codespace ranges (how a byte string splits into 1–4-byte codes).
//!
//! lopdf has a ToUnicode parser, but it is not usable here: it is reachable only through
//! `Dictionary::get_font_encoding` (which ignores /ToUnicode when /Encoding is present), it
//! builds a reverse map by visiting every code of every `bfrange` (a hostile
//! `<00000000> <FFFFFFFF>` range means four billion steps), it rejects the whole CMap on any
//! syntax it does not expect, and it reads no `cidrange`/`cidchar`. This one is a tolerant
//! token-level reader that stores ranges as ranges, so lookups are O(log n) and memory is
//! proportional to the CMap's size, never to the ranges it declares.

use std::sync::Arc;

use rangemap::RangeInclusiveMap;

use super::cmap_lexer::{Lexer, Token};
use super::{glyph_names, glyph_text, GlyphText};

/// Longest character code a CMap can define (PDF 32000-1 §9.7.6.2).
const MAX_CODE_BYTES: usize = 4;

/// Most mapping entries (chars and ranges) kept from one CMap. The largest real ones (CJK
/// ToUnicode maps listing every glyph) have tens of thousands; this bounds a hostile one.
const MAX_ENTRIES: usize = 500_000;

/// Most items kept from one array-form `bfrange`. Only the last byte of a range's codes may
/// vary (PDF 32000-1 §9.10.3), so real arrays have at most 256 items; this is generous.
const MAX_RANGE_ARRAY_ITEMS: usize = 65_536;

/// Most codespace ranges kept. Splitting a string scans them for every code, so they must
/// stay few; real CMaps declare at most a handful (Shift-JIS has four).
const MAX_CODESPACE_RANGES: usize = 64;

/// One codespace range: codes of `len` bytes whose every byte lies between the corresponding
/// bytes of `lo` and `hi`.
#[derive(Debug, Clone, PartialEq)]
struct CodespaceRange {
    len: usize,
    lo: [u8; MAX_CODE_BYTES],
    hi: [u8; MAX_CODE_BYTES],
}

impl CodespaceRange {
    fn matches(&self, bytes: &[u8]) -> bool {
        bytes.len() == self.len
            && bytes.iter().zip(self.lo.iter().zip(&self.hi)).all(|(b, (lo, hi))| lo <= b && b <= hi)
    }
}

/// How byte strings split into codes.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Codespace {
    ranges: Vec<CodespaceRange>,
}

impl Codespace {
    /// Every code is `len` bytes long (Identity-H, UCS-2 CMaps).
    pub(super) fn fixed(len: usize) -> Codespace {
        let len = len.clamp(1, MAX_CODE_BYTES);
        let mut hi = [0; MAX_CODE_BYTES];
        for b in hi.iter_mut().take(len) {
            *b = 0xff;
        }
        Codespace { ranges: vec![CodespaceRange { len, lo: [0; MAX_CODE_BYTES], hi }] }
    }

    /// UTF-16 as used by the `Uni…-UTF16-` CMaps: BMP characters in two bytes, others as a
    /// surrogate pair in four.
    pub(super) fn utf16() -> Codespace {
        let range = |len, lo: [u8; 4], hi: [u8; 4]| CodespaceRange { len, lo, hi };
        Codespace {
            ranges: vec![
                range(2, [0x00, 0x00, 0, 0], [0xd7, 0xff, 0, 0]),
                range(2, [0xe0, 0x00, 0, 0], [0xff, 0xff, 0, 0]),
                range(4, [0xd8, 0x00, 0xdc, 0x00], [0xdb, 0xff, 0xdf, 0xff]),
            ],
        }
    }

    /// Adds the range of codes whose bytes lie between those of `lo` and `hi` (same length,
    /// 1–4 bytes; others are ignored, as are ranges beyond [`MAX_CODESPACE_RANGES`]).
    pub(super) fn add_range(&mut self, lo: &[u8], hi: &[u8]) {
        let len = lo.len();
        if len == 0 || len > MAX_CODE_BYTES || hi.len() != len || self.ranges.len() >= MAX_CODESPACE_RANGES {
            return;
        }
        let mut range = CodespaceRange { len, lo: [0; MAX_CODE_BYTES], hi: [0; MAX_CODE_BYTES] };
        for (dst, src) in range.lo.iter_mut().zip(lo) {
            *dst = *src;
        }
        for (dst, src) in range.hi.iter_mut().zip(hi) {
            *dst = *src;
        }
        self.ranges.push(range);
    }

    /// True when no ranges are defined.
    pub(super) fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// True when some codes are a single byte (word spacing then applies to code 32).
    pub(super) fn has_one_byte_codes(&self) -> bool {
        self.ranges.iter().any(|r| r.len == 1)
    }

    /// Splits the next code off `bytes` (non-empty): the shortest prefix that lies in a
    /// codespace range; if none does, as many bytes as the shortest range (PDF 32000-1
    /// §9.7.6.3), so malformed strings still advance. Returns (code, its length in bytes).
    pub(super) fn next_code(&self, bytes: &[u8]) -> (u32, usize) {
        let max = bytes.len().min(MAX_CODE_BYTES);
        let len = (1..=max)
            .find(|&n| bytes.get(..n).is_some_and(|prefix| self.ranges.iter().any(|r| r.matches(prefix))))
            .unwrap_or_else(|| self.ranges.iter().map(|r| r.len).min().unwrap_or(1).min(max).max(1));
        let code = bytes.iter().take(len).fold(0u32, |acc, &b| acc << 8 | u32::from(b));
        (code, len)
    }
}

/// What a ToUnicode range maps its codes to.
#[derive(Debug, Clone)]
enum UnicodeTarget {
    /// Code `c` means the code point `c + delta` (wrapping), the usual `bfrange`.
    Delta(u32),
    /// One fixed text (`bfchar`).
    Fixed(GlyphText),
    /// The array form of `bfrange`: code `c` means `items[c - start]`.
    Array { start: u32, items: Arc<[GlyphText]> },
    /// A `bfrange` onto several characters: the last one increments with the code.
    Sequence { start: u32, prefix: Arc<[char]>, last: u32 },
}

// rangemap merges adjacent ranges with equal values, so equality must mean "maps every code
// the same way": shared tables compare by identity.
impl PartialEq for UnicodeTarget {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Delta(a), Self::Delta(b)) => a == b,
            (Self::Fixed(a), Self::Fixed(b)) => a == b,
            (Self::Array { start: s1, items: i1 }, Self::Array { start: s2, items: i2 }) => {
                s1 == s2 && Arc::ptr_eq(i1, i2)
            }
            (
                Self::Sequence { start: s1, prefix: p1, last: l1 },
                Self::Sequence { start: s2, prefix: p2, last: l2 },
            ) => s1 == s2 && l1 == l2 && Arc::ptr_eq(p1, p2),
            _ => false,
        }
    }
}
impl Eq for UnicodeTarget {}

impl UnicodeTarget {
    fn text(&self, code: u32) -> GlyphText {
        match self {
            Self::Delta(delta) => glyph_text::from_code_point(code.wrapping_add(*delta)),
            Self::Fixed(text) => text.clone(),
            Self::Array { start, items } => usize::try_from(code.wrapping_sub(*start))
                .ok()
                .and_then(|i| items.get(i))
                .cloned()
                .unwrap_or(GlyphText::Unmapped),
            Self::Sequence { start, prefix, last } => {
                let last = char::from_u32(last.wrapping_add(code.wrapping_sub(*start)));
                glyph_text::from_chars(prefix.iter().copied().chain(last))
            }
        }
    }
}

/// Ranges of codes of each length (1–4 bytes), mapped to `V`. Later definitions override.
#[derive(Debug)]
struct CodeMap<V: Eq + Clone> {
    by_len: [RangeInclusiveMap<u32, V>; MAX_CODE_BYTES],
}

impl<V: Eq + Clone> Default for CodeMap<V> {
    fn default() -> Self {
        CodeMap { by_len: std::array::from_fn(|_| RangeInclusiveMap::new()) }
    }
}

impl<V: Eq + Clone> CodeMap<V> {
    fn insert(&mut self, len: usize, lo: u32, hi: u32, value: V) {
        if let Some(map) = len.checked_sub(1).and_then(|i| self.by_len.get_mut(i)) {
            if lo <= hi {
                map.insert(lo..=hi, value);
            }
        }
    }

    fn get(&self, len: usize, code: u32) -> Option<&V> {
        self.by_len.get(len.checked_sub(1)?)?.get(&code)
    }

    fn is_empty(&self) -> bool {
        self.by_len.iter().all(|m| m.is_empty())
    }

    /// Code lengths that have entries.
    fn lengths(&self) -> impl Iterator<Item = usize> + '_ {
        (1..=MAX_CODE_BYTES).filter(|len| self.by_len.get(len - 1).is_some_and(|m| !m.is_empty()))
    }
}

/// A parsed CMap program.
#[derive(Debug, Default)]
pub(super) struct CMap {
    /// The codespace ranges it declares (may be empty in sloppy ToUnicode maps).
    pub(super) codespace: Codespace,
    unicode: CodeMap<UnicodeTarget>,
    /// CID of code `c` is `c + delta` (wrapping), by range start.
    cids: CodeMap<u32>,
    /// `/WMode 1`: vertical writing.
    pub(super) vertical: bool,
    /// The name given to `usecmap` (a CMap this one extends).
    pub(super) use_cmap: Option<Vec<u8>>,
    /// Mapping entries kept so far (bounded by [`MAX_ENTRIES`]).
    entries: usize,
}

impl CMap {
    /// Parses a CMap program. Never fails: what cannot be read is left out. Tokens are read
    /// lazily, so memory grows with the entries kept, never with the size of garbage.
    pub(super) fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut lexer = Lexer::new(data);
        let mut prev: Option<Token> = None;
        while let Some(token) = lexer.next() {
            match &token {
                Token::Word(word) => {
                    if let Some(end) = section_end(word) {
                        let mut section = Section { lexer: &mut lexer, end, done: false };
                        cmap.read_section(word, &mut section);
                        section.for_each(drop); // skip what the reader left before the end
                        prev = None;
                        continue;
                    }
                    if *word == b"usecmap" {
                        if let Some(Token::Name(name)) = &prev {
                            cmap.use_cmap = Some(name.to_vec());
                        }
                    }
                }
                Token::Int(mode) => {
                    if let Some(Token::Name(b"WMode")) = &prev {
                        cmap.vertical = *mode == 1;
                    }
                }
                _ => {}
            }
            prev = Some(token);
        }
        cmap
    }

    fn read_section(&mut self, begin: &[u8], section: &mut Section) {
        match begin {
            b"begincodespacerange" => {
                while let (Some(lo), Some(hi)) = (section.next(), section.next()) {
                    if let (Token::Hex(lo), Token::Hex(hi)) = (lo, hi) {
                        self.add_codespace(&lo, &hi);
                    }
                }
            }
            b"beginbfchar" => {
                while let (Some(src), Some(dst)) = (section.next(), section.next()) {
                    if let (Token::Hex(src), Some(text)) = (src, single_target(&dst)) {
                        if let Some((code, len)) = code_of(&src) {
                            self.add_unicode(len, code, code, UnicodeTarget::Fixed(text));
                        }
                    }
                }
            }
            b"beginbfrange" => self.read_bfranges(section),
            b"begincidchar" => {
                while let (Some(src), Some(cid)) = (section.next(), section.next()) {
                    if let (Token::Hex(src), Token::Int(cid)) = (src, cid) {
                        if let Some((code, len)) = code_of(&src) {
                            self.add_cids(len, code, code, cid);
                        }
                    }
                }
            }
            b"begincidrange" => {
                while let (Some(lo), Some(hi), Some(cid)) = (section.next(), section.next(), section.next()) {
                    if let (Token::Hex(lo), Token::Hex(hi), Token::Int(cid)) = (lo, hi, cid) {
                        if let (Some((lo, len)), Some((hi, _))) = (code_of(&lo), code_of(&hi)) {
                            self.add_cids(len, lo, hi, cid);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// `bfrange` entries: `<lo> <hi> <dst>` or `<lo> <hi> [<dst> …]` (or a glyph name).
    fn read_bfranges(&mut self, section: &mut Section) {
        while let (Some(lo), Some(hi), Some(dst)) = (section.next(), section.next(), section.next()) {
            let (Token::Hex(lo), Token::Hex(hi)) = (lo, hi) else {
                continue;
            };
            let (Some((lo, len)), Some((hi, _))) = (code_of(&lo), code_of(&hi)) else {
                continue;
            };
            let value = match dst {
                Token::ArrayStart => {
                    let count = usize::try_from(hi.saturating_sub(lo)).unwrap_or(usize::MAX).saturating_add(1);
                    let mut items = Vec::new();
                    for item in section.by_ref() {
                        if item == Token::ArrayEnd {
                            break;
                        }
                        if items.len() < count.min(MAX_RANGE_ARRAY_ITEMS) {
                            items.push(single_target(&item).unwrap_or(GlyphText::Unmapped));
                        }
                    }
                    UnicodeTarget::Array { start: lo, items: Arc::from(items) }
                }
                Token::Hex(dst) => range_target(lo, &dst),
                other => match single_target(&other) {
                    Some(text) => UnicodeTarget::Fixed(text),
                    None => continue,
                },
            };
            self.add_unicode(len, lo, hi, value);
        }
    }

    fn add_unicode(&mut self, len: usize, lo: u32, hi: u32, target: UnicodeTarget) {
        if self.entries < MAX_ENTRIES {
            self.entries += 1;
            self.unicode.insert(len, lo, hi, target);
        }
    }

    fn add_codespace(&mut self, lo: &[u8], hi: &[u8]) {
        self.codespace.add_range(lo, hi);
    }

    /// Maps codes `lo..=hi` of `len` bytes to consecutive CIDs from `cid` (later calls
    /// override earlier ones; negative CIDs and entries beyond [`MAX_ENTRIES`] are dropped).
    pub(super) fn add_cids(&mut self, len: usize, lo: u32, hi: u32, cid: i64) {
        if let (Ok(cid), true) = (u32::try_from(cid), self.entries < MAX_ENTRIES) {
            self.entries += 1;
            self.cids.insert(len, lo, hi, cid.wrapping_sub(lo));
        }
    }

    /// The text the CMap gives code `code` of `len` bytes, `None` if it has no entry.
    pub(super) fn unicode(&self, code: u32, len: usize) -> Option<GlyphText> {
        self.unicode.get(len, code).map(|target| target.text(code))
    }

    /// Like [`CMap::unicode`], but if the CMap has no entry of that length, tries the code
    /// under the other lengths it defines (producers mix up 1- and 2-byte codes).
    pub(super) fn unicode_any_len(&self, code: u32, len: usize) -> Option<GlyphText> {
        self.unicode(code, len)
            .or_else(|| self.unicode.lengths().filter(|&l| l != len).find_map(|l| self.unicode(code, l)))
    }

    /// The CID of code `code` of `len` bytes, `None` if the CMap does not map it.
    pub(super) fn cid(&self, code: u32, len: usize) -> Option<u32> {
        self.cids.get(len, code).map(|delta| code.wrapping_add(*delta))
    }

    /// True when the CMap maps codes to CIDs.
    pub(super) fn has_cids(&self) -> bool {
        !self.cids.is_empty()
    }

    /// A codespace for this CMap: the declared one, else one inferred from the code lengths
    /// its mappings use, else two bytes (the commonest for CID fonts).
    pub(super) fn effective_codespace(&self) -> Codespace {
        if !self.codespace.is_empty() {
            return self.codespace.clone();
        }
        let len = self.unicode.lengths().chain(self.cids.lengths()).next().unwrap_or(2);
        Codespace::fixed(len)
    }
}

/// The tokens of one `begin…`/`end…` section, read lazily; ends at the closing operator.
struct Section<'l, 'a> {
    lexer: &'l mut Lexer<'a>,
    end: &'static [u8],
    done: bool,
}

impl<'a> Iterator for Section<'_, 'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if self.done {
            return None;
        }
        match self.lexer.next() {
            Some(Token::Word(w)) if w == self.end => {
                self.done = true;
                None
            }
            None => {
                self.done = true;
                None
            }
            token => token,
        }
    }
}

/// The operator that closes a section begun by `word`, for the sections we read.
fn section_end(word: &[u8]) -> Option<&'static [u8]> {
    Some(match word {
        b"begincodespacerange" => b"endcodespacerange",
        b"beginbfchar" => b"endbfchar",
        b"beginbfrange" => b"endbfrange",
        b"begincidchar" => b"endcidchar",
        b"begincidrange" => b"endcidrange",
        b"beginnotdefchar" => b"endnotdefchar",
        b"beginnotdefrange" => b"endnotdefrange",
        _ => return None,
    })
}

/// A source code: (value, length in bytes), for 1–4-byte hex strings.
fn code_of(bytes: &[u8]) -> Option<(u32, usize)> {
    if bytes.is_empty() || bytes.len() > MAX_CODE_BYTES {
        return None;
    }
    Some((bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)), bytes.len()))
}

/// A `bfchar` destination (or one array item): UTF-16BE hex, a glyph name or a literal.
fn single_target(token: &Token) -> Option<GlyphText> {
    match token {
        Token::Hex(bytes) | Token::Literal(bytes) => Some(glyph_text::from_utf16be(bytes)),
        Token::Name(name) => Some(glyph_names::lookup(name)),
        _ => None,
    }
}

/// The target of `<lo> <hi> <dst>`: consecutive code points from the text of `dst`.
fn range_target(lo: u32, dst: &[u8]) -> UnicodeTarget {
    let chars: Vec<char> = match dst {
        [b] => vec![char::from(*b)],
        _ => glyph_text::utf16be_chars(dst).collect(),
    };
    match chars.split_last() {
        None => UnicodeTarget::Fixed(GlyphText::Unmapped),
        Some((last, [])) => UnicodeTarget::Delta(u32::from(*last).wrapping_sub(lo)),
        Some((last, prefix)) => {
            UnicodeTarget::Sequence { start: lo, prefix: Arc::from(prefix), last: u32::from(*last) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfchar
<0003> <0020>
<0011> <00E6>
<0012> <D835DC00>
endbfchar
4 beginbfrange
<0020> <0022> <00F8>
<0030> <0032> [<00E5> <00660069> <00C6>]
<0040> <0041> <00660066>
<0050> <FFFF> <0041>
endbfrange
1 beginbfchar
<0052> <0000>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end";

    fn text(cmap: &CMap, code: u32, len: usize) -> Option<String> {
        cmap.unicode(code, len).map(|t| match t {
            GlyphText::Unmapped => "<unmapped>".to_string(),
            GlyphText::Char(c) => c.to_string(),
            GlyphText::Str(s) => s.to_string(),
        })
    }

    #[test]
    fn bfchar_bfrange_arrays_surrogates_and_sequences() {
        let cmap = CMap::parse(TO_UNICODE);
        assert_eq!(text(&cmap, 0x0003, 2).as_deref(), Some(" "));
        assert_eq!(text(&cmap, 0x0011, 2).as_deref(), Some("æ"));
        assert_eq!(text(&cmap, 0x0012, 2).as_deref(), Some("\u{1d400}"));
        assert_eq!(text(&cmap, 0x0020, 2).as_deref(), Some("ø"));
        assert_eq!(text(&cmap, 0x0022, 2).as_deref(), Some("ú"));
        assert_eq!(text(&cmap, 0x0030, 2).as_deref(), Some("å"));
        assert_eq!(text(&cmap, 0x0031, 2).as_deref(), Some("fi"));
        assert_eq!(text(&cmap, 0x0032, 2).as_deref(), Some("Æ"));
        assert_eq!(text(&cmap, 0x0040, 2).as_deref(), Some("ff"));
        assert_eq!(text(&cmap, 0x0041, 2).as_deref(), Some("fg"));
        // A later bfchar overrides part of the big range, and maps to a control: unmapped.
        assert_eq!(text(&cmap, 0x0051, 2).as_deref(), Some("B"));
        assert_eq!(text(&cmap, 0x0052, 2).as_deref(), Some("<unmapped>"));
        assert_eq!(text(&cmap, 0x0053, 2).as_deref(), Some("D"));
        assert_eq!(text(&cmap, 0x0004, 2), None);
        assert_eq!(text(&cmap, 0x11, 1), None);
        assert_eq!(cmap.unicode_any_len(0x11, 1), Some(GlyphText::Char('æ')));
        assert_eq!(cmap.codespace, Codespace::fixed(2));
    }

    #[test]
    fn huge_ranges_are_stored_not_expanded() {
        let src = b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange
            1 beginbfrange <00000000> <FFFFFFFF> [<0041> <0042>] endbfrange";
        let cmap = CMap::parse(src);
        assert_eq!(cmap.unicode(1, 4), Some(GlyphText::Char('B')));
        assert_eq!(cmap.unicode(0xFFFF_FFFF, 4), Some(GlyphText::Unmapped));
    }

    #[test]
    fn entry_count_is_capped() {
        let mut src = b"beginbfchar\n".to_vec();
        for code in 0..(MAX_ENTRIES as u32 + 10) {
            src.extend_from_slice(format!("<{code:08X}> <0041>\n").as_bytes());
        }
        let cmap = CMap::parse(&src);
        assert_eq!(cmap.entries, MAX_ENTRIES);
        assert_eq!(cmap.unicode(MAX_ENTRIES as u32 - 1, 4), Some(GlyphText::Char('A')));
        assert_eq!(cmap.unicode(MAX_ENTRIES as u32, 4), None);
    }

    #[test]
    fn encoding_cmap_with_mixed_codespace() {
        let src = b"/CMapName /Test-H def /WMode 1 def /Identity-H usecmap
            2 begincodespacerange <00> <80> <8140> <FFFC> endcodespacerange
            1 begincidrange <20> <7E> 1 endcidrange
            1 begincidchar <8140> 633 endcidchar
            1 beginnotdefrange <00> <1F> 1 endnotdefrange";
        let cmap = CMap::parse(src);
        assert!(cmap.vertical);
        assert_eq!(cmap.use_cmap.as_deref(), Some(&b"Identity-H"[..]));
        assert_eq!(cmap.codespace.next_code(b"A\x81\x40"), (0x41, 1));
        assert_eq!(cmap.codespace.next_code(b"\x81\x40A"), (0x8140, 2));
        // 0x81 0x30 fits no range: the shortest range length (1 byte) is consumed.
        assert_eq!(cmap.codespace.next_code(b"\x81\x30"), (0x81, 1));
        assert_eq!(cmap.cid(0x41, 1), Some(34));
        assert_eq!(cmap.cid(0x8140, 2), Some(633));
        assert_eq!(cmap.cid(0x8141, 2), None);
        assert!(cmap.codespace.has_one_byte_codes());
    }

    #[test]
    fn utf16_codespace_splits_surrogate_pairs() {
        let cs = Codespace::utf16();
        assert_eq!(cs.next_code(&[0xd8, 0x35, 0xdc, 0x00, 0x00, 0x41]), (0xd835dc00, 4));
        assert_eq!(cs.next_code(&[0x00, 0x41]), (0x41, 2));
        assert_eq!(cs.next_code(&[0x41]), (0x41, 1));
    }

    #[test]
    fn garbage_never_panics() {
        for (src, code_1) in [
            (&b"beginbfrange <01> endbfrange"[..], None),
            (b"beginbfrange <01> <02> [<41>", Some(GlyphText::Char('A'))),
            (b"beginbfrange <0102030405> <0102030406> <41> endbfrange", None),
            (b"beginbfrange <05> <01> <41> endbfrange begincodespacerange <00> endcodespacerange", None),
            (b"begincidrange <00> <FF> -5 endcidrange usecmap", None),
            (b"beginbfchar <> <> endbfchar /WMode", None),
            (b"beginbfchar <01> endbfchar <02> <0042>", None),
        ] {
            let cmap = CMap::parse(src);
            assert_eq!(cmap.unicode(1, 1), code_1, "{}", String::from_utf8_lossy(src));
            assert_eq!(cmap.cid(1, 1), None);
        }
    }
}
