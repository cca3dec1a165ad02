//! Identification's reasons in the reader's language. Identification writes its signals and
//! reasons in English (`kommunsk identify`, the correction file, the index); the document page
//! is Danish by default, so it says them in Danish: a fixed set of signal names, and the few
//! sentences identification composes, matched by their shape. A text not known here is shown as
//! identification wrote it — English, never wrong — and a test over the real documents in
//! `../shared/realworld` and the sample corpus keeps every reason they produce translated.

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// Signal names (identify's `Evidence::signal` without its suffixes) in Danish.
const SIGNALS: &[(&str, &str)] = &[
    ("title", "titel"),
    ("body", "brødtekst"),
    ("running header/footer", "gennemgående sidehoved/sidefod"),
    ("town hall", "rådhus"),
    ("town hall address", "rådhusets adresse"),
    ("postal address", "postadresse"),
    ("e-mail/web domain", "e-mail-/webdomæne"),
    ("metadata", "PDF-metadata"),
    ("file name", "filnavn"),
    ("file or folder name", "fil- eller mappenavn"),
    ("year folder or file name", "årstalsmappe eller filnavn"),
    ("year folder", "årstalsmappe"),
    ("budget year in the title", "budgetår i titlen"),
    ("labelled date", "dato ud for »Dato:«"),
    ("meeting date with weekday", "mødedato med ugedag"),
    ("decision date", "beslutningsdato"),
    ("date in the title block", "dato i titelblokken"),
    ("PDF creation date (last resort)", "PDF'ens oprettelsesdato (sidste udvej)"),
    ("manifest", "manifest"),
];

/// Reasons identification states as whole sentences.
const SENTENCES: &[(&str, &str)] = &[
    ("no municipality named", "ingen kommune nævnt"),
    (
        "no municipality named as the author (\"X Kommune\", a council, a domain, a letterhead)",
        "ingen kommune nævnt som afsender (»X Kommune«, et byråd, et domæne, et brevhoved)",
    ),
    (
        "written by KL or a KKR for many municipalities: only its title could name one",
        "skrevet af KL eller et KKR for mange kommuner: kun titlen kunne udpege én",
    ),
    (
        "neither the file name nor the title names a kind of document",
        "hverken filnavnet eller titlen angiver en dokumenttype",
    ),
    (
        "no year folder, no budget year in the title, no dated heading, no creation date",
        "ingen årstalsmappe, intet budgetår i titlen, ingen dateret overskrift, ingen oprettelsesdato",
    ),
];

const CASE_DOCUMENT_EN: &str = ", the only municipality named in a case document";
const CASE_DOCUMENT_DA: &str = ", den eneste kommune nævnt i et sagsdokument";

/// How Danish says a sentence, from the values its English shape captured.
type Say = fn(&Captures) -> String;

/// Sentences with values in them: their English shape and how Danish says it.
static SHAPES: LazyLock<Vec<(Regex, Say)>> = LazyLock::new(|| {
    let shape = |pattern: &str| Regex::new(pattern).expect("constant regex");
    vec![
        (shape(r"^tie between (.+) \(score (\d+) each\)$"), |c| {
            format!("uafgjort mellem {} ({} point hver)", &c[1], &c[2])
        }),
        (shape(r"^only one passing mention of (.+) \(score (\d+), (\d+) needed\)$"), |c| {
            format!("kun en enkelt omtale af {} ({} point, {} kræves)", &c[1], &c[2], &c[3])
        }),
        (shape(r"^(.+) does not dominate: score (\d+) of (\d+) \((\d+) % needed\) among (\d+) municipalities$"), |c| {
            format!(
                "{} dominerer ikke: {} af {} point ({} % kræves) blandt {} kommuner",
                &c[1], &c[2], &c[3], &c[4], &c[5]
            )
        }),
        (shape(r"^creation date (\d+)$"), |c| format!("oprettelsesdato {}", &c[1])),
        // What a municipality outweighed: "Furesø (score 1)".
        (shape(r"^([^()]+) \(score (\d+)\)$"), |c| format!("{} ({} point)", &c[1], &c[2])),
        (shape(r#"^the text says (.+?) \((.+?) "(.*)"( on page (\d+))?\)$"#), |c| {
            let page = c.get(5).map(|p| format!(" på side {}", p.as_str())).unwrap_or_default();
            format!("teksten siger {} ({} »{}«{page})", &c[1], signal(&c[2], "da"), &c[3])
        }),
        (shape(r#"^the document says (\S+) \((.+?)( "(.*)")?\)$"#), |c| {
            let words = c.get(4).map(|w| format!(" »{}«", w.as_str())).unwrap_or_default();
            format!("dokumentet siger {} ({}{words})", &c[1], signal(&c[2], "da"))
        }),
    ]
});

