//! Which words a page must contain before a topic's patterns can match it: the prefilter's
//! literals, derived from the regexes themselves.
//!
//! For each pattern we derive a set of strings one of which occurs in every match ("required
//! literals"), folded as [`crate::index::literal_terms`] folds the index's `terms` field, and keep
//! of each string its longest run of alphanumeric characters (a run lies inside one word of the
//! page, so some term of the page contains it). A pattern without such a set (`\w+`, `.`) makes
//! the topic unfilterable and every page a candidate: the prefilter may only ever drop pages the
//! regexes cannot match.

use std::collections::BTreeSet;

use regex_syntax::hir::{Class, Hir, HirKind};

use crate::index::literal_terms::{fold_char, MAX_LITERAL_CHARS};

/// Stands for a non-alphanumeric character inside a derived string (a word boundary).
const SEPARATOR: char = '\u{0}';
/// Largest set of alternative strings kept for one piece of a pattern.
const MAX_ALTERNATIVES: usize = 64;
/// Largest character class expanded into alternatives (`[sz]`, `(?i)k` = {K, k, K}).
const MAX_CLASS_CHARS: u32 = 8;

/// The words (folded, at most [`MAX_LITERAL_CHARS`] characters) one of which a page's `terms`
/// must contain for the patterns to match; `None` when some pattern offers no usable literal.
pub fn required_words(patterns: &[String]) -> Option<BTreeSet<String>> {
    let mut words = BTreeSet::new();
    for pattern in patterns {
        let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
        for string in required(&hir)? {
            words.insert(longest_word(&string)?);
        }
    }
    Some(words)
}

/// The longest alphanumeric run of a derived string, cut to [`MAX_LITERAL_CHARS`].
fn longest_word(string: &str) -> Option<String> {
    let best = string.split(SEPARATOR).max_by_key(|w| w.chars().count())?;
    let word: String = best.chars().take(MAX_LITERAL_CHARS).collect();
    (!word.is_empty()).then_some(word)
}

/// Strings one of which occurs in every match of `hir` (`None`: no such finite set found).
fn required(hir: &Hir) -> Option<BTreeSet<String>> {
    if let Some(exact) = exact(hir) {
        return usable(exact);
    }
    match hir.kind() {
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Alternation(alternatives) => {
            let mut all = BTreeSet::new();
            for alternative in alternatives {
                all.extend(required(alternative)?);
            }
            Some(all)
        }
        HirKind::Concat(parts) => {
            // Runs of consecutive exact parts are joined into longer strings; any one part's (or
            // run's) requirement holds for the whole concatenation, so keep the most selective.
            let mut candidates: Vec<BTreeSet<String>> = Vec::new();
            let mut run: Option<BTreeSet<String>> = None;
            for part in parts {
                if let Some(strings) = exact(part) {
                    run = Some(match run.take() {
                        None => strings,
                        Some(before) => product(&before, &strings).unwrap_or_else(|| {
                            // Too many combinations: close the run and start a new one here.
                            candidates.extend(usable(before));
                            strings
                        }),
                    });
                } else {
                    candidates.extend(run.take().and_then(usable));
                    candidates.extend(required(part));
                }
            }
            candidates.extend(run.and_then(usable));
            candidates.into_iter().max_by_key(selectivity)
        }
        _ => None,
    }
}

/// A set is usable when every string in it has at least one alphanumeric character.
fn usable(strings: BTreeSet<String>) -> Option<BTreeSet<String>> {
    strings.iter().all(|s| s.split(SEPARATOR).any(|w| !w.is_empty())).then_some(strings)
}

/// How narrow a requirement is: its weakest string's longest word.
fn selectivity(strings: &BTreeSet<String>) -> usize {
    strings.iter().map(|s| s.split(SEPARATOR).map(|w| w.chars().count()).max().unwrap_or(0)).min().unwrap_or(0)
}

