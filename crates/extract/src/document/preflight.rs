//! A pass over the raw bytes before lopdf loads them, for the cost lopdf's loader does not bound:
//! object streams.
//!
//! lopdf 0.47 decodes every object stream while loading (each within `max_decompressed_size`)
//! and parses one object per index entry, starting at that entry's offset. Entries that repeat
//! an offset re-parse the same object, so a few hundred kilobytes of compressed index pointing
//! at one large array cost hours and tens of gigabytes; and every stream may hold millions of
//! tiny objects. All of that happens inside `Document::load`, before the object-count limit or
//! the time budget can look at anything, so it is checked here first.

use std::time::Instant;

use lopdf::{Dictionary, Object, Stream};
use memchr::memmem;

use crate::document::object_headers::object_headers;
use crate::{ExtractError, Limits};

/// All object streams of a file together may decompress to this many `max_stream_bytes`. The
/// largest real file we have seen holds ~20 MB of object streams; the bound keeps the memory of
/// their parsed objects (several times their text) within a few GB.
const TOTAL_OBJECT_STREAM_FACTOR: usize = 4;

/// Index entries whose offset is not above the previous one, tolerated per object stream. The
/// specification requires increasing offsets; a writer bug might swap a few, a bomb repeats
/// thousands.
const MAX_OUT_OF_ORDER_ENTRIES: usize = 64;

/// Most stream objects examined. A 10,000-page report has tens of thousands; a file with more
/// is built to make the scan itself slow.
const MAX_STREAM_OBJECTS: usize = 1_000_000;

/// Fails the file when its object streams would make lopdf's loader spend unbounded time or
/// memory. Which streams are object streams is decided as lopdf decides it, from the parsed
/// dictionary, not from its spelling in the file: any stream with a direct integer `/First` and
/// `/N` (lopdf decodes a container named by a cross-reference stream whatever its `/Type`), so
/// `/Obj#53tm`, comments and padding change nothing. Its data is decoded with lopdf's own filter
/// chain (`/DecodeParms`, filter arrays, ASCIIHex, …) under the stream limit, the clock checked
/// after each.
pub(crate) fn check_object_streams(bytes: &[u8], limits: &Limits) -> Result<(), ExtractError> {
    let deadline = Instant::now() + limits.time_budget;
    let streams = stream_objects(bytes);
    if streams.len() > MAX_STREAM_OBJECTS {
        return Err(ExtractError::LimitExceeded {
            limit: "max_objects",
            detail: format!("more than {MAX_STREAM_OBJECTS} stream objects"),
        });
    }
    let dicts: Vec<&[u8]> = streams.iter().map(|s| s.dict).collect();
    let parsed = parse_dictionaries(&dicts);
    let total_limit = limits.max_stream_bytes.saturating_mul(TOTAL_OBJECT_STREAM_FACTOR);
    let mut total_bytes = 0usize;
    let mut total_entries = 0usize;
    for (stream, dict) in streams.iter().zip(parsed) {
        let Some(dict) = dict else { continue };
        let (Ok(first), Ok(_)) = (dict.get(b"First").and_then(Object::as_i64), dict.get(b"N").and_then(Object::as_i64))
        else {
            continue;
        };
        let Some(data) = stream_data(bytes, stream.after_keyword, &dict) else { continue };
        let content = match Stream::new(dict, data.to_vec()).get_plain_content_with_limit(limits.max_stream_bytes) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
                return Err(ExtractError::LimitExceeded {
                    limit: "max_stream_bytes",
                    detail: format!("an object stream decompresses to more than {} bytes", limits.max_stream_bytes),
                });
            }
            // lopdf cannot decode it either, and then reads no objects from it.
            Err(_) => continue,
        };
        if Instant::now() > deadline {
            return Err(limits.time_exceeded());
        }
        total_bytes = total_bytes.saturating_add(content.len());
        if total_bytes > total_limit {
            return Err(ExtractError::LimitExceeded {
                limit: "max_stream_bytes",
                detail: format!("object streams decompress to more than {total_limit} bytes in total"),
            });
        }
        let Some(index) = usize::try_from(first).ok().and_then(|first| content.get(..first)) else { continue };
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

/// A stream object in the file: its dictionary's text and where its `stream` keyword ends.
struct StreamObject<'a> {
    dict: &'a [u8],
    after_keyword: usize,
}

