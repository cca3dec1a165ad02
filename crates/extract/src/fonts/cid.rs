//! Type0 (composite) fonts: an encoding CMap splits strings into 1–4-byte codes and maps them
//! to CIDs; the descendant CIDFont's `/W` and `/DW` give widths by CID; ToUnicode gives text.
//!
//! Text, first found: ToUnicode; the code itself under a predefined Unicode CMap
//! (`Uni…-UCS2-…`); what the embedded font program says about the glyph (see `program`); the
//! CID's character in its Adobe collection (Adobe-Japan1, -GB1, -CNS1, -Korea1, …, see
//! `predefined`), named by the predefined CMap, `/CIDSystemInfo` or ToUnicode's `usecmap`.
//!
//! Encodings understood: Identity-H/V, embedded CMap streams (with `usecmap` of Identity),
//! and Adobe's predefined CMaps (`predefined`). A predefined name we do not know: its strings
//! are split by the ToUnicode codespace (else two bytes) and its CIDs are unknown (`/DW`).

use std::sync::Arc;

use lopdf::{Dictionary, Document, Object};

use super::cmap::{CMap, Codespace};
use super::predefined::{Collection, PredefinedCMap};
use super::program::{self, CidTexts, FontProgram};
use super::{glyph_text, objects, DecodedGlyph, GlyphText};

/// `/DW` when absent (PDF 32000-1 §9.7.4.3).
const DEFAULT_CID_WIDTH: f32 = 1000.0;

/// `/DW2` w1y when absent: one em downwards per glyph (PDF 32000-1 §9.7.4.3).
const DEFAULT_VERTICAL_ADVANCE: f32 = -1000.0;

/// `/W` and `/DW` are in 1/1000 text-space units.
const UNITS_PER_EM: f32 = 1000.0;

/// The one-byte code word spacing applies to.
const SPACE: u32 = 32;

/// How codes become CIDs.
#[derive(Debug)]
enum CidMapping {
    /// CID = code (Identity-H/V).
    Identity,
    /// An embedded CMap; `identity_fallback` when it extends Identity via `usecmap`.
    Embedded { cmap: Box<CMap>, identity_fallback: bool },
    /// One of Adobe's predefined CMaps.
    Predefined(Arc<PredefinedCMap>),
    /// Codes are UTF-16 text (`Uni…-UCS2/UTF16` CMaps); CIDs unknown.
    Unicode,
    /// A predefined CMap we do not have; CIDs unknown.
    Unknown,
}

/// Where a glyph's text comes from.
#[derive(Debug)]
enum TextSource {
    /// A ToUnicode CMap.
    Cmap(Box<CMap>),
    /// `/ToUnicode /Identity-H`: the code is the character (seen in the wild; pdf.js agrees).
    Identity,
    None,
}

/// Widths by CID from `/W`, as sorted non-overlapping (first CID, last CID, width) runs.
#[derive(Debug, Default)]
struct CidWidths {
    runs: Vec<(u32, u32, f32)>,
    default: f32,
}

impl CidWidths {
    fn load(doc: &Document, descendant: Option<&Dictionary>) -> CidWidths {
        let default =
            descendant.and_then(|d| objects::get_number(doc, d, b"DW")).unwrap_or(DEFAULT_CID_WIDTH) / UNITS_PER_EM;
        let w = descendant.and_then(|d| objects::get_array(doc, d, b"W")).unwrap_or_default();
        let mut runs = parse_w(doc, w);
        runs.sort_by_key(|&(lo, _, _)| lo);
        // Clip overlaps (the earlier CID range keeps its part) so binary search is exact.
        let mut clipped: Vec<(u32, u32, f32)> = Vec::with_capacity(runs.len());
        for (lo, hi, width) in runs {
            let lo = match clipped.last() {
                Some(&(_, prev_hi, _)) if lo <= prev_hi => match prev_hi.checked_add(1) {
                    Some(next) => next,
                    None => continue,
                },
                _ => lo,
            };
            if lo <= hi {
                clipped.push((lo, hi, width));
            }
        }
        CidWidths { runs: clipped, default }
    }

    fn width(&self, cid: Option<u32>) -> f32 {
        let Some(cid) = cid else { return self.default };
        let i = self.runs.partition_point(|&(lo, _, _)| lo <= cid);
        match i.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some(&(_, hi, width)) if cid <= hi => width,
            _ => self.default,
        }
    }
}

/// Reads a `/W` array: `c [w1 w2 …]` (consecutive CIDs) and `c_first c_last w` entries.
fn parse_w(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f32)> {
    let cid = |o: &Object| objects::number(doc, o).filter(|n| *n >= 0.0 && *n <= u32::MAX as f32).map(|n| n as u32);
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(first) = w.get(i).and_then(&cid) {
        match w.get(i + 1).and_then(|o| objects::resolve(doc, o)) {
            Some(Object::Array(widths)) => {
                for (c, width) in (first..=u32::MAX).zip(widths) {
                    if let Some(width) = objects::number(doc, width) {
                        runs.push((c, c, width / UNITS_PER_EM));
                    }
                }
                i += 2;
            }
            Some(other) => {
                let last = cid(other);
                let width = w.get(i + 2).and_then(|o| objects::number(doc, o));
                if let (Some(last), Some(width)) = (last, width) {
                    runs.push((first, last, width / UNITS_PER_EM));
                }
                i += 3;
            }
            None => break,
        }
    }
    runs
}

