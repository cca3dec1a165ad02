//! Plain-data views of what the index stores, and their conversion to and from tantivy documents.

use tantivy::TantivyDocument;

use super::schema::{Fields, KIND_FILE, KIND_PAGE};
use super::{stored_str, stored_u64};
use crate::extract::{ErrorKind, OcrProvenance, Page};

/// A document's identity as stored (names, not registry references, so reading needs no registry).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentInfo {
    pub code: Option<u16>,
    pub municipality: Option<String>,
    pub region: Option<String>,
    pub year: Option<u16>,
    pub doctype: String,
    pub lang: Option<String>,
}

impl DocumentInfo {
    /// What keeps the document out of per-municipality counts, if anything.
    pub fn missing(&self) -> Option<&'static str> {
        if self.code.is_none() {
            Some("municipality")
        } else if self.year.is_none() {
            Some("year")
        } else {
            None
        }
    }

    fn write(&self, fields: &Fields, doc: &mut TantivyDocument) {
        if let Some(code) = self.code {
            doc.add_u64(fields.code, u64::from(code));
        }
        if let Some(name) = &self.municipality {
            doc.add_text(fields.municipality, name);
        }
        if let Some(region) = &self.region {
            doc.add_text(fields.region, region);
        }
        if let Some(year) = self.year {
            doc.add_u64(fields.year, u64::from(year));
        }
        doc.add_text(fields.doctype, &self.doctype);
        if let Some(lang) = &self.lang {
            doc.add_text(fields.lang, lang);
        }
    }

    fn read(fields: &Fields, doc: &TantivyDocument) -> DocumentInfo {
        let text = |f| Some(stored_str(doc, f)).filter(|s| !s.is_empty());
        DocumentInfo {
            code: stored_u64(doc, fields.code).and_then(|c| u16::try_from(c).ok()),
            municipality: text(fields.municipality),
            region: text(fields.region),
            year: stored_u64(doc, fields.year).and_then(|y| u16::try_from(y).ok()),
            doctype: stored_str(doc, fields.doctype),
            lang: text(fields.lang),
        }
    }
}

/// What the index remembers about one corpus file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileRecord {
    /// Relative to the corpus root, `/`-separated.
    pub path: String,
    pub size: u64,
    pub mtime_ns: u64,
    /// BLAKE3 of the file's bytes, hex.
    pub hash: String,
    /// [`crate::extract::EXTRACTION_VERSION`] at the time; a newer extractor re-reads the file.
    pub extractor: u64,
    /// [`crate::ingest::IDENTIFY_VERSION`] at the time; newer identification re-reads the file.
    pub identify: u64,
    pub pages: u32,
    /// Glyphs shown as U+FFFD in the text because their font gave no Unicode mapping.
    pub unmapped_glyphs: u64,
    /// Why the file could not be read; `None` when it was indexed.
    pub error: Option<String>,
    /// The same failure as a stable kind, for sorting failures without reading messages.
    pub error_kind: Option<ErrorKind>,
    /// Pages that needed OCR and did not get it (engine missing, `--ocr off`): the file is read
    /// again by the next ingest that can OCR.
    pub ocr_pending: u32,
    pub info: DocumentInfo,
    /// Fingerprint of the `corrections.csv` answer applied (empty: none); a changed answer
    /// makes the next ingest identify the file again.
    pub correction: String,
    /// What decided municipality, year and doctype, as JSON (see [`FileRecord::evidence`]).
    pub identification: String,
}

impl FileRecord {
    /// The evidence that identified the document (`kommunsk identify` shows the same); empty
    /// for a file that could not be read.
    pub fn evidence(&self) -> Vec<crate::identify::Evidence> {
        serde_json::from_str(&self.identification).unwrap_or_default()
    }

