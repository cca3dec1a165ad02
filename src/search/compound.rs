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

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tantivy::directory::MmapDirectory;

use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, SegmentReader, Term};

use crate::index::reversed_terms::{self, ReversedTerms};

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
// The files ingest writes keep every term that can be a compound under these limits.
const _: () = assert!(MIN_HEAD_CHARS + MIN_MODIFIER_CHARS >= reversed_terms::MIN_CHARS);

/// Where compounds are looked up, per segment: in the reversed, sorted terms ingest wrote
/// beside the index ([`reversed_terms`]), where the compounds of a head are one binary search
/// away; for a segment without that file, by scanning its term dictionary (one search) or in
/// its terms reversed and sorted in memory, built once and kept (a reader that serves many
/// searches).
#[derive(Default)]
pub struct Lookup {
    /// The index folder, whose `reversed-terms` files are used when present.
    index_dir: Option<PathBuf>,
    /// Per (segment id, field): that segment's terms, reversed and sorted.
    reversed: Mutex<HashMap<(String, Field), Arc<ReversedTerms>>>,
    /// Searches made so far; the sorted terms are built from the second one on.
    searches: std::sync::atomic::AtomicUsize,
}

impl Lookup {
    /// A lookup that uses the reversed-term files of the index in `index_dir`.
    pub fn for_index(index_dir: &Path) -> Lookup {
        Lookup { index_dir: Some(index_dir.to_path_buf()), ..Lookup::default() }
    }

    /// Notes one more search; true when the sorted terms should be used from now on.
    fn keeps_sorted_terms(&self) -> bool {
        self.searches.fetch_add(1, std::sync::atomic::Ordering::Relaxed) >= 1
    }

    /// Indexed terms of `field` that are compounds of `head`, over all segments.
    fn compounds_of(
        &self,
        searcher: &Searcher,
        field: Field,
        head: &str,
        sorted: bool,
    ) -> tantivy::Result<BTreeSet<String>> {
        let folder = self.index_dir.as_deref().and_then(ReversedTerms::folder);
        let mut found = BTreeSet::new();
        for segment in searcher.segment_readers() {
            let candidates = match self.segment_terms(searcher, segment, field, folder.as_ref(), sorted)? {
                Some(terms) => terms.ending_with(head),
                None => scanned(segment, field, head)?,
            };
            found.extend(candidates.into_iter().filter(|c| is_compound_of(c, head)));
        }
        // The first in term order, whichever way each segment's terms were found.
        Ok(found.into_iter().take(MAX_COMPOUNDS).collect())
    }

    /// The segment's reversed, sorted terms: kept, from ingest's file, or (when `sorted`) built
    /// now and kept; `None` when the segment is to be scanned.
    fn segment_terms(
        &self,
        searcher: &Searcher,
        segment: &SegmentReader,
        field: Field,
        folder: Option<&MmapDirectory>,
        sorted: bool,
    ) -> tantivy::Result<Option<Arc<ReversedTerms>>> {
        let key = (segment.segment_id().uuid_string(), field);
        if let Some(kept) = self.reversed.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(Some(kept));
        }
        let terms = match folder.and_then(|f| ReversedTerms::open(f, segment, field)) {
            Some(stored) => stored,
            None if sorted => ReversedTerms::build_in_memory(segment, field)?,
            None => return Ok(None),
        };
        let terms = Arc::new(terms);
        if let Ok(mut map) = self.reversed.lock() {
            // Keep only the segments this searcher sees (merged ones are gone).
            let live: BTreeSet<String> =
                searcher.segment_readers().iter().map(|s| s.segment_id().uuid_string()).collect();
            map.retain(|(id, _), _| live.contains(id));
            map.insert(key, terms.clone());
        }
        Ok(Some(terms))
    }
}

/// Rewrites `query` so each single-term clause on one of `fields` also matches its compounds.
pub fn expand(
    query: &dyn Query,
    searcher: &Searcher,
    fields: &[Field],
    lookup: &Lookup,
) -> tantivy::Result<Box<dyn Query>> {
    let sorted = lookup.keeps_sorted_terms();
    expand_with(query, searcher, fields, lookup, sorted)
}

fn expand_with(
    query: &dyn Query,
    searcher: &Searcher,
    fields: &[Field],
    lookup: &Lookup,
    sorted: bool,
) -> tantivy::Result<Box<dyn Query>> {
    if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
        let mut clauses = Vec::with_capacity(boolean.clauses().len());
        for (occur, clause) in boolean.clauses() {
            // An excluded word excludes only itself: "-strategi" should not drop every compound.
            let rewritten = if *occur == Occur::MustNot {
                clause.box_clone()
            } else {
                expand_with(clause.as_ref(), searcher, fields, lookup, sorted)?
            };
            clauses.push((*occur, rewritten));
        }
        return Ok(Box::new(BooleanQuery::new(clauses)));
    }
    if let Some(term_query) = query.downcast_ref::<TermQuery>() {
        let term = term_query.term();
        if fields.contains(&term.field()) {
            return word_or_compounds(term, searcher, lookup, sorted);
        }
    }
    Ok(query.box_clone())
}

/// `term` with the bonus, or any of its compounds, weighted down.
fn word_or_compounds(
    term: &Term,
    searcher: &Searcher,
    lookup: &Lookup,
    sorted: bool,
) -> tantivy::Result<Box<dyn Query>> {
    let word = || -> Box<dyn Query> { Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)) };
    let value = term.value();
    let Some(head) = value.as_str().filter(|h| h.chars().count() >= MIN_HEAD_CHARS) else {
        return Ok(word());
    };
    let compounds = lookup.compounds_of(searcher, term.field(), head, sorted)?;
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

/// Terms of one segment's `field` that end with `head`, by scanning its term dictionary.
fn scanned(segment: &SegmentReader, field: Field, head: &str) -> tantivy::Result<Vec<String>> {
    let inverted = segment.inverted_index(field)?;
    let mut terms = inverted.terms().stream()?;
    let mut found = Vec::new();
    while terms.advance() {
        let Ok(candidate) = std::str::from_utf8(terms.key()) else { continue };
        if candidate.ends_with(head) && candidate.len() > head.len() {
            found.push(candidate.to_string());
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
