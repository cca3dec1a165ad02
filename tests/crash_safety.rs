//! An ingest killed with SIGKILL at any point leaves an index that is either absent or consistent
//! (every file's pages exactly once, never a record without its pages, each file as it was
//! before or as the run made it, the batches committed so far kept), a re-run completes it,
//! and a search running while an ingest writes keeps answering with whole commits.
//!
//! The corpus is copies of the shared fixtures. The expected state is a reference ingest of the
//! same corpus that nobody interrupted: after recovery, the exported pages, the search hits and
//! the report's counts must equal the reference's.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

/// Folders of fixture copies in the test corpus: enough work (about 7 ms a file) that an ingest
/// runs for a few seconds and can be killed at distinct points.
const COPIES: usize = 30;

/// When to kill each successive ingest run, as fractions of how long an uninterrupted run took.
/// Every killed run keeps the files it committed, so the next run starts further on: killing
/// every run early walks the kills through the whole ingest (empty index, first batches, later
/// ones), where increasing fractions of a full run would find later runs already done.
const KILL_AT: [f64; 9] = [0.05, 0.2, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15];

/// A phrase on one page of each `kk-investeringspuljer-status-*` fixture.
const PHRASE: &str = "\"strategien for smarte investeringer\"";

/// Searches run while one ingest runs, at least.
const MIN_CONCURRENT_SEARCHES: usize = 3;

/// Builds `dir` from `COPIES` folders of every fixture PDF.
fn build_corpus(dir: &Path) -> usize {
    let fixtures = shared().join("fixtures/pdf");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "fixtures missing in {}", fixtures.display());
    for copy in 0..COPIES {
        for pdf in &names {
            let name = pdf.file_name().unwrap().to_str().unwrap();
            // Under a year folder, so that the report counts the documents.
            place(dir, &format!("2025/copy{copy}/{name}"), pdf);
        }
    }
    COPIES * names.len()
}

fn start_ingest(corpus: &Path, index: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_kommunsk"))
        .args(["ingest", s(corpus), "--index", s(index), "--json"])
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kommunsk ingest starts")
}

/// Pages per file as `export` writes them: path → page numbers in the order found.
fn exported_pages(index: &Path, scratch: &Path) -> BTreeMap<String, Vec<u64>> {
    let out = scratch.join("export");
    let _ = std::fs::remove_dir_all(&out);
    kommunsk_ok(&["export", "--index", s(index), "--out", s(&out)]);
    let mut pages: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for batch in std::fs::read_dir(&out).unwrap() {
        let text = std::fs::read_to_string(batch.unwrap().path()).unwrap();
        for line in text.lines() {
            let page: Value = serde_json::from_str(line).unwrap();
            pages.entry(page["path"].as_str().unwrap().to_string()).or_default().push(page["page"].as_u64().unwrap());
        }
    }
    pages
}

fn kommunsk_ok(args: &[&str]) -> Vec<u8> {
    let out = kommunsk(args);
    assert!(out.status.success(), "kommunsk {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Asserts that each file's pages are exactly 1..=n, each once.
fn assert_each_page_once(pages: &BTreeMap<String, Vec<u64>>, when: &str) {
    for (path, numbers) in pages {
        let mut sorted = numbers.clone();
        sorted.sort_unstable();
        let expected: Vec<u64> = (1..=numbers.len() as u64).collect();
        assert_eq!(sorted, expected, "{when}: {path} has pages {numbers:?}");
    }
}

/// Hit count and the sorted (path, page) of the hits for [`PHRASE`].
fn phrase_hits(index: &Path) -> (u64, Vec<(String, u64)>) {
    let hits = kommunsk_json(&["search", PHRASE, "--index", s(index), "--json", "--limit", "1000"]);
    let mut found: Vec<(String, u64)> = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["path"].as_str().unwrap().to_string(), h["page"].as_u64().unwrap()))
        .collect();
    found.sort();
    (hits["total"].as_u64().unwrap(), found)
}

/// The report's counts (everything but the index folder it names).
fn report_counts(index: &Path) -> Value {
    let mut report = kommunsk_json(&["report", "--index", s(index), "--no-ingest", "--format", "json"]);
    if let Some(source) = report.get_mut("source").and_then(Value::as_object_mut) {
        source.remove("index");
    }
    report
}

/// Everything the checks compare: pages per file, phrase hits, report counts.
#[derive(Debug, PartialEq)]
struct State {
    pages: BTreeMap<String, Vec<u64>>,
    hits: (u64, Vec<(String, u64)>),
    report: Value,
}

fn state(index: &Path, scratch: &Path) -> State {
    let mut pages = exported_pages(index, scratch);
    assert_each_page_once(&pages, "state");
    for numbers in pages.values_mut() {
        numbers.sort_unstable();
    }
    State { pages, hits: phrase_hits(index), report: report_counts(index) }
}

fn ingest_to_end(corpus: &Path, index: &Path) -> (Value, Duration) {
    let started = Instant::now();
    let summary = kommunsk_json(&["ingest", s(corpus), "--index", s(index), "--json"]);
    (summary, started.elapsed())
}

