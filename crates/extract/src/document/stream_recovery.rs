//! Data for streams whose `/Length` is missing or unusable.
//!
//! lopdf 0.47 reads a stream's data from its `/Length`; when that entry is absent or does not
//! resolve to a number (`<< >> stream …`, a reference to a missing object), the loader keeps
//! the stream with empty content and only remembers where its data starts
//! (`Stream::start_position`). pdf.js and poppler then take the data up to the `endstream`
//! keyword, and so do we: the data is the bytes between the `stream` line and the
//! end-of-line marker before the next `endstream` (ISO 32000-1 §7.3.8.1), bounded so that a
//! stream without one cannot swallow the file.
//!
//! A `/Length` that is a number but wrong (the data ends earlier or later) is worse: lopdf 0.47
//! then fails to parse the object and drops it (its own fallback only accepts an `endstream`
//! right after an end-of-line marker and followed by `endobj`, so `…ET\n\tendstream` is lost).
//! [`recover_dropped_streams`] finds such objects in the file, lets lopdf parse their
//! dictionaries alone, and takes the data up to `endstream` as above.

use std::ops::Range;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId, Stream};
use memchr::memmem;

use crate::document::object_headers::object_headers;

const ENDSTREAM: &[u8] = b"endstream";

/// The bytes all scans together may read, as a multiple of the file size. One pass over the
/// file serves every real stream; the bound keeps thousands of unterminated streams in one
/// file from costing a pass each.
const SCAN_BUDGET_FACTOR: usize = 4;

/// Fills in the data of streams lopdf loaded without it, from `bytes` (the buffer the document
/// was loaded from). Streams longer than `max_stream_bytes` before their `endstream`, and
/// streams without one, stay empty.
pub(crate) fn recover_unsized_streams(doc: &mut Document, bytes: &[u8], max_stream_bytes: usize) {
    let mut budget = bytes.len().saturating_mul(SCAN_BUDGET_FACTOR);
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else { continue };
        let Some(start) = stream.start_position else { continue };
        // lopdf keeps a start position only for streams whose length it could not resolve
        // while parsing; those it later read through an indirect `/Length` have content.
        if !stream.content.is_empty() {
            continue;
        }
        let window = bytes.get(start..).unwrap_or(&[]);
        let window = window.get(..max_stream_bytes.saturating_add(ENDSTREAM.len())).unwrap_or(window);
        let window = window.get(..budget).unwrap_or(window);
        let found = memmem::find(window, ENDSTREAM);
        budget = budget.saturating_sub(found.map_or(window.len(), |at| at + ENDSTREAM.len()));
        if let Some(end) = found {
            stream.set_content(without_final_eol(window.get(..end).unwrap_or(&[])).to_vec());
        }
        if budget == 0 {
            break;
        }
    }
}

const STREAM: &[u8] = b"stream";
const ENDOBJ: &[u8] = b"endobj";

/// Stream types lopdf consumes while loading (and may then drop from `objects` on purpose):
/// putting them back would only cost memory.
const LOADER_STREAM_TYPES: [&[u8]; 2] = [b"ObjStm", b"XRef"];

/// The largest object number a PDF may use (ISO 32000-1 Annex C). Larger "numbers" are not
/// objects, and the bound leaves room above it for the catalog `parse_dictionaries` adds.
const MAX_OBJECT_NUMBER: u32 = 8_388_607;

/// A stream object found in the file that lopdf did not load.
struct Dropped<'a> {
    id: ObjectId,
    /// The object's text between `obj` and the `stream` keyword: its dictionary.
    dict: &'a [u8],
    /// The data between the `stream` line and the `endstream` keyword.
    data: &'a [u8],
}

/// Adds the stream objects of `bytes` that lopdf failed to load (typically because their
/// `/Length` is wrong) to `doc`, with their data taken up to `endstream`. Objects lopdf did
/// load are left alone; streams longer than `max_stream_bytes`, or without `endstream` before
/// the next object, are not recovered.
pub(crate) fn recover_dropped_streams(doc: &mut Document, bytes: &[u8], max_stream_bytes: usize) {
    // Each object's text runs to the next object header, so all scans together read the file
    // about once.
    let mut headers = object_headers(bytes).filter_map(|h| {
        let number = std::str::from_utf8(h.number).ok()?.parse::<u32>().ok()?;
        if number > MAX_OBJECT_NUMBER {
            return None;
        }
        let generation = std::str::from_utf8(h.generation).ok()?.parse::<u16>().ok()?;
        Some(((number, generation), h.start, h.end))
    });
    let mut dropped = Vec::new();
    let mut current = headers.next();
    while let Some((id, _, body_start)) = current {
        let next = headers.next();
        let body_end = next.map_or(bytes.len(), |(_, start, _)| start);
        if !doc.objects.contains_key(&id) {
            let body = bytes.get(body_start..body_end).unwrap_or(&[]);
            if let Some(object) = split_stream_object(id, body, max_stream_bytes) {
                dropped.push(object);
            }
        }
        current = next;
    }
    if dropped.is_empty() {
        return;
    }
    let dictionaries = parse_dictionaries(&dropped);
    // A later definition of the same object (an incremental update) replaces an earlier one.
    for object in dropped {
        let Some(dict) = dictionaries.get(&object.id) else { continue };
        let kind = dict.get(b"Type").and_then(Object::as_name).unwrap_or_default();
        if LOADER_STREAM_TYPES.contains(&kind) {
            continue;
        }
        let stream = Stream::new(dict.clone(), without_final_eol(object.data).to_vec());
        doc.objects.insert(object.id, Object::Stream(stream));
    }
}

