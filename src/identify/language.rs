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
