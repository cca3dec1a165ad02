//! Opening a PDF: sniffing, loading with lopdf under the decompression bound, data for streams
//! without a usable `/Length` and for those lopdf drops for a wrong one (`stream_recovery`),
//! empty-password decryption, the object-count
//! limit, `/Filter` entries lopdf decodes wrongly (`streams`), and the page list with each page's inherited attributes
//! (resources, box, rotation).
//!
//! lopdf 0.47 decompresses object and cross-reference streams eagerly while loading; its
//! `LoadOptions::max_decompressed_size` bounds each of those, and we bound page content streams
//! ourselves with `get_page_content_with_limit`. lopdf also tries the empty user password by
//! itself while loading: a file it could decrypt comes back with `encryption_state` set and the
//! `/Encrypt` entry gone; a file that needs a real password comes back still carrying `/Encrypt`
//! and without its objects. `decrypt` judges that outcome and redoes the two cases lopdf gets
//! wrong.

pub(crate) mod decrypt;
pub(crate) mod metadata;
pub(crate) mod object_headers;
pub(crate) mod preflight;
pub(crate) mod stream_recovery;
pub(crate) mod streams;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::{ExtractError, Limits};
use decrypt::Verdict;
use stream_recovery::{recover_dropped_streams, recover_unsized_streams};

/// How far into the file the `%PDF-` header may start. Real files sometimes carry a few bytes of
/// junk (mail headers, BOMs) before it; 1024 is what Acrobat tolerates.
const HEADER_SEARCH_BYTES: usize = 1024;

/// How many bytes of a non-PDF file the error message quotes.
const QUOTED_START_BYTES: usize = 16;

/// An opened, decrypted document with its pages in order.
pub(crate) struct OpenDocument {
    pub doc: Document,
    pub pages: Vec<ObjectId>,
    pub was_encrypted: bool,
}

/// Where a page's text lives and how it is shown.
pub(crate) struct PageInfo<'a> {
    /// The page's (possibly inherited) `/Resources`.
    pub resources: Option<&'a Dictionary>,
    /// Visible area `[x0, y0, x1, y1]` in default user space (CropBox ∩ MediaBox).
    pub bbox: [f32; 4],
    /// Clockwise display rotation in degrees: 0, 90, 180 or 270.
    pub rotate: u16,
}

/// Put in front of a headerless file that starts with an indirect object.
const SYNTHETIC_HEADER: &[u8] = b"%PDF-1.7\n";

/// A file without `%PDF-` is still read when, after comment lines, it starts with
/// "N G obj": the start of a PDF body and of nothing else.
static OBJECT_START: std::sync::LazyLock<Option<regex::bytes::Regex>> = std::sync::LazyLock::new(|| {
    regex::bytes::Regex::new(r"(?-u)\A(?:\s*%[^\r\n]*)*\s*\d{1,10}\s+\d{1,5}\s+obj\b").ok()
});

fn starts_with_object(head: &[u8]) -> bool {
    OBJECT_START.as_ref().is_some_and(|re| re.is_match(head))
}

/// Default page size (US Letter) for a page whose boxes are missing or unreadable.
const DEFAULT_BOX: [f32; 4] = [0.0, 0.0, 612.0, 792.0];

/// The smallest side, in points, of a page box we believe; smaller ones are broken.
const MIN_BOX_SIDE: f32 = 1.0;

/// Loads `bytes` as a PDF and lists its pages, classifying every failure.
pub(crate) fn open(bytes: &[u8], limits: &Limits) -> Result<OpenDocument, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let head = bytes.get(..HEADER_SEARCH_BYTES).unwrap_or(bytes);
    let with_header;
    let bytes = if memchr::memmem::find(head, b"%PDF-").is_some() {
        bytes
    } else if starts_with_object(head) {
        // The header was lost but the objects are there (pdf.js bug 1606566): lopdf needs a
        // header, and rebuilds the cross-reference table that the inserted bytes shift.
        with_header = [SYNTHETIC_HEADER, bytes].concat();
        &with_header
    } else {
        let start = bytes.get(..QUOTED_START_BYTES).unwrap_or(bytes);
        return Err(ExtractError::NotPdf { start: String::from_utf8_lossy(start).into_owned() });
    };

    preflight::check_object_streams(bytes, limits)?;
    let options = LoadOptions::with_max_decompressed_size(limits.max_stream_bytes);
    let mut doc = Document::load_mem_with_options(bytes, options).map_err(|e| classify_load_error(e, limits))?;
    let recover_streams = |doc: &mut Document| {
        recover_unsized_streams(doc, bytes, limits.max_stream_bytes);
        recover_dropped_streams(doc, bytes, limits.max_stream_bytes);
    };
    let was_encrypted = doc.trailer.has(b"Encrypt") || doc.encryption_state.is_some();
    let mut doc = match decrypt::verdict(&doc) {
        // Data recovered after lopdf decrypted the file would still be encrypted.
        Verdict::Loaded if doc.encryption_state.is_some() => doc,
        Verdict::Loaded => {
            recover_streams(&mut doc);
            doc
        }
        Verdict::NeedsPassword => return Err(ExtractError::Encrypted),
        verdict => decrypt::reload(bytes, &verdict, limits, recover_streams)?,
    };
    if doc.objects.len() > limits.max_objects {
        return Err(ExtractError::LimitExceeded {
            limit: "max_objects",
            detail: format!("{} objects, at most {} allowed", doc.objects.len(), limits.max_objects),
        });
    }
    streams::normalize_filters(&mut doc);
    let pages: Vec<ObjectId> = doc.page_iter().collect();
    if pages.is_empty() {
        return Err(ExtractError::Corrupt("no pages found (page tree missing or unreadable)".into()));
    }
    Ok(OpenDocument { doc, pages, was_encrypted })
}

