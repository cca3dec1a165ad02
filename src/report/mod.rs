//! Reports: topic mentions aggregated to "N ud af M" per topic and year, rendered as an aligned
//! table, CSV for Danish Excel, JSON, Markdown or a self-contained HTML page.
//!
//! [`aggregate`] computes the numbers once; each format lives in its own module and only
//! renders. [`labels`] holds the Danish and English wording shared by all formats.

pub mod aggregate;
pub mod csv;
pub mod evidence;
pub mod hits;
pub mod html;
pub mod json;
pub mod labels;
pub mod markdown;
pub mod ocr_share;
pub mod reviewed;
pub mod svg;
pub mod table;
pub mod warning;

use std::str::FromStr;

use crate::analyse::Evidence;

pub use aggregate::{
    build, build_from_documents, build_from_mentions, build_reviewed, MunicipalityRow, OcrShare, Provenance, Report,
    ReviewSummary, Scope, TopicRow, YearCell,
};

/// Output formats of `kommunsk report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Markdown,
    Html,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "table" => Ok(Format::Table),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "md" | "markdown" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            other => Err(format!("unknown format {other:?} (table, csv, json, md, html)")),
        }
    }
}

/// Renders a report in one format; `lang` is "da" (default) or "en". `evidence` holds every
/// counted mention in scope (only the HTML format shows it; the others leave it to `evidence`).
pub fn render(report: &Report, format: Format, lang: &str, evidence: &[Evidence]) -> String {
    let words = labels::Labels::for_lang(lang);
    match format {
        Format::Table => table::render(report, words),
        Format::Csv => csv::render(report, words),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report, words),
        Format::Html => html::render(report, evidence, words),
    }
}

/// What a report is computed over: the stored pages and file records, and where they came from.
pub struct ReportSource<'a> {
    pub pages: &'a [crate::index::StoredPage],
    pub records: &'a [crate::index::FileRecord],
    /// The corpus folder, as it is shown in the report and in evidence paths.
    pub corpus: &'a std::path::Path,
    /// The index folder, as it is shown in the report.
    pub index_dir: &'a std::path::Path,
}

impl ReportSource<'_> {
    /// Reads every page and file record the searcher sees.
    pub fn read(
        index: &crate::index::CorpusIndex,
        searcher: &tantivy::Searcher,
    ) -> Result<(Vec<crate::index::StoredPage>, Vec<crate::index::FileRecord>), crate::index::IndexError> {
        Ok((index.pages(searcher)?, index.file_records(searcher)?))
    }
}

/// Only documents of this region (their municipality's), when given.
fn in_region(info: &crate::index::DocumentInfo, region: Option<crate::identify::Region>) -> bool {
    region.is_none_or(|r| info.region.as_deref() == Some(r.name()))
}

/// Fills in where a report came from and what it leaves out, as `kommunsk report` states it
/// (the CLI and the server share this, so their JSON is the same).
pub fn provenance(built: &mut Report, corpus: &std::path::Path, index_dir: &std::path::Path, lang: &str) {
    built.source.corpus = corpus.display().to_string();
    built.source.index = index_dir.display().to_string();
    built.source.synthetic = crate::corpus::is_synthetic(corpus);
    built.source.warning = warning::not_counted(&built.source, lang);
}

/// Every mention `filter` asks for among the pages of one region (all when `None`), with
/// stored paths and rejected mentions kept: what an evidence view lists and reviews key on.
pub fn mentions_in(
    pages: &[crate::index::StoredPage],
    topics: &crate::analyse::TopicSet,
    filter: &evidence::EvidenceFilter,
    region: Option<crate::identify::Region>,
) -> Vec<Evidence> {
    match region {
        None => evidence::collect(pages, topics, filter),
        Some(_) => {
            let pages: Vec<_> = pages.iter().filter(|p| in_region(&p.info, region)).cloned().collect();
            evidence::collect(&pages, topics, filter)
        }
    }
}

/// The sentences behind a report's numbers (in `region` when given), without the mentions
/// `reviews` rejects, with the paths users know: what the HTML report shows.
pub fn evidence_from_source(
    source: &ReportSource,
    topics: &crate::analyse::TopicSet,
    filter: &evidence::EvidenceFilter,
    region: Option<crate::identify::Region>,
    reviews: &crate::review::ReviewFile,
) -> Vec<Evidence> {
    let mut found = mentions_in(source.pages, topics, filter, region);
    reviewed::drop_rejected(&mut found, reviews);
    evidence::show_paths(&mut found, source.corpus);
    found
}
