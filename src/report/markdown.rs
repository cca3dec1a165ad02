//! `report --format md`: the header, the topic × year table and the municipality × topic matrix.

use std::fmt::Write;

use super::labels::Labels;
use super::table::provenance_lines;
use super::Report;

/// Labels, terms, names and provenance as literal text in a table cell or list item.
fn cell(text: &str) -> String {
    crate::safe_text::markdown(text)
}

/// Renders the Markdown report.
pub fn render(report: &Report, words: &Labels) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", words.title);
    for line in provenance_lines(report, words) {
        let _ = writeln!(out, "- {}", cell(&line));
    }
    out.push('\n');

    let years = &report.source.years;
    let _ = write!(out, "| {} |", words.topic);
    for year in years {
        let _ = write!(out, " {year} |");
    }
    let _ = writeln!(out, " {} |", words.change);
    let _ = writeln!(out, "|---|{}---|", "---:|".repeat(years.len()));
    for topic in &report.topics {
        let _ = write!(out, "| {} |", cell(&topic.label));
        for year in years {
            match topic.years.iter().find(|c| c.year == *year) {
                Some(c) => {
                    let _ = write!(out, " {} {} {} |", c.municipalities, words.out_of, c.of);
                }
                None => out.push_str(" — |"),
            }
        }
        let change = topic.years.last().and_then(|c| c.change).map(|d| format!("{d:+}")).unwrap_or_default();
        let _ = writeln!(out, " {change} |");
    }

    if let Some(last) = years.last() {
        let _ = writeln!(out, "\n## {} × {} ({last})\n", words.municipality, words.topic);
        let _ = write!(out, "| {} | {} | {} |", words.municipality, words.code, words.region);
        for topic in &report.topics {
            let _ = write!(out, " {} |", cell(&topic.id));
        }
        let _ = writeln!(out, "\n|---|---:|---|{}", "---:|".repeat(report.topics.len()));
        for row in report.municipalities.iter().filter(|m| m.year == *last) {
            let _ = write!(out, "| {} | {} | {} |", cell(&row.name), row.code, cell(&row.region));
            for topic in &report.topics {
                let _ = write!(out, " {} |", row.mentions.get(&topic.id).copied().unwrap_or(0));
            }
            out.push('\n');
        }
    }
    out
}
