//! Names a document: which of the 98 municipalities, which budget year, what kind of
//! document, which language.
//!
//! Sources, strongest first: `CORPUS/<year>/manifest.csv` > the file's path and name > its text.
//!
//! - [`registry`]: the 98 municipalities, their codes and regions, and lookup by any spelling.
//! - [`municipality`], [`year`], [`doctype`], [`language`]: one detector each.
//! - [`manifest`]: the per-year `manifest.csv` that overrides the detectors.
//! - [`fold`]: the spelling-insensitive words all matchers share; [`sample`]: which part of a
//!   document's text is read, and how much at most.

pub mod corrections;
pub mod date;
pub mod doctype;
pub mod domains;
pub mod fold;
pub mod language;
pub mod manifest;
pub mod municipality;
pub mod registry;
pub mod sample;
pub mod year;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::extract::PdfMetadata;
pub use doctype::DocType;
pub use manifest::Manifest;
pub use registry::{Municipality, Region};

/// Where a fact about a document came from (shown in `ingest --json` and the report's notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Manifest,
    Path,
    Text,
    /// The PDF's own metadata (Info dictionary or XMP).
    Metadata,
    /// The user's answer in the corpus's `corrections.csv`.
    Correction,
}

/// What decided one fact about a document (or why it stays undecided): shown by
/// `kommunsk identify`, stored in the index, and written into the correction file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// "municipality", "year" or "doctype".
    pub field: String,
    /// The value decided ("Ballerup", "2012", "agenda"); `None` when undecided.
    pub value: Option<String>,
    /// "manifest", "path", "text", "metadata"; empty when undecided.
    pub source: String,
    /// Which signal: "title", "e-mail/web domain", "labelled date", "year folder", …
    pub signal: String,
    /// The words that decided it, as they stand (folded for names).
    pub words: String,
    /// 1-based page of those words; `None` for the path, the manifest and the metadata.
    pub page: Option<usize>,
    /// What it outweighed ("Furesø (score 1)", "creation date 2013").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outweighed: Vec<String>,
    /// True when it rests on weak evidence (listed in the correction file to confirm).
    #[serde(default)]
    pub weak: bool,
    /// Why nothing could be decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undecidable: Option<String>,
    /// What the document itself says when it contradicts the folder or file name that decided
    /// ("the text says Vejle (running header/footer …)"): ingest warns about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disagrees: Option<String>,
}

impl Evidence {
    fn decided(field: &str, value: String, source: Source, signal: &str, words: String, page: Option<usize>) -> Self {
        let source = serde_json::to_value(source).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        Evidence {
            field: field.into(),
            value: Some(value),
            source,
            signal: signal.into(),
            words,
            page,
            ..Default::default()
        }
    }

    fn undecided(field: &str, reason: String) -> Self {
        Evidence { field: field.into(), undecidable: Some(reason), ..Default::default() }
    }

    /// One line for people: "municipality Ballerup — text, e-mail/web domain "balk.dk" (page 1) …".
    pub fn describe(&self) -> String {
        let Some(value) = &self.value else {
            return format!(
                "{}: undecided — {}",
                self.field,
                self.undecidable.as_deref().unwrap_or("nothing to go on")
            );
        };
        let mut line = format!("{}: {value} — {} ({})", self.field, self.signal, self.source);
        if !self.words.is_empty() {
            line.push_str(&format!(": \"{}\"", self.words));
        }
        if let Some(page) = self.page {
            line.push_str(&format!(" on page {page}"));
        }
        if !self.outweighed.is_empty() {
            line.push_str(&format!("; outweighed {}", self.outweighed.join(", ")));
        }
        if self.weak {
            line.push_str(" [weak evidence: please confirm]");
        }
        if let Some(other) = &self.disagrees {
            line.push_str(&format!(" [but {other}]"));
        }
        line
    }
}

/// Everything `identify` could say about one document.
#[derive(Debug, Clone)]
pub struct Identity {
    /// Whose document it is; `None` when nothing says so clearly.
    pub municipality: Option<(&'static Municipality, Source)>,
    /// The year it belongs to: the budget year of a budget document, the date of minutes,
    /// notes and letters; `None` rather than a guess from dates in passing.
    pub year: Option<(u16, Source)>,
    /// What kind of document it is ([`DocType::Other`] when nothing says).
    pub doctype: DocType,
    /// ISO 639-3 code from whatlang ("dan", "eng", …), `None` when the text is too short to tell.
    pub lang: Option<&'static str>,
    /// What decided municipality, year and doctype (in that order), or why they stay open.
    pub evidence: Vec<Evidence>,
}

impl Identity {
    /// True when the municipality or the year rests on weak evidence.
    pub fn weak(&self) -> bool {
        self.evidence.iter().any(|e| e.weak)
    }

