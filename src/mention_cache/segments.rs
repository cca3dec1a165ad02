//! What a report needs from each index segment, read once per segment: for every page its
//! document, page number and text hash; for every file record its path, error and identity.
//!
//! tantivy segments never change once written (deletes only mark documents dead), so a
//! segment's id is an exact key for this table. A merge makes a new segment, which is read once.

use std::path::Path;

use super::codec::{DecodeError, Reader, Writer};
use super::TextHash;
use crate::index::DocumentInfo;

const MAGIC: &[u8; 8] = b"KMSEG001";

/// A document (file path and identity) that pages refer to.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub path: String,
    pub info: DocumentInfo,
}

/// One tantivy document of the segment.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// Neither a page nor a file record.
    Other,
    Page {
        document: u32,
        page: u32,
        text_hash: TextHash,
    },
    File {
        path: String,
        error: Option<String>,
        info: DocumentInfo,
    },
}

/// Every document of one segment, indexed by tantivy's doc id.
#[derive(Debug, Default, PartialEq)]
pub struct SegmentTable {
    pub documents: Vec<Document>,
    pub entries: Vec<Entry>,
}

impl SegmentTable {
    /// Index of the document with this path and identity, adding it when new.
    /// Pages of one file arrive together, so looking at the last one suffices.
    pub fn document_index(&mut self, path: &str, info: &DocumentInfo) -> u32 {
        if let Some(last) = self.documents.last() {
            if last.path == path && last.info == *info {
                return (self.documents.len() - 1) as u32;
            }
        }
        self.documents.push(Document { path: path.to_string(), info: info.clone() });
        (self.documents.len() - 1) as u32
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new(MAGIC);
        w.u64(self.documents.len() as u64);
        for d in &self.documents {
            w.str(&d.path);
            w.info(&d.info);
        }
        w.u64(self.entries.len() as u64);
        for e in &self.entries {
            match e {
                Entry::Other => w.u8(0),
                Entry::Page { document, page, text_hash } => {
                    w.u8(1);
                    w.u32(*document);
                    w.u32(*page);
                    w.buf.extend_from_slice(text_hash);
                }
                Entry::File { path, error, info } => {
                    w.u8(2);
                    w.str(path);
                    w.opt_str(error.as_deref());
                    w.info(info);
                }
            }
        }
        w.buf
    }

    pub fn decode(data: &[u8]) -> Result<SegmentTable, DecodeError> {
        let mut r = Reader::new(data, MAGIC)?;
        let n = r.u64()?;
        let mut documents = Vec::new();
        for _ in 0..n {
            documents.push(Document { path: r.str()?, info: r.info()? });
        }
        let n = r.u64()?;
        let mut entries = Vec::new();
        for _ in 0..n {
            entries.push(match r.u8()? {
                0 => Entry::Other,
                1 => {
                    let document = r.u32()?;
                    if document as usize >= documents.len() {
                        return Err(DecodeError("page refers to an unknown document"));
                    }
                    Entry::Page { document, page: r.u32()?, text_hash: r.array()? }
                }
                2 => Entry::File { path: r.str()?, error: r.opt_str()?, info: r.info()? },
                _ => return Err(DecodeError("bad entry tag")),
            });
        }
        if !r.is_empty() {
            return Err(DecodeError("trailing bytes"));
        }
        Ok(SegmentTable { documents, entries })
    }

    /// The table cached for a segment, if there is a readable one.
    pub fn load(file: &Path) -> Option<SegmentTable> {
        let data = std::fs::read(file).ok()?;
        SegmentTable::decode(&data).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let info =
            DocumentInfo { code: Some(101), year: Some(2024), doctype: "agreement".into(), ..Default::default() };
        let mut table = SegmentTable::default();
        let d = table.document_index("2024/a.pdf", &info);
        assert_eq!(table.document_index("2024/a.pdf", &info), d);
        table.entries = vec![
            Entry::Page { document: d, page: 1, text_hash: [7; 16] },
            Entry::Other,
            Entry::File { path: "2024/a.pdf".into(), error: Some("broken".into()), info },
        ];
        assert_eq!(SegmentTable::decode(&table.encode()).unwrap(), table);
        let mut bad = table.encode();
        bad.push(0);
        assert!(SegmentTable::decode(&bad).is_err());
    }
}
