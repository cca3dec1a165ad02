//! Topic dictionaries: `queries/topics.toml` loaded, compiled and checked.
//!
//! One `[[topic]]` entry per topic: `id`, `label_da`, `label_en`, `patterns` and `exclude`
//! (Rust regex syntax), and `examples` / `counterexamples` that the dictionary's own test
//! checks. Ad hoc terms (`report --term`) become topics of their own.

use std::path::{Path, PathBuf};

use regex::Regex;
use serde::Deserialize;

use super::matcher::{find_mentions, flatten_whitespace, Mention};

/// Topic ids every dictionary used for the standard report must define.
pub const REQUIRED_TOPIC_IDS: &[&str] = &["digitalisation", "ai", "cyber", "nis2", "climate"];

/// A topic ready to count.
#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub label_da: String,
    pub label_en: String,
    /// Pattern sources as written, for `kommunsk topics`.
    pub pattern_sources: Vec<String>,
    pub exclude_sources: Vec<String>,
    pub examples: Vec<String>,
    pub counterexamples: Vec<String>,
    patterns: Vec<Regex>,
    exclusions: Vec<Regex>,
}

impl Topic {
    /// The label in the requested language (`"en"` for English, Danish otherwise).
    pub fn label(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.label_en
        } else {
            &self.label_da
        }
    }

    /// Mentions in text that is already whitespace-flattened.
    pub fn mentions_in_flat(&self, flat: &str) -> Vec<Mention> {
        find_mentions(flat, &self.patterns, &self.exclusions)
    }

    /// The compiled patterns and exclusions in dictionary order (for per-pattern statistics).
    pub fn compiled(&self) -> (&[Regex], &[Regex]) {
        (&self.patterns, &self.exclusions)
    }

    /// Number of mentions in raw page text.
    pub fn count(&self, text: &str) -> usize {
        self.mentions_in_flat(&flatten_whitespace(text)).len()
    }
}

/// A loaded dictionary.
#[derive(Debug, Clone)]
pub struct TopicSet {
    /// Where it came from (a file path, or "--term" for ad hoc terms); the report states it.
    pub source: String,
    pub topics: Vec<Topic>,
}

/// Why a dictionary could not be used.
#[derive(Debug, thiserror::Error)]
pub enum TopicError {
    #[error("cannot read topic file {path}: {cause}")]
    Read { path: PathBuf, cause: std::io::Error },
    #[error("topic file {path} is not valid TOML: {message}")]
    Toml { path: PathBuf, message: String },
    #[error("topic file {path}, topic {id:?}: invalid regex {pattern:?}: {message}")]
    Regex { path: PathBuf, id: String, pattern: String, message: String },
    #[error("topic file {path}: topic id {id:?} appears twice")]
    DuplicateId { path: PathBuf, id: String },
    #[error("topic file {path}, topic {id:?}: no patterns")]
    NoPatterns { path: PathBuf, id: String },
    #[error("term {term:?}: invalid regex: {message}")]
    Term { term: String, message: String },
    #[error("topic file {path} defines no topics")]
    Empty { path: PathBuf },
    #[error("{what} is {bytes} bytes, more than the limit of {limit} bytes for topic patterns")]
    TooLarge { what: String, bytes: u64, limit: u64 },
}

/// Largest topic dictionary (or list of ad hoc terms) accepted. The shipped one is a few KB;
/// every pattern becomes a compiled regex run over every page, and 8 MB of patterns take
/// gigabytes to compile.
pub const MAX_DICTIONARY_BYTES: u64 = 1024 * 1024;

