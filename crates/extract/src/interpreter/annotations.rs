//! Annotations whose appearance is page text: filled-in form fields (`/Widget`) and text boxes
//! (`/FreeText`). In budget documents both carry content — amounts typed into a form, a
//! comment box on a table — and pdftotext and pdf.js show them too. Their text normally lives
//! in the normal appearance stream (`/AP /N`), a Form XObject drawn into the annotation's
//! `/Rect`; this module finds those streams and where they go, and the interpreter runs them
//! like any other form. Where the appearance is missing or declared stale, the text comes from
//! the field value or the text box contents instead (see `field_value`). Other kinds (links,
//! stamps, sticky-note icons, ink) add no text worth having.

use lopdf::{Dictionary, Document, ObjectId, Stream};

use crate::interpreter::field_value::{self, FieldValue};
use crate::interpreter::number_arrays::numbers;

/// Annotation subtypes whose appearance is read.
const TEXT_SUBTYPES: [&[u8]; 2] = [b"Widget", b"FreeText"];

/// Annotation flags that keep an annotation off the screen: Hidden (bit 2) and NoView (bit 6).
const INVISIBLE_FLAGS: i64 = 0b10_0010;

/// Most annotations looked at on one page. Real pages have a few dozen; a generated file
/// with link spam may have thousands, and the text ones come early in practice.
const MAX_ANNOTATIONS_PER_PAGE: usize = 10_000;

/// One appearance stream to draw.
pub(crate) struct Appearance<'a> {
    /// The stream's object (for the interpreter's cycle guard).
    pub id: ObjectId,
    pub stream: &'a Stream,
    /// Maps the form's space, after its own `/Matrix`, onto the annotation's rectangle in
    /// default user space: `[a b c d e f]`.
    pub placement: [f32; 6],
}

/// The text an annotation shows: an appearance stream to run, or plain text to place.
pub(crate) enum AnnotationText<'a> {
    Appearance(Appearance<'a>),
    Value(FieldValue),
}

/// The visible text-bearing annotations of the page `page_id`, in `/Annots` order.
pub(crate) fn page_annotations(doc: &Document, page_id: ObjectId) -> Vec<AnnotationText<'_>> {
    let Some(annots) = doc
        .get_dictionary(page_id)
        .ok()
        .and_then(|page| page.get_deref(b"Annots", doc).ok())
        .and_then(|a| a.as_array().ok())
    else {
        return Vec::new();
    };
    let regenerate = field_value::needs_appearances(doc);
    annots
        .iter()
        .take(MAX_ANNOTATIONS_PER_PAGE)
        .filter_map(|entry| doc.dereference(entry).ok()?.1.as_dict().ok())
        .filter(|annot| is_visible_text_kind(doc, annot))
        .filter_map(|annot| {
            // A viewer told to rebuild appearances shows the value, not the stored stream.
            let value_first = regenerate && field_value::is_value_field(doc, annot);
            let from_value = || field_value::read(doc, annot).map(AnnotationText::Value);
            let from_stream = || appearance(doc, annot).map(AnnotationText::Appearance);
            if value_first {
                from_value().or_else(from_stream)
            } else {
                from_stream().or_else(from_value)
            }
        })
        .collect()
}

/// Whether `annot` is a form field or text box that is shown on screen.
fn is_visible_text_kind(doc: &Document, annot: &Dictionary) -> bool {
    let Some(subtype) = annot.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) else { return false };
    let flags = annot.get_deref(b"F", doc).ok().and_then(|f| f.as_i64().ok()).unwrap_or(0);
    TEXT_SUBTYPES.contains(&subtype) && flags & INVISIBLE_FLAGS == 0
}

/// The normal appearance stream of one annotation, if it has one.
fn appearance<'a>(doc: &'a Document, annot: &'a Dictionary) -> Option<Appearance<'a>> {
    let normal_entry = annot.get_deref(b"AP", doc).ok()?.as_dict().ok()?.get(b"N").ok()?;
    let (mut id, mut normal) = doc.dereference(normal_entry).ok()?;
    // Check boxes and radio buttons keep one appearance per state; `/AS` names the shown one.
    if let Ok(states) = normal.as_dict() {
        let state = annot.get(b"AS").ok()?.as_name().ok()?;
        (id, normal) = doc.dereference(states.get(state).ok()?).ok()?;
    }
    let stream = normal.as_stream().ok()?;
    let rect = numbers(doc, annot.get_deref(b"Rect", doc).ok()?)?;
    let bbox = numbers(doc, stream.dict.get_deref(b"BBox", doc).ok()?)?;
    let matrix = stream
        .dict
        .get_deref(b"Matrix", doc)
        .ok()
        .and_then(|m| numbers::<6>(doc, m))
        .unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
    Some(Appearance { id: id?, stream, placement: placement(rect, bbox, matrix)? })
}

/// The matrix that maps the form's bounding box, transformed by its matrix, onto `rect` (the
/// algorithm of ISO 32000 §12.5.5).
fn placement(rect: [f32; 4], bbox: [f32; 4], matrix: [f32; 6]) -> Option<[f32; 6]> {
    let [a, b, c, d, e, f] = matrix;
    let [bx0, by0, bx1, by1] = bbox;
    let corners = [(bx0, by0), (bx0, by1), (bx1, by0), (bx1, by1)].map(|(x, y)| (x * a + y * c + e, x * b + y * d + f));
    let (mut x0, mut y0, mut x1, mut y1) = (f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY);
    for (x, y) in corners {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let [rx0, ry0, rx1, ry1] = rect;
    let (rx0, ry0, rx1, ry1) = (rx0.min(rx1), ry0.min(ry1), rx0.max(rx1), ry0.max(ry1));
    // A degenerate box keeps its scale rather than dividing by zero.
    let scale = |target: f32, source: f32| if source.abs() > f32::EPSILON { target / source } else { 1.0 };
    let (sx, sy) = (scale(rx1 - rx0, x1 - x0), scale(ry1 - ry0, y1 - y0));
    let m = [sx, 0.0, 0.0, sy, rx0 - x0 * sx, ry0 - y0 * sy];
    m.iter().all(|v| v.is_finite()).then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appearance_box_is_fitted_to_the_rectangle() {
        // A 100×20 box drawn at (50, 700): a pure translation.
        assert_eq!(
            placement([50.0, 700.0, 150.0, 720.0], [0.0, 0.0, 100.0, 20.0], [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
            Some([1.0, 0.0, 0.0, 1.0, 50.0, 700.0])
        );
        // A box twice the rectangle's size is halved; the rectangle's corners may come in any order.
        assert_eq!(
            placement([150.0, 720.0, 50.0, 700.0], [0.0, 0.0, 200.0, 40.0], [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
            Some([0.5, 0.0, 0.0, 0.5, 50.0, 700.0])
        );
        // A form rotated by its matrix (90°): its box turned on end fills the rectangle.
        assert_eq!(
            placement([0.0, 0.0, 20.0, 100.0], [0.0, 0.0, 100.0, 20.0], [0.0, 1.0, -1.0, 0.0, 0.0, 0.0]),
            Some([1.0, 0.0, 0.0, 1.0, 20.0, 0.0])
        );
        // A zero-width box does not divide by zero.
        assert_eq!(
            placement([0.0, 0.0, 10.0, 10.0], [0.0, 0.0, 0.0, 10.0], [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
            Some([1.0, 0.0, 0.0, 1.0, 0.0, 0.0])
        );
    }
}
