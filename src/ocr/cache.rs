//! OCR results kept by content hash, so a file is never OCR'd twice by the same engine: not
//! when it is re-ingested, renamed, copied or re-read by a newer extractor.
//!
//! Layout: `<dir>/<engine key>/<BLAKE3 of the file>/<page>.json`. The engine key changes with
//! the engine, model and how text is assembled, so a change there never returns stale text.

use std::path::PathBuf;

use super::tsv::PageText;

/// Bumped when the cached text would come out differently (rendering, TSV reading).
const FORMAT: u32 = 2;

/// A folder of cached OCR pages for one engine.
#[derive(Debug, Clone)]
pub struct OcrCache {
    dir: PathBuf,
}

impl OcrCache {
    /// The cache for `engine` under `root` (created on first write).
    pub fn new(root: PathBuf, engine: &str) -> OcrCache {
        let key: String = engine.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' { c } else { '-' }).collect();
        OcrCache { dir: root.join(format!("v{FORMAT}-{key}")) }
    }

    fn entry(&self, hash: &str, page: u32) -> Option<PathBuf> {
        // The hash is ours (hex), but never let it name a path outside the cache.
        let safe = !hash.is_empty() && hash.chars().all(|c| c.is_ascii_hexdigit());
        safe.then(|| self.dir.join(hash).join(format!("{page}.json")))
    }

    /// The cached text of `page` of the file with content hash `hash`, if any.
    pub fn get(&self, hash: &str, page: u32) -> Option<PageText> {
        let bytes = std::fs::read(self.entry(hash, page)?).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Stores a page's text. Failures only cost a later re-OCR, so they are ignored; the write
    /// goes through a temporary file and a rename so a reader never sees half an entry.
    pub fn put(&self, hash: &str, page: u32, text: &PageText) {
        let Some(path) = self.entry(hash, page) else { return };
        let Some(folder) = path.parent() else { return };
        let Ok(json) = serde_json::to_vec(text) else { return };
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::create_dir_all(folder).is_ok()
            && std::fs::write(&tmp, json).is_ok()
            && std::fs::rename(&tmp, &path).is_err()
        {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_round_trips_and_other_keys_miss() {
        let dir = std::env::temp_dir().join(format!("kommunsk-ocr-cache-test-{}", std::process::id()));
        let cache = OcrCache::new(dir.clone(), "tesseract 5.3.0 dan");
        let text = PageText {
            blocks: vec![vec!["Æbler og øl på Ærø".into()]],
            words: 5,
            confidence: 91.5,
            ..Default::default()
        };
        cache.put("00ff", 2, &text);
        assert_eq!(cache.get("00ff", 2), Some(text));
        assert_eq!(cache.get("00ff", 3), None);
        assert_eq!(cache.get("../00ff", 2), None);
        assert_eq!(OcrCache::new(dir.clone(), "tesseract 5.4.0 dan").get("00ff", 2), None);
        let _ = std::fs::remove_dir_all(dir);
    }
}
