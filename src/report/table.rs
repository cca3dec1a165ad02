//! The default terminal format: an aligned topic × year table under a header saying what was counted.

use std::fmt::Write;

use super::labels::Labels;
use super::{Report, YearCell};
use crate::identify::DocType;

/// The header lines every human-readable format starts with.
pub fn provenance_lines(report: &Report, words: &Labels) -> Vec<String> {
    let s = &report.source;
    let mut lines = Vec::new();
    if s.synthetic {
        lines.push(format!("*** {} ***", words.synthetic));
    }
    let years = match (s.years.first(), s.years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => "—".to_string(),
    };
    lines.push(format!(
        "{}: {} · {}: {} · {}: {}",
        words.corpus, s.corpus, words.index, s.index, words.topics_file, s.topics_file
    ));
    let doctypes: Vec<&str> = s
        .doctypes
        .iter()
        .map(|d| match d.parse::<DocType>() {
            Ok(t) if words.html_lang == "da" => t.danish(),
            _ => d.as_str(),
        })
        .collect();
    lines.push(format!("{}: {years} · {}: {}", words.years, words.doctypes, doctypes.join(", ")));
    lines.push(format!(
        "{}: {} · {}: {} · {}: {}",
        words.documents, s.documents, words.unresolved, s.unresolved, words.failed, s.failed
    ));
    lines.extend(ocr_lines(report, words));
    lines.extend(review_lines(report, words));
    lines
}

/// How much of the counts rests on OCR'd pages, and how many were left out (`--no-ocr`).
fn ocr_lines(report: &Report, words: &Labels) -> Vec<String> {
    let ocr = &report.source.ocr;
    let mut lines = Vec::new();
    if ocr.pages > 0 {
        lines.push(format!(
            "{}: {} {} · {} {} · {} {}",
            words.ocr_share,
            ocr.documents,
            words.documents_short,
            ocr.pages,
            words.pages,
            ocr.mentions,
            if ocr.mentions == 1 { words.mention_one } else { words.mention_many }
        ));
    }
    if ocr.excluded_pages > 0 {
        lines.push(format!("{}: {} {}", words.ocr_excluded, ocr.excluded_pages, words.pages));
    }
    lines
}

/// What reviews did: the file, mentions dropped, orphans, and each reviewed topic's precision.
fn review_lines(report: &Report, words: &Labels) -> Vec<String> {
    let Some(r) = &report.source.reviews else { return Vec::new() };
    if r.ignored {
        return vec![format!("{}: {} {}", words.reviews, r.file, words.reviews_ignored)];
    }
    let mut lines = vec![format!(
        "{}: {} · {}: {} · {}: {}",
        words.reviews, r.file, words.reviews_dropped, r.dropped, words.reviews_orphaned, r.orphaned
    )];
    for t in &r.topics {
        let label = report.topics.iter().find(|row| row.id == t.id).map_or(t.id.as_str(), |row| row.label.as_str());
        if let Some(p) = &t.precision {
            lines.push(format!(
                "{} {label}: {} {} {} {}, {} {}",
                words.precision,
                p.percent_text(),
                words.reviewed_of,
                t.reviewed,
                words.reviewed,
                t.rejected,
                words.wrong
            ));
        }
    }
    lines
}

/// "68/98" for a cell.
fn cell_text(cell: Option<&YearCell>) -> String {
    cell.map(|c| format!("{}/{}", c.municipalities, c.of)).unwrap_or_else(|| "—".into())
}

/// Renders the aligned table.
pub fn render(report: &Report, words: &Labels) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", words.title);
    for line in provenance_lines(report, words) {
        let _ = writeln!(out, "{line}");
    }
    if let Some(warning) = &report.source.warning {
        let _ = writeln!(out, "\n*** {warning} ***");
    }
    out.push('\n');

    let years = &report.source.years;
    let mut header = vec![words.topic.to_string()];
    header.extend(years.iter().map(|y| y.to_string()));
    header.push(words.change.to_string());
    let mut rows = vec![header];
    for topic in &report.topics {
        let mut row = vec![topic.label.clone()];
        for year in years {
            row.push(cell_text(topic.years.iter().find(|c| c.year == *year)));
        }
        let change = topic.years.last().and_then(|c| c.change).map(|d| format!("{d:+}")).unwrap_or_default();
        row.push(change);
        rows.push(row);
    }
    let columns = rows.first().map(Vec::len).unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| rows.iter().map(|r| r.get(i).map_or(0, |c| c.chars().count())).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.chars().count());
            if i == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }

    if let Some(last) = years.last() {
        out.push('\n');
        for topic in &report.topics {
            if let Some(c) = topic.years.iter().find(|c| c.year == *last) {
                let _ = writeln!(
                    out,
                    "{last}: {} {} {} {} {} {}",
                    c.municipalities, words.out_of, c.of, words.municipalities, words.mention, topic.label
                );
            }
        }
    }
    out
}