/// A loaded Type0 font.
#[derive(Debug)]
pub(super) struct CidFont {
    codespace: Codespace,
    mapping: CidMapping,
    text: TextSource,
    widths: CidWidths,
    vertical: bool,
    /// `/DW2` w1y in text space (negative: downwards).
    vertical_advance: f32,
    one_byte_codes: bool,
    /// Text by CID from the embedded font program, for codes ToUnicode leaves unmapped.
    program_text: Option<CidTexts>,
    /// The Adobe collection the CIDs belong to, for glyphs nothing else gives text.
    collection: Option<Collection>,
}

impl CidFont {
    /// Loads a Type0 font dictionary.
    pub(super) fn load(doc: &Document, font: &Dictionary) -> CidFont {
        let descendant = objects::get_array(doc, font, b"DescendantFonts")
            .and_then(|a| a.first())
            .and_then(|o| objects::resolve(doc, o))
            .and_then(objects::as_dict);

        let text = match objects::get(doc, font, b"ToUnicode") {
            Some(Object::Stream(s)) => {
                objects::stream_bytes(s).map_or(TextSource::None, |b| TextSource::Cmap(Box::new(CMap::parse(&b))))
            }
            Some(Object::Name(n)) if is_identity(n) => TextSource::Identity,
            _ => TextSource::None,
        };

        let (mapping, codespace, vertical) = match objects::get(doc, font, b"Encoding") {
            Some(Object::Name(name)) => predefined(name, &text),
            Some(Object::Stream(stream)) => embedded(doc, stream, &text),
            _ => (CidMapping::Identity, Codespace::fixed(2), false),
        };

        let vertical_advance = descendant
            .and_then(|d| objects::get_array(doc, d, b"DW2"))
            .and_then(|a| a.get(1))
            .and_then(|o| objects::number(doc, o))
            .unwrap_or(DEFAULT_VERTICAL_ADVANCE)
            / UNITS_PER_EM;

        // Only a ToUnicode that *is* the text (Identity) makes the program unnecessary.
        let program_text = match text {
            TextSource::Identity => None,
            TextSource::Cmap(_) | TextSource::None => descendant.and_then(|d| program_texts(doc, d)),
        };

        let collection = match &mapping {
            CidMapping::Predefined(cmap) => cmap.collection,
            _ => None,
        }
        .or_else(|| descendant.and_then(|d| Collection::of_cid_font(doc, d)))
        .or_else(|| match &text {
            TextSource::Cmap(cmap) => cmap.use_cmap.as_deref().and_then(Collection::from_ucs2_cmap),
            _ => None,
        });

        CidFont {
            collection,
            program_text,
            one_byte_codes: codespace.has_one_byte_codes(),
            codespace,
            mapping,
            text,
            widths: CidWidths::load(doc, descendant),
            vertical,
            vertical_advance,
        }
    }

    /// Splits `bytes` by the codespace and appends one glyph per code.
    pub(super) fn decode(&self, bytes: &[u8], out: &mut Vec<DecodedGlyph>) {
        let mut rest = bytes;
        while !rest.is_empty() {
            let (code, len) = self.codespace.next_code(rest);
            rest = rest.get(len..).unwrap_or_default();
            out.push(DecodedGlyph {
                code,
                text: self.text(code, len),
                width: self.widths.width(self.cid(code, len)),
                is_word_space: self.one_byte_codes && len == 1 && code == SPACE,
            });
        }
    }

    fn cid(&self, code: u32, len: usize) -> Option<u32> {
        match &self.mapping {
            CidMapping::Identity => Some(code),
            CidMapping::Embedded { cmap, identity_fallback } => {
                cmap.cid(code, len).or_else(|| identity_fallback.then_some(code))
            }
            CidMapping::Predefined(cmap) => cmap.cid(code, len),
            CidMapping::Unicode | CidMapping::Unknown => None,
        }
    }

    fn text(&self, code: u32, len: usize) -> GlyphText {
        let mapped = match &self.text {
            TextSource::Cmap(cmap) => cmap.unicode_any_len(code, len),
            TextSource::Identity => Some(glyph_text::from_code_point(code)),
            TextSource::None => None,
        };
        match mapped {
            Some(GlyphText::Unmapped) | None if matches!(self.mapping, CidMapping::Unicode) => {
                utf16_code_text(code, len)
            }
            Some(GlyphText::Unmapped) | None => match self.predefined_code_text(code, len) {
                GlyphText::Unmapped => self.program_text(code, len),
                text => text,
            },
            Some(text) => text,
        }
    }

    /// Under a predefined Unicode CMap, the character the code itself is.
    fn predefined_code_text(&self, code: u32, len: usize) -> GlyphText {
        match &self.mapping {
            CidMapping::Predefined(cmap) => cmap.code_text(code, len).unwrap_or(GlyphText::Unmapped),
            _ => GlyphText::Unmapped,
        }
    }

