//! One topic definition's results: the mentions found on every page the topic was evaluated
//! on, by page text hash, and the segments whose every possible page has been evaluated.
//!
//! A page of a covered segment with no entry here was ruled out by the prefilter, i.e. has no
//! mention. Entries are kept for pages evaluated with zero mentions too, so a merged segment's
//! pages are not read again.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::codec::{DecodeError, Reader, Writer};
use super::{MatchedMention, TextHash};

const MAGIC: &[u8; 8] = b"KMTOP001";

/// The cached results of one topic definition.
#[derive(Debug, Default, PartialEq)]
pub struct TopicResults {
    /// Segment ids (tantivy's uuid strings) fully evaluated.
    pub segments: BTreeSet<String>,
    pub pages: HashMap<TextHash, Vec<MatchedMention>>,
}

impl TopicResults {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new(MAGIC);
        w.u64(self.segments.len() as u64);
        for s in &self.segments {
            w.str(s);
        }
        // Sorted, so the same results always give the same bytes.
        let mut hashes: Vec<&TextHash> = self.pages.keys().collect();
        hashes.sort();
        w.u64(hashes.len() as u64);
        for hash in hashes {
            w.buf.extend_from_slice(hash);
            let mentions = &self.pages[hash];
            w.u64(mentions.len() as u64);
            for m in mentions {
                w.u64(m.start as u64);
                w.u64(m.end as u64);
                w.str(&m.text);
            }
        }
        w.buf
    }

    pub fn decode(data: &[u8]) -> Result<TopicResults, DecodeError> {
        let mut r = Reader::new(data, MAGIC)?;
        let mut results = TopicResults::default();
        for _ in 0..r.u64()? {
            results.segments.insert(r.str()?);
        }
        for _ in 0..r.u64()? {
            let hash: TextHash = r.array()?;
            let n = r.u64()?;
            let mut mentions = Vec::new();
            for _ in 0..n {
                let start = usize::try_from(r.u64()?).map_err(|_| DecodeError("offset overflow"))?;
                let end = usize::try_from(r.u64()?).map_err(|_| DecodeError("offset overflow"))?;
                mentions.push(MatchedMention { start, end, text: r.str()? });
            }
            results.pages.insert(hash, mentions);
        }
        if !r.is_empty() {
            return Err(DecodeError("trailing bytes"));
        }
        Ok(results)
    }

    /// The results cached in `file`, or empty ones when there is no readable file.
    pub fn load(file: &Path) -> TopicResults {
        std::fs::read(file).ok().and_then(|data| TopicResults::decode(&data).ok()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut results = TopicResults::default();
        results.segments.insert("abc".into());
        results.pages.insert([1; 16], vec![MatchedMention { start: 3, end: 8, text: "klima".into() }]);
        results.pages.insert([2; 16], Vec::new());
        assert_eq!(TopicResults::decode(&results.encode()).unwrap(), results);
        assert!(TopicResults::decode(&results.encode()[..20]).is_err());
    }
}
