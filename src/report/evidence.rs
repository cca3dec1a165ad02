//! Collects the sentences behind a report's numbers, with the same scope rules as the counts.

use rayon::prelude::*;

use super::aggregate::Scope;
use crate::analyse::evidence::PageText;
use crate::analyse::{Evidence, TopicSet};
use crate::index::StoredPage;
use crate::ocr::OcrNote;

/// Which mentions to list.
#[derive(Debug, Clone, Default)]
pub struct EvidenceFilter {
    pub scope: Scope,
    /// Only these topic ids (all when empty).
    pub topics: Vec<String>,
    /// Only this municipality code.
    pub code: Option<u16>,
}

/// Every counted mention in scope, ordered by topic, year, municipality, path and page: exactly
/// the mentions the report's numbers add up (unresolved documents are left out there too).
pub fn collect(pages: &[StoredPage], topics: &TopicSet, filter: &EvidenceFilter) -> Vec<Evidence> {
    let wanted: Vec<_> =
        topics.topics.iter().filter(|t| filter.topics.is_empty() || filter.topics.contains(&t.id)).collect();
    let mut found: Vec<Evidence> = pages
        .par_iter()
        .filter(|p| filter.scope.covers(&p.info) && filter.code.is_none_or(|c| p.info.code == Some(c)))
        .flat_map_iter(|p| {
            // Flatten the page once for all topics.
            let text = PageText::new(&p.text);
            let mut found: Vec<Evidence> =
                wanted.iter().flat_map(|topic| text.evidence(topic, &p.path, p.page)).collect();
            for e in &mut found {
                e.code = p.info.code;
                e.municipality = p.info.municipality.clone();
                e.year = p.info.year;
                e.ocr = p.ocr.as_ref().map(OcrNote::new);
            }
            found
        })
        .collect();
    let order = |id: &str| topics.topics.iter().position(|t| t.id == id).unwrap_or(usize::MAX);
    found.sort_by(|a, b| {
        (order(&a.topic), a.year, &a.municipality, &a.path, a.page, a.start).cmp(&(
            order(&b.topic),
            b.year,
            &b.municipality,
            &b.path,
            b.page,
            b.start,
        ))
    });
    found
}

/// Turns the relative paths of `found` into the paths users know (the corpus folder joined).
pub fn show_paths(found: &mut [Evidence], corpus: &std::path::Path) {
    let shown = corpus.display().to_string();
    for mention in found {
        mention.path = crate::search::display_path(&shown, &mention.path);
    }
}

/// A mention as `evidence --json` prints it: with `verdict` when it has been reviewed.
#[derive(serde::Serialize)]
pub struct WithVerdict<'a> {
    #[serde(flatten)]
    pub evidence: &'a Evidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<&'static str>,
}

/// `evidence --json`'s text for `found` (stored paths): each mention with the path users know
/// and, when reviewed, its verdict. The CLI and the server print exactly this.
pub fn to_json(
    found: &[Evidence],
    reviews: &crate::review::ReviewFile,
    corpus: &std::path::Path,
) -> serde_json::Result<String> {
    // Keys use the stored paths, so annotate before paths become the ones users see.
    let reviewed = crate::review::annotate(found, reviews);
    let mut shown = found.to_vec();
    show_paths(&mut shown, corpus);
    let values: Vec<WithVerdict> = shown
        .iter()
        .zip(&reviewed)
        .map(|(evidence, (_, review))| WithVerdict { evidence, verdict: review.map(|r| r.verdict.as_str()) })
        .collect();
    Ok(format!("{}\n", serde_json::to_string_pretty(&values)?))
}