/// Kills `child` with SIGKILL after `after` (or lets it finish if it is faster).
fn kill_after(mut child: Child, after: Duration) -> bool {
    let deadline = Instant::now() + after;
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    // Child::kill sends SIGKILL on Unix: no destructor, no flush, no unlock runs.
    let _ = child.kill();
    let _ = child.wait();
    true
}

/// Appends a PDF comment to every file: the bytes change (so everything is read again), the
/// document does not.
fn touch_all(corpus: &Path) {
    for entry in walkdir::WalkDir::new(corpus) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "pdf") {
            let mut bytes = std::fs::read(&path).unwrap();
            bytes.extend_from_slice(b"\n% changed\n");
            std::fs::write(&path, bytes).unwrap();
        }
    }
}

#[test]
fn kill_9_during_ingest_then_rerun_gives_every_file_exactly_once() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let files = build_corpus(&corpus);

    let reference_index = tmp.path().join("reference");
    let (summary, took) = ingest_to_end(&corpus, &reference_index);
    assert_eq!(summary["indexed"].as_u64(), Some(files as u64), "{summary:#}");
    let reference = state(&reference_index, tmp.path());
    assert_eq!(reference.pages.len(), files);
    assert_eq!(reference.hits.0, 3 * COPIES as u64, "the phrase is on one page of 3 fixtures");

    // A fresh index, killed at several points of its first ingest, then of a full re-read.
    let index = tmp.path().join("index");
    let mut took = took;
    for round in ["first ingest", "re-read of changed files"] {
        if round != "first ingest" {
            touch_all(&corpus);
            // Kill points are fractions of this round's own uninterrupted length: a re-read
            // need not take as long as a first ingest (index creation, warm file cache).
            let (summary, reread) = ingest_to_end(&corpus, &reference_index);
            assert_eq!(summary["indexed"].as_u64(), Some(files as u64), "{summary:#}");
            took = reread;
        }
        let before = if index.join("meta.json").exists() { Some(state(&index, tmp.path())) } else { None };
        let mut killed = 0;
        let mut seen = Vec::new();
        for fraction in KILL_AT {
            if kill_after(start_ingest(&corpus, &index), took.mul_f64(fraction)) {
                killed += 1;
            }
            // Whatever the kill left is a whole commit: the previous one, a complete new one, or
            // one of the batch commits between them, where every file is whole and in the state
            // it has in one of the two.
            if index.join("meta.json").exists() {
                // Killed before the first commit: an index with no pages, which still answers.
                if exported_pages(&index, tmp.path()).is_empty() {
                    assert_eq!(phrase_hits(&index), (0, vec![]), "{round}: kill at {fraction}");
                    seen.push(format!("{fraction}: empty"));
                    continue;
                }
                let after = state(&index, tmp.path());
                let whole = after.pages.iter().all(|(path, pages)| {
                    reference.pages.get(path) == Some(pages)
                        || before.as_ref().is_some_and(|b| b.pages.get(path) == Some(pages))
                });
                let (hits, _) = after.hits;
                seen.push(format!(
                    "{fraction}: {}",
                    if after == reference {
                        "new".to_string()
                    } else if Some(&after) == before.as_ref() {
                        "old".to_string()
                    } else {
                        format!("{} files, {hits} hits", after.pages.len())
                    }
                ));
                assert!(
                    whole,
                    "{round}: after a kill at {fraction} of the run a file is in neither its old nor its new state"
                );
                assert!(
                    after.pages.len() >= before.as_ref().map_or(0, |b| b.pages.len()),
                    "{round}: a kill at {fraction} lost files the previous commit had"
                );
            }
        }
        eprintln!("{round}: ingest took {took:?} uninterrupted; {killed} killed; index after each kill: {seen:?}");
        assert!(killed >= 3, "{round}: only {killed} runs were still going when killed");

        let (summary, _) = ingest_to_end(&corpus, &index);
        let done = summary["indexed"].as_u64().unwrap_or(0) + summary["unchanged"].as_u64().unwrap_or(0);
        assert_eq!(done, files as u64, "{round}: {summary:#}");
        assert_eq!(summary["failed"].as_array().map(Vec::len), Some(0), "{summary:#}");
        assert_eq!(state(&index, tmp.path()), reference, "{round}: recovered index differs from the reference");
    }
}

#[test]
fn search_keeps_answering_while_an_ingest_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    build_corpus(&corpus);
    let index = tmp.path().join("index");
    ingest_to_end(&corpus, &index);
    let expected = phrase_hits(&index);

    touch_all(&corpus);
    let mut ingest = start_ingest(&corpus, &index);
    let mut searches = 0;
    loop {
        let finished = matches!(ingest.try_wait(), Ok(Some(_)));
        // Every search sees a whole commit: the old pages or the re-read ones, which are the same.
        assert_eq!(phrase_hits(&index), expected, "search {searches} during the ingest");
        searches += 1;
        if finished {
            break;
        }
    }
    let status = ingest.wait().unwrap();
    assert!(status.success(), "the ingest failed while searches ran");
    assert!(searches > MIN_CONCURRENT_SEARCHES, "only {searches} searches ran during the ingest");
}
