//! Hostile PDFs (issue 11): each class fails alone, quickly, with its reason and with the memory
//! of the whole process tree bounded, and a corpus of good files beside them is indexed whole.
//!
//! The files are in `tests/data/hostile/`: the examples from `../shared/corpora/hostile/` and
//! variants written by `make_variants.py` there (object-stream bombs behind double Flate,
//! ASCIIHex+Flate, `/DecodeParms`, padding and comments; a glyph flood of many strings; a
//! `/Length` of 2^64-1; a page tree listing one page three times).

mod common;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use kommunsk::isolation::DEFAULT_MEMORY_MB;

/// Reasons a hostile file may fail with: a named limit of the extractor, a structure it refuses,
/// or the worker process's memory cap.
const FAILURE_REASONS: [&str; 3] = ["limit exceeded: ", "truncated or corrupt: ", "exceeded the memory limit ("];

/// Files that must fail, and files that must give text (start of their body text).
const MUST_FAIL: [&str; 9] = [
    "objstm_hexname.pdf",
    "objstm_comment.pdf",
    "objstm_double_flate.pdf",
    "objstm_hex_flate.pdf",
    "objstm_decodeparms.pdf",
    "objstm_padding.pdf",
    "form_fanout_text.pdf",
    "glyphs_one_tj.pdf",
    "glyphs_many_tj.pdf",
];
const MUST_READ: [(&str, &str); 3] = [
    ("length_huge.pdf", "Bomb page"),
    ("length_u64max.pdf", "Length page"),
    ("page_tree_repeats.pdf", "Bomb page\u{c}Bomb page\u{c}Bomb page"),
];

/// Good PDFs in the mixed corpus.
const GOOD_FILES: usize = 20;

/// Extraction workers running at once: one per core (the rayon pool's size).
fn workers() -> u64 {
    std::thread::available_parallelism().map(|n| n.get() as u64).unwrap_or(1)
}

/// The bound on the resident memory of the whole process tree of an ingest: every worker at its
/// address-space cap, plus the parent (index writer, pages of one batch) at 1 GB.
fn tree_bound_mb() -> u64 {
    workers() * DEFAULT_MEMORY_MB + 1024
}

fn hostile(name: &str) -> PathBuf {
    root().join("tests/data/hostile").join(name)
}

/// Parent pid of every process, from /proc.
fn parents() -> HashMap<u32, u32> {
    let mut map = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        // "pid (comm) state ppid …": comm may hold spaces, so parse after the last ')'.
        let ppid = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse().ok());
        if let Some(ppid) = ppid {
            map.insert(pid, ppid);
        }
    }
    map
}

/// Resident memory (MB) of `root` and all its descendants right now.
fn tree_rss_mb(root: u32) -> u64 {
    let parents = parents();
    let mut tree = HashSet::from([root]);
    loop {
        let before = tree.len();
        for (pid, ppid) in &parents {
            if tree.contains(ppid) {
                tree.insert(*pid);
            }
        }
        if tree.len() == before {
            break;
        }
    }
    let page_kb = 4;
    let kb: u64 = tree
        .iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/statm")).ok())
        .filter_map(|statm| statm.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map(|pages| pages * page_kb)
        .sum();
    kb / 1024
}

/// Waits for `child`, sampling its process tree's memory every 10 ms; returns the peak in MB.
fn wait_sampling_memory(mut child: Child, timeout: Duration) -> (std::process::Output, u64) {
    let started = Instant::now();
    let mut peak = 0;
    let pid = child.id();
    // Drain stdout on a thread so a large JSON answer cannot block the child.
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).ok();
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut buf).ok();
        buf
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for kommunsk") {
            break status;
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            panic!("kommunsk did not finish within {timeout:?}");
        }
        peak = peak.max(tree_rss_mb(pid));
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = out_reader.join().unwrap();
    let stderr = err_reader.join().unwrap();
    (std::process::Output { status, stdout, stderr }, peak)
}

