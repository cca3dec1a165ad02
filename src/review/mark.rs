//! Recording verdicts: a mention is named by its id (or a unique prefix of at least
//! [`MIN_ID_PREFIX`] characters) among the mentions found now, and its review is added to the
//! reviews file, replaces the earlier one, or is taken back. `kommunsk review
//! --right/--wrong/--clear` and the server's review form both go through here, so a review from
//! either is the same row.

use super::file::{today, Review, ReviewFile, Verdict};
use super::key::KeyedMention;
use crate::analyse::Evidence;

/// Shortest id prefix accepted.
pub const MIN_ID_PREFIX: usize = 6;

/// Why an id names no single mention.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarkError {
    #[error("id {0:?} is too short (at least {MIN_ID_PREFIX} characters)")]
    TooShort(String),
    #[error("no mention has id {0:?} (list them with `kommunsk review TOPIC`)")]
    Unknown(String),
    #[error("id {0:?} fits {1} mentions; give more of it")]
    Ambiguous(String, usize),
}

/// The position in `keys` of the mention `id` (or a unique prefix of it) names.
pub fn find(keys: &[KeyedMention], id: &str) -> Result<usize, MarkError> {
    let id = id.trim().to_ascii_lowercase();
    if id.len() < MIN_ID_PREFIX {
        return Err(MarkError::TooShort(id));
    }
    let hits: Vec<usize> = (0..keys.len()).filter(|&i| keys[i].id.starts_with(&id)).collect();
    match hits[..] {
        [i] => Ok(i),
        [] => Err(MarkError::Unknown(id)),
        _ => Err(MarkError::Ambiguous(id, hits.len())),
    }
}

/// Records `verdict` on the mention `found[i]` (key `key`), dated today. `found` carries stored
/// (corpus-relative) paths. The caller saves the file.
pub fn record(
    reviews: &mut ReviewFile,
    e: &Evidence,
    key: &KeyedMention,
    verdict: Verdict,
    note: &str,
    reviewer: &str,
) -> Review {
    let review = Review {
        topic: e.topic.clone(),
        path: e.path.clone(),
        page: e.page,
        matched: e.sentence.get(e.start..e.end).unwrap_or_default().to_string(),
        sentence: e.sentence.clone(),
        occurrence: key.key.occurrence,
        verdict,
        note: note.to_string(),
        reviewer: reviewer.to_string(),
        date: today(),
    };
    reviews.upsert(review.clone());
    review
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::keyed;

    fn mention(sentence: &str) -> Evidence {
        Evidence {
            topic: "ai".into(),
            path: "2025/x.pdf".into(),
            page: 2,
            code: None,
            municipality: None,
            year: None,
            sentence: sentence.into(),
            start: 0,
            end: 2,
            ocr: None,
        }
    }

    #[test]
    fn a_prefix_names_one_mention_and_is_recorded_with_its_occurrence() {
        let found = vec![mention("AI her."), mention("AI der.")];
        let keys = keyed(&found);
        let i = find(&keys, &keys[1].id[..8].to_uppercase()).unwrap();
        assert_eq!(i, 1);
        assert_eq!(find(&keys, "abc"), Err(MarkError::TooShort("abc".into())));
        assert!(matches!(find(&keys, "zzzzzzzz"), Err(MarkError::Unknown(_))));
        let mut file = ReviewFile::default();
        let review = record(&mut file, &found[i], &keys[i], Verdict::Wrong, "nej", "kb");
        assert_eq!((review.matched.as_str(), review.occurrence, review.page), ("AI", 1, 2));
        assert_eq!(file.get(&keys[1].key).map(|r| r.verdict), Some(Verdict::Wrong));
        assert_eq!(file.get(&keys[0].key), None);
    }
}
