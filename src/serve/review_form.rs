//! `POST /review`: the server's only write. The evidence view's form marks mentions right or
//! wrong with a note, or takes a verdict back ("—"), exactly as `kommunsk review
//! --right/--wrong/--clear` does ([`crate::review::mark`]) in the same reviews file beside the dictionary.
//!
//! A write is accepted only when all of these hold, else 403 and nothing is written:
//! - the server allows it ([`AppState::allow_reviews`]: `kommunsk serve` does on a loopback
//!   address unless `--read-only`);
//! - the `Host` header names a loopback address (`localhost`, `127.0.0.1`, `[::1]`), so a page
//!   from elsewhere cannot reach the server through a DNS name rebound to 127.0.0.1;
//! - the request comes from this origin: `Sec-Fetch-Site: same-origin` (set by the browser), or
//!   without that header an `Origin` equal to `http://` + `Host` (one of them must be there);
//! - the form carries this process's token, which only a page from this server knows;
//! - a reviewer is named.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;

use super::layout::{blocking, error_page, internal};
use super::params::Params;
use super::state::AppState;
use crate::report::evidence::{collect, EvidenceFilter};
use crate::review::mark::{find, record};
use crate::review::{annotate, ReviewFile, Verdict};

/// Longest reviewer name and note accepted.
const MAX_REVIEWER_CHARS: usize = 80;
const MAX_NOTE_CHARS: usize = 500;

/// A fresh random token (128 bits from the standard library's per-process random hash keys).
pub fn new_token() -> String {
    let mut token = String::new();
    for salt in 0..2u64 {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(salt);
        hasher
            .write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
        token.push_str(&format!("{:016x}", hasher.finish()));
    }
    token
}

/// True for a `Host` header naming a loopback address, with or without a port.
fn loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Why a write request is refused, if it is.
fn refused(headers: &HeaderMap) -> Option<&'static str> {
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let host = text(header::HOST).unwrap_or_default();
    if !loopback_host(host) {
        return Some("reviews are recorded only through a loopback address (Host)");
    }
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let origin = text(header::ORIGIN);
    // A browser that sends Sec-Fetch-Site decides by it alone: Chromium sends `Origin: null`
    // for this page's form, whose Referrer-Policy is no-referrer.
    match (site, origin) {
        (Some("same-origin"), _) => None,
        (Some(_), _) => Some("the form was not sent from this server's page (Sec-Fetch-Site)"),
        (None, Some(origin)) if origin == format!("http://{host}") => None,
        (None, Some(_)) => Some("the form was not sent from this server's page (Origin)"),
        (None, None) => Some("the request names no origin (Origin or Sec-Fetch-Site)"),
    }
}

