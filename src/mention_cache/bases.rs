//! Earlier definitions of an edited topic, reused.
//!
//! A topic's mentions on a page are a function of the hits of all its patterns and exclusions
//! ([`crate::analyse::matcher::find_mentions`]): the hits are pooled, filtered by the
//! exclusions, sorted and merged, so neither the order of the patterns nor a repeated pattern
//! matters. When a new definition differs from a cached one only by whole patterns added or
//! removed (same exclusions, same matcher rules), a page on which none of those changed
//! patterns matches has exactly the same hits under both definitions, hence the same mentions.
//! So after such an edit only the pages the changed patterns' prefilter admits are matched
//! again; every other page takes the cached definition's result.
//!
//! Each topic file written gets a small JSON file beside the cache (`definitions/<hash>.json`)
//! naming its patterns and exclusions, so an edited definition can find the closest cached one.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::topic_results::TopicResults;
use super::{MatchedMention, TextHash};
use crate::analyse::literals::required_words;
use crate::analyse::matcher::MATCHER_VERSION;
use crate::analyse::Topic;

/// What decides a topic's mentions, as sets (order and repetition do not change mentions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Definition {
    matcher: u32,
    patterns: BTreeSet<String>,
    exclude: BTreeSet<String>,
}

impl Definition {
    pub fn of(topic: &Topic) -> Definition {
        Definition {
            matcher: MATCHER_VERSION,
            patterns: topic.pattern_sources.iter().cloned().collect(),
            exclude: topic.exclude_sources.iter().cloned().collect(),
        }
    }

    /// The patterns in one definition and not the other, when that is the only difference and
    /// the two share more patterns than they differ in (an edit, not another topic: otherwise
    /// the changed patterns' pages would be more than the new definition's own).
    fn changed_patterns(&self, other: &Definition) -> Option<Vec<String>> {
        if self.matcher != other.matcher || self.exclude != other.exclude {
            return None;
        }
        let changed: Vec<String> = self.patterns.symmetric_difference(&other.patterns).cloned().collect();
        let shared = self.patterns.intersection(&other.patterns).count();
        (!changed.is_empty() && changed.len() <= shared).then_some(changed)
    }

    /// Writes the definition as JSON (a failure only costs the next edit its shortcut).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        super::write_atomically(path, &json)
    }

    fn load(path: &Path) -> Option<Definition> {
        serde_json::from_slice(&std::fs::read(path).ok()?).ok()
    }
}

/// A cached definition to inherit from: its results, and the words one of which a page must
/// contain for a changed pattern to match it (`None`: no usable literal, every page).
#[derive(Debug)]
pub struct Base {
    /// Segments the cached results cover.
    pub segments: BTreeSet<String>,
    pub pages: HashMap<TextHash, Vec<MatchedMention>>,
    pub changed_words: Option<BTreeSet<String>>,
}

/// The cached definition closest to `topic` (fewest changed patterns) among the definitions in
/// `definitions` whose results are in `topics/<hash>.bin`, if any differs only by patterns.
pub fn find(definitions: &Path, topic_files: &Path, topic: &Topic) -> Option<Base> {
    let wanted = Definition::of(topic);
    let mut best: Option<(Vec<String>, std::path::PathBuf)> = None;
    for entry in std::fs::read_dir(definitions).ok()?.flatten() {
        let path = entry.path();
        let Some(hash) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".json")) else {
            continue;
        };
        let results = topic_files.join(format!("{hash}.bin"));
        let Some(changed) = Definition::load(&path).and_then(|d| d.changed_patterns(&wanted)) else { continue };
        if best.as_ref().is_none_or(|(b, _)| changed.len() < b.len()) && results.is_file() {
            best = Some((changed, results));
        }
    }
    let (changed, file) = best?;
    let results = TopicResults::load(&file);
    if results.segments.is_empty() {
        return None;
    }
    Some(Base { segments: results.segments, pages: results.pages, changed_words: required_words(&changed) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn definition(patterns: &[&str], exclude: &[&str]) -> Definition {
        Definition {
            matcher: MATCHER_VERSION,
            patterns: patterns.iter().map(|p| p.to_string()).collect(),
            exclude: exclude.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn only_a_difference_in_patterns_can_be_inherited() {
        let old = definition(&["a", "b"], &["x"]);
        assert_eq!(old.changed_patterns(&definition(&["b", "a", "c"], &["x"])), Some(vec!["c".to_string()]));
        assert_eq!(old.changed_patterns(&definition(&["a"], &["x"])), Some(vec!["b".to_string()]));
        assert_eq!(old.changed_patterns(&definition(&["b", "a"], &["x"])), None, "nothing changed");
        assert_eq!(old.changed_patterns(&definition(&["a", "b"], &[])), None, "exclusions changed");
        assert_eq!(old.changed_patterns(&definition(&["c"], &["x"])), None, "nothing shared");
        assert_eq!(old.changed_patterns(&definition(&["a", "c", "d"], &["x"])), None, "more changed than shared");
        let mut other_rules = definition(&["a"], &["x"]);
        other_rules.matcher += 1;
        assert_eq!(old.changed_patterns(&other_rules), None, "matcher rules changed");
    }
}
