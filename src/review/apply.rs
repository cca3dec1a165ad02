//! Matches the reviews file against the mentions found now: which mentions are rejected (and so
//! leave the counts), how precise each topic's patterns were among the reviewed ones, and which
//! reviews are orphaned because their sentence is gone.
//!
//! This runs as a step of its own beside the counting: it only recomputes the mentions of pages
//! whose document has a review, and hands the aggregate a [`Rejected`] table to subtract.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use super::file::{Review, ReviewFile, Verdict};
use super::key::{keyed, KeyedMention};
use super::precision::Precision;
use crate::analyse::evidence::PageText;
use crate::analyse::{Evidence, TopicSet};
use crate::index::StoredPage;

/// Rejected mentions per page and topic: what the aggregate subtracts.
#[derive(Debug, Clone, Default)]
pub struct Rejected {
    by_page: HashMap<(String, u32), HashMap<String, usize>>,
}

impl Rejected {
    /// Rejected mentions of `topic` on one page of one document.
    pub fn on_page(&self, path: &str, page: u32, topic: &str) -> usize {
        // Most pages have no review: look up without allocating a key for them.
        if self.by_page.is_empty() {
            return 0;
        }
        self.by_page.get(&(path.to_string(), page)).and_then(|t| t.get(topic)).copied().unwrap_or(0)
    }

    /// The documents with at least one rejected mention.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.by_page.keys().map(|(path, _)| path.as_str())
    }

    fn add(&mut self, path: &str, page: u32, topic: &str) {
        *self.by_page.entry((path.to_string(), page)).or_default().entry(topic.to_string()).or_insert(0) += 1;
    }
}

/// One topic's reviews among the mentions in scope.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TopicReview {
    pub id: String,
    /// Mentions in scope that have a review.
    pub reviewed: usize,
    /// Of those, reviewed as wrong (left out of the counts).
    pub rejected: usize,
    /// Share of reviewed mentions that were right, with a 95 % Wilson interval.
    pub precision: Option<Precision>,
}

/// The outcome of matching a reviews file against the index.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// Per topic (dictionary order), topics with at least one reviewed mention in scope.
    pub topics: Vec<TopicReview>,
    /// Rejected mentions in scope, subtracted from the counts.
    pub dropped: usize,
    /// Reviews of dictionary topics whose mention is no longer found (its sentence is gone).
    pub orphaned: Vec<Review>,
    pub rejected: Rejected,
}

/// Matches `reviews` against every page of `pages`; `in_scope` says which pages the report
/// counts (the orphan check looks at all of them).
pub fn apply(
    pages: &[StoredPage],
    topics: &TopicSet,
    reviews: &ReviewFile,
    in_scope: impl Fn(&StoredPage) -> bool + Sync,
) -> Applied {
    let reviewed_paths: HashSet<&str> = reviews.reviews.iter().map(|r| r.path.as_str()).collect();
    let reviewed_topics: HashSet<&str> = reviews.reviews.iter().map(|r| r.topic.as_str()).collect();
    let wanted: Vec<_> = topics.topics.iter().filter(|t| reviewed_topics.contains(t.id.as_str())).collect();
    let found: Vec<(Evidence, bool)> = pages
        .par_iter()
        .filter(|p| reviewed_paths.contains(p.path.as_str()))
        .flat_map_iter(|p| {
            let text = PageText::new(&p.text);
            let scoped = in_scope(p);
            wanted
                .iter()
                .flat_map(move |t| text.evidence(t, &p.path, p.page))
                .map(move |e| (e, scoped))
                .collect::<Vec<_>>()
        })
        .collect();
    let evidence: Vec<Evidence> = found.iter().map(|(e, _)| e.clone()).collect();
    let keys = keyed(&evidence);

    let mut applied = Applied::default();
    let mut matched = HashSet::new();
    let mut per_topic: HashMap<&str, (usize, usize)> = HashMap::new();
    for ((e, scoped), k) in found.iter().zip(&keys) {
        let Some(review) = reviews.get(&k.key) else { continue };
        matched.insert(&k.key);
        if !scoped {
            continue;
        }
        let counts = per_topic.entry(e.topic.as_str()).or_default();
        counts.0 += 1;
        if review.verdict == Verdict::Wrong {
            counts.1 += 1;
            applied.dropped += 1;
            applied.rejected.add(&e.path, e.page, &e.topic);
        }
    }
    applied.orphaned = reviews
        .reviews
        .iter()
        .filter(|r| topics.get(&r.topic).is_some() && !matched.contains(&r.key()))
        .cloned()
        .collect();
    applied.topics = topics
        .topics
        .iter()
        .filter_map(|t| {
            let &(reviewed, rejected) = per_topic.get(t.id.as_str())?;
            Some(TopicReview {
                id: t.id.clone(),
                reviewed,
                rejected,
                precision: Precision::wilson(reviewed - rejected, reviewed),
            })
        })
        .collect();
    applied
}

/// Each mention's key and its review, if any, in the order given. `evidence` must hold every
/// mention of each document it covers, with stored (corpus-relative) paths.
pub fn annotate<'r>(evidence: &[Evidence], reviews: &'r ReviewFile) -> Vec<(KeyedMention, Option<&'r Review>)> {
    keyed(evidence)
        .into_iter()
        .map(|k| {
            let review = reviews.get(&k.key);
            (k, review)
        })
        .collect()
}
