//! What part of a report rests on OCR'd pages, and the pages `--no-ocr` leaves out.
//!
//! Only OCR'd pages are read (a query on the `ocr_engine` field), so a corpus without scans
//! costs one empty query and the report cache stays the way counts are made.

use std::collections::{BTreeSet, HashSet};

use tantivy::collector::DocSetCollector;
use tantivy::query::RegexQuery;
use tantivy::{Searcher, TantivyDocument};

use super::aggregate::{OcrShare, Scope};
use crate::analyse::TopicSet;
use crate::index::{CorpusIndex, IndexError, StoredPage};
use crate::mention_cache::PageMentions;

/// Every stored page whose text came from OCR.
pub fn ocr_pages(index: &CorpusIndex, searcher: &Searcher) -> Result<Vec<StoredPage>, IndexError> {
    let err = |cause| IndexError::Tantivy { dir: index.dir().to_path_buf(), cause };
    let query = RegexQuery::from_pattern(".+", index.fields().ocr_engine).map_err(err)?;
    let mut addresses: Vec<_> = searcher.search(&query, &DocSetCollector).map_err(err)?.into_iter().collect();
    addresses.sort();
    let mut pages = Vec::with_capacity(addresses.len());
    for address in addresses {
        let doc: TantivyDocument = searcher.doc(address).map_err(err)?;
        pages.push(StoredPage::from_document(index.fields(), &doc));
    }
    Ok(pages)
}

/// Documents, pages and mentions (all topics) from OCR'd pages that the report counts: in scope,
/// municipality and year known.
/// Only pages of `region`'s municipalities count when a region is given, as in a region's report.
pub fn share(
    ocr_pages: &[StoredPage],
    topics: &TopicSet,
    scope: &Scope,
    region: Option<crate::identify::Region>,
) -> OcrShare {
    let in_region = |p: &StoredPage| region.is_none_or(|r| p.info.region.as_deref() == Some(r.name()));
    let counted: Vec<&StoredPage> =
        ocr_pages.iter().filter(|p| scope.covers(&p.info) && p.info.missing().is_none() && in_region(p)).collect();
    let documents: BTreeSet<&str> = counted.iter().map(|p| p.path.as_str()).collect();
    let mentions =
        counted.iter().map(|p| PageMentions::recount(p, topics).mentions.iter().map(Vec::len).sum::<usize>()).sum();
    OcrShare { documents: documents.len(), pages: counted.len(), mentions, excluded_pages: 0 }
}

/// The (path, page) keys of `pages`, to leave them out of the counts.
pub fn keys(pages: &[StoredPage]) -> HashSet<(String, u32)> {
    pages.iter().map(|p| (p.path.clone(), p.page)).collect()
}
