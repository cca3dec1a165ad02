//! `GET /doc/{id}?page=N&q=…`: one document at one page — the PDF drawn by pdf.js with the
//! query's words highlighted, the page's extracted text beside it with the same words marked,
//! and the document's identity (the PDF itself comes from `/pdf/{id}`, [`super::pdf_file`]).
//!
//! Only indexed documents can be shown: the id is looked up among the index's file records.

use std::sync::Arc;

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup};

use super::labels::{doctype_name, words, Words};
use super::layout::{blocking, error_page, internal, lang_query, page};
use super::params::{encode, Params};
use super::reasons;
use super::state::AppState;
use crate::index::FileRecord;
use crate::search::display_path;

/// The words marked in the page text, distinct and lower-cased: what the viewer looks for in
/// the PDF's own text.
fn marked_words(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<String> {
    let mut words: Vec<String> = ranges.iter().filter_map(|r| text.get(r.clone())).map(str::to_lowercase).collect();
    words.sort();
    words.dedup();
    words
}

pub async fn document(
    State(state): State<Arc<AppState>>,
    UrlPath(id): UrlPath<String>,
    Query(params): Query<Params>,
) -> Response {
    let lang = params.lang();
    let w = words(lang);
    let page_no = match params.page() {
        Ok(p) => p.unwrap_or(1).max(1),
        Err(message) => return error_page(StatusCode::BAD_REQUEST, lang, &message),
    };
    let query = params.q();
    let work = move || -> Result<Option<String>, String> {
        let snapshot = state.snapshot().map_err(|e| e.to_string())?;
        let Some(record) = snapshot.record(&id).cloned() else { return Ok(None) };
        let page_no = page_no.min(record.pages.max(1));
        let stored = state.index.page(&record.path, page_no).map_err(|e| e.to_string())?;
        let text = stored.map(|p| p.text).unwrap_or_default();
        let (ranges, query_error) = match &query {
            Some(q) => match state.index.highlight(q, &text) {
                Ok(ranges) => (ranges, None),
                Err(e) => (Vec::new(), Some(e.to_string())),
            },
            None => (Vec::new(), None),
        };
        let corpus = state.config.corpus.display().to_string();
        let view = View {
            id: &id,
            record: &record,
            page: page_no,
            text: &text,
            ranges: &ranges,
            query: query.as_deref(),
            shown_path: display_path(&corpus, &record.path),
        };
        let body = html! {
            @if let Some(message) = &query_error { p.error role="alert" { (w.bad_query) ": " (message) } }
            (view.render(w))
        };
        let title = format!("{} · {} {}", record.info.municipality.as_deref().unwrap_or(&record.path), w.page, page_no);
        Ok(Some(page(w, &title, &params, &format!("/doc/{id}"), body).into_string()))
    };
    match blocking(work).await {
        Ok(Ok(Some(text))) => Html(text).into_response(),
        Ok(Ok(None)) => error_page(StatusCode::NOT_FOUND, lang, w.not_found),
        Ok(Err(e)) | Err(e) => internal(lang, e),
    }
}

struct View<'a> {
    id: &'a str,
    record: &'a FileRecord,
    page: u32,
    text: &'a str,
    ranges: &'a [std::ops::Range<usize>],
    query: Option<&'a str>,
    shown_path: String,
}

