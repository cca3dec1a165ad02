//! The extractor's integration tests: one binary, one module per concern.

// Test input paths, shared with the unit tests.
#[path = "../src/test_paths.rs"]
mod paths;
// The small-PDF builder, also used by kommunsk's tests.
mod pdf_builder;
// Those paths and the small-PDF builder.
mod util;

// CJK text through Adobe's predefined CMaps instead of ToUnicode.
mod cjk;
// Columns that only the content stream's order tells from a table (a pdfTeX index).
mod columns;
// Bad input gives the documented errors, never a panic; limits are enforced.
mod errors;
// Small pdfTeX and scripted PDFs: ActualText, Form XObjects, annotations, page-break hyphens.
mod features;
// The shared fixture PDFs: reading order, hyphenation, tables, running headers/footers.
mod fixtures;
// Fonts whose dictionaries map no glyph to Unicode, read through their fallbacks.
mod font_fallbacks;
// Glyph positions and sizes: rotated text, Type3 glyph space, glyph order.
mod metrics;
// The source's modules and stage folders import each other without cycles.
mod module_graph;
// Files that once read as empty or unreadable although their text is there.
mod recovery;
// The quality floor on the shared fixtures, scored like `../shared/fixtures/score.py`.
mod scores;
// Stream data lopdf gets wrong, and text outside the page.
mod streams;
// The structure tree of tagged PDFs: alt and actual texts, hostile trees.
mod structure;
// Tagged PDFs: artifacts as furniture, tagged content kept.
mod tagged;
// Tables across pages (a repeated header row is body text) and columns under running heads.
mod tables;
