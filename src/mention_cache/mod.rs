//! Topic mentions per page, cached so that a report recounts only what changed.
//!
//! A report needs, for every page and topic, the topic's mentions on that page. Recounting
//! them all makes report time grow with the corpus, so this layer keeps them in
//! `<index>/report-cache/`:
//!
//! * `segments/<segment id>.bin` ([`segments`]): each index segment's pages (document, page
//!   number, BLAKE3 hash of the text) and file records, read once per segment — segments are
//!   immutable, so a report over an unchanged index reads no stored text at all;
//! * `topics/<definition hash>.bin` ([`topic_results`]): per topic definition (its patterns and
//!   exclusions, and [`MATCHER_VERSION`]) the mentions found on each page text hash.
//!
//! For a topic definition not yet evaluated on a segment, the prefilter ([`candidates`]) asks
//! the segment's term dictionary which pages contain one of the topic's required words; only
//! those pages are read and matched, all others have no mention by construction. So after an
//! ingest only new pages are read, after a dictionary edit only the edited topics' candidate
//! pages, and a page whose text did not change is never matched twice for the same definition.
//!
//! The cache is bounded by the index: a report deletes the tables of segments no longer in the
//! index, drops text hashes no longer in it from the topic files it uses, and keeps at most
//! [`KEPT_UNUSED_TOPIC_FILES`] topic files of definitions it did not use (the newest). Any
//! unreadable cache file is rebuilt; a cache that cannot be written only costs time.
//!
//! The aggregation ([`crate::report::aggregate`]) works on [`PageMentions`], whichever way they
//! were computed, so filters on single mentions compose with the cache.

pub mod bases;
pub mod candidates;
pub mod codec;
pub mod documents;
pub mod segments;
pub mod topic_results;

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Searcher, SegmentReader, TantivyDocument, Term, TERMINATED};

use crate::analyse::literals::required_words;
use crate::analyse::matcher::MATCHER_VERSION;
use crate::analyse::{flatten_whitespace, Topic, TopicSet};
use crate::index::{CorpusIndex, DocumentInfo, FileRecord, IndexError, StoredPage, KIND_FILE, KIND_PAGE};
use bases::{Base, Definition};
use candidates::DocBits;
use documents::{SegmentCounts, SegmentSummary, TopicCounts};
use segments::{Entry, SegmentTable};
use topic_results::TopicResults;

/// Folder inside the index that holds the cache.
pub const CACHE_DIR: &str = "report-cache";
/// Topic files of definitions not in the current dictionary that are kept (the newest), so
/// switching back to an earlier edit is cheap.
pub const KEPT_UNUSED_TOPIC_FILES: usize = 32;
/// Pages matched together, in parallel.
const BATCH_PAGES: usize = 512;

/// BLAKE3 of a page's stored text, first 16 bytes.
pub type TextHash = [u8; 16];

/// One mention: its byte range in the page's whitespace-flattened text, and the text there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchedMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One page and its mentions of each topic (in [`TopicSet`] order).
#[derive(Debug, Clone, PartialEq)]
pub struct PageMentions {
    pub path: String,
    pub page: u32,
    pub info: DocumentInfo,
    pub mentions: Vec<Vec<MatchedMention>>,
}

impl PageMentions {
    /// Matches every topic on a stored page (no cache).
    pub fn recount(page: &StoredPage, topics: &TopicSet) -> PageMentions {
        let flat = flatten_whitespace(&page.text);
        PageMentions {
            path: page.path.clone(),
            page: page.page,
            info: page.info.clone(),
            mentions: topics.topics.iter().map(|t| matched(t, &flat)).collect(),
        }
    }
}

/// What one cached count did, for tests and `--verbose`-style diagnostics.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CacheActivity {
    /// Segments whose stored documents were read because no table was cached.
    pub segments_read: usize,
    /// (page, topic) pairs matched with regexes.
    pub pages_matched: usize,
    /// Pages whose stored text was read.
    pub pages_read: usize,
}

/// The pages and file records of an index with every topic's mentions.
#[derive(Debug)]
pub struct Counted {
    pub pages: Vec<PageMentions>,
    /// File records with what reports use of them (path, error, identity).
    pub records: Vec<FileRecord>,
    pub activity: CacheActivity,
}

