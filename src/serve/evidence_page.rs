//! `GET /evidence?topic=…&municipality=…&year=…`: every mention behind a number, each linking
//! to its page, with its review verdict; mentions reviewed wrong are shown as not counted. On a
//! server that allows reviews, one form marks each mention right or wrong with a note
//! (`POST /review`, [`super::review_form`]). "Draw a sample" shows the random sample
//! `kommunsk review --sample N TOPIC` draws (same seed, same mentions); "Export" links give
//! every hit as `evidence --format csv|json|ndjson` prints it (`/api/evidence?format=…`).

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup};

use super::labels::{words, Words};
use super::layout::{blocking, error_page, internal, lang_query, page};
use super::params::{encode, Params};
use super::report_page::evidence_request;
use super::search_page::topic_label;
use super::state::AppState;
use crate::analyse::Evidence;
use crate::report;
use crate::review::sample::sample;
use crate::review::{annotate, Precision, Review, Verdict};
use crate::search::doc_id;

/// Sample size the form offers first (as the README's example).
const DEFAULT_SAMPLE: usize = 20;

pub async fn evidence(State(state): State<Arc<AppState>>, Query(params): Query<Params>) -> Response {
    let lang = params.lang();
    let (filter, region) = match evidence_request(&state, &params) {
        Ok(request) => request,
        Err(message) => return error_page(StatusCode::BAD_REQUEST, lang, &message),
    };
    let drawn = match (params.sample(), params.seed()) {
        (Ok(n), Ok(seed)) => n.map(|n| (n, seed)),
        (Err(message), _) | (_, Err(message)) => return error_page(StatusCode::BAD_REQUEST, lang, &message),
    };
    let work = move || -> Result<String, String> {
        let snapshot = state.snapshot().map_err(|e| e.to_string())?;
        let reviews = state.reviews()?;
        // Stored paths and rejected mentions kept: reviews key on them.
        let found = report::mentions_in(&snapshot.pages, &state.topics, &filter, region);
        let reviewed = annotate(&found, &reviews);
        let shown: Vec<usize> = match drawn {
            Some((n, seed)) => {
                let keys: Vec<_> = reviewed.iter().map(|(k, _)| k.clone()).collect();
                sample(&keys, n, seed)
            }
            None => (0..found.len()).collect(),
        };
        let w = words(lang);
        let topic = filter.topics.first().and_then(|id| state.topics.get(id));
        let label = topic.map(|t| topic_label(t, lang)).unwrap_or_default();
        let verdicts: Vec<Option<&Review>> = shown.iter().map(|&i| reviewed[i].1).collect();
        let entries: Vec<Entry> = shown
            .iter()
            .zip(&verdicts)
            .map(|(&i, review)| Entry {
                mention: &found[i],
                id: &reviewed[i].0.id,
                review: *review,
                document: doc_id(&found[i].path),
                shown_path: crate::search::display_path(&state.config.corpus.display().to_string(), &found[i].path),
            })
            .collect();
        let body = html! {
            h1 { (w.evidence) }
            p.summary { (summary(w, &label, &verdicts)) }
            (export_links(w, &params))
            @if topic.is_some() { (sample_form(w, &params, drawn)) }
            @if let Some((n, seed)) = drawn {
                p.sample { (w.sample_of) " " (n.min(found.len())) " (" (w.seed.to_lowercase()) " " (seed) "): " (w.sample_advice) ". "
                    a href={ "/evidence?" (params.with(&[])) } { (w.show_all) } }
            }
            @if state.reviews_writable() {
                form.review method="post" action="/review" {
                    input type="hidden" name="token" value=(state.form_token());
                    (scope_fields(&params))
                    label.reviewer { (w.reviewer) " " input type="text" name="reviewer" value=(params.reviewer.clone().unwrap_or_default()) required maxlength="80" autocomplete="name"; }
                    (mention_list(w, &entries, true))
                    button type="submit" { (w.save_reviews) }
                }
            } @else {
                p.readonly { (w.read_only) }
                (mention_list(w, &entries, false))
            }
        };
        Ok(page(w, w.evidence, &params, "/evidence", body).into_string())
    };
    match blocking(work).await {
        Ok(Ok(text)) => Html(text).into_response(),
        Ok(Err(e)) | Err(e) => internal(lang, e),
    }
}

/// One listed mention.
struct Entry<'a> {
    mention: &'a Evidence,
    /// The mention's review id (`kommunsk review --wrong ID`).
    id: &'a str,
    review: Option<&'a Review>,
    /// The id of its document, for the link to its page.
    document: String,
    shown_path: String,
}

/// "Kunstig intelligens (AI) · 161 omtaler · 20 gennemgåede, 3 forkerte (tælles ikke med) ·
/// Præcision 85 % (64–95 %)" — over the mentions listed (the sample, when one is drawn).
fn summary(w: &Words, label: &str, verdicts: &[Option<&Review>]) -> String {
    let reviewed = verdicts.iter().flatten().count();
    let wrong = verdicts.iter().flatten().filter(|r| r.verdict == Verdict::Wrong).count();
    let noun = if verdicts.len() == 1 { w.mention } else { w.mentions };
    let mut text = format!("{} {noun}", verdicts.len());
    if !label.is_empty() {
        text = format!("{label} · {text}");
    }
    if reviewed > 0 {
        text.push_str(&format!(" · {reviewed} {}, {wrong} {} ({})", w.reviewed, w.wrong, w.not_counted));
        if let Some(p) = Precision::wilson(reviewed - wrong, reviewed) {
            text.push_str(&format!(" · {} {}", w.precision, p.percent_text()));
        }
    }
    text
}