/// Splits the text after "N G obj" into a stream's dictionary and data, if it is a stream
/// whose `endstream` comes within `body` and at most `max_stream_bytes` after its data starts.
fn split_stream_object(id: ObjectId, body: &[u8], max_stream_bytes: usize) -> Option<Dropped<'_>> {
    let keyword = memmem::find(body, STREAM)?;
    // `endobj` first: not a stream.
    if memmem::find(body.get(..keyword)?, ENDOBJ).is_some() {
        return None;
    }
    let dict = body.get(..keyword)?;
    if !dict.trim_ascii_start().starts_with(b"<<") {
        return None;
    }
    let after = body.get(keyword + STREAM.len()..)?;
    let data = stream_data(after, max_stream_bytes)?;
    Some(Dropped { id, dict, data: after.get(data)? })
}

/// Where a stream's data lies in `after_keyword` (the bytes right after its `stream` keyword):
/// past the keyword's end of line (spaces, then CRLF, LF or a lone CR, as pdf.js tolerates;
/// a missing one is tolerated too) up to the next `endstream`, at most `max_len` bytes. The
/// end-of-line marker before `endstream` is inside the range. `None` without `endstream`.
pub(crate) fn stream_data(after_keyword: &[u8], max_len: usize) -> Option<Range<usize>> {
    let spaces = after_keyword.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    let rest = after_keyword.get(spaces..)?;
    let eol = match rest {
        [b'\r', b'\n', ..] => 2,
        [b'\n' | b'\r', ..] => 1,
        _ => 0,
    };
    let start = spaces + eol;
    let data = after_keyword.get(start..)?;
    let window = data.get(..max_len.saturating_add(ENDSTREAM.len())).unwrap_or(data);
    let len = memmem::find(window, ENDSTREAM)?;
    Some(start..start + len)
}

/// A `/Length` whose value has more digits than any integer type holds (`2^64-1`, or longer):
/// lopdf's parser rejects the whole dictionary for it, though the data is found by `endstream`
/// regardless. Such a value is replaced by 0 before the dictionary is parsed.
static OVERLONG_LENGTH: std::sync::LazyLock<Option<regex::bytes::Regex>> = std::sync::LazyLock::new(|| {
    regex::bytes::Regex::new(r"(?-u)(/Length[\x00\t\n\x0c\r ]*)[+-]?\d{19,}(?:\.\d*)?").ok()
});

fn without_overlong_length(dict: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    match OVERLONG_LENGTH.as_ref() {
        Some(re) => re.replace_all(dict, &b"${1}0"[..]),
        None => std::borrow::Cow::Borrowed(dict),
    }
}

