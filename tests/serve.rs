//! `kommunsk serve` (issue 13): the JSON API equals the CLI's JSON, the pages are safe and
//! never fail on bad input, Danish compounds are found, and in headless Chromium a query shows
//! hits with page numbers, a facet narrows them, a hit opens the PDF at its page with the words
//! highlighted, and a number on the report page leads to its sentences.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::*;
use kommunsk::analyse::TopicSet;
use kommunsk::serve::{AppState, ServeConfig};
use serde_json::Value;

/// The sample corpus ingested once, and the server on it (in this process, so that it ends
/// with the tests) on a free port.
struct Served {
    index: PathBuf,
    addr: SocketAddr,
}

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the server on a free loopback port in a thread of its own and returns its address.
fn serve_in_background(state: AppState) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            kommunsk::serve::serve(listener, Arc::new(state)).await.unwrap();
        });
    });
    rx.recv().unwrap()
}

fn served() -> &'static Served {
    static SERVED: OnceLock<Served> = OnceLock::new();
    SERVED.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap().keep();
        let index = tmp.join("index");
        let summary = kommunsk_json(&["ingest", "corpus", "--index", s(&index), "--json"]);
        assert!(summary["indexed"].as_u64().unwrap() > 300, "{summary:#}");
        // As `kommunsk serve --index INDEX` sets itself up: the corpus the index was built from.
        let corpus = kommunsk::corpus::corpus_folder(None, &index, Path::new("corpus"));
        let config =
            ServeConfig { index_dir: index.clone(), corpus, topics_file: Some(PathBuf::from("queries/topics.toml")) };
        let topics = TopicSet::load(Path::new("queries/topics.toml")).unwrap();
        let state = AppState::open(config, topics).unwrap();
        Served { index, addr: serve_in_background(state) }
    })
}

/// The address `kommunsk serve` announces on its first line of output.
fn announced(child: &mut Child) -> SocketAddr {
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    // "kommunsk: serving http://127.0.0.1:PORT/ (Ctrl-C stops)"
    first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
}

#[test]
fn the_serve_command_listens_on_loopback_and_answers() {
    let help = kommunsk(&["serve", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("127.0.0.1:8080"));
    let mut server = KillOnDrop(
        Command::new(env!("CARGO_BIN_EXE_kommunsk"))
            .args(["serve", "--index", s(&served().index), "--bind", "127.0.0.1:0", "--no-ingest"])
            .current_dir(root())
            .stdout(Stdio::piped())
            .spawn()
            .expect("kommunsk serve starts"),
    );
    let addr = announced(&mut server.0);
    assert!(addr.ip().is_loopback());
    let (status, _, body) = get_from(addr, "/api/search?q=klima&limit=1");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"total\""));
    let bad = kommunsk(&["serve", "--index", s(&served().index), "--bind", "everywhere"]);
    assert_eq!(bad.status.code(), Some(2));
}

/// A GET request: status, headers (lower-cased names) and body.
fn get(path: &str) -> (u16, Vec<(String, String)>, String) {
    get_from(served().addr, path)
}

fn get_from(addr: SocketAddr, path: &str) -> (u16, Vec<(String, String)>, String) {
    let (status, headers, body) = send(addr, "GET", path, &[], "");
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

/// One HTTP/1.1 request with extra headers and a body: status, headers (lower-cased names), body.
fn send(
    addr: SocketAddr,
    method: &str,
    path: &str,
    extra: &[(&str, &str)],
    body: &str,
) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    // Host is localhost unless the caller names another.
    let host = extra.iter().find(|(n, _)| n.eq_ignore_ascii_case("host")).map_or("localhost", |(_, v)| *v);
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for (name, value) in extra.iter().filter(|(n, _)| !n.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    write!(stream, "{head}\r\n{body}").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let body = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect::<Vec<_>>();
    let chunked = headers.iter().any(|(n, v)| n == "transfer-encoding" && v == "chunked");
    let body = if chunked { dechunk(&body) } else { body };
    (status, headers, body)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(at) = body.windows(2).position(|w| w == b"\r\n") {
        let n = usize::from_str_radix(std::str::from_utf8(&body[..at]).unwrap().trim(), 16).unwrap();
        if n == 0 {
            break;
        }
        out.extend_from_slice(&body[at + 2..at + 2 + n]);
        body = &body[at + 2 + n + 2..];
    }
    out
}

fn get_json(path: &str) -> Value {
    let (status, _, body) = get(path);
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

fn cli_json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--index", s(&served().index)]);
    kommunsk_json(&all)
}

#[test]
fn api_search_is_exactly_search_json() {
    let api = get_json("/api/search?q=strategi&year=2025&region=Midtjylland&limit=5");
    let cli = cli_json(&["search", "strategi", "--year", "2025", "--region", "Midtjylland", "--limit", "5", "--json"]);
    assert_eq!(api, cli);
    assert!(api["total"].as_u64().unwrap() > 0);
    let page2 = get_json("/api/search?q=strategi&year=2025&region=Midtjylland&limit=5&offset=5");
    assert_eq!(
        page2,
        cli_json(&[
            "search",
            "strategi",
            "--year",
            "2025",
            "--region",
            "Midtjylland",
            "--limit",
            "5",
            "--offset",
            "5",
            "--json"
        ])
    );
}

#[test]
fn document_language_filters_as_search_lang_and_lang_en_stays_the_label_language() {
    // The sample corpus's one English document is Copenhagen's 2025 budget summary.
    let english = get_json("/api/search?q=budget&doclang=eng&limit=50");
    assert_eq!(english, cli_json(&["search", "budget", "--lang", "eng", "--limit", "50", "--json"]));
    let hits = english["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(
        hits.iter().all(|h| h["path"].as_str().unwrap().ends_with("copenhagen-budget-2025-summary-en.pdf")),
        "{english}"
    );
    // `/api/search` takes `lang` as `search --lang` does, unless it names a label language.
    assert_eq!(get_json("/api/search?q=budget&lang=eng&limit=50"), english);
    let danish = get_json("/api/search?q=budget&lang=dan&limit=5");
    assert_eq!(danish, cli_json(&["search", "budget", "--lang", "dan", "--limit", "5", "--json"]));
    assert!(danish["total"].as_u64().unwrap() > english["total"].as_u64().unwrap());
    assert_eq!(
        get_json("/api/search?q=budget&lang=en&limit=5"),
        cli_json(&["search", "budget", "--limit", "5", "--json"])
    );
    // A code no document can carry is a message, on the page, in the API and on the command line.
    let (status, _, body) = get("/api/search?q=budget&doclang=en");
    assert_eq!(status, 400);
    assert!(body.contains("unknown document language") && body.contains("\\\"eng\\\""), "{body}");
    let (status, _, page) = get("/search?q=budget&doclang=en");
    assert_eq!(status, 200);
    assert!(page.contains("unknown document language"), "{page}");
    let cli = Command::new(env!("CARGO_BIN_EXE_kommunsk"))
        .args(["search", "budget", "--lang", "en", "--index", s(&served().index)])
        .output()
        .unwrap();
    assert_eq!(cli.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&cli.stderr).contains("ISO 639-3 for \"en\" is \"eng\""));
    // The filter shows on the search page and its links keep it.
    let page = get("/search?q=budget&doclang=eng").2;
    assert!(page.contains("doclang=eng"), "{page}");
}