fn check_size(what: &str, bytes: u64) -> Result<(), TopicError> {
    if bytes > MAX_DICTIONARY_BYTES {
        return Err(TopicError::TooLarge { what: what.to_string(), bytes, limit: MAX_DICTIONARY_BYTES });
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileFormat {
    #[serde(default)]
    topic: Vec<TopicEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicEntry {
    id: String,
    label_da: String,
    label_en: String,
    patterns: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    counterexamples: Vec<String>,
}

impl TopicSet {
    /// Loads and compiles a topic file.
    pub fn load(path: &Path) -> Result<TopicSet, TopicError> {
        let size = std::fs::metadata(path).map_err(|cause| TopicError::Read { path: path.into(), cause })?.len();
        check_size(&path.display().to_string(), size)?;
        let text = std::fs::read_to_string(path).map_err(|cause| TopicError::Read { path: path.into(), cause })?;
        Self::parse(&text, path)
    }

    /// Compiles a topic file's text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<TopicSet, TopicError> {
        check_size(&path.display().to_string(), text.len() as u64)?;
        let file: FileFormat =
            toml::from_str(text).map_err(|e| TopicError::Toml { path: path.into(), message: e.to_string() })?;
        if file.topic.is_empty() {
            return Err(TopicError::Empty { path: path.into() });
        }
        let mut topics: Vec<Topic> = Vec::with_capacity(file.topic.len());
        for entry in file.topic {
            if topics.iter().any(|t| t.id == entry.id) {
                return Err(TopicError::DuplicateId { path: path.into(), id: entry.id });
            }
            if entry.patterns.is_empty() {
                return Err(TopicError::NoPatterns { path: path.into(), id: entry.id });
            }
            let compile = |sources: &[String]| -> Result<Vec<Regex>, TopicError> {
                sources
                    .iter()
                    .map(|p| {
                        Regex::new(p).map_err(|e| TopicError::Regex {
                            path: path.into(),
                            id: entry.id.clone(),
                            pattern: p.clone(),
                            message: e.to_string(),
                        })
                    })
                    .collect()
            };
            let patterns = compile(&entry.patterns)?;
            let exclusions = compile(&entry.exclude)?;
            topics.push(Topic {
                id: entry.id,
                label_da: entry.label_da,
                label_en: entry.label_en,
                pattern_sources: entry.patterns,
                exclude_sources: entry.exclude,
                examples: entry.examples,
                counterexamples: entry.counterexamples,
                patterns,
                exclusions,
            });
        }
        Ok(TopicSet { source: path.display().to_string(), topics })
    }

    /// Ad hoc topics from terms typed by the user: a plain word matches case-insensitively as a
    /// word prefix (so inflections and compounds count: "velfærdsteknologi" also finds
    /// "velfærdsteknologien"); a term written as `/regex/` is used as a regex as it stands.
    pub fn from_terms(terms: &[String]) -> Result<TopicSet, TopicError> {
        check_size("the list of terms", terms.iter().map(|t| t.len() as u64 + 1).sum())?;
        let mut topics = Vec::new();
        for term in terms.iter().map(|t| t.trim()).filter(|t| !t.is_empty() && !t.starts_with('#')) {
            let pattern = match term.strip_prefix('/').and_then(|t| t.strip_suffix('/')) {
                Some(regex) => regex.to_string(),
                None => {
                    let words: Vec<String> = term.split_whitespace().map(regex::escape).collect();
                    format!(r"(?i)\b{}\w*", words.join(r"\s+"))
                }
            };
            let compiled = Regex::new(&pattern)
                .map_err(|e| TopicError::Term { term: term.to_string(), message: e.to_string() })?;
            if topics.iter().any(|t: &Topic| t.id == term) {
                continue;
            }
            topics.push(Topic {
                id: term.to_string(),
                label_da: term.to_string(),
                label_en: term.to_string(),
                pattern_sources: vec![pattern],
                exclude_sources: Vec::new(),
                examples: Vec::new(),
                counterexamples: Vec::new(),
                patterns: vec![compiled],
                exclusions: Vec::new(),
            });
        }
        Ok(TopicSet { source: "--term".to_string(), topics })
    }

    /// The topic with this id.
    pub fn get(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// Checks every topic's examples (≥ 1 mention) and counterexamples (0 mentions); returns
    /// one line per failure.
    pub fn check_examples(&self) -> Vec<String> {
        let mut failures = Vec::new();
        for topic in &self.topics {
            for example in &topic.examples {
                if topic.count(example) == 0 {
                    failures.push(format!("{}: example not matched: {example:?}", topic.id));
                }
            }
            for counter in &topic.counterexamples {
                let found = topic.mentions_in_flat(&flatten_whitespace(counter));
                if let Some(m) = found.first() {
                    let flat = flatten_whitespace(counter);
                    let text = flat.get(m.start..m.end).unwrap_or_default();
                    failures.push(format!("{}: counterexample matched {text:?} in {counter:?}", topic.id));
                }
            }
        }
        failures
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[topic]]
id = "ai"
label_da = "Kunstig intelligens"
label_en = "Artificial intelligence"
patterns = ['\bAI\b', '(?i)\bkunstig\s+intelligens\w*']
examples = ["AI-løsninger"]
counterexamples = ["e-mail"]
"#;

    #[test]
    fn parses_and_counts() {
        let set = TopicSet::parse(SAMPLE, Path::new("t.toml")).unwrap();
        let ai = set.get("ai").unwrap();
        assert_eq!(ai.count("Brug af AI og kunstig intelligens (AI). Send en e-mail."), 1);
        assert!(set.check_examples().is_empty());
    }

    #[test]
    fn bad_regex_names_file_topic_and_pattern() {
        let err = TopicSet::parse(&SAMPLE.replace(r"\bAI\b", "(AI"), Path::new("q/t.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with(r#"topic file q/t.toml, topic "ai": invalid regex "(AI""#), "{msg}");
    }

    #[test]
    fn terms_match_inflections_and_explicit_regexes() {
        let set = TopicSet::from_terms(&["velfærdsteknologi".into(), r"/\bNIS\s?2\b/".into()]).unwrap();
        assert_eq!(set.topics[0].count("Velfærdsteknologien virker. Mere velfærdsteknologi."), 2);
        assert_eq!(set.topics[1].count("NIS 2 og NIS2"), 1); // joined by "og": one mention
    }
}
