//! Where the corpus of an index is, and what it says about itself.

use std::path::{Path, PathBuf};

use crate::index::CorpusIndex;

/// The corpus folder to read: the one given, else the one the index was built from, else
/// `default`.
pub fn corpus_folder(given: Option<&Path>, index_dir: &Path, default: &Path) -> PathBuf {
    if let Some(corpus) = given {
        return corpus.to_path_buf();
    }
    CorpusIndex::open(index_dir)
        .ok()
        .and_then(|index| index.commit_info().ok().flatten())
        .map(|info| PathBuf::from(info.corpus))
        .unwrap_or_else(|| default.to_path_buf())
}

/// True when the corpus folder says it is a synthetic sample (`truth.json` with `"synthetic": true`).
pub fn is_synthetic(corpus: &Path) -> bool {
    std::fs::read_to_string(corpus.join("truth.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|v| v.get("synthetic").and_then(serde_json::Value::as_bool))
        .unwrap_or(false)
}
