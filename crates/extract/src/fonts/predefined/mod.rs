//! Adobe's predefined CJK CMaps (`90ms-RKSJ-H`, `GBK-EUC-H`, `UniJIS-UCS2-H`, …: code → CID)
//! and the text of each CID of the Adobe character collections (Adobe-Japan1, -GB1, -CNS1,
//! -Korea1, -KR, -Japan2), for Type0 fonts that name them instead of embedding them.
//!
//! Everything comes from one compiled blob (`cmaps.bin`, Adobe's CMap files as shipped by
//! poppler-data, BSD-3-Clause, see `LICENSE-Adobe-CMaps.txt`; regenerate with
//! `tools/cmaps/gen_predefined_cmaps.py`). It is inflated on first use; each CMap and each
//! collection table is decoded the first time a font asks for it and then shared.
//!
//! Unicode CMaps (`Uni…-UCS2/UTF16/UTF8/UTF32-…`) are stored by code point: a code is first
//! decoded from its UTF form, then looked up. Members of one family (UTF-16, UTF-8, UCS-2,
//! JIS2004 variants) are stored as differences from the family's UTF-32 CMap, through the
//! same parent link as `usecmap`.

mod blob;
#[cfg(test)]
mod tests;

use std::sync::{Arc, OnceLock};

use lopdf::{Dictionary, Document, Object};

use super::cmap::{CMap, Codespace};
use super::{glyph_text, objects, GlyphText};
use blob::{Blob, Reader};

/// Longest `usecmap` chain followed (Adobe's deepest is 3: `-V` → `-H` → family root); the
/// bound keeps a corrupt blob from looping.
const MAX_CHAIN: usize = 8;

/// The collections the blob has CID → text for, in blob order (a unit test checks the blob).
/// Knowing them without the blob spares the common CIDFont of ordering `Identity` the cost of
/// inflating it (about 0.3 ms, once per process: per file for `kommunsk extract`).
const COLLECTIONS: [&str; 6] = ["Japan1", "GB1", "CNS1", "Korea1", "KR", "Japan2"];

/// Unicode CMaps store code points under this code length.
const CODE_POINT_LEN: usize = 4;

/// How a CMap's codes become lookup keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodeForm {
    /// The code itself (Shift-JIS, EUC, Big Five, …).
    Raw,
    /// UTF-16BE code units (the `UCS2` and `UTF16` CMaps).
    Utf16,
    /// UTF-8 bytes.
    Utf8,
    /// UTF-32BE.
    Utf32,
}

impl CodeForm {
    fn from_flags(flags: u8) -> CodeForm {
        match (flags >> 1) & 3 {
            1 => CodeForm::Utf16,
            2 => CodeForm::Utf8,
            3 => CodeForm::Utf32,
            _ => CodeForm::Raw,
        }
    }

    /// The Unicode character a code of this form stands for (`None` for raw codes).
    fn code_point(self, code: u32, len: usize) -> Option<u32> {
        match (self, len) {
            (CodeForm::Raw, _) => None,
            (CodeForm::Utf16, 2) => Some(code).filter(|c| !(0xd800..0xe000).contains(c)),
            (CodeForm::Utf16, 4) => {
                let (hi, lo) = (code >> 16, code & 0xffff);
                let paired = (0xd800..0xdc00).contains(&hi) && (0xdc00..0xe000).contains(&lo);
                paired.then(|| 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00))
            }
            (CodeForm::Utf16, _) => None,
            (CodeForm::Utf8, 1..=4) => {
                let bytes = code.to_be_bytes();
                let text = std::str::from_utf8(bytes.get(4 - len..)?).ok()?;
                let mut chars = text.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some(u32::from(c)),
                    _ => None,
                }
            }
            (CodeForm::Utf8, _) => None,
            (CodeForm::Utf32, 4) => char::from_u32(code).map(u32::from),
            (CodeForm::Utf32, _) => None,
        }
    }
}

/// A predefined CMap with its `usecmap` chain resolved.
#[derive(Debug)]
pub(super) struct PredefinedCMap {
    /// Codes (or, for Unicode CMaps, code points) → CIDs.
    map: CMap,
    form: CodeForm,
    /// How strings split into codes.
    pub(super) codespace: Codespace,
    /// `-V`: vertical writing.
    pub(super) vertical: bool,
    /// The character collection its CIDs belong to.
    pub(super) collection: Option<Collection>,
}

