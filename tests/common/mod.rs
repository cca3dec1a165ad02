//! Helpers shared by the integration tests: run the real binary, build small corpora.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

// The extractor's small-PDF builder, one copy for both crates' tests.
#[path = "../../crates/extract/tests/pdf_builder.rs"]
mod pdf_builder;
#[allow(unused_imports)] // not every test binary builds PDFs
pub use pdf_builder::pdf_from_objects;

/// The crate root (tests run with it as the working directory).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/` beside the repository, where the fixtures and robustness corpora live.
pub fn shared() -> PathBuf {
    root().join("../shared")
}

/// A fixture PDF from `../shared/fixtures/pdf/`.
pub fn fixture(name: &str) -> PathBuf {
    shared().join("fixtures/pdf").join(name)
}

/// Runs `kommunsk` with `args` and returns its output.
pub fn kommunsk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kommunsk"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the kommunsk binary runs")
}

/// Runs `kommunsk`, asserts exit code 0 and parses stdout as JSON.
pub fn kommunsk_json(args: &[&str]) -> serde_json::Value {
    let out = kommunsk(args);
    assert!(
        out.status.success(),
        "kommunsk {args:?} failed with {:?}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("kommunsk {args:?}: stdout is not JSON ({e}):\n{}", String::from_utf8_lossy(&out.stdout))
    })
}

/// Copies `from` to `dir/relative`, creating folders.
pub fn place(dir: &Path, relative: &str, from: &Path) {
    let to = dir.join(relative);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, &to).unwrap_or_else(|e| panic!("copy {} → {}: {e}", from.display(), to.display()));
}

/// A path as a `&str` for command lines.
pub fn s(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}
