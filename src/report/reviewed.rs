//! The report with reviews applied, for every caller (CLI, server): rejected mentions leave the
//! counts and the evidence, and `source.reviews` says what the reviews did.

use std::collections::{BTreeSet, HashSet};

use rayon::prelude::*;
use tantivy::Searcher;

use super::aggregate::{build_from_documents, build_reviewed, Report, ReviewSummary, Scope};
use crate::analyse::{Evidence, TopicSet};
use crate::identify::Region;
use crate::index::{CorpusIndex, DocumentInfo, FileRecord, IndexError, StoredPage};
use crate::mention_cache::{self, DocumentMentions, PageMentions};
use crate::review::apply::apply;
use crate::review::{annotate, Applied, ReviewFile, Verdict};

/// Builds the report without the mentions `reviews` rejects (raw counts when `ignore`), and
/// states the reviews in `source.reviews` whenever the reviews file exists.
pub fn build_with_reviews(
    pages: &[StoredPage],
    records: &[FileRecord],
    topics: &TopicSet,
    scope: &Scope,
    lang: &str,
    reviews: &ReviewFile,
    ignore: bool,
) -> (Report, Applied) {
    let applied = if ignore || !reviews.exists {
        Applied::default()
    } else {
        apply(pages, topics, reviews, |p| scope.covers(&p.info))
    };
    let mut built = build_reviewed(pages, records, topics, scope, lang, &applied.rejected);
    state_reviews(&mut built, &applied, reviews, ignore);
    (built, applied)
}

/// As [`build_with_reviews`], with the mentions counted through the report cache
/// ([`crate::mention_cache`]); only the reviewed documents' pages are read for the reviews.
pub fn build_cached_with_reviews(
    index: &CorpusIndex,
    searcher: &Searcher,
    topics: &TopicSet,
    scope: &Scope,
    lang: &str,
    reviews: &ReviewFile,
    ignore: bool,
) -> Result<(Report, Applied), IndexError> {
    let none = HashSet::new();
    build_cached_with_reviews_skipping(index, searcher, topics, scope, lang, reviews, ignore, &none)
}

/// As [`build_cached_with_reviews`], leaving the pages in `skip` (path, page) out of the counts
/// (`report --no-ocr` leaves out OCR'd pages).
#[allow(clippy::too_many_arguments)]
pub fn build_cached_with_reviews_skipping(
    index: &CorpusIndex,
    searcher: &Searcher,
    topics: &TopicSet,
    scope: &Scope,
    lang: &str,
    reviews: &ReviewFile,
    ignore: bool,
    skip: &HashSet<(String, u32)>,
) -> Result<(Report, Applied), IndexError> {
    build_cached(&CachedReport { index, searcher, topics, scope, lang, reviews, ignore, skip, region: None })
}

/// What a report through the cache is asked for.
pub struct CachedReport<'a> {
    pub index: &'a CorpusIndex,
    pub searcher: &'a Searcher,
    pub topics: &'a TopicSet,
    pub scope: &'a Scope,
    pub lang: &'a str,
    pub reviews: &'a ReviewFile,
    /// `--ignore-reviews`: raw counts, the reviews only stated.
    pub ignore: bool,
    /// Pages (path, page) left out of the counts.
    pub skip: &'a HashSet<(String, u32)>,
    /// Only the documents of this region's municipalities, when given.
    pub region: Option<Region>,
}

/// The report through the cache's document counts ([`mention_cache::count_documents`]).
/// Documents that need single mentions — those with a rejected mention or a skipped page —
/// are recounted page by page from their stored text instead, so the numbers stay exactly
/// those of a full recount.
pub fn build_cached(request: &CachedReport) -> Result<(Report, Applied), IndexError> {
    let CachedReport { index, searcher, topics, scope, lang, reviews, ignore, skip, region } = *request;
    let in_region = |info: &DocumentInfo| region.is_none_or(|r| info.region.as_deref() == Some(r.name()));
    let mut counted = mention_cache::count_documents(index, searcher, topics)?;
    let applied = if ignore || !reviews.exists {
        Applied::default()
    } else {
        let paths: Vec<&str> = reviews.reviews.iter().map(|r| r.path.as_str()).collect();
        apply(&index.pages_of(searcher, &paths)?, topics, reviews, |p| scope.covers(&p.info) && in_region(&p.info))
    };

    let by_page: BTreeSet<&str> = applied.rejected.paths().chain(skip.iter().map(|(path, _)| path.as_str())).collect();
    counted.documents.retain(|d| !by_page.contains(d.path.as_str()) && in_region(&d.info));
    counted.records.retain(|r| in_region(&r.info));
    if !by_page.is_empty() {
        let paths: Vec<&str> = by_page.iter().copied().collect();
        let pages: Vec<PageMentions> = index
            .pages_of(searcher, &paths)?
            .par_iter()
            .filter(|p| !skip.contains(&(p.path.clone(), p.page)) && in_region(&p.info))
            .map(|p| PageMentions::recount(p, topics))
            .collect();
        counted.documents.extend(pages.iter().map(|page| {
            DocumentMentions {
                path: page.path.clone(),
                info: page.info.clone(),
                mentions: page
                    .mentions
                    .iter()
                    .zip(&topics.topics)
                    .map(|(m, t)| m.len().saturating_sub(applied.rejected.on_page(&page.path, page.page, &t.id)))
                    .collect(),
            }
        }));
    }
    let mut built = build_from_documents(&counted.documents, &counted.records, topics, scope, lang);
    state_reviews(&mut built, &applied, reviews, ignore);
    Ok((built, applied))
}

/// Says in `source.reviews` what the reviews did, whenever the reviews file exists.
fn state_reviews(built: &mut Report, applied: &Applied, reviews: &ReviewFile, ignore: bool) {
    if reviews.exists {
        built.source.reviews = Some(ReviewSummary {
            file: reviews.path.display().to_string(),
            ignored: ignore,
            dropped: applied.dropped,
            orphaned: applied.orphaned.len(),
            topics: applied.topics.clone(),
        });
    }
}

/// Leaves out the mentions `reviews` rejects, so the evidence shown is what the numbers count.
/// `found` must still carry stored (corpus-relative) paths and every mention of its documents.
pub fn drop_rejected(found: &mut Vec<Evidence>, reviews: &ReviewFile) {
    if reviews.reviews.iter().all(|r| r.verdict != Verdict::Wrong) {
        return;
    }
    let keep: Vec<bool> =
        annotate(found, reviews).iter().map(|(_, r)| !r.is_some_and(|r| r.verdict == Verdict::Wrong)).collect();
    let mut keep = keep.into_iter();
    found.retain(|_| keep.next().unwrap_or(true));
}
