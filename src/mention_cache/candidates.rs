//! The prefilter: which documents of a segment can match a topic, from the term dictionary of
//! the `terms` field and the topic's required words ([`crate::analyse::literals`]).

use std::collections::BTreeSet;

use aho_corasick::AhoCorasick;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED};

/// A set of doc ids of one segment.
#[derive(Debug, Clone)]
pub struct DocBits(Vec<u64>);

impl DocBits {
    pub fn new(max_doc: DocId) -> DocBits {
        DocBits(vec![0; (max_doc as usize).div_ceil(64)])
    }

    pub fn insert(&mut self, doc: DocId) {
        if let Some(word) = self.0.get_mut(doc as usize / 64) {
            *word |= 1 << (doc % 64);
        }
    }

    pub fn contains(&self, doc: DocId) -> bool {
        self.0.get(doc as usize / 64).is_some_and(|word| word & (1 << (doc % 64)) != 0)
    }
}

/// Per wanted topic, the segment's documents that can match (`None`: every document, because
/// the topic has no usable literal).
pub fn candidates(
    segment: &SegmentReader,
    field: Field,
    wanted: &[Option<&BTreeSet<String>>],
) -> tantivy::Result<Vec<Option<DocBits>>> {
    let mut sets: Vec<Option<DocBits>> = wanted.iter().map(|w| w.map(|_| DocBits::new(segment.max_doc()))).collect();
    // One automaton over every literal of every filterable topic.
    let mut literals: Vec<&str> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (topic, words) in wanted.iter().enumerate() {
        for word in words.iter().flat_map(|w| w.iter()) {
            literals.push(word);
            owner.push(topic);
        }
    }
    if literals.is_empty() {
        return Ok(sets);
    }
    let automaton = AhoCorasick::new(&literals).map_err(|e| tantivy::TantivyError::InvalidArgument(e.to_string()))?;
    let inverted = segment.inverted_index(field)?;
    let mut terms = inverted.terms().stream()?;
    let mut hit_topics: Vec<usize> = Vec::new();
    while terms.advance() {
        hit_topics.clear();
        for found in automaton.find_overlapping_iter(terms.key()) {
            let topic = owner[found.pattern().as_usize()];
            if !hit_topics.contains(&topic) {
                hit_topics.push(topic);
            }
        }
        if hit_topics.is_empty() {
            continue;
        }
        let mut postings = inverted.read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)?;
        let mut doc = postings.doc();
        while doc != TERMINATED {
            for &topic in &hit_topics {
                if let Some(set) = sets[topic].as_mut() {
                    set.insert(doc);
                }
            }
            doc = postings.advance();
        }
    }
    Ok(sets)
}
