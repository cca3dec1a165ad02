//! Searches the index: tantivy's query syntax over the page text, filters on the document's
//! identity, BM25 ranking, and a highlighted snippet for each hit.

mod compound;
pub mod facets;
mod prefix;
pub mod topic_filter;

use std::path::Path;
use std::str::FromStr;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{IndexReader, Searcher, TantivyDocument, Term};

use crate::identify::{registry, DocType, Region};
use crate::index::{stored_str, stored_u64, CorpusIndex, IndexError, StoredPage, KIND_PAGE};
pub use compound::{is_compound_of, MIN_HEAD_CHARS, MIN_MODIFIER_CHARS};
use facets::FacetCollector;
pub use facets::{FacetCount, Facets};
pub use topic_filter::TopicPages;

/// Most hits one search returns, whatever `limit` asks: more than anyone reads, few enough
/// that the result list stays small.
pub const MAX_HITS: usize = 10_000;
/// Characters of page text shown around the best-matching passage.
const SNIPPET_CHARS: usize = 220;
/// Hex digits of a document id: 64 bits, unique among millions of paths.
const DOC_ID_HEX: usize = 16;

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
    /// Hits to skip (for paging).
    pub offset: usize,
    /// Only the pages that mention this topic of the dictionary ([`TopicPages`]).
    pub topic: Option<std::sync::Arc<TopicPages>>,
}

/// One matching page.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// The document's id ([`doc_id`]), by which a server shows it.
    pub id: String,
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
    /// Set when the page's text came from OCR.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocr: Option<crate::ocr::OcrNote>,
}

/// Matching pages, best first, and how many pages matched in all.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Pages per municipality, year, region and document type among all `total` matches.
    pub facets: Facets,
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
    #[error("{0}")]
    UnknownLanguage(String),
    #[error("unknown topic {topic:?} (one of {known})")]
    UnknownTopic { topic: String, known: String },
    #[error("search failed in {dir}: {message}")]
    Tantivy { dir: String, message: String },
}

impl SearchError {
    /// True when the user asked for something malformed (exit code 2) rather than the search failing.
    pub fn is_usage(&self) -> bool {
        !matches!(self, SearchError::Index(_) | SearchError::Tantivy { .. })
    }
}

/// Runs one search against the index in `index_dir` (opens it, searches, closes it).
pub fn search(index_dir: &Path, request: &SearchRequest) -> Result<SearchResults, SearchError> {
    SearchIndex::open(index_dir)?.search(request)
}

/// A short stable id for an indexed document, from its path relative to the corpus: what a
/// browser asks for instead of a file path.
pub fn doc_id(relative: &str) -> String {
    let hash = blake3::hash(relative.as_bytes());
    hash.to_hex().as_str().get(..DOC_ID_HEX).unwrap_or_default().to_string()
}

/// Clauses of a boolean query.
type Clauses = Vec<(Occur, Box<dyn Query>)>;

/// An open index with one reader, kept for many searches (a server holds one).
pub struct SearchIndex {
    index: CorpusIndex,
    reader: IndexReader,
    /// Compound lookups, sped up for a reader that serves many searches.
    compounds: compound::Lookup,
}

impl SearchIndex {
    /// Opens the index; the reader sees the last commit and never changes.
    pub fn open(index_dir: &Path) -> Result<SearchIndex, SearchError> {
        let index = CorpusIndex::open(index_dir)?;
        let reader = index.reader()?;
        Ok(SearchIndex { index, reader, compounds: compound::Lookup::for_index(index_dir) })
    }

    /// Opens the index with a reader that follows new commits (an ingest running beside it)
    /// within a moment, without reopening.
    pub fn open_live(index_dir: &Path) -> Result<SearchIndex, SearchError> {
        let index = CorpusIndex::open(index_dir)?;
        let reader = index.live_reader()?;
        Ok(SearchIndex { index, reader, compounds: compound::Lookup::for_index(index_dir) })
    }

    pub fn index(&self) -> &CorpusIndex {
        &self.index
    }

