//! The date a document gives itself — for minutes, agendas, notes and letters, the year they
//! belong to. Only places where a document states its own date count, strongest first:
//!
//! 1. a labelled date: "Dato: 20.11.2012", "Mødedato: 4. december 2012", e-mail headers
//!    "Sendt:" / "Sent:" (a letterhead field says exactly this);
//! 2. a meeting date with its weekday: "tirsdag den 4. december 2012" (minutes and agendas
//!    open with when the meeting was held; nobody writes the weekday of a date in passing);
//! 3. a decision date: "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012" (the
//!    last one, the meeting the minutes are from);
//! 4. a full date in the title block: "Godkendt af byrådet, Syddjurs Kommune den 30. april 2009".
//!
//! Any other date is a year in passing ("Konference den 23. januar 2012", "regnskab 2011") and
//! is never used.

use std::sync::LazyLock;

use regex::Regex;

use super::sample;

/// Years a document date may have.
const YEARS: std::ops::RangeInclusive<u16> = 2000..=2099;
/// Non-blank lines at the top of the first page read as the title block.
const TITLE_LINES: usize = 10;

/// Danish and English month names and their abbreviations.
const MONTHS: &str = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december\
    |january|february|march|may|june|july|october|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec";

/// A full date with its year in the group `y`: "4. december 2012", "4.december 2012",
/// "04.12.2012", "20-06-2013", "2012-12-04", "December 04, 2012".
fn date_pattern() -> String {
    format!(
        r"(?:\b[0-3]?\d\.?\s*(?:{MONTHS})\.?\s+(?P<y1>\d{{4}})\b|\b[0-3]?\d[./-][01]?\d[./-](?P<y2>\d{{4}})\b|\b(?P<y3>\d{{4}})-[01]\d-[0-3]\d\b|\b(?:{MONTHS})\.?\s+[0-3]?\d,?\s+(?P<y4>\d{{4}})\b)"
    )
}

/// Which kind of statement gave the date (see the module docs), strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSignal {
    Labelled,
    Meeting,
    Decision,
    TitleBlock,
}

impl DateSignal {
    pub fn describe(self) -> &'static str {
        match self {
            DateSignal::Labelled => "labelled date",
            DateSignal::Meeting => "meeting date with weekday",
            DateSignal::Decision => "decision date",
            DateSignal::TitleBlock => "date in the title block",
        }
    }
}

/// A document date found: its year, the signal, the words, and the page (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentDate {
    pub year: u16,
    pub signal: DateSignal,
    pub words: String,
    pub page: usize,
}

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?im)^[ \t]*(?:dato|mødedato|møde\s+dato|date|sendt|sent|afsendt)[ \t]*:?\s*(?:[a-zæøå]+,?[ \t]+)?(?:den[ \t]+|d\.[ \t]*)?{}",
        date_pattern()
    ))
    .expect("constant regex")
});

static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:,)?\s+(?:den\s+|d\.\s*)?{}",
        date_pattern()
    ))
    .expect("constant regex")
});

static DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\bbeslutning\b[^\n]{{0,100}}?\bden\s+{}", date_pattern())).expect("constant regex")
});

/// A date as a title-block statement: "… den 30. april 2009", "d. 4/12 2012", or a line that
/// is a date alone (optionally after a place: "Aarhus, 4. december 2012"). A date inside
/// other text ("…/Dagsorden/04-12-2012 13:00:00") is not the document's.
static TITLE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?im)(?:\b(?P<den>den|d\.)[ \t]*|^[ \t]*(?:[a-zæøå]+,[ \t]*)?){}(?P<alone>[ \t]*$)?",
        date_pattern()
    ))
    .expect("constant regex")
});

/// The year of a date match.
fn year_of(captures: &regex::Captures) -> Option<u16> {
    ["y1", "y2", "y3", "y4"]
        .iter()
        .find_map(|name| captures.name(name))
        .and_then(|m| m.as_str().parse().ok())
        .filter(|year| YEARS.contains(year))
}

/// The document's own date (see the module docs), reading the opening pages.
pub fn document_date(pages: &[&str]) -> Option<DocumentDate> {
    let sampled: Vec<&str> = sample::pages(pages).collect();
    let first = |regex: &Regex, signal| {
        sampled.iter().enumerate().find_map(|(index, page)| {
            regex.captures_iter(page).find_map(|c| {
                let year = year_of(&c)?;
                Some(DocumentDate { year, signal, words: one_line(c.get(0)?.as_str()), page: index + 1 })
            })
        })
    };
    // The last decision on the opening pages: earlier ones are the case's history.
    let last_decision = || {
        sampled.iter().enumerate().rev().find_map(|(index, page)| {
            DECISION
                .captures_iter(page)
                .filter_map(|c| Some((year_of(&c)?, c.get(0)?.as_str().to_string())))
                .last()
                .map(|(year, words)| DocumentDate {
                    year,
                    signal: DateSignal::Decision,
                    words: one_line(&words),
                    page: index + 1,
                })
        })
    };
    let title_block = || {
        let title = sample::opening_lines(pages.get(..1).unwrap_or_default(), TITLE_LINES);
        let statement = |c: &regex::Captures| c.name("den").is_some() || c.name("alone").is_some();
        TITLE_DATE.captures_iter(&title).filter(statement).find_map(|c| {
            Some(DocumentDate {
                year: year_of(&c)?,
                signal: DateSignal::TitleBlock,
                words: one_line(c.get(0)?.as_str()),
                page: 1,
            })
        })
    };
    first(&LABELLED, DateSignal::Labelled)
        .or_else(|| first(&MEETING, DateSignal::Meeting))
        .or_else(last_decision)
        .or_else(title_block)
}

