//! Which language a document is written in, by whatlang on a sample of its text, limited to
//! the languages a Danish municipal corpus holds and corrected for whatlang's habit of taking
//! Danish for Norwegian Bokmål.

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use super::sample;

/// Bytes of text sampled: a few paragraphs are plenty for a trigram detector.
const SAMPLE_BYTES: usize = 4000;
/// Fewer letters than this and no detector can tell Danish from Norwegian.
const MIN_LETTERS: usize = 60;
/// Below this confidence an answer whatlang itself calls unreliable is dropped.
const MIN_CONFIDENCE: f64 = 0.5;

/// The languages a Danish municipal corpus holds: Danish, its neighbours and the big ones.
const ALLOWED: [Lang; 7] = [Lang::Dan, Lang::Eng, Lang::Deu, Lang::Swe, Lang::Nob, Lang::Fra, Lang::Nld];

/// Common words Danish spells one way and Norwegian Bokmål another (af/av, efter/etter,
/// mellem/mellom, hvad/hva, blev/ble, bliver/blir, …); shared words like "og", "ikke" and
/// "kommune" say nothing and are left out.
const DANISH_WORDS: [&str; 12] =
    ["af", "efter", "mellem", "nogle", "nogen", "hvad", "blev", "bliver", "ligesom", "sådan", "meget", "hvilke"];
/// Their Bokmål counterparts.
const BOKMAL_WORDS: [&str; 12] =
    ["av", "etter", "mellom", "noen", "noe", "hva", "ble", "blir", "likesom", "slik", "mye", "hvilken"];

static DETECTOR: LazyLock<Detector> = LazyLock::new(|| Detector::with_allowlist(ALLOWED.to_vec()));

/// ISO 639-3 code of the text's language ("dan", "eng", …), or `None` when the sample is too
/// short or whatlang is unsure.
pub fn detect(pages: &[&str]) -> Option<&'static str> {
    let mut sample_text = String::new();
    for page in sample::pages(pages) {
        let room = SAMPLE_BYTES.saturating_sub(sample_text.len());
        if room == 0 {
            break;
        }
        sample_text.push_str(sample::truncate(page, room));
        sample_text.push('\n');
    }
    detect_text(&sample_text)
}

/// [`detect`] on one text.
pub fn detect_text(text: &str) -> Option<&'static str> {
    let text = sample::truncate(text, SAMPLE_BYTES);
    if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = DETECTOR.detect(text)?;
    let sure = info.is_reliable() || info.confidence() >= MIN_CONFIDENCE;
    match info.lang() {
        // whatlang's confidence is the gap to the runner-up, and for Danish the runner-up is
        // nearly always Bokmål: a low value says "Danish or Norwegian", which the spelling of
        // function words settles, as long as the text is recognisably Scandinavian at all.
        Lang::Dan | Lang::Nob => {
            let spelling = Spelling::count(text);
            (sure || spelling.is_scandinavian()).then(|| spelling.language().code())
        }
        other => sure.then(|| other.code()),
    }
}

/// ISO 639-1 codes of [`ALLOWED`] and their ISO 639-3 form, for the hint of [`filter_code`].
const ISO_639_1: [(&str, &str); 8] = [
    ("da", "dan"),
    ("en", "eng"),
    ("de", "deu"),
    ("sv", "swe"),
    ("nb", "nob"),
    ("no", "nob"),
    ("fr", "fra"),
    ("nl", "nld"),
];

/// The stored code for a language a user names when filtering (`search --lang`, the web's
/// `doclang`): an ISO 639-3 code the detector can give, in any case. Anything else is refused
/// with the codes that exist, because a code no document can carry would silently match
/// nothing; a two-letter ISO 639-1 code ("en") is refused with its three-letter form named,
/// not translated, so that `--lang` means one thing everywhere.
pub fn filter_code(given: &str) -> Result<&'static str, String> {
    let wanted = given.trim().to_ascii_lowercase();
    if let Some(lang) = ALLOWED.iter().find(|lang| lang.code() == wanted) {
        return Ok(lang.code());
    }
    let known: Vec<&str> = ALLOWED.iter().map(|lang| lang.code()).collect();
    let hint = ISO_639_1
        .iter()
        .find(|(two, _)| *two == wanted)
        .map(|(_, three)| format!("; ISO 639-3 for {wanted:?} is {three:?}"))
        .unwrap_or_default();
    Err(format!("unknown document language {given:?} (one of {}{hint})", known.join(", ")))
}

