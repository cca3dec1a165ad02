//! `report --format json`: the stable machine contract (see README).

use super::Report;

/// Pretty-printed JSON of the whole report.
pub fn render(report: &Report) -> String {
    // Serialising plain structs of strings and integers cannot fail.
    let mut out = serde_json::to_string_pretty(report).unwrap_or_default();
    out.push('\n');
    out
}
