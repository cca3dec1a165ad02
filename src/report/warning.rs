//! The warning every report format puts next to its numbers when documents are left out:
//! every unresolved or unreadable document makes some "N of M" smaller than it should be, so
//! the report says how many, why, and what fixes it — never only in a small provenance line.

use super::Provenance;

/// The sentence to show, in Danish (`lang` "da") or English; `None` when every document counts.
pub fn not_counted(source: &Provenance, lang: &str) -> Option<String> {
    let total = source.unresolved + source.failed;
    if total == 0 {
        return None;
    }
    let unknown_year = source.unresolved.saturating_sub(source.unresolved_municipality);
    let corpus = if source.corpus.is_empty() { "corpus" } else { source.corpus.as_str() };
    let text = if lang == "en" {
        let mut reasons = Vec::new();
        if source.unresolved_municipality > 0 {
            reasons.push(format!("{} with no known municipality", source.unresolved_municipality));
        }
        if unknown_year > 0 {
            reasons.push(format!("{unknown_year} with no known year"));
        }
        if source.failed > 0 {
            reasons.push(format!("{} that could not be read", source.failed));
        }
        format!(
            "WARNING: {total} document{} not counted ({}), so some \"N of M\" are too small. \
             Fix: fill in municipality/year in {} and run `kommunsk ingest {corpus}` again \
             (`kommunsk identify FILE` shows why a document is undecided).",
            if total == 1 { " is" } else { "s are" },
            reasons.join(", "),
            corrections_hint(corpus)
        )
    } else {
        let mut reasons = Vec::new();
        if source.unresolved_municipality > 0 {
            reasons.push(format!("{} uden kendt kommune", source.unresolved_municipality));
        }
        if unknown_year > 0 {
            reasons.push(format!("{unknown_year} uden kendt år"));
        }
        if source.failed > 0 {
            reasons.push(format!("{} kunne ikke læses", source.failed));
        }
        format!(
            "ADVARSEL: {total} dokument{} er ikke talt med ({}), så nogle \"N ud af M\" er for små. \
             Ret: udfyld kommune/år i {} og kør `kommunsk ingest {corpus}` igen \
             (`kommunsk identify FIL` viser hvorfor et dokument er uafgjort).",
            if total == 1 { "" } else { "er" },
            reasons.join(", "),
            corrections_hint(corpus)
        )
    };
    Some(text)
}

/// Where the user writes what kommunsk could not decide.
fn corrections_hint(corpus: &str) -> String {
    format!("{}", crate::ingest::corrections_path(std::path::Path::new(corpus)).display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_to_say_when_everything_counts() {
        assert_eq!(not_counted(&Provenance::default(), "da"), None);
    }

    #[test]
    fn says_how_many_why_and_the_fix() {
        let source = Provenance {
            corpus: "budgetter".into(),
            unresolved: 3,
            unresolved_municipality: 2,
            failed: 1,
            ..Default::default()
        };
        let da = not_counted(&source, "da").unwrap_or_default();
        assert!(
            da.starts_with(
                "ADVARSEL: 4 dokumenter er ikke talt med (2 uden kendt kommune, 1 uden kendt år, 1 kunne ikke læses)"
            ),
            "{da}"
        );
        assert!(da.contains("kommunsk ingest budgetter"), "{da}");
        assert!(da.contains("corrections.csv"), "{da}");
        let en = not_counted(&source, "en").unwrap_or_default();
        assert!(en.starts_with("WARNING: 4 documents are not counted (2 with no known municipality, 1 with no known year, 1 that could not be read)"), "{en}");
        let one = Provenance { unresolved: 1, unresolved_municipality: 1, ..Default::default() };
        assert!(not_counted(&one, "da")
            .unwrap_or_default()
            .starts_with("ADVARSEL: 1 dokument er ikke talt med (1 uden kendt kommune)"));
    }
}
