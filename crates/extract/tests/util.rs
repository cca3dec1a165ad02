//! Test input paths (from `src/test_paths.rs`) and a builder for small PDFs.

pub use crate::paths::{data, root, shared};
pub use crate::pdf_builder::pdf_from_objects;