    /// A searcher on the newest commit this reader has loaded.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// The corpus folder of the last commit, as it was given to `ingest`.
    pub fn corpus(&self) -> Result<String, SearchError> {
        Ok(self.index.commit_info()?.map(|c| c.corpus).unwrap_or_default())
    }

    fn failed(&self, e: tantivy::TantivyError) -> SearchError {
        SearchError::Tantivy { dir: self.index.dir().display().to_string(), message: e.to_string() }
    }

    /// The query on the page text: tantivy's syntax, bare word prefixes, and every word's
    /// Danish compounds.
    fn text_query(
        &self,
        searcher: &Searcher,
        query: &str,
    ) -> Result<(Box<dyn Query>, Vec<prefix::Prefix>), SearchError> {
        let fields = self.index.fields();
        let mut parser = QueryParser::for_index(self.index.tantivy(), vec![fields.text, fields.text_folded]);
        parser.set_conjunction_by_default();
        let split = prefix::split(query);
        if !split.positive {
            return Err(SearchError::Query { query: query.to_string(), message: "nothing to look for".into() });
        }
        let parsed = parser
            .parse_query(&split.parsable)
            .map_err(|e| SearchError::Query { query: query.to_string(), message: e.to_string() })?;
        let tantivy = self.index.tantivy();
        let with_prefixes = prefix::substitute(parsed, &split.prefixes, tantivy, fields.text, fields.text_folded);
        let expanded = compound::expand(&*with_prefixes, searcher, &[fields.text, fields.text_folded], &self.compounds)
            .map_err(|e| self.failed(e))?;
        Ok((expanded, split.prefixes))
    }

