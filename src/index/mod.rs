//! The tantivy index: one document per page, one record per file, atomic commits.
//!
//! The index folder holds everything a report or a search needs; the corpus can be moved or
//! deleted afterwards. A commit carries a small payload ([`CommitInfo`]) saying which corpus
//! folder it was built from, so `report` can check whether it is stale.

pub mod analyzers;
pub mod literal_terms;
pub mod records;
pub mod reversed_terms;
pub mod schema;

use std::path::{Path, PathBuf};

use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

pub use records::{DocumentInfo, FileRecord, StoredPage};
pub use schema::{Fields, KIND_FILE, KIND_PAGE, SCHEMA_VERSION};

/// Memory for the single index writer. Large enough that a corpus of a few thousand pages is
/// written in a handful of segments; small enough to keep ingest's peak memory low.
pub const WRITER_HEAP_BYTES: usize = 96 * 1024 * 1024;

/// Errors from the index, with the folder they concern.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no index in {dir} (run `kommunsk ingest` first)")]
    Missing { dir: PathBuf },
    #[error("index in {dir} was built by another kommunsk version (schema {found}, expected {expected}); delete the folder and run `kommunsk ingest`")]
    OldSchema { dir: PathBuf, found: u64, expected: u64 },
    #[error("index in {dir}: {cause}")]
    Tantivy { dir: PathBuf, cause: tantivy::TantivyError },
    #[error("cannot create index folder {dir}: {cause}")]
    CreateDir { dir: PathBuf, cause: std::io::Error },
    #[error("{dir} is neither empty nor a kommunsk index; refusing to write an index into it")]
    NotAnIndex { dir: PathBuf },
}

/// What each commit records about itself (tantivy's commit payload).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CommitInfo {
    pub schema_version: u64,
    /// The corpus folder as it was given to `ingest`.
    pub corpus: String,
}

/// An opened index with its field handles.
pub struct CorpusIndex {
    dir: PathBuf,
    index: Index,
    fields: Fields,
}

impl CorpusIndex {
    /// True when `dir` holds a tantivy index.
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens an existing index.
    pub fn open(dir: &Path) -> Result<CorpusIndex, IndexError> {
        if !Self::exists(dir) {
            return Err(IndexError::Missing { dir: dir.into() });
        }
        let index = Index::open_in_dir(dir).map_err(|cause| IndexError::Tantivy { dir: dir.into(), cause })?;
        let opened = Self::wrap(dir, index)?;
        if let Some(info) = opened.commit_info()? {
            if info.schema_version != SCHEMA_VERSION {
                return Err(IndexError::OldSchema {
                    dir: dir.into(),
                    found: info.schema_version,
                    expected: SCHEMA_VERSION,
                });
            }
        }
        Ok(opened)
    }

