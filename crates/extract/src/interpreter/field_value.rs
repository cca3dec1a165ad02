//! The text of a form field or text box that has no usable appearance stream.
//!
//! A text or choice field's value (`/V`) is exactly the text a viewer draws into the widget, and
//! a `/FreeText` annotation's `/Contents` is the text of its box: when the appearance stream is
//! missing (files written by tools that leave drawing to the viewer), or the form declares
//! every appearance stale with `/NeedAppearances true` (ISO 32000-1 §12.7.2: the viewer must
//! rebuild them from the values), that text is what is on screen. pdf.js and poppler render it
//! the same way. We do not have the field's font metrics at hand (its `/DA` names a font of the
//! form's resources, often not embedded), so the text is placed inside the annotation's
//! rectangle with a fixed advance per character: enough for line and reading order, which is
//! all extraction needs.
//!
//! Field attributes (`/FT`, `/V`, `/Ff`, `/DA`, `/Q`) are inheritable: a widget merged with its
//! field carries them itself, otherwise they are on its `/Parent` chain, and `/DA` and `/Q`
//! default to the form's (`/AcroForm`) own.

use lopdf::{Dictionary, Document, Object};

use crate::content::{Operand, Operations};
use crate::interpreter::number_arrays::numbers;

/// Assumed advance of every character, in em: about the mean width of Latin text in Helvetica
/// (and Courier's exact width), so line lengths and alignment come out roughly right.
pub(crate) const ADVANCE_EM: f32 = 0.5;

/// Inset of the text from the field's border, in points (the 1–2 pt viewers leave).
const PADDING: f32 = 2.0;

/// Font size for an auto-sized field (`0 Tf`): the size viewers start from, shrunk to fit the
/// rectangle's height.
const AUTO_FONT_SIZE: f32 = 12.0;

/// Share of the line's font size below the baseline, to centre a single line vertically.
const DESCENT_EM: f32 = 0.2;

/// Baseline-to-baseline distance of multi-line text, in em.
const LINE_HEIGHT_EM: f32 = 1.15;

/// Deepest `/Parent` chain followed for inherited field attributes. Real forms nest a few
/// levels; the bound stops cycles.
const MAX_FIELD_DEPTH: usize = 32;

/// Most characters taken from one value: a form field is a few words, a text box a few
/// paragraphs; a hostile file must not fill the page with megabytes of glyphs.
const MAX_VALUE_CHARS: usize = 64 * 1024;

/// Field flag (`/Ff`) bits that matter here (ISO 32000-1 tables 228 and 230).
const FLAG_MULTILINE: i64 = 1 << 12;
const FLAG_PASSWORD: i64 = 1 << 13;

/// Field types whose value is text: text fields and choice fields (list and combo boxes).
const VALUE_FIELD_TYPES: [&[u8]; 2] = [b"Tx", b"Ch"];

/// One line of a value, at its baseline start in default user space.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ValueLine {
    pub x: f32,
    pub y: f32,
    pub text: String,
}

/// A value to draw as plain text: its lines and font size (in default user space units).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldValue {
    pub size: f32,
    pub lines: Vec<ValueLine>,
}

/// Whether the form asks the viewer to rebuild every field appearance from the values.
pub(crate) fn needs_appearances(doc: &Document) -> bool {
    acro_form(doc)
        .and_then(|form| form.get_deref(b"NeedAppearances", doc).ok())
        .and_then(|v| v.as_bool().ok())
        .unwrap_or(false)
}

/// Whether `annot` is the widget of a text or choice field.
pub(crate) fn is_value_field(doc: &Document, annot: &Dictionary) -> bool {
    let is_widget = annot.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Widget".as_slice());
    is_widget
        && inherited(doc, annot, b"FT").and_then(|t| t.as_name().ok()).is_some_and(|t| VALUE_FIELD_TYPES.contains(&t))
}

