//! Narrowing a search to the pages that mention a topic of the dictionary: the pages the report
//! counts the topic on, found with the same patterns through the report cache
//! ([`crate::mention_cache`]), so a search with `topic` agrees with `report` and `evidence`.

use std::collections::BTreeMap;

use tantivy::query::{BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::SearchError;
use crate::analyse::TopicSet;
use crate::index::{CorpusIndex, Fields};
use crate::mention_cache::{self, PageMentions};

/// The pages (by stored path and page number) where one topic's patterns match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicPages {
    /// The topic id.
    pub topic: String,
    by_path: BTreeMap<String, Vec<u32>>,
}

impl TopicPages {
    /// The pages of topic `id` among counted pages; `None` when the dictionary has no such topic.
    pub fn from_counted(pages: &[PageMentions], topics: &TopicSet, id: &str) -> Option<TopicPages> {
        let position = topics.topics.iter().position(|t| t.id == id)?;
        let mut by_path: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for p in pages.iter().filter(|p| p.mentions.get(position).is_some_and(|m| !m.is_empty())) {
            by_path.entry(p.path.clone()).or_default().push(p.page);
        }
        Some(TopicPages { topic: id.to_string(), by_path })
    }

    /// Every topic's pages at once, from one count of the index (what a server keeps per commit).
    pub fn all(index: &CorpusIndex, searcher: &Searcher, topics: &TopicSet) -> Result<Vec<TopicPages>, SearchError> {
        let counted = mention_cache::count(index, searcher, topics)?;
        Ok(topics.topics.iter().filter_map(|t| TopicPages::from_counted(&counted.pages, topics, &t.id)).collect())
    }

    /// The pages of topic `id`, or a usage error naming the topics there are.
    pub fn find(
        index: &CorpusIndex,
        searcher: &Searcher,
        topics: &TopicSet,
        id: &str,
    ) -> Result<TopicPages, SearchError> {
        if topics.get(id).is_none() {
            return Err(unknown_topic(topics, id));
        }
        let counted = mention_cache::count(index, searcher, topics)?;
        TopicPages::from_counted(&counted.pages, topics, id).ok_or_else(|| unknown_topic(topics, id))
    }

    /// Pages in all.
    pub fn len(&self) -> usize {
        self.by_path.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    /// A filter matching exactly these pages, scoring nothing (ranking stays the text query's).
    pub(super) fn query(&self, fields: &Fields) -> Box<dyn Query> {
        if self.by_path.is_empty() {
            return Box::new(EmptyQuery);
        }
        let per_document: Vec<(Occur, Box<dyn Query>)> = self
            .by_path
            .iter()
            .map(|(path, pages)| {
                let path: Box<dyn Query> =
                    Box::new(TermQuery::new(Term::from_field_text(fields.path, path), IndexRecordOption::Basic));
                let pages: Box<dyn Query> =
                    Box::new(TermSetQuery::new(pages.iter().map(|&p| Term::from_field_u64(fields.page, u64::from(p)))));
                let both: Box<dyn Query> = Box::new(BooleanQuery::new(vec![(Occur::Must, path), (Occur::Must, pages)]));
                (Occur::Should, both)
            })
            .collect();
        Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(per_document)), 0.0))
    }
}

/// The error for a topic id the dictionary does not have.
pub fn unknown_topic(topics: &TopicSet, id: &str) -> SearchError {
    let ids: Vec<&str> = topics.topics.iter().map(|t| t.id.as_str()).collect();
    SearchError::UnknownTopic { topic: id.to_string(), known: ids.join(", ") }
}
