//! `report --format html`: one self-contained page with SVG charts and the evidence behind
//! every number. (Being written: see the HTML report task.)

use super::labels::Labels;
use super::Report;
use crate::analyse::Evidence;

/// Renders the self-contained HTML report.
pub fn render(report: &Report, evidence: &[Evidence], words: &Labels) -> String {
    todo!("HTML report")
}