#[test]
fn api_report_is_exactly_report_json() {
    assert_eq!(get_json("/api/report"), cli_json(&["report", "--format", "json", "--no-ingest"]));
    assert_eq!(
        get_json("/api/report?year=2025&doctype=agreement&lang=en"),
        cli_json(&[
            "report",
            "--format",
            "json",
            "--no-ingest",
            "--year",
            "2025",
            "--doctype",
            "agreement",
            "--lang",
            "en"
        ])
    );
    let region = get_json("/api/report?region=Nordjylland");
    assert_eq!(region, cli_json(&["report", "--format", "json", "--no-ingest", "--region", "Nordjylland"]));
    // Nordjylland has 11 municipalities.
    for cell in region["topics"][0]["years"].as_array().unwrap() {
        assert!(cell["of"].as_u64().unwrap() <= 11, "{cell}");
    }
}

#[test]
fn api_evidence_is_exactly_evidence_json() {
    let api = get_json("/api/evidence?topic=ai&municipality=Aarhus&year=2025");
    assert_eq!(
        api,
        cli_json(&["evidence", "ai", "--municipality", "Aarhus", "--year", "2025", "--json", "--no-ingest"])
    );
    assert_eq!(api.as_array().unwrap().len(), 3, "{api:#}");
}

#[test]
fn strategi_finds_its_compounds_and_ranks_the_word_itself_first() {
    let word = get_json("/api/search?q=strategi&limit=1000");
    let compound = get_json("/api/search?q=digitaliseringsstrategi&limit=1");
    let (word_total, compound_total) = (word["total"].as_u64().unwrap(), compound["total"].as_u64().unwrap());
    assert!(word_total > compound_total, "strategi {word_total} pages, digitaliseringsstrategi {compound_total}");
    // Pages whose snippet shows the word on its own come before pages that only have compounds.
    let alone = |hit: &Value| {
        let snippet = hit["snippet"].as_str().unwrap().to_lowercase();
        snippet.match_indices("<b>").any(|(at, _)| snippet[at + 3..].starts_with("strategi"))
    };
    let hits = word["hits"].as_array().unwrap();
    let first_compound_only = hits.iter().position(|h| !alone(h)).unwrap();
    assert!(first_compound_only > 0);
    assert!(
        hits[first_compound_only..].iter().all(|h| !alone(h)),
        "a page with the word ranks below a compound-only page"
    );
    assert!(hits[first_compound_only]["snippet"].as_str().unwrap().to_lowercase().contains("strategi</b>"));
}

#[test]
fn every_response_carries_a_content_security_policy() {
    for path in ["/", "/search?q=klima", "/api/search?q=klima", "/static/viewer.mjs", "/nowhere"] {
        let (_, headers, _) = get(path);
        let csp = headers.iter().find(|(n, _)| n == "content-security-policy").map(|(_, v)| v.as_str());
        assert!(csp.is_some_and(|v| v.contains("script-src 'self'") && !v.contains("unsafe")), "{path}: {csp:?}");
        // And the server's own time for it, which the latency benchmark reads.
        let timing = header(&headers, "server-timing").and_then(|t| t.strip_prefix("app;dur="));
        assert!(timing.is_some_and(|ms| ms.parse::<f64>().is_ok_and(|ms| ms >= 0.0)), "{path}: {timing:?}");
    }
}

#[test]
fn bad_input_is_a_message_never_a_server_error() {
    let (status, _, body) = get("/search?q=-klima");
    assert_eq!(status, 200);
    assert!(body.contains("class=\"error\"") && body.contains("-klima"), "{body}");
    let (status, _, body) = get("/search?q=klima&year=tyve");
    assert_eq!(status, 200);
    assert!(body.contains("year must be a number"), "{body}");
    let (status, _, body) = get("/search?q=klima&region=Atlantis");
    assert_eq!(status, 200);
    assert!(body.contains("Atlantis"), "{body}");
    assert_eq!(get("/api/search?q=klima&municipality=Gotham").0, 400);
    assert_eq!(get("/api/evidence?topic=nope").0, 400);
    assert_eq!(get("/?year=abc").0, 400);
}

#[test]
fn only_indexed_documents_can_be_fetched_by_id() {
    for path in [
        "/pdf/..%2F..%2Fetc%2Fpasswd",
        "/pdf/../../etc/passwd",
        "/doc/corpus%2F2025%2F751-budgetaftale.pdf",
        "/pdf/0000000000000000",
        "/static/../Cargo.toml",
        "/static/pdfjs/../../Cargo.toml",
    ] {
        let (status, _, body) = get(path);
        assert_eq!(status, 404, "{path}: {body}");
    }
    let hit = &get_json("/api/search?q=aftale&municipality=Aarhus&year=2025&limit=1")["hits"][0];
    let (status, headers, body) = get(&format!("/pdf/{}", hit["id"].as_str().unwrap()));
    assert_eq!(status, 200);
    assert!(headers.iter().any(|(n, v)| n == "content-type" && v == "application/pdf"));
    assert!(body.starts_with("%PDF-"));
}