impl PredefinedCMap {
    /// The predefined CMap called `name`, `None` if Adobe defines none by that name
    /// (Identity-H/V are not in the blob: callers handle them).
    pub(super) fn get(name: &[u8]) -> Option<Arc<PredefinedCMap>> {
        let store = store()?;
        let index = store.blob.cmap_index(std::str::from_utf8(name).ok()?)?;
        store.cmaps.get(index)?.get_or_init(|| decode_cmap(&store.blob, index).map(Arc::new)).clone()
    }

    /// The CID of code `code` of `len` bytes.
    pub(super) fn cid(&self, code: u32, len: usize) -> Option<u32> {
        match self.form {
            CodeForm::Raw => self.map.cid(code, len),
            form => self.map.cid(form.code_point(code, len)?, CODE_POINT_LEN),
        }
    }

    /// For Unicode CMaps, the text the code itself spells; `None` for other CMaps.
    pub(super) fn code_text(&self, code: u32, len: usize) -> Option<GlyphText> {
        match self.form {
            CodeForm::Raw => None,
            form => Some(form.code_point(code, len).map_or(GlyphText::Unmapped, glyph_text::from_code_point)),
        }
    }
}

/// One of the Adobe character collections the blob has CID → text for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Collection(usize);

impl Collection {
    /// The collection a CIDFont's `/CIDSystemInfo` names: registry `Adobe` and an ordering
    /// the blob knows (`Japan1`, `GB1`, `CNS1`, `Korea1`, `KR`, `Japan2`).
    pub(super) fn from_system_info(registry: &[u8], ordering: &[u8]) -> Option<Collection> {
        if registry != b"Adobe" {
            return None;
        }
        Collection::by_ordering(ordering)
    }

    /// The collection of a CIDFont dictionary, from its `/CIDSystemInfo`.
    pub(super) fn of_cid_font(doc: &Document, cid_font: &Dictionary) -> Option<Collection> {
        let info = objects::get_dict(doc, cid_font, b"CIDSystemInfo")?;
        let string = |key: &[u8]| match objects::get(doc, info, key)? {
            Object::String(bytes, _) => Some(bytes.as_slice()),
            _ => None,
        };
        Collection::from_system_info(string(b"Registry")?, string(b"Ordering")?)
    }

    /// The collection whose CID → Unicode CMap is called `name` (`Adobe-Korea1-UCS2`), as
    /// ToUnicode CMaps name it in `usecmap`.
    pub(super) fn from_ucs2_cmap(name: &[u8]) -> Option<Collection> {
        let ordering = name.strip_prefix(b"Adobe-")?.strip_suffix(b"-UCS2")?;
        Collection::by_ordering(ordering)
    }

    fn by_ordering(ordering: &[u8]) -> Option<Collection> {
        COLLECTIONS.iter().position(|name| name.as_bytes() == ordering).map(Collection)
    }

    /// The text of `cid`; `Unmapped` for CIDs without one (CID 0 is `.notdef`).
    pub(super) fn text(self, cid: u32) -> GlyphText {
        let table = store().and_then(|store| {
            let record = store.blob.collections.get(self.0)?;
            store.collections.get(self.0)?.get_or_init(|| CidTable::decode(store.blob.body(record))).as_ref()
        });
        table.map_or(GlyphText::Unmapped, |t| t.text(cid))
    }
}

/// CID → text of one collection.
#[derive(Debug)]
struct CidTable {
    /// (first CID, last CID, code point of the first): consecutive CIDs, consecutive characters.
    runs: Vec<(u32, u32, u32)>,
    /// CIDs whose text is several characters (ligatures, parenthesised numbers), by CID.
    multi: Vec<(u32, GlyphText)>,
}

impl CidTable {
    /// Body: runs (`varint count`, then CID gap, span, signed code point delta each) and
    /// multi-character CIDs (`varint count`, then CID gap, character count, characters each).
    fn decode(mut r: Reader) -> Option<CidTable> {
        let mut runs = Vec::new();
        let (mut next_cid, mut next_cp) = (0u32, 0i64);
        for _ in 0..r.len()? {
            let lo = next_cid.checked_add(r.varint()?)?;
            let hi = lo.checked_add(r.varint()?)?;
            let cp = next_cp.checked_add(r.signed()?)?;
            runs.push((lo, hi, u32::try_from(cp).ok()?));
            next_cid = hi.checked_add(1)?;
            next_cp = cp + i64::from(hi - lo) + 1;
        }
        let mut multi = Vec::new();
        let mut next_cid = 0u32;
        for _ in 0..r.len()? {
            let cid = next_cid.checked_add(r.varint()?)?;
            let mut chars = String::new();
            for _ in 0..r.len()? {
                chars.push(char::from_u32(r.varint()?)?);
            }
            multi.push((cid, glyph_text::from_chars(chars.chars())));
            next_cid = cid.checked_add(1)?;
        }
        Some(CidTable { runs, multi })
    }

