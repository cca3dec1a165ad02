//! Searches the index: tantivy's query syntax over the page text, filters on the document's
//! identity, BM25 ranking, and a highlighted snippet for each hit.

mod prefix;

use std::path::Path;
use std::str::FromStr;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{TantivyDocument, Term};

use crate::identify::{registry, DocType, Region};
use crate::index::{stored_str, stored_u64, CorpusIndex, IndexError, KIND_PAGE};

/// Most hits one search returns, whatever `limit` asks: more than anyone reads, few enough
/// that the result list stays small.
pub const MAX_HITS: usize = 10_000;
/// Characters of page text shown around the best-matching passage.
const SNIPPET_CHARS: usize = 220;

/// What to look for.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub municipality: Option<String>,
    pub year: Option<u16>,
    pub region: Option<String>,
    pub doctype: Option<String>,
    pub lang: Option<String>,
    pub limit: usize,
}

/// One matching page.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub path: String,
    pub municipality: Option<String>,
    pub code: Option<u16>,
    pub region: Option<String>,
    pub year: Option<u16>,
    pub doctype: String,
    pub page: u32,
    pub score: f32,
    /// The passage as HTML-escaped text with the matched words in `<b>…</b>`.
    pub snippet: String,
    /// The same passage as plain text, and the byte ranges of the matched words in it.
    #[serde(skip)]
    pub fragment: String,
    #[serde(skip)]
    pub highlights: Vec<std::ops::Range<usize>>,
}

/// Matching pages, best first, and how many pages matched in all.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Why a search could not run.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("invalid query {query:?}: {message}")]
    Query { query: String, message: String },
    #[error("unknown municipality {0:?} (use a name such as \"Aarhus\", an ASCII form such as \"Koebenhavn\", or a code such as 751)")]
    UnknownMunicipality(String),
    #[error("unknown region {0:?} (one of Hovedstaden, Sjælland, Syddanmark, Midtjylland, Nordjylland)")]
    UnknownRegion(String),
    #[error("unknown document type {0:?} (one of agreement, proposal, appendix, agenda, report, other)")]
    UnknownDocType(String),
    #[error("search failed in {dir}: {message}")]
    Tantivy { dir: String, message: String },
}

impl SearchError {
    /// True when the user asked for something malformed (exit code 2) rather than the search failing.
    pub fn is_usage(&self) -> bool {
        !matches!(self, SearchError::Index(_) | SearchError::Tantivy { .. })
    }
}