/// Every "N G obj << … >> stream" in the file, whatever the cross-reference table says (lopdf
/// rebuilds a broken one by scanning, so any of them may be loaded).
fn stream_objects(bytes: &[u8]) -> Vec<StreamObject<'_>> {
    let starts: Vec<usize> = object_headers(bytes).map(|h| h.end).collect();
    let mut streams = Vec::new();
    for (i, &body_start) in starts.iter().enumerate() {
        let body_end = starts.get(i + 1).copied().unwrap_or(bytes.len());
        let Some(body) = bytes.get(body_start..body_end) else { continue };
        let Some(keyword) = memmem::find(body, b"stream") else { continue };
        let Some(dict) = body.get(..keyword) else { continue };
        if !dict.trim_ascii_start().starts_with(b"<<") || memmem::find(dict, b"endobj").is_some() {
            continue;
        }
        streams.push(StreamObject { dict, after_keyword: body_start + keyword + b"stream".len() });
        if streams.len() > MAX_STREAM_OBJECTS {
            break;
        }
    }
    streams
}

/// The stream's data as lopdf reads it: `/Length` bytes when that is a direct integer that
/// fits in the file, else up to `endstream`.
fn stream_data<'a>(bytes: &'a [u8], after_keyword: usize, dict: &Dictionary) -> Option<&'a [u8]> {
    let after = bytes.get(after_keyword..)?;
    let extent = crate::document::stream_recovery::stream_data(after, usize::MAX);
    let start =
        extent.as_ref().map_or_else(|| after.iter().take_while(|b| b.is_ascii_whitespace()).count(), |r| r.start);
    let by_length = dict
        .get(b"Length")
        .and_then(Object::as_i64)
        .ok()
        .and_then(|len| usize::try_from(len).ok())
        .and_then(|len| after.get(start..start.checked_add(len)?));
    by_length.or_else(|| after.get(extent?))
}

/// lopdf's parse of each dictionary text (in order; `None` where it fails), through a small
/// document of them alone (lopdf's object parser is not public), each under a number of its own
/// so that two objects with the same number in the file are both seen.
fn parse_dictionaries(dicts: &[&[u8]]) -> Vec<Option<Dictionary>> {
    let mut text = b"%PDF-1.7\n".to_vec();
    for (i, dict) in dicts.iter().enumerate() {
        text.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        text.extend_from_slice(dict);
        text.extend_from_slice(b"\nendobj\n");
    }
    let catalog = dicts.len() + 1;
    text.extend_from_slice(
        format!(
            "{catalog} 0 obj\n<< /Type /Catalog /Pages {} 0 R >>\nendobj\n{} 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root {catalog} 0 R /Size {} >>\n%%EOF\n",
            catalog + 1,
            catalog + 1,
            catalog + 2
        )
        .as_bytes(),
    );
    let mut parsed = lopdf::Document::load_mem_with_options(&text, lopdf::LoadOptions::default())
        .map(|doc| doc.objects)
        .unwrap_or_default();
    (1..=dicts.len())
        .map(|i| {
            let id = (u32::try_from(i).ok()?, 0);
            match parsed.remove(&id)? {
                Object::Dictionary(dict) => Some(dict),
                _ => None,
            }
        })
        .collect()
}

/// Number of (object number, offset) pairs in an object stream's index, and how many of their
/// offsets are not above the one before.
fn read_index(index: &[u8]) -> (usize, usize) {
    // As lopdf reads it: a comment runs to the end of its line.
    let mut numbers = index
        .split(|&b| b == b'\r' || b == b'\n')
        .flat_map(|line| line.split(|&b| b == b'%').next().unwrap_or_default().split(|b| b.is_ascii_whitespace()))
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
    fn object_streams_are_known_by_their_parsed_dictionary() {
        let pdf = b"%PDF-1.7\n5 0 obj\n<< /Type /Obj#53tm % hidden\n /N 1 /First 4 /Length 9 >>\nstream\n1 0 <<>>\nendstream\nendobj\n\
                    6 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj\n";
        let streams = stream_objects(pdf);
        assert_eq!(streams.len(), 2);
        let dicts: Vec<&[u8]> = streams.iter().map(|s| s.dict).collect();
        let parsed = parse_dictionaries(&dicts);
        let first = parsed[0].as_ref().expect("parsed");
        assert_eq!(first.get(b"Type").and_then(Object::as_name).ok(), Some(&b"ObjStm"[..]));
        assert_eq!(stream_data(pdf, streams[0].after_keyword, first), Some(&b"1 0 <<>>\n"[..]));
        let second = parsed[1].as_ref().expect("parsed");
        assert_eq!(stream_data(pdf, streams[1].after_keyword, second), Some(&b"abc"[..]));
    }

    #[test]
    fn index_comments_are_white_space() {
        assert_eq!(read_index(b"10 0 % 11 0 12 0\n11 7"), (2, 0));
    }
}