#[test]
fn the_pdf_answers_range_requests() {
    let hit = &get_json("/api/search?q=aftale&municipality=Aarhus&year=2025&limit=1")["hits"][0];
    let path = format!("/pdf/{}", hit["id"].as_str().unwrap());
    let (status, headers, whole) = send(served().addr, "GET", &path, &[], "");
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "accept-ranges"), Some("bytes"));
    let size = whole.len();
    let (status, headers, first) = send(served().addr, "GET", &path, &[("Range", "bytes=0-9")], "");
    assert_eq!(status, 206);
    assert_eq!(header(&headers, "content-range"), Some(format!("bytes 0-9/{size}").as_str()));
    assert_eq!(first, whole[..10]);
    assert!(first.starts_with(b"%PDF-"));
    let (status, _, last) = send(served().addr, "GET", &path, &[("Range", "bytes=-100")], "");
    assert_eq!(status, 206);
    assert_eq!(last, whole[size - 100..]);
    let (status, headers, _) = send(served().addr, "GET", &path, &[("Range", &format!("bytes={size}-"))], "");
    assert_eq!(status, 416);
    assert_eq!(header(&headers, "content-range"), Some(format!("bytes */{size}").as_str()));
    // Several ranges or a malformed header: the whole file.
    let (status, _, body) = send(served().addr, "GET", &path, &[("Range", "bytes=0-1,5-9")], "");
    assert_eq!((status, body.len()), (200, size));
    let (status, _, body) = send(served().addr, "GET", &path, &[("Range", "pages=1")], "");
    assert_eq!((status, body.len()), (200, size));
}

#[test]
fn search_narrows_to_a_topic_with_the_report_patterns() {
    let all = get_json("/api/search?q=kommune&year=2025&limit=1");
    let ai = get_json("/api/search?q=kommune&year=2025&topic=ai&limit=1000");
    let cli = cli_json(&["search", "kommune", "--year", "2025", "--topic", "ai", "--limit", "1000", "--json"]);
    assert_eq!(ai, cli);
    let total = ai["total"].as_u64().unwrap();
    assert!(total > 0 && total < all["total"].as_u64().unwrap(), "{total} of {}", all["total"]);
    // Every page found is one `evidence` lists a mention of the topic on (evidence leaves out
    // documents whose municipality is unknown, as the counts do; search keeps them).
    let evidence = get_json("/api/evidence?topic=ai&year=2025");
    let pages: std::collections::HashSet<(String, u64)> = evidence
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["path"].as_str().unwrap().to_string(), e["page"].as_u64().unwrap()))
        .collect();
    for hit in ai["hits"].as_array().unwrap().iter().filter(|h| !h["municipality"].is_null()) {
        let page = (hit["path"].as_str().unwrap().to_string(), hit["page"].as_u64().unwrap());
        assert!(pages.contains(&page), "{page:?} has no mention of ai");
    }
    // The topic is a facet on the page; an unknown one is a message, never a failure.
    let (status, _, page) = get("/search?q=kommune&year=2025&topic=ai");
    assert_eq!(status, 200);
    assert!(
        page.contains("data-facet=\"topic\"") && page.contains("<strong>Kunstig intelligens (AI)</strong>"),
        "{page}"
    );
    assert!(page.contains(&format!("<p class=\"total\">{total} ")), "{page}");
    let (status, _, page) = get("/search?q=kommune&topic=astrologi");
    assert_eq!(status, 200);
    assert!(page.contains("unknown topic &quot;astrologi&quot;"), "{page}");
    assert_eq!(get("/api/search?q=kommune&topic=astrologi").0, 400);
    assert_eq!(
        kommunsk(&["search", "kommune", "--topic", "astrologi", "--index", s(&served().index)]).status.code(),
        Some(2)
    );
}

#[test]
fn every_number_on_the_report_page_links_to_its_sentences() {
    let (status, _, page) = get("/?year=2025");
    assert_eq!(status, 200);
    let report = get_json("/api/report?year=2025");
    // The N-of-M cell of ai: its link lists exactly the mentions the report counts.
    let ai = report["topics"].as_array().unwrap().iter().find(|t| t["id"] == "ai").unwrap();
    let cell = &ai["years"][0];
    let href = "/evidence?topic=ai&amp;year=2025";
    assert!(
        page.contains(&format!("<td><a href=\"{href}\">{} ud af {}</a>", cell["municipalities"], cell["of"])),
        "{page}"
    );
    let (status, _, sentences) = get(&href.replace("&amp;", "&"));
    assert_eq!(status, 200);
    assert_eq!(sentences.matches("<li class=\"mention\"").count() as u64, cell["mentions"].as_u64().unwrap());
    // One municipality's count in the matrix: Aarhus (751) mentions ai 3 times.
    let aarhus = "/evidence?topic=ai&amp;year=2025&amp;municipality=751";
    assert!(page.contains(&format!("<td><a href=\"{aarhus}\">3</a></td>")), "{page}");
    let (_, _, sentences) = get(&aarhus.replace("&amp;", "&"));
    assert_eq!(sentences.matches("<li class=\"mention\"").count(), 3);
    // No number links into the page any more, and none is left without a link.
    assert!(!page.contains("href=\"#ev-"), "in-page evidence links remain");
    // A region's report links to that region's sentences.
    let (_, _, region) = get("/?year=2025&region=Nordjylland");
    assert!(region.contains("/evidence?topic=ai&amp;year=2025&amp;region=Nordjylland"), "{region}");
}

