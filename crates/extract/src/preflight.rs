//! A pass over the raw bytes before lopdf loads them, for the cost lopdf's loader does not bound:
//! object streams.
//!
//! lopdf 0.47 decodes every object stream while loading (each within `max_decompressed_size`)
//! and parses one object per index entry, starting at that entry's offset. Entries that repeat
//! an offset re-parse the same object, so a few hundred kilobytes of compressed index pointing
//! at one large array cost hours and tens of gigabytes; and every stream may hold millions of
//! tiny objects. All of that happens inside `Document::load`, before the object-count limit or
//! the time budget can look at anything, so it is checked here first.

use lopdf::{Dictionary, Object, Stream};
use memchr::memmem;
use regex::bytes::Regex;
use std::sync::LazyLock;

use super::{ExtractError, Limits};

/// All object streams of a file together may decompress to this many `max_stream_bytes`. The
/// largest real file we have seen holds ~20 MB of object streams; the bound keeps the memory of
/// their parsed objects (several times their text) within a few GB.
const TOTAL_OBJECT_STREAM_FACTOR: usize = 4;

/// Index entries whose offset is not above the previous one, tolerated per object stream. The
/// specification requires increasing offsets; a writer bug might swap a few, a bomb repeats
/// thousands.
const MAX_OUT_OF_ORDER_ENTRIES: usize = 64;

/// How far before `/ObjStm` the object's dictionary may start and how far after it the
/// `stream` keyword may be. Object-stream dictionaries have five or six short entries.
const MAX_DICT_BYTES: usize = 1024;

/// Most object streams examined. A 10,000-page report has about a thousand; a file with more
/// `/ObjStm` markers than this is built to make the scan itself slow.
const MAX_OBJECT_STREAMS: usize = 100_000;

/// Filters decoded here; a stream with any other is left to lopdf.
const OTHER_FILTERS: [&[u8]; 6] =
    [b"/ASCIIHexDecode", b"/ASCII85Decode", b"/LZWDecode", b"/RunLengthDecode", b"/Crypt", b"/DecodeParms"];

/// `/Type /ObjStm`, with the space optional.
static OBJSTM: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"/Type\s*/ObjStm\b").ok());

/// `/First N`.
static FIRST: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"/First\s+(\d{1,10})").ok());

/// Fails the file when its object streams would make lopdf's loader spend unbounded time or
/// memory. Streams it cannot decode (encrypted, unusual filters) are left to lopdf.
pub(crate) fn check_object_streams(bytes: &[u8], limits: &Limits) -> Result<(), ExtractError> {
    let (Some(objstm), Some(first_re)) = (OBJSTM.as_ref(), FIRST.as_ref()) else {
        return Ok(());
    };
    let total_limit = limits.max_stream_bytes.saturating_mul(TOTAL_OBJECT_STREAM_FACTOR);
    let mut total_bytes = 0usize;
    let mut total_entries = 0usize;
    // Matches inside a stream already examined are not stream dictionaries; skipping them
    // also keeps the `endstream` searches linear in the file size.
    let mut resume = 0usize;
    for (examined, found) in objstm.find_iter(bytes).enumerate() {
        if examined >= MAX_OBJECT_STREAMS {
            return Err(ExtractError::LimitExceeded {
                limit: "max_objects",
                detail: format!("more than {MAX_OBJECT_STREAMS} object streams"),
            });
        }
        if found.start() < resume {
            continue;
        }
        let Some((dict, data, data_end)) = stream_around(bytes, found.start(), found.end()) else { continue };
        resume = data_end;
        let Some(content) = decode(dict, data, limits)? else { continue };
        total_bytes = total_bytes.saturating_add(content.len());
        if total_bytes > total_limit {
            return Err(ExtractError::LimitExceeded {
                limit: "max_stream_bytes",
                detail: format!("object streams decompress to more than {total_limit} bytes in total"),
            });
        }
        let Some(first) = first_re
            .captures(dict)
            .and_then(|c| c.get(1))
            .and_then(|m| std::str::from_utf8(m.as_bytes()).ok())
            .and_then(|s| s.parse::<usize>().ok())
        else {
            continue;
        };
        let index = content.get(..first).unwrap_or(&content);
        let (entries, out_of_order) = read_index(index);
        if out_of_order > MAX_OUT_OF_ORDER_ENTRIES {
            return Err(ExtractError::Corrupt(format!(
                "an object stream lists {out_of_order} objects at repeated or decreasing offsets"
            )));
        }
        total_entries = total_entries.saturating_add(entries);
        if total_entries > limits.max_objects {
            return Err(ExtractError::LimitExceeded {
                limit: "max_objects",
                detail: format!("object streams hold more than {} objects", limits.max_objects),
            });
        }
    }
    Ok(())
}