/// Maps a lopdf load error to the user-facing error kind.
fn classify_load_error(err: lopdf::Error, limits: &Limits) -> ExtractError {
    match err {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => ExtractError::LimitExceeded {
            limit: "max_stream_bytes",
            detail: format!("a stream decompresses to more than {} bytes", limits.max_stream_bytes),
        },
        lopdf::Error::InvalidPassword => ExtractError::Encrypted,
        other => ExtractError::Corrupt(other.to_string()),
    }
}

/// Reads the inherited page attributes of `page_id`.
pub(crate) fn page_info<'a>(doc: &'a Document, page_id: ObjectId, limits: &Limits) -> PageInfo<'a> {
    let resources = inherited(doc, page_id, b"Resources", limits).and_then(|o| o.as_dict().ok());
    let media = inherited(doc, page_id, b"MediaBox", limits).and_then(|o| read_box(doc, o));
    let crop = inherited(doc, page_id, b"CropBox", limits).and_then(|o| read_box(doc, o));
    let bbox = match (crop, media) {
        // What is shown is the part of the CropBox inside the MediaBox (ISO 32000-1 §14.11.2);
        // a CropBox that misses the MediaBox altogether is ignored, as pdf.js does.
        (Some(crop), Some(media)) => intersect(crop, media).unwrap_or(media),
        (crop, media) => crop.or(media).unwrap_or(DEFAULT_BOX),
    };
    let rotate = inherited(doc, page_id, b"Rotate", limits)
        .and_then(|o| o.as_i64().ok())
        .map(|r| r.rem_euclid(360))
        .filter(|r| r % 90 == 0)
        .and_then(|r| u16::try_from(r).ok())
        .unwrap_or(0);
    PageInfo { resources, bbox, rotate }
}

/// Looks `key` up on the page, then up its `/Parent` chain (bounded by `max_depth`), and
/// dereferences the value.
fn inherited<'a>(doc: &'a Document, page_id: ObjectId, key: &[u8], limits: &Limits) -> Option<&'a Object> {
    let mut node = doc.get_dictionary(page_id).ok()?;
    for _ in 0..limits.max_depth {
        if let Ok(value) = node.get(key) {
            return doc.dereference(value).ok().map(|(_, o)| o);
        }
        let parent = node.get(b"Parent").ok()?;
        node = doc.dereference(parent).ok()?.1.as_dict().ok()?;
    }
    None
}

/// The overlap of two boxes, if it has positive area (the same minimum as [`read_box`]).
fn intersect(a: [f32; 4], b: [f32; 4]) -> Option<[f32; 4]> {
    let r = [a[0].max(b[0]), a[1].max(b[1]), a[2].min(b[2]), a[3].min(b[3])];
    (r[2] - r[0] > MIN_BOX_SIDE && r[3] - r[1] > MIN_BOX_SIDE).then_some(r)
}

/// A rectangle array as `[x0, y0, x1, y1]` with x0 < x1 and y0 < y1, if it has positive area.
fn read_box(doc: &Document, obj: &Object) -> Option<[f32; 4]> {
    let arr = obj.as_array().ok()?;
    let mut v = [0.0f32; 4];
    for (slot, item) in v.iter_mut().zip(arr.iter()) {
        *slot = doc.dereference(item).ok()?.1.as_float().ok()?;
    }
    if arr.len() < 4 {
        return None;
    }
    let [a, b, c, d] = v;
    let r = [a.min(c), b.min(d), a.max(c), b.max(d)];
    let finite = r.iter().all(|x| x.is_finite());
    (finite && r[2] - r[0] > MIN_BOX_SIDE && r[3] - r[1] > MIN_BOX_SIDE).then_some(r)
}
