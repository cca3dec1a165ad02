//! Recounts every topic over the stored page text and aggregates to "N ud af M" per topic and
//! year, per region, and per municipality.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::analyse::TopicSet;
use crate::index::{DocumentInfo, FileRecord, StoredPage};
use crate::mention_cache::{DocumentMentions, PageMentions};
use crate::review::{Rejected, TopicReview};

/// Which pages count.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub year: Option<u16>,
    pub doctype: Option<String>,
}

impl Scope {
    /// True when a document is of the year and document type asked for.
    pub fn matches(&self, info: &DocumentInfo) -> bool {
        self.year.is_none_or(|y| info.year == Some(y)) && self.doctype.as_deref().is_none_or(|d| d == info.doctype)
    }

    /// True when a document is counted: in scope and resolved (municipality and year known).
    /// Counts and evidence share this test so they always agree.
    pub fn covers(&self, info: &DocumentInfo) -> bool {
        info.missing().is_none() && self.matches(info)
    }
}

/// One topic in one year.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct YearCell {
    pub year: u16,
    /// Municipalities with at least one mention in that year's documents.
    pub municipalities: usize,
    /// Municipalities with at least one counted document that year.
    pub of: usize,
    /// Documents with at least one mention.
    pub documents: usize,
    pub mentions: usize,
    /// Change in `municipalities` since the previous year present in the corpus.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<i64>,
    /// Municipalities that mention the topic this year but did not the previous year
    /// (among those with documents in both years).
    pub new: Vec<String>,
    /// Municipalities that mentioned it the previous year but not this year.
    pub stopped: Vec<String>,
    /// Per region: municipalities mentioning / municipalities with documents.
    pub regions: Vec<RegionCell>,
}

/// One region's share for one topic and year.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RegionCell {
    pub region: String,
    pub municipalities: usize,
    pub of: usize,
}

/// One topic across the years.
#[derive(Debug, Clone, Serialize)]
pub struct TopicRow {
    pub id: String,
    pub label: String,
    pub years: Vec<YearCell>,
}

/// One municipality in one year: its documents and mentions per topic.
#[derive(Debug, Clone, Serialize)]
pub struct MunicipalityRow {
    pub code: u16,
    pub name: String,
    pub region: String,
    pub year: u16,
    pub documents: usize,
    pub mentions: BTreeMap<String, usize>,
}

/// What a report was computed from, stated in every format.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Provenance {
    pub corpus: String,
    pub index: String,
    pub topics_file: String,
    pub years: Vec<u16>,
    pub doctypes: Vec<String>,
    /// Documents counted (resolved, in scope).
    pub documents: usize,
    /// Documents in scope left out because municipality or year is unknown.
    pub unresolved: usize,
    /// Of those, the ones whose municipality is unknown (the rest lack a year).
    pub unresolved_municipality: usize,
    /// Files that could not be read at all.
    pub failed: usize,
    /// True when the corpus declares itself a synthetic sample (its `truth.json`).
    pub synthetic: bool,
    /// How many documents are not counted, why, and the command that fixes it (every format
    /// shows it next to the numbers); absent when every document counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    /// What reviews did to the counts; absent when there is no reviews file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviews: Option<ReviewSummary>,
    /// How much of what was counted came from OCR'd pages.
    pub ocr: OcrShare,
}

/// The part of a report that rests on OCR'd text.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct OcrShare {
    /// Counted documents with at least one OCR'd page.
    pub documents: usize,
    /// OCR'd pages of counted documents.
    pub pages: usize,
    /// Mentions (all topics) found on those pages.
    pub mentions: usize,
    /// OCR'd pages left out of the counts (`--no-ocr`).
    pub excluded_pages: usize,
}

/// The reviews behind a report: how many mentions were dropped and how precise each topic was.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct ReviewSummary {
    /// The reviews file.
    pub file: String,
    /// True with `--ignore-reviews`: the counts are raw and nothing was dropped.
    pub ignored: bool,
    /// Rejected mentions left out of the counts.
    pub dropped: usize,
    /// Reviews whose sentence is no longer found.
    pub orphaned: usize,
    /// Topics with reviewed mentions in scope.
    pub topics: Vec<TopicReview>,
}

