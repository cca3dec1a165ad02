//! Every counted mention as a flat row, for `evidence --format csv|json|ndjson`: municipality,
//! code, region, year, document, page, sentence, match, OCR flag and review verdict. No caps.
//!
//! The CSV is for Danish Excel like the report's (UTF-8 with BOM, `;`), and every cell that a
//! spreadsheet would run as a formula is neutralised: sentences come from untrusted PDFs.

use std::str::FromStr;

use serde::Serialize;

use super::csv::UTF8_BOM;
use crate::analyse::Evidence;
use crate::identify::registry;
use crate::review::{annotate, KeyedMention, Review, ReviewFile};
use crate::safe_text::neutralise_csv_cell;

/// Export formats of `evidence --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitFormat {
    Csv,
    Json,
    Ndjson,
}

impl FromStr for HitFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "csv" => Ok(HitFormat::Csv),
            "json" => Ok(HitFormat::Json),
            "ndjson" => Ok(HitFormat::Ndjson),
            other => Err(format!("unknown format {other:?} (csv, json, ndjson)")),
        }
    }
}

/// One mention, flat.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    pub topic: String,
    /// The mention's review id (`kommunsk review --wrong ID`).
    pub id: String,
    pub municipality: Option<String>,
    pub code: Option<u16>,
    pub region: Option<String>,
    pub year: Option<u16>,
    pub document: String,
    pub page: u32,
    pub sentence: String,
    #[serde(rename = "match")]
    pub matched: String,
    /// True when the page's text came from OCR rather than the PDF's text layer.
    pub ocr: bool,
    /// "right", "wrong", or none when not reviewed.
    pub verdict: Option<&'static str>,
    pub note: Option<String>,
}

/// Flat rows for mentions, their keys and reviews (same order). `document` shows the path as
/// users know it; `ocr` is the mention's own OCR provenance (its page was read by OCR).
pub fn hits(
    evidence: &[Evidence],
    reviewed: &[(KeyedMention, Option<&Review>)],
    document: impl Fn(&str) -> String,
) -> Vec<Hit> {
    evidence
        .iter()
        .zip(reviewed)
        .map(|(e, (key, review))| Hit {
            topic: e.topic.clone(),
            id: key.id.clone(),
            municipality: e.municipality.clone(),
            code: e.code,
            region: e.code.and_then(registry::by_code).map(|m| m.region.name().to_string()),
            year: e.year,
            document: document(&e.path),
            page: e.page,
            sentence: e.sentence.clone(),
            matched: e.sentence.get(e.start..e.end).unwrap_or_default().to_string(),
            ocr: e.ocr.is_some(),
            verdict: review.map(|r| r.verdict.as_str()),
            note: review.map(|r| r.note.clone()).filter(|n| !n.is_empty()),
        })
        .collect()
}

/// `evidence --format FORMAT`'s text for `found` (stored paths, every mention of each
/// document, so review keys number alike): what the CLI prints and the server's export sends.
pub fn export(found: &[Evidence], reviews: &ReviewFile, corpus: &std::path::Path, format: HitFormat) -> String {
    // Keys use the stored paths, so annotate before paths become the ones users see.
    let reviewed = annotate(found, reviews);
    let shown = corpus.display().to_string();
    render(&hits(found, &reviewed, |p| crate::search::display_path(&shown, p)), format)
}

/// The CSV header, in column order.
pub const CSV_COLUMNS: [&str; 13] = [
    "topic",
    "id",
    "municipality",
    "code",
    "region",
    "year",
    "document",
    "page",
    "sentence",
    "match",
    "ocr",
    "verdict",
    "note",
];

/// Renders the rows in one format.
pub fn render(hits: &[Hit], format: HitFormat) -> String {
    match format {
        HitFormat::Csv => csv(hits),
        // Plain structs of strings and numbers always serialise.
        HitFormat::Json => format!("{}\n", serde_json::to_string_pretty(hits).unwrap_or_default()),
        HitFormat::Ndjson => {
            hits.iter().map(|h| serde_json::to_string(h).unwrap_or_default() + "\n").collect::<String>()
        }
    }
}

fn csv(hits: &[Hit]) -> String {
    let mut writer = ::csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let _ = writer.write_record(CSV_COLUMNS);
    let number = |n: Option<u16>| n.map(|n| n.to_string()).unwrap_or_default();
    for h in hits {
        let cells = [
            h.topic.clone(),
            h.id.clone(),
            h.municipality.clone().unwrap_or_default(),
            number(h.code),
            h.region.clone().unwrap_or_default(),
            number(h.year),
            h.document.clone(),
            h.page.to_string(),
            h.sentence.clone(),
            h.matched.clone(),
            if h.ocr { "ja" } else { "nej" }.to_string(),
            h.verdict.unwrap_or_default().to_string(),
            h.note.clone().unwrap_or_default(),
        ];
        let _ = writer.write_record(cells.iter().map(|c| neutralise_csv_cell(c).into_owned()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{UTF8_BOM}{}", String::from_utf8_lossy(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::keyed;

    #[test]
    fn csv_has_the_columns_and_no_formula() {
        let sentence = "=HYPERLINK(\"http://x\") og AI; mere";
        let e = Evidence {
            topic: "ai".into(),
            path: "2025/x.pdf".into(),
            page: 2,
            code: Some(751),
            municipality: Some("Aarhus".into()),
            year: Some(2025),
            sentence: sentence.into(),
            start: sentence.find("AI").unwrap(),
            end: sentence.find("AI").unwrap() + 2,
            ocr: None,
        };
        let keys = keyed(std::slice::from_ref(&e));
        let reviewed: Vec<_> = keys.into_iter().map(|k| (k, None)).collect();
        let rows = hits(&[e], &reviewed, |p| format!("corpus/{p}"));
        assert_eq!(rows[0].region.as_deref(), Some("Midtjylland"));
        let text = render(&rows, HitFormat::Csv);
        assert!(text.starts_with(
            "\u{feff}topic;id;municipality;code;region;year;document;page;sentence;match;ocr;verdict;note\n"
        ));
        let mut reader =
            ::csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(&record[8], "'=HYPERLINK(\"http://x\") og AI; mere");
        assert_eq!(&record[6], "corpus/2025/x.pdf");
        assert_eq!(&record[9], "AI");
    }
}
