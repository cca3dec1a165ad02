//! Data for streams whose `/Length` is missing or unusable.
//!
//! lopdf 0.47 reads a stream's data from its `/Length`; when that entry is absent or does not
//! resolve to a number (`<< >> stream …`, a reference to a missing object), the loader keeps
//! the stream with empty content and only remembers where its data starts
//! (`Stream::start_position`). pdf.js and poppler then take the data up to the `endstream`
//! keyword, and so do we: the data is the bytes between the `stream` line and the
//! end-of-line marker before the next `endstream` (ISO 32000-1 §7.3.8.1), bounded so that a
//! stream without one cannot swallow the file.

use lopdf::{Document, Object};

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
        let found = find(window, ENDSTREAM);
        budget = budget.saturating_sub(found.map_or(window.len(), |at| at + ENDSTREAM.len()));
        if let Some(end) = found {
            stream.set_content(without_final_eol(window.get(..end).unwrap_or(&[])).to_vec());
        }
        if budget == 0 {
            break;
        }
    }
}

/// The first position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `data` without the end-of-line marker that precedes `endstream`.
fn without_final_eol(data: &[u8]) -> &[u8] {
    let data = data.strip_suffix(b"\n").unwrap_or(data);
    data.strip_suffix(b"\r").unwrap_or(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Stream};

    fn doc_with_stream(start: usize) -> Document {
        let mut doc = Document::new();
        doc.objects.insert((5, 0), Object::Stream(Stream::with_position(Dictionary::new(), start)));
        doc
    }

    fn content(doc: &Document) -> Vec<u8> {
        doc.get_object((5, 0)).and_then(Object::as_stream).map(|s| s.content.clone()).unwrap_or_default()
    }

    #[test]
    fn data_runs_to_the_end_of_line_before_endstream() {
        let file = b"5 0 obj << >>\nstream\nBT (a) Tj ET\r\nendstream\nendobj\n";
        let start = file.windows(3).position(|w| w == b"BT ").unwrap_or(0);
        let mut doc = doc_with_stream(start);
        recover_unsized_streams(&mut doc, file, 1024);
        assert_eq!(content(&doc), b"BT (a) Tj ET");
    }

    #[test]
    fn streams_without_endstream_or_too_long_stay_empty() {
        let file = b"5 0 obj << >>\nstream\nBT (a) Tj ET\n";
        let mut doc = doc_with_stream(21);
        recover_unsized_streams(&mut doc, file, 1024);
        assert_eq!(content(&doc), b"");
        let file = b"5 0 obj << >>\nstream\nBT (a) Tj ET\nendstream\n";
        let mut doc = doc_with_stream(21);
        recover_unsized_streams(&mut doc, file, 4);
        assert_eq!(content(&doc), b"");
    }
}
