//! `kommunsk serve`: search, report and documents in the browser.
//!
//! A thin layer over the library the CLI uses: `/api/search`, `/api/report` and `/api/evidence`
//! return exactly what `search --json`, `report --format json` and `evidence --json` print,
//! because they call the same functions. [`app`] builds the router apart from the listener, so
//! tests can drive it on any port.
//!
//! Secure by default: read-only except for one route, `POST /review`, which records review
//! verdicts in the reviews file when [`AppState::allow_reviews`] says so (loopback only, same
//! origin, a per-process form token: see `review_form`); documents are fetched by their index
//! id and never by a path from the request, everything from a PDF is escaped (maud escapes every interpolation),
//! and every response carries a Content-Security-Policy that allows only this origin's scripts.
//! Search and report work with JavaScript off; only the PDF view needs it (pdf.js).

mod api;
mod assets;
mod doc_page;
mod evidence_page;
mod labels;
mod layout;
mod params;
mod pdf_file;
pub mod reasons;
mod report_page;
mod review_form;
mod search_page;
mod state;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::http::header::{HeaderName, HeaderValue};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;

pub use state::{AppState, ServeConfig};

/// Where `kommunsk serve` listens unless told otherwise: loopback only.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// Only this origin's scripts, styles, images and fetches; the pdf.js worker from this origin;
/// no plug-ins, no framing, forms only to this origin.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The application: every route, with the security headers on every response.
pub fn app(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(report_page::report))
        .route("/evidence", get(evidence_page::evidence))
        .route("/review", post(review_form::review))
        .route("/search", get(search_page::search))
        .route("/doc/{id}", get(doc_page::document))
        .route("/pdf/{id}", get(pdf_file::pdf))
        .route("/api/search", get(api::search))
        .route("/api/report", get(api::report))
        .route("/api/evidence", get(api::evidence))
        .route("/static/{*file}", get(assets::asset))
        .fallback(layout::not_found)
        .layer(axum::middleware::map_response(security_headers))
        .layer(axum::middleware::from_fn(server_timing))
        .with_state(state)
}

/// `Server-Timing: app;dur=MS`: the time from the request to the finished response (pages are
/// rendered whole before they are sent), so a benchmark can tell server time from transport.
async fn server_timing(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let started = std::time::Instant::now();
    let mut response = next.run(request).await;
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    if let Ok(value) = HeaderValue::from_str(&format!("app;dur={millis:.2}")) {
        response.headers_mut().insert(HeaderName::from_static("server-timing"), value);
    }
    response
}

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name: &'static str, value: &'static str| {
        headers.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    };
    set(headers, "content-security-policy", CONTENT_SECURITY_POLICY);
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "referrer-policy", "no-referrer");
    set(headers, "x-frame-options", "DENY");
    set(headers, "cross-origin-opener-policy", "same-origin");
    response
}

/// Serves `state` on an already bound listener until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    axum::serve(listener, app(state)).await
}

/// Binds `addr` and serves until Ctrl-C.
pub fn run(addr: SocketAddr, state: Arc<AppState>, announce: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        announce(listener.local_addr()?);
        axum::serve(listener, app(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}
