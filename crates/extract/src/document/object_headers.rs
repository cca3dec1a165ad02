//! Indirect object headers ("N G obj") in a file's raw bytes, found by hand rather than by a
//! regex: compiling the regex cost about as much as the rest of the preflight for a small file,
//! and `kommunsk extract` pays every compile once per file. The search jumps between the
//! occurrences of `obj` (SIMD `memmem`) and reads each header backwards from there.
//!
//! A header is what the regex `(?-u)\b(\d{1,10})[\0\t\n\x0c\r ]+(\d{1,5})[\0\t\n\x0c\r ]+obj\b`
//! matches, and the unit tests compare the two: an object number of at most 10 digits not
//! preceded by a letter, digit or `_`, white space, a generation of at most 5 digits, white
//! space, `obj` not followed by a letter, digit or `_`. Every match ends at its own `obj` and
//! holds no other, so matches never overlap and come out in file order.

use memchr::memmem;

/// Longest object number and generation, in digits.
const MAX_NUMBER_DIGITS: usize = 10;
const MAX_GENERATION_DIGITS: usize = 5;

const OBJ: &[u8] = b"obj";

/// One "N G obj" in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ObjectHeader<'a> {
    /// Offset of the object number's first digit.
    pub start: usize,
    /// Offset just after `obj`.
    pub end: usize,
    /// The object number's digits.
    pub number: &'a [u8],
    /// The generation's digits.
    pub generation: &'a [u8],
}

/// Every object header of `bytes`, in file order. Each byte is read a bounded number of times:
/// the backward reads from one `obj` stop at the previous one, which is no digit or white space.
pub(crate) fn object_headers(bytes: &[u8]) -> impl Iterator<Item = ObjectHeader<'_>> {
    memmem::find_iter(bytes, OBJ).filter_map(move |at| header_ending_at(bytes, at))
}

/// The header whose `obj` starts at `obj`, if the bytes before it make one.
fn header_ending_at(bytes: &[u8], obj: usize) -> Option<ObjectHeader<'_>> {
    let end = obj + OBJ.len();
    if bytes.get(end).copied().is_some_and(is_word) {
        return None;
    }
    let generation_end = before_run(bytes, obj, is_space, usize::MAX)?;
    let generation_start = before_run(bytes, generation_end, is_digit, MAX_GENERATION_DIGITS)?;
    let number_end = before_run(bytes, generation_start, is_space, usize::MAX)?;
    let start = before_run(bytes, number_end, is_digit, MAX_NUMBER_DIGITS)?;
    if start > 0 && bytes.get(start - 1).copied().is_some_and(is_word) {
        return None;
    }
    Some(ObjectHeader {
        start,
        end,
        number: bytes.get(start..number_end)?,
        generation: bytes.get(generation_start..generation_end)?,
    })
}

/// Where the run of `class` bytes ending just before `at` starts: `None` if the run is empty,
/// or longer than `max` (then no shorter match exists either: the byte before a shorter run
/// would be of the same class).
fn before_run(bytes: &[u8], at: usize, class: fn(u8) -> bool, max: usize) -> Option<usize> {
    let head = bytes.get(..at)?;
    let run = head.iter().rev().take(max.saturating_add(1)).take_while(|&&b| class(b)).count();
    (run >= 1 && run <= max).then(|| at - run)
}

/// PDF white space (ISO 32000-1 Table 1).
fn is_space(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn is_digit(b: u8) -> bool {
    b.is_ascii_digit()
}

/// A byte a regex's `\b` counts as part of a word (ASCII mode).
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regex this scan replaces.
    static REGEX: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(r"(?-u)\b(\d{1,10})[\x00\t\n\x0c\r ]+(\d{1,5})[\x00\t\n\x0c\r ]+obj\b").unwrap()
    });

    fn by_regex(bytes: &[u8]) -> Vec<ObjectHeader<'_>> {
        REGEX
            .captures_iter(bytes)
            .map(|c| {
                let whole = c.get(0).unwrap();
                ObjectHeader {
                    start: whole.start(),
                    end: whole.end(),
                    number: c.get(1).unwrap().as_bytes(),
                    generation: c.get(2).unwrap().as_bytes(),
                }
            })
            .collect()
    }

    #[test]
    fn headers_in_a_small_file() {
        let file = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n12 3 obj<<>>endobj x7 0 obj 8 0 objx 123456 0 obj";
        let found: Vec<(&[u8], &[u8])> = object_headers(file).map(|h| (h.number, h.generation)).collect();
        assert_eq!(found, [(&b"1"[..], &b"0"[..]), (b"12", b"3"), (b"123456", b"0")]);
        assert_eq!(object_headers(file).collect::<Vec<_>>(), by_regex(file));
    }

    #[test]
    fn the_scan_finds_what_the_regex_finds() {
        // Pieces that make near-misses likely: long digit runs, words around `obj`, every kind
        // of white space, `endobj`, and cuts at every position.
        let pieces: [&[u8]; 20] = [
            b"1",
            b"0",
            b"42",
            b"12345",
            b"123456",
            b"1234567890",
            b"12345678901",
            b" ",
            b"\n",
            b"\0",
            b"\r\n",
            b"obj",
            b"endobj",
            b"a",
            b"_",
            b"%",
            b"1 0 obj",
            b" 0 obj",
            b"3 ",
            b"\x0c",
        ];
        // xorshift: reproducible without a dependency.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut matched = 0;
        for _ in 0..20_000 {
            let len = next() % 24;
            let text: Vec<u8> =
                (0..len).flat_map(|_| pieces[(next() % pieces.len() as u64) as usize]).copied().collect();
            let expected = by_regex(&text);
            matched += expected.len();
            assert_eq!(object_headers(&text).collect::<Vec<_>>(), expected, "{:?}", String::from_utf8_lossy(&text));
        }
        assert!(matched > 1000, "the inputs must hold headers too ({matched})");
    }

    #[test]
    fn long_runs_cost_one_pass() {
        // A megabyte of white space before each of a few `obj`, and a megabyte of digits.
        let mut text = vec![b' '; 1 << 20];
        text.extend_from_slice(b"obj");
        text.extend(std::iter::repeat_n(b'7', 1 << 20));
        text.extend_from_slice(b" 0 obj 1 0 obj");
        let found: Vec<_> = object_headers(&text).collect();
        assert_eq!(found, by_regex(&text));
        assert_eq!(found.len(), 1);
    }
}