#[test]
fn pdf_text_is_escaped_and_labels_follow_the_language() {
    let (_, _, da) = get("/search?q=kunstig+intelligens&year=2025");
    assert!(da.contains("side "), "Danish page numbers");
    assert!(da.contains("<b>"), "highlighted snippet");
    assert!(!da.contains("<script>"), "no inline script");
    let (_, _, en) = get("/search?q=kunstig+intelligens&year=2025&lang=en");
    assert!(en.contains(">page ") || en.contains("page "), "English page numbers");
    assert!(en.contains("lang=\"en\""));
}

/// A free port on the loopback interface.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// chromedriver on a free port, ready for sessions.
fn chromedriver() -> (KillOnDrop, u16) {
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver runs (Debian package chromium-driver; .ci/run installs it)");
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(30), "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    (KillOnDrop(child), port)
}

/// Waits up to 60 s (a loaded machine) for what follows.
fn wait(client: &fantoccini::Client) -> fantoccini::wait::Wait<'_> {
    client.wait().at_most(Duration::from_secs(60))
}

/// Waits up to 60 s for an element, like `wait(client).for_element`, but also through the page
/// being replaced: a form or link may start its navigation only after chromedriver answered the
/// click, and a search for an element then fails with "aborted by navigation" (or finds a node
/// of the old page gone stale) rather than "no such element".
async fn appear(
    client: &fantoccini::Client,
    locator: fantoccini::Locator<'_>,
) -> Result<fantoccini::elements::Element, fantoccini::error::CmdError> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        match client.find(locator).await {
            Err(err) if not_there_yet(&err) && Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            found => return found,
        }
    }
}

/// Whether a failed element search only means the page has not got there yet.
fn not_there_yet(err: &fantoccini::error::CmdError) -> bool {
    use fantoccini::error::{CmdError, ErrorStatus};
    match err {
        CmdError::Standard(webdriver) => {
            matches!(webdriver.error, ErrorStatus::NoSuchElement | ErrorStatus::StaleElementReference)
                || webdriver.message.contains("aborted by navigation")
        }
        _ => false,
    }
}

/// Where the README's screenshots are written when `KOMMUNSK_SCREENSHOTS` names a folder.
fn screenshot_dir() -> Option<PathBuf> {
    std::env::var_os("KOMMUNSK_SCREENSHOTS").map(PathBuf::from)
}

#[test]
fn in_a_browser_search_narrow_open_and_follow_evidence() {
    let base = format!("http://{}", served().addr);
    let (_driver, port) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let client = browser(port, profile.path()).await;
        // The steps run as a task so that a failed assertion still ends the browser session
        // (else Chromium outlives the test).
        let steps = tokio::spawn(browse(client.clone(), base));
        let outcome = steps.await;
        let _ = client.close().await;
        if let Err(failed) = outcome {
            std::panic::resume_unwind(failed.into_panic());
        }
    });
}

/// A headless Chromium session through chromedriver on `port`.
async fn browser(port: u16, profile: &Path) -> fantoccini::Client {
    browser_with(port, profile, true).await
}

/// The same, with the pages' JavaScript on or off (WebDriver's own scripts still run).
async fn browser_with(port: u16, profile: &Path, javascript: bool) -> fantoccini::Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {"profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 }},
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    fantoccini::ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a Chromium session")
}

/// Search, narrow, open a hit, follow a report number — asserting what the reader sees.
async fn browse(client: fantoccini::Client, base: String) {
    use fantoccini::Locator;
    {
        // Type a query and see hits with page numbers.
        client.goto(&format!("{base}/search")).await.unwrap();
        let input = client.find(Locator::Css("input[name=q]")).await.unwrap();
        input.send_keys("digitaliseringsstrategi").await.unwrap();
        client.find(Locator::Css("form.search button")).await.unwrap().click().await.unwrap();
        appear(&client, Locator::Css("li.hit")).await.unwrap();
        let total_before = client.find(Locator::Css("p.total")).await.unwrap().text().await.unwrap();
        let first = client.find(Locator::Css("li.hit .page")).await.unwrap().text().await.unwrap();
        assert!(first.starts_with("side "), "{first:?}");
        assert!(first[5..].parse::<u32>().is_ok(), "{first:?}");
        if let Some(dir) = screenshot_dir() {
            std::fs::write(dir.join("serve-search.png"), client.screenshot().await.unwrap()).unwrap();
        }

        // Click a facet: the year 2024; every hit is then from 2024 and there are fewer.
        let facet = client.find(Locator::Css("section.facet[data-facet=year] a")).await.unwrap();
        let year = facet.text().await.unwrap();
        facet.click().await.unwrap();
        appear(&client, Locator::Css("ul.active")).await.unwrap();
        let total_after = client.find(Locator::Css("p.total")).await.unwrap().text().await.unwrap();
        let count = |t: &str| t.split(' ').next().unwrap().parse::<u64>().unwrap();
        assert!(count(&total_after) < count(&total_before), "{total_before} → {total_after}");
        for y in client.find_all(Locator::Css("li.hit .year")).await.unwrap() {
            assert_eq!(y.text().await.unwrap(), year);
        }

        // Click the topic facet: only pages that mention digitalisation, still from that year.
        let topic =
            client.find(Locator::Css("section.facet[data-facet=topic] a[data-topic=digitalisation]")).await.unwrap();
        topic.click().await.unwrap();
        appear(&client, Locator::Css("section.facet[data-facet=topic] strong")).await.unwrap();
        let total_topic = client.find(Locator::Css("p.total")).await.unwrap().text().await.unwrap();
        assert!(count(&total_topic) <= count(&total_after) && count(&total_topic) > 0, "{total_after} → {total_topic}");
        for y in client.find_all(Locator::Css("li.hit .year")).await.unwrap() {
            assert_eq!(y.text().await.unwrap(), year);
        }

        // Open a hit: the viewer draws that page and marks the word in the PDF and in the text.
        let hit = client.find(Locator::Css("li.hit")).await.unwrap();
        let page = hit.attr("data-page").await.unwrap().unwrap();
        hit.find(Locator::Css("a.open")).await.unwrap().click().await.unwrap();
        let viewer = appear(&client, Locator::Css("#viewer[data-rendered], #viewer[data-error]")).await.unwrap();
        assert_eq!(viewer.attr("data-error").await.unwrap(), None, "pdf.js failed");
        assert_eq!(viewer.attr("data-rendered").await.unwrap().as_deref(), Some(page.as_str()));
        let marks: usize = viewer.attr("data-marks").await.unwrap().unwrap().parse().unwrap();
        assert!(marks > 0, "no highlight drawn over the PDF");
        assert!(!client.find_all(Locator::Css("#viewer .pdf-hit")).await.unwrap().is_empty());
        let marked = client.find(Locator::Css(".pagetext mark")).await.unwrap().text().await.unwrap();
        assert!(marked.to_lowercase().contains("digitaliseringsstrategi"), "{marked:?}");
        if let Some(dir) = screenshot_dir() {
            std::fs::write(dir.join("serve-document.png"), client.screenshot().await.unwrap()).unwrap();
        }

        // The report page: follow a number to the sentences behind it.
        client.goto(&format!("{base}/?year=2025")).await.unwrap();
        let number = client.find(Locator::Css("#years td a[href^='/evidence']")).await.unwrap();
        let shown = number.text().await.unwrap();
        let municipalities: usize = shown.split(' ').next().unwrap().parse().unwrap();
        number.click().await.unwrap();
        appear(&client, Locator::Css("ol.mentions li.mention")).await.unwrap();
        let mentions = client.find_all(Locator::Css("ol.mentions li.mention")).await.unwrap();
        assert!(mentions.len() >= municipalities, "{shown}: {} sentences", mentions.len());
        let sentence = mentions[0].find(Locator::Css("blockquote mark")).await.unwrap();
        assert!(sentence.is_displayed().await.unwrap());
    }
}

