//! `kommunsk evidence TOPIC`: every counted mention of a topic, with file, page and sentence.

use std::fmt::Write;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::ingest::DEFAULT_INDEX;
use super::output::{emit, UsageError};
use super::report::{corpus_folder, parse_doctype, refresh_index};
use super::topics::DEFAULT_TOPICS;
use crate::analyse::TopicSet;
use crate::identify::registry;
use crate::index::CorpusIndex;
use crate::report::evidence::{collect, EvidenceFilter};
use crate::report::Scope;
use crate::search::display_path;

#[derive(Debug, Args)]
pub struct EvidenceArgs {
    /// Topic id from the dictionary (see `kommunsk topics`).
    pub topic: String,
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
    #[arg(long, value_name = "FILE", default_value = DEFAULT_TOPICS)]
    pub topics: PathBuf,
    /// Print the mentions as a JSON array.
    #[arg(long)]
    pub json: bool,
    /// Never ingest, even when the index is missing or stale.
    #[arg(long)]
    pub no_ingest: bool,
}

pub fn run(args: EvidenceArgs) -> anyhow::Result<ExitCode> {
    let topics = TopicSet::load(&args.topics)?;
    if topics.get(&args.topic).is_none() {
        let ids: Vec<&str> = topics.topics.iter().map(|t| t.id.as_str()).collect();
        return Err(UsageError(format!("unknown topic {:?} (one of {})", args.topic, ids.join(", "))).into());
    }
    let code = match &args.municipality {
        Some(name) => {
            Some(registry::lookup(name).ok_or_else(|| UsageError(format!("unknown municipality {name:?}")))?.code)
        }
        None => None,
    };
    let scope = Scope { year: args.year, doctype: parse_doctype(args.doctype.as_deref())? };
    let corpus = corpus_folder(args.corpus.as_deref(), &args.index);
    refresh_index(&corpus, &args.index, args.no_ingest)?;
    let index = CorpusIndex::open(&args.index)?;
    let pages = index.pages(&index.reader()?.searcher())?;
    let filter = EvidenceFilter { scope, topics: vec![args.topic.clone()], code };
    let mut found = collect(&pages, &topics, &filter);
    let shown_corpus = corpus.display().to_string();
    for mention in &mut found {
        mention.path = display_path(&shown_corpus, &mention.path);
    }

    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&found)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (open, close) = if std::io::stdout().is_terminal() { ("\x1b[1;33m", "\x1b[0m") } else { ("«", "»") };
    let mut out = String::new();
    let municipalities: std::collections::BTreeSet<_> = found.iter().map(|e| (e.year, e.code)).collect();
    let _ =
        writeln!(out, "{} mentions of {} in {} municipality-years\n", found.len(), args.topic, municipalities.len());
    for e in &found {
        let who = e.municipality.as_deref().unwrap_or("?");
        let code = e.code.map(|c| c.to_string()).unwrap_or_default();
        let year = e.year.map(|y| y.to_string()).unwrap_or_default();
        let ocr = e.ocr.as_ref().map(|o| format!(" · {o}")).unwrap_or_default();
        let _ = writeln!(out, "{who} ({code}) · {year} · {} page {}{ocr}", e.path, e.page);
        let _ = writeln!(out, "    {}\n", e.marked(open, close));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
