//! Measures `kommunsk serve`'s search page under concurrent clients, against the obvious
//! alternative of opening the index for every search (what one `kommunsk search` does).
//!
//! Usage: `serve_latency INDEX_DIR QUERIES_FILE [CLIENTS] [ROUNDS]`
//!
//! Serves the index in-process on a loopback port, then `CLIENTS` threads (default 20) each
//! request `GET /search?q=…` for every query of the file (`tools/bench/queries.txt`: one query
//! per line, TAB-separated filters ignored) `ROUNDS` times (default 3) and time each request
//! from sending it to the last byte of the page — server time plus loopback. The same threads
//! then run the same queries through `kommunsk::search::search`, which opens the index each
//! time. The server's own time for each page (from request to finished response, its
//! `Server-Timing` header) is reported beside the client's. A warm-up round before each is not counted. A third phase requests the search page
//! narrowed to a topic (`&topic=digitalisation`, the report's pattern pages). Prints one JSON
//! object (milliseconds), with the process's CPU seconds per phase (server and clients
//! together) and the load average before and after, since the machine may be shared.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context};
use kommunsk::analyse::TopicSet;
use kommunsk::search::{search, SearchRequest};
use kommunsk::serve::{AppState, ServeConfig};

const DEFAULT_CLIENTS: usize = 20;
const DEFAULT_ROUNDS: usize = 3;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (index_dir, queries_file) = match args.as_slice() {
        [index, queries, ..] => (PathBuf::from(index), PathBuf::from(queries)),
        _ => bail!("usage: serve_latency INDEX_DIR QUERIES_FILE [CLIENTS] [ROUNDS]"),
    };
    let clients = args.get(2).map(|c| c.parse()).transpose()?.unwrap_or(DEFAULT_CLIENTS);
    let rounds = args.get(3).map(|r| r.parse()).transpose()?.unwrap_or(DEFAULT_ROUNDS);
    let mut queries: Vec<String> = std::fs::read_to_string(&queries_file)
        .with_context(|| format!("cannot read {}", queries_file.display()))?
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect();

    // A query the parser refuses is a message on the page but an error here: measure the rest.
    let listed = queries.len();
    queries.retain(|q| {
        let request = SearchRequest { query: q.clone(), limit: 10, ..Default::default() };
        search(&index_dir, &request).is_ok()
    });
    let skipped = listed - queries.len();

    let topics_file = PathBuf::from("queries/topics.toml");
    let config = ServeConfig {
        index_dir: index_dir.clone(),
        corpus: PathBuf::from("corpus"),
        topics_file: Some(topics_file.clone()),
    };
    let state = Arc::new(AppState::open(config, TopicSet::load(&topics_file)?)?);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))?;
    let addr = listener.local_addr()?;
    runtime.spawn(kommunsk::serve::serve(listener, state));

    let load_before = load_average();
    // The server's own time per page (its Server-Timing header), after the warm-up round.
    let server_times = std::sync::Mutex::new(Vec::new());
    let page = |q: &str| {
        let (length, server_ms) = fetch_timed(addr, &format!("/search?q={}", encode(q)))?;
        server_times.lock().map_err(|_| anyhow::anyhow!("a client panicked"))?.push(server_ms);
        anyhow::Ok(length)
    };
    let (served, served_cpu) = timed_cpu(|| concurrently(clients, rounds, &queries, &page))?;
    let mut server_side: Vec<f64> =
        server_times.into_inner().map_err(|_| anyhow::anyhow!("a client panicked"))?.split_off(queries.len());
    server_side.sort_by(f64::total_cmp);
    let reopen = |q: &str| {
        let request = SearchRequest { query: q.to_string(), limit: 10, ..Default::default() };
        search(&index_dir, &request).map(|r| r.total).map_err(anyhow::Error::from)
    };
    let (reopened, reopened_cpu) = timed_cpu(|| concurrently(clients, rounds, &queries, &reopen))?;
    let topic_page = |q: &str| fetch(addr, &format!("/search?q={}&topic=digitalisation", encode(q)));
    let (topic, topic_cpu) = timed_cpu(|| concurrently(clients, rounds, &queries, &topic_page))?;
    println!(
        "{{\"clients\": {clients}, \"queries\": {}, \"refused_queries\": {skipped}, \"rounds\": {rounds}, \
         \"load_average_before\": {load_before:?}, \"load_average_after\": {:?}, \
         \"serve_search_page\": {}, \"serve_search_page_server_time\": {}, \"serve_search_page_cpu_s\": {served_cpu:.2}, \
         \"open_index_per_search\": {}, \"open_index_per_search_cpu_s\": {reopened_cpu:.2}, \
         \"serve_search_page_topic\": {}, \"serve_search_page_topic_cpu_s\": {topic_cpu:.2}, \
         \"p50_ratio\": {:.2}, \"p99_ratio\": {:.2}}}",
        queries.len(),
        load_average(),
        summary(&served),
        summary(&server_side),
        summary(&reopened),
        summary(&topic),
        percentile(&reopened, 50.0) / percentile(&served, 50.0),
        percentile(&reopened, 99.0) / percentile(&served, 99.0),
    );
    Ok(())
}