/// Another server on the same index whose dictionary is a copy in a temporary folder, so the
/// reviews it records go to `DIR/queries/reviews.csv`, never into the repository. It allows
/// reviews, as `kommunsk serve` does on loopback. Each test gets its own, so tests running
/// side by side never see each other's reviews.
struct Reviewing {
    addr: SocketAddr,
    topics: PathBuf,
    reviews: PathBuf,
}

fn reviewing() -> Reviewing {
    let dir = tempfile::tempdir().unwrap().keep();
    let topics = dir.join("queries/topics.toml");
    std::fs::create_dir_all(topics.parent().unwrap()).unwrap();
    std::fs::copy(root().join("queries/topics.toml"), &topics).unwrap();
    let index = served().index.clone();
    let corpus = kommunsk::corpus::corpus_folder(None, &index, Path::new("corpus"));
    let config = ServeConfig { index_dir: index, corpus, topics_file: Some(topics.clone()) };
    let state = AppState::open(config, TopicSet::load(&topics).unwrap()).unwrap().allow_reviews(true);
    Reviewing { addr: serve_in_background(state), reviews: dir.join("queries/reviews.csv"), topics }
}

/// The CLI on the reviewing server's dictionary (and so its reviews file).
fn reviewing_cli(server: &Reviewing, args: &[&str]) -> Output {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--index", s(&served().index), "--topics", s(&server.topics), "--no-ingest"]);
    kommunsk(&all)
}

/// The value of the first `name="NAME" value="…"` (or `data-NAME="…"`) in a page.
fn attribute(page: &str, marker: &str) -> String {
    let at = page.find(marker).unwrap_or_else(|| panic!("no {marker} in {page}")) + marker.len();
    page[at..].split('"').next().unwrap().to_string()
}

#[test]
fn exports_equal_evidence_format_output() {
    for format in ["csv", "json", "ndjson"] {
        let (status, headers, body) =
            send(served().addr, "GET", &format!("/api/evidence?topic=ai&year=2025&format={format}"), &[], "");
        assert_eq!(status, 200, "{format}");
        let cli = kommunsk(&[
            "evidence",
            "ai",
            "--year",
            "2025",
            "--format",
            format,
            "--no-ingest",
            "--index",
            s(&served().index),
        ]);
        assert!(cli.status.success());
        assert_eq!(body, cli.stdout, "{format}");
        assert!(header(&headers, "content-disposition").is_some_and(|d| d.contains("kommunsk-ai.")), "{headers:?}");
    }
    let (_, headers, csv) = send(served().addr, "GET", "/api/evidence?topic=ai&year=2025&format=csv", &[], "");
    assert_eq!(header(&headers, "content-type"), Some("text/csv; charset=utf-8"));
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv
        .starts_with("\u{feff}topic;id;municipality;code;region;year;document;page;sentence;match;ocr;verdict;note\n"));
    // Every topic, no cap: as `evidence --format ndjson` without a topic.
    let (_, _, all) = send(served().addr, "GET", "/api/evidence?format=ndjson", &[], "");
    let cli = kommunsk(&["evidence", "--format", "ndjson", "--no-ingest", "--index", s(&served().index)]);
    assert_eq!(all, cli.stdout);
    assert!(all.split(|b| *b == b'\n').count() > 1000);
    assert_eq!(get("/api/evidence?topic=ai&format=xlsx").0, 400);
    // The evidence view links to the export of what it shows.
    let (_, _, page) = get("/evidence?topic=ai&year=2025");
    assert!(page.contains("href=\"/api/evidence?year=2025&amp;topic=ai&amp;format=csv\""), "{page}");
}