/// A complete report, ready to render.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub source: Provenance,
    pub topics: Vec<TopicRow>,
    pub municipalities: Vec<MunicipalityRow>,
}

/// Mentions per topic (in `TopicSet` order) for one document.
struct DocCounts {
    code: u16,
    name: String,
    region: String,
    year: u16,
    counts: Vec<usize>,
}

impl DocCounts {
    /// Zero counts for a resolved document (`None` when municipality or year is unknown).
    fn empty(info: &DocumentInfo, topics: usize) -> Option<DocCounts> {
        Some(DocCounts {
            code: info.code?,
            name: info.municipality.clone().unwrap_or_default(),
            region: info.region.clone().unwrap_or_default(),
            year: info.year?,
            counts: vec![0; topics],
        })
    }
}

/// Counts every topic on every page in scope (a full recount, no cache) and aggregates.
pub fn build(pages: &[StoredPage], records: &[FileRecord], topics: &TopicSet, scope: &Scope, lang: &str) -> Report {
    build_reviewed(pages, records, topics, scope, lang, &Rejected::default())
}

/// As [`build`], leaving out the mentions reviewers rejected (see [`crate::review::apply`]).
pub fn build_reviewed(
    pages: &[StoredPage],
    records: &[FileRecord],
    topics: &TopicSet,
    scope: &Scope,
    lang: &str,
    rejected: &Rejected,
) -> Report {
    let counted: Vec<PageMentions> =
        pages.par_iter().filter(|p| scope.covers(&p.info)).map(|p| PageMentions::recount(p, topics)).collect();
    build_from_mentions(&counted, records, topics, scope, lang, rejected)
}

/// Aggregates pages whose mentions are already known (from [`crate::mention_cache`]) after
/// leaving out the rejected ones; pages out of scope are skipped.
pub fn build_from_mentions(
    pages: &[PageMentions],
    records: &[FileRecord],
    topics: &TopicSet,
    scope: &Scope,
    lang: &str,
    rejected: &Rejected,
) -> Report {
    let documents: Vec<DocumentMentions> = pages
        .iter()
        .filter(|p| scope.covers(&p.info))
        .map(|page| DocumentMentions {
            path: page.path.clone(),
            info: page.info.clone(),
            mentions: page
                .mentions
                .iter()
                .zip(&topics.topics)
                .map(|(m, topic)| m.len().saturating_sub(rejected.on_page(&page.path, page.page, &topic.id)))
                .collect(),
        })
        .collect();
    build_from_documents(&documents, records, topics, scope, lang)
}

/// Aggregates documents whose mention counts are known (several entries of one path are
/// summed; the first one's identity counts); documents out of scope are skipped.
pub fn build_from_documents(
    documents: &[DocumentMentions],
    records: &[FileRecord],
    topics: &TopicSet,
    scope: &Scope,
    lang: &str,
) -> Report {
    let mut docs: BTreeMap<&str, DocCounts> = BTreeMap::new();
    for document in documents.iter().filter(|d| scope.covers(&d.info)) {
        let Some(empty) = DocCounts::empty(&document.info, topics.topics.len()) else { continue };
        let doc = docs.entry(document.path.as_str()).or_insert(empty);
        for (sum, n) in doc.counts.iter_mut().zip(&document.mentions) {
            *sum += n;
        }
    }
    // Documents without any stored page still count towards `of`.
    let in_scope_records: Vec<&FileRecord> =
        records.iter().filter(|r| r.error.is_none() && scope.matches(&r.info)).collect();
    for record in in_scope_records.iter().filter(|r| scope.covers(&r.info)) {
        if let Some(empty) = DocCounts::empty(&record.info, topics.topics.len()) {
            docs.entry(record.path.as_str()).or_insert(empty);
        }
    }

    let municipalities = municipality_rows(&docs, topics);
    let years: BTreeSet<u16> = municipalities.iter().map(|m| m.year).collect();
    let topic_rows = topics
        .topics
        .iter()
        .enumerate()
        .map(|(i, topic)| TopicRow {
            id: topic.id.clone(),
            label: topic.label(lang).to_string(),
            years: year_cells(i, &topic.id, &years, &municipalities, &docs),
        })
        .collect();

    let doctypes: BTreeSet<String> = in_scope_records.iter().map(|r| r.info.doctype.clone()).collect();
    let source = Provenance {
        topics_file: topics.source.clone(),
        years: years.into_iter().collect(),
        doctypes: doctypes.into_iter().collect(),
        documents: docs.len(),
        unresolved: in_scope_records.iter().filter(|r| r.info.missing().is_some()).count(),
        unresolved_municipality: in_scope_records.iter().filter(|r| r.info.missing() == Some("municipality")).count(),
        failed: records.iter().filter(|r| r.error.is_some()).count(),
        ..Default::default()
    };
    Report { source, topics: topic_rows, municipalities }
}