/// The text of a value field's widget (`/V`) or of a text box (`/Contents`), placed in the
/// annotation's rectangle. `None` for other kinds, password fields and empty values.
pub(crate) fn read(doc: &Document, annot: &Dictionary) -> Option<FieldValue> {
    let subtype = annot.get(b"Subtype").ok()?.as_name().ok()?;
    let flags = inherited(doc, annot, b"Ff").and_then(|f| f.as_i64().ok()).unwrap_or(0);
    let (text, multiline) = if subtype == b"FreeText" {
        (annot.get_deref(b"Contents", doc).ok().and_then(|c| text_of(doc, c))?, true)
    } else if is_value_field(doc, annot) && flags & FLAG_PASSWORD == 0 {
        (inherited(doc, annot, b"V").and_then(|v| value_text(doc, v))?, flags & FLAG_MULTILINE != 0)
    } else {
        return None;
    };
    let rect = numbers::<4>(doc, annot.get_deref(b"Rect", doc).ok()?)?;
    let default_appearance = inherited(doc, annot, b"DA").or_else(|| form_entry(doc, b"DA"));
    let quadding = inherited(doc, annot, b"Q").or_else(|| form_entry(doc, b"Q")).and_then(|q| q.as_i64().ok());
    let size = default_appearance
        .and_then(|da| da.as_str().ok())
        .and_then(|da| std::str::from_utf8(da).ok())
        .and_then(font_size);
    lay_out(&text, rect, size, quadding.unwrap_or(0), multiline)
}

/// Places the lines of `text` in `rect`: aligned by `quadding` (0 left, 1 centred, 2 right),
/// one vertically centred line or lines from the top down.
fn lay_out(text: &str, rect: [f32; 4], size: Option<f32>, quadding: i64, multiline: bool) -> Option<FieldValue> {
    let [x0, y0, x1, y1] = rect;
    let (x0, y0, x1, y1) = (x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1));
    let size = size
        .filter(|s| *s > 0.0)
        .unwrap_or_else(|| AUTO_FONT_SIZE.min((y1 - y0 - 2.0 * PADDING) / LINE_HEIGHT_EM))
        .max(1.0);
    let texts: Vec<String> =
        text.split(['\r', '\n']).map(|line| line.trim_end().to_string()).filter(|line| !line.is_empty()).collect();
    if texts.is_empty() {
        return None;
    }
    let first_baseline = if multiline || texts.len() > 1 {
        y1 - PADDING - size
    } else {
        y0 + (y1 - y0 - size) / 2.0 + DESCENT_EM * size
    };
    let lines = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let width = text.chars().count() as f32 * ADVANCE_EM * size;
            let x = match quadding {
                1 => x0 + (x1 - x0 - width) / 2.0,
                2 => x1 - PADDING - width,
                _ => x0 + PADDING,
            };
            ValueLine { x, y: first_baseline - i as f32 * LINE_HEIGHT_EM * size, text }
        })
        .collect();
    Some(FieldValue { size, lines })
}

/// The font size of a default appearance string such as `/Helv 12 Tf 0 g`.
fn font_size(da: &str) -> Option<f32> {
    // `/DA` is content-stream syntax: read it with the content parser, keep the last `Tf`.
    let mut operations = Operations::new(da.as_bytes());
    let mut size = None;
    while let Some(operation) = operations.next_operation() {
        if operation.operator == b"Tf" {
            size = operation.operands.last().and_then(Operand::as_number);
        }
    }
    size.filter(|s| s.is_finite() && *s >= 0.0)
}

/// A field value as text: a string, a text stream, or (choice fields) an array of strings,
/// one per line.
fn value_text(doc: &Document, value: &Object) -> Option<String> {
    match value {
        Object::Array(items) => {
            let lines: Vec<String> = items
                .iter()
                .filter_map(|item| doc.dereference(item).ok())
                .filter_map(|(_, o)| text_of(doc, o))
                .collect();
            (!lines.is_empty()).then(|| lines.join("\n"))
        }
        other => text_of(doc, other),
    }
}