#[test]
fn a_review_is_written_only_from_this_server_s_own_page() {
    let server = reviewing();
    let addr = server.addr;
    let (_, _, page) = send(addr, "GET", "/evidence?topic=climate&year=2025&municipality=101", &[], "");
    let page = String::from_utf8(page).unwrap();
    let token = attribute(&page, "name=\"token\" value=\"");
    let id = attribute(&page, "data-id=\"");
    let form = |token: &str| {
        format!("token={token}&topic=climate&year=2025&municipality=101&reviewer=kb&v.{id}=right&n.{id}=ok")
    };
    let form_type = ("Content-Type", "application/x-www-form-urlencoded");
    let post = |headers: &[(&str, &str)], body: &str| send(addr, "POST", "/review", headers, body).0;
    // No origin, another origin, another site, a foreign host name, a wrong token: refused.
    assert_eq!(post(&[form_type], &form(&token)), 403);
    assert_eq!(post(&[form_type, ("Origin", "http://evil.example")], &form(&token)), 403);
    assert_eq!(
        post(&[form_type, ("Sec-Fetch-Site", "cross-site"), ("Origin", "http://localhost")], &form(&token)),
        403
    );
    assert_eq!(post(&[form_type, ("Origin", "http://localhost")], &form("0123456789abcdef0123456789abcdef")), 403);
    // A DNS name rebound to 127.0.0.1: same origin as far as the browser knows, but not loopback.
    let rebound = send(
        addr,
        "POST",
        "/review",
        &[form_type, ("Host", "evil.example"), ("Origin", "http://evil.example")],
        &form(&token),
    );
    assert_eq!(rebound.0, 403);
    assert!(!server.reviews.exists() || !std::fs::read_to_string(&server.reviews).unwrap().contains("climate"));
    // The read-only server refuses even a proper form, and reviews are never a GET.
    let (_, _, readonly) = get("/evidence?topic=climate&year=2025&municipality=101");
    assert!(readonly.contains("class=\"readonly\"") && !readonly.contains("name=\"token\""), "{readonly}");
    assert_eq!(
        send(served().addr, "POST", "/review", &[form_type, ("Origin", "http://localhost")], &form(&token)).0,
        403
    );
    assert_eq!(send(addr, "GET", "/review", &[], "").0, 405);
    // From this server's page: recorded, and back to the evidence.
    let (status, headers, _) =
        send(addr, "POST", "/review", &[form_type, ("Origin", "http://localhost")], &form(&token));
    assert_eq!(status, 303);
    assert_eq!(header(&headers, "location"), Some("/evidence?municipality=101&year=2025&topic=climate&reviewer=kb"));
    let written = std::fs::read_to_string(&server.reviews).unwrap();
    assert!(written.lines().any(|l| l.starts_with("climate,") && l.contains(",right,ok,kb,")), "{written}");
    // "—" takes a verdict back only when the page showed one: a page loaded before the review
    // (showing none) leaves it alone; the page that shows it can clear it.
    let unset = |shown: &str| format!("token={token}&topic=climate&reviewer=kb&v.{id}=&w.{id}={shown}");
    let origin = ("Origin", "http://localhost");
    assert_eq!(send(addr, "POST", "/review", &[form_type, origin], &unset("")).0, 303);
    assert!(std::fs::read_to_string(&server.reviews).unwrap().contains(",right,ok,kb,"));
    assert_eq!(send(addr, "POST", "/review", &[form_type, origin], &unset("right")).0, 303);
    let written = std::fs::read_to_string(&server.reviews).unwrap();
    assert!(!written.lines().any(|l| l.starts_with("climate,")), "{written}");
}

#[test]
fn in_a_browser_reject_a_mention_and_the_count_drops() {
    let server = reviewing();
    let base = format!("http://{}", server.addr);
    let (_driver, port) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let client = browser(port, profile.path()).await;
        let steps = tokio::spawn(review_in_browser(client.clone(), base, server));
        let outcome = steps.await;
        let _ = client.close().await;
        if let Err(failed) = outcome {
            std::panic::resume_unwind(failed.into_panic());
        }
    });
}

/// ai in 2025: how many municipalities mention it, and Aarhus's count of mentions.
fn ai_2025(report: &Value) -> (u64, u64) {
    let ai = report["topics"].as_array().unwrap().iter().find(|t| t["id"] == "ai").unwrap();
    let aarhus = report["municipalities"].as_array().unwrap().iter().find(|m| m["code"] == 751).unwrap();
    (ai["years"][0]["municipalities"].as_u64().unwrap(), aarhus["mentions"]["ai"].as_u64().unwrap())
}

