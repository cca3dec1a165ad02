//! The frame every page shares, and errors as pages.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};

use super::labels::{words, Words};
use super::params::Params;

/// A whole page: title, navigation (report, search, the other language), body.
pub fn page(w: &Words, title: &str, params: &Params, path: &str, body: Markup) -> Markup {
    let other = params.with(&[("lang", Some(w.other_lang))]);
    let other = other.replace("lang=da", "").trim_matches('&').replace("&&", "&");
    html! {
        (DOCTYPE)
        html lang=(w.lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · kommunsk" }
                link rel="stylesheet" href="/static/kommunsk.css";
            }
            body {
                header.top {
                    nav {
                        a href={ "/" (lang_query(w, "?")) } { (w.report) }
                        a href={ "/search" (lang_query(w, "?")) } { (w.search) }
                        a.lang href={ (path) "?" (other) } hreflang=(w.other_lang) { (w.other_lang_name) }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// `?lang=en` (after `sep`) for English pages, nothing for Danish.
pub fn lang_query(w: &Words, sep: &str) -> String {
    if w.lang == "en" {
        format!("{sep}lang=en")
    } else {
        String::new()
    }
}

/// An error page with its status.
pub fn error_page(status: StatusCode, lang: &str, message: &str) -> Response {
    let w = words(lang);
    let body = html! { h1 { (w.error) } p.error { (message) } };
    (status, Html(page(w, w.error, &Params::default(), "/", body).into_string())).into_response()
}

pub async fn not_found() -> Response {
    error_page(StatusCode::NOT_FOUND, "da", "Siden findes ikke · page not found")
}

/// A failure inside the library (the index unreadable, a task lost): logged and shown.
pub fn internal(lang: &str, err: impl std::fmt::Display) -> Response {
    eprintln!("kommunsk serve: {err}");
    error_page(StatusCode::INTERNAL_SERVER_ERROR, lang, &err.to_string())
}

/// Runs blocking library work (index reads, rayon counting) off the async threads.
pub async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    tokio::task::spawn_blocking(work).await.map_err(|e| format!("request failed: {e}"))
}
