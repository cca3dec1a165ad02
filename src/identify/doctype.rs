//! What kind of document it is: budget agreement, proposal, appendix, agenda/minutes, report —
//! from the file name first, then from the first classifying word of the title block.

use std::fmt;
use std::str::FromStr;

use super::fold::{fold, tokenize, Token};
use super::sample;

/// Non-blank lines at the top of the document read for its kind; the kind word may follow a
/// logo block or a mission statement ("Mission … Vision … DAGSORDEN 2024").
const TITLE_LINES: usize = 15;

/// The kind of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocType {
    /// Budgetaftale / budgetforlig: the political agreement on the budget.
    Agreement,
    /// Investerings-, effektiviserings-, innovations- or budgetforslag.
    Proposal,
    /// Bilag: an attachment to another document.
    Appendix,
    /// Dagsorden or referat of a meeting.
    Agenda,
    /// Rapport, analyse, redegørelse, årsrapport.
    Report,
    /// Anything else.
    Other,
}

impl DocType {
    /// All kinds, in declaration order.
    pub const ALL: [DocType; 6] =
        [DocType::Agreement, DocType::Proposal, DocType::Appendix, DocType::Agenda, DocType::Report, DocType::Other];

    /// The stable lowercase name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Agreement => "agreement",
            DocType::Proposal => "proposal",
            DocType::Appendix => "appendix",
            DocType::Agenda => "agenda",
            DocType::Report => "report",
            DocType::Other => "other",
        }
    }

    /// The Danish word for the kind, also accepted by [`FromStr`].
    pub fn danish(self) -> &'static str {
        match self {
            DocType::Agreement => "aftale",
            DocType::Proposal => "forslag",
            DocType::Appendix => "bilag",
            DocType::Agenda => "dagsorden",
            DocType::Report => "rapport",
            DocType::Other => "andet",
        }
    }
}

impl fmt::Display for DocType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A text that names no document kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown document type {0:?} (expected agreement, proposal, appendix, agenda, report or other)")]
pub struct UnknownDocType(pub String);

impl FromStr for DocType {
    type Err = UnknownDocType;

    /// Accepts the English names and the Danish words (aftale, forslag, bilag, dagsorden,
    /// referat, rapport, andet), in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = fold(s.trim());
        let found = DocType::ALL
            .into_iter()
            .find(|kind| key == kind.as_str() || key == fold(kind.danish()))
            .or_else(|| (key == "referat").then_some(DocType::Agenda));
        found.ok_or_else(|| UnknownDocType(s.to_string()))
    }
}

/// Classifies a document by its file name, then by its opening text; [`DocType::Other`] when
/// neither says.
pub fn classify(file_name: &str, pages: &[&str]) -> DocType {
    from_file_name(file_name).or_else(|| from_text(pages)).unwrap_or(DocType::Other)
}

/// The kind a file name gives, checked in this order: "bilag" anywhere (an appendix to an
/// agreement is still an appendix), agreement (budgetaftale, budgetforlig, aftale — but not
/// the plural "budgetaftaler", which names a collection or a study of many), proposal
/// (…forslag), agenda (dagsorden, referat), report (rapport, analyse, redegørelse).
pub fn from_file_name(file_name: &str) -> Option<DocType> {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem);
    let words: Vec<String> = tokenize(stem).into_iter().map(|t| t.key).collect();
    let has = |stems: &[&str]| words.iter().any(|w| stems.iter().any(|s| w.contains(&fold(s))));
    let agreement = words.iter().any(|w| is_agreement_word(w));
    if has(&["bilag"]) {
        Some(DocType::Appendix)
    } else if agreement {
        Some(DocType::Agreement)
    } else if has(&["forslag"]) {
        Some(DocType::Proposal)
    } else if has(&["dagsorden", "referat"]) {
        Some(DocType::Agenda)
    } else if has(&["rapport", "analyse", "redegørelse"]) {
        Some(DocType::Report)
    } else {
        None
    }
}

/// The kind the title block gives: the first word in it that classifies decides, so an
/// agreement that later says "se bilag 2" stays an agreement. "Bilag" counts only where it
/// opens a line ("Bilag 4. Proces …"); plain "aftale" only as "aftale om budget…".
pub fn from_text(pages: &[&str]) -> Option<DocType> {
    let title = sample::opening_lines(pages, TITLE_LINES);
    let tokens = tokenize(&title);
    tokens.iter().enumerate().find_map(|(i, token)| {
        let previous = i.checked_sub(1).and_then(|p| tokens.get(p));
        word_kind(token, previous, tokens.get(i + 1..i + 3).unwrap_or_default())
    })
}

/// A (folded) word naming one agreement: "aftale", "budgetaftalen", "budgetforlig" — not
/// the plural "budgetaftaler", which names many (a study of them, a collection).
fn is_agreement_word(word: &str) -> bool {
    (word.contains("aftale") && !word.contains("aftaler")) || word.contains("forlig")
}

