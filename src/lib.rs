//! kommunsk reads Danish municipal budget documents.
//!
//! The pipeline, one module per stage, in the order data flows:
//!
//! 1. [`discover`] walks a corpus folder and lists the PDFs (and what it skipped).
//! 2. [`extract`] turns one PDF into per-page text with lopdf: fonts, encodings,
//!    layout, reading order, hyphenation and page furniture.
//! 3. [`identify`] names the document: municipality (of the 98), year, document type, language.
//! 4. [`index`] stores one tantivy document per page, incrementally.
//! 5. [`analyse`] counts topic mentions from the editable dictionaries in `queries/`.
//! 6. [`report`] aggregates mentions to "N ud af M" per topic and year and renders them.
//!
//! [`ingest`] drives stages 1–4 over a corpus, extracting each file in a memory-capped worker
//! process ([`isolation`]); [`search`] queries the index; [`review`] keeps people's verdicts on
//! mentions and feeds them back into the counts; [`serve`] shows search and report in a browser.

pub mod analyse;
pub mod commands;
pub mod corpus;
pub mod discover;
pub mod export;
pub use kommunsk_extract as extract;
pub mod identify;
pub mod index;
pub mod ingest;
pub mod isolation;
pub mod mention_cache;
pub mod ocr;
pub mod report;
pub mod review;
pub mod safe_text;
pub mod search;
pub mod serve;