/// Every string `hir` can match, folded, when that set is small (empty-width assertions match "").
fn exact(hir: &Hir) -> Option<BTreeSet<String>> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(BTreeSet::from([String::new()])),
        HirKind::Literal(literal) => {
            let text = std::str::from_utf8(&literal.0).ok()?;
            let mut folded = String::new();
            for c in text.chars() {
                push_folded(c, &mut folded);
            }
            Some(BTreeSet::from([folded]))
        }
        HirKind::Class(Class::Unicode(class)) => {
            let size: u32 = class.ranges().iter().map(|r| u32::from(r.end()) - u32::from(r.start()) + 1).sum();
            if size > MAX_CLASS_CHARS {
                return None;
            }
            let chars = class.ranges().iter().flat_map(|r| r.start()..=r.end());
            let mut set = BTreeSet::new();
            for c in chars {
                let mut folded = String::new();
                push_folded(c, &mut folded);
                set.insert(folded);
            }
            Some(set)
        }
        HirKind::Class(Class::Bytes(_)) => None,
        HirKind::Capture(capture) => exact(&capture.sub),
        HirKind::Repetition(rep) => {
            let max = rep.max?;
            if max > 8 {
                return None;
            }
            let one = exact(&rep.sub)?;
            let mut all = BTreeSet::new();
            let mut current = BTreeSet::from([String::new()]);
            for count in 0..=max {
                if count >= rep.min {
                    all.extend(current.iter().cloned());
                }
                current = product(&current, &one)?;
            }
            (all.len() <= MAX_ALTERNATIVES).then_some(all)
        }
        HirKind::Concat(parts) => {
            let mut all = BTreeSet::from([String::new()]);
            for part in parts {
                all = product(&all, &exact(part)?)?;
            }
            Some(all)
        }
        HirKind::Alternation(alternatives) => {
            let mut all = BTreeSet::new();
            for alternative in alternatives {
                all.extend(exact(alternative)?);
            }
            (all.len() <= MAX_ALTERNATIVES).then_some(all)
        }
    }
}

/// A character as the `terms` field sees it: folded when alphanumeric, a separator otherwise.
fn push_folded(c: char, out: &mut String) {
    if c.is_alphanumeric() {
        fold_char(c, out);
    } else {
        out.push(SEPARATOR);
    }
}

/// Every concatenation of a string of `a` with one of `b` (`None` when too many).
fn product(a: &BTreeSet<String>, b: &BTreeSet<String>) -> Option<BTreeSet<String>> {
    if a.len() * b.len() > MAX_ALTERNATIVES {
        return None;
    }
    Some(a.iter().flat_map(|x| b.iter().map(move |y| format!("{x}{y}"))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(patterns: &[&str]) -> Option<Vec<String>> {
        let owned: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
        required_words(&owned).map(|set| set.into_iter().collect())
    }

    #[test]
    fn stems_inside_compounds_and_case_insensitive_words() {
        assert_eq!(words(&[r"(?i)\w*klima\w*"]).unwrap(), ["klima"]);
        assert_eq!(words(&[r"(?i)\w*digitali[sz]\w*"]).unwrap(), ["digitalis", "digitaliz"]);
        assert_eq!(words(&[r"\bAI\b", r"\bChatGPT\w*"]).unwrap(), ["ai", "chatgpt"]);
        assert_eq!(words(&[r"(?i)Å(?:r|rs)"]).unwrap(), ["år", "års"]);
    }

    #[test]
    fn phrases_keep_their_most_selective_word() {
        assert_eq!(words(&[r"(?i)\bkunstig(?:e|t)?\s+intelligens\w*"]).unwrap(), ["intelligens"]);
        assert_eq!(words(&[r"(?i)\bit[ -]sikkerhed\w*"]).unwrap(), ["sikkerhed"]);
    }

    #[test]
    fn patterns_without_literals_disable_the_prefilter() {
        assert_eq!(words(&[r"(?i)\w*klima\w*", r"\w+"]), None);
        assert_eq!(words(&[r"(?i)klima|\d+"]), None);
        assert_eq!(words(&[r"[-–]"]), None);
    }

    #[test]
    fn alternations_need_a_literal_in_every_branch() {
        // The parser factors the common "n" out of the branches, leaving "is" for the first.
        assert_eq!(
            words(&[r"(?i)\b(?:NIS\s?2|netværks- og informationssikkerhed)"]).unwrap(),
            ["informationssikkerhed", "is"]
        );
        assert_eq!(words(&[r"(?i)\b(?:grøn omstilling|bæredygtig\w*)"]).unwrap(), ["bæredygtig", "omstilling"]);
    }
}
