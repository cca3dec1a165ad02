//! Outputs that cannot be turned against the user, and no silent damage (issue 11): formula
//! cells neutralised in CSV, control characters in file names shown not obeyed, Markdown
//! escaped; `--out` never inside the index, stale export batches removed, a foreign folder never
//! taken for an index, symbolic links leading out of the corpus not followed, a file reached
//! twice taken once, FIFOs listed as skipped, bounded `search --limit`, a running ingest
//! announced, and the topic dictionary bounded.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// A corpus of two shipped sample PDFs under `2025/`, ingested into `index`.
fn small_index(tmp: &Path) -> (PathBuf, PathBuf) {
    let corpus = tmp.join("corpus");
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(root().join("corpus/2025"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    for pdf in pdfs.iter().take(2) {
        place(&corpus, &format!("2025/{}", pdf.file_name().unwrap().to_str().unwrap()), pdf);
    }
    let index = tmp.join("index");
    kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    (corpus, index)
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn csv_cells_that_start_like_formulas_are_text_and_markdown_is_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, index) = small_index(tmp.path());
    let out = kommunsk(&[
        "report",
        "--index",
        s(&index),
        "--no-ingest",
        "--format",
        "csv",
        "--term",
        "=1+1",
        "--term",
        "@SUM",
        "--term",
        "budget",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.lines().any(|l| l.starts_with("'=1+1;'=1+1;")), "{csv}");
    assert!(csv.lines().any(|l| l.starts_with("'@SUM;'@SUM;")), "{csv}");
    assert!(csv.lines().any(|l| l.starts_with("budget;budget;")), "{csv}");
    assert!(!csv.lines().any(|l| l.starts_with('=') || l.contains(";=") || l.contains(";@")), "{csv}");

    let out =
        kommunsk(&["report", "--index", s(&index), "--no-ingest", "--format", "md", "--term", "[x](http://e.dk)|<b>"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("| \\[x\\](http://e.dk)\\|\\<b\\> |"), "{md}");
}

#[test]
fn control_characters_in_file_names_are_shown_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(corpus.join("2025")).unwrap();
    // Not a PDF inside: listed as failed, with its name on the terminal.
    std::fs::write(corpus.join("2025/evil\u{1b}]0;owned\u{7}\u{1b}[2J\n0 failed.pdf"), b"hello").unwrap();
    let index = tmp.path().join("index");
    let out = kommunsk(&["ingest", s(&corpus), "--index", s(&index)]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
    assert!(text.contains("evil\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{a}0 failed.pdf: not a PDF"), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("0 failed")), "a file name faked a line: {text}");
}

#[test]
fn outputs_never_go_into_the_index_and_exports_leave_no_stale_batches() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, index) = small_index(tmp.path());
    let inside = index.join("report.html");
    let out = kommunsk(&["report", "--index", s(&index), "--no-ingest", "--out", s(&inside)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is inside the index folder"), "{}", stderr(&out));
    assert!(!inside.exists());

    let report = tmp.path().join("report.txt");
    std::fs::write(&report, "old").unwrap();
    let out = kommunsk(&["report", "--index", s(&index), "--no-ingest", "--out", s(&report)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("overwriting {}", report.display())), "{}", stderr(&out));

    let out = kommunsk(&["export", "--index", s(&index), "--out", s(&index.join("export"))]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));

    let export = tmp.path().join("export");
    std::fs::create_dir_all(&export).unwrap();
    std::fs::write(export.join("pages-00099.ndjson"), "{\"stale\": true}\n").unwrap();
    let out = kommunsk(&["export", "--index", s(&index), "--out", s(&export)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!export.join("pages-00099.ndjson").exists(), "a stale batch was left beside the new ones");
    assert!(export.join("pages-00001.ndjson").exists());

    std::fs::write(export.join("notes.txt"), "mine").unwrap();
    let out = kommunsk(&["export", "--index", s(&index), "--out", s(&export)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("holds files that are not export batches (notes.txt)"), "{}", stderr(&out));
    assert!(export.join("notes.txt").exists() && export.join("pages-00001.ndjson").exists());
}

#[test]
fn a_folder_that_is_neither_empty_nor_an_index_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    place(&corpus, "2025/a.pdf", &fixture("kk-effektiviseringsforslag-pdflatex-1col.pdf"));
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(home.join("thesis.tex"), "precious").unwrap();
    let out = kommunsk(&["ingest", s(&corpus), "--index", s(&home)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is neither empty nor a kommunsk index"), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(&home).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn links_out_of_the_corpus_are_not_followed_a_file_is_taken_once_and_fifos_are_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let pdf = fixture("kk-effektiviseringsforslag-pdflatex-1col.pdf");
    place(&corpus, "2025/a.pdf", &pdf);
    let outside = tmp.path().join("outside");
    place(&outside, "secret.pdf", &pdf);
    std::os::unix::fs::symlink(&outside, corpus.join("2025/out")).unwrap();
    std::os::unix::fs::symlink(corpus.join("2025/a.pdf"), corpus.join("2025/b.pdf")).unwrap();
    let fifo = corpus.join("2025/pipe.pdf");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let index = tmp.path().join("index");
    let summary = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    assert_eq!(summary["indexed"].as_u64(), Some(1), "{summary:#}");
    let skipped: Vec<String> = summary["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| format!("{}: {}", k["path"].as_str().unwrap(), k["reason"].as_str().unwrap()))
        .collect();
    let has = |end: &str| skipped.iter().any(|k| k.contains(end));
    assert!(has("out: symbolic link leading outside the corpus (not followed)"), "{skipped:?}");
    assert!(has("b.pdf: the same file as 2025/a.pdf (taken once)"), "{skipped:?}");
    if made {
        assert!(has("pipe.pdf: not a regular file (FIFO, socket or device)"), "{skipped:?}");
    }

    let index2 = tmp.path().join("index2");
    let summary = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index2), "--json", "--follow-symlinks"]);
    assert_eq!(summary["indexed"].as_u64(), Some(2), "asked to follow: {summary:#}");
}

#[test]
fn search_limits_are_bounded_and_a_running_ingest_is_announced() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, index) = small_index(tmp.path());
    let out = kommunsk(&["search", "budget", "--index", s(&index), "--limit", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let huge = kommunsk_json(&["search", "budget", "--index", s(&index), "--json", "--limit", "18446744073709551615"]);
    assert!(huge["total"].as_u64().unwrap() > 0, "{huge:#}");

    // A lock naming a live process (this test) is an ingest still writing.
    std::fs::write(index.join(kommunsk::ingest::LOCK_FILE), std::process::id().to_string()).unwrap();
    let out = kommunsk(&["report", "--index", s(&index), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("is writing"), "{}", stderr(&out));
}

#[test]
fn a_topic_dictionary_past_its_size_limit_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, index) = small_index(tmp.path());
    let terms = tmp.path().join("terms.txt");
    let line = format!("/{}/\n", "(a|b)".repeat(20));
    std::fs::write(&terms, line.repeat(2 * 1024 * 1024 / line.len())).unwrap();
    let out = kommunsk(&["report", "--index", s(&index), "--no-ingest", "--terms", s(&terms)]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("more than the limit of 1048576 bytes"), "{}", stderr(&out));
}
