//! What each pattern of a topic finds over the index (`kommunsk topics --stats`): mentions and
//! municipalities per pattern, patterns that find nothing, the words they match most often, and
//! the matches reviewers rejected, with an exclusion that would remove them.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use super::file::{ReviewFile, Verdict};
use super::key::normalise;
use crate::analyse::{flatten_whitespace, Topic, TopicSet};
use crate::index::StoredPage;

/// Matched words listed per pattern.
const TOP_WORDS: usize = 5;

/// One pattern's yield.
#[derive(Debug, Clone, Serialize)]
pub struct PatternStats {
    pub pattern: String,
    /// Counted mentions this pattern takes part in.
    pub mentions: usize,
    /// Municipalities with at least one of them (all years together).
    pub municipalities: usize,
    /// Most frequent matched text (lower case) with its count.
    pub words: Vec<(String, usize)>,
}

/// A match reviewers rejected, and what could exclude it.
#[derive(Debug, Clone, Serialize)]
pub struct RejectedMatch {
    /// The matched text, normalised.
    pub matched: String,
    pub rejected: usize,
    /// Reviews of the same matched text that were right (an exclusion must spare them).
    pub right: usize,
    pub example: String,
    /// A regex for the topic's `exclude` list built from the match and its neighbouring word,
    /// offered only when it matches none of the sentences reviewed as right.
    pub suggested_exclusion: Option<String>,
}

/// One topic's yield.
#[derive(Debug, Clone, Serialize)]
pub struct TopicStats {
    pub id: String,
    pub label: String,
    pub mentions: usize,
    pub municipalities: usize,
    pub patterns: Vec<PatternStats>,
    pub rejected: Vec<RejectedMatch>,
}

/// Per page and topic: (pattern index, mention index on the page, matched text) for every
/// pattern match inside a counted mention, plus the page's mention count.
type PageHits = (Option<u16>, Vec<(usize, Vec<(usize, usize, String)>)>);

/// Statistics for every topic over the counted pages (municipality and year known).
pub fn pattern_stats(pages: &[StoredPage], topics: &TopicSet, reviews: &ReviewFile, lang: &str) -> Vec<TopicStats> {
    let per_page: Vec<PageHits> = pages
        .par_iter()
        .filter(|p| p.info.missing().is_none())
        .map(|p| {
            let flat = flatten_whitespace(&p.text);
            (p.info.code, topics.topics.iter().map(|t| page_hits(t, &flat)).collect())
        })
        .collect();
    topics
        .topics
        .iter()
        .enumerate()
        .map(|(ti, topic)| {
            let mut mentions = 0;
            let mut places = BTreeSet::new();
            let n = topic.pattern_sources.len();
            let mut counts = vec![0usize; n];
            let mut pattern_places = vec![BTreeSet::new(); n];
            let mut words = vec![HashMap::<String, usize>::new(); n];
            for (code, hits) in &per_page {
                let (page_mentions, matches) = &hits[ti];
                mentions += page_mentions;
                if *page_mentions > 0 {
                    places.insert(*code);
                }
                let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
                for (pattern, mention, word) in matches {
                    if seen.insert((*pattern, *mention)) {
                        counts[*pattern] += 1;
                    }
                    pattern_places[*pattern].insert(*code);
                    *words[*pattern].entry(word.clone()).or_insert(0) += 1;
                }
            }
            let patterns = (0..n)
                .map(|i| {
                    let mut top: Vec<(String, usize)> = words[i].clone().into_iter().collect();
                    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                    top.truncate(TOP_WORDS);
                    PatternStats {
                        pattern: topic.pattern_sources[i].clone(),
                        mentions: counts[i],
                        municipalities: pattern_places[i].len(),
                        words: top,
                    }
                })
                .collect();
            TopicStats {
                id: topic.id.clone(),
                label: topic.label(lang).to_string(),
                mentions,
                municipalities: places.len(),
                patterns,
                rejected: rejected_matches(&topic.id, reviews),
            }
        })
        .collect()
}