/// The mentions of `topic` in flattened text.
pub fn matched(topic: &Topic, flat: &str) -> Vec<MatchedMention> {
    topic
        .mentions_in_flat(flat)
        .into_iter()
        .map(|m| MatchedMention {
            start: m.start,
            end: m.end,
            text: flat.get(m.start..m.end).unwrap_or("").to_string(),
        })
        .collect()
}

pub fn text_hash(text: &str) -> TextHash {
    let mut out = [0; 16];
    out.copy_from_slice(&blake3::hash(text.as_bytes()).as_bytes()[..16]);
    out
}

/// Hex digest of what decides a topic's mentions: its patterns, its exclusions and the
/// matcher's rules. Labels and examples do not change counts and are left out.
pub fn topic_hash(topic: &Topic) -> String {
    let mut h = blake3::Hasher::new();
    h.update(format!("kommunsk topic, matcher {MATCHER_VERSION}\n").as_bytes());
    for (kind, sources) in [("pattern", &topic.pattern_sources), ("exclude", &topic.exclude_sources)] {
        for source in sources {
            h.update(format!("{kind} {}\n", source.len()).as_bytes());
            h.update(source.as_bytes());
        }
    }
    h.finalize().to_hex()[..32].to_string()
}

/// Counts every topic on every live page of the index, through the cache: the mention-level
/// result, for callers that need single mentions (a report needs only [`count_documents`]).
pub fn count(index: &CorpusIndex, searcher: &Searcher, topics: &TopicSet) -> Result<Counted, IndexError> {
    let all: Vec<usize> = (0..topics.topics.len()).collect();
    let evaluated = evaluate(index, searcher, topics, &all)?;
    let mut pages = Vec::new();
    let mut records = Vec::new();
    for (_, table, segment) in &evaluated.tables {
        let alive = |doc: usize| segment.alive_bitset().is_none_or(|b| b.is_alive(doc as DocId));
        for (_, entry) in table.entries.iter().enumerate().filter(|(doc, _)| alive(*doc)) {
            match entry {
                Entry::Page { document, page, text_hash } => {
                    let Some(d) = table.documents.get(*document as usize) else { continue };
                    pages.push(PageMentions {
                        path: d.path.clone(),
                        page: *page,
                        info: d.info.clone(),
                        mentions: evaluated
                            .results
                            .iter()
                            .map(|r| r.pages.get(text_hash).cloned().unwrap_or_default())
                            .collect(),
                    });
                }
                Entry::File { path, error, info } => records.push(FileRecord {
                    path: path.clone(),
                    error: error.clone(),
                    info: info.clone(),
                    ..Default::default()
                }),
                Entry::Other => {}
            }
        }
    }
    records.sort_by(|a, b| a.path.cmp(&b.path));
    if evaluated.writes_failed {
        warn_unwritable(&CacheDirs::new(index.dir()));
    }
    Ok(Counted { pages, records, activity: evaluated.activity })
}

/// One document (its live pages) and its mentions of each topic (in [`TopicSet`] order).
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentMentions {
    pub path: String,
    pub info: DocumentInfo,
    pub mentions: Vec<usize>,
}

/// The documents and file records of an index with every topic's mention counts.
#[derive(Debug)]
pub struct DocumentsCounted {
    /// Per segment (in searcher order) its documents with a live page; a document whose pages
    /// lie in several segments appears once per segment.
    pub documents: Vec<DocumentMentions>,
    /// File records with what reports use of them (path, error, identity), sorted by path.
    pub records: Vec<FileRecord>,
    pub activity: CacheActivity,
}