/// Evidence in a text for Danish against Bokmål.
struct Spelling {
    danish_words: usize,
    bokmal_words: usize,
    /// Letters æ, ø, å (either case).
    nordic_letters: usize,
}

impl Spelling {
    fn count(text: &str) -> Spelling {
        let mut spelling = Spelling { danish_words: 0, bokmal_words: 0, nordic_letters: 0 };
        spelling.nordic_letters = text.chars().filter(|c| "æøåÆØÅ".contains(*c)).count();
        for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            let word = word.to_lowercase();
            spelling.danish_words += usize::from(DANISH_WORDS.contains(&word.as_str()));
            spelling.bokmal_words += usize::from(BOKMAL_WORDS.contains(&word.as_str()));
        }
        spelling
    }

    fn is_scandinavian(&self) -> bool {
        self.nordic_letters > 0 || self.danish_words + self.bokmal_words > 0
    }

    /// Danish unless Bokmål spellings outnumber Danish ones: whatlang's trigrams barely
    /// separate the two, the spelling of a dozen function words does.
    fn language(&self) -> Lang {
        if self.bokmal_words > self.danish_words {
            Lang::Nob
        } else {
            Lang::Dan
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "The municipal council adopted the budget for next year after long \
        negotiations between the parties. The agreement strengthens schools, elderly care and \
        public transport, and it sets aside funds for investments in digital services.";
    const BOKMAL: &str = "Kommunestyret vedtok budsjettet for neste år etter lange forhandlinger \
        mellom partiene. Avtalen styrker skolene og eldreomsorgen, og det ble satt av penger til \
        investeringer i digitale tjenester. Hva som skjer etter valget, vet ingen ennå.";
    const GERMAN: &str = "Der Gemeinderat hat den Haushalt für das kommende Jahr nach langen \
        Verhandlungen zwischen den Parteien beschlossen. Die Vereinbarung stärkt Schulen und \
        die Altenpflege und stellt Mittel für Investitionen in digitale Dienste bereit.";

    #[test]
    fn seeds_are_danish() {
        let seeds = crate::identify::seed_texts();
        assert_eq!(seeds.len(), 5);
        for (path, text) in seeds {
            assert_eq!(detect(&[&text]), Some("dan"), "{}", path.display());
            // Even a single short paragraph stays Danish.
            let paragraph = sample::truncate(&text, 400);
            assert_eq!(detect_text(paragraph), Some("dan"), "{}", path.display());
        }
    }

    #[test]
    fn filter_codes_are_the_detected_ones() {
        assert_eq!(filter_code("dan"), Ok("dan"));
        assert_eq!(filter_code(" ENG "), Ok("eng"));
        let err = filter_code("en").unwrap_err();
        assert!(err.contains("\"eng\""), "{err}");
        let err = filter_code("klingon").unwrap_err();
        assert!(err.starts_with("unknown document language \"klingon\" (one of dan, eng, deu"), "{err}");
    }

    #[test]
    fn other_languages() {
        assert_eq!(detect(&[ENGLISH]), Some("eng"));
        assert_eq!(detect(&[GERMAN]), Some("deu"));
        assert_eq!(detect(&[BOKMAL]), Some("nob"));
    }

    #[test]
    fn too_little_text_is_unknown() {
        assert_eq!(detect(&[]), None);
        assert_eq!(detect(&["", "  "]), None);
        assert_eq!(detect(&["Budget 2025"]), None);
        assert_eq!(detect(&["12 345 678 9 – 10 11"]), None);
    }

    #[test]
    fn samples_across_pages() {
        let short_pages: Vec<&str> = ENGLISH.split(". ").collect();
        assert_eq!(detect(&short_pages), Some("eng"));
    }
}
