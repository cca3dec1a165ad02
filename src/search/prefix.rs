//! Word prefixes (`klimat*`) in a query.
//!
//! tantivy's query parser expands `*` only at the end of a quoted phrase of two or more words;
//! a bare `klimat*` would be read as the word "klimat" and match nothing. So bare prefixes are
//! taken out of the query text here and become regex queries on the index terms.

use tantivy::query::{BooleanQuery, Occur, Query, RegexQuery};
use tantivy::schema::Field;
use tantivy::Index;

use crate::index::analyzers::{FOLDED_ANALYZER, STEMMED_ANALYZER};

/// A bare word prefix and whether it was negated (`-klimat*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefix {
    pub word: String,
    pub occur: Occur,
}

/// Splits `query` into the text the query parser can handle and the bare prefixes it cannot.
/// Quoted phrases are left alone (`"grøn omst"*` is the parser's own phrase prefix).
pub fn split(query: &str) -> (String, Vec<Prefix>) {
    let mut rest = String::with_capacity(query.len());
    let mut prefixes = Vec::new();
    let mut in_quotes = false;
    let mut token = String::new();
    let flush = |token: &mut String, rest: &mut String, prefixes: &mut Vec<Prefix>| {
        let (occur, body) = match token.strip_prefix('-') {
            Some(body) => (Occur::MustNot, body),
            None => (Occur::Must, token.strip_prefix('+').unwrap_or(token)),
        };
        match body.strip_suffix('*') {
            Some(word) if !word.is_empty() && word.chars().all(char::is_alphanumeric) => {
                prefixes.push(Prefix { word: word.to_string(), occur });
            }
            _ => rest.push_str(token),
        }
        token.clear();
    };
    for c in query.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        if !in_quotes && c.is_whitespace() {
            flush(&mut token, &mut rest, &mut prefixes);
            rest.push(c);
        } else {
            token.push(c);
        }
    }
    flush(&mut token, &mut rest, &mut prefixes);
    (rest.trim().to_string(), prefixes)
}

/// A query matching pages with a word starting with `prefix.word`, in the stemmed or the folded
/// field. The prefix is analysed like the text (so "solcelle" also meets the stem "solcel").
pub fn query(index: &Index, prefix: &Prefix, stemmed: Field, folded: Field) -> Box<dyn Query> {
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, analyzer) in [(stemmed, STEMMED_ANALYZER), (folded, FOLDED_ANALYZER)] {
        let mut forms = vec![prefix.word.to_lowercase()];
        if let Some(mut analyzer) = index.tokenizers().get(analyzer) {
            let mut stream = analyzer.token_stream(&prefix.word);
            while let Some(token) = stream.next() {
                forms.push(token.text.clone());
            }
        }
        forms.sort();
        forms.dedup();
        for form in forms {
            // Only letters and digits reach here, so the form needs no regex escaping.
            if let Ok(q) = RegexQuery::from_pattern(&format!("{form}.*"), field) {
                alternatives.push((Occur::Should, Box::new(q)));
            }
        }
    }
    Box::new(BooleanQuery::new(alternatives))
}

/// A passage of about `max_chars` around the first word of `text` starting with one of the
/// (positive) prefixes, whitespace-flattened, with every such word's byte range in it.
pub fn snippet(text: &str, prefixes: &[Prefix], max_chars: usize) -> Option<(String, Vec<std::ops::Range<usize>>)> {
    let wanted: Vec<String> =
        prefixes.iter().filter(|p| p.occur != Occur::MustNot).map(|p| p.word.to_lowercase()).collect();
    if wanted.is_empty() {
        return None;
    }
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let matches = |word: &str| {
        let lower = word.to_lowercase();
        wanted.iter().any(|w| lower.starts_with(w.as_str()))
    };
    let words = word_ranges(&flat);
    let first = words.iter().find(|r| matches(&flat[(*r).clone()]))?.start;
    // Start a little before the first hit, on a character boundary.
    let mut from = flat[..first].char_indices().rev().nth(max_chars / 4).map_or(0, |(i, _)| i);
    if from > 0 {
        from = flat[from..].find(' ').map_or(from, |space| from + space + 1);
    }
    let to = flat[from..].char_indices().nth(max_chars).map_or(flat.len(), |(i, _)| from + i);
    let fragment = flat[from..to].to_string();
    let highlights = word_ranges(&fragment).into_iter().filter(|r| matches(&fragment[r.clone()])).collect();
    Some((fragment, highlights))
}

/// Byte ranges of the words in `text` that start with one of the (not excluded) prefixes.
pub fn ranges(text: &str, prefixes: &[Prefix]) -> Vec<std::ops::Range<usize>> {
    let wanted: Vec<String> =
        prefixes.iter().filter(|p| p.occur != Occur::MustNot).map(|p| p.word.to_lowercase()).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    word_ranges(text)
        .into_iter()
        .filter(|r| {
            text.get(r.clone()).is_some_and(|w| wanted.iter().any(|p| w.to_lowercase().starts_with(p.as_str())))
        })
        .collect()
}

/// Byte ranges of the alphanumeric words in `text`.
fn word_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                ranges.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        ranges.push(s..text.len());
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_prefixes_are_taken_out_and_phrases_left_alone() {
        let (rest, prefixes) = split(r#"klimat* "grøn omst"* -vind* budget"#);
        assert_eq!(rest, r#""grøn omst"*  budget"#);
        assert_eq!(
            prefixes,
            [
                Prefix { word: "klimat".into(), occur: Occur::Must },
                Prefix { word: "vind".into(), occur: Occur::MustNot }
            ]
        );
    }

    #[test]
    fn prefix_snippets_mark_every_matching_word() {
        let prefixes = [Prefix { word: "klimat".into(), occur: Occur::Must }];
        let (fragment, marks) =
            snippet("Byrådet vedtog\nklimatilpasningsplanen og en klimatisk vurdering.", &prefixes, 200).unwrap();
        let marked: Vec<&str> = marks.iter().map(|r| &fragment[r.clone()]).collect();
        assert_eq!(marked, ["klimatilpasningsplanen", "klimatisk"]);
        assert!(snippet("ingen træf her", &prefixes, 200).is_none());
    }

    #[test]
    fn a_lone_star_is_left_to_the_parser() {
        assert_eq!(split("*"), ("*".to_string(), vec![]));
    }
}
