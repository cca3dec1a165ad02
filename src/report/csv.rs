//! `report --format csv`: one row per topic and year, for Danish Excel (UTF-8 with BOM, `;`).

use super::labels::Labels;
use super::Report;
use crate::safe_text::neutralise_csv_cell;

/// Excel only detects UTF-8 when the file starts with a byte order mark.
pub const UTF8_BOM: &str = "\u{feff}";

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
    // Review columns only when there are reviews, so the unreviewed CSV keeps its shape.
    let reviews = report.source.reviews.as_ref().filter(|r| !r.ignored);
    let review_header = ["reviewed", "rejected", "precision", "precision_low", "precision_high"];
    let _ = writer.write_record(header.iter().chain(reviews.map_or(&[][..], |_| &review_header[..])));
    for topic in &report.topics {
        let review_cells: Vec<String> = match reviews {
            None => Vec::new(),
            Some(r) => match r.topics.iter().find(|t| t.id == topic.id) {
                None => vec![String::from("0"), String::from("0"), String::new(), String::new(), String::new()],
                Some(t) => {
                    let share = |x: f64| format!("{:.3}", x).replace('.', ",");
                    let p = t.precision.as_ref();
                    vec![
                        t.reviewed.to_string(),
                        t.rejected.to_string(),
                        p.map(|p| share(p.estimate)).unwrap_or_default(),
                        p.map(|p| share(p.low)).unwrap_or_default(),
                        p.map(|p| share(p.high)).unwrap_or_default(),
                    ]
                }
            },
        };
        for cell in &topic.years {
            let change = cell.change.map(|d| d.to_string()).unwrap_or_default();
            let cells = [
                // Ids, labels and ad hoc terms are the user's text: never a formula in Excel.
                neutralise_csv_cell(&topic.id).into_owned(),
                neutralise_csv_cell(&topic.label).into_owned(),
                cell.year.to_string(),
                cell.municipalities.to_string(),
                cell.of.to_string(),
                cell.documents.to_string(),
                cell.mentions.to_string(),
                change,
            ];
            let _ = writer.write_record(cells.iter().chain(&review_cells));
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{UTF8_BOM}{}", String::from_utf8_lossy(&bytes))
}
