//! The index's schema: one tantivy document per page, plus one record per file.
//!
//! Page documents (`kind = "page"`) carry the page text and the document's identity so every
//! hit can cite municipality, year and page. File records (`kind = "file"`) carry what
//! incremental ingest needs (size, mtime, hash, extractor version) and what reports must state
//! (failures, unresolved documents). Both share `path`, so deleting a file's term removes the
//! file and its pages in one atomic operation.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use super::analyzers::{FOLDED_ANALYZER, STEMMED_ANALYZER};
use super::literal_terms::LITERAL_ANALYZER;

/// Bumped whenever the schema or the meaning of a field changes; an index with another value is
/// rebuilt rather than misread.
/// Every change is listed in `CHANGELOG.md`.
pub const SCHEMA_VERSION: u64 = 5;

/// `kind` of a page document.
pub const KIND_PAGE: &str = "page";
/// `kind` of a file record.
pub const KIND_FILE: &str = "file";

/// Handles to every field, resolved once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub kind: Field,
    /// Path relative to the corpus root with `/` separators.
    pub path: Field,
    /// Set on file records only, so one file's record can be replaced without touching its pages.
    pub record: Field,
    pub municipality: Field,
    pub code: Field,
    pub region: Field,
    pub year: Field,
    pub doctype: Field,
    pub lang: Field,
    pub page: Field,
    /// Body text: Danish analysis (lower case + Danish stemming), stored for snippets and recounts.
    pub text: Field,
    /// The same text lower-cased and folded to ASCII (æ→ae, ø→o, å→a), for users who type
    /// "kobenhavn" or "aeldrepleje".
    pub text_folded: Field,
    /// The same text as whole lower-cased words, unstemmed (never searched): the report's
    /// prefilter looks topic literals up in its term dictionary (see `literal_terms`).
    pub terms: Field,
    /// Running headers/footers of the page, stored only (never searched or counted).
    pub furniture: Field,
    pub unmapped: Field,
    /// OCR'd pages only: the engine and model ("tesseract 5.3.0 dan").
    pub ocr_engine: Field,
    /// OCR'd pages only: mean word confidence in percent.
    pub ocr_confidence: Field,
    // File-record fields.
    pub hash: Field,
    pub size: Field,
    pub mtime: Field,
    pub pages: Field,
    pub error: Field,
    /// The failure's stable kind (`no_text_layer`, …), indexed so failures can be filtered by it.
    pub error_kind: Field,
    /// Pages that needed OCR but did not get it (engine missing, `--ocr off`), stored only.
    pub ocr_pending: Field,
    pub missing: Field,
    pub extractor: Field,
    /// The evidence that identified the document (JSON array of `identify::Evidence`), stored only.
    pub identification: Field,
    /// The `corrections.csv` answer applied to a file record (its fingerprint), stored only.
    pub correction: Field,
    /// `ingest::IDENTIFY_VERSION` when the file was identified.
    pub identify: Field,
}

/// Builds the schema and returns it with its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let stored_u64 = NumericOptions::default().set_stored();
    let filter_u64 = || NumericOptions::default().set_stored().set_indexed().set_fast();
    let text_options = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(STEMMED_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let folded_options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(FOLDED_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let terms_options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(LITERAL_ANALYZER).set_index_option(IndexRecordOption::Basic),
    );
    let fields = Fields {
        kind: b.add_text_field("kind", STRING),
        path: b.add_text_field("path", STRING | STORED),
        record: b.add_text_field("record", STRING),
        municipality: b.add_text_field("municipality", STRING | STORED),
        code: b.add_u64_field("code", filter_u64()),
        region: b.add_text_field("region", STRING | STORED),
        year: b.add_u64_field("year", filter_u64()),
        doctype: b.add_text_field("doctype", STRING | STORED),
        lang: b.add_text_field("lang", STRING | STORED),
        page: b.add_u64_field("page", INDEXED | STORED | FAST),
        text: b.add_text_field("text", text_options),
        text_folded: b.add_text_field("text_folded", folded_options),
        terms: b.add_text_field("terms", terms_options),
        furniture: b.add_text_field("furniture", STORED),
        unmapped: b.add_u64_field("unmapped", stored_u64.clone()),
        ocr_engine: b.add_text_field("ocr_engine", STRING | STORED),
        ocr_confidence: b.add_f64_field("ocr_confidence", NumericOptions::default().set_stored()),
        hash: b.add_text_field("hash", STORED),
        size: b.add_u64_field("size", stored_u64.clone()),
        mtime: b.add_u64_field("mtime", stored_u64.clone()),
        pages: b.add_u64_field("pages", stored_u64.clone()),
        error: b.add_text_field("error", STORED),
        missing: b.add_text_field("missing", STORED),
        extractor: b.add_u64_field("extractor", stored_u64.clone()),
        identify: b.add_u64_field("identify", stored_u64),
        error_kind: b.add_text_field("error_kind", STRING | STORED),
        ocr_pending: b.add_u64_field("ocr_pending", NumericOptions::default().set_stored()),
        identification: b.add_text_field("identification", STORED),
        correction: b.add_text_field("correction", STORED),
    };
    (b.build(), fields)
}
