//! Where test inputs live, for the unit tests and (included by path) the integration tests:
//! the one place that knows this crate sits two levels below the repository root, with
//! `../shared/` beside the repository.

use std::path::{Path, PathBuf};

/// The repository (workspace) root, where `target/` is.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared/` beside the repository: the fixtures and the robustness corpora.
pub fn shared() -> PathBuf {
    root().join("../shared")
}

/// A file of this crate's own test data (`tests/data/`).
pub fn data(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(relative)
}
