//! Finds the mentions of one topic in one page's text.
//!
//! The rules (also documented for analysts in `queries/README.md`):
//! 1. whitespace runs, line breaks included, count as one space, so a phrase broken over two
//!    lines still matches;
//! 2. every match of every pattern counts, unless it overlaps a match of an exclusion;
//! 3. matches that overlap, or that are separated only by spaces, punctuation and a joining
//!    word ("og", "eller", "samt"), are one mention: "kunstig intelligens (AI)" and
//!    "Cyber- og informationssikkerhed" are one mention each.

use std::sync::LazyLock;

use regex::Regex;

/// Bumped whenever the rules above change what counts as a mention, so cached mentions
/// (`mention_cache`) computed under the old rules are not reused.
pub const MATCHER_VERSION: u32 = 1;

/// Text between two matches that still makes them one mention.
static JOINING_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s\p{P}]*(?:(?:og|eller|samt|and|or)[\s\p{P}]*)?$").expect("static regex"));

/// One mention: a byte range of the whitespace-flattened page text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

/// Collapses every run of whitespace to one space and trims the ends.
pub fn flatten_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Mentions of a topic given its compiled patterns and exclusions, in text order.
/// `flat` must already be flattened with [`flatten_whitespace`].
pub fn find_mentions(flat: &str, patterns: &[Regex], exclusions: &[Regex]) -> Vec<Mention> {
    let excluded: Vec<Mention> = exclusions
        .iter()
        .flat_map(|re| re.find_iter(flat).map(|m| Mention { start: m.start(), end: m.end() }))
        .collect();
    let mut hits: Vec<Mention> = patterns
        .iter()
        .flat_map(|re| re.find_iter(flat).map(|m| Mention { start: m.start(), end: m.end() }))
        .filter(|m| m.end > m.start)
        .filter(|m| !excluded.iter().any(|x| x.start < m.end && m.start < x.end))
        .collect();
    hits.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));

    let mut merged: Vec<Mention> = Vec::with_capacity(hits.len());
    for hit in hits {
        match merged.last_mut() {
            Some(last) if hit.start <= last.end || joins(flat, last.end, hit.start) => {
                last.end = last.end.max(hit.end);
            }
            _ => merged.push(hit),
        }
    }
    merged
}

/// True when the text between two matches only joins them ("(", " og ", ", ").
fn joins(flat: &str, from: usize, to: usize) -> bool {
    flat.get(from..to).is_some_and(|gap| JOINING_GAP.is_match(gap))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn re(p: &str) -> Regex {
        Regex::new(p).unwrap()
    }

    #[test]
    fn a_term_and_its_acronym_in_parentheses_are_one_mention() {
        let pats = [re(r"(?i)\bkunstig\s+intelligens\w*"), re(r"\bAI\b")];
        let flat = flatten_whitespace("Vi vil bruge kunstig\nintelligens (AI) i sagsbehandlingen. AI er nyt.");
        let found = find_mentions(&flat, &pats, &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(&flat[found[0].start..found[0].end], "kunstig intelligens (AI");
    }

    #[test]
    fn joined_pair_is_one_mention_but_separate_sentences_are_two() {
        let pats = [re(r"(?i)\bcyber\w*"), re(r"(?i)\binformationssikkerhed\w*")];
        assert_eq!(find_mentions("Cyber- og informationssikkerhed styrkes.", &pats, &[]).len(), 1);
        assert_eq!(find_mentions("Cyberangreb stiger. Vi styrker informationssikkerheden.", &pats, &[]).len(), 2);
    }

    #[test]
    fn exclusions_remove_overlapping_matches() {
        let pats = [re(r"(?i)klima\w*")];
        let excl = [re(r"(?i)\w*(?:arbejds|skole|lærings)klima\w*")];
        let flat = "Et godt arbejdsklima og en ambitiøs klimaplan.";
        let found = find_mentions(flat, &pats, &excl);
        assert_eq!(found.len(), 1);
        assert_eq!(&flat[found[0].start..found[0].end], "klimaplan");
    }

    #[test]
    fn flatten_collapses_all_whitespace() {
        assert_eq!(flatten_whitespace("  a\n\n b\tc  "), "a b c");
    }
}