/// The mention count of one topic on one page and every pattern match inside a mention.
fn page_hits(topic: &Topic, flat: &str) -> (usize, Vec<(usize, usize, String)>) {
    let mentions = topic.mentions_in_flat(flat);
    if mentions.is_empty() {
        return (0, Vec::new());
    }
    let (patterns, exclusions) = topic.compiled();
    let excluded: Vec<(usize, usize)> =
        exclusions.iter().flat_map(|re| re.find_iter(flat).map(|m| (m.start(), m.end()))).collect();
    let mut hits = Vec::new();
    for (pi, re) in patterns.iter().enumerate() {
        for m in re.find_iter(flat).filter(|m| m.end() > m.start()) {
            if excluded.iter().any(|&(s, e)| s < m.end() && m.start() < e) {
                continue;
            }
            if let Some(mi) = mentions.iter().position(|x| x.start <= m.start() && m.end() <= x.end) {
                hits.push((pi, mi, m.as_str().to_lowercase()));
            }
        }
    }
    (mentions.len(), hits)
}

/// Rejected reviews of a topic grouped by matched text, most rejected first.
fn rejected_matches(topic: &str, reviews: &ReviewFile) -> Vec<RejectedMatch> {
    let of_topic: Vec<_> = reviews.reviews.iter().filter(|r| r.topic == topic).collect();
    let right_sentences: Vec<&str> =
        of_topic.iter().filter(|r| r.verdict == Verdict::Right).map(|r| r.sentence.as_str()).collect();
    let mut groups: BTreeMap<String, RejectedMatch> = BTreeMap::new();
    for r in &of_topic {
        let matched = normalise(&r.matched);
        let group = groups.entry(matched.clone()).or_insert_with(|| RejectedMatch {
            matched,
            rejected: 0,
            right: 0,
            example: String::new(),
            suggested_exclusion: None,
        });
        match r.verdict {
            Verdict::Right => group.right += 1,
            Verdict::Wrong => {
                group.rejected += 1;
                if group.example.is_empty() {
                    group.example = r.sentence.clone();
                    group.suggested_exclusion = suggest_exclusion(&r.sentence, &r.matched)
                        .filter(|re| !right_sentences.iter().any(|s| matches(re, s)));
                }
            }
        }
    }
    let mut list: Vec<RejectedMatch> = groups.into_values().filter(|g| g.rejected > 0).collect();
    list.sort_by(|a, b| b.rejected.cmp(&a.rejected).then_with(|| a.matched.cmp(&b.matched)));
    list
}

/// `(?i)` + the word holding the match and the word before it (or after it, at a sentence
/// start), escaped: narrow enough to spare the other uses of the matched word.
fn suggest_exclusion(sentence: &str, matched: &str) -> Option<String> {
    let flat = flatten_whitespace(sentence);
    let at = flat.find(matched)?;
    let word_start = flat[..at].rfind(' ').map_or(0, |i| i + 1);
    let word_end = flat[at..].find(' ').map_or(flat.len(), |i| at + i);
    let word = &flat[word_start..word_end];
    let before = flat[..word_start].split(' ').rev().find(|w| !w.is_empty());
    let after = flat[word_end..].split(' ').find(|w| !w.is_empty());
    let phrase = match (before, after) {
        (Some(b), _) => [b, word],
        (None, Some(a)) => [word, a],
        (None, None) => return None,
    };
    let escaped: Vec<String> = phrase.iter().map(|w| regex::escape(w)).collect();
    Some(format!(r"(?i){}", escaped.join(r"\s+")))
}

fn matches(pattern: &str, text: &str) -> bool {
    regex::Regex::new(pattern).is_ok_and(|re| re.is_match(&flatten_whitespace(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exclusion_takes_the_neighbouring_word() {
        assert_eq!(
            suggest_exclusion("Tilskud til Aarhus Idræt (AI) fortsætter.", "AI").as_deref(),
            Some(r"(?i)Idræt\s+\(AI\)")
        );
        assert_eq!(suggest_exclusion("AI-holdet vandt.", "AI").as_deref(), Some(r"(?i)AI\-holdet\s+vandt\."));
        assert_eq!(suggest_exclusion("AI", "AI"), None);
    }
}
