//! Lenient, bounded access to the PDF objects a font dictionary points at.
//!
//! Every accessor returns `None` for anything missing, of the wrong type or unreachable, so the
//! font loaders can fall back instead of failing. Reference chains are followed by lopdf's
//! `Document::dereference`, which stops at its own depth limit (so cycles end there).

use lopdf::{Dictionary, Document, Object, Stream};

/// Largest decompressed font-related stream (ToUnicode or encoding CMap) we read. The biggest
/// real CMaps (full CJK ToUnicode maps) are a few hundred KB; 8 MB is plenty and bounds a bomb.
pub(super) const MAX_STREAM_BYTES: usize = 8 * 1024 * 1024;

/// `obj` with references followed.
pub(super) fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

/// The value of `key` in `dict`, references followed.
pub(super) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().and_then(|o| resolve(doc, o))
}

/// A number (integer or real) as `f32`.
pub(super) fn number(doc: &Document, obj: &Object) -> Option<f32> {
    match resolve(doc, obj)? {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// The number at `key`.
pub(super) fn get_number(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    dict.get(key).ok().and_then(|o| number(doc, o))
}

/// The integer at `key` (reals are truncated: some producers write `/FirstChar 32.0`).
pub(super) fn get_int(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<i64> {
    match get(doc, dict, key)? {
        Object::Integer(i) => Some(*i),
        Object::Real(r) if r.is_finite() => Some(*r as i64),
        _ => None,
    }
}

/// The name at `key`.
pub(super) fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

/// The dictionary at `key` (a stream's dictionary counts).
pub(super) fn get_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    as_dict(get(doc, dict, key)?)
}

/// `obj` as a dictionary (a stream's dictionary counts).
pub(super) fn as_dict(obj: &Object) -> Option<&Dictionary> {
    match obj {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// The array at `key`.
pub(super) fn get_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

/// The stream at `key`.
pub(super) fn get_stream<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Stream> {
    match get(doc, dict, key)? {
        Object::Stream(s) => Some(s),
        _ => None,
    }
}

/// The decoded content of `stream`, or `None` when it cannot be decoded or would exceed
/// [`MAX_STREAM_BYTES`].
pub(super) fn stream_bytes(stream: &Stream) -> Option<Vec<u8>> {
    stream.get_plain_content_with_limit(MAX_STREAM_BYTES).ok()
}