/// Counts every topic in every live document of the index, through the cache. When every
/// topic's document counts are cached for every segment, only those small tables are read;
/// otherwise the stale topics are evaluated per page ([`count`]'s path) and summed up.
pub fn count_documents(
    index: &CorpusIndex,
    searcher: &Searcher,
    topics: &TopicSet,
) -> Result<DocumentsCounted, IndexError> {
    let dirs = CacheDirs::new(index.dir());
    let hashes: Vec<String> = topics.topics.iter().map(topic_hash).collect();
    let segments: Vec<(String, u32)> =
        searcher.segment_readers().iter().map(|s| (s.segment_id().uuid_string(), s.num_deleted_docs())).collect();
    let mut counts: Vec<TopicCounts> = hashes.iter().map(|h| TopicCounts::load(&dirs.counts(h))).collect();
    let mut summaries: Vec<Option<SegmentSummary>> =
        segments.iter().map(|(id, deleted)| SegmentSummary::load(&dirs.summary(id), *deleted)).collect();
    let stale: Vec<usize> =
        (0..counts.len()).filter(|&t| segments.iter().any(|(id, deleted)| !counts[t].covers(id, *deleted))).collect();
    let mut changed = vec![false; counts.len()];
    let mut activity = CacheActivity::default();
    let mut writes_failed = false;

    if !stale.is_empty() || summaries.iter().any(Option::is_none) {
        let evaluated = evaluate(index, searcher, topics, &stale)?;
        activity = evaluated.activity;
        writes_failed |= evaluated.writes_failed;
        for ((summary, (id, deleted)), (_, table, segment)) in
            summaries.iter_mut().zip(&segments).zip(&evaluated.tables)
        {
            if summary.is_none() {
                let derived = SegmentSummary::derive(table, segment);
                writes_failed |= write_atomically(&dirs.summary(id), &derived.encode()).is_err();
                *summary = Some(derived);
            }
            for &t in &stale {
                if !counts[t].covers(id, *deleted) {
                    let derived = SegmentCounts::derive(table, segment, &evaluated.results[t]);
                    counts[t].segments.insert(id.clone(), derived);
                    changed[t] = true;
                }
            }
        }
    }

    let mut documents = Vec::new();
    let mut records = Vec::new();
    for (summary, (id, _)) in summaries.iter().zip(&segments) {
        let Some(summary) = summary else { continue };
        let first = documents.len();
        documents.extend(summary.documents.iter().map(|d| DocumentMentions {
            path: d.path.clone(),
            info: d.info.clone(),
            mentions: vec![0; counts.len()],
        }));
        for (t, topic_counts) in counts.iter().enumerate() {
            for &(document, n) in topic_counts.segments.get(id).map_or(&[][..], |c| &c.counts) {
                if let Some(d) = documents.get_mut(first + document as usize) {
                    d.mentions[t] = n as usize;
                }
            }
        }
        records.extend(summary.records.iter().map(|r| FileRecord {
            path: r.path.clone(),
            error: r.error.clone(),
            info: r.info.clone(),
            ..Default::default()
        }));
    }
    records.sort_by(|a, b| a.path.cmp(&b.path));

    // Bounded by the index: counts of segments no longer in it are dropped.
    let live: BTreeSet<String> = segments.iter().map(|(id, _)| id.clone()).collect();
    let mut saved = HashSet::new();
    for ((hash, mut topic_counts), changed) in hashes.iter().zip(counts).zip(changed) {
        let before = topic_counts.segments.len();
        topic_counts.segments.retain(|id, _| live.contains(id));
        if saved.insert(hash.clone()) && (changed || before != topic_counts.segments.len()) {
            writes_failed |= write_atomically(&dirs.counts(hash), &topic_counts.encode()).is_err();
        }
    }
    dirs.remove_stale(&live, &hashes.iter().cloned().collect());
    if writes_failed {
        warn_unwritable(&dirs);
    }
    Ok(DocumentsCounted { documents, records, activity })
}

fn warn_unwritable(dirs: &CacheDirs) {
    eprintln!("kommunsk: warning: cannot write the report cache in {}; the next report recounts", dirs.root.display());
}

/// Every segment's table with its reader, and the mention-level results of the topics asked for.
struct Evaluated<'s> {
    tables: Vec<(String, SegmentTable, &'s SegmentReader)>,
    /// One per topic of the set; only the asked-for topics' results are filled in.
    results: Vec<TopicResults>,
    activity: CacheActivity,
    writes_failed: bool,
}

