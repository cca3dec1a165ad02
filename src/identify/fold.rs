//! Spelling-insensitive words: the one folding and tokenizing every matcher in this stage uses,
//! so "Københavns", "Koebenhavns" and "Kobenhavns" all meet on the same key.

use unicode_normalization::UnicodeNormalization;

/// Folds a word to its matching key: NFC, lowercase, Danish letters spelled out in ASCII
/// (æ→ae, ø→oe, å→aa) and those spellings then collapsed (ae→a, oe→o, aa→a), so that the
/// official name, the ASCII transliteration and the lazy ASCII form all give one key
/// ("Høje" = "Hoeje" = "Hoje" → "hoje"; "Ærø" = "Aeroe" → "aro").
pub fn fold(word: &str) -> String {
    let mut spelled = String::with_capacity(word.len() + 4);
    for c in word.nfc().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => spelled.push_str("ae"),
            'ø' | 'ö' => spelled.push_str("oe"),
            'å' => spelled.push_str("aa"),
            'é' | 'è' | 'ê' => spelled.push('e'),
            'ü' => spelled.push('u'),
            other => spelled.push(other),
        }
    }
    let mut folded = String::with_capacity(spelled.len());
    let mut chars = spelled.chars().peekable();
    while let Some(c) = chars.next() {
        folded.push(c);
        if matches!((c, chars.peek()), ('a', Some('a' | 'e')) | ('o', Some('e'))) {
            chars.next();
        }
    }
    folded
}

/// One word or number of a text, folded, with where it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded word ([`fold`]) or the digits as written.
    pub key: String,
    /// Ordinal of the token's line among the lines that hold tokens (0 = first such line),
    /// so blank lines and lines of pure punctuation do not count.
    pub line: usize,
    /// The word began with an uppercase letter in the source.
    pub capitalized: bool,
    /// Every letter of the word was uppercase in the source ("KL", "KOMMUNE").
    pub all_caps: bool,
    /// The token is a run of ASCII digits.
    pub digits: bool,
}

/// Splits text into words and digit runs. Separators are everything else (spaces, `-`, `_`,
/// `.`, `/`, punctuation), and a letter/digit change also splits ("budget2025" → "budget",
/// "2025"). A word hyphenated across a line break ("Køben-\nhavns") is rejoined when the next
/// line goes on in lowercase; a real hyphen before a capital ("Høje-\nTaastrup") still splits.
/// Callers bound the input; the work is linear in its length.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.nfc().collect();
    let mut tokens = Vec::new();
    let mut builder = Builder::default();
    let mut raw_line = 0usize;
    let mut i = 0usize;
    while let Some(&c) = chars.get(i) {
        let kind = if c.is_alphabetic() {
            Some(false)
        } else if c.is_ascii_digit() {
            Some(true)
        } else {
            None
        };
        match kind {
            Some(digits) => builder.push(c, digits, raw_line, &mut tokens),
            // A soft hyphen only marks where a word may break: it is never a separator.
            None if c == '\u{ad}' => {}
            None => {
                if is_hyphen(c) && builder.in_word() {
                    if let Some(resume) = line_break_continuation(&chars, i + 1) {
                        raw_line +=
                            chars.get(i + 1..resume).map_or(0, |gap| gap.iter().filter(|&&g| g == '\n').count());
                        i = resume;
                        continue;
                    }
                }
                builder.flush(&mut tokens);
                if c == '\n' {
                    raw_line += 1;
                }
            }
        }
        i += 1;
    }
    builder.flush(&mut tokens);
    tokens
}

