//! Whether a page's text has to come from OCR: it paints an image and its text layer is missing
//! or unusable (too little text, or mostly glyphs no font maps to Unicode).
//!
//! Only the signal lives here; the OCR itself runs after extraction (`crate::ocr`), so it works
//! the same whether extraction ran in this process or in a worker.

use lopdf::{Dictionary, Document, Object};

use crate::glyphs::GlyphPage;

/// Fewer letters and digits than this on an image page is not a text layer worth keeping: a
/// page number or a stamp added to a scan.
const MIN_TEXT_CHARS: usize = 20;

/// How deep Form XObjects are searched for images (scanners and re-distillers wrap the page image
/// in one or two forms).
const MAX_FORM_DEPTH: usize = 3;

/// How many XObjects are looked at per page, so a hostile resource tree cannot cost much.
const MAX_XOBJECTS: usize = 256;

/// True when the page should be OCR'd.
pub(crate) fn page_needs_ocr(doc: &Document, resources: Option<&Dictionary>, glyphs: &GlyphPage) -> bool {
    let text_chars = glyphs
        .glyphs
        .iter()
        .filter(|g| !g.is_space)
        .filter(|g| glyphs.text_of(g).chars().any(|c| c.is_alphanumeric() && c != '\u{fffd}'))
        .count();
    let usable = text_chars >= MIN_TEXT_CHARS && (glyphs.unmapped as usize) <= text_chars;
    if usable {
        return false;
    }
    let mut budget = MAX_XOBJECTS;
    resources.is_some_and(|r| paints_image(doc, r, 0, &mut budget))
}

/// True when `resources` name an image XObject, directly or inside a Form XObject.
fn paints_image(doc: &Document, resources: &Dictionary, depth: usize, budget: &mut usize) -> bool {
    let Some(xobjects) = resources.get(b"XObject").ok().and_then(|o| deref_dict(doc, o)) else {
        return false;
    };
    for (_, entry) in xobjects.iter() {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        let Ok((_, Object::Stream(stream))) = doc.dereference(entry) else { continue };
        match stream.dict.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) {
            Some(b"Image") => return true,
            Some(b"Form") if depth < MAX_FORM_DEPTH => {
                let inner = stream.dict.get(b"Resources").ok().and_then(|o| deref_dict(doc, o));
                if inner.is_some_and(|r| paints_image(doc, r, depth + 1, budget)) {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

fn deref_dict<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
    doc.dereference(obj).ok()?.1.as_dict().ok()
}
