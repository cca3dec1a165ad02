//! Stream dictionaries rewritten once after loading so that lopdf's decoders read them right.
//!
//! lopdf 0.47's `Stream::decompressed_content{,_with_limit}` (used by
//! `Document::get_page_content_with_limit`, and by us for Form XObjects and field appearances)
//! go through `Stream::decode_filters`, which applies the filters of `/Filter` in a loop that
//! starts from an empty output buffer. For `/Filter []` the loop runs zero times and the
//! result is an empty Vec instead of the raw data, so a page whose content stream says
//! `<< /Filter [] /Length 10344 >>` shows nothing. (`get_plain_content` checks for an empty
//! filter list and is not affected.) An empty array means "no filter" (ISO 32000-1
//! §7.3.8.2), so we drop it. A `/Filter` given as an indirect reference is not resolved by
//! lopdf either (`Stream::filters` takes only a direct name or array, and `decode_filters`
//! then returns the still-encoded data): it is replaced by the value it refers to.

use lopdf::{Document, Object, ObjectId};

const FILTER: &[u8] = b"Filter";

/// Rewrites every stream's `/Filter` that lopdf would decode wrongly: an empty array is
/// removed, a reference is replaced by its target (removed if that is an empty array).
pub(crate) fn normalize_filters(doc: &mut Document) {
    // The fixes are gathered first: resolving a reference needs the document while it is read.
    let mut fixes: Vec<(ObjectId, Option<Object>)> = Vec::new();
    for (&id, object) in &doc.objects {
        let Object::Stream(stream) = object else { continue };
        let Ok(filter) = stream.dict.get(FILTER) else { continue };
        match filter {
            Object::Array(names) if names.is_empty() => fixes.push((id, None)),
            Object::Reference(target) => {
                // A reference chain or a missing target leaves the entry as it is.
                match doc.objects.get(target) {
                    Some(Object::Array(names)) if names.is_empty() => fixes.push((id, None)),
                    Some(value @ (Object::Name(_) | Object::Array(_))) => fixes.push((id, Some(value.clone()))),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    for (id, fix) in fixes {
        let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) else { continue };
        match fix {
            Some(value) => stream.dict.set(FILTER, value),
            None => {
                stream.dict.remove(FILTER);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Stream};

    fn doc_with(filter: Object) -> Document {
        let mut doc = Document::new();
        let mut dict = Dictionary::new();
        dict.set(FILTER, filter);
        doc.objects.insert((1, 0), Object::Stream(Stream::new(dict, b"BT (a) Tj ET".to_vec())));
        doc.objects.insert((2, 0), Object::Array(Vec::new()));
        doc.objects.insert((3, 0), Object::Name(b"ASCIIHexDecode".to_vec()));
        doc
    }

    fn decoded(doc: &Document) -> Vec<u8> {
        let stream = doc.get_object((1, 0)).and_then(Object::as_stream);
        stream.and_then(|s| s.decompressed_content_with_limit(1024)).unwrap_or_default()
    }

    #[test]
    fn an_empty_filter_array_reads_as_no_filter() {
        let mut doc = doc_with(Object::Array(Vec::new()));
        // The upstream bug this works around: if lopdf fixes it, this part can go.
        assert_eq!(decoded(&doc), b"", "lopdf now decodes an empty filter list");
        normalize_filters(&mut doc);
        assert_eq!(decoded(&doc), b"BT (a) Tj ET");
        let mut doc = doc_with(Object::Reference((2, 0)));
        normalize_filters(&mut doc);
        assert_eq!(decoded(&doc), b"BT (a) Tj ET");
        let stream = doc.get_object((1, 0)).and_then(Object::as_stream);
        assert!(stream.is_ok_and(|s| !s.dict.has(FILTER)));
    }

    #[test]
    fn an_indirect_filter_is_resolved() {
        let mut doc = doc_with(Object::Reference((3, 0)));
        if let Ok(Object::Stream(stream)) = doc.get_object_mut((1, 0)) {
            stream.set_content(b"4254>".to_vec());
        }
        assert_eq!(decoded(&doc), b"4254>", "lopdf now resolves an indirect /Filter");
        normalize_filters(&mut doc);
        assert_eq!(decoded(&doc), b"BT");
    }
}
