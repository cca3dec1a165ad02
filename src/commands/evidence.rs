//! `kommunsk evidence TOPIC`: every counted mention of a topic, with file, page, sentence and
//! review verdict; `--format csv|json|ndjson` exports every hit (of all topics when no topic is
//! named) as flat rows.

use std::fmt::Write;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::mention_scope::{check_topic, MentionScopeArgs};
use super::output::{emit, UsageError};
use crate::report::evidence::collect;
use crate::report::hits::{export, HitFormat};
use crate::review::{annotate, ReviewFile, Verdict};
use crate::safe_text::terminal;
use crate::search::display_path;

#[derive(Debug, Args)]
pub struct EvidenceArgs {
    /// Topic id from the dictionary (see `kommunsk topics`); with --format, all topics when left out.
    pub topic: Option<String>,
    #[command(flatten)]
    pub scope: MentionScopeArgs,
    /// Print the mentions as a JSON array.
    #[arg(long)]
    pub json: bool,
    /// Export every hit as flat rows: csv (Danish Excel), json or ndjson.
    #[arg(long, value_name = "FORMAT", value_parser = parse_hit_format, conflicts_with = "json")]
    pub format: Option<HitFormat>,
    /// Write to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Show no review verdicts.
    #[arg(long)]
    pub ignore_reviews: bool,
    /// Leave out mentions on pages read by OCR (as `report --no-ocr` counts).
    #[arg(long)]
    pub no_ocr: bool,
}

fn parse_hit_format(s: &str) -> Result<HitFormat, String> {
    s.parse()
}

pub fn run(args: EvidenceArgs) -> anyhow::Result<ExitCode> {
    let (index_source, topics) = args.scope.source_and_topics()?;
    match &args.topic {
        Some(topic) => check_topic(&topics, topic)?,
        None if args.format.is_none() => {
            return Err(
                UsageError("name a topic (`kommunsk evidence ai`), or export every hit with --format".into()).into()
            )
        }
        None => {}
    }
    let filter = args.scope.filter(args.topic.as_deref())?;
    let source = args.scope.open(index_source, topics)?;
    let mut pages = source.pages()?;
    if args.no_ocr {
        pages.retain(|p| p.ocr.is_none());
    }
    let (corpus, topics) = (&source.corpus, &source.topics);
    let found = collect(&pages, topics, &filter);
    let reviews = if args.ignore_reviews { ReviewFile::default() } else { ReviewFile::load(&source.reviews_path)? };
    // Keys use the stored paths, so annotate before paths become the ones users see.
    let reviewed = annotate(&found, &reviews);
    let shown_corpus = corpus.display().to_string();

    let text = if let Some(format) = args.format {
        eprintln!("kommunsk: topic dictionary: {}", topics.source);
        export(&found, &reviews, corpus, format)
    } else if args.json {
        // The JSON contract is a bare array of mentions; the dictionary is named on stderr.
        eprintln!("kommunsk: topic dictionary: {}", topics.source);
        crate::report::evidence::to_json(&found, &reviews, corpus)?
    } else {
        let (open, close) = if std::io::stdout().is_terminal() { ("\x1b[1;33m", "\x1b[0m") } else { ("«", "»") };
        let mut out = String::new();
        let municipalities: std::collections::BTreeSet<_> = found.iter().map(|e| (e.year, e.code)).collect();
        let rejected = reviewed.iter().filter(|(_, r)| r.is_some_and(|r| r.verdict == Verdict::Wrong)).count();
        let topic = args.topic.as_deref().unwrap_or_default();
        let _ = write!(out, "{} mentions of {topic} in {} municipality-years", found.len(), municipalities.len());
        if rejected > 0 {
            let _ = write!(out, "; {rejected} rejected in review, not counted");
        }
        let _ = write!(out, "\ntopic dictionary: {}\n\n", topics.source);
        for (e, (_, review)) in found.iter().zip(&reviewed) {
            let who = e.municipality.as_deref().unwrap_or("?");
            let code = e.code.map(|c| c.to_string()).unwrap_or_default();
            let year = e.year.map(|y| y.to_string()).unwrap_or_default();
            let verdict = match review {
                Some(r) if r.verdict == Verdict::Wrong => " · REJECTED in review".to_string(),
                Some(_) => " · reviewed right".to_string(),
                None => String::new(),
            };
            let note =
                review.map(|r| r.note.as_str()).filter(|n| !n.is_empty()).map(|n| format!(": {n}")).unwrap_or_default();
            // Paths, notes and sentences are untrusted text: escaped so only our markers are obeyed.
            let path = display_path(&shown_corpus, &e.path);
            let ocr = e.ocr.as_ref().map(|o| format!(" · {o}")).unwrap_or_default();
            let line = format!("{who} ({code}) · {year} · {path} page {}{ocr}{verdict}{note}", e.page);
            let _ = writeln!(out, "{}", terminal(&line));
            let mut shown = e.clone();
            shown.sentence = terminal(&e.sentence).into_owned();
            shown.start = terminal(e.sentence.get(..e.start).unwrap_or_default()).len();
            shown.end = terminal(e.sentence.get(..e.end).unwrap_or_default()).len();
            let _ = writeln!(out, "    {}\n", shown.marked(open, close));
        }
        out
    };
    match &args.out {
        Some(path) => {
            super::output::check_out_path(path, &args.scope.source.index)?;
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?
        }
        None => emit(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}
