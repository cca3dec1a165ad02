//! Danish compounds in a query.
//!
//! Danish writes compounds as one word and puts the head last: a "digitaliseringsstrategi" is a
//! kind of "strategi". A search for the head should find the compounds too, but rank pages with
//! the word itself first. So each single-word term of the parsed query becomes
//!
//! ```text
//! word  OR  (its compounds in the index, weighted down)
//! ```
//!
//! plus a constant bonus for the word itself, which keeps every page that has the word above
//! every page that only has a compound. The compounds are looked up in the term dictionary (so
//! tantivy's snippets highlight them as well): indexed terms that end with the word's term and
//! are at least [`MIN_MODIFIER_CHARS`] longer. Short words are left alone ("ai" is not the head
//! of "mai").

use std::collections::BTreeSet;

use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

/// A word (as indexed, after stemming) shorter than this is never treated as a compound head:
/// short heads end too many unrelated words.
pub const MIN_HEAD_CHARS: usize = 5;
/// The part in front of the head must be at least this long, so a prefix is not mistaken for a
/// compound ("usikkerhed" is not a kind of "sikkerhed", "forhandling" not a "handling").
pub const MIN_MODIFIER_CHARS: usize = 4;
/// Weight of a compound match relative to the word itself.
const COMPOUND_WEIGHT: f32 = 0.25;
/// Constant score added when the word itself matches; above any weighted compound score
/// (BM25 of one term stays below ~25 on any realistic index, ×[`COMPOUND_WEIGHT`] below 7).
const WORD_BONUS: f32 = 10.0;
/// Most compounds one word expands to (the term dictionary of a national corpus can hold
/// thousands for a common head; the rarest beyond this add little).
const MAX_COMPOUNDS: usize = 512;

/// Rewrites `query` so each single-term clause on one of `fields` also matches its compounds.
pub fn expand(query: &dyn Query, searcher: &Searcher, fields: &[Field]) -> tantivy::Result<Box<dyn Query>> {
    if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
        let mut clauses = Vec::with_capacity(boolean.clauses().len());
        for (occur, clause) in boolean.clauses() {
            // An excluded word excludes only itself: "-strategi" should not drop every compound.
            let rewritten =
                if *occur == Occur::MustNot { clause.box_clone() } else { expand(clause.as_ref(), searcher, fields)? };
            clauses.push((*occur, rewritten));
        }
        return Ok(Box::new(BooleanQuery::new(clauses)));
    }
    if let Some(term_query) = query.downcast_ref::<TermQuery>() {
        let term = term_query.term();
        if fields.contains(&term.field()) {
            return word_or_compounds(term, searcher);
        }
    }
    Ok(query.box_clone())
}

/// `term` with the bonus, or any of its compounds, weighted down.
fn word_or_compounds(term: &Term, searcher: &Searcher) -> tantivy::Result<Box<dyn Query>> {
    let word = || -> Box<dyn Query> { Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)) };
    let value = term.value();
    let Some(head) = value.as_str().filter(|h| h.chars().count() >= MIN_HEAD_CHARS) else {
        return Ok(word());
    };
    let compounds = compounds_of(searcher, term.field(), head)?;
    if compounds.is_empty() {
        return Ok(word());
    }
    let disjuncts: Vec<Box<dyn Query>> = compounds
        .into_iter()
        .map(|c| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_text(term.field(), &c), IndexRecordOption::WithFreqs))
        })
        .collect();
    Ok(Box::new(BooleanQuery::new(vec![
        (Occur::Should, Box::new(ConstScoreQuery::new(word(), WORD_BONUS))),
        (Occur::Should, word()),
        (Occur::Should, Box::new(BoostQuery::new(Box::new(DisjunctionMaxQuery::new(disjuncts)), COMPOUND_WEIGHT))),
    ])))
}

/// Indexed terms of `field` that end with `head` after a modifier of at least
/// [`MIN_MODIFIER_CHARS`] characters, over all segments.
pub fn compounds_of(searcher: &Searcher, field: Field, head: &str) -> tantivy::Result<BTreeSet<String>> {
    let mut found = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut terms = inverted.terms().stream()?;
        while terms.advance() {
            let Ok(candidate) = std::str::from_utf8(terms.key()) else { continue };
            if is_compound_of(candidate, head) {
                found.insert(candidate.to_string());
                if found.len() >= MAX_COMPOUNDS {
                    return Ok(found);
                }
            }
        }
    }
    Ok(found)
}

/// True when `word` is `head` with a modifier of at least [`MIN_MODIFIER_CHARS`] in front.
pub fn is_compound_of(word: &str, head: &str) -> bool {
    word.strip_suffix(head).is_some_and(|modifier| {
        modifier.chars().count() >= MIN_MODIFIER_CHARS && modifier.chars().all(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_need_a_real_modifier_in_front() {
        assert!(is_compound_of("digitaliseringsstrategi", "strategi"));
        assert!(is_compound_of("folkeskol", "skol"));
        assert!(!is_compound_of("strategi", "strategi"));
        assert!(!is_compound_of("usikkerhed", "sikkerhed"));
        assert!(!is_compound_of("forhandling", "handling"));
        assert!(!is_compound_of("strategiplan", "strategi"));
    }
}
