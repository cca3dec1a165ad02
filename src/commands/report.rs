//! `kommunsk report`: topic counts per municipality and year, in five formats. Ingests first
//! when the index is missing or no longer matches the corpus folder.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::index_source::{reviews_path, IndexSource, IndexSourceArgs};
use super::output::{emit, UsageError};
use crate::analyse::TopicSet;
use crate::identify::{DocType, Region};
use crate::index::CorpusIndex;
use crate::report::evidence::EvidenceFilter;
use crate::report::ocr_share;
use crate::report::reviewed::{build_cached, drop_rejected, CachedReport};
use crate::report::{self, Format, Scope};
use crate::review::ReviewFile;
use crate::search::display_path;

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub source: IndexSourceArgs,
    /// Only this budget year.
    #[arg(long, value_name = "YEAR")]
    pub year: Option<u16>,
    /// Only this document type (agreement, proposal, appendix, agenda, report, other).
    #[arg(long, value_name = "T")]
    pub doctype: Option<String>,
    /// Only documents of this region's municipalities (Hovedstaden, Sjælland, Syddanmark,
    /// Midtjylland, Nordjylland).
    #[arg(long, value_name = "R")]
    pub region: Option<String>,
    /// Count these terms instead of the dictionary (repeatable; a word counts its inflections
    /// and compounds, /regex/ is used as it stands).
    #[arg(long, value_name = "TERM")]
    pub term: Vec<String>,
    /// Read terms from a file, one term or /regex/ per line (# comments).
    #[arg(long, value_name = "FILE")]
    pub terms: Option<PathBuf>,
    /// Output format: table, csv, json, md, html.
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = parse_format)]
    pub format: Format,
    /// Write to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Language of labels: da or en.
    #[arg(long, value_name = "LANG", default_value = "da", value_parser = ["da", "en"])]
    pub lang: String,
    /// Reviews file (default: reviews.csv beside the topic dictionary); rejected mentions are not counted.
    #[arg(long, value_name = "FILE")]
    pub reviews: Option<PathBuf>,
    /// Count every mention as found, ignoring reviews (the raw counts).
    #[arg(long)]
    pub ignore_reviews: bool,
    /// Count without the text of OCR'd pages (scans); the report says how many were left out.
    #[arg(long)]
    pub no_ocr: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

/// The region a `--region` value names.
fn parse_region(given: Option<&str>) -> Result<Option<Region>, UsageError> {
    given
        .map(|r| {
            Region::parse(r).ok_or_else(|| {
                UsageError(format!(
                    "unknown region {r:?} (Hovedstaden, Sjælland, Syddanmark, Midtjylland, Nordjylland)"
                ))
            })
        })
        .transpose()
}

/// The canonical document type name for a `--doctype` value.
pub(super) fn parse_doctype(given: Option<&str>) -> Result<Option<String>, UsageError> {
    given
        .map(|d| {
            d.parse::<DocType>().map(|t| t.as_str().to_string()).map_err(|_| {
                UsageError(format!(
                    "unknown document type {d:?} (agreement, proposal, appendix, agenda, report, other)"
                ))
            })
        })
        .transpose()
}

fn load_topics(args: &ReportArgs, source: &IndexSource) -> anyhow::Result<TopicSet> {
    let mut terms = args.term.clone();
    if let Some(file) = &args.terms {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("cannot read terms file {}", file.display()))?;
        terms.extend(text.lines().map(str::to_string));
    }
    if terms.is_empty() {
        let set = source.load_topics()?;
        // An edit that breaks a topic's own examples is worth knowing before trusting its counts.
        for failure in set.check_examples() {
            eprintln!("kommunsk: warning: {}", crate::safe_text::terminal(&format!("{}: {failure}", set.source)));
        }
        Ok(set)
    } else {
        Ok(TopicSet::from_terms(&terms).map_err(|e| UsageError(e.to_string()))?)
    }
}

pub fn run(args: ReportArgs) -> anyhow::Result<ExitCode> {
    let scope = Scope { year: args.year, doctype: parse_doctype(args.doctype.as_deref())? };
    let source = args.source.resolve();
    let topics = load_topics(&args, &source)?;
    source.refresh()?;
    let index = CorpusIndex::open(&source.index_dir)?;
    let searcher = index.reader()?.searcher();
    // Reviews belong to the dictionary; ad hoc terms have none of their own.
    let topics_file = (args.term.is_empty() && args.terms.is_none()).then_some(source.topics_file.as_deref()).flatten();
    let reviews = ReviewFile::load(&reviews_path(args.reviews.as_deref(), topics_file, &source.corpus))?;
    let ocr_pages = ocr_share::ocr_pages(&index, &searcher)?;
    let skip = if args.no_ocr { ocr_share::keys(&ocr_pages) } else { Default::default() };
    let region = parse_region(args.region.as_deref())?;
    let (mut built, applied) = build_cached(&CachedReport {
        index: &index,
        searcher: &searcher,
        topics: &topics,
        scope: &scope,
        lang: &args.lang,
        reviews: &reviews,
        ignore: args.ignore_reviews,
        skip: &skip,
        region,
    })?;
    if !applied.orphaned.is_empty() {
        eprintln!(
            "kommunsk: {} reviews in {} are orphaned (their sentence is no longer found); list them with `kommunsk review --orphans`",
            applied.orphaned.len(),
            reviews.path.display()
        );
    }
    built.source.ocr = if args.no_ocr {
        report::OcrShare { excluded_pages: skip.len(), ..Default::default() }
    } else {
        ocr_share::share(&ocr_pages, &topics, &scope, region)
    };
    let (corpus, index_dir) = (&source.corpus, &source.index_dir);
    report::provenance(&mut built, corpus, index_dir, &args.lang);
    if built.source.documents == 0 {
        anyhow::bail!(
            "nothing to report: the index {} has no documents with a known municipality and year in scope",
            index_dir.display()
        );
    }

    let evidence = if args.format == Format::Html {
        // The sentences need the page text: read it only for this format.
        let mut pages = index.pages(&searcher)?;
        if let Some(region) = region {
            pages.retain(|p| p.info.region.as_deref() == Some(region.name()));
        }
        let mut found = report::evidence::collect(&pages, &topics, &EvidenceFilter { scope, ..Default::default() });
        if !args.ignore_reviews {
            drop_rejected(&mut found, &reviews);
        }
        if args.no_ocr {
            found.retain(|e| e.ocr.is_none());
        }
        let shown = corpus.display().to_string();
        for mention in &mut found {
            mention.path = display_path(&shown, &mention.path);
        }
        found
    } else {
        Vec::new()
    };
    let text = report::render(&built, args.format, &args.lang, &evidence);
    match &args.out {
        Some(path) => {
            super::output::check_out_path(path, index_dir)?;
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?
        }
        None => emit(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}