fn municipality_rows(docs: &BTreeMap<&str, DocCounts>, topics: &TopicSet) -> Vec<MunicipalityRow> {
    let mut rows: BTreeMap<(u16, u16), MunicipalityRow> = BTreeMap::new();
    for doc in docs.values() {
        let row = rows.entry((doc.year, doc.code)).or_insert_with(|| MunicipalityRow {
            code: doc.code,
            name: doc.name.clone(),
            region: doc.region.clone(),
            year: doc.year,
            documents: 0,
            mentions: topics.topics.iter().map(|t| (t.id.clone(), 0)).collect(),
        });
        row.documents += 1;
        for (topic, n) in topics.topics.iter().zip(&doc.counts) {
            *row.mentions.entry(topic.id.clone()).or_insert(0) += n;
        }
    }
    rows.into_values().collect()
}

fn year_cells(
    topic_index: usize,
    topic_id: &str,
    years: &BTreeSet<u16>,
    rows: &[MunicipalityRow],
    docs: &BTreeMap<&str, DocCounts>,
) -> Vec<YearCell> {
    // Per year: municipality code → (name, region, mentions).
    let mut by_year: HashMap<u16, BTreeMap<u16, (&str, &str, usize)>> = HashMap::new();
    for row in rows {
        let n = row.mentions.get(topic_id).copied().unwrap_or(0);
        by_year.entry(row.year).or_default().insert(row.code, (&row.name, &row.region, n));
    }
    let mut cells = Vec::new();
    let mut previous: Option<&BTreeMap<u16, (&str, &str, usize)>> = None;
    let mut previous_count: Option<usize> = None;
    for year in years {
        let Some(present) = by_year.get(year) else { continue };
        let mentioning = present.values().filter(|(_, _, n)| *n > 0).count();
        let doc_hits: Vec<&DocCounts> =
            docs.values().filter(|d| d.year == *year && d.counts[topic_index] > 0).collect();
        let (mut new, mut stopped) = (Vec::new(), Vec::new());
        if let Some(prev) = previous {
            for (code, (name, _, n)) in present {
                if let Some((_, _, before)) = prev.get(code) {
                    if *n > 0 && *before == 0 {
                        new.push(name.to_string());
                    } else if *n == 0 && *before > 0 {
                        stopped.push(name.to_string());
                    }
                }
            }
        }
        let mut regions: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (_, region, n) in present.values() {
            let cell = regions.entry(region).or_default();
            cell.1 += 1;
            if *n > 0 {
                cell.0 += 1;
            }
        }
        cells.push(YearCell {
            year: *year,
            municipalities: mentioning,
            of: present.len(),
            documents: doc_hits.len(),
            mentions: doc_hits.iter().map(|d| d.counts[topic_index]).sum(),
            change: previous_count.map(|p| mentioning as i64 - p as i64),
            new,
            stopped,
            regions: regions
                .into_iter()
                .map(|(region, (m, of))| RegionCell { region: region.to_string(), municipalities: m, of })
                .collect(),
        });
        previous = Some(present);
        previous_count = Some(mentioning);
    }
    cells
}