    /// The filters of a request as query clauses.
    fn filters(&self, request: &SearchRequest) -> Result<Clauses, SearchError> {
        let fields = self.index.fields();
        let term = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic))
        };
        let number = |field, value: u64| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_u64(field, value), IndexRecordOption::Basic))
        };
        let mut clauses = vec![(Occur::Must, term(fields.kind, KIND_PAGE))];
        if let Some(name) = &request.municipality {
            let m = registry::lookup(name).ok_or_else(|| SearchError::UnknownMunicipality(name.clone()))?;
            clauses.push((Occur::Must, number(fields.code, u64::from(m.code))));
        }
        if let Some(year) = request.year {
            clauses.push((Occur::Must, number(fields.year, u64::from(year))));
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
            let code = crate::identify::language::filter_code(lang).map_err(SearchError::UnknownLanguage)?;
            clauses.push((Occur::Must, term(fields.lang, code)));
        }
        Ok(clauses)
    }

    /// Runs a search on the reader's current commit.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        let fields = *self.index.fields();
        let corpus = self.corpus()?;
        let searcher = self.searcher();
        let (text_query, prefixes) = self.text_query(&searcher, &request.query)?;
        let mut clauses = self.filters(request)?;
        if let Some(topic) = &request.topic {
            clauses.push((Occur::Must, topic.query(&searcher, &fields).map_err(|e| self.failed(e))?));
        }
        clauses.push((Occur::Must, text_query.box_clone()));
        let query = BooleanQuery::new(clauses);

        // Tantivy allocates for `limit` hits up front: a huge value is capped, 0 asks for none.
        let limit = request.limit.min(MAX_HITS);
        let facets = FacetCollector { doctype: fields.doctype };
        let (total, top, tally) = if limit == 0 {
            let (total, tally) = searcher.search(&query, &(Count, facets)).map_err(|e| self.failed(e))?;
            (total, Vec::new(), tally)
        } else {
            let top = TopDocs::with_limit(limit).and_offset(request.offset.min(MAX_HITS)).order_by_score();
            searcher.search(&query, &(Count, top, facets)).map_err(|e| self.failed(e))?
        };
        let mut snippets =
            SnippetGenerator::create(&searcher, &*text_query, fields.text).map_err(|e| self.failed(e))?;
        snippets.set_max_num_chars(SNIPPET_CHARS);

        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.failed(e))?;
            let text = stored_str(&doc, fields.text);
            let (fragment, highlights) = passage(&snippets, &text, &prefixes, SNIPPET_CHARS);
            let html = highlight_html(&fragment, &highlights);
            let relative = stored_str(&doc, fields.path);
            let some = |s: String| Some(s).filter(|s| !s.is_empty());
            hits.push(Hit {
                id: doc_id(&relative),
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
                ocr: stored_ocr(&fields, &doc),
            });
        }
        Ok(SearchResults { total, hits, facets: tally.facets() })
    }

    /// The whole of `text` with the words `query` finds in it marked (byte ranges), as the
    /// search highlights a snippet: for showing a page a hit links to.
    pub fn highlight(&self, query: &str, text: &str) -> Result<Vec<std::ops::Range<usize>>, SearchError> {
        let searcher = self.searcher();
        let (text_query, prefixes) = self.text_query(&searcher, query)?;
        let fields = self.index.fields();
        let mut snippets =
            SnippetGenerator::create(&searcher, &*text_query, fields.text).map_err(|e| self.failed(e))?;
        snippets.set_max_num_chars(text.len().max(1));
        let snippet = snippets.snippet(text);
        if !snippet.is_empty() {
            // The generator may trim the text's edges; map its ranges back onto the text.
            let shift = text.find(snippet.fragment()).unwrap_or(0);
            let mut ranges: Vec<_> = snippet.highlighted().iter().map(|r| r.start + shift..r.end + shift).collect();
            ranges.extend(prefix::ranges(text, &prefixes));
            ranges.sort_by_key(|r| r.start);
            return Ok(ranges);
        }
        Ok(prefix::ranges(text, &prefixes))
    }

    /// The stored page `page` of the document at `relative`, if indexed.
    pub fn page(&self, relative: &str, page: u32) -> Result<Option<StoredPage>, SearchError> {
        let fields = self.index.fields();
        let searcher = self.searcher();
        let term = |t: Term| -> Box<dyn Query> { Box::new(TermQuery::new(t, IndexRecordOption::Basic)) };
        let query = BooleanQuery::new(vec![
            (Occur::Must, term(Term::from_field_text(fields.kind, KIND_PAGE))),
            (Occur::Must, term(Term::from_field_text(fields.path, relative))),
            (Occur::Must, term(Term::from_field_u64(fields.page, u64::from(page)))),
        ]);
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score()).map_err(|e| self.failed(e))?;
        let Some((_, address)) = top.into_iter().next() else { return Ok(None) };
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| self.failed(e))?;
        Ok(Some(StoredPage::from_document(fields, &doc)))
    }
}

/// The best passage of `text` for the query and its marked words.
fn passage(
    snippets: &SnippetGenerator,
    text: &str,
    prefixes: &[prefix::Prefix],
    chars: usize,
) -> (String, Vec<std::ops::Range<usize>>) {
    let snippet = snippets.snippet(text);
    if !snippet.is_empty() {
        let fragment = snippet.fragment().to_string();
        let ranges = merge_adjacent(&fragment, snippet.highlighted());
        (fragment, ranges)
    } else if let Some(found) = prefix::snippet(text, prefixes, chars) {
        // Matched through a word prefix, which tantivy's snippets do not see.
        found
    } else {
        // Matched only through the folded field: show the page's opening instead.
        let opening: String = text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(chars).collect();
        (opening, Vec::new())
    }
}

/// The OCR note of a stored page whose text came from OCR.
fn stored_ocr(fields: &crate::index::Fields, doc: &tantivy::TantivyDocument) -> Option<crate::ocr::OcrNote> {
    use tantivy::schema::Value;
    let engine = stored_str(doc, fields.ocr_engine);
    let confidence = doc.get_first(fields.ocr_confidence).and_then(|v| v.as_f64())?;
    let provenance = crate::extract::OcrProvenance { engine, confidence: confidence as f32 };
    (!provenance.engine.is_empty()).then(|| crate::ocr::OcrNote::new(&provenance))
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
