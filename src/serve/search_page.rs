//! `GET /search`: hits with municipality, year, document type and page, a highlighted
//! snippet and a link to the page; facet counts that narrow the search; paging. A query the
//! parser cannot read is shown as a message on the page.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped};

use super::labels::{doctype_name, words, Words};
use super::layout::{blocking, internal, lang_query, page};
use super::params::{encode, Params};
use super::state::{AppState, Refused};
use crate::analyse::{Topic, TopicSet};
use crate::search::{FacetCount, Hit, SearchResults};

pub async fn search(State(state): State<Arc<AppState>>, Query(params): Query<Params>) -> Response {
    let lang = params.lang();
    let w = words(lang);
    let outcome = if params.q().is_none() {
        Ok(None)
    } else {
        let (state, asked) = (state.clone(), params.clone());
        match blocking(move || state.search(&asked)).await {
            Ok(Ok(results)) => Ok(Some(results)),
            Ok(Err(Refused::Usage(message))) => Err(message),
            Ok(Err(Refused::Failed(e))) | Err(e) => return internal(lang, e),
        }
    };
    let body = html! {
        (search_form(w, &params))
        @match &outcome {
            Err(message) => p.error role="alert" { (w.bad_query) ": " (message) },
            Ok(None) => {},
            Ok(Some(results)) => (results_view(w, &params, results, &state.topics)),
        }
    };
    let title = params.q().unwrap_or_else(|| w.search.to_string());
    Html(page(w, &title, &params, "/search", body).into_string()).into_response()
}

fn search_form(w: &Words, params: &Params) -> Markup {
    html! {
        form.search method="get" action="/search" role="search" {
            input type="search" name="q" value=(params.q().unwrap_or_default()) placeholder=(w.query_placeholder) aria-label=(w.search) autofocus;
            @for (name, value) in [("municipality", params.municipality()), ("year", params.year.clone()), ("region", params.region()), ("doctype", params.doctype()), ("topic", params.topic()), ("doclang", params.document_language())] {
                @if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                    input type="hidden" name=(name) value=(value);
                }
            }
            @if w.lang == "en" { input type="hidden" name="lang" value="en"; }
            button type="submit" { (w.search) }
        }
    }
}

fn results_view(w: &Words, params: &Params, results: &SearchResults, topics: &TopicSet) -> Markup {
    let offset = params.offset().unwrap_or(0);
    let shown = results.hits.len();
    let limit = params.search_request().map(|r| r.limit.clamp(1, crate::search::MAX_HITS)).unwrap_or(10);
    html! {
        div.results {
            aside.facets {
                (active_filters(w, params, topics))
                (facet(w, params, "municipality", w.municipality, &results.facets.municipality))
                (facet(w, params, "year", w.year, &results.facets.year))
                (facet(w, params, "region", w.region, &results.facets.region))
                (facet(w, params, "doctype", w.doctype, &results.facets.doctype))
                (topic_facet(w, params, topics))
            }
            section.hits {
                p.total { (results.total) " " (w.pages_match) }
                @if results.hits.is_empty() { p.none { (w.no_hits) } }
                ol.hits start=(offset + 1) {
                    @for hit in &results.hits { (hit_view(w, params, hit)) }
                }
                nav.paging {
                    @if offset > 0 {
                        a.prev rel="prev" href={ "/search?" (params.with(&[("offset", Some(&offset.saturating_sub(limit).to_string()))])) } { "← " (w.previous) }
                    }
                    @if offset + shown < results.total {
                        a.next rel="next" href={ "/search?" (params.with(&[("offset", Some(&(offset + shown).to_string()))])) } { (w.next) " →" }
                    }
                }
            }
        }
    }
}

fn hit_view(w: &Words, params: &Params, hit: &Hit) -> Markup {
    let q = params.q().unwrap_or_default();
    let link = format!("/doc/{}?page={}&q={}{}", hit.id, hit.page, encode(&q), lang_query(w, "&"));
    html! {
        li.hit data-page=(hit.page) data-id=(hit.id) {
            a.open href=(link) {
                span.who { (hit.municipality.as_deref().unwrap_or("?")) }
                " · " span.year { (hit.year.map(|y| y.to_string()).unwrap_or_else(|| "?".into())) }
                " · " span.doctype { (doctype_name(&hit.doctype, w.lang)) }
                " · " span.page { (w.page) " " (hit.page) }
            }
            // The library escaped the passage and added only <b> around the matched words.
            p.snippet { (PreEscaped(&hit.snippet)) }
            p.path { (hit.path) }
        }
    }
}

/// The dictionary's topics: each narrows the search to the pages that mention it (the pages
/// the report counts it on).
fn topic_facet(w: &Words, params: &Params, topics: &TopicSet) -> Markup {
    let chosen = params.topic();
    html! {
        section.facet data-facet="topic" {
            h3 { (w.topic) }
            ul {
                @for t in &topics.topics {
                    li {
                        @if chosen.as_deref() == Some(t.id.as_str()) {
                            strong { (topic_label(t, w.lang)) }
                        } @else {
                            a href={ "/search?" (params.with(&[("topic", Some(&t.id)), ("offset", None)])) } data-topic=(t.id) { (topic_label(t, w.lang)) }
                        }
                    }
                }
            }
        }
    }
}

/// A topic's label in the reader's language.
pub fn topic_label(topic: &Topic, lang: &str) -> String {
    if lang == "en" {
        topic.label_en.clone()
    } else {
        topic.label_da.clone()
    }
}

/// The filters in force, each with a link that removes it.
fn active_filters(w: &Words, params: &Params, topics: &TopicSet) -> Markup {
    let topic = params.topic().map(|id| topics.get(&id).map(|t| topic_label(t, w.lang)).unwrap_or(id));
    let active: Vec<(&str, String)> = [
        ("municipality", params.municipality()),
        ("year", params.year.clone().filter(|y| !y.trim().is_empty())),
        ("region", params.region()),
        ("doctype", params.doctype()),
        ("topic", topic),
        ("doclang", params.document_language().map(|code| format!("{} {code}", w.language))),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.map(|v| (name, v)))
    .collect();
    html! {
        @if !active.is_empty() {
            ul.active {
                @for (name, value) in &active {
                    li { a.remove href={ "/search?" (params.with(&[(name, None)])) } title=(w.remove_filter) { (value) " ×" } }
                }
            }
        }
    }
}

fn facet(w: &Words, params: &Params, name: &str, label: &str, counts: &[FacetCount]) -> Markup {
    html! {
        @if !counts.is_empty() {
            section.facet data-facet=(name) {
                h3 { (label) }
                ul {
                    @for c in counts.iter().take(MAX_FACET_VALUES) {
                        li {
                            a href={ "/search?" (params.with(&[(name, Some(&c.value))])) } {
                                @if name == "doctype" { (doctype_name(&c.value, w.lang)) } @else { (c.value) }
                            }
                            " " span.count { (c.count) }
                        }
                    }
                }
            }
        }
    }
}

/// Values shown per facet (the most frequent; 98 municipalities would bury the rest).
const MAX_FACET_VALUES: usize = 15;
