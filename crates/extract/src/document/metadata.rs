//! The document's own description of itself: the Info dictionary (`/Title`, `/Author`,
//! `/Subject`, `/Keywords`, `/CreationDate`) and, where the Info dictionary is silent, the XMP
//! packet's `dc:title` and `xmp:CreateDate`. Identification weighs these as evidence
//! ("Notat - Ballerup Kommune" as a title; the creation year as a last resort).

use lopdf::{Document, Object};

/// Characters kept per field: a real title or author is a line; a hostile one is cut.
const MAX_FIELD_CHARS: usize = 500;
/// Bytes of an XMP packet read at most (real packets are a few KB of XML plus padding).
const MAX_XMP_BYTES: usize = 64 * 1024;

/// What a PDF says about itself. Every field is untrusted text, `None` when absent or blank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PdfMetadata {
    pub title: Option<String>,
    pub author: Option<String>,
    pub subject: Option<String>,
    pub keywords: Option<String>,
    /// The creation date as written (`D:20121205100116+01'00'`, or XMP `2012-12-05T10:01:16`).
    pub created: Option<String>,
}

impl PdfMetadata {
    /// The year of [`PdfMetadata::created`], when it starts with a plausible one.
    pub fn created_year(&self) -> Option<u16> {
        let created = self.created.as_deref()?;
        let digits = created.trim().trim_start_matches("D:");
        let year: u16 = digits.get(..4)?.parse().ok()?;
        (1990..=2100).contains(&year).then_some(year)
    }
}

/// Reads the metadata of an opened document; anything unreadable is simply absent.
pub(crate) fn read(doc: &Document) -> PdfMetadata {
    let info = doc.trailer.get_deref(b"Info", doc).ok().and_then(|o| o.as_dict().ok());
    let field = |key: &[u8]| info.and_then(|d| d.get_deref(key, doc).ok()).and_then(text);
    let mut found = PdfMetadata {
        title: field(b"Title"),
        author: field(b"Author"),
        subject: field(b"Subject"),
        keywords: field(b"Keywords"),
        created: field(b"CreationDate"),
    };
    if found.title.is_none() || found.created.is_none() {
        if let Some(xmp) = xmp_packet(doc) {
            found.title = found.title.or_else(|| xmp_value(&xmp, "dc:title"));
            found.created = found.created.or_else(|| xmp_value(&xmp, "xmp:CreateDate"));
        }
    }
    found
}

/// A text string as Rust text, control characters dropped, capped; `None` when blank.
fn text(obj: &Object) -> Option<String> {
    let decoded = match obj {
        Object::String(..) => lopdf::decode_text_string(obj).ok()?,
        _ => return None,
    };
    let cleaned: String = decoded.chars().filter(|c| !c.is_control() || *c == '\n').take(MAX_FIELD_CHARS).collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// The catalog's XMP packet when it is stored uncompressed, as the XMP specification
/// recommends; a compressed one is not inflated here (that would be one more stream a hostile
/// file could make us decompress, for a field that is rarely decisive).
fn xmp_packet(doc: &Document) -> Option<String> {
    let catalog = doc.catalog().ok()?;
    let stream = catalog.get_deref(b"Metadata", doc).ok()?.as_stream().ok()?;
    if stream.dict.has(b"Filter") {
        return None;
    }
    let bytes = stream.content.get(..stream.content.len().min(MAX_XMP_BYTES))?;
    Some(String::from_utf8_lossy(bytes).into_owned())
}

/// The text of the first `<tag>` element (for `dc:title`, its first `rdf:li`), markup removed.
fn xmp_value(xmp: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}");
    let start = xmp.find(&open)?;
    let after_open = start + xmp.get(start..)?.find('>')? + 1;
    let end = after_open + xmp.get(after_open..)?.find(&format!("</{tag}>"))?;
    let inner = xmp.get(after_open..end)?;
    let mut plain = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let value: String = plain.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(MAX_FIELD_CHARS).collect();
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_years_from_both_date_forms() {
        let with = |created: &str| PdfMetadata { created: Some(created.into()), ..Default::default() }.created_year();
        assert_eq!(with("D:20121205100116+01'00'"), Some(2012));
        assert_eq!(with("2013-06-20T15:35:40+02:00"), Some(2013));
        assert_eq!(with("D:1"), None);
        assert_eq!(with("D:0000"), None);
        assert_eq!(PdfMetadata::default().created_year(), None);
    }

    #[test]
    fn xmp_values_lose_their_markup() {
        let xmp = r#"<x:xmpmeta><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Notat - Skive
            Kommune</rdf:li></rdf:Alt></dc:title><xmp:CreateDate>2024-09-12T10:00:00Z</xmp:CreateDate>"#;
        assert_eq!(xmp_value(xmp, "dc:title").as_deref(), Some("Notat - Skive Kommune"));
        assert_eq!(xmp_value(xmp, "xmp:CreateDate").as_deref(), Some("2024-09-12T10:00:00Z"));
        assert_eq!(xmp_value(xmp, "dc:creator"), None);
        assert_eq!(xmp_value("<dc:title>unclosed", "dc:title"), None);
    }

    #[test]
    fn info_strings_are_decoded_and_blank_ones_dropped() {
        assert_eq!(
            text(&Object::string_literal("Notat - Ballerup Kommune")).as_deref(),
            Some("Notat - Ballerup Kommune")
        );
        assert_eq!(text(&Object::string_literal(vec![0u8; 15])), None, "an author of NUL bytes");
        let utf16 = [0xfe, 0xff, 0x00, 0x4c, 0x00, 0xe6].to_vec();
        assert_eq!(text(&Object::string_literal(utf16)).as_deref(), Some("Læ"));
    }
}