/// A PDF text string (PDFDocEncoding or UTF-16) or text stream as Rust text, capped at
/// [`MAX_VALUE_CHARS`]; `None` when blank.
fn text_of(doc: &Document, obj: &Object) -> Option<String> {
    let obj = doc.dereference(obj).ok()?.1;
    let decoded = match obj {
        Object::String(..) => lopdf::decode_text_string(obj).ok()?,
        Object::Stream(stream) => {
            let bytes = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
            lopdf::decode_text_string(&Object::string_literal(bytes)).ok()?
        }
        _ => return None,
    };
    let text: String = decoded.chars().take(MAX_VALUE_CHARS).collect();
    (!text.trim().is_empty()).then_some(text)
}

/// `key` on the field dictionary or up its `/Parent` chain, dereferenced.
fn inherited<'a>(doc: &'a Document, field: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = field;
    for _ in 0..MAX_FIELD_DEPTH {
        if let Ok(value) = node.get_deref(key, doc) {
            return Some(value);
        }
        node = node.get_deref(b"Parent", doc).ok()?.as_dict().ok()?;
    }
    None
}

/// The document's interactive form dictionary.
fn acro_form(doc: &Document) -> Option<&Dictionary> {
    doc.catalog().ok()?.get_deref(b"AcroForm", doc).ok()?.as_dict().ok()
}

/// A form-wide default (`/DA`, `/Q`) from the `/AcroForm` dictionary.
fn form_entry<'a>(doc: &'a Document, key: &[u8]) -> Option<&'a Object> {
    acro_form(doc)?.get_deref(key, doc).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_size_is_read_from_the_default_appearance() {
        assert_eq!(font_size("/Helv 12 Tf 0 g"), Some(12.0));
        assert_eq!(font_size("0 g /CourierNew 9.5 Tf"), Some(9.5));
        assert_eq!(font_size("/Helv 0 Tf 0 g"), Some(0.0));
        assert_eq!(font_size("0 g"), None);
        assert_eq!(font_size("Tf"), None);
    }

    #[test]
    fn one_line_is_centred_vertically_and_aligned_by_quadding() {
        let value = lay_out("8888", [20.0, 20.0, 77.0, 39.0], Some(16.0), 0, false);
        let line = value.as_ref().and_then(|v| v.lines.first());
        // (19 - 16) / 2 + 0.2 × 16 above the bottom edge; 2 pt in from the left.
        assert_eq!(line, Some(&ValueLine { x: 22.0, y: 24.7, text: "8888".into() }));
        let right = lay_out("ab", [0.0, 0.0, 100.0, 20.0], Some(10.0), 2, false);
        assert_eq!(right.and_then(|v| v.lines.first().map(|l| l.x)), Some(88.0));
    }

    #[test]
    fn several_lines_run_down_from_the_top_and_auto_size_fits_the_box() {
        let value = lay_out("Første\r\nAnden\n\n", [0.0, 0.0, 200.0, 100.0], Some(0.0), 0, true);
        let got: Vec<(f32, String)> =
            value.map(|v| v.lines.into_iter().map(|l| (l.y, l.text)).collect()).unwrap_or_default();
        assert_eq!(got, vec![(86.0, "Første".to_string()), (72.2, "Anden".to_string())]);
        // A 10 pt high field cannot take 12 pt text.
        let small = lay_out("x", [0.0, 0.0, 50.0, 10.0], None, 0, false);
        assert_eq!(small.map(|v| v.size), Some(6.0 / LINE_HEIGHT_EM));
    }

    #[test]
    fn blank_values_give_nothing() {
        assert_eq!(lay_out(" \r\n ", [0.0, 0.0, 10.0, 10.0], Some(10.0), 0, false), None);
    }
}