/// Reads (or loads) every segment's table and evaluates the topics `wanted` (indices into the
/// set) on every segment their results do not cover yet; saves what changed.
fn evaluate<'s>(
    index: &CorpusIndex,
    searcher: &'s Searcher,
    topics: &TopicSet,
    wanted: &[usize],
) -> Result<Evaluated<'s>, IndexError> {
    let err = |cause| IndexError::Tantivy { dir: index.dir().to_path_buf(), cause };
    let dirs = CacheDirs::new(index.dir());
    let hashes: Vec<String> = topics.topics.iter().map(topic_hash).collect();
    let mut results: Vec<TopicResults> = (0..hashes.len())
        .map(
            |t| if wanted.contains(&t) { TopicResults::load(&dirs.topic(&hashes[t])) } else { TopicResults::default() },
        )
        .collect();
    let words: Vec<Option<BTreeSet<String>>> =
        topics.topics.iter().map(|t| required_words(&t.pattern_sources)).collect();
    // A definition never evaluated before starts from the closest cached one, if an edit of
    // whole patterns leads from there ([`bases`]).
    let bases: Vec<Option<Base>> = (0..hashes.len())
        .map(|t| {
            let new = wanted.contains(&t) && results[t].segments.is_empty();
            new.then(|| bases::find(&dirs.definitions(), &dirs.topics(), &topics.topics[t])).flatten()
        })
        .collect();
    let mut activity = CacheActivity::default();
    let mut tables: Vec<(String, SegmentTable, &SegmentReader)> = Vec::new();
    let mut writes_failed = false;
    // Topics whose results differ from their file (only those are written back).
    let mut changed = vec![false; results.len()];

    for segment in searcher.segment_readers() {
        let id = segment.segment_id().uuid_string();
        let uncovered: Vec<usize> = wanted.iter().copied().filter(|&t| !results[t].segments.contains(&id)).collect();
        let cached = SegmentTable::load(&dirs.segment(&id)).filter(|t| t.entries.len() == segment.max_doc() as usize);
        // On a segment its base covers (and whose pages are known without reading them), an
        // edited topic is matched only where a changed pattern can match.
        let inherited: Vec<Option<&Base>> = uncovered
            .iter()
            .map(|&t| bases[t].as_ref().filter(|b| cached.is_some() && b.segments.contains(&id)))
            .collect();
        let wanted_words: Vec<Option<&BTreeSet<String>>> = uncovered
            .iter()
            .zip(&inherited)
            .map(|(&t, base)| match base {
                Some(base) => base.changed_words.as_ref(),
                None => words[t].as_ref(),
            })
            .collect();
        let candidates = if uncovered.is_empty() {
            Vec::new()
        } else {
            candidates::candidates(segment, index.fields().terms, &wanted_words).map_err(err)?
        };
        let mut work = SegmentWork {
            topics,
            results: &mut results,
            uncovered: &uncovered,
            candidates,
            inherited,
            activity: &mut activity,
        };
        let table = match cached {
            Some(table) => {
                work.evaluate_cached(index, segment, &table).map_err(err)?;
                table
            }
            None => {
                let table = work.read_segment(index, segment).map_err(err)?;
                writes_failed |= write_atomically(&dirs.segment(&id), &table.encode()).is_err();
                table
            }
        };
        for &t in &uncovered {
            results[t].segments.insert(id.clone());
            changed[t] = true;
        }
        tables.push((id, table, segment));
    }

    // Keep the asked-for topic files bounded by what the index holds now.
    if !wanted.is_empty() {
        let mut live_hashes: HashSet<TextHash> = HashSet::new();
        for (_, table, segment) in &tables {
            for (doc, entry) in table.entries.iter().enumerate() {
                if let Entry::Page { text_hash, .. } = entry {
                    if segment.alive_bitset().is_none_or(|b| b.is_alive(doc as DocId)) {
                        live_hashes.insert(*text_hash);
                    }
                }
            }
        }
        let live_segments: BTreeSet<String> = tables.iter().map(|(id, _, _)| id.clone()).collect();
        let mut saved = HashSet::new();
        for &t in wanted {
            let result = &mut results[t];
            let before = (result.segments.len(), result.pages.len());
            result.segments.retain(|s| live_segments.contains(s));
            result.pages.retain(|h, _| live_hashes.contains(h));
            let pruned = before != (result.segments.len(), result.pages.len());
            if saved.insert(hashes[t].clone()) && (changed[t] || pruned) {
                writes_failed |= write_atomically(&dirs.topic(&hashes[t]), &result.encode()).is_err();
                // Only a shortcut for the next edit: a failure here costs no correctness.
                let _ = Definition::of(&topics.topics[t]).save(&dirs.definition(&hashes[t]));
            }
        }
        dirs.remove_stale(&live_segments, &hashes.iter().cloned().collect());
    }
    Ok(Evaluated { tables, results, activity, writes_failed })
}

/// Matching work for one segment: the topics not yet evaluated on it and their candidates.
struct SegmentWork<'a> {
    topics: &'a TopicSet,
    results: &'a mut Vec<TopicResults>,
    uncovered: &'a [usize],
    /// Per uncovered topic (same order): the candidate documents, `None` for all.
    candidates: Vec<Option<DocBits>>,
    /// Per uncovered topic (same order): the cached definition it inherits from on this
    /// segment; its candidates are then those of the changed patterns only.
    inherited: Vec<Option<&'a Base>>,
    activity: &'a mut CacheActivity,
}