    /// The tantivy document for this record.
    pub fn to_document(&self, fields: &Fields) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.kind, KIND_FILE);
        doc.add_text(fields.path, &self.path);
        doc.add_text(fields.record, &self.path);
        doc.add_u64(fields.size, self.size);
        doc.add_u64(fields.mtime, self.mtime_ns);
        doc.add_text(fields.hash, &self.hash);
        doc.add_u64(fields.extractor, self.extractor);
        doc.add_u64(fields.identify, self.identify);
        doc.add_u64(fields.pages, u64::from(self.pages));
        doc.add_u64(fields.unmapped, self.unmapped_glyphs);
        if let Some(error) = &self.error {
            doc.add_text(fields.error, error);
        }
        if let Some(kind) = self.error_kind {
            doc.add_text(fields.error_kind, kind.as_str());
        }
        if self.ocr_pending > 0 {
            doc.add_u64(fields.ocr_pending, u64::from(self.ocr_pending));
        }
        if let Some(missing) = self.info.missing().filter(|_| self.error.is_none()) {
            doc.add_text(fields.missing, missing);
        }
        self.info.write(fields, &mut doc);
        if !self.correction.is_empty() {
            doc.add_text(fields.correction, &self.correction);
        }
        if !self.identification.is_empty() {
            doc.add_text(fields.identification, &self.identification);
        }
        doc
    }

    pub(crate) fn from_document(fields: &Fields, doc: &TantivyDocument) -> FileRecord {
        let error = stored_str(doc, fields.error);
        FileRecord {
            path: stored_str(doc, fields.path),
            size: stored_u64(doc, fields.size).unwrap_or(0),
            mtime_ns: stored_u64(doc, fields.mtime).unwrap_or(0),
            hash: stored_str(doc, fields.hash),
            extractor: stored_u64(doc, fields.extractor).unwrap_or(0),
            identify: stored_u64(doc, fields.identify).unwrap_or(0),
            pages: stored_u64(doc, fields.pages).and_then(|p| u32::try_from(p).ok()).unwrap_or(0),
            unmapped_glyphs: stored_u64(doc, fields.unmapped).unwrap_or(0),
            error: Some(error).filter(|e| !e.is_empty()),
            error_kind: ErrorKind::from_name(&stored_str(doc, fields.error_kind)),
            ocr_pending: stored_u64(doc, fields.ocr_pending).and_then(|p| u32::try_from(p).ok()).unwrap_or(0),
            info: DocumentInfo::read(fields, doc),
            correction: stored_str(doc, fields.correction),
            identification: stored_str(doc, fields.identification),
        }
    }
}

/// One stored page, as reports and evidence read it back.
#[derive(Debug, Clone, Default)]
pub struct StoredPage {
    pub path: String,
    pub page: u32,
    pub text: String,
    /// Running headers/footers, one per line (never counted).
    pub furniture: String,
    pub unmapped: u32,
    /// Set when the page's text came from OCR.
    pub ocr: Option<OcrProvenance>,
    pub info: DocumentInfo,
}

impl StoredPage {
    /// The tantivy document for one extracted page of a document.
    pub fn document(fields: &Fields, path: &str, info: &DocumentInfo, page: &Page) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.kind, KIND_PAGE);
        doc.add_text(fields.path, path);
        doc.add_u64(fields.page, u64::from(page.number));
        doc.add_text(fields.text, &page.body);
        doc.add_text(fields.text_folded, &page.body);
        doc.add_text(fields.terms, &page.body);
        if !page.furniture.is_empty() {
            doc.add_text(fields.furniture, page.furniture.join("\n"));
        }
        doc.add_u64(fields.unmapped, u64::from(page.unmapped_glyphs));
        if let Some(ocr) = &page.ocr {
            doc.add_text(fields.ocr_engine, &ocr.engine);
            doc.add_f64(fields.ocr_confidence, f64::from(ocr.confidence));
        }
        info.write(fields, &mut doc);
        doc
    }

    pub(crate) fn from_document(fields: &Fields, doc: &TantivyDocument) -> StoredPage {
        StoredPage {
            path: stored_str(doc, fields.path),
            page: stored_u64(doc, fields.page).and_then(|p| u32::try_from(p).ok()).unwrap_or(0),
            text: stored_str(doc, fields.text),
            furniture: stored_str(doc, fields.furniture),
            unmapped: stored_u64(doc, fields.unmapped).and_then(|u| u32::try_from(u).ok()).unwrap_or(0),
            ocr: read_ocr(fields, doc),
            info: DocumentInfo::read(fields, doc),
        }
    }
}

/// The OCR provenance stored with a page, if its text came from OCR.
fn read_ocr(fields: &Fields, doc: &TantivyDocument) -> Option<OcrProvenance> {
    use tantivy::schema::Value;
    let engine = stored_str(doc, fields.ocr_engine);
    let confidence = doc.get_first(fields.ocr_confidence).and_then(|v| v.as_f64())?;
    (!engine.is_empty()).then_some(OcrProvenance { engine, confidence: confidence as f32 })
}
