//! What `evidence` and `review` share: which mentions (municipality, year, document type), read
//! from which index, with which topic dictionary and reviews file. One set of flags, looked up
//! one way, so the two commands always agree on what a mention and its review are.

use std::path::PathBuf;

use clap::Args;

use super::index_source::{IndexSource, IndexSourceArgs};
use super::output::UsageError;
use super::report::parse_doctype;
use crate::analyse::TopicSet;
use crate::identify::registry;
use crate::index::{CorpusIndex, StoredPage};
use crate::report::evidence::EvidenceFilter;
use crate::report::Scope;

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
    #[command(flatten)]
    pub source: IndexSourceArgs,
    /// Reviews file (default: reviews.csv beside the topic dictionary).
    #[arg(long, value_name = "FILE")]
    pub reviews: Option<PathBuf>,
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
    /// The index, corpus folder and dictionary, before anything is read from the index (so a
    /// wrong topic name is reported without touching it).
    pub fn source_and_topics(&self) -> anyhow::Result<(IndexSource, TopicSet)> {
        let source = self.source.resolve();
        let topics = source.load_topics()?;
        Ok((source, topics))
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
    pub fn open(&self, source: IndexSource, topics: TopicSet) -> anyhow::Result<MentionSource> {
        source.refresh()?;
        let index = CorpusIndex::open(&source.index_dir)?;
        let reviews_path = source.reviews_path(self.reviews.as_deref());
        Ok(MentionSource { corpus: source.corpus, topics, reviews_path, index })
    }
}

impl MentionSource {
    /// Every stored page of the index.
    pub fn pages(&self) -> anyhow::Result<Vec<StoredPage>> {
        Ok(self.index.pages(&self.index.reader()?.searcher())?)
    }
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
