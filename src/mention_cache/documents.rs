//! Document-level results, what a report over an unchanged index reads: per segment its live
//! documents and file records ([`SegmentSummary`]), and per topic definition the mentions of
//! each of those documents ([`TopicCounts`]).
//!
//! A report aggregates per document, and a document has several pages (5.6 in the sample
//! corpus), so these tables are that much smaller than the per-page ones they are derived from
//! ([`super::segments`], [`super::topic_results`]), which are read only when something changed.
//!
//! Deletes mark documents of a segment dead without changing its id, so both tables are keyed
//! by the segment id *and* its number of deleted documents, which only grows: a delete in a
//! segment makes its entries stale and they are derived again.

use std::collections::BTreeMap;
use std::path::Path;

use tantivy::{DocId, SegmentReader};

use super::codec::{DecodeError, Reader, Writer};
use super::segments::{Document, Entry, SegmentTable};
use super::topic_results::TopicResults;
use crate::index::DocumentInfo;

const SUMMARY_MAGIC: &[u8; 8] = b"KMSUM001";
const COUNTS_MAGIC: &[u8; 8] = b"KMCNT001";

/// A live file record: what reports use of it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordSummary {
    pub path: String,
    pub error: Option<String>,
    pub info: DocumentInfo,
}

/// One segment's documents that have a live page, in the order of their first live page, and
/// its live file records.
#[derive(Debug, Default, PartialEq)]
pub struct SegmentSummary {
    /// Deleted documents in the segment when this was derived.
    pub deleted: u32,
    pub documents: Vec<Document>,
    pub records: Vec<RecordSummary>,
}

/// Mentions per live document of one segment, for one topic definition.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SegmentCounts {
    /// Deleted documents in the segment when this was derived.
    pub deleted: u32,
    /// (index into [`SegmentSummary::documents`], mentions), documents without mentions left out.
    pub counts: Vec<(u32, u32)>,
}

/// One topic definition's document counts, per segment id.
#[derive(Debug, Default, PartialEq)]
pub struct TopicCounts {
    pub segments: BTreeMap<String, SegmentCounts>,
}

fn alive(segment: &SegmentReader, doc: usize) -> bool {
    segment.alive_bitset().is_none_or(|b| b.is_alive(doc as DocId))
}

/// For each document of `table`, its index among the live documents (`None`: no live page).
fn live_slots(table: &SegmentTable, segment: &SegmentReader) -> Vec<Option<u32>> {
    let mut slots = vec![None; table.documents.len()];
    let mut next = 0;
    for (doc, entry) in table.entries.iter().enumerate() {
        if let Entry::Page { document, .. } = entry {
            if let Some(slot @ None) = slots.get_mut(*document as usize) {
                if alive(segment, doc) {
                    *slot = Some(next);
                    next += 1;
                }
            }
        }
    }
    slots
}

