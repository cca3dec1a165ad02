//! Every file of the shared hostile corpora (pdf.js's test PDFs and py-pdf's sample files) is
//! read without a panic, crash or hang, failures carry one of the documented messages, and
//! py-pdf's page counts match its `files.json`.
//!
//! The pdf.js corpus runs the real binary once per file as a subprocess with a timeout, so an
//! abort or a stack overflow is caught as well as a panic or a hang.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::*;
use kommunsk::extract::{extract_path, ExtractError, Limits};

/// Longer than the extractor's own 30 s budget per file: a file still running then is a hang
/// the budget failed to stop.
const HANG_TIMEOUT: Duration = Duration::from_secs(45);

/// How often a running subprocess is polled for having finished.
const POLL: Duration = Duration::from_millis(5);

/// Subprocesses run at once (the CI machine has 2 cores).
const WORKERS: usize = 2;

/// The beginnings of every message `kommunsk extract` may fail a PDF with (see `ExtractError`).
const DOCUMENTED_ERRORS: [&str; 7] = [
    "password-protected (a user password is required)",
    "scanned: ",
    "not a PDF (file starts with ",
    "empty file (0 bytes)",
    "truncated or corrupt: ",
    "limit exceeded: ",
    "cannot read file: ",
];

/// Files of the two corpora kommunsk got text from when this test was written (ROBUSTNESS.md has
/// the table); fewer means an extractor change lost text on real files.
const MIN_FILES_WITH_TEXT: usize = 355;

/// Files poppler's pdftotext gets text from (written by `tools/robustness --pdftotext-list`,
/// relative to `../shared/corpora`): kommunsk must get text from each of them too.
const PDFTOTEXT_LIST: &str = "tests/data/pdftotext-has-text.txt";

/// Listed files kommunsk still gets no text from, with the reason (ROBUSTNESS.md explains each).
/// A file that starts giving text must be taken off this list.
const KNOWN_GAPS: [(&str, &str); 1] = [(
    "pdfjs/issue11922_reduced.pdf",
    "its ten glyphs are spaces (glyph 3 of Arial); pdftotext prints them as the control character 0x03",
)];

/// py-pdf samples whose page tree is not in the file (its catalog points at an object that was
/// never written): no reader gets text or pages from them, so the error is what is checked.
const PYPDF_BROKEN: [(&str, &str); 1] = [(
    "017-unreadable-meta-data/unreadablemetadata.pdf",
    "truncated or corrupt: no pages found (page tree missing or unreadable)",
)];

/// How one `kommunsk extract` run ended.
#[derive(Debug)]
enum Run {
    /// Exit 0; the stdout text.
    Text(String),
    /// A non-zero exit that is not a crash; the first stderr line.
    Failed(String),
    /// Killed by a signal, a panic (exit 101) or a panic message on stderr.
    Crashed(String),
    /// Still running after [`HANG_TIMEOUT`].
    Hung,
}

fn corpus_pdfs(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        .collect();
    files.sort();
    files
}

/// Runs `kommunsk extract FILE` with a timeout. Output goes to temporary files so that a large
/// text cannot block the child on a full pipe while we wait.
fn extract_subprocess(file: &Path, scratch: &Path, slot: usize) -> Run {
    let out_path = scratch.join(format!("out-{slot}"));
    let err_path = scratch.join(format!("err-{slot}"));
    let (Ok(out), Ok(err)) = (std::fs::File::create(&out_path), std::fs::File::create(&err_path)) else {
        panic!("cannot create output files in {}", scratch.display());
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_kommunsk"))
        .arg("extract")
        // The extractor's own robustness; OCR of these files is measured separately (ROBUSTNESS.md).
        .args(["--ocr", "off"])
        .arg(file)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start kommunsk: {e}"));
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > HANG_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Run::Hung;
            }
            Ok(None) => std::thread::sleep(POLL),
            Err(e) => panic!("waiting for kommunsk: {e}"),
        }
    };
    let stdout = String::from_utf8_lossy(&std::fs::read(&out_path).unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&std::fs::read(&err_path).unwrap_or_default()).into_owned();
    let first_line = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("").to_string();
    match status.code() {
        Some(0) => Run::Text(stdout),
        Some(101) | None => Run::Crashed(format!("{status}: {stderr}")),
        Some(_) if stderr.contains("panicked at") => Run::Crashed(stderr),
        Some(_) => Run::Failed(first_line),
    }
}

