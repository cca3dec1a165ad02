//! `GET /pdf/{id}`: the PDF itself, by index id, answering HTTP Range requests (206 with
//! `Content-Range`, `Accept-Ranges: bytes`) so pdf.js can fetch a large PDF piece by piece.
//!
//! Only indexed documents can be fetched: the id is looked up among the index's file records,
//! and the file read is the record's path under the corpus folder. Nothing in the request
//! becomes part of a file path. The Range header is parsed and checked by `http-range-header`.

use std::io::SeekFrom;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use tokio::io::{AsyncReadExt, AsyncSeekExt};

use super::layout::{blocking, error_page, internal};
use super::state::AppState;
use crate::index::FileRecord;

/// Largest PDF the server sends (the extractor's own limit on what it reads is lower).
const MAX_PDF_BYTES: u64 = 512 * 1024 * 1024;

/// The record's file under the corpus folder, if its stored path is a plain relative path.
fn file_of(corpus: &Path, record: &FileRecord) -> Option<PathBuf> {
    let relative = Path::new(&record.path);
    relative.components().all(|c| matches!(c, Component::Normal(_))).then(|| corpus.join(relative))
}

/// What to send of a file of `size` bytes for the request's headers.
#[derive(Debug, PartialEq)]
enum Part {
    Whole,
    Range(std::ops::RangeInclusive<u64>),
    Unsatisfiable,
}

/// A single satisfiable range is sent as asked. A malformed header, several ranges or an
/// `If-Range` (the server offers no validator to compare with) get the whole file, as RFC 9110
/// allows; a range wholly past the end is 416.
fn part(headers: &HeaderMap, size: u64) -> Part {
    let Some(range) = headers.get(header::RANGE).and_then(|v| v.to_str().ok()) else { return Part::Whole };
    if headers.contains_key(header::IF_RANGE) {
        return Part::Whole;
    }
    let Ok(parsed) = http_range_header::parse_range_header(range) else { return Part::Whole };
    match parsed.validate(size) {
        Ok(ranges) => match ranges.as_slice() {
            [one] => Part::Range(one.clone()),
            _ => Part::Whole,
        },
        Err(http_range_header::RangeUnsatisfiableError::Invalid(_)) => Part::Whole,
        Err(_) => Part::Unsatisfiable,
    }
}

pub async fn pdf(State(state): State<Arc<AppState>>, UrlPath(id): UrlPath<String>, headers: HeaderMap) -> Response {
    let snapshot = match blocking({
        let state = state.clone();
        move || state.snapshot()
    })
    .await
    {
        Ok(Ok(snapshot)) => snapshot,
        Ok(Err(e)) => return internal("da", e),
        Err(e) => return internal("da", e),
    };
    let not_found = || error_page(StatusCode::NOT_FOUND, "da", "Findes ikke · not found");
    let Some(record) = snapshot.record(&id) else { return not_found() };
    let Some(file) = file_of(&state.config.corpus, record) else { return not_found() };
    let unreadable = |e: std::io::Error| error_page(StatusCode::NOT_FOUND, "da", &format!("{}: {e}", record.path));
    let mut opened = match tokio::fs::File::open(&file).await {
        Ok(opened) => opened,
        Err(e) => return unreadable(e),
    };
    let size = match opened.metadata().await {
        Ok(meta) if meta.len() > MAX_PDF_BYTES => {
            return error_page(StatusCode::PAYLOAD_TOO_LARGE, "da", "PDF-filen er for stor · the PDF is too large")
        }
        Ok(meta) => meta.len(),
        Err(e) => return unreadable(e),
    };
    let (status, range) = match part(&headers, size) {
        Part::Whole => (StatusCode::OK, None),
        Part::Range(range) => (StatusCode::PARTIAL_CONTENT, Some(range)),
        Part::Unsatisfiable => {
            let mut response = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
            if let Ok(value) = HeaderValue::from_str(&format!("bytes */{size}")) {
                response.headers_mut().insert(header::CONTENT_RANGE, value);
            }
            return response;
        }
    };
    let (start, length) = match &range {
        Some(r) => (*r.start(), r.end() - r.start() + 1),
        None => (0, size),
    };
    let mut bytes = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
    let read = async {
        opened.seek(SeekFrom::Start(start)).await?;
        (&mut opened).take(length).read_to_end(&mut bytes).await
    };
    if let Err(e) = read.await {
        return unreadable(e);
    }
    let mut response = (
        status,
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (header::CONTENT_DISPOSITION, "inline"),
            (header::CACHE_CONTROL, "private, max-age=60"),
            (header::ACCEPT_RANGES, "bytes"),
        ],
        bytes,
    )
        .into_response();
    if let Some(r) = range {
        if let Ok(value) = HeaderValue::from_str(&format!("bytes {}-{}/{size}", r.start(), r.end())) {
            response.headers_mut().insert(header::CONTENT_RANGE, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(range: &str, if_range: bool) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::RANGE, HeaderValue::from_str(range).unwrap());
        if if_range {
            headers.insert(header::IF_RANGE, HeaderValue::from_static("\"x\""));
        }
        headers
    }

    #[test]
    fn one_range_is_sent_others_get_the_whole_file_or_416() {
        assert_eq!(part(&HeaderMap::new(), 100), Part::Whole);
        assert_eq!(part(&asked("bytes=0-9", false), 100), Part::Range(0..=9));
        assert_eq!(part(&asked("bytes=90-", false), 100), Part::Range(90..=99));
        assert_eq!(part(&asked("bytes=-10", false), 100), Part::Range(90..=99));
        assert_eq!(part(&asked("bytes=95-200", false), 100), Part::Range(95..=99));
        assert_eq!(part(&asked("bytes=0-9,20-29", false), 100), Part::Whole);
        assert_eq!(part(&asked("bytes=0-9", true), 100), Part::Whole);
        assert_eq!(part(&asked("lines=1-2", false), 100), Part::Whole);
        assert_eq!(part(&asked("bytes=200-300", false), 100), Part::Unsatisfiable);
    }
}