/// The scope as hidden fields, so a form keeps what the page shows.
fn scope_fields(params: &Params) -> Markup {
    let fields = [
        ("topic", params.topic()),
        ("municipality", params.municipality()),
        ("year", params.year.clone().filter(|y| !y.trim().is_empty())),
        ("doctype", params.doctype()),
        ("region", params.region()),
        ("lang", params.lang.clone().filter(|l| l == "en")),
        ("sample", params.sample.clone().filter(|v| !v.trim().is_empty())),
        ("seed", params.seed.clone().filter(|v| !v.trim().is_empty())),
    ];
    html! {
        @for (name, value) in fields {
            @if let Some(value) = value { input type="hidden" name=(name) value=(value); }
        }
    }
}

/// Every hit of this view (the whole view, not the sample) as `kommunsk evidence --format` writes it.
fn export_links(w: &Words, params: &Params) -> Markup {
    let scope = params.with(&[("lang", None)]);
    let sep = if scope.is_empty() { "" } else { "&" };
    html! {
        p.export { (w.export) ":"
            @for format in ["csv", "json", "ndjson"] {
                " " a href={ "/api/evidence?" (scope) (sep) "format=" (format) } download data-format=(format) { (format.to_uppercase()) }
            }
        }
    }
}

/// The "draw a sample" form: a plain GET, so the sample has an address and works without script.
fn sample_form(w: &Words, params: &Params, drawn: Option<(usize, u64)>) -> Markup {
    let (n, seed) = drawn.unwrap_or((DEFAULT_SAMPLE, crate::review::sample::DEFAULT_SEED));
    let without = Params { sample: None, seed: None, ..params.clone() };
    html! {
        form.sample method="get" action="/evidence" {
            (scope_fields(&without))
            label { (w.sample_size) " " input type="number" name="sample" value=(n) min="1" max="100000"; }
            " "
            label { (w.seed) " " input type="number" name="seed" value=(seed) min="0"; }
            " "
            button type="submit" { (w.draw_sample) }
        }
    }
}

fn mention_list(w: &Words, entries: &[Entry], controls: bool) -> Markup {
    html! {
        ol.mentions {
            @for entry in entries { (mention(w, entry, controls)) }
        }
    }
}

/// One mention: where (linking to the page, the mention highlighted there), its id and
/// verdict, the sentence with the mention marked, and — when reviews can be recorded — the
/// right/wrong choice and a note.
fn mention(w: &Words, entry: &Entry, controls: bool) -> Markup {
    let e = entry.mention;
    let s = &e.sentence;
    let (before, hit, after) = match (s.get(..e.start), s.get(e.start..e.end), s.get(e.end..)) {
        (Some(a), Some(b), Some(c)) => (a, b, c),
        _ => (s.as_str(), "", ""),
    };
    let where_ = format!(
        "{} · {} · {} {}",
        e.municipality.as_deref().unwrap_or("?"),
        e.year.map(|y| y.to_string()).unwrap_or_default(),
        w.page,
        e.page
    );
    let query = format!("\"{}\"", hit.replace('"', " "));
    let verdict = entry.review.map(|r| r.verdict);
    let (class, status) = match verdict {
        Some(Verdict::Wrong) => ("mention rejected", format!("{} · {}", w.wrong, w.not_counted)),
        Some(Verdict::Right) => ("mention confirmed", w.right.to_string()),
        None => ("mention", w.unreviewed.to_string()),
    };
    let note = entry.review.map(|r| r.note.as_str()).unwrap_or_default();
    let field = |prefix: &str| format!("{prefix}.{}", entry.id);
    html! {
        li class=(class) data-id=(entry.id) data-verdict=(verdict.map_or("", Verdict::as_str)) data-topic=(e.topic) data-page=(e.page) {
            span.where {
                a href={ "/doc/" (entry.document) "?page=" (e.page) "&q=" (encode(&query)) (lang_query(w, "&")) } { (where_) }
            }
            " " span.path { (entry.shown_path) }
            " " code.id { (entry.id) }
            " " span.verdict { (status) }
            blockquote.sentence { (before) mark { (hit) } (after) }
            @if !note.is_empty() && !controls { p.note { (w.note) ": " (note) } }
            @if controls {
                div.actions {
                    // What the page showed: a verdict is taken back only when the reader moved it
                    // to "—", never because the page predates a review made elsewhere.
                    input type="hidden" name=(field("w")) value=(verdict.map_or("", Verdict::as_str));
                    label title=(w.unreviewed) { input type="radio" name=(field("v")) value="" checked[verdict.is_none()]; " —" }
                    label { input type="radio" name=(field("v")) value="right" checked[verdict == Some(Verdict::Right)]; " " (w.right) }
                    label { input type="radio" name=(field("v")) value="wrong" checked[verdict == Some(Verdict::Wrong)]; " " (w.wrong) }
                    " "
                    input type="text" name=(field("n")) value=(note) placeholder=(w.note) maxlength="500" aria-label=(w.note);
                }
            }
        }
    }
}