    /// Applies the user's answer from `corrections.csv`: it beats every other source, and the
    /// evidence says what it replaced.
    pub fn correct(&mut self, correction: &corrections::Correction, file: &str) {
        let mut replace = |field: &str, value: String| {
            let before = self.evidence.iter().position(|e| e.field == field);
            let old = before.map(|i| self.evidence.remove(i));
            let mut found =
                Evidence::decided(field, value, Source::Correction, "corrections.csv", file.to_string(), None);
            if let Some(old) = old {
                found.outweighed.push(match &old.value {
                    Some(v) => format!("{v} ({}, {})", old.source, old.signal),
                    None => format!("undecided: {}", old.undecidable.unwrap_or_default()),
                });
            }
            let at = before.unwrap_or(self.evidence.len()).min(self.evidence.len());
            self.evidence.insert(at, found);
        };
        if let Some(m) = correction.municipality {
            replace("municipality", m.name.to_string());
            self.municipality = Some((m, Source::Correction));
        }
        if let Some(y) = correction.year {
            replace("year", y.to_string());
            self.year = Some((y, Source::Correction));
        }
        if let Some(d) = correction.doctype {
            replace("doctype", d.as_str().to_string());
            self.doctype = d;
        }
    }
}

/// Identifies a document from its path relative to the corpus root, an optional manifest
/// entry for it, and its text (pages in order; only the opening pages are read).
pub fn identify(relative_path: &Path, manifest: Option<&Manifest>, pages: &[&str]) -> Identity {
    identify_with_metadata(relative_path, manifest, pages, &PdfMetadata::default())
}

/// [`identify`] with the PDF's metadata as further evidence.
///
/// Municipality: manifest > path (file name, then folders) > text and metadata weighed
/// together. Year: path (year folder, then file name) > a budget-year phrase in the title >
/// for budget documents (agreements, proposals) the budget year the body agrees on, then the
/// document's own date; for all others the document's own date, then the body's budget year >
/// the PDF's creation date, as a last resort. Doctype: file name > title text. Language: text.
pub fn identify_with_metadata(
    relative_path: &Path,
    manifest: Option<&Manifest>,
    pages: &[&str],
    metadata: &PdfMetadata,
) -> Identity {
    let path_text = relative_path.to_string_lossy();
    let file_name = relative_path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let mut evidence = Vec::with_capacity(3);

    let listed = manifest.and_then(|m| m.municipality_for(&path_text));
    let municipality = if let Some(m) = listed {
        evidence.push(Evidence::decided(
            "municipality",
            m.name.into(),
            Source::Manifest,
            "manifest",
            path_text.to_string(),
            None,
        ));
        Some((m, Source::Manifest))
    } else if let Some(m) = municipality::from_path(relative_path) {
        let mut found = Evidence::decided(
            "municipality",
            m.name.into(),
            Source::Path,
            "file or folder name",
            path_text.to_string(),
            None,
        );
        // The name decides, but a text that clearly names another municipality is worth a warning.
        if let municipality::Verdict::Decided { municipality: said, decisive, weak: false, .. } =
            municipality::weigh(pages, &metadata_texts(metadata))
        {
            if said.code != m.code {
                found.disagrees = Some(format!(
                    "the text says {} ({} \"{}\"{})",
                    said.name,
                    decisive.signal,
                    decisive.words,
                    if decisive.page > 0 { format!(" on page {}", decisive.page) } else { String::new() }
                ));
            }
        }
        evidence.push(found);
        Some((m, Source::Path))
    } else {
        match municipality::weigh(pages, &metadata_texts(metadata)) {
            municipality::Verdict::Decided { municipality, decisive, score, outweighed, weak } => {
                let source = if decisive.page == 0 { Source::Metadata } else { Source::Text };
                let page = (decisive.page > 0).then_some(decisive.page);
                let mut found = Evidence::decided(
                    "municipality",
                    municipality.name.into(),
                    source,
                    decisive.signal,
                    decisive.words,
                    page,
                );
                found.signal = format!("{} (score {score})", decisive.signal);
                found.outweighed = outweighed.iter().map(|(m, s)| format!("{} (score {s})", m.name)).collect();
                found.weak = weak;
                if weak {
                    found.signal.push_str(", the only municipality named in a case document");
                }
                evidence.push(found);
                Some((municipality, source))
            }
            municipality::Verdict::Undecided { reason } => {
                evidence.push(Evidence::undecided("municipality", reason));
                None
            }
        }
    };

    let doctype = doctype::classify(&file_name, pages);
    let year = decide_year(relative_path, pages, metadata, doctype, &mut evidence);

    let by_name = doctype::classify(&file_name, &[]);
    let (source, signal) = if by_name == doctype && doctype != DocType::Other {
        (Source::Path, "file name")
    } else {
        (Source::Text, "title")
    };
    if doctype == DocType::Other {
        evidence.push(Evidence::undecided(
            "doctype",
            "neither the file name nor the title names a kind of document".into(),
        ));
    } else {
        evidence.push(Evidence::decided("doctype", doctype.as_str().into(), source, signal, String::new(), None));
    }
    Identity { municipality, year, doctype, lang: language::detect(pages), evidence }
}

/// The metadata fields weighed with the text: title, subject, keywords, author.
fn metadata_texts(metadata: &PdfMetadata) -> Vec<&str> {
    [&metadata.title, &metadata.subject, &metadata.keywords, &metadata.author]
        .into_iter()
        .filter_map(|f| f.as_deref())
        .collect()
}

/// The year the document states: a budget year in its title; then for budget documents
/// (agreements, proposals) the budget year its opening pages agree on, else its own date; for
/// all others its own date, else the agreed budget year. A budget document is about its budget
/// year, whatever day it was signed; minutes, notes and letters belong to the day they were
/// written, whatever budget they discuss.
fn stated_year(pages: &[&str], doctype: DocType) -> Option<Evidence> {
    if let Some(y) = year::from_title(pages) {
        return Some(Evidence::decided(
            "year",
            y.to_string(),
            Source::Text,
            "budget year in the title",
            String::new(),
            Some(1),
        ));
    }
    let date = || {
        date::document_date(pages).map(|d| {
            Evidence::decided("year", d.year.to_string(), Source::Text, d.signal.describe(), d.words, Some(d.page))
        })
    };
    let body = || {
        year::from_body(pages).map(|y| {
            Evidence::decided(
                "year",
                y.to_string(),
                Source::Text,
                "budget year the opening pages agree on",
                String::new(),
                None,
            )
        })
    };
    if matches!(doctype, DocType::Agreement | DocType::Proposal) {
        body().or_else(date)
    } else {
        date().or_else(body)
    }
}

/// The year and its evidence (see [`identify_with_metadata`] for the order and why).
fn decide_year(
    relative_path: &Path,
    pages: &[&str],
    metadata: &PdfMetadata,
    doctype: DocType,
    evidence: &mut Vec<Evidence>,
) -> Option<(u16, Source)> {
    let path_text = relative_path.to_string_lossy().to_string();
    if let Some(y) = year::from_path(relative_path) {
        let mut found =
            Evidence::decided("year", y.to_string(), Source::Path, "year folder or file name", path_text, None);
        // The folder decides, but a document that states another year is worth a warning.
        if let Some(said) = stated_year(pages, doctype).filter(|s| s.value != found.value) {
            found.disagrees = Some(format!(
                "the document says {} ({}{})",
                said.value.unwrap_or_default(),
                said.signal,
                if said.words.is_empty() { String::new() } else { format!(" \"{}\"", said.words) }
            ));
        }
        evidence.push(found);
        return Some((y, Source::Path));
    }
    let found = stated_year(pages, doctype);
    let created = metadata.created_year();
    if let Some(mut found) = found {
        if let Some(c) = created.filter(|c| Some(c.to_string()) != found.value) {
            found.outweighed.push(format!("creation date {c}"));
        }
        let year = found.value.as_deref().and_then(|v| v.parse().ok());
        evidence.push(found);
        return year.map(|y| (y, Source::Text));
    }
    if let Some(c) = created {
        let mut found = Evidence::decided(
            "year",
            c.to_string(),
            Source::Metadata,
            "PDF creation date (last resort)",
            metadata.created.clone().unwrap_or_default(),
            None,
        );
        found.weak = true;
        evidence.push(found);
        return Some((c, Source::Metadata));
    }
    evidence.push(Evidence::undecided(
        "year",
        "no year folder, no budget year in the title, no dated heading, no creation date".into(),
    ));
    None
}

/// The five real Danish seed texts in `../shared/seeds/`, sorted by file name (tests only).
#[cfg(test)]
pub(crate) fn seed_texts() -> Vec<(std::path::PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("../shared/seeds beside the repo")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths.into_iter().map(|p| (p.clone(), std::fs::read_to_string(&p).expect("seed text"))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const AGREEMENT: &str = "Budgetaftale 2025–2028\nAarhus Kommune\n\nAftalen er indgået mellem \
        partierne i Aarhus Byråd. Vi styrker samarbejdet med Skanderborg og Favrskov Kommuner \
        og gør ligesom Silkeborg Kommune har gjort. Aftalen gælder for hele budgetperioden, og \
        den blev forhandlet på plads efter lange forhandlinger mellem partierne.";

    fn manifest(text: &str) -> Manifest {
        Manifest::parse(text.as_bytes(), Path::new("corpus/2025/manifest.csv")).expect("valid manifest")
    }

    #[test]
    fn text_alone_identifies_a_budget_agreement() {
        let id = identify(Path::new("dokument.pdf"), None, &[AGREEMENT]);
        assert_eq!(id.municipality.map(|(m, s)| (m.code, s)), Some((751, Source::Text)));
        assert_eq!(id.year, Some((2025, Source::Text)));
        assert_eq!(id.doctype, DocType::Agreement);
        assert_eq!(id.lang, Some("dan"));
    }

    #[test]
    fn path_beats_text_and_manifest_beats_path() {
        let path = Path::new("2024/odense-budgetaftale-2023.pdf");
        let id = identify(path, None, &[AGREEMENT]);
        assert_eq!(id.municipality.map(|(m, s)| (m.name, s)), Some(("Odense", Source::Path)));
        assert_eq!(id.year, Some((2024, Source::Path)), "the year folder wins over the file name");

        let listed = manifest("file,municipality\nodense-budgetaftale-2023.pdf,Vejle\n");
        let id = identify(path, Some(&listed), &[AGREEMENT]);
        assert_eq!(id.municipality.map(|(m, s)| (m.name, s)), Some(("Vejle", Source::Manifest)));

        let unlisted = manifest("file,municipality\nandet.pdf,Vejle\n");
        let id = identify(path, Some(&unlisted), &[AGREEMENT]);
        assert_eq!(id.municipality.map(|(m, s)| (m.name, s)), Some(("Odense", Source::Path)));
    }

    #[test]
    fn a_name_that_the_text_contradicts_is_flagged() {
        let id = identify(Path::new("2024/odense-budgetaftale.pdf"), None, &[AGREEMENT]);
        let said = |field: &str| id.evidence.iter().find(|e| e.field == field).and_then(|e| e.disagrees.clone());
        assert_eq!(id.municipality.map(|(m, _)| m.name), Some("Odense"), "the name still decides");
        assert!(
            said("municipality").is_some_and(|s| s.starts_with("the text says Aarhus (title")),
            "{:?}",
            id.evidence
        );
        assert_eq!(said("year").as_deref(), Some("the document says 2025 (budget year in the title)"));
        let agreeing = identify(Path::new("2025/aarhus-budgetaftale.pdf"), None, &[AGREEMENT]);
        assert!(agreeing.evidence.iter().all(|e| e.disagrees.is_none()), "{:?}", agreeing.evidence);
    }

    #[test]
    fn file_name_year_and_kind() {
        let id = identify(Path::new("bilag-3-aarhus-budget-2026.pdf"), None, &[AGREEMENT]);
        assert_eq!(id.year, Some((2026, Source::Path)));
        assert_eq!(id.doctype, DocType::Appendix);
    }

    #[test]
    fn nothing_to_go_on() {
        let id = identify(Path::new("scan.pdf"), None, &[]);
        assert_eq!(id.municipality, None);
        assert_eq!(id.year, None);
        assert_eq!(id.doctype, DocType::Other);
        assert_eq!(id.lang, None);
    }

    #[test]
    fn hostile_text_neither_panics_nor_claims_anything() {
        let hyphens = "-\n".repeat(200_000);
        let marks = "a\u{30a}\u{30a}\u{ad}".repeat(100_000);
        let digits = "7".repeat(1_000_000);
        let split = "Køben\u{ad}-\n\n\n-havns";
        let pages = [hyphens.as_str(), marks.as_str(), digits.as_str(), split, "\u{feff}\0"];
        let id = identify(Path::new("../../\u{0}/x.y.z"), None, &pages);
        assert_eq!(id.municipality, None);
        assert_eq!(id.year, None);
        assert_eq!(id.doctype, DocType::Other);
    }

    #[test]
    fn sources_serialize_lowercase() {
        let json = serde_json::to_string(&[
            Source::Manifest,
            Source::Path,
            Source::Text,
            Source::Metadata,
            Source::Correction,
        ]);
        assert_eq!(json.ok().as_deref(), Some(r#"["manifest","path","text","metadata","correction"]"#));
    }
}