/// Mark Aarhus's mentions of ai wrong in the browser: the report counts fewer, Aarhus stops
/// counting, the evidence shows them rejected, the file and the CLI agree; draw a sample.
async fn review_in_browser(client: fantoccini::Client, base: String, server: Reviewing) {
    use fantoccini::Locator;
    let report = |addr| {
        let (_, _, body) = send(addr, "GET", "/api/report?year=2025", &[], "");
        serde_json::from_slice::<Value>(&body).unwrap()
    };
    let addr = server.addr;
    let (municipalities, aarhus) = ai_2025(&report(addr));
    assert_eq!(aarhus, 3);

    let evidence = format!("{base}/evidence?topic=ai&year=2025&municipality=751");
    client.goto(&evidence).await.unwrap();
    let mentions = client.find_all(Locator::Css("li.mention")).await.unwrap();
    assert_eq!(mentions.len(), 3);
    client.find(Locator::Css("input[name=reviewer]")).await.unwrap().send_keys("kb").await.unwrap();
    mentions[0].find(Locator::Css("input[value=wrong]")).await.unwrap().click().await.unwrap();
    mentions[0]
        .find(Locator::Css("input[type=text]"))
        .await
        .unwrap()
        .send_keys("=SUM(A1) et produktnavn")
        .await
        .unwrap();
    client.find(Locator::Css("form.review button[type=submit]")).await.unwrap().click().await.unwrap();
    let rejected = appear(&client, Locator::Css("li.mention.rejected")).await.unwrap();
    assert_eq!(rejected.attr("data-verdict").await.unwrap().as_deref(), Some("wrong"));
    assert!(rejected.text().await.unwrap().contains("tælles ikke med"));
    assert_eq!(client.find_all(Locator::Css("li.mention.rejected")).await.unwrap().len(), 1);
    // The form comes back with the reviewer's name filled in.
    let reviewer = client.find(Locator::Css("input[name=reviewer]")).await.unwrap();
    assert_eq!(reviewer.prop("value").await.unwrap().as_deref(), Some("kb"));
    if let Some(dir) = screenshot_dir() {
        std::fs::write(dir.join("serve-review.png"), client.screenshot().await.unwrap()).unwrap();
    }

    // The report counts one mention fewer for Aarhus, and says so exactly as the CLI does.
    assert_eq!(ai_2025(&report(addr)), (municipalities, 2));
    let cli = reviewing_cli(&server, &["report", "--format", "json", "--year", "2025"]);
    assert_eq!(report(addr), serde_json::from_slice::<Value>(&cli.stdout).unwrap());
    client.goto(&format!("{base}/?year=2025")).await.unwrap();
    let cell =
        client.find(Locator::Css("#matrix a[href='/evidence?topic=ai&year=2025&municipality=751']")).await.unwrap();
    assert_eq!(cell.text().await.unwrap(), "2");

    // Reject the other two: Aarhus no longer counts as mentioning ai.
    client.goto(&evidence).await.unwrap();
    client.find(Locator::Css("input[name=reviewer]")).await.unwrap().send_keys("kb").await.unwrap();
    for li in client.find_all(Locator::Css("li.mention:not(.rejected)")).await.unwrap() {
        li.find(Locator::Css("input[value=wrong]")).await.unwrap().click().await.unwrap();
    }
    client.find(Locator::Css("form.review button[type=submit]")).await.unwrap().click().await.unwrap();
    wait(&client)
        .for_element(Locator::Css("li.mention.rejected + li.mention.rejected + li.mention.rejected"))
        .await
        .unwrap();
    assert_eq!(ai_2025(&report(addr)), (municipalities - 1, 0));
    let written = std::fs::read_to_string(&server.reviews).unwrap();
    let rows: Vec<&str> = written.lines().filter(|l| l.starts_with("ai,")).collect();
    assert_eq!(rows.len(), 3, "{written}");
    assert!(rows.iter().all(|l| l.contains(",wrong,") && l.contains(",kb,")), "{written}");
    assert!(written.contains(",'=SUM(A1) et produktnavn,"), "a note is neutralised like any cell: {written}");
    // The export carries the verdicts, equal to `evidence --format csv`.
    let (_, _, csv) = send(addr, "GET", "/api/evidence?topic=ai&year=2025&municipality=751&format=csv", &[], "");
    let cli = reviewing_cli(&server, &["evidence", "ai", "--year", "2025", "--municipality", "751", "--format", "csv"]);
    assert_eq!(csv, cli.stdout);
    assert_eq!(String::from_utf8(csv).unwrap().matches(";wrong;").count(), 3);

    // Take one verdict back ("—"): that mention counts again, as after `review --clear`; the
    // untouched ones keep theirs, and the name was filled in by the page.
    let first = client.find(Locator::Css("li.mention.rejected")).await.unwrap();
    let taken_back = first.attr("data-id").await.unwrap().unwrap();
    first.find(Locator::Css("input[type=radio][value='']")).await.unwrap().click().await.unwrap();
    client.find(Locator::Css("form.review button[type=submit]")).await.unwrap().click().await.unwrap();
    wait(&client)
        .for_element(Locator::Css(&format!("li.mention[data-id='{taken_back}'][data-verdict='']")))
        .await
        .unwrap();
    assert_eq!(client.find_all(Locator::Css("li.mention.rejected")).await.unwrap().len(), 2);
    assert_eq!(ai_2025(&report(addr)), (municipalities, 1));
    let written = std::fs::read_to_string(&server.reviews).unwrap();
    assert_eq!(written.lines().filter(|l| l.starts_with("ai,")).count(), 2, "{written}");

    // Draw a sample: the same mentions as `kommunsk review --sample 5 ai`.
    client.goto(&format!("{base}/evidence?topic=ai")).await.unwrap();
    let size = client.find(Locator::Css("form.sample input[name=sample]")).await.unwrap();
    size.clear().await.unwrap();
    size.send_keys("5").await.unwrap();
    client.find(Locator::Css("form.sample button")).await.unwrap().click().await.unwrap();
    appear(&client, Locator::Css("p.sample")).await.unwrap();
    let mut drawn = Vec::new();
    for li in client.find_all(Locator::Css("li.mention")).await.unwrap() {
        drawn.push(li.attr("data-id").await.unwrap().unwrap());
    }
    let cli = reviewing_cli(&server, &["review", "--sample", "5", "ai", "--json"]);
    let sampled: Value = serde_json::from_slice(&cli.stdout).unwrap();
    let ids: Vec<String> = sampled.as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(drawn, ids);
}

#[test]
fn the_document_page_says_why_it_was_identified() {
    let hit = &get_json("/api/search?q=aftale&municipality=Aarhus&year=2025&limit=1")["hits"][0];
    let path = hit["path"].as_str().unwrap();
    let identified = kommunsk_json(&["identify", "--json", path]);
    let evidence = identified[0]["evidence"].as_array().unwrap();
    assert!(evidence.len() >= 2, "{identified:#}");
    for (lang, label, source) in [("", "da", "stien"), ("&lang=en", "en", "the path")] {
        let (status, _, body) = get(&format!("/doc/{}?page=1{lang}", hit["id"].as_str().unwrap()));
        assert_eq!(status, 200);
        // As `kommunsk identify` says: each fact, with its signal (in the page's language) and
        // where it was found.
        for e in evidence {
            let at = body.find(&format!("data-field=\"{}\"", e["field"].as_str().unwrap())).expect(&body);
            let item = &body[at..at + body[at..].find("</li>").unwrap()];
            let signal = kommunsk::serve::reasons::signal(e["signal"].as_str().unwrap(), label);
            assert!(item.contains(&signal), "{item}");
            assert!(item.contains(source), "{item}");
        }
    }
    let (_, _, danish) = get(&format!("/doc/{}?page=1", hit["id"].as_str().unwrap()));
    assert!(danish.contains("årstalsmappe eller filnavn"), "the year's signal in Danish");
}

