//! Writing to stdout the way a Unix tool should: a closed pipe (`| head`) ends quietly.

use std::io::Write;
use std::path::{Path, PathBuf};

/// An error in what the user asked for (exit code 2), as opposed to a failure while doing it.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Refuses an output path inside the index folder (writing there could damage the index), and
/// says so on stderr before an existing file is overwritten.
pub fn check_out_path(out: &Path, index_dir: &Path) -> anyhow::Result<()> {
    if is_inside(out, index_dir) {
        return Err(UsageError(format!(
            "{} is inside the index folder {}; write the output elsewhere",
            crate::safe_text::terminal(&out.display().to_string()),
            crate::safe_text::terminal(&index_dir.display().to_string())
        ))
        .into());
    }
    if out.is_file() {
        eprintln!("kommunsk: overwriting {}", crate::safe_text::terminal(&out.display().to_string()));
    }
    Ok(())
}

/// True when `path` is `folder` or below it, after resolving `..` and symbolic links as far as
/// the paths exist.
pub fn is_inside(path: &Path, folder: &Path) -> bool {
    let (Some(path), Some(folder)) = (resolve(path), resolve(folder)) else { return false };
    path.starts_with(folder)
}

/// `path` made absolute, its longest existing ancestor canonicalised.
fn resolve(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canonical) = existing.canonicalize() {
            return Some(rest.iter().rev().fold(canonical, |p, c| p.join(c)));
        }
        rest.push(existing.file_name()?.to_owned());
        existing = existing.parent()?;
    }
}

/// Writes `text` to stdout and flushes.
pub fn emit(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// True when the error is a write to a closed pipe.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
