//! Finds the PDFs in a corpus folder.
//!
//! Every `*.pdf` (any case) below the root becomes a [`Candidate`]; everything else is listed as
//! skipped, never fatal: other files, FIFOs, sockets and devices. Symbolic links are followed
//! with loop detection (walkdir), so a link pointing at its own ancestor is reported instead of
//! hanging the walk; a link leading outside the corpus is not followed unless asked
//! ([`discover_with`]), and a file reached twice (two links, a hard link) is taken once.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Files that are part of a corpus's bookkeeping rather than documents: not worth a warning.
const QUIET_SKIPS: &[&str] = &["manifest.csv", "readme.md", "truth.json", ".gitkeep", ".ds_store"];

/// One PDF found in the corpus.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Path as reachable from the current directory (root joined with `relative`).
    pub path: PathBuf,
    /// Path relative to the corpus root, with `/` separators: the document's identity in the index.
    pub relative: String,
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when the platform gives none).
    pub mtime_ns: u64,
}

/// A file or folder that was not taken, and why.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// What a walk over the corpus found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// PDFs, sorted by relative path so runs are reproducible.
    pub candidates: Vec<Candidate>,
    pub skipped: Vec<Skipped>,
}

/// Errors that stop discovery altogether (a missing or unreadable root).
#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    #[error("corpus folder {path} does not exist")]
    Missing { path: String },
    #[error("corpus {path} is not a folder")]
    NotAFolder { path: String },
}

/// Walks `root` and lists its PDFs; symbolic links leading outside it are not followed.
pub fn discover(root: &Path) -> Result<Discovery, DiscoverError> {
    discover_with(root, false)
}

/// Walks `root` and lists its PDFs, following symbolic links that lead outside it only when
/// `follow_outside_links` is set.
pub fn discover_with(root: &Path, follow_outside_links: bool) -> Result<Discovery, DiscoverError> {
    let shown = root.display().to_string();
    let meta = std::fs::metadata(root).map_err(|_| DiscoverError::Missing { path: shown.clone() })?;
    if !meta.is_dir() {
        return Err(DiscoverError::NotAFolder { path: shown });
    }
    let canonical_root = root.canonicalize().map_err(|_| DiscoverError::Missing { path: shown.clone() })?;
    let mut found = Discovery::default();
    let mut seen = SeenFiles::default();
    let mut walk = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| p.display().to_string()).unwrap_or_else(|| shown.clone());
                let reason = if err.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else {
                    err.io_error().map(|e| e.to_string()).unwrap_or_else(|| err.to_string())
                };
                found.skipped.push(Skipped { path, reason });
                continue;
            }
        };
        if entry.path_is_symlink() && !follow_outside_links {
            let inside = entry.path().canonicalize().is_ok_and(|target| target.starts_with(&canonical_root));
            if !inside {
                if entry.file_type().is_dir() {
                    walk.skip_current_dir();
                }
                found.skipped.push(Skipped {
                    path: entry.path().display().to_string(),
                    reason: "symbolic link leading outside the corpus (not followed)".into(),
                });
                continue;
            }
        }
        if entry.file_type().is_dir() {
            continue;
        }
        if !entry.file_type().is_file() {
            found.skipped.push(Skipped {
                path: entry.path().display().to_string(),
                reason: "not a regular file (FIFO, socket or device)".into(),
            });
            continue;
        }
        let path = entry.path();
        let relative = relative_slash_path(root, path);
        if !is_pdf_name(path) {
            let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
            if !QUIET_SKIPS.contains(&name.as_str()) {
                found.skipped.push(Skipped { path: path.display().to_string(), reason: "not a .pdf file".into() });
            }
            continue;
        }
        match entry.metadata() {
            Ok(meta) => {
                if let Some(first) = seen.first_path(&meta, &relative) {
                    found.skipped.push(Skipped {
                        path: path.display().to_string(),
                        reason: format!("the same file as {first} (taken once)"),
                    });
                    continue;
                }
                let mtime_ns = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map(|d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
                    .unwrap_or(0);
                found.candidates.push(Candidate { path: path.to_path_buf(), relative, size: meta.len(), mtime_ns });
            }
            Err(err) => found.skipped.push(Skipped { path: path.display().to_string(), reason: err.to_string() }),
        }
    }
    found.candidates.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(found)
}

/// Files already taken, by device and inode, with the relative path they were taken under.
#[derive(Default)]
struct SeenFiles(std::collections::HashMap<(u64, u64), String>);

impl SeenFiles {
    /// The path under which this file was taken before, or `None` (and it is now recorded).
    #[cfg(unix)]
    fn first_path(&mut self, meta: &std::fs::Metadata, relative: &str) -> Option<String> {
        use std::os::unix::fs::MetadataExt;
        match self.0.entry((meta.dev(), meta.ino())) {
            std::collections::hash_map::Entry::Occupied(first) => Some(first.get().clone()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(relative.to_string());
                None
            }
        }
    }

    #[cfg(not(unix))]
    fn first_path(&mut self, _meta: &std::fs::Metadata, _relative: &str) -> Option<String> {
        None
    }
}

/// True for names ending in `.pdf` in any letter case.
pub fn is_pdf_name(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("pdf"))
}

/// `path` relative to `root`, joined with `/` whatever the platform.
fn relative_slash_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pdfs_in_any_case_and_lists_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("2025")).unwrap();
        std::fs::write(dir.path().join("2025/a.pdf"), b"%PDF-1.4").unwrap();
        std::fs::write(dir.path().join("2025/B.PDF"), b"%PDF-1.4").unwrap();
        std::fs::write(dir.path().join("2025/notes.txt"), b"hi").unwrap();
        std::fs::write(dir.path().join("2025/manifest.csv"), b"file,municipality\n").unwrap();
        let found = discover(dir.path()).unwrap();
        let names: Vec<_> = found.candidates.iter().map(|c| c.relative.as_str()).collect();
        assert_eq!(names, ["2025/B.PDF", "2025/a.pdf"]);
        assert_eq!(found.skipped.len(), 1);
        assert!(found.skipped[0].path.ends_with("notes.txt"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_reported_not_followed_forever() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
        std::fs::write(dir.path().join("sub/x.pdf"), b"%PDF").unwrap();
        let found = discover(dir.path()).unwrap();
        assert_eq!(found.candidates.len(), 1);
        assert!(found.skipped.iter().any(|s| s.reason == "symbolic link loop"));
    }

    #[test]
    fn missing_root_is_an_error() {
        let err = discover(Path::new("/no/such/corpus")).unwrap_err();
        assert_eq!(err.to_string(), "corpus folder /no/such/corpus does not exist");
    }
}
