//! `kommunsk review`: list the mentions of a topic with their review ids, draw a reproducible
//! random sample to review, mark mentions right or wrong, list orphaned reviews.
//!
//! ```text
//! kommunsk review ai                      every mention of ai, with id and verdict
//! kommunsk review --sample 20 ai          a random sample of 20 (seed 2026 unless --seed)
//! kommunsk review --wrong 3f9a1c2b7e01 --note "Aarhus Idræt" --reviewer kb
//! kommunsk review --right 5be0c1d2a3f4
//! kommunsk review --orphans               reviews whose sentence is gone
//! ```

use std::fmt::Write;
use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Args;

use super::mention_scope::{check_topic, MentionScopeArgs};
use super::output::{emit, UsageError};
use crate::analyse::{Evidence, TopicSet};
use crate::index::StoredPage;
use crate::report::evidence::{collect, EvidenceFilter};
use crate::report::hits::{hits, render, HitFormat};
use crate::review::apply::apply;
use crate::review::mark::{find, record};
use crate::review::sample::{sample, DEFAULT_SEED};
use crate::review::{annotate, ReviewFile, Verdict};
use crate::search::display_path;

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Topic id whose mentions to list or sample (see `kommunsk topics`).
    pub topic: Option<String>,
    /// Draw a random, reproducible sample of this many mentions (across all municipalities).
    #[arg(long, value_name = "N")]
    pub sample: Option<usize>,
    /// Seed of the sample: the same seed draws the same sample; a larger N extends it.
    #[arg(long, value_name = "SEED", default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// Mark the mention with this id (or a unique prefix of it) as right (repeatable).
    #[arg(long, value_name = "ID")]
    pub right: Vec<String>,
    /// Mark the mention with this id (or a unique prefix of it) as wrong: it leaves the counts.
    #[arg(long, value_name = "ID")]
    pub wrong: Vec<String>,
    /// Take back the verdict on the mention with this id (or a unique prefix of it): it is
    /// unreviewed again and counts as found (repeatable).
    #[arg(long, value_name = "ID")]
    pub clear: Vec<String>,
    /// Note stored with the verdict.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub note: String,
    /// Who reviewed (default: $USER).
    #[arg(long, value_name = "NAME")]
    pub reviewer: Option<String>,
    /// List the reviews whose mention is no longer found (its sentence changed or is gone).
    #[arg(long)]
    pub orphans: bool,
    /// List only mentions nobody has reviewed yet.
    #[arg(long)]
    pub unreviewed: bool,
    #[command(flatten)]
    pub scope: MentionScopeArgs,
    /// Print the listed mentions as JSON (the rows of `evidence --format json`).
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: ReviewArgs) -> anyhow::Result<ExitCode> {
    let (index_source, topics) = args.scope.source_and_topics()?;
    if let Some(topic) = &args.topic {
        check_topic(&topics, topic)?;
    }
    let marking = !args.right.is_empty() || !args.wrong.is_empty() || !args.clear.is_empty();
    if !marking && !args.orphans && args.topic.is_none() {
        return Err(UsageError(
            "name a topic to list (`kommunsk review ai`), or use --right/--wrong/--clear ID or --orphans".into(),
        )
        .into());
    }
    let filter = args.scope.filter(args.topic.as_deref())?;
    let source = args.scope.open(index_source, topics)?;
    let pages = source.pages()?;
    let (corpus, topics, path) = (&source.corpus, &source.topics, &source.reviews_path);
    let mut reviews = ReviewFile::load(path)?;
    let shown_corpus = corpus.display().to_string();

    if marking {
        return mark(&args, &pages, topics, &mut reviews, &shown_corpus);
    }
    if args.orphans {
        return orphans(&pages, topics, &reviews, &shown_corpus);
    }
    let found = collect(&pages, topics, &filter);
    let reviewed = annotate(&found, &reviews);
    let mut chosen: Vec<usize> = match args.sample {
        Some(n) => {
            let keys: Vec<_> = reviewed.iter().map(|(k, _)| k.clone()).collect();
            sample(&keys, n, args.seed)
        }
        None => (0..found.len()).collect(),
    };
    if args.unreviewed {
        chosen.retain(|&i| reviewed[i].1.is_none());
    }
    if args.json {
        let rows = hits(&found, &reviewed, |p| display_path(&shown_corpus, p));
        let picked: Vec<_> = chosen.iter().map(|&i| rows[i].clone()).collect();
        emit(&render(&picked, HitFormat::Json))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (open, close) = if std::io::stdout().is_terminal() { ("\x1b[1;33m", "\x1b[0m") } else { ("«", "»") };
    let mut out = String::new();
    let done = reviewed.iter().filter(|(_, r)| r.is_some()).count();
    let wrong = reviewed.iter().filter(|(_, r)| r.is_some_and(|r| r.verdict == Verdict::Wrong)).count();
    let topic = args.topic.as_deref().unwrap_or_default();
    let _ = write!(out, "{topic}: {} mentions, {done} reviewed ({wrong} wrong) in {}", found.len(), path.display());
    match args.sample {
        Some(n) => {
            let _ = writeln!(
                out,
                "\nrandom sample of {} (seed {}): review every one for an unbiased precision\n",
                n.min(found.len()),
                args.seed
            );
        }
        None => out.push_str("\n\n"),
    }
    for &i in &chosen {
        let (e, (key, review)) = (&found[i], &reviewed[i]);
        let verdict = review.map_or("unreviewed".to_string(), |r| match r.note.as_str() {
            "" => r.verdict.as_str().to_string(),
            note => format!("{} ({note})", r.verdict.as_str()),
        });
        let _ = writeln!(out, "[{}] {} · {verdict}", key.id, place(e, &shown_corpus));
        let _ = writeln!(out, "    {}\n", e.marked(open, close));
    }
    let _ = writeln!(out, "mark with: kommunsk review --right ID | --wrong ID [--note TEXT]");
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// "Aarhus (751) · 2025 · corpus/2025/751-budgetaftale.pdf page 2".
fn place(e: &Evidence, corpus: &str) -> String {
    let who = e.municipality.as_deref().unwrap_or("?");
    let code = e.code.map(|c| c.to_string()).unwrap_or_default();
    let year = e.year.map(|y| y.to_string()).unwrap_or_default();
    format!("{who} ({code}) · {year} · {} page {}", display_path(corpus, &e.path), e.page)
}

/// Records the verdicts given with `--right`/`--wrong` and takes back those named by `--clear`.
fn mark(
    args: &ReviewArgs,
    pages: &[StoredPage],
    topics: &TopicSet,
    reviews: &mut ReviewFile,
    corpus: &str,
) -> anyhow::Result<ExitCode> {
    // Ids are looked up among every mention of every document, whatever the filters.
    let filter = EvidenceFilter { topics: args.topic.iter().cloned().collect(), ..Default::default() };
    let found = collect(pages, topics, &filter);
    let keys: Vec<_> = annotate(&found, reviews).into_iter().map(|(k, _)| k).collect();
    let reviewer = args.reviewer.clone().or_else(|| std::env::var("USER").ok()).unwrap_or_default();
    let wanted =
        args.right.iter().map(|id| (id, Verdict::Right)).chain(args.wrong.iter().map(|id| (id, Verdict::Wrong)));
    let mut out = String::new();
    for (id, verdict) in wanted {
        let i = find(&keys, id).map_err(|e| UsageError(e.to_string()))?;
        let e = &found[i];
        record(reviews, e, &keys[i], verdict, &args.note, &reviewer);
        let _ = writeln!(out, "{} {}: {} · {}", keys[i].id, verdict.as_str(), e.topic, place(e, corpus));
        let _ = writeln!(out, "    {}", e.marked("«", "»"));
    }
    for id in &args.clear {
        let i = find(&keys, id).map_err(|e| UsageError(e.to_string()))?;
        let e = &found[i];
        let what = match reviews.remove(&keys[i].key) {
            Some(old) => format!("cleared (was {})", old.verdict.as_str()),
            None => "was not reviewed".to_string(),
        };
        let _ = writeln!(out, "{} {what}: {} · {}", keys[i].id, e.topic, place(e, corpus));
    }
    reviews.save()?;
    let _ = writeln!(out, "saved in {}", reviews.path.display());
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Lists reviews whose mention is gone.
fn orphans(pages: &[StoredPage], topics: &TopicSet, reviews: &ReviewFile, corpus: &str) -> anyhow::Result<ExitCode> {
    let applied = apply(pages, topics, reviews, |_| true);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} of {} reviews in {} are orphaned (their sentence is no longer found)",
        applied.orphaned.len(),
        reviews.reviews.len(),
        reviews.path.display()
    );
    for r in &applied.orphaned {
        let _ = writeln!(
            out,
            "\n{} · {} page {} · {} «{}»",
            r.topic,
            display_path(corpus, &r.path),
            r.page,
            r.verdict.as_str(),
            r.matched
        );
        let _ = writeln!(out, "    {}", r.sentence);
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
