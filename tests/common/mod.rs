//! Helpers shared by the integration tests: run the real binary, build small corpora.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// A PDF whose objects 1, 2, … are `bodies` (dictionaries, streams written out with their
/// `stream … endstream`), object 1 the catalog, with an exact cross-reference table.
pub fn pdf_from_objects<S: AsRef<str>>(bodies: &[S]) -> Vec<u8> {
    let mut pdf = String::from("%PDF-1.7\n");
    let mut offsets = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        offsets.push(pdf.len());
        pdf += &format!("{} 0 obj\n{}\nendobj\n", i + 1, body.as_ref());
    }
    let xref = pdf.len();
    pdf += &format!("xref\n0 {}\n0000000000 65535 f \n", bodies.len() + 1);
    for offset in offsets {
        pdf += &format!("{offset:010} 00000 n \n");
    }
    pdf += &format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", bodies.len() + 1);
    pdf.into_bytes()
}