/// The message part of "kommunsk: PATH: MESSAGE".
fn message<'a>(line: &'a str, file: &Path) -> &'a str {
    let prefix = format!("kommunsk: {}: ", file.display());
    line.strip_prefix(&prefix).unwrap_or(line)
}

#[test]
fn every_corpus_file_is_read_without_panic_crash_or_hang() {
    let mut files = corpus_pdfs(&shared().join("corpora/pdfjs"));
    files.extend(corpus_pdfs(&shared().join("corpora/pypdf-samples")));
    assert!(files.len() > 500, "the shared corpora are missing: {} files found", files.len());

    let scratch = tempfile::tempdir().unwrap();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(PathBuf, Run)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for slot in 0..WORKERS {
            let (files, next, results, scratch) = (&files, &next, &results, scratch.path());
            scope.spawn(move || {
                while let Some(file) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let run = extract_subprocess(file, scratch, slot);
                    results.lock().unwrap().push((file.clone(), run));
                }
            });
        }
    });
    let results = results.into_inner().unwrap();

    let mut problems = Vec::new();
    let mut with_text = 0;
    let mut files_with_text = std::collections::HashSet::new();
    for (file, run) in &results {
        match run {
            Run::Text(text) if text.chars().any(|c| !c.is_whitespace()) => {
                with_text += 1;
                files_with_text.insert(file.clone());
            }
            Run::Text(_) => {}
            Run::Failed(line) => {
                let msg = message(line, file);
                if !DOCUMENTED_ERRORS.iter().any(|known| msg.starts_with(known)) {
                    problems.push(format!("{}: undocumented error: {line}", file.display()));
                }
            }
            Run::Crashed(detail) => problems.push(format!("{}: CRASH {detail}", file.display())),
            Run::Hung => problems.push(format!("{}: HANG (> {HANG_TIMEOUT:?})", file.display())),
        }
    }
    assert!(problems.is_empty(), "{} of {} files:\n{}", problems.len(), results.len(), problems.join("\n"));
    assert!(
        with_text >= MIN_FILES_WITH_TEXT,
        "text from only {with_text} files, expected at least {MIN_FILES_WITH_TEXT}"
    );

    let listed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(PDFTOTEXT_LIST)).unwrap();
    let listed: Vec<&str> = listed.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
    assert!(listed.len() > 300, "{PDFTOTEXT_LIST} lists only {} files", listed.len());
    let corpora = shared().join("corpora");
    let mut missed = Vec::new();
    for name in &listed {
        let gives_text = files_with_text.contains(&corpora.join(name));
        let known = KNOWN_GAPS.iter().find(|(gap, _)| gap == name);
        match (gives_text, known) {
            (false, None) => missed.push(format!("{name}: pdftotext gets text, kommunsk does not")),
            (true, Some(_)) => missed.push(format!("{name}: gives text now, take it off KNOWN_GAPS")),
            _ => {}
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

/// The file `files.json` lists, or the only PDF in its folder when the listed name is gone (the
/// corpus ships `GeoTopo-komprimiert.pdf` where the listing says `GeoTopo.pdf`).
fn listed_file(folder: &Path, listed: &str) -> PathBuf {
    let file = folder.join(listed);
    if file.exists() {
        return file;
    }
    let parent = file.parent().unwrap_or(folder);
    let pdfs = corpus_pdfs(parent);
    match pdfs.as_slice() {
        [only] => only.clone(),
        _ => file,
    }
}

#[test]
fn pypdf_samples_have_the_listed_page_counts_and_encryption() {
    let folder = shared().join("corpora/pypdf-samples");
    let listing: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("files.json")).unwrap()).unwrap();
    let entries = listing["data"].as_array().unwrap();
    assert!(entries.len() >= 30, "files.json lists {} files", entries.len());

    let mut problems = Vec::new();
    for entry in entries {
        let path = entry["path"].as_str().unwrap();
        let expected_pages = entry["pages"].as_u64().unwrap() as usize;
        let encrypted = entry["encrypted"].as_bool().unwrap_or(false);
        let file = listed_file(&folder, path);
        let outcome = std::panic::catch_unwind(|| extract_path(&file, &Limits::default()));
        let got = match outcome {
            Err(_) => {
                problems.push(format!("{path}: panic"));
                continue;
            }
            Ok(result) => result,
        };
        if let Some((_, expected)) = PYPDF_BROKEN.iter().find(|(broken, _)| *broken == path) {
            match &got {
                Err(err) if err.to_string() == *expected => {}
                other => problems.push(format!("{path}: expected {expected:?}, got {other:?}")),
            }
            continue;
        }
        let pages = match (&got, encrypted) {
            (Ok(pdf), _) => pdf.pages.len(),
            (Err(ExtractError::NoTextLayer { pages }), false) => *pages,
            (Err(ExtractError::Encrypted), true) => continue,
            (Err(err), _) => {
                problems.push(format!("{path}: {err}"));
                continue;
            }
        };
        if let (Ok(pdf), true) = (&got, encrypted) {
            if !pdf.was_encrypted {
                problems.push(format!("{path}: encrypted, but not reported as such"));
            }
        }
        if pages != expected_pages {
            problems.push(format!("{path}: {pages} pages, files.json says {expected_pages}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Runs extraction over every input in `tests/data/fuzz-regressions/` (inputs that once crashed,
/// hung or ran out of memory) and checks the outcome `expected.tsv` lists for it.
#[test]
fn fuzz_regressions_give_their_listed_outcome() {
    let folder = root().join("tests/data/fuzz-regressions");
    let listing = std::fs::read_to_string(folder.join("expected.tsv")).unwrap();
    let expected: Vec<(&str, &str)> =
        listing.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).filter_map(|l| l.split_once('\t')).collect();
    let mut inputs: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "expected.tsv")
        .collect();
    inputs.sort();
    let listed: Vec<&str> = expected.iter().map(|(name, _)| *name).collect();
    assert_eq!(inputs, listed, "every input needs one line in expected.tsv, in name order");

    for (name, outcome) in expected {
        let bytes = std::fs::read(folder.join(name)).unwrap();
        let started = Instant::now();
        let result = std::panic::catch_unwind(|| kommunsk::extract::extract_bytes(&bytes, &Limits::default()));
        let Ok(result) = result else { panic!("{name}: panic") };
        assert!(started.elapsed() < Duration::from_secs(10), "{name}: took {:?}", started.elapsed());
        match (outcome.split_once(": "), result) {
            (Some(("error", message)), Err(err)) => assert_eq!(err.to_string(), message, "{name}"),
            (Some(("text", start)), Ok(pdf)) => {
                assert!(pdf.body_text().starts_with(start), "{name}: {:?}", pdf.body_text())
            }
            (_, got) => panic!("{name}: expected {outcome}, got {got:?}"),
        }
    }
}

/// Object streams holding more objects than `max_objects` fail before lopdf parses them all
/// (lopdf would build every object first: 10 GB for 16 million of them).
#[test]
fn object_stream_floods_fail_on_the_object_limit_before_loading() {
    let entries = 5000;
    let index: Vec<String> = (0..entries).map(|i| format!("{} {}", 100 + i, i * 3)).collect();
    let index = index.join(" ") + "\n";
    let data = index.clone() + &"[] ".repeat(entries);
    let objstm = format!(
        "<< /Type /ObjStm /N {entries} /First {} /Length {} >>\nstream\n{data}\nendstream",
        index.len(),
        data.len()
    );
    let pdf = one_page_pdf_with(&objstm);
    let limits = Limits { max_objects: 1000, ..Limits::default() };
    let err = kommunsk::extract::extract_bytes(&pdf, &limits).err();
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some("limit exceeded: max_objects (object streams hold more than 1000 objects)")
    );
}

/// A one-page PDF saying "Hello" with `extra` as object 6, with a correct cross-reference table.
fn one_page_pdf_with(extra: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length 36 >>\nstream\nBT /F1 12 Tf 72 700 Td (Hello) Tj ET\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        extra,
    ];
    common::pdf_from_objects(&objects)
}

#[test]
fn the_test_pdf_builder_makes_a_readable_pdf() {
    let pdf = kommunsk::extract::extract_bytes(&one_page_pdf_with("<< >>"), &Limits::default()).unwrap();
    assert_eq!(pdf.body_text(), "Hello");
}

/// A file whose `%PDF-` header was lost but whose objects are intact is read (pdf.js bug
/// 1606566 starts directly with a binary comment and `1 0 obj`).
#[test]
fn a_pdf_without_its_header_is_read() {
    let pdf = extract_path(&shared().join("corpora/pdfjs/bug1606566.pdf"), &Limits::default()).unwrap();
    assert_eq!(pdf.body_text(), "Bug 1606566");
}