/// Keys of a phrase's tokens joined by single spaces: the form names are stored and compared in.
pub fn phrase_key(phrase: &str) -> String {
    let keys: Vec<String> = tokenize(phrase).into_iter().map(|t| t.key).collect();
    keys.join(" ")
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// After a hyphen at `from`: if only whitespace including a line break follows and then a
/// lowercase letter, the index of that letter (the word goes on there).
fn line_break_continuation(chars: &[char], from: usize) -> Option<usize> {
    let mut j = from;
    let mut crossed_line = false;
    while let Some(&c) = chars.get(j) {
        if !c.is_whitespace() {
            return (crossed_line && c.is_lowercase()).then_some(j);
        }
        crossed_line |= c == '\n';
        j += 1;
    }
    None
}

/// Accumulates one token and numbers the lines that hold tokens.
#[derive(Default)]
struct Builder {
    word: String,
    digits: bool,
    capitalized: bool,
    all_caps: bool,
    raw_line: usize,
    last_raw_line: Option<usize>,
    line: usize,
}

impl Builder {
    fn in_word(&self) -> bool {
        !self.word.is_empty() && !self.digits
    }

    fn push(&mut self, c: char, digits: bool, raw_line: usize, out: &mut Vec<Token>) {
        if !self.word.is_empty() && self.digits != digits {
            self.flush(out);
        }
        if self.word.is_empty() {
            self.digits = digits;
            self.capitalized = c.is_uppercase();
            self.all_caps = !digits;
            self.raw_line = raw_line;
        }
        self.all_caps &= c.is_uppercase();
        self.word.push(c);
    }

    fn flush(&mut self, out: &mut Vec<Token>) {
        if self.word.is_empty() {
            return;
        }
        match self.last_raw_line {
            Some(last) if last != self.raw_line => self.line += 1,
            _ => {}
        }
        self.last_raw_line = Some(self.raw_line);
        let key = if self.digits { self.word.clone() } else { fold(&self.word) };
        out.push(Token {
            key,
            line: self.line,
            capitalized: self.capitalized,
            all_caps: self.all_caps,
            digits: self.digits,
        });
        self.word.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn danish_letters_and_ascii_spellings_fold_together() {
        assert_eq!(fold("København"), "kobenhavn");
        assert_eq!(fold("Koebenhavn"), "kobenhavn");
        assert_eq!(fold("Kobenhavn"), "kobenhavn");
        assert_eq!(fold("Ærø"), "aro");
        assert_eq!(fold("Aeroe"), "aro");
        assert_eq!(fold("Læsø"), "laso");
        assert_eq!(fold("Laesoe"), "laso");
        assert_eq!(fold("Aabenraa"), "abenra");
        assert_eq!(fold("Åbenrå"), "abenra");
        assert_eq!(fold("TAARBÆK"), "tarbak");
    }

    #[test]
    fn decomposed_letters_are_composed_first() {
        // "å" as a + combining ring above, as some PDFs produce it.
        assert_eq!(fold("a\u{30a}rhus"), fold("Århus"));
    }

    #[test]
    fn splits_on_separators_and_letter_digit_changes() {
        assert_eq!(
            keys("Budgetaftale_2025_Koebenhavns_Kommune.pdf"),
            ["budgetaftale", "2025", "kobenhavns", "kommune", "pdf"]
        );
        assert_eq!(keys("budget2025-28"), ["budget", "2025", "28"]);
        assert_eq!(keys("ikast brande/hoeje-taastrup"), ["ikast", "brande", "hoje", "tastrup"]);
    }

    #[test]
    fn rejoins_words_hyphenated_across_lines_only() {
        assert_eq!(keys("i Køben-\nhavns Kommune"), ["i", "kobenhavns", "kommune"]);
        assert_eq!(keys("Høje-\nTaastrup Kommune"), ["hoje", "tastrup", "kommune"]);
        assert_eq!(keys("2024-\n2025"), ["2024", "2025"]);
        assert_eq!(keys("it-sikkerhed"), ["it", "sikkerhed"]);
        assert_eq!(keys("inve\u{ad}stering"), ["investering"]);
    }

    #[test]
    fn numbers_lines_that_hold_tokens() {
        let tokens = tokenize("\n  \nBilag 6\n---\n\nStatus på\nstrategien");
        let lines: Vec<(String, usize)> = tokens.into_iter().map(|t| (t.key, t.line)).collect();
        assert_eq!(
            lines,
            [
                ("bilag".to_string(), 0),
                ("6".to_string(), 0),
                ("status".to_string(), 1),
                ("pa".to_string(), 1),
                ("strategien".to_string(), 2)
            ]
        );
    }

    #[test]
    fn marks_capitals_and_digits() {
        let tokens = tokenize("Aarhus kommune 751 KL");
        assert!(tokens[0].capitalized && !tokens[0].all_caps && !tokens[0].digits);
        assert!(!tokens[1].capitalized && !tokens[1].all_caps);
        assert!(tokens[2].digits && !tokens[2].all_caps);
        assert!(tokens[3].capitalized && tokens[3].all_caps);
    }

    #[test]
    fn phrase_keys_ignore_separator_style() {
        assert_eq!(phrase_key("Lyngby-Taarbæk"), "lyngby tarbak");
        assert_eq!(phrase_key("lyngby_taarbaek"), "lyngby tarbak");
        assert_eq!(phrase_key("  Ikast - Brande "), "ikast brande");
    }
}
