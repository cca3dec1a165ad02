//! `kommunsk topics`: the topic dictionary, readable; `--check` tests its examples;
//! `--export FILE` writes an editable copy of the dictionary in use.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::index_source::{IndexSource, IndexSourceArgs};
use super::output::{emit, UsageError};
use crate::analyse::{dictionary, TopicSet};
use crate::index::CorpusIndex;
use crate::review::pattern_stats::pattern_stats;
use crate::review::ReviewFile;

#[derive(Debug, Args)]
pub struct TopicsArgs {
    /// The index, corpus and dictionary: the dictionary `report` counts with is the one shown;
    /// the index is read only by --stats.
    #[command(flatten)]
    pub source: IndexSourceArgs,
    /// Check every topic's examples and counterexamples; exit 1 if any fails.
    #[arg(long)]
    pub check: bool,
    /// What each pattern finds in the index: mentions, municipalities, most frequent matched
    /// words, patterns that find nothing, and exclusions suggested by rejected reviews.
    #[arg(long)]
    pub stats: bool,
    /// With --stats: print JSON.
    #[arg(long, requires = "stats")]
    pub json: bool,
    /// With --stats: reviews file (default: reviews.csv beside the topic dictionary).
    #[arg(long, value_name = "FILE")]
    pub reviews: Option<PathBuf>,
    /// Write an editable copy of the dictionary to FILE (refuses to overwrite an existing file).
    /// Put it at queries/topics.toml beside the corpus folder to have it picked up, or name it
    /// with --topics.
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,
}

/// Writes the dictionary's TOML text to `target`, never over an existing file (it may hold the
/// user's edits).
fn export(source: &IndexSource, target: &Path) -> anyhow::Result<()> {
    let text = match &source.topics_file {
        Some(path) => std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?,
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
    let source = args.source.resolve();
    let set = source.load_topics()?;
    if let Some(target) = &args.export {
        export(&source, target)?;
        eprintln!("kommunsk: wrote {} topics from {} to {}", set.topics.len(), set.source, target.display());
        return Ok(ExitCode::SUCCESS);
    }
    if args.stats {
        return stats(&args, &source, &set);
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

/// `topics --stats`: each pattern's yield over the index.
fn stats(args: &TopicsArgs, source: &IndexSource, set: &TopicSet) -> anyhow::Result<ExitCode> {
    source.refresh()?;
    let index = CorpusIndex::open(&source.index_dir)?;
    let pages = index.pages(&index.reader()?.searcher())?;
    let reviews = ReviewFile::load(&source.reviews_path(args.reviews.as_deref()))?;
    let stats = pattern_stats(&pages, set, &reviews, "da");
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&stats)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "What each pattern of {} finds in {} (all years, counted documents)\n",
        set.source,
        source.index_dir.display()
    );
    for topic in &stats {
        let _ = writeln!(
            out,
            "{}  —  {}: {} mentions in {} municipalities",
            topic.id, topic.label, topic.mentions, topic.municipalities
        );
        let width = topic.patterns.iter().map(|p| p.pattern.chars().count()).max().unwrap_or(0);
        for p in &topic.patterns {
            let pad = " ".repeat(width - p.pattern.chars().count());
            if p.mentions == 0 {
                let _ = writeln!(out, "    {}{pad}  finds nothing", p.pattern);
                continue;
            }
            let words: Vec<String> = p.words.iter().map(|(w, n)| format!("{w} {n}")).collect();
            let _ = writeln!(
                out,
                "    {}{pad}  {:>5} mentions · {:>3} municipalities · {}",
                p.pattern,
                p.mentions,
                p.municipalities,
                words.join(", ")
            );
        }
        for r in &topic.rejected {
            let _ = write!(out, "    rejected in review {}× «{}» ({} right)", r.rejected, r.matched, r.right);
            match &r.suggested_exclusion {
                Some(re) => {
                    let _ = writeln!(out, "; consider exclude = ['{re}']");
                }
                None => out.push('\n'),
            }
            let _ = writeln!(out, "        e.g. {}", r.example);
        }
        out.push('\n');
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
