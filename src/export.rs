//! Exports the index as NDJSON, one JSON document per page, for a distributed search engine
//! (Quickwit's ingest API takes exactly this; see `tools/quickwit/`).
//!
//! Batches are files of at most [`DEFAULT_BATCH_BYTES`], cut at document boundaries, so each can
//! be posted in one request under Quickwit's 10 MB request limit.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::index::{CorpusIndex, IndexError, StoredPage};
use crate::search::display_path;

/// Quickwit refuses ingest requests over 10 MB; stay safely below.
pub const DEFAULT_BATCH_BYTES: usize = 9 * 1024 * 1024;

/// One page as exported: every field the index holds for it.
#[derive(Debug, Serialize)]
pub struct ExportedPage<'a> {
    /// Stable id: relative path and page number.
    pub id: String,
    pub path: &'a str,
    pub corpus_path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub municipality: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    pub doctype: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'a str>,
    pub page: u32,
    pub text: &'a str,
    pub furniture: &'a str,
    pub unmapped_glyphs: u32,
}

impl<'a> ExportedPage<'a> {
    fn new(page: &'a StoredPage, corpus: &str) -> ExportedPage<'a> {
        ExportedPage {
            id: format!("{}#{}", page.path, page.page),
            path: &page.path,
            corpus_path: display_path(corpus, &page.path),
            municipality: page.info.municipality.as_deref(),
            code: page.info.code,
            region: page.info.region.as_deref(),
            year: page.info.year,
            doctype: &page.info.doctype,
            lang: page.info.lang.as_deref(),
            page: page.page,
            text: &page.text,
            furniture: &page.furniture,
            unmapped_glyphs: page.unmapped,
        }
    }
}

/// What an export wrote.
#[derive(Debug, Serialize)]
pub struct ExportSummary {
    /// Batch files of an earlier export removed from the folder first.
    pub removed: usize,
    pub pages: usize,
    pub bytes: u64,
    pub batches: Vec<PathBuf>,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("writing {path}: {cause}")]
    Write { path: PathBuf, cause: std::io::Error },
    #[error(
        "{dir} holds files that are not export batches ({example}); export into an empty folder or an earlier export's"
    )]
    NotExportFolder { dir: PathBuf, example: String },
    #[error("a single page of {path} is {bytes} bytes as JSON, more than the batch limit of {limit}")]
    PageTooLarge { path: String, bytes: usize, limit: usize },
}

/// Writes `out_dir/pages-00001.ndjson`, … with every page of the index, each file under
/// `batch_bytes`. Streams: one page in memory at a time.
pub fn export_ndjson(index_dir: &Path, out_dir: &Path, batch_bytes: usize) -> Result<ExportSummary, ExportError> {
    let index = CorpusIndex::open(index_dir)?;
    let corpus = index.commit_info()?.map(|c| c.corpus).unwrap_or_default();
    let searcher = index.reader()?.searcher();
    std::fs::create_dir_all(out_dir).map_err(|cause| ExportError::Write { path: out_dir.into(), cause })?;
    let removed = remove_earlier_batches(out_dir)?;

    let mut writer =
        BatchWriter { out_dir: out_dir.into(), limit: batch_bytes, current: Vec::new(), batches: Vec::new(), bytes: 0 };
    let mut pages = 0;
    let mut failure: Option<ExportError> = None;
    index.for_each_page(&searcher, |page| {
        if failure.is_some() {
            return;
        }
        let mut line = serde_json::to_vec(&ExportedPage::new(&page, &corpus)).unwrap_or_default();
        line.push(b'\n');
        if line.len() > batch_bytes {
            failure =
                Some(ExportError::PageTooLarge { path: page.path.clone(), bytes: line.len(), limit: batch_bytes });
            return;
        }
        if let Err(err) = writer.push(&line) {
            failure = Some(err);
        }
        pages += 1;
    })?;
    if let Some(err) = failure {
        return Err(err);
    }
    writer.flush()?;
    Ok(ExportSummary { removed, pages, bytes: writer.bytes, batches: writer.batches })
}

/// Empties `out_dir` of an earlier export's batches, so a downstream engine never reads stale
/// pages beside new ones; a folder holding anything else is refused untouched.
fn remove_earlier_batches(out_dir: &Path) -> Result<usize, ExportError> {
    let io = |cause| ExportError::Write { path: out_dir.into(), cause };
    let mut batches = Vec::new();
    for entry in std::fs::read_dir(out_dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_batch_name(&name) || !entry.file_type().map_err(io)?.is_file() {
            return Err(ExportError::NotExportFolder { dir: out_dir.into(), example: name });
        }
        batches.push(entry.path());
    }
    for batch in &batches {
        std::fs::remove_file(batch).map_err(|cause| ExportError::Write { path: batch.clone(), cause })?;
    }
    Ok(batches.len())
}

/// `pages-00001.ndjson` and the like.
fn is_batch_name(name: &str) -> bool {
    name.strip_prefix("pages-")
        .and_then(|rest| rest.strip_suffix(".ndjson"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Accumulates lines and writes a batch file whenever the next line would cross the limit.
struct BatchWriter {
    out_dir: PathBuf,
    limit: usize,
    current: Vec<u8>,
    batches: Vec<PathBuf>,
    bytes: u64,
}

impl BatchWriter {
    fn push(&mut self, line: &[u8]) -> Result<(), ExportError> {
        if self.current.len() + line.len() > self.limit {
            self.flush()?;
        }
        self.current.extend_from_slice(line);
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ExportError> {
        if self.current.is_empty() {
            return Ok(());
        }
        let path = self.out_dir.join(format!("pages-{:05}.ndjson", self.batches.len() + 1));
        let write = || -> std::io::Result<()> {
            let mut file = std::fs::File::create(&path)?;
            file.write_all(&self.current)?;
            file.sync_all()
        };
        write().map_err(|cause| ExportError::Write { path: path.clone(), cause })?;
        self.bytes += self.current.len() as u64;
        self.current.clear();
        self.batches.push(path);
        Ok(())
    }
}