    fn text(&self, cid: u32) -> GlyphText {
        if let Ok(i) = self.multi.binary_search_by_key(&cid, |(c, _)| *c) {
            return self.multi.get(i).map_or(GlyphText::Unmapped, |(_, text)| text.clone());
        }
        let i = self.runs.partition_point(|&(lo, _, _)| lo <= cid);
        match i.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some(&(lo, hi, cp)) if cid <= hi => glyph_text::from_code_point(cp + (cid - lo)),
            _ => GlyphText::Unmapped,
        }
    }
}

/// The blob and what has been decoded from it so far.
struct Store {
    blob: Blob,
    /// Per CMap of `blob.cmaps`, decoded on first use (`None`: the record is corrupt).
    cmaps: Vec<OnceLock<Option<Arc<PredefinedCMap>>>>,
    /// Per collection of `blob.collections`, decoded on first use.
    collections: Vec<OnceLock<Option<CidTable>>>,
}

fn store() -> Option<&'static Store> {
    static STORE: OnceLock<Option<Store>> = OnceLock::new();
    STORE
        .get_or_init(|| {
            let blob = Blob::load()?;
            let cmaps = blob.cmaps.iter().map(|_| OnceLock::new()).collect();
            let collections = blob.collections.iter().map(|_| OnceLock::new()).collect();
            Some(Store { blob, cmaps, collections })
        })
        .as_ref()
}

/// The fixed part of a CMap body: `flags:u8` (bit 0 vertical, bits 1–2 code form),
/// collection (index + 1, 0 = none), parent CMap (index + 1, 0 = none), codespace ranges
/// (`varint count`, then `len:u8 lo hi` each). The mappings follow.
struct Header {
    flags: u8,
    collection: Option<usize>,
    parent: Option<usize>,
    codespace: Codespace,
}

fn read_header(r: &mut Reader) -> Option<Header> {
    let flags = r.byte()?;
    let collection = r.len()?.checked_sub(1);
    let parent = r.len()?.checked_sub(1);
    let mut codespace = Codespace::default();
    for _ in 0..r.len()? {
        let len = usize::from(r.byte()?);
        let (lo, hi) = (r.bytes(len)?, r.bytes(len)?);
        codespace.add_range(lo, hi);
    }
    Some(Header { flags, collection, parent, codespace })
}

/// Mappings: `varint` groups, each `len:u8 count:varint` and `count` ranges of codes of that
/// length (gap from the previous range's end, span, signed CID delta from where the previous
/// range's CIDs would continue).
fn read_mappings(r: &mut Reader, map: &mut CMap) -> Option<()> {
    for _ in 0..r.len()? {
        let len = usize::from(r.byte()?);
        let (mut next_code, mut next_cid) = (0u32, 0i64);
        for _ in 0..r.len()? {
            let lo = next_code.checked_add(r.varint()?)?;
            let hi = lo.checked_add(r.varint()?)?;
            let cid = next_cid.checked_add(r.signed()?)?;
            map.add_cids(len, lo, hi, cid);
            next_code = hi.wrapping_add(1);
            next_cid = cid + i64::from(hi - lo) + 1;
        }
    }
    Some(())
}

/// Decodes CMap `index` on top of its parents.
fn decode_cmap(blob: &Blob, index: usize) -> Option<PredefinedCMap> {
    // The chain from this CMap up to its root, each with its header.
    let mut chain = Vec::new();
    let mut next = Some(index);
    while let Some(i) = next {
        if chain.len() >= MAX_CHAIN {
            return None;
        }
        let mut reader = blob.body(blob.cmaps.get(i)?);
        let header = read_header(&mut reader)?;
        next = header.parent;
        chain.push((header, reader));
    }
    let mut map = CMap::default();
    // Root first, so each CMap overrides what it extends.
    for (_, reader) in chain.iter_mut().rev() {
        read_mappings(reader, &mut map)?;
    }
    let (own, _) = chain.first()?;
    let codespace = chain.iter().map(|(h, _)| &h.codespace).find(|c| !c.is_empty()).cloned().unwrap_or_default();
    Some(PredefinedCMap {
        map,
        form: CodeForm::from_flags(own.flags),
        codespace,
        vertical: own.flags & 1 == 1,
        collection: chain.iter().find_map(|(h, _)| h.collection).map(Collection),
    })
}
