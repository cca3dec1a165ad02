//! Measures search latency inside one process, without process start-up: every query of a
//! query file is run through [`kommunsk::search::search`] (which opens the index, parses the
//! query, collects the top hits and builds their snippets, exactly as `kommunsk search` does).
//!
//! Usage: `search_latency INDEX_DIR QUERIES_FILE [PASSES]`
//!
//! The query file has one query per line: the query in tantivy syntax, then optional
//! TAB-separated `key=value` filters (`municipality`, `year`, `region`, `doctype`, `lang`).
//! Lines starting with `#` and blank lines are skipped. The first pass warms the page cache and
//! is not counted. Prints one JSON object with percentiles in milliseconds: for searches that
//! each open the index (as the CLI does), and under `kept_open` for searches through one
//! [`SearchIndex`] kept open (as `kommunsk serve` does).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use kommunsk::search::{search, SearchIndex, SearchRequest};

/// Timed passes over the query list after the warm-up pass, unless given on the command line.
const DEFAULT_PASSES: usize = 5;
/// Hits per query, as `kommunsk search` shows by default.
const HITS_PER_QUERY: usize = 10;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("search_latency: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (index_dir, queries_file, passes) = match args.as_slice() {
        [index, queries] => (PathBuf::from(index), PathBuf::from(queries), DEFAULT_PASSES),
        [index, queries, passes] => {
            (PathBuf::from(index), PathBuf::from(queries), passes.parse().context("PASSES must be a number")?)
        }
        _ => bail!("usage: search_latency INDEX_DIR QUERIES_FILE [PASSES]"),
    };
    let requests = read_queries(&queries_file)?;
    if requests.is_empty() {
        bail!("no queries in {}", queries_file.display());
    }

    let opening = |request: &SearchRequest| search(&index_dir, request).map(std::hint::black_box);
    let open = SearchIndex::open(&index_dir).context("cannot open the index")?;
    let kept = |request: &SearchRequest| open.search(request).map(std::hint::black_box);
    let opening = timed(&requests, passes, opening)?;
    let kept = timed(&requests, passes, kept)?;
    println!(
        "{{\"queries\": {}, \"passes\": {}, \"samples\": {}, {}, \"kept_open\": {{{}}}}}",
        requests.len(),
        passes,
        opening.len(),
        summary(&opening),
        summary(&kept),
    );
    Ok(())
}

/// Latencies in milliseconds, sorted, of `passes` passes over the requests after a warm-up pass.
fn timed<T>(
    requests: &[SearchRequest],
    passes: usize,
    run: impl Fn(&SearchRequest) -> Result<T, kommunsk::search::SearchError>,
) -> anyhow::Result<Vec<f64>> {
    let mut millis = Vec::with_capacity(requests.len() * passes);
    for pass in 0..=passes {
        for request in requests {
            let started = Instant::now();
            let results = run(request).with_context(|| format!("query {:?}", request.query))?;
            if pass > 0 {
                millis.push(started.elapsed().as_secs_f64() * 1000.0);
            }
            // Dropped after the clock stops, so the work cannot be skipped.
            drop(results);
        }
    }
    millis.sort_by(f64::total_cmp);
    Ok(millis)
}

/// Percentiles of sorted latencies as JSON members.
fn summary(millis: &[f64]) -> String {
    format!(
        "\"p50_ms\": {:.3}, \"p90_ms\": {:.3}, \"p99_ms\": {:.3}, \"max_ms\": {:.3}, \"mean_ms\": {:.3}",
        percentile(millis, 50.0),
        percentile(millis, 90.0),
        percentile(millis, 99.0),
        millis.last().copied().unwrap_or(0.0),
        millis.iter().sum::<f64>() / millis.len().max(1) as f64,
    )
}

/// Parses the query file (format in the module docs).
fn read_queries(path: &Path) -> anyhow::Result<Vec<SearchRequest>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut requests = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let query = fields.next().unwrap_or_default().to_string();
        let mut request = SearchRequest { query, limit: HITS_PER_QUERY, ..Default::default() };
        for filter in fields {
            let (key, value) = filter
                .split_once('=')
                .with_context(|| format!("{}:{}: filter {filter:?} is not key=value", path.display(), number + 1))?;
            let value = value.to_string();
            match key {
                "municipality" => request.municipality = Some(value),
                "year" => request.year = Some(value.parse().with_context(|| format!("bad year {value:?}"))?),
                "region" => request.region = Some(value),
                "doctype" => request.doctype = Some(value),
                "lang" => request.lang = Some(value),
                other => bail!("{}:{}: unknown filter {other:?}", path.display(), number + 1),
            }
        }
        requests.push(request);
    }
    Ok(requests)
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
