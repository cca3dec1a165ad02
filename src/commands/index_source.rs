//! The flags of every command that reads the index and counts with the topic dictionary —
//! `report`, `serve`, `evidence`, `review`, `topics --stats` — and what they resolve to. Declared
//! once and resolved once, so that every command reads the same index, keeps it up to date from
//! the same corpus folder and counts with the same dictionary and reviews file.

use std::path::{Path, PathBuf};

use clap::Args;

use super::ingest::{ingest_with_progress, DEFAULT_CORPUS, DEFAULT_INDEX};
use crate::analyse::{dictionary, TopicSet};
use crate::ingest::{is_stale, IngestOptions};
use crate::isolation::Isolation;
use crate::review::default_reviews_path;

#[derive(Debug, Clone, Args)]
pub struct IndexSourceArgs {
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Corpus folder the PDFs are read from, ingested first when the index is missing or stale
    /// (default: the folder the index was built from, else "corpus").
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Topic dictionary (TOML)
    /// [default: queries/topics.toml beside the corpus folder or in the working directory,
    /// else the built-in one]
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,
    /// Never ingest, even when the index is missing or stale.
    #[arg(long)]
    pub no_ingest: bool,
}

/// What an [`IndexSourceArgs`] names, with the defaults filled in.
#[derive(Debug, Clone)]
pub struct IndexSource {
    pub index_dir: PathBuf,
    /// The corpus folder: given, else the one the index was built from, else `corpus`.
    pub corpus: PathBuf,
    /// The dictionary file in use; `None` for the built-in dictionary.
    pub topics_file: Option<PathBuf>,
    no_ingest: bool,
}

impl IndexSourceArgs {
    /// Fills in the defaults; reads nothing but the index's record of its corpus folder.
    pub fn resolve(&self) -> IndexSource {
        let corpus = corpus_folder(self.corpus.as_deref(), &self.index);
        let topics_file = dictionary::locate(self.topics.as_deref(), Some(&corpus));
        IndexSource { index_dir: self.index.clone(), corpus, topics_file, no_ingest: self.no_ingest }
    }
}

impl IndexSource {
    /// The topic dictionary in use.
    pub fn load_topics(&self) -> anyhow::Result<TopicSet> {
        Ok(dictionary::load(self.topics_file.as_deref(), None)?)
    }

    /// Ingests the corpus first when the index is missing or stale (unless `--no-ingest`).
    pub fn refresh(&self) -> anyhow::Result<()> {
        refresh_index(&self.corpus, &self.index_dir, self.no_ingest)
    }

    /// The reviews file: the one given, else `reviews.csv` beside the dictionary in use.
    pub fn reviews_path(&self, given: Option<&Path>) -> PathBuf {
        reviews_path(given, self.topics_file.as_deref(), &self.corpus)
    }
}

/// The reviews file a command uses: the one given, else `reviews.csv` beside the dictionary.
pub(super) fn reviews_path(given: Option<&Path>, topics_file: Option<&Path>, corpus: &Path) -> PathBuf {
    given.map(Path::to_path_buf).unwrap_or_else(|| default_reviews_path(topics_file, corpus))
}

/// The corpus folder to check for staleness and to ingest from: the one given, else the one the
/// index was built from, else `corpus`.
pub(super) fn corpus_folder(given: Option<&Path>, index_dir: &Path) -> PathBuf {
    crate::corpus::corpus_folder(given, index_dir, Path::new(DEFAULT_CORPUS))
}

/// Ingests `corpus` into `index_dir` first when the index is missing or stale (unless told not to).
fn refresh_index(corpus: &Path, index_dir: &Path, no_ingest: bool) -> anyhow::Result<()> {
    if let Some(pid) = crate::ingest::running_ingest(index_dir) {
        // Its batches are committed as it goes: what is shown is the index as far as it got.
        eprintln!(
            "kommunsk: an ingest (process {pid}) is writing {}; showing the index as committed so far",
            crate::safe_text::terminal(&index_dir.display().to_string())
        );
        return Ok(());
    }
    if no_ingest || !corpus.is_dir() || !is_stale(corpus, index_dir)? {
        return Ok(());
    }
    eprintln!(
        "kommunsk: index {} is missing or out of date; ingesting {} first",
        index_dir.display(),
        corpus.display()
    );
    let options = IngestOptions { isolation: Isolation::current_exe()?, ..IngestOptions::new(corpus, index_dir) };
    let summary = ingest_with_progress(&options, false)?;
    eprintln!(
        "kommunsk: {} indexed, {} unchanged, {} removed, {} failed",
        summary.indexed,
        summary.unchanged,
        summary.removed,
        summary.failed.len()
    );
    Ok(())
}
