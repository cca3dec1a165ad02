//! The words of the web pages, Danish by default and English with `?lang=en`. Words the report
//! also uses (municipality, year, region, page, topic, mentions, evidence) are taken from
//! [`crate::report::labels`], so the browser and every report format say the same.

use crate::identify::DocType;
use crate::report::labels::{DANISH as REPORT_DA, ENGLISH as REPORT_EN};

pub struct Words {
    pub lang: &'static str,
    pub topic: &'static str,
    pub search: &'static str,
    pub report: &'static str,
    pub query_placeholder: &'static str,
    pub page: &'static str,
    pub pages: &'static str,
    pub pages_match: &'static str,
    pub no_hits: &'static str,
    pub bad_query: &'static str,
    pub municipality: &'static str,
    pub year: &'static str,
    pub region: &'static str,
    pub doctype: &'static str,
    pub all: &'static str,
    pub remove_filter: &'static str,
    pub next: &'static str,
    pub previous: &'static str,
    pub show: &'static str,
    pub identity: &'static str,
    pub file: &'static str,
    pub language: &'static str,
    pub why: &'static str,
    pub why_unrecorded: &'static str,
    pub unresolved: &'static str,
    pub page_text: &'static str,
    pub of_pages: &'static str,
    pub needs_js: &'static str,
    pub not_found: &'static str,
    pub evidence: &'static str,
    pub mentions: &'static str,
    pub other_lang: &'static str,
    pub other_lang_name: &'static str,
    pub error: &'static str,
}

const DANISH: Words = Words {
    lang: "da",
    topic: REPORT_DA.topic,
    search: "Søg",
    report: "Rapport",
    query_placeholder: "fx digitaliseringsstrategi, \"kunstig intelligens\", klima*",
    page: REPORT_DA.page,
    pages: "sider",
    pages_match: "sider matcher",
    no_hits: "Ingen sider matcher søgningen.",
    bad_query: "Søgningen kunne ikke forstås",
    municipality: REPORT_DA.municipality,
    year: REPORT_DA.year,
    region: REPORT_DA.region,
    doctype: "Dokumenttype",
    all: "alle",
    remove_filter: "fjern filter",
    next: "Næste",
    previous: "Forrige",
    show: "Vis",
    identity: "Dokumentet",
    file: "Fil",
    language: "Sprog",
    why: "Identificeret ud fra",
    why_unrecorded:
        "manifest.csv, filnavnet eller dokumentets første sider (i den rækkefølge); indekset gemmer ikke hvilket",
    unresolved: "Ukendt (tælles ikke med)",
    page_text: "Sidens tekst",
    of_pages: "af",
    needs_js: "PDF-visningen kræver JavaScript; sidens tekst står ved siden af.",
    not_found: "Findes ikke",
    evidence: REPORT_DA.evidence,
    mentions: REPORT_DA.mention_many,
    other_lang: "en",
    other_lang_name: "English",
    error: "Fejl",
};

const ENGLISH: Words = Words {
    lang: "en",
    topic: REPORT_EN.topic,
    search: "Search",
    report: "Report",
    query_placeholder: "e.g. digitaliseringsstrategi, \"kunstig intelligens\", klima*",
    page: REPORT_EN.page,
    pages: "pages",
    pages_match: "pages match",
    no_hits: "No pages match the search.",
    bad_query: "The search could not be understood",
    municipality: REPORT_EN.municipality,
    year: REPORT_EN.year,
    region: REPORT_EN.region,
    doctype: "Document type",
    all: "all",
    remove_filter: "remove filter",
    next: "Next",
    previous: "Previous",
    show: "Show",
    identity: "The document",
    file: "File",
    language: "Language",
    why: "Identified from",
    why_unrecorded:
        "manifest.csv, the file name or the document's opening pages (in that order); the index does not record which",
    unresolved: "Unknown (not counted)",
    page_text: "Text of the page",
    of_pages: "of",
    needs_js: "The PDF view needs JavaScript; the page's text is beside it.",
    not_found: "Not found",
    evidence: REPORT_EN.evidence,
    mentions: REPORT_EN.mention_many,
    other_lang: "da",
    other_lang_name: "Dansk",
    error: "Error",
};

pub fn words(lang: &str) -> &'static Words {
    if lang == "en" {
        &ENGLISH
    } else {
        &DANISH
    }
}

/// A document type as the reader's language names it.
pub fn doctype_name(doctype: &str, lang: &str) -> String {
    match (doctype.parse::<DocType>(), lang) {
        (Ok(d), "da") => d.danish().to_string(),
        (Ok(d), _) => d.as_str().to_string(),
        (Err(_), _) => doctype.to_string(),
    }
}