/// Has lopdf parse the dictionaries of `objects`, by loading a small document made of them
/// alone (lopdf's object parser is not public). Dictionaries it cannot parse are missing.
fn parse_dictionaries(objects: &[Dropped<'_>]) -> std::collections::BTreeMap<ObjectId, Dictionary> {
    let mut text = b"%PDF-1.7\n".to_vec();
    for object in objects {
        text.extend_from_slice(format!("{} {} obj\n", object.id.0, object.id.1).as_bytes());
        text.extend_from_slice(&without_overlong_length(object.dict));
        text.extend_from_slice(b"\nendobj\n");
    }
    // lopdf refuses a document without a catalog: add an empty one after the objects.
    let catalog = objects.iter().map(|o| o.id.0).max().unwrap_or(0).saturating_add(1);
    let pages = catalog.saturating_add(1);
    text.extend_from_slice(
        format!(
            "{catalog} 0 obj\n<< /Type /Catalog /Pages {pages} 0 R >>\nendobj\n\
             {pages} 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n\
             trailer\n<< /Root {catalog} 0 R /Size {} >>\n%%EOF\n",
            pages.saturating_add(1)
        )
        .as_bytes(),
    );
    let Ok(parsed) = Document::load_mem_with_options(&text, LoadOptions::default()) else {
        return Default::default();
    };
    parsed
        .objects
        .into_iter()
        .filter_map(|(id, object)| match object {
            Object::Dictionary(dict) => Some((id, dict)),
            _ => None,
        })
        .collect()
}

/// `data` without the end-of-line marker that precedes `endstream`.
fn without_final_eol(data: &[u8]) -> &[u8] {
    let data = data.strip_suffix(b"\n").unwrap_or(data);
    data.strip_suffix(b"\r").unwrap_or(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_with_stream(start: usize) -> Document {
        let mut doc = Document::new();
        doc.objects.insert((5, 0), Object::Stream(Stream::with_position(Dictionary::new(), start)));
        doc
    }

    fn content(doc: &Document, id: ObjectId) -> Vec<u8> {
        doc.get_object(id).and_then(Object::as_stream).map(|s| s.content.clone()).unwrap_or_default()
    }

    #[test]
    fn data_runs_to_the_end_of_line_before_endstream() {
        let file = b"5 0 obj << >>\nstream\nBT (a) Tj ET\r\nendstream\nendobj\n";
        let start = memmem::find(file, b"BT ").unwrap_or(0);
        let mut doc = doc_with_stream(start);
        recover_unsized_streams(&mut doc, file, 1024);
        assert_eq!(content(&doc, (5, 0)), b"BT (a) Tj ET");
    }

    /// A one-page file whose content stream (object 4) has `/Length` `length`; its data is
    /// `BT (a) Tj ET\n` followed by a tab before `endstream`, as in PyMuPDF's test2238.pdf.
    fn file_with_length(length: usize) -> Vec<u8> {
        format!(
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
             2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
             3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n\
             4 0 obj\n\t<< /Length {length} /Foo [1 0 R (x)] >>\n\tstream\nBT (a) Tj ET\n\tendstream\nendobj\n\
             trailer << /Root 1 0 R /Size 5 >>\n%%EOF\n"
        )
        .into_bytes()
    }

    #[test]
    fn a_length_no_integer_holds_is_read_as_zero() {
        let shown = |d: &[u8]| String::from_utf8_lossy(&without_overlong_length(d)).into_owned();
        assert_eq!(shown(b"<< /Length 18446744073709551615 >>"), "<< /Length 0 >>");
        assert_eq!(shown(b"<</Length\n-99999999999999999999.5/N 3>>"), "<</Length\n0/N 3>>");
        assert_eq!(shown(b"<< /Length 42 /N 1234567890123456789012 >>"), "<< /Length 42 /N 1234567890123456789012 >>");
    }

    #[test]
    fn streams_lopdf_drops_for_a_wrong_length_are_recovered() {
        for length in [3, 15, 40] {
            let file = file_with_length(length);
            let mut doc = Document::load_mem(&file).unwrap_or_default();
            assert!(doc.objects.contains_key(&(3, 0)), "length {length}");
            assert!(!doc.objects.contains_key(&(4, 0)), "lopdf now loads length {length}");
            recover_dropped_streams(&mut doc, &file, 1024);
            assert_eq!(content(&doc, (4, 0)), b"BT (a) Tj ET\n\t", "length {length}");
            let stream = doc.get_object((4, 0)).and_then(Object::as_stream).ok().map(|s| s.dict.clone());
            let foo = stream.as_ref().and_then(|d| d.get(b"Foo").ok()).and_then(|o| o.as_array().ok()).cloned();
            assert_eq!(foo, Some(vec![Object::Reference((1, 0)), Object::string_literal("x")]));
        }
    }

    #[test]
    fn dropped_streams_are_bounded_by_size_and_the_next_object() {
        let file = file_with_length(40);
        let mut doc = Document::load_mem(&file).unwrap_or_default();
        recover_dropped_streams(&mut doc, &file, 8);
        assert!(!doc.objects.contains_key(&(4, 0)));
        let cut = String::from_utf8_lossy(&file).replace("\tendstream", "5 0 obj\n").into_bytes();
        let mut doc = Document::load_mem(&cut).unwrap_or_default();
        recover_dropped_streams(&mut doc, &cut, 1024);
        assert!(!doc.objects.contains_key(&(4, 0)));
    }

    #[test]
    fn streams_without_endstream_or_too_long_stay_empty() {
        let file = b"5 0 obj << >>\nstream\nBT (a) Tj ET\n";
        let mut doc = doc_with_stream(21);
        recover_unsized_streams(&mut doc, file, 1024);
        assert_eq!(content(&doc, (5, 0)), b"");
        let file = b"5 0 obj << >>\nstream\nBT (a) Tj ET\nendstream\n";
        let mut doc = doc_with_stream(21);
        recover_unsized_streams(&mut doc, file, 4);
        assert_eq!(content(&doc, (5, 0)), b"");
    }
}
