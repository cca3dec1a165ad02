//! Narrowing a search to the pages that mention a topic of the dictionary: the pages the report
//! counts the topic on, found with the same patterns through the report cache
//! ([`crate::mention_cache`]), so a search with `topic` agrees with `report` and `evidence`.
//!
//! The pages are looked up in the index once (a query over their paths and page numbers) and
//! kept as one bit set per segment; each search then intersects with those bits, which costs
//! next to nothing (looking the pages up on every search cost ~70 ms of CPU per search).

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use tantivy::collector::DocSetCollector;
use tantivy::index::SegmentId;
use tantivy::query::{
    BitSetDocSet, BooleanQuery, ConstScorer, EmptyQuery, EmptyScorer, EnableScoring, Explanation, Occur, Query, Scorer,
    TermQuery, TermSetQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{BitSet, DocId, Score, Searcher, SegmentReader, Term};

use super::SearchError;
use crate::analyse::TopicSet;
use crate::index::{CorpusIndex, Fields};
use crate::mention_cache::{self, PageMentions};

/// The pages (by stored path and page number) where one topic's patterns match.
#[derive(Debug, Default)]
pub struct TopicPages {
    /// The topic id.
    pub topic: String,
    by_path: BTreeMap<String, Vec<u32>>,
    /// The pages' documents per segment, once looked up.
    docs: Mutex<Option<PageSet>>,
}

impl TopicPages {
    /// The pages of topic `id` among counted pages; `None` when the dictionary has no such topic.
    pub fn from_counted(pages: &[PageMentions], topics: &TopicSet, id: &str) -> Option<TopicPages> {
        let position = topics.topics.iter().position(|t| t.id == id)?;
        let mut by_path: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for p in pages.iter().filter(|p| p.mentions.get(position).is_some_and(|m| !m.is_empty())) {
            by_path.entry(p.path.clone()).or_default().push(p.page);
        }
        Some(TopicPages { topic: id.to_string(), by_path, docs: Mutex::new(None) })
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

    /// A filter matching exactly these pages among the searcher's documents, scoring nothing
    /// (ranking stays the text query's). Looked up once for a set of segments.
    pub(super) fn query(&self, searcher: &Searcher, fields: &Fields) -> tantivy::Result<Box<dyn Query>> {
        let readers = searcher.segment_readers();
        let known = self.docs.lock().ok().and_then(|d| d.clone());
        if let Some(done) = known.filter(|d| readers.iter().all(|r| d.0.contains_key(&r.segment_id()))) {
            return Ok(Box::new(done));
        }
        let mut bits: HashMap<SegmentId, BitSet> =
            readers.iter().map(|r| (r.segment_id(), BitSet::with_max_value(r.max_doc()))).collect();
        for address in searcher.search(&*self.lookup(fields), &DocSetCollector)? {
            let segment = searcher.segment_reader(address.segment_ord).segment_id();
            if let Some(set) = bits.get_mut(&segment) {
                set.insert(address.doc_id);
            }
        }
        let done = PageSet(Arc::new(bits));
        if let Ok(mut slot) = self.docs.lock() {
            *slot = Some(done.clone());
        }
        Ok(Box::new(done))
    }

    /// A query finding these pages by path and page number (slow with many documents: run once).
    fn lookup(&self, fields: &Fields) -> Box<dyn Query> {
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
        Box::new(BooleanQuery::new(per_document))
    }
}

/// The documents of a page set, one bit set per segment, as a query that scores nothing.
#[derive(Clone)]
struct PageSet(Arc<HashMap<SegmentId, BitSet>>);

impl std::fmt::Debug for PageSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PageSet({} segments)", self.0.len())
    }
}

impl Query for PageSet {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for PageSet {
    fn scorer(&self, reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.0.get(&reader.segment_id()) {
            Some(bits) => Box::new(ConstScorer::new(BitSetDocSet::from(bits.clone()), 0.0)),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inside = self.0.get(&reader.segment_id()).is_some_and(|bits| bits.contains(doc));
        Ok(Explanation::new(if inside { "a page of the topic" } else { "not a page of the topic" }, 0.0))
    }
}

/// The error for a topic id the dictionary does not have.
pub fn unknown_topic(topics: &TopicSet, id: &str) -> SearchError {
    let ids: Vec<&str> = topics.topics.iter().map(|t| t.id.as_str()).collect();
    SearchError::UnknownTopic { topic: id.to_string(), known: ids.join(", ") }
}
