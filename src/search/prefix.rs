//! Word prefixes (`klimat*`) in a query.
//!
//! tantivy's query parser expands `*` only at the end of a quoted phrase of two or more words;
//! a bare `klimat*` is refused ("a phrase-prefix query requires at least two terms"). So each
//! bare prefix is replaced in the query text by a placeholder term the parser accepts, and
//! after parsing the placeholder becomes a regex query on the index terms. The parser keeps
//! deciding how the prefix combines with the rest: `cyber* OR NIS2`, `(klimat* AND vand)`,
//! `-vind*`.

use tantivy::query::{BooleanQuery, Occur, Query, RegexQuery, TermQuery};
use tantivy::schema::Field;
use tantivy::Index;

use crate::index::analyzers::{FOLDED_ANALYZER, STEMMED_ANALYZER};

/// A bare word prefix and whether it was negated (`-klimat*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefix {
    pub word: String,
    pub occur: Occur,
}

/// A query with its bare prefixes replaced by placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The query text for the parser; empty when nothing but prefixes was asked.
    pub parsable: String,
    /// The prefixes, in order: placeholder `n` stands for `prefixes[n]`.
    pub prefixes: Vec<Prefix>,
    /// True when the query has something other than negated prefixes to look for.
    pub positive: bool,
}

/// The raw (untokenised) field the placeholders are written into; a value of it that starts
/// with [`PLACEHOLDER`] never occurs in an index.
const PLACEHOLDER_FIELD: &str = "kind";
const PLACEHOLDER: &str = "kommunsk-prefix-";

/// Replaces each bare prefix of `query` by a placeholder term. Quoted phrases are left alone
/// (`"grøn omst"*` is the parser's own phrase prefix); parentheses and a leading `+`/`-` stay
/// around the placeholder for the parser.
pub fn split(query: &str) -> Split {
    let mut parsable = String::with_capacity(query.len());
    let mut prefixes = Vec::new();
    let mut other_words = false;
    let mut in_quotes = false;
    let mut token = String::new();
    let mut flush = |token: &mut String, parsable: &mut String, prefixes: &mut Vec<Prefix>| {
        let opened = token.trim_start_matches('(');
        let open = &token[..token.len() - opened.len()];
        let core = opened.trim_end_matches(')');
        let close = &opened[core.len()..];
        let (sign, occur, body) = match core.strip_prefix('-') {
            Some(body) => ("-", Occur::MustNot, body),
            None => match core.strip_prefix('+') {
                Some(body) => ("+", Occur::Must, body),
                None => ("", Occur::Must, core),
            },
        };
        match body.strip_suffix('*') {
            Some(word) if !word.is_empty() && word.chars().all(char::is_alphanumeric) => {
                parsable
                    .push_str(&format!("{open}{sign}{PLACEHOLDER_FIELD}:\"{PLACEHOLDER}{}\"{close}", prefixes.len()));
                prefixes.push(Prefix { word: word.to_string(), occur });
            }
            _ => {
                other_words |= !is_operator(core);
                parsable.push_str(token);
            }
        }
        token.clear();
    };
    for c in query.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        if !in_quotes && c.is_whitespace() {
            flush(&mut token, &mut parsable, &mut prefixes);
            parsable.push(c);
        } else {
            token.push(c);
        }
    }
    flush(&mut token, &mut parsable, &mut prefixes);
    let positive = other_words || prefixes.iter().any(|p| p.occur != Occur::MustNot);
    Split { parsable: parsable.trim().to_string(), prefixes, positive }
}

/// True for what the parser reads as an operator or nothing at all, not as a word to find.
fn is_operator(token: &str) -> bool {
    matches!(token, "" | "AND" | "OR" | "NOT" | "+" | "-")
}

/// Rewrites the parsed `query`, putting each prefix's regex query where its placeholder was.
pub fn substitute(
    query: Box<dyn Query>,
    prefixes: &[Prefix],
    index: &Index,
    stemmed: Field,
    folded: Field,
) -> Box<dyn Query> {
    if prefixes.is_empty() {
        return query;
    }
    if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
        let clauses = boolean
            .clauses()
            .iter()
            .map(|(occur, clause)| (*occur, substitute(clause.box_clone(), prefixes, index, stemmed, folded)))
            .collect();
        return Box::new(BooleanQuery::new(clauses));
    }
    if let Some(term_query) = query.downcast_ref::<TermQuery>() {
        let term = term_query.term();
        let is_placeholder_field = index.schema().get_field_name(term.field()) == PLACEHOLDER_FIELD;
        let number = term.value().as_str().and_then(|t| t.strip_prefix(PLACEHOLDER)).and_then(|n| n.parse().ok());
        if let (true, Some(prefix)) = (is_placeholder_field, number.and_then(|n: usize| prefixes.get(n))) {
            return self::query(index, prefix, stemmed, folded);
        }
    }
    query
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
    fn bare_prefixes_become_placeholders_and_phrases_are_left_alone() {
        let split = split(r#"klimat* "grøn omst"* -vind* budget"#);
        assert_eq!(split.parsable, r#"kind:"kommunsk-prefix-0" "grøn omst"* -kind:"kommunsk-prefix-1" budget"#);
        assert_eq!(
            split.prefixes,
            [
                Prefix { word: "klimat".into(), occur: Occur::Must },
                Prefix { word: "vind".into(), occur: Occur::MustNot }
            ]
        );
        assert!(split.positive);
    }

    #[test]
    fn operators_and_groups_stay_with_the_parser() {
        let split = split("(cyber* OR NIS2) AND +sikker*)");
        assert_eq!(split.parsable, r#"(kind:"kommunsk-prefix-0" OR NIS2) AND +kind:"kommunsk-prefix-1")"#);
        assert_eq!(split.prefixes.len(), 2);
    }

    #[test]
    fn only_negated_prefixes_leave_nothing_to_look_for() {
        assert!(!split("-vind* OR -sol*").positive);
        assert!(split("-vind* sol").positive);
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
        assert_eq!(split("*"), Split { parsable: "*".to_string(), prefixes: vec![], positive: true });
    }
}