fn run_sampling(args: &[&str]) -> (std::process::Output, u64) {
    let child = Command::new(env!("CARGO_BIN_EXE_kommunsk"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kommunsk starts");
    wait_sampling_memory(child, Duration::from_secs(300))
}

#[test]
fn each_hostile_file_fails_alone_with_its_reason_or_gives_its_text() {
    for name in MUST_FAIL {
        let path = hostile(name);
        let started = Instant::now();
        let (out, peak) = run_sampling(&["extract", s(&path)]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let prefix = format!("kommunsk: {}: ", path.display());
        let reason = stderr.lines().find_map(|l| l.strip_prefix(&prefix)).unwrap_or("");
        eprintln!("{name}: {reason} ({:.1} s, peak {peak} MB)", started.elapsed().as_secs_f64());
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(FAILURE_REASONS.iter().any(|r| reason.starts_with(r)), "{name}: {stderr}");
        assert!(peak <= DEFAULT_MEMORY_MB + 512, "{name}: the process tree peaked at {peak} MB");
    }
    for (name, text) in MUST_READ {
        let out = kommunsk(&["extract", s(&hostile(name))]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(stdout.trim_end(), text, "{name}");
    }
}

#[test]
fn twenty_good_files_beside_hostile_ones_are_all_indexed_and_memory_stays_bounded() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let mut good: Vec<PathBuf> = std::fs::read_dir(root().join("corpus/2025"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    good.sort();
    for pdf in good.iter().take(GOOD_FILES) {
        place(&corpus, &format!("2025/{}", pdf.file_name().unwrap().to_str().unwrap()), pdf);
    }
    for name in MUST_FAIL.iter().chain(MUST_READ.iter().map(|(n, _)| n)) {
        place(&corpus, &format!("2025/hostile/{name}"), &hostile(name));
    }
    let index = tmp.path().join("index");
    let started = Instant::now();
    let (out, peak) = run_sampling(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    let bound = tree_bound_mb();
    eprintln!(
        "ingest of {GOOD_FILES} good + {} hostile files: {:.1} s, process tree peak {peak} MB (bound {bound} MB)",
        MUST_FAIL.len() + MUST_READ.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["indexed"].as_u64(), Some((GOOD_FILES + MUST_READ.len()) as u64), "{summary:#}");
    let failed: HashMap<String, String> = summary["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["path"].as_str().unwrap();
            let name = Path::new(path).file_name().unwrap().to_str().unwrap().to_string();
            (name, f["error"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(failed.len(), MUST_FAIL.len(), "{summary:#}");
    for name in MUST_FAIL {
        let reason = failed.get(name).unwrap_or_else(|| panic!("{name} is not listed as failed: {summary:#}"));
        assert!(FAILURE_REASONS.iter().any(|r| reason.starts_with(r)), "{name}: {reason}");
    }
    assert!(peak <= bound, "the process tree peaked at {peak} MB, over the bound of {bound} MB");

    // A failed file is not read again until it changes: the next run reads nothing.
    let again = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    assert_eq!(again["indexed"].as_u64(), Some(0), "{again:#}");
    assert_eq!(again["failed"].as_array().map(Vec::len), Some(MUST_FAIL.len()), "{again:#}");
}

#[test]
fn a_file_over_the_worker_memory_cap_fails_alone_and_the_worker_is_replaced() {
    use kommunsk::extract::Limits;
    use kommunsk::isolation::WorkerPool;
    // Without the glyph limits, one 60 MB `Tj` needs gigabytes: the worker's cap stops it.
    let unlimited =
        Limits { max_glyphs_per_page: usize::MAX, max_glyphs_per_document: usize::MAX, ..Limits::default() };
    let pool = WorkerPool::new(PathBuf::from(env!("CARGO_BIN_EXE_kommunsk")), 512);
    let bomb = std::fs::read(hostile("glyphs_one_tj.pdf")).unwrap();
    let err = pool.extract(&bomb, &unlimited).err().map(|e| e.to_string());
    assert_eq!(err.as_deref(), Some("exceeded the memory limit (512 MB)"));
    // The next file gets a fresh worker and its text.
    let good = std::fs::read(hostile("page_tree_repeats.pdf")).unwrap();
    let pdf = pool.extract(&good, &unlimited).unwrap();
    assert_eq!(pdf.pages.len(), 3);
    assert_eq!(pdf.pages[0].body, "Bomb page");
    // Errors of the file itself come back as themselves.
    let err = pool.extract(b"hello", &Limits::default()).err();
    assert!(matches!(err, Some(kommunsk::extract::ExtractError::NotPdf { .. })), "{err:?}");
}