/// The kind one title word signals, given the word before it and the two after it.
fn word_kind(token: &Token, previous: Option<&Token>, next: &[Token]) -> Option<DocType> {
    let word = token.key.as_str();
    let has = |stems: &[&str]| stems.iter().any(|s| word.contains(&fold(s)));
    let opens_line = previous.is_none_or(|p| p.line != token.line);
    let about_budget = matches!(next, [om, budget] if om.key == "om" && budget.key.starts_with("budget"));
    if word == "bilag" && opens_line {
        Some(DocType::Appendix)
    } else if (is_agreement_word(word) && word.contains("budget")) || (word.starts_with("aftale") && about_budget) {
        Some(DocType::Agreement)
    } else if has(&["forslag"]) {
        Some(DocType::Proposal)
    } else if word.starts_with("dagsorden") || word.starts_with("referat") {
        Some(DocType::Agenda)
    } else if has(&["rapport", "analyse", "redegørelse"]) {
        Some(DocType::Report)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_danish_words_parse() {
        for kind in DocType::ALL {
            assert_eq!(kind.as_str().parse::<DocType>(), Ok(kind));
            assert_eq!(kind.danish().parse::<DocType>(), Ok(kind));
        }
        assert_eq!("Aftale".parse::<DocType>(), Ok(DocType::Agreement));
        assert_eq!("forslag".parse::<DocType>(), Ok(DocType::Proposal));
        assert_eq!("BILAG".parse::<DocType>(), Ok(DocType::Appendix));
        assert_eq!("dagsorden".parse::<DocType>(), Ok(DocType::Agenda));
        assert_eq!("referat".parse::<DocType>(), Ok(DocType::Agenda));
        assert_eq!("rapport".parse::<DocType>(), Ok(DocType::Report));
        assert_eq!(" report ".parse::<DocType>(), Ok(DocType::Report));
        assert_eq!("budget".parse::<DocType>(), Err(UnknownDocType("budget".into())));
    }

    #[test]
    fn serde_uses_the_lowercase_names() {
        assert_eq!(serde_json::to_string(&DocType::Appendix).ok().as_deref(), Some(r#""appendix""#));
        assert_eq!(serde_json::from_str::<DocType>(r#""agenda""#).ok(), Some(DocType::Agenda));
        assert_eq!(DocType::Other.to_string(), "other");
    }

    #[test]
    fn file_names() {
        let kind = |name| from_file_name(name);
        assert_eq!(kind("aarhus-budgetaftale-2025.pdf"), Some(DocType::Agreement));
        assert_eq!(kind("Budgetaftale_2025_Koebenhavns_Kommune.pdf"), Some(DocType::Agreement));
        assert_eq!(kind("budgetforlig-2025.pdf"), Some(DocType::Agreement));
        assert_eq!(kind("751_aftale.pdf"), Some(DocType::Agreement));
        assert_eq!(kind("bilag-3-budgetaftale-2025.pdf"), Some(DocType::Appendix));
        assert_eq!(kind("Bilag_4.pdf"), Some(DocType::Appendix));
        assert_eq!(kind("investeringsforslag-2025.pdf"), Some(DocType::Proposal));
        assert_eq!(kind("effektiviseringsforslag.pdf"), Some(DocType::Proposal));
        assert_eq!(kind("innovationsforslag.pdf"), Some(DocType::Proposal));
        assert_eq!(kind("dagsorden-byraad-2024-09.pdf"), Some(DocType::Agenda));
        assert_eq!(kind("referat.pdf"), Some(DocType::Agenda));
        assert_eq!(kind("aarsrapport-2024.pdf"), Some(DocType::Report));
        assert_eq!(kind("analyse-af-budgetter.pdf"), Some(DocType::Report));
        assert_eq!(kind("redegoerelse.pdf"), Some(DocType::Report));
        assert_eq!(kind("aarhus-2025.pdf"), None);
        assert_eq!(kind("influenter-budgetaftaler-2025.pdf"), None, "a study of many agreements");
        assert_eq!(kind("Budgetaftalen 2025.pdf"), Some(DocType::Agreement));
    }

    #[test]
    fn title_text() {
        let kind = |text| from_text(&[text]);
        assert_eq!(kind("Budgetaftale 2025\nAarhus Kommune\nSe bilag 2"), Some(DocType::Agreement));
        assert_eq!(kind("Aftale om budget 2025\nmellem partierne"), Some(DocType::Agreement));
        assert_eq!(kind("Aftale om busdrift"), None, "plain 'aftale' is not a budget agreement");
        assert_eq!(kind("Budget 2025\nAftalen henviser til bilag 3"), None);
        assert_eq!(kind("Bilag 3\nBudgetaftale 2025 – tekniske ændringer"), Some(DocType::Appendix));
        assert_eq!(kind("Investeringsforslag\nBedre velfærd"), Some(DocType::Proposal));
        assert_eq!(kind("Årsrapport 2024"), Some(DocType::Report));
        assert_eq!(kind("Redegørelse for økonomien"), Some(DocType::Report));
        assert_eq!(kind("REFERAT\nByrådets møde"), Some(DocType::Agenda));
        assert_eq!(kind("Budget 2025"), None);
        assert_eq!(
            kind("Influenter · Kommunernes budgetaftaler 2025\nAnalyse af de kommunale budgetaftaler"),
            Some(DocType::Report),
            "a study of many agreements"
        );
        assert_eq!(classify("x.pdf", &["Budget 2025"]), DocType::Other);
        assert_eq!(classify("bilag-3-x.pdf", &["Budgetaftale 2025"]), DocType::Appendix);
    }

    #[test]
    fn seeds() {
        let kinds: Vec<Option<DocType>> =
            crate::identify::seed_texts().iter().map(|(_, text)| from_text(&[text])).collect();
        use DocType::*;
        // Bilag 6, Bilag 4, a consultancy's analysis, an efficiency proposal, KKR's agenda.
        assert_eq!(kinds, [Some(Appendix), Some(Appendix), Some(Report), Some(Proposal), Some(Agenda)]);
    }
}
