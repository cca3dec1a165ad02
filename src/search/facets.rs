//! Facet counts over every matching page (not only the page of hits shown): how many pages per
//! municipality, year, region and document type, so a result list can offer them as filters.
//!
//! Municipality and year come from the fast fields `code` and `year`; the region follows from the
//! municipality; the document type, a plain indexed string, is read from its six posting lists
//! once per segment.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentOrdinal, SegmentReader, Term, TERMINATED};

use crate::identify::{registry, DocType, Region};

/// One facet value and how many matching pages have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value as the search filter takes it: a municipality name, a year, a region name or a
    /// document type ("agreement", …).
    pub value: String,
    pub count: usize,
}

/// Counts per facet, largest first (years newest first).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub municipality: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
    pub region: Vec<FacetCount>,
    pub doctype: Vec<FacetCount>,
}

/// Raw counts keyed by municipality code, year and document type index.
#[derive(Debug, Default)]
pub struct Tally {
    codes: BTreeMap<u64, usize>,
    years: BTreeMap<u64, usize>,
    doctypes: [usize; DocType::ALL.len()],
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        for (code, n) in other.codes {
            *self.codes.entry(code).or_default() += n;
        }
        for (year, n) in other.years {
            *self.years.entry(year).or_default() += n;
        }
        for (mine, theirs) in self.doctypes.iter_mut().zip(other.doctypes) {
            *mine += theirs;
        }
    }

    /// Names and sorts the counts.
    pub fn facets(&self) -> Facets {
        let mut municipality = Vec::new();
        let mut regions: BTreeMap<Region, usize> = BTreeMap::new();
        for (&code, &count) in &self.codes {
            let Some(m) = u16::try_from(code).ok().and_then(registry::by_code) else { continue };
            municipality.push(FacetCount { value: m.name.to_string(), count });
            *regions.entry(m.region).or_default() += count;
        }
        let by_count = |a: &FacetCount, b: &FacetCount| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value));
        municipality.sort_by(by_count);
        let mut region: Vec<FacetCount> =
            regions.into_iter().map(|(r, count)| FacetCount { value: r.name().to_string(), count }).collect();
        region.sort_by(by_count);
        let year = self.years.iter().rev().map(|(y, &count)| FacetCount { value: y.to_string(), count }).collect();
        let mut doctype: Vec<FacetCount> = DocType::ALL
            .iter()
            .zip(self.doctypes)
            .filter(|(_, count)| *count > 0)
            .map(|(d, count)| FacetCount { value: d.as_str().to_string(), count })
            .collect();
        doctype.sort_by(by_count);
        Facets { municipality, year, region, doctype }
    }
}

/// Collects a [`Tally`] of the matching documents.
pub struct FacetCollector {
    pub doctype: Field,
}

pub struct FacetSegment {
    code: Option<Column<u64>>,
    year: Option<Column<u64>>,
    /// Index into [`DocType::ALL`] per document of the segment (`u8::MAX` when none).
    doctypes: Vec<u8>,
    tally: Tally,
}

impl Collector for FacetCollector {
    type Fruit = Tally;
    type Child = FacetSegment;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let fast = segment.fast_fields();
        let mut doctypes = vec![u8::MAX; segment.max_doc() as usize];
        let inverted = segment.inverted_index(self.doctype)?;
        for (i, kind) in (0u8..).zip(DocType::ALL) {
            let term = Term::from_field_text(self.doctype, kind.as_str());
            let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)? else { continue };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if let Some(slot) = doctypes.get_mut(doc as usize) {
                    *slot = i;
                }
                doc = postings.advance();
            }
        }
        Ok(FacetSegment { code: fast.u64("code").ok(), year: fast.u64("year").ok(), doctypes, tally: Tally::default() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Tally>) -> tantivy::Result<Tally> {
        let mut all = Tally::default();
        for fruit in fruits {
            all.merge(fruit);
        }
        Ok(all)
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = Tally;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(code) = self.code.as_ref().and_then(|c| c.first(doc)) {
            *self.tally.codes.entry(code).or_default() += 1;
        }
        if let Some(year) = self.year.as_ref().and_then(|c| c.first(doc)) {
            *self.tally.years.entry(year).or_default() += 1;
        }
        if let Some(slot) = self.doctypes.get(doc as usize).and_then(|&i| self.tally.doctypes.get_mut(usize::from(i))) {
            *slot += 1;
        }
    }

    fn harvest(self) -> Tally {
        self.tally
    }
}
