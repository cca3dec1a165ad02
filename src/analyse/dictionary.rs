//! Which topic dictionary a command uses, so that kommunsk works from any folder.
//!
//! The shipped `queries/topics.toml` is compiled into the binary. Order, first found wins:
//! `--topics FILE` (the user named it) > `queries/topics.toml` beside the corpus folder (a
//! copy kept with the documents it was written for) > `queries/topics.toml` in the working
//! directory (the repository checkout, or a copy made with `topics --export`) > the built-in
//! one. Every output states which one it was ([`TopicSet::source`]).

use std::path::{Path, PathBuf};

use super::topics::{TopicError, TopicSet};

/// The shipped dictionary, as it was when the binary was built.
pub const BUILTIN_TOML: &str = include_str!("../../queries/topics.toml");

/// Where a dictionary is looked for, relative to a corpus folder's parent or the working directory.
pub const DICTIONARY_NAME: &str = "queries/topics.toml";

/// Hex digits of the content hash shown for the built-in dictionary: enough to tell two builds'
/// dictionaries apart at a glance.
const SHORT_HASH_HEX: usize = 12;

/// "built-in (1a2b3c4d5e6f)": the built-in dictionary's name with a short hash of its content,
/// so a report says exactly which version of the dictionary counted it.
pub fn builtin_source() -> String {
    let hash = blake3::hash(BUILTIN_TOML.as_bytes()).to_hex();
    format!("built-in ({})", hash.get(..SHORT_HASH_HEX).unwrap_or_default())
}

/// The built-in dictionary, compiled.
pub fn builtin() -> Result<TopicSet, TopicError> {
    let mut set = TopicSet::parse(BUILTIN_TOML, Path::new("built-in"))?;
    set.source = builtin_source();
    Ok(set)
}

/// The dictionary file that would be used (see the module docs); `None` = the built-in one.
pub fn locate(explicit: Option<&Path>, corpus: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    let beside_corpus = corpus.map(|c| c.parent().unwrap_or(Path::new("")).join(DICTIONARY_NAME));
    beside_corpus.into_iter().chain([PathBuf::from(DICTIONARY_NAME)]).find(|p| p.is_file())
}

/// Loads the dictionary a command should use: the named file, one found beside the corpus or in
/// the working directory, or the built-in one.
pub fn load(explicit: Option<&Path>, corpus: Option<&Path>) -> Result<TopicSet, TopicError> {
    match locate(explicit, corpus) {
        Some(path) => TopicSet::load(&path),
        None => builtin(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_dictionary_compiles_and_names_its_hash() {
        let set = builtin().expect("the shipped dictionary compiles");
        assert!(set.topics.len() >= super::super::topics::REQUIRED_TOPIC_IDS.len());
        assert!(set.source.starts_with("built-in ("), "{}", set.source);
        assert_eq!(set.source.len(), "built-in ()".len() + SHORT_HASH_HEX);
        assert!(set.check_examples().is_empty());
    }

    #[test]
    fn a_named_file_wins_even_when_missing() {
        let named = Path::new("/nonexistent/mine.toml");
        assert_eq!(locate(Some(named), None), Some(named.to_path_buf()));
        let err = load(Some(named), None).expect_err("a named file must exist");
        assert!(err.to_string().contains("/nonexistent/mine.toml"), "{err}");
    }

    #[test]
    fn a_dictionary_beside_the_corpus_is_picked_up() {
        let dir = std::env::temp_dir().join(format!("kommunsk-dict-{}", std::process::id()));
        let corpus = dir.join("corpus");
        std::fs::create_dir_all(&corpus).expect("temp dir");
        std::fs::create_dir_all(dir.join("queries")).expect("temp dir");
        let beside = dir.join(DICTIONARY_NAME);
        std::fs::write(&beside, BUILTIN_TOML).expect("write");
        assert_eq!(locate(None, Some(&corpus)), Some(beside.clone()));
        assert_eq!(load(None, Some(&corpus)).expect("loads").source, beside.display().to_string());
        std::fs::remove_dir_all(&dir).ok();
    }
}
