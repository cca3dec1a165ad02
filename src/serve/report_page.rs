//! `GET /`: the report as `report --format html` renders it (same numbers, charts, labels and
//! evidence, every number linking to its sentences), with year, document-type and region
//! selectors. The sentences behind a number are at `/evidence` ([`super::evidence_page`]).

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup};

use super::labels::{words, Words};
use super::layout::{blocking, error_page, internal, lang_query};
use super::params::{encode, Params};
use super::state::{AppState, ReportKey};
use crate::identify::{registry, DocType, Region};
use crate::report::evidence::EvidenceFilter;
use crate::report::labels::Labels;
use crate::report::{self, html::SCRIPT, html::STYLE, Scope};

/// The report scope the parameters ask for (400 with a message when one is malformed).
pub fn report_key(state: &AppState, params: &Params) -> Result<ReportKey, String> {
    let doctype = params
        .doctype()
        .map(|d| {
            d.parse::<DocType>().map(|t| t.as_str().to_string()).map_err(|_| {
                format!("unknown document type {d:?} (agreement, proposal, appendix, agenda, report, other)")
            })
        })
        .transpose()?;
    let region = params
        .region()
        .map(|r| {
            Region::parse(&r).ok_or_else(|| {
                format!("unknown region {r:?} (Hovedstaden, Sjælland, Syddanmark, Midtjylland, Nordjylland)")
            })
        })
        .transpose()?;
    Ok(ReportKey { year: params.year()?, doctype, region, lang: params.lang(), reviews: state.reviews_stamp() })
}

/// The evidence filter of `/evidence` and `/api/evidence`, checked as `kommunsk evidence`
/// checks its arguments.
pub fn evidence_request(state: &AppState, params: &Params) -> Result<(EvidenceFilter, Option<Region>), String> {
    let key = report_key(state, params)?;
    // Without a topic, every topic's mentions (as `kommunsk evidence` without one).
    let topic = params.topic();
    if let Some(topic) = &topic {
        if state.topics.get(topic).is_none() {
            let ids: Vec<&str> = state.topics.topics.iter().map(|t| t.id.as_str()).collect();
            return Err(format!("unknown topic {topic:?} (one of {})", ids.join(", ")));
        }
    }
    let code = match params.municipality() {
        Some(name) => Some(registry::lookup(&name).ok_or_else(|| format!("unknown municipality {name:?}"))?.code),
        None => None,
    };
    let scope = Scope { year: key.year, doctype: key.doctype };
    Ok((EvidenceFilter { scope, topics: topic.into_iter().collect(), code }, key.region))
}

pub async fn report(State(state): State<Arc<AppState>>, Query(params): Query<Params>) -> Response {
    let lang = params.lang();
    let key = match report_key(&state, &params) {
        Ok(key) => key,
        Err(message) => return error_page(StatusCode::BAD_REQUEST, lang, &message),
    };
    let work = move || -> Result<String, String> {
        let snapshot = state.snapshot().map_err(|e| e.to_string())?;
        let built = state.report(&snapshot, &key)?;
        let everything =
            state.report(&snapshot, &ReportKey { year: None, doctype: None, region: None, ..key.clone() })?;
        let rendered = state.report_html(&snapshot, &key, || {
            // Every number links to `/evidence` with the same scope, where all its sentences are.
            let scope = params.with(&[("q", None), ("topic", None), ("municipality", None), ("year", None)]);
            let link = |topic: &str, year: u16, code: Option<u16>| {
                let municipality = code.map(|c| format!("&municipality={c}")).unwrap_or_default();
                let rest = if scope.is_empty() { String::new() } else { format!("&{scope}") };
                format!("/evidence?topic={}&year={year}{municipality}{rest}", encode(topic))
            };
            report::html::render_linked(&built, Labels::for_lang(key.lang), &link)
        });
        Ok(adapt(&rendered, &selectors(words(key.lang), &params, &everything.source.years)))
    };
    match blocking(work).await {
        Ok(Ok(text)) => Html(text).into_response(),
        Ok(Err(e)) | Err(e) => internal(lang, e),
    }
}

/// The rendered report with its inline style and script replaced by this server's files (the
/// Content-Security-Policy allows no inline code) and the navigation and selectors on top.
fn adapt(rendered: &str, top: &Markup) -> String {
    rendered
        .replacen(
            &format!("<style>{STYLE}</style>"),
            "<link rel=\"stylesheet\" href=\"/static/report.css\"><link rel=\"stylesheet\" href=\"/static/kommunsk.css\">",
            1,
        )
        .replacen(&format!("<script>{SCRIPT}</script>"), "<script src=\"/static/report.js\"></script>", 1)
        .replacen("<main>", &format!("{}<main>", top.0), 1)
}

/// Navigation plus a form choosing year, document type and region (plain GET: works without
/// JavaScript).
fn selectors(w: &Words, params: &Params, years: &[u16]) -> Markup {
    let chosen_year = params.year().ok().flatten();
    let chosen_doctype = params.doctype().and_then(|d| d.parse::<DocType>().ok());
    let chosen_region = params.region().and_then(|r| Region::parse(&r));
    html! {
        header.top {
            nav {
                a href={ "/" (lang_query(w, "?")) } { (w.report) }
                a href={ "/search" (lang_query(w, "?")) } { (w.search) }
                a.lang href={ "/?" (params.with(&[("lang", if w.lang == "en" { None } else { Some("en") })])) } hreflang=(w.other_lang) { (w.other_lang_name) }
            }
            form.selectors method="get" action="/" {
                label { (w.year) " "
                    select name="year" {
                        option value="" { (w.all) }
                        @for year in years {
                            option value=(year) selected[chosen_year == Some(*year)] { (year) }
                        }
                    }
                }
                label { (w.doctype) " "
                    select name="doctype" {
                        option value="" { (w.all) }
                        @for d in DocType::ALL {
                            option value=(d.as_str()) selected[chosen_doctype == Some(d)] { (super::labels::doctype_name(d.as_str(), w.lang)) }
                        }
                    }
                }
                label { (w.region) " "
                    select name="region" {
                        option value="" { (w.all) }
                        @for r in Region::ALL {
                            option value=(r.name()) selected[chosen_region == Some(r)] { (r.name()) }
                        }
                    }
                }
                @if w.lang == "en" { input type="hidden" name="lang" value="en"; }
                button type="submit" { (w.show) }
            }
        }
    }
}