/// Constant-time comparison, so the token cannot be guessed byte by byte from timings.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub async fn review(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let value = |name: &str| fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim().to_string());
    let params = Params {
        topic: value("topic"),
        municipality: value("municipality"),
        year: value("year"),
        doctype: value("doctype"),
        region: value("region"),
        lang: value("lang"),
        sample: value("sample"),
        seed: value("seed"),
        ..Params::default()
    };
    let lang = params.lang();
    let forbidden = |message: &str| error_page(StatusCode::FORBIDDEN, lang, message);
    if !state.reviews_writable() {
        return forbidden("this server is read-only (kommunsk serve --read-only, or not on a loopback address)");
    }
    if let Some(reason) = refused(&headers) {
        return forbidden(reason);
    }
    if !same(&value("token").unwrap_or_default(), state.form_token()) {
        return forbidden("the form is out of date or not from this server (reload the page)");
    }
    let reviewer = value("reviewer").unwrap_or_default();
    if reviewer.is_empty() || reviewer.chars().count() > MAX_REVIEWER_CHARS || reviewer.chars().any(char::is_control) {
        return error_page(StatusCode::BAD_REQUEST, lang, "name the reviewer (up to 80 characters)");
    }
    // `None`: take the verdict back (the reader moved a reviewed mention to "—").
    let mut marks: Vec<(String, Option<Verdict>, String)> = Vec::new();
    for (name, chosen) in &fields {
        let Some(id) = name.strip_prefix("v.") else { continue };
        let verdict = match chosen.as_str() {
            "" if value(&format!("w.{id}")).is_some_and(|shown| !shown.is_empty()) => None,
            "" => continue,
            other => match other.parse::<Verdict>() {
                Ok(v) => Some(v),
                Err(message) => return error_page(StatusCode::BAD_REQUEST, lang, &message),
            },
        };
        let note: String = value(&format!("n.{id}")).unwrap_or_default().chars().filter(|c| !c.is_control()).collect();
        if note.chars().count() > MAX_NOTE_CHARS {
            return error_page(StatusCode::BAD_REQUEST, lang, "a note may be at most 500 characters");
        }
        marks.push((id.to_string(), verdict, note));
    }
    // Back to the same view, whose form starts with this reviewer's name.
    let back = format!(
        "/evidence?{}",
        params.with(&[
            ("sample", params.sample.as_deref()),
            ("seed", params.seed.as_deref()),
            ("reviewer", Some(reviewer.as_str()))
        ])
    );
    let work = move || -> Result<Result<usize, String>, String> {
        let _writing = state.review_lock.lock().map_err(|_| "a review failed before".to_string())?;
        let snapshot = state.snapshot().map_err(|e| e.to_string())?;
        let mut reviews = ReviewFile::load(&state.reviews_path()).map_err(|e| e.to_string())?;
        // As `kommunsk review --wrong ID`: ids among every mention of every document.
        let filter = EvidenceFilter { topics: params.topic().into_iter().collect(), ..Default::default() };
        let found = collect(&snapshot.pages, &state.topics, &filter);
        let keys: Vec<_> = annotate(&found, &reviews).into_iter().map(|(k, _)| k).collect();
        let mut changed = 0;
        for (id, verdict, note) in &marks {
            let i = match find(&keys, id) {
                Ok(i) => i,
                Err(e) => return Ok(Err(e.to_string())),
            };
            match verdict {
                Some(verdict) => {
                    let unchanged = reviews.get(&keys[i].key).is_some_and(|r| r.verdict == *verdict && r.note == *note);
                    if !unchanged {
                        record(&mut reviews, &found[i], &keys[i], *verdict, note, &reviewer);
                        changed += 1;
                    }
                }
                None => changed += usize::from(reviews.remove(&keys[i].key).is_some()),
            }
        }
        if changed > 0 {
            reviews.save().map_err(|e| e.to_string())?;
        }
        Ok(Ok(changed))
    };
    match blocking(work).await {
        Ok(Ok(Ok(_))) => Redirect::to(&back).into_response(),
        Ok(Ok(Err(message))) => error_page(StatusCode::BAD_REQUEST, lang, &message),
        Ok(Err(e)) | Err(e) => internal(lang, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn asked(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_static(value));
        }
        headers
    }

    #[test]
    fn only_same_origin_requests_to_a_loopback_host_may_write() {
        assert_eq!(refused(&asked(&[("host", "127.0.0.1:8080"), ("origin", "http://127.0.0.1:8080")])), None);
        assert_eq!(refused(&asked(&[("host", "localhost:8080"), ("sec-fetch-site", "same-origin")])), None);
        // What Chromium sends for this server's form (its Referrer-Policy is no-referrer).
        let chromium = [("host", "127.0.0.1:8080"), ("sec-fetch-site", "same-origin"), ("origin", "null")];
        assert_eq!(refused(&asked(&chromium)), None);
        assert_eq!(refused(&asked(&[("host", "[::1]:8080"), ("origin", "http://[::1]:8080")])), None);
        assert!(refused(&asked(&[("host", "evil.example:8080"), ("origin", "http://evil.example:8080")])).is_some());
        assert!(refused(&asked(&[("host", "127.0.0.1:8080"), ("origin", "http://evil.example")])).is_some());
        assert!(refused(&asked(&[("host", "127.0.0.1:8080"), ("sec-fetch-site", "cross-site")])).is_some());
        assert!(refused(&asked(&[("host", "127.0.0.1:8080")])).is_some());
        assert!(refused(&asked(&[("host", "127.0.0.1:8080"), ("origin", "null")])).is_some());
    }

    #[test]
    fn tokens_differ_and_compare_exactly() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(same(&a, &a.clone()) && !same(&a, &b) && !same(&a, &a[..31]));
    }
}