/// A topic's index in the set and its mentions on one page.
type TopicMentions = (usize, Vec<MatchedMention>);

/// A page's text waiting to be matched against some topics.
struct Job {
    hash: TextHash,
    text: String,
    topics: Vec<usize>,
}

impl SegmentWork<'_> {
    /// Topics (indices into the set) to match on a page: uncovered, a candidate, not cached.
    fn topics_for(&self, doc: DocId, hash: &TextHash) -> Vec<usize> {
        self.uncovered
            .iter()
            .zip(&self.candidates)
            .filter(|(_, c)| c.as_ref().is_none_or(|bits| bits.contains(doc)))
            .map(|(&t, _)| t)
            .filter(|&t| !self.results[t].pages.contains_key(hash))
            .collect()
    }

    /// Takes the inherited result for a page no changed pattern can match (see [`bases`]).
    fn inherit(&mut self, doc: DocId, hash: &TextHash) {
        for ((&t, base), bits) in self.uncovered.iter().zip(&self.inherited).zip(&self.candidates) {
            let Some(base) = base else { continue };
            if bits.as_ref().is_none_or(|bits| bits.contains(doc)) {
                continue;
            }
            if let Some(mentions) = base.pages.get(hash) {
                self.results[t].pages.entry(*hash).or_insert_with(|| mentions.clone());
            }
        }
    }

    /// Reads every stored document of a segment without a cached table, matching as it goes.
    fn read_segment(&mut self, index: &CorpusIndex, segment: &SegmentReader) -> tantivy::Result<SegmentTable> {
        self.activity.segments_read += 1;
        let fields = index.fields();
        let pages = kind_docs(segment, fields.kind, KIND_PAGE)?;
        let files = kind_docs(segment, fields.kind, KIND_FILE)?;
        let store = segment.get_store_reader(16)?;
        let mut table = SegmentTable::default();
        let mut jobs = Vec::new();
        for doc in 0..segment.max_doc() {
            let entry = if pages.contains(doc) {
                let stored = StoredPage::from_document(fields, &store.get::<TantivyDocument>(doc)?);
                self.activity.pages_read += 1;
                let hash = text_hash(&stored.text);
                let alive = segment.alive_bitset().is_none_or(|b| b.is_alive(doc));
                let topics = if alive { self.topics_for(doc, &hash) } else { Vec::new() };
                let document = table.document_index(&stored.path, &stored.info);
                if !topics.is_empty() {
                    jobs.push(Job { hash, text: stored.text, topics });
                    if jobs.len() >= BATCH_PAGES {
                        self.run(std::mem::take(&mut jobs));
                    }
                }
                Entry::Page { document, page: stored.page, text_hash: hash }
            } else if files.contains(doc) {
                let record = FileRecord::from_document(fields, &store.get::<TantivyDocument>(doc)?);
                Entry::File { path: record.path, error: record.error, info: record.info }
            } else {
                Entry::Other
            };
            table.entries.push(entry);
        }
        self.run(jobs);
        Ok(table)
    }

    /// Matches the uncovered topics on a segment whose table is cached: reads only the live
    /// candidate pages whose text hash has no result yet.
    fn evaluate_cached(
        &mut self,
        index: &CorpusIndex,
        segment: &SegmentReader,
        table: &SegmentTable,
    ) -> tantivy::Result<()> {
        if self.uncovered.is_empty() {
            return Ok(());
        }
        let mut needed: Vec<(DocId, TextHash, Vec<usize>)> = Vec::new();
        let mut queued: HashSet<TextHash> = HashSet::new();
        for (doc, entry) in table.entries.iter().enumerate() {
            let doc = doc as DocId;
            let Entry::Page { text_hash, .. } = entry else { continue };
            if segment.alive_bitset().is_some_and(|b| b.is_deleted(doc)) {
                continue;
            }
            self.inherit(doc, text_hash);
            if queued.contains(text_hash) {
                continue;
            }
            let topics = self.topics_for(doc, text_hash);
            if !topics.is_empty() {
                queued.insert(*text_hash);
                needed.push((doc, *text_hash, topics));
            }
        }
        let store = segment.get_store_reader(16)?;
        for chunk in needed.chunks(BATCH_PAGES) {
            let mut jobs = Vec::with_capacity(chunk.len());
            for (doc, hash, topics) in chunk {
                let stored = StoredPage::from_document(index.fields(), &store.get::<TantivyDocument>(*doc)?);
                self.activity.pages_read += 1;
                jobs.push(Job { hash: *hash, text: stored.text, topics: topics.clone() });
            }
            self.run(jobs);
        }
        Ok(())
    }

    /// Matches a batch of pages in parallel and records the results.
    fn run(&mut self, jobs: Vec<Job>) {
        let topics = self.topics;
        let found: Vec<(TextHash, Vec<TopicMentions>)> = jobs
            .into_par_iter()
            .map(|job| {
                let flat = flatten_whitespace(&job.text);
                (job.hash, job.topics.iter().map(|&t| (t, matched(&topics.topics[t], &flat))).collect())
            })
            .collect();
        for (hash, per_topic) in found {
            for (t, mentions) in per_topic {
                self.activity.pages_matched += 1;
                self.results[t].pages.insert(hash, mentions);
            }
        }
    }
}