/// Matched words on one line, as shown in evidence.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(text: &str) -> Option<(u16, DateSignal)> {
        document_date(&[text]).map(|d| (d.year, d.signal))
    }

    #[test]
    fn labelled_dates_from_real_letterheads() {
        // ../shared/realworld/pdf/1552814.PDF (running header of Ballerup's minutes).
        let minutes = "Sundheds- og Forebyggelsesudvalget\nReferat\nÅbent referat\nDato: 04.12.2012\nSide 1";
        assert_eq!(year(minutes), Some((2012, DateSignal::Labelled)));
        // 1548227.PDF and 1548303.PDF (Ballerup notes).
        assert_eq!(
            year("SOCIAL, SUNDHED OG\nBESKÆFTIGELSE\n\nDato: 20. november 2012\n"),
            Some((2012, DateSignal::Labelled))
        );
        assert_eq!(year("Dato: 4.december 2012\n\nTlf. dir.: 44773549"), Some((2012, DateSignal::Labelled)));
        assert_eq!(year("Mødedato:\n12-03-2024\nSted: Rådhuset"), Some((2024, DateSignal::Labelled)));
        assert_eq!(
            year("From: A\nSent: Tuesday, December 04, 2012 10:12 AM\nTo: B"),
            Some((2012, DateSignal::Labelled))
        );
        assert_eq!(year("Fra: A\nSendt: 4. december 2012 10:12\nTil: B"), Some((2012, DateSignal::Labelled)));
    }

    #[test]
    fn meeting_dates_carry_their_weekday() {
        // 1552814.PDF, Ekstraordinært PUK.pdf, 1546728.PDF.
        assert_eq!(
            year("Sundheds- og Forebyggelsesudvalget\ntirsdag den 4. december 2012, kl. 13:00"),
            Some((2012, DateSignal::Meeting))
        );
        assert_eq!(year("Ekstraordinært PUK\nTorsdag den 20. juni 2013\nKl. 10:30"), Some((2013, DateSignal::Meeting)));
        assert_eq!(
            year("Konference\n\nMandag d. 10. december 2012, DGI Byens konferencecenter"),
            Some((2012, DateSignal::Meeting))
        );
        // 1546399.PDF: a weekday without a year says nothing.
        assert_eq!(year("Onsdag den 23. januar kl. 16.30-19.00"), None);
    }

    #[test]
    fn the_last_decision_dates_minutes() {
        // 1552822.PDF: an agenda item that names an earlier meeting first.
        let item = "3. Kvalitetsstandarder\n\nSagsnr.: 2012-31114\n\nSammendrag\nx\ny\nz\nv\nw\nq\nr\n\
            Kommunalbestyrelsen den 30. januar 2011 Punkt 5\n\
            Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3\nIndstilles til godkendelse";
        assert_eq!(year(item), Some((2012, DateSignal::Decision)));
        let puk = "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 10-04-2013\nx\n\
            Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2014";
        assert_eq!(year(puk), Some((2014, DateSignal::Decision)));
    }

    #[test]
    fn a_date_in_the_title_block() {
        // "Politik for Kultur og Fritid …, Godkendt af byrådet 300409.pdf".
        let policy = "1 of 13\n\nPolitik\nfor\nKultur og Fritid -\nLokalt engagement.\n\n\
            Godkendt af byrådet, Syddjurs Kommune den 30. april 2009";
        assert_eq!(year(policy), Some((2009, DateSignal::TitleBlock)));
    }

    #[test]
    fn a_title_date_is_a_statement_not_a_path() {
        assert_eq!(year("Budgetnotat\nAarhus, 4. december 2012\n"), Some((2012, DateSignal::TitleBlock)));
        assert_eq!(year("Notat\n12.03.2024\n"), Some((2024, DateSignal::TitleBlock)));
        // os2web_edoc_modul_setup.pdf: a folder name in a setup guide.
        assert_eq!(year("Opsætning\nsådan her ud: ../files/sbsys/Dagsorden/04-12-2012 13:00:00"), None);
    }

    #[test]
    fn dates_in_passing_are_not_the_documents() {
        let body = format!("{}\nKonference den 23. januar 2012 om det nære sundhedsvæsen.", "Linje\n".repeat(12));
        assert_eq!(year(&body), None);
        assert_eq!(year("Dato for workshop fastsættes i juni 2012"), None);
        assert_eq!(year("Dato: 04.12.1850"), None);
        assert_eq!(year(""), None);
    }
}