    /// Opens the index in `dir`, creating the folder and an empty index if there is none.
    pub fn open_or_create(dir: &Path) -> Result<CorpusIndex, IndexError> {
        if Self::exists(dir) {
            return Self::open(dir);
        }
        // Files of something else would be mixed with (or taken for) the index's own.
        if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
            return Err(IndexError::NotAnIndex { dir: dir.into() });
        }
        std::fs::create_dir_all(dir).map_err(|cause| IndexError::CreateDir { dir: dir.into(), cause })?;
        let (schema, _) = schema::build();
        let index =
            Index::create_in_dir(dir, schema).map_err(|cause| IndexError::Tantivy { dir: dir.into(), cause })?;
        Self::wrap(dir, index)
    }

    fn wrap(dir: &Path, index: Index) -> Result<CorpusIndex, IndexError> {
        analyzers::register(&index);
        let (expected, fields) = schema::build();
        // Field handles come from our schema; refuse an index whose schema differs.
        if index.schema() != expected {
            return Err(IndexError::OldSchema { dir: dir.into(), found: 0, expected: SCHEMA_VERSION });
        }
        Ok(CorpusIndex { dir: dir.into(), index, fields })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    fn err(&self, cause: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy { dir: self.dir.clone(), cause }
    }

    /// The payload of the last commit, if any commit carried one.
    pub fn commit_info(&self) -> Result<Option<CommitInfo>, IndexError> {
        let meta = self.index.load_metas().map_err(|e| self.err(e))?;
        Ok(meta.payload.as_deref().and_then(|p| serde_json::from_str(p).ok()))
    }

    /// A reader that sees the last commit (reloaded manually, never mid-ingest).
    pub fn reader(&self) -> Result<IndexReader, IndexError> {
        self.index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(|e| self.err(e))
    }

    /// A reader that follows new commits by itself (tantivy watches the index's meta file), for
    /// a long-running server beside which `ingest` runs.
    pub fn live_reader(&self) -> Result<IndexReader, IndexError> {
        self.index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into().map_err(|e| self.err(e))
    }

    /// The single writer (tantivy holds a lock file so a second ingest waits or fails cleanly).
    ///
    /// Files no commit refers to are removed first: an ingest killed between writing a
    /// segment's deletes and committing leaves `SEGMENT.OPSTAMP.del` behind, and the next ingest
    /// reaches the same opstamp and would fail with "FileAlreadyExists" (found by the kill-9 test).
    pub fn writer(&self) -> Result<IndexWriter, IndexError> {
        let writer = self.index.writer(WRITER_HEAP_BYTES).map_err(|e| self.err(e))?;
        writer.garbage_collect_files().wait().map_err(|e| self.err(e))?;
        Ok(writer)
    }

    fn kind_query(&self, kind: &str) -> TermQuery {
        TermQuery::new(Term::from_field_text(self.fields.kind, kind), IndexRecordOption::Basic)
    }

    /// Every file record in the index, by relative path.
    pub fn file_records(&self, searcher: &Searcher) -> Result<Vec<FileRecord>, IndexError> {
        let addresses = searcher.search(&self.kind_query(KIND_FILE), &DocSetCollector).map_err(|e| self.err(e))?;
        let mut records = Vec::with_capacity(addresses.len());
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
            records.push(FileRecord::from_document(&self.fields, &doc));
        }
        records.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(records)
    }

    /// Every stored page, in no particular order.
    pub fn pages(&self, searcher: &Searcher) -> Result<Vec<StoredPage>, IndexError> {
        let mut pages = Vec::new();
        self.for_each_page(searcher, |page| pages.push(page))?;
        Ok(pages)
    }

    /// The stored pages of the documents with these paths (for work on a few documents
    /// without reading the whole corpus).
    pub fn pages_of(&self, searcher: &Searcher, paths: &[&str]) -> Result<Vec<StoredPage>, IndexError> {
        let wanted: std::collections::BTreeSet<&str> = paths.iter().copied().collect();
        let mut pages = Vec::new();
        for path in wanted {
            let query = BooleanQuery::new(vec![
                (Occur::Must, Box::new(self.kind_query(KIND_PAGE)) as Box<dyn Query>),
                (
                    Occur::Must,
                    Box::new(TermQuery::new(Term::from_field_text(self.fields.path, path), IndexRecordOption::Basic)),
                ),
            ]);
            let mut addresses: Vec<_> =
                searcher.search(&query, &DocSetCollector).map_err(|e| self.err(e))?.into_iter().collect();
            addresses.sort();
            for address in addresses {
                let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
                pages.push(StoredPage::from_document(&self.fields, &doc));
            }
        }
        Ok(pages)
    }

    /// Calls `visit` with every stored page, one at a time, in index order (for exports that
    /// must not hold the whole corpus in memory).
    pub fn for_each_page(&self, searcher: &Searcher, mut visit: impl FnMut(StoredPage)) -> Result<(), IndexError> {
        let mut addresses: Vec<_> = searcher
            .search(&self.kind_query(KIND_PAGE), &DocSetCollector)
            .map_err(|e| self.err(e))?
            .into_iter()
            .collect();
        addresses.sort();
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.err(e))?;
            visit(StoredPage::from_document(&self.fields, &doc));
        }
        Ok(())
    }
}

/// Reads a stored text field (empty when absent).
pub(crate) fn stored_str(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_string()
}

/// Reads a stored u64 field.
pub(crate) fn stored_u64(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<u64> {
    doc.get_first(field).and_then(|v| v.as_u64())
}
