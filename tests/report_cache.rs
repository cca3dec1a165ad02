//! The cached report (prefilter + per-page, per-topic mention cache + per-document counts)
//! gives exactly the numbers of a full recount on the sample corpus: cold, warm, after a
//! one-topic edit, with a pattern the prefilter cannot use, after a year is added, for one
//! region and with pages left out — and a warm report matches nothing.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use common::*;
use kommunsk::analyse::TopicSet;
use kommunsk::identify::Region;
use kommunsk::index::CorpusIndex;
use kommunsk::index::DocumentInfo;
use kommunsk::mention_cache::{self, CacheActivity};
use kommunsk::report::reviewed::{build_cached, CachedReport};
use kommunsk::report::{self, Scope};
use kommunsk::review::{Rejected, ReviewFile};

/// The report as JSON by a full recount and through the cache (per page and per document),
/// and what the document-level cache did.
fn both(index_dir: &Path, topics: &TopicSet) -> (serde_json::Value, serde_json::Value, CacheActivity) {
    let index = CorpusIndex::open(index_dir).unwrap();
    let searcher = index.reader().unwrap().searcher();
    let scope = Scope::default();
    let full =
        report::build(&index.pages(&searcher).unwrap(), &index.file_records(&searcher).unwrap(), topics, &scope, "da");
    let counted = mention_cache::count_documents(&index, &searcher, topics).unwrap();
    let cached = report::build_from_documents(&counted.documents, &counted.records, topics, &scope, "da");
    let pages = mention_cache::count(&index, &searcher, topics).unwrap();
    let per_page =
        report::build_from_mentions(&pages.pages, &pages.records, topics, &scope, "da", &Rejected::default());
    assert_eq!(serde_json::to_value(&per_page).unwrap(), serde_json::to_value(&cached).unwrap());
    (serde_json::to_value(&full).unwrap(), serde_json::to_value(&cached).unwrap(), counted.activity)
}

/// Live pages (distinct texts) whose text holds `word` in any case: the candidates of a
/// pattern whose only literal it is.
fn distinct_texts_with(index_dir: &Path, word: &str) -> usize {
    let index = CorpusIndex::open(index_dir).unwrap();
    let pages = index.pages(&index.reader().unwrap().searcher()).unwrap();
    pages.iter().filter(|p| p.text.to_lowercase().contains(word)).map(|p| &p.text).collect::<HashSet<_>>().len()
}

fn dictionary() -> (String, TopicSet) {
    let text = std::fs::read_to_string(root().join("queries/topics.toml")).unwrap();
    let set = TopicSet::parse(&text, Path::new("queries/topics.toml")).unwrap();
    (text, set)
}

fn ingest(corpus: &Path, index: &Path) {
    kommunsk_json(&["ingest", s(corpus), "--index", s(index), "--json"]);
}

fn temp() -> PathBuf {
    tempfile::tempdir().unwrap().keep()
}

#[test]
fn cached_counts_equal_a_full_recount_cold_warm_and_after_an_edit() {
    let index = temp().join("index");
    ingest(&root().join("corpus"), &index);
    let (text, topics) = dictionary();
    let pages = {
        let i = CorpusIndex::open(&index).unwrap();
        i.pages(&i.reader().unwrap().searcher()).unwrap().len()
    };

    let (full, cold, activity) = both(&index, &topics);
    assert_eq!(full, cold);
    assert!(full["topics"][0]["years"][0]["municipalities"].as_u64().unwrap() > 0);
    assert_eq!(activity.pages_read, pages, "a cold report reads every page once");
    // The prefilter leaves most (page, topic) pairs unmatched.
    assert!(activity.pages_matched < pages * topics.topics.len() / 2, "{activity:?}");

    let (full, warm, activity) = both(&index, &topics);
    assert_eq!(full, warm);
    assert_eq!(activity, CacheActivity::default(), "a warm report reads and matches nothing");

    // One topic edited: only the pages where the added pattern can match are read and matched
    // (the rest inherit the cached definition's result).
    let edited_text = text.replacen(r"'\bCopilot\w*',", r"'\bCopilot\w*', '(?i)\w*robot\w*',", 1);
    assert_ne!(edited_text, text);
    let edited = TopicSet::parse(&edited_text, Path::new("edited.toml")).unwrap();
    let (full, after_edit, activity) = both(&index, &edited);
    assert_eq!(full, after_edit);
    assert_eq!(activity.pages_read, distinct_texts_with(&index, "robot"), "{activity:?}");
    assert_eq!(activity.pages_matched, activity.pages_read, "one topic matched per page read");

    // A pattern removed (from the edited definition or the original, whichever is cached):
    // again only where the removed pattern can match, with the numbers of a full recount.
    let removed_text = text.replacen(r"'\bCopilot\w*',", "", 1);
    assert_ne!(removed_text, text);
    let removed = TopicSet::parse(&removed_text, Path::new("removed.toml")).unwrap();
    let (full, after_removal, activity) = both(&index, &removed);
    assert_eq!(full, after_removal);
    assert_eq!(activity.pages_read, distinct_texts_with(&index, "copilot"), "{activity:?}");
    // A pattern that matches mentions already counted (merged with them) changes nothing.
    let overlapping_text = text.replacen(r"'\bCopilot\w*',", r"'\bCopilot\w*', '(?i)\bkunstig\w*',", 1);
    let overlapping = TopicSet::parse(&overlapping_text, Path::new("overlapping.toml")).unwrap();
    let (full, after_overlap, _) = both(&index, &overlapping);
    assert_eq!(full, after_overlap);

    // A pattern without a literal: every page is a candidate, the numbers still agree.
    let digits = TopicSet::from_terms(&[r"/\b\d{4}\b/".to_string(), "budget".to_string()]).unwrap();
    let (full, cached, activity) = both(&index, &digits);
    assert_eq!(full, cached);
    assert_eq!(activity.pages_read, pages);
}