/// A signal as the reader's language names it: "title (score 11)" is "titel (11 point)".
pub fn signal(text: &str, lang: &str) -> String {
    if lang != "da" {
        return text.to_string();
    }
    let (text, case_document) = match text.strip_suffix(CASE_DOCUMENT_EN) {
        Some(rest) => (rest, CASE_DOCUMENT_DA),
        None => (text, ""),
    };
    let (base, score) = match text.rsplit_once(" (score ") {
        Some((base, rest)) if rest.ends_with(')') && rest[..rest.len() - 1].bytes().all(|b| b.is_ascii_digit()) => {
            (base, format!(" ({} point)", &rest[..rest.len() - 1]))
        }
        _ => (text, String::new()),
    };
    match SIGNALS.iter().find(|(en, _)| *en == base) {
        Some((_, da)) => format!("{da}{score}{case_document}"),
        None => format!("{text}{case_document}"),
    }
}

/// A reason identification gives (why undecided, what was outweighed, what the text says
/// instead) in the reader's language.
pub fn reason(text: &str, lang: &str) -> String {
    if lang != "da" {
        return text.to_string();
    }
    if let Some((_, da)) = SENTENCES.iter().find(|(en, _)| *en == text) {
        return da.to_string();
    }
    SHAPES.iter().find_map(|(shape, say)| shape.captures(text).map(|c| say(&c))).unwrap_or_else(|| text.to_string())
}

/// True when [`signal`] or [`reason`] knows the text (for the test that keeps them complete).
pub fn is_translated(text: &str, is_signal: bool) -> bool {
    let danish = if is_signal { signal(text, "da") } else { reason(text, "da") };
    danish != text || SIGNALS.iter().any(|(en, da)| en == da && *en == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_keep_their_score_and_case_document_note() {
        assert_eq!(signal("title (score 11)", "da"), "titel (11 point)");
        assert_eq!(signal("e-mail/web domain (score 3)", "da"), "e-mail-/webdomæne (3 point)");
        assert_eq!(
            signal("body (score 6), the only municipality named in a case document", "da"),
            "brødtekst (6 point), den eneste kommune nævnt i et sagsdokument"
        );
        assert_eq!(signal("labelled date", "da"), "dato ud for »Dato:«");
        assert_eq!(signal("title (score 11)", "en"), "title (score 11)");
        assert_eq!(signal("something new", "da"), "something new");
        assert!(is_translated("manifest", true) && !is_translated("something new", true));
    }

    #[test]
    fn composed_reasons_are_said_in_danish() {
        assert_eq!(
            reason("tie between Aarhus, Odense (score 4 each)", "da"),
            "uafgjort mellem Aarhus, Odense (4 point hver)"
        );
        assert_eq!(
            reason("only one passing mention of Syddjurs (score 1, 2 needed)", "da"),
            "kun en enkelt omtale af Syddjurs (1 point, 2 kræves)"
        );
        assert_eq!(
            reason("Aarhus does not dominate: score 5 of 9 (60 % needed) among 3 municipalities", "da"),
            "Aarhus dominerer ikke: 5 af 9 point (60 % kræves) blandt 3 kommuner"
        );
        assert_eq!(reason("creation date 2013", "da"), "oprettelsesdato 2013");
        assert_eq!(reason("Furesø (score 1)", "da"), "Furesø (1 point)");
        assert_eq!(
            reason("the text says Vejle (running header/footer \"vejle kommune\" on page 2)", "da"),
            "teksten siger Vejle (gennemgående sidehoved/sidefod »vejle kommune« på side 2)"
        );
        assert_eq!(
            reason("the document says 2024 (labelled date \"Dato: 1. maj 2024\")", "da"),
            "dokumentet siger 2024 (dato ud for »Dato:« »Dato: 1. maj 2024«)"
        );
        assert_eq!(
            reason("the document says 2024 (budget year in the title)", "da"),
            "dokumentet siger 2024 (budgetår i titlen)"
        );
        assert_eq!(reason("no municipality named", "en"), "no municipality named");
        assert_eq!(reason("an unknown reason", "da"), "an unknown reason");
    }
}
