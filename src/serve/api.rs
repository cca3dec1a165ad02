//! `/api/search`, `/api/report`, `/api/evidence`: exactly the JSON that `search --json`,
//! `report --format json` and `evidence --json` print, from the same library calls.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::layout::blocking;
use super::params::Params;
use super::report_page::{evidence_request, report_key};
use super::state::{AppState, Refused};
use crate::report::evidence::to_json;
use crate::report::hits::{export, HitFormat};
use crate::report::{self, Format};

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json; charset=utf-8")], body).into_response()
}

/// `{"error": message}` with a status: 400 for a malformed request, 500 for a failure.
fn error(status: StatusCode, message: &str) -> Response {
    json(status, format!("{}\n", serde_json::json!({ "error": message })))
}

fn pretty<T: serde::Serialize>(value: &T) -> Response {
    match serde_json::to_string_pretty(value) {
        Ok(text) => json(StatusCode::OK, format!("{text}\n")),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

pub async fn search(State(state): State<Arc<AppState>>, Query(params): Query<Params>) -> Response {
    match blocking(move || state.search(&params)).await {
        Ok(Ok(results)) => pretty(&results),
        Ok(Err(Refused::Usage(message))) => error(StatusCode::BAD_REQUEST, &message),
        Ok(Err(Refused::Failed(e))) | Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &e),
    }
}

pub async fn report(State(state): State<Arc<AppState>>, Query(params): Query<Params>) -> Response {
    let key = match report_key(&state, &params) {
        Ok(key) => key,
        Err(message) => return error(StatusCode::BAD_REQUEST, &message),
    };
    let work = move || -> Result<Response, String> {
        let snapshot = state.snapshot().map_err(|e| e.to_string())?;
        let built = state.report(&snapshot, &key)?;
        if built.source.documents == 0 {
            return Ok(error(
                StatusCode::NOT_FOUND,
                "nothing to report: the index has no documents with a known municipality and year in scope",
            ));
        }
        Ok(json(StatusCode::OK, report::render(&built, Format::Json, key.lang, &[])))
    };
    match blocking(work).await {
        Ok(Ok(response)) => response,
        Ok(Err(e)) | Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &e),
    }
}

/// `evidence --json`'s array, or with `format=csv|json|ndjson` every hit as
/// `evidence --format` writes it (the CSV as a download for Danish Excel).
pub async fn evidence(State(state): State<Arc<AppState>>, Query(params): Query<Params>) -> Response {
    let (filter, region) = match evidence_request(&state, &params) {
        Ok(request) => request,
        Err(message) => return error(StatusCode::BAD_REQUEST, &message),
    };
    let format = match params.format().map(|f| f.parse::<HitFormat>()).transpose() {
        Ok(format) => format,
        Err(message) => return error(StatusCode::BAD_REQUEST, &message),
    };
    let work = move || -> Result<Response, String> {
        let snapshot = state.snapshot().map_err(|e| e.to_string())?;
        let reviews = state.reviews()?;
        // As `kommunsk evidence`: the mentions with stored paths, then the output.
        let found = report::mentions_in(&snapshot.pages, &state.topics, &filter, region);
        let corpus = &state.config.corpus;
        Ok(match format {
            None => json(StatusCode::OK, to_json(&found, &reviews, corpus).map_err(|e| e.to_string())?),
            Some(format) => export_response(format, export(&found, &reviews, corpus, format), &filter.topics),
        })
    };
    match blocking(work).await {
        Ok(Ok(response)) => response,
        Ok(Err(e)) | Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &e),
    }
}

/// An export with its media type; a file name for the download ("kommunsk-ai.csv").
fn export_response(format: HitFormat, body: String, topics: &[String]) -> Response {
    let (media_type, extension) = match format {
        HitFormat::Csv => ("text/csv; charset=utf-8", "csv"),
        HitFormat::Json => ("application/json; charset=utf-8", "json"),
        HitFormat::Ndjson => ("application/x-ndjson; charset=utf-8", "ndjson"),
    };
    // Topic ids come from the editable dictionary: only safe characters reach the header.
    let name: String = match topics {
        [one] => one.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect(),
        _ => "all".to_string(),
    };
    let disposition = format!("attachment; filename=\"kommunsk-{name}.{extension}\"");
    let mut response = (StatusCode::OK, [(header::CONTENT_TYPE, media_type)], body).into_response();
    if let Ok(value) = header::HeaderValue::from_str(&disposition) {
        response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
    }
    response
}