impl SegmentSummary {
    /// The live documents and records of a segment, from its table.
    pub fn derive(table: &SegmentTable, segment: &SegmentReader) -> SegmentSummary {
        let slots = live_slots(table, segment);
        let mut documents = vec![None; slots.iter().flatten().count()];
        for (document, slot) in table.documents.iter().zip(&slots) {
            if let Some(slot) = slot {
                documents[*slot as usize] = Some(document.clone());
            }
        }
        let records = table
            .entries
            .iter()
            .enumerate()
            .filter(|(doc, _)| alive(segment, *doc))
            .filter_map(|(_, entry)| match entry {
                Entry::File { path, error, info } => {
                    Some(RecordSummary { path: path.clone(), error: error.clone(), info: info.clone() })
                }
                _ => None,
            })
            .collect();
        SegmentSummary {
            deleted: segment.num_deleted_docs(),
            documents: documents.into_iter().flatten().collect(),
            records,
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new(SUMMARY_MAGIC);
        w.u32(self.deleted);
        w.u64(self.documents.len() as u64);
        for d in &self.documents {
            w.str(&d.path);
            w.info(&d.info);
        }
        w.u64(self.records.len() as u64);
        for r in &self.records {
            w.str(&r.path);
            w.opt_str(r.error.as_deref());
            w.info(&r.info);
        }
        w.buf
    }

    pub fn decode(data: &[u8]) -> Result<SegmentSummary, DecodeError> {
        let mut r = Reader::new(data, SUMMARY_MAGIC)?;
        let mut summary = SegmentSummary { deleted: r.u32()?, ..Default::default() };
        for _ in 0..r.u64()? {
            summary.documents.push(Document { path: r.str()?, info: r.info()? });
        }
        for _ in 0..r.u64()? {
            summary.records.push(RecordSummary { path: r.str()?, error: r.opt_str()?, info: r.info()? });
        }
        if !r.is_empty() {
            return Err(DecodeError("trailing bytes"));
        }
        Ok(summary)
    }

    /// The summary cached in `file` if it is readable and was derived with `deleted` deletes.
    pub fn load(file: &Path, deleted: u32) -> Option<SegmentSummary> {
        let data = std::fs::read(file).ok()?;
        SegmentSummary::decode(&data).ok().filter(|s| s.deleted == deleted)
    }
}

impl SegmentCounts {
    /// Sums one topic's mentions on the live pages of each live document of a segment.
    /// `results` must cover the segment (every live page without an entry has no mention).
    pub fn derive(table: &SegmentTable, segment: &SegmentReader, results: &TopicResults) -> SegmentCounts {
        let slots = live_slots(table, segment);
        let mut sums: BTreeMap<u32, u32> = BTreeMap::new();
        for (doc, entry) in table.entries.iter().enumerate() {
            let Entry::Page { document, text_hash, .. } = entry else { continue };
            let Some(Some(slot)) = slots.get(*document as usize) else { continue };
            let found = results.pages.get(text_hash).map_or(0, Vec::len);
            if found > 0 && alive(segment, doc) {
                *sums.entry(*slot).or_default() += u32::try_from(found).unwrap_or(u32::MAX);
            }
        }
        SegmentCounts { deleted: segment.num_deleted_docs(), counts: sums.into_iter().collect() }
    }
}

impl TopicCounts {
    /// True when `segment` (id, deletes) has counts here.
    pub fn covers(&self, id: &str, deleted: u32) -> bool {
        self.segments.get(id).is_some_and(|c| c.deleted == deleted)
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new(COUNTS_MAGIC);
        w.u64(self.segments.len() as u64);
        for (id, c) in &self.segments {
            w.str(id);
            w.u32(c.deleted);
            w.u64(c.counts.len() as u64);
            for (document, n) in &c.counts {
                w.u32(*document);
                w.u32(*n);
            }
        }
        w.buf
    }

    pub fn decode(data: &[u8]) -> Result<TopicCounts, DecodeError> {
        let mut r = Reader::new(data, COUNTS_MAGIC)?;
        let mut counts = TopicCounts::default();
        for _ in 0..r.u64()? {
            let id = r.str()?;
            let mut c = SegmentCounts { deleted: r.u32()?, counts: Vec::new() };
            for _ in 0..r.u64()? {
                c.counts.push((r.u32()?, r.u32()?));
            }
            counts.segments.insert(id, c);
        }
        if !r.is_empty() {
            return Err(DecodeError("trailing bytes"));
        }
        Ok(counts)
    }

    /// The counts cached in `file`, or none when there is no readable file.
    pub fn load(file: &Path) -> TopicCounts {
        std::fs::read(file).ok().and_then(|data| TopicCounts::decode(&data).ok()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let info = DocumentInfo { code: Some(751), year: Some(2024), doctype: "agenda".into(), ..Default::default() };
        let summary = SegmentSummary {
            deleted: 3,
            documents: vec![Document { path: "2024/a.pdf".into(), info: info.clone() }],
            records: vec![RecordSummary { path: "2024/b.pdf".into(), error: Some("broken".into()), info }],
        };
        assert_eq!(SegmentSummary::decode(&summary.encode()).unwrap(), summary);
        let mut counts = TopicCounts::default();
        counts.segments.insert("abc".into(), SegmentCounts { deleted: 3, counts: vec![(0, 2), (4, 1)] });
        assert_eq!(TopicCounts::decode(&counts.encode()).unwrap(), counts);
        assert!(counts.covers("abc", 3) && !counts.covers("abc", 4) && !counts.covers("def", 3));
        assert!(TopicCounts::decode(&counts.encode()[..12]).is_err());
        let mut long = summary.encode();
        long.push(1);
        assert!(SegmentSummary::decode(&long).is_err());
    }
}
