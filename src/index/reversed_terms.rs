//! Per segment and text field, the long indexed terms reversed and sorted, in a file beside the
//! index: `INDEX/reversed-terms/<segment id>.<field>.bin`.
//!
//! A search finds a query word's Danish compounds among the indexed terms that end with it
//! (`search::compound`). A term dictionary is sorted by the start of its terms, so finding
//! those by their end means scanning every term of every segment — for each search that opens
//! the index afresh, in time growing with the corpus. With the terms reversed and sorted, the
//! terms ending with a word are one range, found by binary search in a memory-mapped file
//! (only the pages touched are read).
//!
//! Ingest writes the files after its last commit and merge, for every segment that has none,
//! and deletes those of segments that are gone. A segment without a file (an ingest that was
//! killed, an index written by an older version, a reader that follows a running ingest) is
//! scanned as before, so the files are only ever a shortcut.
//!
//! File layout: the magic `KRTERM01`, the term count `n` (u32 LE), `n + 1` offsets (u32 LE)
//! into the text that follows, then the reversed terms' UTF-8 bytes in sorted order.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tantivy::directory::{Directory, MmapDirectory, OwnedBytes};
use tantivy::schema::Field;
use tantivy::{Searcher, SegmentReader};

/// Folder inside the index that holds the files.
pub const DIR: &str = "reversed-terms";
/// Shortest term kept: a compound is a head of at least 5 characters behind a modifier of at
/// least 4 (`search::compound` checks it holds for its limits).
pub const MIN_CHARS: usize = 9;

const MAGIC: &[u8; 8] = b"KRTERM01";

/// One segment's reversed terms of one field, memory-mapped.
pub struct ReversedTerms {
    data: OwnedBytes,
    count: usize,
}

impl ReversedTerms {
    /// The folder of an index's files, when it has one.
    pub fn folder(index_dir: &Path) -> Option<MmapDirectory> {
        MmapDirectory::open(index_dir.join(DIR)).ok()
    }

    /// Opens the file of `segment` and `field` in `directory` ([`ReversedTerms::folder`]), when
    /// there is a valid one.
    pub fn open(directory: &MmapDirectory, segment: &SegmentReader, field: Field) -> Option<ReversedTerms> {
        let data = directory.open_read(Path::new(&file_name(segment, field))).ok()?.read_bytes().ok()?;
        ReversedTerms::parse(data)
    }

    /// The same terms built in memory, in the file's layout, for a segment that has no file
    /// (a reader that serves many searches builds them once and keeps them).
    pub fn build_in_memory(segment: &SegmentReader, field: Field) -> tantivy::Result<ReversedTerms> {
        let data = build(segment, field)?;
        ReversedTerms::parse(OwnedBytes::new(data))
            .ok_or_else(|| tantivy::TantivyError::InvalidArgument("reversed terms built malformed".into()))
    }

    /// Checks a file's bytes (magic, offsets, length) and keeps them.
    fn parse(data: OwnedBytes) -> Option<ReversedTerms> {
        let count = u32_at(&data, MAGIC.len())? as usize;
        let valid = data.get(..MAGIC.len()) == Some(MAGIC.as_slice())
            && header_len(count).is_some_and(|h| h <= data.len())
            && u32_at(&data, offset_position(count))
                .is_some_and(|end| header_len(count).unwrap_or(0) + end as usize == data.len());
        valid.then_some(ReversedTerms { data, count })
    }

    /// The reversed term at `i` (sorted position).
    fn reversed(&self, i: usize) -> &[u8] {
        let base = header_len(self.count).unwrap_or(0);
        let start = u32_at(&self.data, offset_position(i)).unwrap_or(0) as usize;
        let end = u32_at(&self.data, offset_position(i + 1)).unwrap_or(0) as usize;
        self.data.get(base + start..base + end).unwrap_or_default()
    }

    /// The terms (in their normal direction) that end with `head`.
    pub fn ending_with(&self, head: &str) -> Vec<String> {
        let reversed_head: String = head.chars().rev().collect();
        let key = reversed_head.as_bytes();
        // First position whose reversed term is not below the reversed head.
        let (mut low, mut high) = (0, self.count);
        while low < high {
            let middle = low + (high - low) / 2;
            if self.reversed(middle) < key {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        (low..self.count)
            .map(|i| self.reversed(i))
            .take_while(|t| t.starts_with(key))
            .filter_map(|t| std::str::from_utf8(t).ok().map(|t| t.chars().rev().collect()))
            .collect()
    }
}

/// Writes the files missing for the segments `searcher` sees, for `fields`, and deletes the files
/// of segments it does not see. Errors only mean searches scan those segments.
pub fn write_missing(index_dir: &Path, searcher: &Searcher, fields: &[Field]) -> std::io::Result<()> {
    let dir = index_dir.join(DIR);
    std::fs::create_dir_all(&dir)?;
    let mut live = std::collections::HashSet::new();
    let mut missing = Vec::new();
    for segment in searcher.segment_readers() {
        for &field in fields {
            let name = file_name(segment, field);
            if !dir.join(&name).is_file() {
                missing.push((segment, field, dir.join(&name)));
            }
            live.insert(name);
        }
    }
    // On all cores: this runs after ingest's last commit, when nothing else is left to do.
    missing.into_par_iter().try_for_each(|(segment, field, path)| {
        let data = build(segment, field).map_err(std::io::Error::other)?;
        write_atomically(&path, &data)
    })?;
    for entry in std::fs::read_dir(&dir)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        // Files of merged-away segments, and temporary files of a killed ingest.
        if (name.ends_with(".bin") && !live.contains(&name)) || name.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(())
}

/// The file's bytes for one segment and field.
fn build(segment: &SegmentReader, field: Field) -> tantivy::Result<Vec<u8>> {
    let inverted = segment.inverted_index(field)?;
    let mut stream = inverted.terms().stream()?;
    let mut terms: Vec<String> = Vec::new();
    while stream.advance() {
        let Ok(term) = std::str::from_utf8(stream.key()) else { continue };
        if term.chars().count() >= MIN_CHARS {
            terms.push(term.chars().rev().collect());
        }
    }
    terms.sort_unstable();
    let mut data = MAGIC.to_vec();
    let too_big = || tantivy::TantivyError::InvalidArgument("too many terms for one file".into());
    data.extend_from_slice(&u32::try_from(terms.len()).map_err(|_| too_big())?.to_le_bytes());
    let mut offset = 0u32;
    data.extend_from_slice(&offset.to_le_bytes());
    for term in &terms {
        offset = u32::try_from(term.len()).ok().and_then(|len| offset.checked_add(len)).ok_or_else(too_big)?;
        data.extend_from_slice(&offset.to_le_bytes());
    }
    for term in &terms {
        data.extend_from_slice(term.as_bytes());
    }
    Ok(data)
}

fn file_name(segment: &SegmentReader, field: Field) -> String {
    format!("{}.{}.bin", segment.segment_id().uuid_string(), field.field_id())
}

/// Where offset `i` is stored.
fn offset_position(i: usize) -> usize {
    MAGIC.len() + 4 + 4 * i
}

/// Bytes before the terms' text.
fn header_len(count: usize) -> Option<usize> {
    count.checked_add(1)?.checked_mul(4)?.checked_add(MAGIC.len() + 4)
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// Writes through a temporary file and a rename, so a search never maps half a file.
fn write_atomically(path: &PathBuf, data: &[u8]) -> std::io::Result<()> {
    let temporary = path.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&temporary, data)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}
