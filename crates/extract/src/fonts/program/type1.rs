//! Type1 programs (`/FontFile`): the built-in encoding in the cleartext part, either
//! `/Encoding StandardEncoding def` or an array filled by `dup <code> /<name> put` entries
//! (what pdfTeX's subsets of TeX fonts carry).
//!
//! Only the cleartext part is read, so a compressed program is inflated only as far as that
//! part goes ([`inflate_cleartext`]): it is the first few percent of the program.

use std::io::Read;

use super::super::encoding::{BaseEncoding, CodeTable};
use super::table_of_names;

/// PFB files start each segment with 0x80, a type byte and a little-endian u32 length.
const PFB_HEADER_LEN: usize = 6;

/// The cleartext part ends where the encrypted part begins.
const EEXEC: &[u8] = b"eexec";

/// The built-in encoding of a Type1 program, `None` when it has none we can read.
pub(super) fn builtin_table(bytes: &[u8]) -> Option<CodeTable> {
    match encoding_entry(bytes)? {
        Encoding::Standard => Some(BaseEncoding::Standard.table().clone()),
        Encoding::IsoLatin1 => Some(BaseEncoding::WinAnsi.table().clone()),
        Encoding::Custom(names) => table_of_names(&names),
    }
}

/// The glyph names of a custom built-in encoding (empty for the named standard encodings,
/// whose names the glyph list knows).
pub(super) fn builtin_names(bytes: &[u8]) -> Vec<(u8, String)> {
    match encoding_entry(bytes) {
        Some(Encoding::Custom(names)) => names,
        _ => Vec::new(),
    }
}

/// What a Type1 program's `/Encoding` entry says.
enum Encoding {
    Standard,
    IsoLatin1,
    /// An array: (code, glyph name) for each `dup <code> /<name> put`.
    Custom(Vec<(u8, String)>),
}

fn encoding_entry(bytes: &[u8]) -> Option<Encoding> {
    let clear = cleartext(bytes);
    let at = memchr::memmem::find(clear, b"/Encoding")?;
    let rest = clear.get(at + b"/Encoding".len()..)?;
    let mut tokens = Tokens { rest };
    match tokens.next()? {
        b"StandardEncoding" => return Some(Encoding::Standard),
        b"ISOLatin1Encoding" => return Some(Encoding::IsoLatin1),
        _ => {}
    }
    let mut names = Vec::new();
    // The array ends at `def` (`readonly def`); entries are `dup <code> /<name> put`.
    let mut window: [&[u8]; 4] = [b""; 4];
    for token in tokens {
        if token == b"def" {
            break;
        }
        window.rotate_left(1);
        if let Some(last) = window.last_mut() {
            *last = token;
        }
        if let [b"dup", code, name, b"put"] = window {
            let code = std::str::from_utf8(code).ok().and_then(|c| c.parse::<u8>().ok());
            let name = name.strip_prefix(b"/").map(String::from_utf8_lossy);
            if let (Some(code), Some(name)) = (code, name) {
                names.push((code, name.into_owned()));
            }
        }
    }
    Some(Encoding::Custom(names))
}

/// Bytes inflated at a time while looking for the end of the cleartext part.
const INFLATE_CHUNK: usize = 16 * 1024;

/// The start of a Type1 program kept in a `/FlateDecode` stream (without `/DecodeParms`),
/// inflated as far as the end of its cleartext part: [`cleartext`] of it is that of the whole
/// program, and nothing else of a Type1 program is read. `None` when the stream is filtered
/// otherwise, holds no Type1 program, or its cleartext part does not end within `max` bytes or
/// before its data does; the caller then decodes the stream whole, as any other program.
pub(super) fn inflate_cleartext(stream: &lopdf::Stream, max: usize) -> Option<Vec<u8>> {
    if stream.dict.has(b"DecodeParms") || stream.filters().ok()? != [b"FlateDecode".as_slice()] {
        return None;
    }
    let mut decoder = flate2::read::ZlibDecoder::new(stream.content.as_slice());
    let mut out = Vec::new();
    let mut searched = 0;
    while out.len() <= max {
        let start = out.len();
        out.resize(start + INFLATE_CHUNK, 0);
        let read = decoder.read(out.get_mut(start..).unwrap_or_default()).ok().filter(|&n| n > 0)?;
        out.truncate(start + read);
        if !could_be_type1(&out) {
            return None;
        }
        if cleartext_ends(&out, &mut searched) {
            return Some(out);
        }
    }
    None
}

/// Whether a program starting with `head` can be a Type1 program: it starts as one, or is too
/// short to tell (the leading bytes the format is sniffed from).
fn could_be_type1(head: &[u8]) -> bool {
    matches!(head, [] | [b'%' | 0x80] | [b'%', b'!', ..] | [0x80, 1, ..])
}

/// Whether the cleartext part of a program that starts with `head` is all in `head`: its PFB
/// segment is complete, or `eexec` occurs in it. `searched` is how much of it earlier calls
/// looked through.
fn cleartext_ends(head: &[u8], searched: &mut usize) -> bool {
    let body = match head {
        [0x80, 1, a, b, c, d, rest @ ..] => {
            let len = usize::try_from(u32::from_le_bytes([*a, *b, *c, *d])).unwrap_or(usize::MAX);
            if rest.len() >= len {
                return true;
            }
            rest
        }
        [0x80, ..] => return false,
        _ => head,
    };
    let from = searched.saturating_sub(EEXEC.len() - 1);
    *searched = body.len();
    body.get(from..).is_some_and(|new| memchr::memmem::find(new, EEXEC).is_some())
}

/// The cleartext part of a PFA or PFB program.
fn cleartext(bytes: &[u8]) -> &[u8] {
    let body = match bytes {
        [0x80, 1, a, b, c, d, ..] => {
            let len = u32::from_le_bytes([*a, *b, *c, *d]);
            let end = usize::try_from(len).unwrap_or(usize::MAX).saturating_add(PFB_HEADER_LEN);
            bytes.get(PFB_HEADER_LEN..end.min(bytes.len())).unwrap_or_default()
        }
        _ => bytes,
    };
    match memchr::memmem::find(body, EEXEC) {
        Some(end) => body.get(..end).unwrap_or(body),
        None => body,
    }
}

/// PostScript tokens, enough for encoding arrays: names keep their leading `/`, and `/`
/// starts a new token even without white space before it (`dup 32/space put`).
struct Tokens<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let start = self.rest.iter().position(|b| !b.is_ascii_whitespace())?;
        let rest = self.rest.get(start..)?;
        let is_delimiter = |b: &u8| b.is_ascii_whitespace() || b"/[]{}()<>%".contains(b);
        // A delimiter that starts a token belongs to it (`/name`) or is one by itself (`[`).
        let len = match rest.first() {
            Some(b'/') => 1 + rest.iter().skip(1).take_while(|b| !is_delimiter(b)).count(),
            Some(b) if is_delimiter(b) => 1,
            _ => rest.iter().take_while(|b| !is_delimiter(b)).count(),
        };
        let (token, tail) = rest.split_at(len.min(rest.len()));
        self.rest = tail;
        Some(token)
    }
}
