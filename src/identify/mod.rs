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

pub mod doctype;
pub mod fold;
pub mod language;
pub mod manifest;
pub mod municipality;
pub mod registry;
pub mod sample;
pub mod year;

use std::path::Path;

pub use doctype::DocType;
pub use manifest::Manifest;
pub use registry::{Municipality, Region};

/// Where a fact about a document came from (shown in `ingest --json` and the report's notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Manifest,
    Path,
    Text,
}

/// Everything `identify` could say about one document.
#[derive(Debug, Clone)]
pub struct Identity {
    /// Whose document it is; `None` when nothing says so clearly.
    pub municipality: Option<(&'static Municipality, Source)>,
    /// The budget year it is about; `None` rather than a guess from random dates.
    pub year: Option<(u16, Source)>,
    /// What kind of document it is ([`DocType::Other`] when nothing says).
    pub doctype: DocType,
    /// ISO 639-3 code from whatlang ("dan", "eng", …), `None` when the text is too short to tell.
    pub lang: Option<&'static str>,
}

/// Identifies a document from its path relative to the corpus root, an optional manifest
/// entry for it, and its text (pages in order; only the opening pages are read).
///
/// Municipality: manifest > path (file name, then folders) > text. Year: path (year folder,
/// then file name) > text. Doctype: file name > title text. Language: text.
pub fn identify(relative_path: &Path, manifest: Option<&Manifest>, pages: &[&str]) -> Identity {
    let path_text = relative_path.to_string_lossy();
    let municipality = manifest
        .and_then(|m| m.municipality_for(&path_text))
        .map(|m| (m, Source::Manifest))
        .or_else(|| municipality::from_path(relative_path).map(|m| (m, Source::Path)))
        .or_else(|| municipality::from_text(pages).map(|m| (m, Source::Text)));
    let year = year::from_path(relative_path)
        .map(|y| (y, Source::Path))
        .or_else(|| year::from_text(pages).map(|y| (y, Source::Text)));
    let file_name = relative_path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    Identity { municipality, year, doctype: doctype::classify(&file_name, pages), lang: language::detect(pages) }
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
        let json = serde_json::to_string(&[Source::Manifest, Source::Path, Source::Text]);
        assert_eq!(json.ok().as_deref(), Some(r#"["manifest","path","text"]"#));
    }
}