/// The dictionary text, raw data and data end of the stream object whose dictionary contains
/// the match at `start..end`, or `None` if it does not look like one.
fn stream_around(bytes: &[u8], start: usize, end: usize) -> Option<(&[u8], &[u8], usize)> {
    let before = bytes.get(start.saturating_sub(MAX_DICT_BYTES)..start)?;
    let dict_start = start - before.len() + memmem::rfind(before, b"obj")?;
    let after = bytes.get(end..)?;
    let window = after.get(..MAX_DICT_BYTES).unwrap_or(after);
    let keyword = end + memmem::find(window, b"stream")?;
    let dict = bytes.get(dict_start..keyword)?;
    let after_keyword = keyword + b"stream".len();
    // No length bound here: the decoder bounds what the data inflates to.
    let data = super::stream_recovery::stream_data(bytes.get(after_keyword..)?, usize::MAX)?;
    let (data_start, data_end) = (after_keyword + data.start, after_keyword + data.end);
    Some((dict, bytes.get(data_start..data_end)?, data_end))
}

/// Decodes a stream whose dictionary text is `dict`: Flate or unfiltered, within the stream
/// limit. `Ok(None)` when it cannot be decoded here.
fn decode(dict: &[u8], data: &[u8], limits: &Limits) -> Result<Option<Vec<u8>>, ExtractError> {
    let has = |needle: &[u8]| memmem::find(dict, needle).is_some();
    if !has(b"/Filter") {
        return Ok(Some(data.to_vec()));
    }
    // Predictors and other filters are rare in object streams; lopdf reads those alone.
    if !has(b"/FlateDecode") || OTHER_FILTERS.iter().any(|f| has(f)) {
        return Ok(None);
    }
    let mut filter = Dictionary::new();
    filter.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    match Stream::new(filter, data.to_vec()).get_plain_content_with_limit(limits.max_stream_bytes) {
        Ok(content) => Ok(Some(content)),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            Err(ExtractError::LimitExceeded {
                limit: "max_stream_bytes",
                detail: format!("an object stream decompresses to more than {} bytes", limits.max_stream_bytes),
            })
        }
        Err(_) => Ok(None),
    }
}

/// Number of (object number, offset) pairs in an object stream's index, and how many of their
/// offsets are not above the one before.
fn read_index(index: &[u8]) -> (usize, usize) {
    let mut numbers = index
        .split(|b| b.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
        .map(|t| std::str::from_utf8(t).ok().and_then(|s| s.parse::<u64>().ok()));
    let (mut entries, mut out_of_order) = (0usize, 0usize);
    let mut previous: Option<u64> = None;
    while let (Some(_number), Some(offset)) = (numbers.next(), numbers.next()) {
        entries += 1;
        let Some(offset) = offset else { continue };
        if previous.is_some_and(|p| offset <= p) {
            out_of_order += 1;
        }
        previous = Some(offset);
    }
    (entries, out_of_order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_counts_entries_and_offsets_out_of_order() {
        assert_eq!(read_index(b"10 0 11 25 12 40"), (3, 0));
        assert_eq!(read_index(b"10 0 11 0 12 0 13 7"), (4, 2));
    }

    #[test]
    fn a_stream_is_found_around_its_type() {
        let pdf =
            b"%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length 9 >>\nstream\n1 0 <<>>\nendstream\nendobj\n";
        let at = memmem::find(pdf, b"/ObjStm").unwrap_or(0);
        let (dict, data, _) = stream_around(pdf, at, at + 7).unwrap_or_default();
        assert_eq!(data, b"1 0 <<>>\n");
        assert!(dict.starts_with(b"obj\n<< /Type"));
    }
}
