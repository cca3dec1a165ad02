//! `kommunsk search QUERY`: readable hits on a terminal, `--json` for machines.

use std::fmt::Write;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::ingest::DEFAULT_INDEX;
use super::output::{emit, UsageError};
use crate::safe_text::terminal;
use std::sync::Arc;

use super::index_source::corpus_folder;
use crate::analyse::dictionary;
use crate::search::{Hit, SearchError, SearchIndex, SearchRequest, TopicPages};

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query: words (all must occur), "exact phrases", OR, -excluded, prefix*.
    pub query: String,
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Only this municipality (name, ASCII form or 3-digit code).
    #[arg(long, value_name = "NAME")]
    pub municipality: Option<String>,
    /// Only documents for this budget year.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<u16>,
    /// Only this region (Hovedstaden, Sjælland, Syddanmark, Midtjylland, Nordjylland).
    #[arg(long, value_name = "R")]
    pub region: Option<String>,
    /// Only this document type (agreement, proposal, appendix, agenda, report, other).
    #[arg(long, value_name = "T")]
    pub doctype: Option<String>,
    /// Only documents in this language (ISO 639-3: dan, eng, deu, swe, nob, fra, nld).
    #[arg(long, value_name = "L")]
    pub lang: Option<String>,
    /// Only pages that mention this topic of the dictionary (the pages `report` counts it on).
    #[arg(long, value_name = "ID")]
    pub topic: Option<String>,
    /// Topic dictionary for --topic (TOML).
    /// [default: queries/topics.toml beside the corpus folder or in the working directory,
    /// else the built-in one]
    #[arg(long, value_name = "FILE", requires = "topic")]
    pub topics: Option<PathBuf>,
    /// Most hits to show (1 to 10000; larger values are capped).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Skip this many hits first (the next page of results).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
    /// Print {"total", "hits": [...]} as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    if args.limit == 0 {
        return Err(UsageError("--limit must be at least 1".into()).into());
    }
    let usage = |err: SearchError| -> anyhow::Error {
        if err.is_usage() {
            UsageError(err.to_string()).into()
        } else {
            err.into()
        }
    };
    let index = SearchIndex::open(&args.index).map_err(usage)?;
    let topic = match &args.topic {
        Some(id) => {
            let corpus = corpus_folder(None, &args.index);
            let topics = dictionary::load(args.topics.as_deref(), Some(&corpus))?;
            Some(Arc::new(TopicPages::find(index.index(), &index.searcher(), &topics, id).map_err(usage)?))
        }
        None => None,
    };
    let request = SearchRequest {
        query: args.query.clone(),
        municipality: args.municipality,
        year: args.year,
        region: args.region,
        doctype: args.doctype,
        lang: args.lang,
        limit: args.limit,
        offset: args.offset,
        topic,
    };
    let results = index.search(&request).map_err(usage)?;
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&results)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let color = std::io::stdout().is_terminal();
    let mut out = String::new();
    let _ = writeln!(out, "{} pages match {:?} (showing {})\n", results.total, args.query, results.hits.len());
    for (rank, hit) in results.hits.iter().enumerate() {
        let who = match (&hit.municipality, hit.code) {
            (Some(name), Some(code)) => format!("{name} ({code})"),
            _ => "unknown municipality".to_string(),
        };
        let year = hit.year.map(|y| y.to_string()).unwrap_or_else(|| "year?".into());
        let _ = writeln!(
            out,
            "{:>3}. {}  page {}  · {who} · {year} · {} · score {:.2}{}",
            rank + 1,
            terminal(&hit.path),
            hit.page,
            hit.doctype,
            hit.score,
            hit.ocr.as_ref().map(|o| format!(" · {o}")).unwrap_or_default()
        );
        let _ = writeln!(out, "     {}\n", highlighted(hit, color));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The snippet with matches in bold yellow on a terminal, in «» otherwise.
fn highlighted(hit: &Hit, color: bool) -> String {
    let (open, close) = if color { ("\x1b[1;33m", "\x1b[0m") } else { ("«", "»") };
    // The passage on one line: its line breaks and tabs become spaces before the remaining
    // control characters are made visible (else a line break would print as "\u{a}").
    let shown = |part: &str| terminal(&part.replace(char::is_whitespace, " ")).into_owned();
    let mut out = String::new();
    let mut from = 0;
    for range in &hit.highlights {
        if let (Some(before), Some(word)) = (hit.fragment.get(from..range.start), hit.fragment.get(range.clone())) {
            out.push_str(&shown(before));
            out.push_str(open);
            out.push_str(&shown(word));
            out.push_str(close);
            from = range.end;
        }
    }
    out.push_str(&shown(hit.fragment.get(from..).unwrap_or_default()));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_prints_on_one_line_with_controls_visible() {
        let fragment = "Når man sammenligner budget\n2012 med\tbudget\u{1b}[31m".to_string();
        let hit = Hit {
            id: String::new(),
            path: String::new(),
            municipality: None,
            code: None,
            region: None,
            year: None,
            doctype: String::new(),
            page: 1,
            score: 0.0,
            snippet: String::new(),
            highlights: vec![22..28, 38..44],
            fragment,
            ocr: None,
        };
        assert_eq!(highlighted(&hit, false), "Når man sammenligner «budget» 2012 med «budget»\\u{1b}[31m");
    }
}
