//! The compiled CMap blob (`cmaps.bin`, written by `tools/cmaps/gen_predefined_cmaps.py`):
//! inflating it once and finding its records by name. Decoding a record's contents is left to
//! the caller, through [`Reader`].
//!
//! Layout after zlib inflation (varints are unsigned LEB128; strings are a varint length and
//! UTF-8 bytes):
//! ```text
//! "KCMAP" version:u8
//! collections: varint count, then per collection: name:string  length:varint  body
//! cmaps:       varint count, then per CMap:       name:string  length:varint  body
//! ```
//! CMaps are sorted by name. The bodies are described where they are decoded.

use std::io::Read;
use std::ops::Range;

use flate2::read::ZlibDecoder;

/// The blob as committed; see `tools/cmaps/README.md`.
const BLOB: &[u8] = include_bytes!("cmaps.bin");

const MAGIC: &[u8] = b"KCMAP";
const VERSION: u8 = 1;

/// Upper bound for the inflated blob (it is about 0.75 MB): a corrupt blob cannot make us
/// allocate more than this.
const MAX_INFLATED_BYTES: u64 = 8 * 1024 * 1024;

/// One named record of the blob.
#[derive(Debug)]
pub(super) struct Record {
    pub(super) name: String,
    /// Where the record's body lies in [`Blob::data`].
    body: Range<usize>,
}

/// The inflated blob with its records listed.
#[derive(Debug)]
pub(super) struct Blob {
    data: Vec<u8>,
    /// Collections in blob order.
    pub(super) collections: Vec<Record>,
    /// CMaps sorted by name.
    pub(super) cmaps: Vec<Record>,
}

impl Blob {
    /// Inflates and indexes the committed blob. `None` only if the committed file is corrupt
    /// (the unit tests make sure it is not).
    pub(super) fn load() -> Option<Blob> {
        let mut data = Vec::new();
        ZlibDecoder::new(BLOB).take(MAX_INFLATED_BYTES).read_to_end(&mut data).ok()?;
        let mut reader = Reader { data: &data, pos: 0 };
        if reader.bytes(MAGIC.len())? != MAGIC || reader.byte()? != VERSION {
            return None;
        }
        let collections = reader.records()?;
        let cmaps = reader.records()?;
        Some(Blob { data, collections, cmaps })
    }

    /// A reader over the body of `record`.
    pub(super) fn body(&self, record: &Record) -> Reader<'_> {
        Reader { data: self.data.get(record.body.clone()).unwrap_or_default(), pos: 0 }
    }

    /// The index of the CMap called `name`.
    pub(super) fn cmap_index(&self, name: &str) -> Option<usize> {
        self.cmaps.binary_search_by(|r| r.name.as_str().cmp(name)).ok()
    }
}

/// A cursor over blob bytes. Every read is checked: running off the end yields `None`.
pub(super) struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// The next byte.
    pub(super) fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    /// The next `n` bytes.
    pub(super) fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.data.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(slice)
    }

    /// An unsigned LEB128 number of at most 32 bits.
    pub(super) fn varint(&mut self) -> Option<u32> {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            value |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// A varint as a count or length.
    pub(super) fn len(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    /// A zigzag-encoded signed varint.
    pub(super) fn signed(&mut self) -> Option<i64> {
        let n = i64::from(self.varint()?);
        Some((n >> 1) ^ -(n & 1))
    }

    fn string(&mut self) -> Option<String> {
        let len = self.len()?;
        String::from_utf8(self.bytes(len)?.to_vec()).ok()
    }

    /// A list of named records, their bodies skipped.
    fn records(&mut self) -> Option<Vec<Record>> {
        let count = self.len()?;
        let mut records = Vec::new();
        for _ in 0..count {
            let name = self.string()?;
            let len = self.len()?;
            let start = self.pos;
            self.bytes(len)?;
            records.push(Record { name, body: start..self.pos });
        }
        Some(records)
    }
}
