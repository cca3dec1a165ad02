//! What `evidence` and `review` share: which mentions (municipality, year, document type), read
//! from which index, with which topic dictionary and reviews file. One set of flags, looked up
//! one way, so the two commands always agree on what a mention and its review are.

use std::path::{Path, PathBuf};

use clap::Args;

use super::ingest::DEFAULT_INDEX;
use super::output::UsageError;
use super::report::{corpus_folder, parse_doctype, refresh_index};
use crate::analyse::{dictionary, TopicSet};
use crate::identify::registry;
use crate::index::{CorpusIndex, StoredPage};
use crate::report::evidence::EvidenceFilter;
use crate::report::Scope;
use crate::review::default_reviews_path;

#[derive(Debug, Args)]
pub struct MentionScopeArgs {
    /// Only this municipality (name, ASCII form or code).
    #[arg(long, value_name = "NAME")]
    pub municipality: Option<String>,
    /// Only this budget year.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<u16>,
    /// Only this document type.
    #[arg(long, value_name = "T")]
    pub doctype: Option<String>,
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Corpus folder to ingest from when the index is missing or stale.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Topic dictionary (TOML).
    /// [default: queries/topics.toml beside the corpus folder or in the working directory,
    /// else the built-in one]
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,
    /// Reviews file (default: reviews.csv beside the topic dictionary).
    #[arg(long, value_name = "FILE")]
    pub reviews: Option<PathBuf>,
    /// Never ingest, even when the index is missing or stale.
    #[arg(long)]
    pub no_ingest: bool,
}

/// The stored pages, dictionary and reviews file that a [`MentionScopeArgs`] names.
pub struct MentionSource {
    /// The corpus folder (given, or the one the index was built from).
    pub corpus: PathBuf,
    pub topics: TopicSet,
    pub reviews_path: PathBuf,
    pub index: CorpusIndex,
}

impl MentionScopeArgs {
    /// The corpus folder and the dictionary, before anything is read from the index (so a
    /// wrong topic name is reported without touching it).
    pub fn corpus_and_topics(&self) -> anyhow::Result<(PathBuf, TopicSet)> {
        let corpus = corpus_folder(self.corpus.as_deref(), &self.index);
        let topics = dictionary::load(self.topics.as_deref(), Some(&corpus))?;
        Ok((corpus, topics))
    }

    /// Which mentions of `topic` (all topics when `None`) are wanted.
    pub fn filter(&self, topic: Option<&str>) -> Result<EvidenceFilter, UsageError> {
        Ok(EvidenceFilter {
            scope: Scope { year: self.year, doctype: parse_doctype(self.doctype.as_deref())? },
            topics: topic.map(str::to_string).into_iter().collect(),
            code: municipality_code(self.municipality.as_deref())?,
        })
    }

    /// Brings the index up to date (unless `--no-ingest`) and opens it, with the reviews file
    /// that belongs to the dictionary.
    pub fn open(&self, corpus: PathBuf, topics: TopicSet) -> anyhow::Result<MentionSource> {
        refresh_index(&corpus, &self.index, self.no_ingest)?;
        let index = CorpusIndex::open(&self.index)?;
        let reviews_path = reviews_path(
            self.reviews.as_deref(),
            dictionary::locate(self.topics.as_deref(), Some(&corpus)).as_deref(),
            &corpus,
        );
        Ok(MentionSource { corpus, topics, reviews_path, index })
    }
}

impl MentionSource {
    /// Every stored page of the index.
    pub fn pages(&self) -> anyhow::Result<Vec<StoredPage>> {
        Ok(self.index.pages(&self.index.reader()?.searcher())?)
    }
}

/// The reviews file a command uses: the one given, else `reviews.csv` beside the dictionary.
pub(super) fn reviews_path(given: Option<&Path>, topics_file: Option<&Path>, corpus: &Path) -> PathBuf {
    given.map(Path::to_path_buf).unwrap_or_else(|| default_reviews_path(topics_file, corpus))
}

/// A topic id that is in the dictionary, or a usage error listing the ids.
pub(super) fn check_topic(topics: &TopicSet, id: &str) -> Result<(), UsageError> {
    if topics.get(id).is_some() {
        return Ok(());
    }
    let ids: Vec<&str> = topics.topics.iter().map(|t| t.id.as_str()).collect();
    Err(UsageError(format!("unknown topic {id:?} (one of {})", ids.join(", "))))
}

/// A municipality code from a `--municipality` value.
fn municipality_code(given: Option<&str>) -> Result<Option<u16>, UsageError> {
    given
        .map(|name| {
            registry::lookup(name).map(|m| m.code).ok_or_else(|| UsageError(format!("unknown municipality {name:?}")))
        })
        .transpose()
}