/// Runs a search against the index in `index_dir`.
pub fn search(index_dir: &Path, request: &SearchRequest) -> Result<SearchResults, SearchError> {
    let index = CorpusIndex::open(index_dir)?;
    let fields = *index.fields();
    let corpus = index.commit_info()?.map(|c| c.corpus).unwrap_or_default();
    let failed = |e: tantivy::TantivyError| SearchError::Tantivy {
        dir: index_dir.display().to_string(),
        message: e.to_string(),
    };

    let mut parser = QueryParser::for_index(index.tantivy(), vec![fields.text, fields.text_folded]);
    parser.set_conjunction_by_default();
    let (parsable, prefixes) = prefix::split(&request.query);
    let mut text_clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if !parsable.is_empty() {
        let parsed = parser
            .parse_query(&parsable)
            .map_err(|e| SearchError::Query { query: request.query.clone(), message: e.to_string() })?;
        text_clauses.push((Occur::Must, parsed));
    }
    for p in &prefixes {
        text_clauses.push((p.occur, prefix::query(index.tantivy(), p, fields.text, fields.text_folded)));
    }
    if !text_clauses.iter().any(|(occur, _)| *occur == Occur::Must) {
        return Err(SearchError::Query { query: request.query.clone(), message: "nothing to look for".into() });
    }
    let text_query: Box<dyn Query> = Box::new(BooleanQuery::new(text_clauses));

    let term = |field, text: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic))
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, text_query.box_clone()), (Occur::Must, term(fields.kind, KIND_PAGE))];
    if let Some(name) = &request.municipality {
        let m = registry::lookup(name).ok_or_else(|| SearchError::UnknownMunicipality(name.clone()))?;
        let code = Term::from_field_u64(fields.code, u64::from(m.code));
        clauses.push((Occur::Must, Box::new(TermQuery::new(code, IndexRecordOption::Basic))));
    }
    if let Some(year) = request.year {
        let year = Term::from_field_u64(fields.year, u64::from(year));
        clauses.push((Occur::Must, Box::new(TermQuery::new(year, IndexRecordOption::Basic))));
    }
    if let Some(region) = &request.region {
        let r = Region::from_str(region).map_err(|_| SearchError::UnknownRegion(region.clone()))?;
        clauses.push((Occur::Must, term(fields.region, r.name())));
    }
    if let Some(doctype) = &request.doctype {
        let d = DocType::from_str(doctype).map_err(|_| SearchError::UnknownDocType(doctype.clone()))?;
        clauses.push((Occur::Must, term(fields.doctype, d.as_str())));
    }
    if let Some(lang) = &request.lang {
        clauses.push((Occur::Must, term(fields.lang, lang)));
    }
    let query = BooleanQuery::new(clauses);

    let searcher = index.reader()?.searcher();
    // Tantivy allocates for `limit` hits up front: a huge value is capped, 0 asks for none.
    let limit = request.limit.min(MAX_HITS);
    let (total, top) = if limit == 0 {
        (searcher.search(&query, &Count).map_err(failed)?, Vec::new())
    } else {
        searcher.search(&query, &(Count, TopDocs::with_limit(limit).order_by_score())).map_err(failed)?
    };
    let mut snippets = SnippetGenerator::create(&searcher, &*text_query, fields.text).map_err(failed)?;
    snippets.set_max_num_chars(SNIPPET_CHARS);

    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address).map_err(failed)?;
        let text = stored_str(&doc, fields.text);
        let snippet = snippets.snippet(&text);
        let (fragment, highlights) = if !snippet.is_empty() {
            let fragment = snippet.fragment().to_string();
            let ranges = merge_adjacent(&fragment, snippet.highlighted());
            (fragment, ranges)
        } else if let Some(found) = prefix::snippet(&text, &prefixes, SNIPPET_CHARS) {
            // Matched through a word prefix, which tantivy's snippets do not see.
            found
        } else {
            // Matched only through the folded field: show the page's opening instead.
            let opening: String =
                text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(SNIPPET_CHARS).collect();
            (opening, Vec::new())
        };
        let html = highlight_html(&fragment, &highlights);
        let relative = stored_str(&doc, fields.path);
        let some = |s: String| Some(s).filter(|s| !s.is_empty());
        hits.push(Hit {
            path: display_path(&corpus, &relative),
            municipality: some(stored_str(&doc, fields.municipality)),
            code: stored_u64(&doc, fields.code).and_then(|c| u16::try_from(c).ok()),
            region: some(stored_str(&doc, fields.region)),
            year: stored_u64(&doc, fields.year).and_then(|y| u16::try_from(y).ok()),
            doctype: stored_str(&doc, fields.doctype),
            page: stored_u64(&doc, fields.page).and_then(|p| u32::try_from(p).ok()).unwrap_or(0),
            score,
            snippet: html,
            fragment,
            highlights,
        });
    }
    Ok(SearchResults { total, hits })
}

/// Joins highlighted words separated only by whitespace, so a phrase is marked as one span.
fn merge_adjacent(fragment: &str, ranges: &[std::ops::Range<usize>]) -> Vec<std::ops::Range<usize>> {
    let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if fragment.get(last.end..range.start).is_some_and(|gap| gap.trim().is_empty()) => {
                last.end = range.end.max(last.end);
            }
            _ => merged.push(range.clone()),
        }
    }
    merged
}

/// The fragment HTML-escaped, with each range in `<b>…</b>`.
fn highlight_html(fragment: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut html = String::with_capacity(fragment.len() + ranges.len() * 7);
    let mut from = 0;
    for range in ranges {
        if let (Some(before), Some(word)) = (fragment.get(from..range.start), fragment.get(range.clone())) {
            html.push_str(&html_escape(before));
            html.push_str("<b>");
            html.push_str(&html_escape(word));
            html.push_str("</b>");
            from = range.end;
        }
    }
    html.push_str(&html_escape(fragment.get(from..).unwrap_or_default()));
    html
}

/// The path users know: the corpus folder given to `ingest` joined with the stored relative path.
pub fn display_path(corpus: &str, relative: &str) -> String {
    if corpus.is_empty() {
        relative.to_string()
    } else {
        Path::new(corpus).join(relative).display().to_string()
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