impl View<'_> {
    fn link(&self, w: &Words, page: u32) -> String {
        let q = self.query.map(|q| format!("&q={}", encode(q))).unwrap_or_default();
        format!("/doc/{}?page={page}{q}{}", self.id, lang_query(w, "&"))
    }

    fn render(&self, w: &Words) -> Markup {
        let terms = serde_json::to_string(&marked_words(self.text, self.ranges)).unwrap_or_else(|_| "[]".into());
        html! {
            (self.identity(w))
            nav.pages {
                @if self.page > 1 { a.prev rel="prev" href=(self.link(w, self.page - 1)) { "← " (w.previous) } }
                span.at { (w.page) " " (self.page) " " (w.of_pages) " " (self.record.pages) }
                @if self.page < self.record.pages { a.next rel="next" href=(self.link(w, self.page + 1)) { (w.next) " →" } }
            }
            div.document {
                div #viewer data-pdf={ "/pdf/" (self.id) } data-page=(self.page) data-terms=(terms) {
                    noscript {
                        p { (w.needs_js) " " a.pdf href={ "/pdf/" (self.id) "#page=" (self.page) } { (w.open_pdf) } }
                    }
                    div.sheet { canvas {} div.marks {} }
                }
                section.pagetext {
                    h2 { (w.page_text) " · " (w.page) " " (self.page) }
                    pre { (marked(self.text, self.ranges)) }
                }
            }
            script type="module" src="/static/viewer.mjs" {}
        }
    }

    /// Municipality, year, type, language, the file, and what identification rests on.
    fn identity(&self, w: &Words) -> Markup {
        let info = &self.record.info;
        let who = match (&info.municipality, info.code, &info.region) {
            (Some(name), Some(code), Some(region)) => format!("{name} ({code}) · Region {region}"),
            (Some(name), _, _) => name.clone(),
            _ => w.unresolved.to_string(),
        };
        html! {
            section.identity aria-label=(w.identity) {
                h1 { (info.municipality.as_deref().unwrap_or("?")) " · " (info.year.map(|y| y.to_string()).unwrap_or_else(|| "?".into())) " · " (doctype_name(&info.doctype, w.lang)) }
                dl {
                    dt { (w.municipality) } dd.municipality { (who) }
                    dt { (w.year) } dd.year { (info.year.map(|y| y.to_string()).unwrap_or_else(|| w.unresolved.to_string())) }
                    dt { (w.doctype) } dd.doctype { (doctype_name(&info.doctype, w.lang)) }
                    dt { (w.language) } dd { (info.lang.as_deref().unwrap_or("?")) }
                    dt { (w.file) } dd.path { code { (self.shown_path) } " · " (self.record.pages) " " (w.pages) }
                    dt { (w.why) } dd.why { (why(self.record, w, |page| self.link(w, page))) }
                }
            }
        }
    }
}

/// What the identity rests on: the evidence identification stored in the index (what
/// `kommunsk identify` prints), each fact with its signal, where it was found and the words,
/// linking to the page they stand on; then what is unknown and why the file failed, if it did.
fn why(record: &FileRecord, w: &Words, link: impl Fn(u32) -> String) -> Markup {
    let evidence = record.evidence();
    let missing = record.info.missing();
    html! {
        @if evidence.is_empty() && missing.is_none() && record.error.is_none() { (w.no_evidence) }
        ul.evidence {
            @for e in &evidence {
                li data-field=(e.field) {
                    strong { (field_name(&e.field, w)) } ": "
                    @match &e.value {
                        Some(value) => {
                            @if e.field == "doctype" { (doctype_name(value, w.lang)) } @else { (value) }
                            " — " (reasons::signal(&e.signal, w.lang)) " (" (source_name(&e.source, w)) ")"
                            @if !e.words.is_empty() { ": «" (e.words) "»" }
                            @if let Some(page) = e.page.and_then(|p| u32::try_from(p).ok()) {
                                " " a href=(link(page)) { (w.page) " " (page) }
                            }
                            @if !e.outweighed.is_empty() {
                                " · " (w.outweighed) " " (e.outweighed.iter().map(|o| reasons::reason(o, w.lang)).collect::<Vec<_>>().join(", "))
                            }
                            @if e.weak { " · " em { (w.weak) } }
                            @if let Some(disagrees) = &e.disagrees { " · " (reasons::reason(disagrees, w.lang)) }
                        }
                        None => { (w.undecided) " — " (reasons::reason(e.undecidable.as_deref().unwrap_or_default(), w.lang)) }
                    }
                }
            }
            @if let Some(missing) = missing { li.unresolved { (w.unresolved) ": " (field_name(missing, w)) } }
            @if let Some(error) = &record.error { li.failed { (error) } }
        }
    }
}

fn field_name<'a>(field: &'a str, w: &'a Words) -> &'a str {
    match field {
        "municipality" => w.municipality,
        "year" => w.year,
        "doctype" => w.doctype,
        other => other,
    }
}

fn source_name<'a>(source: &'a str, w: &'a Words) -> &'a str {
    match source {
        "manifest" => w.sources[0],
        "path" => w.sources[1],
        "text" => w.sources[2],
        "metadata" => w.sources[3],
        "correction" => w.sources[4],
        other => other,
    }
}

/// The text with the ranges in `<mark>`, each part escaped.
fn marked(text: &str, ranges: &[std::ops::Range<usize>]) -> Markup {
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut from = 0;
    for r in ranges {
        if r.start < from {
            continue;
        }
        if let (Some(before), Some(hit)) = (text.get(from..r.start), text.get(r.clone())) {
            parts.push((false, before));
            parts.push((true, hit));
            from = r.end;
        }
    }
    parts.push((false, text.get(from..).unwrap_or_default()));
    html! {
        @for (hit, part) in parts {
            @if hit { mark { (part) } } @else { (part) }
        }
    }
}