/// The documents of a segment with `kind = value`.
fn kind_docs(segment: &SegmentReader, field: tantivy::schema::Field, value: &str) -> tantivy::Result<DocBits> {
    let mut bits = DocBits::new(segment.max_doc());
    let inverted = segment.inverted_index(field)?;
    if let Some(mut postings) =
        inverted.read_postings(&Term::from_field_text(field, value), IndexRecordOption::Basic)?
    {
        let mut doc = postings.doc();
        while doc != TERMINATED {
            bits.insert(doc);
            doc = postings.advance();
        }
    }
    Ok(bits)
}

/// Paths of the cache files.
struct CacheDirs {
    root: PathBuf,
}

impl CacheDirs {
    fn new(index_dir: &Path) -> CacheDirs {
        CacheDirs { root: index_dir.join(CACHE_DIR) }
    }

    fn segment(&self, id: &str) -> PathBuf {
        self.root.join("segments").join(format!("{id}.bin"))
    }

    fn topics(&self) -> PathBuf {
        self.root.join("topics")
    }

    fn topic(&self, hash: &str) -> PathBuf {
        self.topics().join(format!("{hash}.bin"))
    }

    fn definitions(&self) -> PathBuf {
        self.root.join("definitions")
    }

    fn definition(&self, hash: &str) -> PathBuf {
        self.definitions().join(format!("{hash}.json"))
    }

    fn summary(&self, id: &str) -> PathBuf {
        self.root.join("summaries").join(format!("{id}.bin"))
    }

    fn counts(&self, hash: &str) -> PathBuf {
        self.root.join("counts").join(format!("{hash}.bin"))
    }

    /// Deletes tables and summaries of segments no longer in the index and all but the newest
    /// [`KEPT_UNUSED_TOPIC_FILES`] topic and counts files not used now.
    fn remove_stale(&self, live_segments: &BTreeSet<String>, used_topics: &HashSet<String>) {
        let listed = |dir: &str| -> Vec<(String, PathBuf)> {
            std::fs::read_dir(self.root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_str()?.strip_suffix(".bin")?.to_string();
                    Some((name, e.path()))
                })
                .collect()
        };
        for (id, path) in listed("segments").into_iter().chain(listed("summaries")) {
            if !live_segments.contains(&id) {
                let _ = std::fs::remove_file(path);
            }
        }
        for dir in ["topics", "counts"] {
            let mut unused: Vec<(std::time::SystemTime, PathBuf)> = listed(dir)
                .into_iter()
                .filter(|(hash, _)| !used_topics.contains(hash))
                .map(|(_, path)| {
                    (std::fs::metadata(&path).and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH), path)
                })
                .collect();
            unused.sort_by_key(|u| std::cmp::Reverse(u.0));
            for (_, path) in unused.into_iter().skip(KEPT_UNUSED_TOPIC_FILES) {
                let _ = std::fs::remove_file(path);
            }
        }
        // A definition is kept as long as its results are.
        for entry in std::fs::read_dir(self.definitions()).into_iter().flatten().flatten() {
            let name = entry.file_name();
            let hash = name.to_str().and_then(|n| n.strip_suffix(".json"));
            if hash.is_some_and(|h| !self.topic(h).exists()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Writes through a temporary file and a rename, so a reader never sees half a file.
fn write_atomically(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("cache");
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, data)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}
