//! The name of a mention that outlives the index: topic, document path (as stored, relative to
//! the corpus folder), the sentence and the matched text (both normalised), and which occurrence
//! of that match in that sentence it is. Byte offsets and page numbers are left out on purpose:
//! a re-extraction may move a sentence to another page or shift it, and the review still holds
//! as long as the sentence reads the same.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::analyse::Evidence;

/// Hex digits of the BLAKE3 hash used as a mention's id: 48 bits keep a collision below
/// 0.2 % even among a million mentions, and the id stays short enough to type.
const ID_HEX_DIGITS: usize = 12;

/// What a review is attached to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MentionKey {
    pub topic: String,
    pub path: String,
    /// The sentence, normalised with [`normalise`].
    pub sentence: String,
    /// The matched text, normalised with [`normalise`].
    pub matched: String,
    /// 1 for the first mention with this match in this sentence of this document, 2 for the next.
    pub occurrence: u32,
}

impl MentionKey {
    /// A key from text as found or as written in the reviews file (normalised here).
    pub fn new(topic: &str, path: &str, sentence: &str, matched: &str, occurrence: u32) -> MentionKey {
        MentionKey {
            topic: topic.to_string(),
            path: path.to_string(),
            sentence: normalise(sentence),
            matched: normalise(matched),
            occurrence: occurrence.max(1),
        }
    }

    /// A short, stable id for the command line and the browser.
    pub fn id(&self) -> String {
        let mut hasher = blake3::Hasher::new();
        for part in [&self.topic, &self.path, &self.sentence, &self.matched] {
            hasher.update(part.as_bytes());
            hasher.update(&[0x1f]);
        }
        hasher.update(&self.occurrence.to_le_bytes());
        let hex = hasher.finalize().to_hex();
        hex[..ID_HEX_DIGITS].to_string()
    }
}

/// Text compared for sameness: NFC, soft hyphens dropped, whitespace runs made one space,
/// lower case. Re-extraction that only changes line breaks or case leaves it unchanged.
pub fn normalise(text: &str) -> String {
    let cleaned: String = text.nfc().filter(|c| *c != '\u{ad}').collect();
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// A mention with its key and id.
#[derive(Debug, Clone)]
pub struct KeyedMention {
    pub key: MentionKey,
    pub id: String,
}

/// The key of every mention, in the order given. `evidence` paths must be the stored paths
/// (relative to the corpus), and every mention of a document must be present, so that
/// occurrences are numbered the same way each time.
pub fn keyed(evidence: &[Evidence]) -> Vec<KeyedMention> {
    let mut order: Vec<usize> = (0..evidence.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&evidence[a], &evidence[b]);
        (&x.topic, &x.path, x.page, x.start).cmp(&(&y.topic, &y.path, y.page, y.start))
    });
    let mut seen: HashMap<MentionKey, u32> = HashMap::new();
    let mut keys: Vec<Option<KeyedMention>> = vec![None; evidence.len()];
    for i in order {
        let e = &evidence[i];
        let matched = e.sentence.get(e.start..e.end).unwrap_or_default();
        let base = MentionKey::new(&e.topic, &e.path, &e.sentence, matched, 1);
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        let key = MentionKey { occurrence: *count, ..base };
        keys[i] = Some(KeyedMention { id: key.id(), key });
    }
    keys.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(path: &str, page: u32, sentence: &str, hit: &str) -> Evidence {
        let start = sentence.find(hit).unwrap();
        Evidence {
            topic: "ai".into(),
            path: path.into(),
            page,
            code: None,
            municipality: None,
            year: None,
            sentence: sentence.into(),
            start,
            end: start + hit.len(),
            ocr: None,
        }
    }

    #[test]
    fn line_breaks_case_and_soft_hyphens_do_not_change_the_key() {
        let a = MentionKey::new("ai", "2025/x.pdf", "Brugen af AI skal\nske med om\u{ad}tanke.", "AI", 1);
        let b = MentionKey::new("ai", "2025/x.pdf", "brugen af AI skal ske med omtanke.", "ai", 1);
        assert_eq!(a, b);
        assert_eq!(a.id(), b.id());
        assert_eq!(a.id().len(), ID_HEX_DIGITS);
    }

    #[test]
    fn a_different_sentence_or_document_is_a_different_key() {
        let a = MentionKey::new("ai", "2025/x.pdf", "Brugen af AI skal ske.", "AI", 1);
        assert_ne!(a, MentionKey::new("ai", "2025/x.pdf", "Brugen af AI må ske.", "AI", 1));
        assert_ne!(a, MentionKey::new("ai", "2025/y.pdf", "Brugen af AI skal ske.", "AI", 1));
        assert_ne!(a.id(), MentionKey::new("cyber", "2025/x.pdf", "Brugen af AI skal ske.", "AI", 1).id());
    }

    #[test]
    fn the_same_match_twice_in_a_sentence_gets_two_keys_independent_of_page_and_offset() {
        let s = "AI her og AI der.";
        let mut first = evidence("x.pdf", 2, s, "AI");
        let mut second = first.clone();
        second.start = 10;
        second.end = 12;
        let keys = keyed(&[second.clone(), first.clone()]);
        assert_eq!((keys[0].key.occurrence, keys[1].key.occurrence), (2, 1));
        // Moved to another page and shifted: the same keys.
        first.page = 3;
        second.page = 3;
        let moved = keyed(&[first, second]);
        assert_eq!(moved[0].id, keys[1].id);
        assert_eq!(moved[1].id, keys[0].id);
    }
}