#[test]
fn a_new_year_is_counted_from_its_own_pages() {
    let corpus = temp().join("corpus");
    for year in ["2022", "2023"] {
        for entry in std::fs::read_dir(root().join("corpus").join(year)).unwrap() {
            let path = entry.unwrap().path();
            place(&corpus, &format!("{year}/{}", path.file_name().unwrap().to_str().unwrap()), &path);
        }
    }
    let index = corpus.parent().unwrap().join("index");
    ingest(&corpus, &index);
    let (_, topics) = dictionary();
    let (full, cached, _) = both(&index, &topics);
    assert_eq!(full, cached);

    for entry in std::fs::read_dir(root().join("corpus/2024")).unwrap() {
        let path = entry.unwrap().path();
        place(&corpus, &format!("2024/{}", path.file_name().unwrap().to_str().unwrap()), &path);
    }
    ingest(&corpus, &index);
    // An edit right after new pages arrived: the cached definition covers only the old
    // segments, the new ones are counted in full.
    let (text, _) = dictionary();
    let edited_text = text.replacen(r"'\bCopilot\w*',", r"'\bCopilot\w*', '(?i)\w*robot\w*',", 1);
    let edited = TopicSet::parse(&edited_text, Path::new("edited.toml")).unwrap();
    let (full, cached, _) = both(&index, &edited);
    assert_eq!(full, cached);
    let (full, cached, activity) = both(&index, &topics);
    assert_eq!(full, cached);
    let years: Vec<u64> = cached["source"]["years"].as_array().unwrap().iter().map(|y| y.as_u64().unwrap()).collect();
    assert_eq!(years, [2022, 2023, 2024]);
    let i = CorpusIndex::open(&index).unwrap();
    let all = i.pages(&i.reader().unwrap().searcher()).unwrap();
    let new = all.iter().filter(|p| p.info.year == Some(2024)).count();
    assert!(activity.pages_matched <= new * topics.topics.len(), "{activity:?}, {new} new pages");
}

#[test]
fn an_unreadable_cache_is_rebuilt() {
    let corpus = temp().join("corpus");
    for entry in std::fs::read_dir(root().join("corpus/2025")).unwrap().take(20) {
        let path = entry.unwrap().path();
        place(&corpus, &format!("2025/{}", path.file_name().unwrap().to_str().unwrap()), &path);
    }
    let index = corpus.parent().unwrap().join("index");
    ingest(&corpus, &index);
    let (_, topics) = dictionary();
    let (full, _, _) = both(&index, &topics);
    for dir in ["segments", "topics", "summaries", "counts"] {
        for entry in std::fs::read_dir(index.join(mention_cache::CACHE_DIR).join(dir)).unwrap() {
            std::fs::write(entry.unwrap().path(), b"garbage").unwrap();
        }
    }
    let (_, cached, activity) = both(&index, &topics);
    assert_eq!(full, cached);
    assert!(activity.segments_read > 0);
}

#[test]
fn a_region_and_left_out_pages_are_counted_from_the_cache_exactly() {
    let index_dir = temp().join("index");
    ingest(&root().join("corpus"), &index_dir);
    let (_, topics) = dictionary();
    let index = CorpusIndex::open(&index_dir).unwrap();
    let searcher = index.reader().unwrap().searcher();
    let scope = Scope { year: Some(2024), doctype: None };
    let pages = index.pages(&searcher).unwrap();
    let records = index.file_records(&searcher).unwrap();
    // Every third page of one document with mentions, and one whole document, left out.
    let mentioned = pages.iter().find(|p| p.info.year == Some(2024) && topics.topics[0].count(&p.text) > 0).unwrap();
    let mut skip: HashSet<(String, u32)> = pages
        .iter()
        .filter(|p| p.path == mentioned.path && p.page % 3 == 1)
        .map(|p| (p.path.clone(), p.page))
        .collect();
    let other = pages.iter().find(|p| p.info.year == Some(2024) && p.path != mentioned.path).unwrap();
    skip.extend(pages.iter().filter(|p| p.path == other.path).map(|p| (p.path.clone(), p.page)));
    let reviews = ReviewFile::default();
    for region in [None, Some(Region::Midtjylland), Some(Region::Hovedstaden)] {
        let in_region = |info: &DocumentInfo| region.is_none_or(|r| info.region.as_deref() == Some(r.name()));
        let kept: Vec<_> =
            pages.iter().filter(|p| in_region(&p.info) && !skip.contains(&(p.path.clone(), p.page))).cloned().collect();
        let kept_records: Vec<_> = records.iter().filter(|r| in_region(&r.info)).cloned().collect();
        let full = report::build(&kept, &kept_records, &topics, &scope, "da");
        let request = CachedReport {
            index: &index,
            searcher: &searcher,
            topics: &topics,
            scope: &scope,
            lang: "da",
            reviews: &reviews,
            ignore: false,
            skip: &skip,
            region,
        };
        let (cached, _) = build_cached(&request).unwrap();
        assert_eq!(serde_json::to_value(&full).unwrap(), serde_json::to_value(&cached).unwrap(), "{region:?}");
        assert!(cached.source.documents > 0);
    }
}