#[test]
fn in_a_browser_without_javascript_search_and_report_work() {
    let base = format!("http://{}", served().addr);
    let (_driver, port) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let client = browser_with(port, profile.path(), false).await;
        let steps = tokio::spawn(browse_without_javascript(client.clone(), base));
        let outcome = steps.await;
        let _ = client.close().await;
        if let Err(failed) = outcome {
            std::panic::resume_unwind(failed.into_panic());
        }
    });
}

/// With the page's scripts off: the search form, a facet, paging, the report's selectors and
/// a number's sentences all work (plain links and GET forms); the viewer says it needs
/// JavaScript and offers the PDF and the page's text instead.
async fn browse_without_javascript(client: fantoccini::Client, base: String) {
    use fantoccini::Locator;
    client.goto(&format!("{base}/search")).await.unwrap();
    client.find(Locator::Css("input[name=q]")).await.unwrap().send_keys("klima").await.unwrap();
    client.find(Locator::Css("form.search button")).await.unwrap().click().await.unwrap();
    appear(&client, Locator::Css("li.hit")).await.unwrap();
    let page = client.find(Locator::Css("li.hit .page")).await.unwrap().text().await.unwrap();
    assert!(page.starts_with("side "), "{page:?}");
    let facet = client.find(Locator::Css("section.facet[data-facet=region] a")).await.unwrap();
    let region = facet.text().await.unwrap();
    facet.click().await.unwrap();
    let active = appear(&client, Locator::Css("ul.active a.remove")).await.unwrap();
    assert!(active.text().await.unwrap().contains(&region));
    assert!(client.current_url().await.unwrap().as_str().contains("region="), "{region}");
    client.find(Locator::Css("nav.paging a.next")).await.unwrap().click().await.unwrap();
    appear(&client, Locator::Css("nav.paging a.prev")).await.unwrap();
    assert!(client.current_url().await.unwrap().as_str().contains("offset=10"));

    // The document page: scripts are really off (the viewer never draws), the text is there.
    client.find(Locator::Css("li.hit a.open")).await.unwrap().click().await.unwrap();
    appear(&client, Locator::Css(".pagetext mark")).await.unwrap();
    let viewer = client.find(Locator::Css("#viewer")).await.unwrap();
    assert!(viewer.text().await.unwrap().contains("JavaScript"));
    assert_eq!(viewer.attr("data-rendered").await.unwrap(), None);
    let pdf = client.find(Locator::Css("#viewer noscript a, #viewer a.pdf")).await.unwrap();
    assert!(pdf.attr("href").await.unwrap().unwrap().starts_with("/pdf/"));

    // The report: choose a year with the selectors and press "Vis", then follow a number.
    client.goto(&format!("{base}/")).await.unwrap();
    let years = client.find(Locator::Css("form.selectors select[name=year]")).await.unwrap();
    years.select_by_value("2024").await.unwrap();
    client.find(Locator::Css("form.selectors button")).await.unwrap().click().await.unwrap();
    appear(&client, Locator::Css("select[name=year] option[value='2024'][selected]")).await.unwrap();
    assert!(client.current_url().await.unwrap().as_str().contains("year=2024"));
    let number = client.find(Locator::Css("#years td a[href^='/evidence']")).await.unwrap();
    assert!(number.attr("href").await.unwrap().unwrap().contains("year=2024"));
    number.click().await.unwrap();
    appear(&client, Locator::Css("ol.mentions li.mention blockquote mark")).await.unwrap();
}

#[test]
fn the_server_sees_an_ingest_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus/2025");
    std::fs::create_dir_all(&corpus).unwrap();
    for name in ["147-budgetaftale.pdf", "151-budgetaftale.pdf"] {
        std::fs::copy(root().join("corpus/2025").join(name), corpus.join(name)).unwrap();
    }
    let (index, corpus_root) = (dir.path().join("index"), dir.path().join("corpus"));
    let ingest = || kommunsk_json(&["ingest", s(&corpus_root), "--index", s(&index), "--json"]);
    ingest();
    let topics = root().join("queries/topics.toml");
    let config =
        ServeConfig { index_dir: index.clone(), corpus: corpus_root.clone(), topics_file: Some(topics.clone()) };
    let state = AppState::open(config, TopicSet::load(&topics).unwrap()).unwrap();
    let addr = serve_in_background(state);
    let documents = |addr| {
        let (status, _, body) = get_from(addr, "/api/report");
        assert_eq!(status, 200, "{body}");
        serde_json::from_str::<Value>(&body).unwrap()["source"]["documents"].clone()
    };
    let before = documents(addr);
    assert_eq!(before, 2, "{before}");

    // A third document arrives and an ingest commits while the server runs.
    std::fs::copy(root().join("corpus/2025/155-budgetaftale.pdf"), corpus.join("155-budgetaftale.pdf")).unwrap();
    assert_eq!(ingest()["indexed"], 1);
    let started = Instant::now();
    while documents(addr) != 3 {
        assert!(started.elapsed() < Duration::from_secs(30), "the server still sees the old commit");
        std::thread::sleep(Duration::from_millis(200));
    }
    // The same report as the command line's, and the new document is searchable and viewable.
    let (_, _, served) = get_from(addr, "/api/report");
    let cli =
        kommunsk_json(&["report", "--format", "json", "--index", s(&index), "--topics", s(&topics), "--no-ingest"]);
    assert_eq!(serde_json::from_str::<Value>(&served).unwrap(), cli);
    let (_, _, hits) = get_from(addr, "/api/search?q=kommune&limit=100");
    let hits: Value = serde_json::from_str(&hits).unwrap();
    let new =
        hits["hits"].as_array().unwrap().iter().find(|h| h["path"].as_str().unwrap().ends_with("155-budgetaftale.pdf"));
    let id = new.expect("the new document is found")["id"].as_str().unwrap().to_string();
    assert_eq!(get_from(addr, &format!("/doc/{id}?page=1")).0, 200);
}