    /// The CID's character in the font's Adobe collection, if it has one.
    fn collection_text(&self, code: u32, len: usize) -> GlyphText {
        match (self.collection, self.cid(code, len)) {
            (Some(collection), Some(cid)) => collection.text(cid),
            _ => GlyphText::Unmapped,
        }
    }

    /// The text the embedded program gives the glyph of `code`, else its collection's.
    fn program_text(&self, code: u32, len: usize) -> GlyphText {
        let from_program = match (&self.program_text, self.cid(code, len)) {
            (Some(texts), Some(cid)) => texts.text(cid),
            _ => GlyphText::Unmapped,
        };
        match from_program {
            GlyphText::Unmapped => self.collection_text(code, len),
            text => text,
        }
    }

    /// True for vertical writing mode.
    pub(super) fn is_vertical(&self) -> bool {
        self.vertical
    }

    /// Vertical displacement per glyph in text space for size 1 (`/DW2`; negative = down).
    pub(super) fn vertical_advance(&self) -> f32 {
        self.vertical_advance
    }
}

/// Text by CID from the descendant's embedded program; for a non-embedded TrueType CIDFont
/// with identity glyph ids, from the standard glyph order of its family.
fn program_texts(doc: &Document, descendant: &Dictionary) -> Option<CidTexts> {
    let program =
        objects::get_dict(doc, descendant, b"FontDescriptor").and_then(|descriptor| FontProgram::load(doc, descriptor));
    if let Some(program) = program {
        return program.cid_texts(doc, descendant);
    }
    let is_truetype = objects::get_name(doc, descendant, b"Subtype") == Some(b"CIDFontType2");
    let mapped_gids = matches!(objects::get(doc, descendant, b"CIDToGIDMap"), Some(Object::Stream(_)));
    if !is_truetype || mapped_gids {
        return None;
    }
    program::standard_order_texts(objects::get_name(doc, descendant, b"BaseFont")?)
}

fn is_identity(name: &[u8]) -> bool {
    name == b"Identity-H" || name == b"Identity-V"
}

/// A predefined CMap named in `/Encoding`.
fn predefined(name: &[u8], text: &TextSource) -> (CidMapping, Codespace, bool) {
    let vertical = name.ends_with(b"-V");
    if is_identity(name) {
        return (CidMapping::Identity, Codespace::fixed(2), vertical);
    }
    if let Some(cmap) = PredefinedCMap::get(name) {
        return (CidMapping::Predefined(cmap.clone()), cmap.codespace.clone(), cmap.vertical);
    }
    let name_str = String::from_utf8_lossy(name);
    if name_str.starts_with("Uni") && name_str.contains("-UCS2") {
        return (CidMapping::Unicode, Codespace::fixed(2), vertical);
    }
    if name_str.starts_with("Uni") && name_str.contains("-UTF16") {
        return (CidMapping::Unicode, Codespace::utf16(), vertical);
    }
    let codespace = match text {
        TextSource::Cmap(cmap) => cmap.effective_codespace(),
        _ => Codespace::fixed(2),
    };
    (CidMapping::Unknown, codespace, vertical)
}

/// An embedded encoding CMap stream.
fn embedded(doc: &Document, stream: &lopdf::Stream, text: &TextSource) -> (CidMapping, Codespace, bool) {
    let Some(bytes) = objects::stream_bytes(stream) else {
        return (CidMapping::Identity, Codespace::fixed(2), false);
    };
    let cmap = CMap::parse(&bytes);
    // `usecmap` in the program or `/UseCMap` in the stream dictionary names the parent.
    let parent = cmap.use_cmap.clone().or_else(|| objects::get_name(doc, &stream.dict, b"UseCMap").map(<[u8]>::to_vec));
    let extends_identity = parent.as_deref().is_some_and(is_identity);
    let vertical = cmap.vertical
        || objects::get_int(doc, &stream.dict, b"WMode") == Some(1)
        || parent.as_deref().is_some_and(|p| p.ends_with(b"-V"));
    if !cmap.has_cids() && !extends_identity {
        // A CMap that maps nothing: behave as the predefined parent it names, if any.
        if let Some(parent) = parent {
            return predefined(&parent, text);
        }
    }
    let codespace = if !cmap.codespace.is_empty() {
        cmap.codespace.clone()
    } else if extends_identity {
        Codespace::fixed(2)
    } else {
        cmap.effective_codespace()
    };
    (CidMapping::Embedded { cmap: Box::new(cmap), identity_fallback: extends_identity }, codespace, vertical)
}

/// The text of a code under a UCS-2/UTF-16 CMap: the code itself.
fn utf16_code_text(code: u32, len: usize) -> GlyphText {
    if len == 4 {
        let (hi, lo) = (code >> 16, code & 0xffff);
        if (0xd800..0xdc00).contains(&hi) && (0xdc00..0xe000).contains(&lo) {
            return glyph_text::from_code_point(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00));
        }
        return GlyphText::Unmapped;
    }
    glyph_text::from_code_point(code)
}
