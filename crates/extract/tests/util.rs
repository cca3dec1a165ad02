//! Test input paths (from `src/test_paths.rs`), a builder for small PDFs, and reading a
//! regression fixture with its truth.

pub use crate::paths::{data, root, shared};
pub use crate::pdf_builder::pdf_from_objects;

use kommunsk_extract::{extract_path, ExtractedPdf, Limits};

/// The regression fixture `name` under `tests/data`, extracted with default limits; a failure
/// names the file.
pub fn extract_data(name: &str) -> ExtractedPdf {
    let path = data(name);
    match extract_path(&path, &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// The truth file `name` under `tests/data` (empty if missing, so the comparison fails).
pub fn truth(name: &str) -> String {
    std::fs::read_to_string(data(name)).unwrap_or_default()
}

/// `text`'s words, one space apart: compares reading order, not line breaks.
pub fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