/// Runs every query `rounds` times on each of `clients` threads (after one warm-up round) and
/// returns every latency in milliseconds, sorted.
fn concurrently<T>(
    clients: usize,
    rounds: usize,
    queries: &[String],
    work: &(dyn Fn(&str) -> anyhow::Result<T> + Sync),
) -> anyhow::Result<Vec<f64>> {
    for q in queries {
        work(q)?;
    }
    let mut all = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|client| {
                scope.spawn(move || -> anyhow::Result<Vec<f64>> {
                    let mut millis = Vec::new();
                    for round in 0..rounds {
                        // Each client starts at another query so they do not move in lockstep.
                        for i in 0..queries.len() {
                            let q = &queries[(i + client * 7 + round) % queries.len()];
                            let started = Instant::now();
                            std::hint::black_box(work(q)?);
                            millis.push(started.elapsed().as_secs_f64() * 1000.0);
                        }
                    }
                    Ok(millis)
                })
            })
            .collect();
        let mut all = Vec::new();
        for handle in handles {
            all.extend(handle.join().map_err(|_| anyhow::anyhow!("a client panicked"))??);
        }
        anyhow::Ok(all)
    })?;
    all.sort_by(f64::total_cmp);
    Ok(all)
}

/// The 1-, 5- and 15-minute load averages (empty where `/proc/loadavg` is missing).
fn load_average() -> Vec<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .filter_map(|v| v.parse().ok())
        .collect()
}

/// This process's user + system CPU seconds so far.
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes into the zeroed struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0.0;
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Runs `work` and returns its result with the CPU seconds the process spent meanwhile.
fn timed_cpu<T>(work: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<(T, f64)> {
    let before = cpu_seconds();
    let result = work()?;
    Ok((result, cpu_seconds() - before))
}

/// One GET over a fresh connection; the response's length (the page must be read to the end).
fn fetch(addr: SocketAddr, path: &str) -> anyhow::Result<usize> {
    fetch_timed(addr, path).map(|(length, _)| length)
}

/// [`fetch`], with the server's own milliseconds from its `Server-Timing: app;dur=MS` header.
fn fetch_timed(addr: SocketAddr, path: &str) -> anyhow::Result<(usize, f64)> {
    let mut stream = TcpStream::connect(addr)?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")?;
    let mut body = Vec::new();
    stream.read_to_end(&mut body)?;
    if !body.starts_with(b"HTTP/1.1 200") {
        bail!("{path}: {}", String::from_utf8_lossy(&body[..body.len().min(200)]));
    }
    let head_end = body.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(body.len());
    let head = String::from_utf8_lossy(&body[..head_end]);
    let server_ms = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("server-timing: app;dur=").map(str::to_string))
        .and_then(|ms| ms.trim().parse().ok())
        .with_context(|| format!("{path}: no Server-Timing header"))?;
    Ok((body.len(), server_ms))
}

fn encode(q: &str) -> String {
    q.bytes().map(|b| if b.is_ascii_alphanumeric() { char::from(b).to_string() } else { format!("%{b:02X}") }).collect()
}

fn summary(sorted: &[f64]) -> String {
    format!(
        "{{\"samples\": {}, \"p50_ms\": {:.2}, \"p90_ms\": {:.2}, \"p99_ms\": {:.2}, \"max_ms\": {:.2}}}",
        sorted.len(),
        percentile(sorted, 50.0),
        percentile(sorted, 90.0),
        percentile(sorted, 99.0),
        sorted.last().copied().unwrap_or(0.0)
    )
}

/// The p-th percentile (0–100) of sorted values, interpolating between closest ranks.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else { return 0.0 };
    let rank = last as f64 * p / 100.0;
    let low = rank.floor() as usize;
    let high = (low + 1).min(last);
    match (sorted.get(low), sorted.get(high)) {
        (Some(a), Some(b)) => a + (b - a) * (rank - low as f64),
        _ => 0.0,
    }
}
