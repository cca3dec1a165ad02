//! `kommunsk topics`: the topic dictionary, readable; `--check` tests its examples;
//! `--export FILE` writes an editable copy of the dictionary in use.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::output::{emit, UsageError};
use crate::analyse::dictionary;

#[derive(Debug, Args)]
pub struct TopicsArgs {
    /// Topic dictionary (TOML) [default: queries/topics.toml in the working directory, else the
    /// built-in one].
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,
    /// Check every topic's examples and counterexamples; exit 1 if any fails.
    #[arg(long)]
    pub check: bool,
    /// Write an editable copy of the dictionary to FILE (refuses to overwrite an existing file).
    /// Put it at queries/topics.toml beside the corpus folder to have it picked up, or name it
    /// with --topics.
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,
}

/// Writes the dictionary's TOML text to `target`, never over an existing file (it may hold the
/// user's edits).
fn export(source: Option<&Path>, target: &Path) -> anyhow::Result<()> {
    let text = match dictionary::locate(source, None) {
        Some(path) => std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?,
        None => dictionary::BUILTIN_TOML.to_string(),
    };
    if target.exists() {
        return Err(UsageError(format!("{} already exists; not overwriting it", target.display())).into());
    }
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(target, text).with_context(|| format!("cannot write {}", target.display()))
}

pub fn run(args: TopicsArgs) -> anyhow::Result<ExitCode> {
    let set = dictionary::load(args.topics.as_deref(), None)?;
    if let Some(target) = &args.export {
        export(args.topics.as_deref(), target)?;
        eprintln!("kommunsk: wrote {} topics from {} to {}", set.topics.len(), set.source, target.display());
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    let _ = writeln!(out, "{} topics in {}\n", set.topics.len(), set.source);
    for topic in &set.topics {
        let _ = writeln!(out, "{}  —  {} / {}", topic.id, topic.label_da, topic.label_en);
        for p in &topic.pattern_sources {
            let _ = writeln!(out, "    matches   {p}");
        }
        for p in &topic.exclude_sources {
            let _ = writeln!(out, "    except    {p}");
        }
        let _ = writeln!(
            out,
            "    examples  {} must match, {} must not\n",
            topic.examples.len(),
            topic.counterexamples.len()
        );
    }
    if args.check {
        let failures = set.check_examples();
        for failure in &failures {
            let _ = writeln!(out, "FAIL {failure}");
        }
        let total: usize = set.topics.iter().map(|t| t.examples.len() + t.counterexamples.len()).sum();
        let _ = writeln!(out, "{} of {total} examples behave as documented", total - failures.len());
        emit(&out)?;
        return Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE });
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
