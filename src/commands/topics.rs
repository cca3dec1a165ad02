//! `kommunsk topics`: the topic dictionary, readable; `--check` tests its examples.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::output::emit;
use crate::analyse::TopicSet;

/// Where the shipped dictionary lives, relative to the working directory.
pub const DEFAULT_TOPICS: &str = "queries/topics.toml";

#[derive(Debug, Args)]
pub struct TopicsArgs {
    /// Topic dictionary (TOML).
    #[arg(long, value_name = "FILE", default_value = DEFAULT_TOPICS)]
    pub topics: PathBuf,
    /// Check every topic's examples and counterexamples; exit 1 if any fails.
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: TopicsArgs) -> anyhow::Result<ExitCode> {
    let set = TopicSet::load(&args.topics)?;
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
