//! The words reports are written in, Danish by default and English with `--lang en`.

/// Every fixed phrase a report uses.
#[derive(Debug, Clone, Copy)]
pub struct Labels {
    pub title: &'static str,
    pub synthetic: &'static str,
    pub corpus: &'static str,
    pub index: &'static str,
    pub topics_file: &'static str,
    pub years: &'static str,
    pub doctypes: &'static str,
    pub documents: &'static str,
    pub unresolved: &'static str,
    pub failed: &'static str,
    pub topic: &'static str,
    pub change: &'static str,
    pub out_of: &'static str,
    pub municipalities: &'static str,
    pub municipality: &'static str,
    pub code: &'static str,
    pub region: &'static str,
    pub year: &'static str,
    pub mentions: &'static str,
    pub newly: &'static str,
    pub stopped: &'static str,
    pub mention: &'static str,
}

const DANISH: Labels = Labels {
    title: "Emner i kommunernes budgetdokumenter",
    synthetic: "SYNTETISK PRØVEKORPUS — opdigtede dokumenter, ikke rigtige kommunale budgetaftaler",
    corpus: "Korpus",
    index: "Indeks",
    topics_file: "Emneliste",
    years: "År",
    doctypes: "Dokumenttyper",
    documents: "Dokumenter talt",
    unresolved: "Udeladt (kommune eller år ukendt)",
    failed: "Kunne ikke læses",
    topic: "Emne",
    change: "Ændring",
    out_of: "ud af",
    municipalities: "kommuner",
    municipality: "Kommune",
    code: "Kode",
    region: "Region",
    year: "År",
    mentions: "Omtaler",
    newly: "Nye",
    stopped: "Ophørt",
    mention: "nævner",
};

const ENGLISH: Labels = Labels {
    title: "Topics in the municipalities' budget documents",
    synthetic: "SYNTHETIC SAMPLE CORPUS — invented documents, not real municipal budget agreements",
    corpus: "Corpus",
    index: "Index",
    topics_file: "Topic file",
    years: "Years",
    doctypes: "Document types",
    documents: "Documents counted",
    unresolved: "Left out (municipality or year unknown)",
    failed: "Could not be read",
    topic: "Topic",
    change: "Change",
    out_of: "of",
    municipalities: "municipalities",
    municipality: "Municipality",
    code: "Code",
    region: "Region",
    year: "Year",
    mentions: "Mentions",
    newly: "New",
    stopped: "Stopped",
    mention: "mention",
};

impl Labels {
    /// English for "en", Danish for anything else.
    pub fn for_lang(lang: &str) -> &'static Labels {
        if lang == "en" {
            &ENGLISH
        } else {
            &DANISH
        }
    }
}
