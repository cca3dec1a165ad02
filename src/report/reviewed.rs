//! The report with reviews applied, for every caller (CLI, server): rejected mentions leave the
//! counts and the evidence, and `source.reviews` says what the reviews did.

use tantivy::Searcher;

use super::aggregate::{build_from_mentions, build_reviewed, Report, ReviewSummary, Scope};
use crate::analyse::{Evidence, TopicSet};
use crate::index::{CorpusIndex, FileRecord, IndexError, StoredPage};
use crate::mention_cache;
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
    let none = std::collections::HashSet::new();
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
    skip: &std::collections::HashSet<(String, u32)>,
) -> Result<(Report, Applied), IndexError> {
    let mut counted = mention_cache::count(index, searcher, topics)?;
    if !skip.is_empty() {
        counted.pages.retain(|p| !skip.contains(&(p.path.clone(), p.page)));
    }
    let applied = if ignore || !reviews.exists {
        Applied::default()
    } else {
        let paths: Vec<&str> = reviews.reviews.iter().map(|r| r.path.as_str()).collect();
        apply(&index.pages_of(searcher, &paths)?, topics, reviews, |p| scope.covers(&p.info))
    };
    let mut built = build_from_mentions(&counted.pages, &counted.records, topics, scope, lang, &applied.rejected);
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
