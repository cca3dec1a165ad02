//! `report --format csv`: one row per topic and year, for Danish Excel (UTF-8 with BOM, `;`).

use super::labels::Labels;
use super::Report;
use crate::safe_text::csv_cell;

/// Excel only detects UTF-8 when the file starts with a byte order mark.
const UTF8_BOM: &str = "\u{feff}";

/// Renders the topic × year rows.
pub fn render(report: &Report, words: &Labels) -> String {
    let mut writer = ::csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let header = [
        "topic",
        words.topic,
        words.year,
        words.municipalities,
        words.out_of,
        "documents",
        words.mentions,
        words.change,
    ];
    let _ = writer.write_record(header);
    for topic in &report.topics {
        for cell in &topic.years {
            let change = cell.change.map(|d| d.to_string()).unwrap_or_default();
            let _ = writer.write_record([
                // Ids, labels and ad hoc terms are the user's text: never a formula in Excel.
                &*csv_cell(&topic.id),
                &*csv_cell(&topic.label),
                &cell.year.to_string(),
                &cell.municipalities.to_string(),
                &cell.of.to_string(),
                &cell.documents.to_string(),
                &cell.mentions.to_string(),
                &change,
            ]);
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{UTF8_BOM}{}", String::from_utf8_lossy(&bytes))
}
