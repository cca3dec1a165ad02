//! `kommunsk evidence TOPIC`: every counted mention of a topic, with file, page, sentence and
//! review verdict; `--format csv|json|ndjson` exports every hit (of all topics when no topic is
//! named) as flat rows.

use std::fmt::Write;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::ingest::DEFAULT_INDEX;
use super::output::{emit, UsageError};
use super::report::{corpus_folder, parse_doctype, refresh_index};
use super::review::{check_topic, municipality_code, reviews_path};
use crate::analyse::dictionary;
use crate::index::CorpusIndex;
use crate::report::evidence::{collect, EvidenceFilter};
use crate::report::hits::{hits, render, HitFormat};
use crate::report::Scope;
use crate::review::{annotate, ReviewFile, Verdict};
use crate::safe_text::terminal;
use crate::search::display_path;

#[derive(Debug, Args)]
pub struct EvidenceArgs {
    /// Topic id from the dictionary (see `kommunsk topics`); with --format, all topics when left out.
    pub topic: Option<String>,
    /// Only this municipality (name, ASCII form or code).
    #[arg(long, value_name = "NAME")]
    pub municipality: Option<String>,
    /// Only this budget year.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<u16>,
    /// Only this document type.
    #[arg(long, value_name = "T")]
    pub doctype: Option<String>,
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Corpus folder to ingest from when the index is missing or stale.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Topic dictionary (TOML).
    /// [default: queries/topics.toml beside the corpus folder or in the working directory,
    /// else the built-in one]
    #[arg(long, value_name = "FILE")]
    pub topics: Option<PathBuf>,
    /// Print the mentions as a JSON array.
    #[arg(long)]
    pub json: bool,
    /// Export every hit as flat rows: csv (Danish Excel), json or ndjson.
    #[arg(long, value_name = "FORMAT", value_parser = parse_hit_format, conflicts_with = "json")]
    pub format: Option<HitFormat>,
    /// Write to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Reviews file (default: reviews.csv beside the topic dictionary).
    #[arg(long, value_name = "FILE")]
    pub reviews: Option<PathBuf>,
    /// Show no review verdicts.
    #[arg(long)]
    pub ignore_reviews: bool,
    /// Never ingest, even when the index is missing or stale.
    #[arg(long)]
    pub no_ingest: bool,
}

fn parse_hit_format(s: &str) -> Result<HitFormat, String> {
    s.parse()
}

pub fn run(args: EvidenceArgs) -> anyhow::Result<ExitCode> {
    let corpus = corpus_folder(args.corpus.as_deref(), &args.index);
    let topics = dictionary::load(args.topics.as_deref(), Some(&corpus))?;
    match &args.topic {
        Some(topic) => check_topic(&topics, topic)?,
        None if args.format.is_none() => {
            return Err(
                UsageError("name a topic (`kommunsk evidence ai`), or export every hit with --format".into()).into()
            )
        }
        None => {}
    }
    let code = municipality_code(args.municipality.as_deref())?;
    let scope = Scope { year: args.year, doctype: parse_doctype(args.doctype.as_deref())? };
    refresh_index(&corpus, &args.index, args.no_ingest)?;
    let index = CorpusIndex::open(&args.index)?;
    let pages = index.pages(&index.reader()?.searcher())?;
    let filter = EvidenceFilter { scope, topics: args.topic.iter().cloned().collect(), code };
    let found = collect(&pages, &topics, &filter);
    let reviews = if args.ignore_reviews {
        ReviewFile::default()
    } else {
        ReviewFile::load(&reviews_path(
            args.reviews.as_deref(),
            dictionary::locate(args.topics.as_deref(), Some(&corpus)).as_deref(),
            &corpus,
        ))?
    };
    // Keys use the stored paths, so annotate before paths become the ones users see.
    let reviewed = annotate(&found, &reviews);
    let shown_corpus = corpus.display().to_string();

    let text = if let Some(format) = args.format {
        eprintln!("kommunsk: topic dictionary: {}", topics.source);
        // No page of this index is read by OCR: extraction is from the text layer only.
        let rows = hits(&found, &reviewed, |p| display_path(&shown_corpus, p), |_, _| false);
        render(&rows, format)
    } else if args.json {
        // The JSON contract is a bare array of mentions; the dictionary is named on stderr.
        eprintln!("kommunsk: topic dictionary: {}", topics.source);
        crate::report::evidence::to_json(&found, &reviews, &corpus)?
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
            super::output::check_out_path(path, &args.index)?;
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?
        }
        None => emit(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}
