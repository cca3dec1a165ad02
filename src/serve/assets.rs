//! Files the pages load, compiled into the binary: the style sheet, the viewer script, the
//! report's style and script, and pdf.js (vendored, see `vendor/pdfjs/README.md`).

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// The pdfjs-dist release in `vendor/pdfjs/`.
pub const PDFJS_VERSION: &str = "5.6.205";

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

/// The embedded file at `name`, with its media type.
fn lookup(name: &str) -> Option<(&'static str, &'static [u8])> {
    Some(match name {
        "kommunsk.css" => (CSS, include_bytes!("static/kommunsk.css")),
        "viewer.mjs" => (JS, include_bytes!("static/viewer.mjs")),
        "report.css" => (CSS, crate::report::html::STYLE.as_bytes()),
        "report.js" => (JS, crate::report::html::SCRIPT.as_bytes()),
        "pdfjs/pdf.min.mjs" => (JS, include_bytes!("../../vendor/pdfjs/pdf.min.mjs")),
        "pdfjs/pdf.worker.min.mjs" => (JS, include_bytes!("../../vendor/pdfjs/pdf.worker.min.mjs")),
        "pdfjs/VERSION" => ("text/plain; charset=utf-8", PDFJS_VERSION.as_bytes()),
        "pdfjs/LICENSE" => ("text/plain; charset=utf-8", include_bytes!("../../vendor/pdfjs/LICENSE")),
        _ => return None,
    })
}

pub async fn asset(Path(name): Path<String>) -> Response {
    match lookup(&name) {
        Some((media_type, body)) => {
            ([(header::CONTENT_TYPE, media_type), (header::CACHE_CONTROL, "public, max-age=3600")], body)
                .into_response()
        }
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
