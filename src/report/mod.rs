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
    build, build_from_mentions, build_reviewed, MunicipalityRow, OcrShare, Provenance, Report, ReviewSummary, Scope,
    TopicRow, YearCell,
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
