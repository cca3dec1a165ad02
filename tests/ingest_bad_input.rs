//! Each kind of bad input is listed in "failed" with a clear reason while every other file is
//! indexed, and a re-run keeps saying so without re-reading anything.

mod common;

use common::*;
use serde_json::Value;

fn failure<'a>(summary: &'a Value, file: &str) -> &'a Value {
    summary["failed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with(file))
        .unwrap_or_else(|| panic!("{file} not in failed: {summary:#}"))
}

fn failed_reason<'a>(summary: &'a Value, file: &str) -> &'a str {
    failure(summary, file)["error"].as_str().unwrap()
}

/// The machine-readable kind of each failure, by file name.
fn failed_kinds(summary: &Value) -> Vec<(String, String)> {
    let mut kinds: Vec<(String, String)> = summary["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let name = f["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            (name, f["kind"].as_str().unwrap_or("(none)").to_string())
        })
        .collect();
    kinds.sort();
    kinds
}

#[test]
fn bad_files_fail_with_reasons_and_good_files_are_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("index");
    let bad = root().join("tests/data/bad");
    for name in
        ["truncated.pdf", "password-protected.pdf", "empty-user-password.pdf", "scanned.pdf", "empty.pdf", "notes.pdf"]
    {
        place(&corpus, &format!("2025/{name}"), &bad.join(name));
    }
    place(&corpus, "2025/koebenhavn-bilag.pdf", &fixture("kk-investeringspuljer-status-libreoffice-1col.pdf"));
    std::fs::write(corpus.join("2025/README.txt"), "not a pdf").unwrap();

    // Without OCR the scan is a failure with its reason (tests/ocr.rs covers OCR).
    let summary = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json", "--ocr", "off"]);
    assert_eq!(summary["indexed"], 2, "{summary:#}");
    assert_eq!(summary["failed"].as_array().unwrap().len(), 5, "{summary:#}");
    assert!(failed_reason(&summary, "truncated.pdf").starts_with("truncated or corrupt"));
    assert_eq!(failed_reason(&summary, "password-protected.pdf"), "password-protected (a user password is required)");
    assert_eq!(failed_reason(&summary, "scanned.pdf"), "scanned: 2 pages need OCR, which is turned off (--ocr off)");
    assert_eq!(failed_reason(&summary, "empty.pdf"), "empty file (0 bytes)");
    assert!(failed_reason(&summary, "notes.pdf").starts_with("not a PDF (file starts with \"Dette er en"));
    assert!(summary["skipped"].as_array().unwrap().iter().any(|k| k["path"].as_str().unwrap().ends_with("README.txt")));
    let kinds = [
        ("empty.pdf", "empty"),
        ("notes.pdf", "not_pdf"),
        ("password-protected.pdf", "encrypted"),
        ("scanned.pdf", "no_text_layer"),
        ("truncated.pdf", "corrupt"),
    ]
    .map(|(name, kind)| (name.to_string(), kind.to_string()));
    assert_eq!(failed_kinds(&summary), kinds);

    // The decrypted and the plain copy are both searchable, with their page.
    let hits = kommunsk_json(&["search", "\"strategien for smarte investeringer\"", "--index", s(&index), "--json"]);
    let mut paths: Vec<&str> = hits["hits"].as_array().unwrap().iter().map(|h| h["path"].as_str().unwrap()).collect();
    paths.sort();
    assert_eq!(paths.len(), 2, "{hits:#}");
    assert!(paths[0].ends_with("2025/empty-user-password.pdf") && paths[1].ends_with("2025/koebenhavn-bilag.pdf"));

    // Nothing changed: nothing is read again, and the failures are still reported.
    let again = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json", "--ocr", "off"]);
    assert_eq!((again["indexed"].as_u64(), again["unchanged"].as_u64()), (Some(0), Some(7)), "{again:#}");
    assert_eq!(again["failed"].as_array().unwrap().len(), 5);
    // The kinds come back from the index as they were stored.
    assert_eq!(failed_kinds(&again), kinds);
}

#[test]
fn a_corpus_without_pdfs_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "x").unwrap();
    let out = kommunsk(&["ingest", s(tmp.path()), "--index", s(&tmp.path().join("idx")), "--json"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn extract_names_the_file_and_the_reason() {
    let bad = root().join("tests/data/bad/password-protected.pdf");
    let out = kommunsk(&["extract", s(&bad)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("password-protected.pdf: password-protected (a user password is required)"), "{stderr}");
}

#[test]
fn glyphs_without_unicode_are_reported_not_hidden() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    // A TrueType font whose glyphs carry no Unicode mapping anywhere (pdf.js test file).
    place(&corpus, "2025/complex_ttf_font.pdf", &shared().join("corpora/pdfjs/complex_ttf_font.pdf"));
    place(&corpus, "2025/koebenhavn.pdf", &fixture("kk-investeringspuljer-status-libreoffice-1col.pdf"));
    let summary = kommunsk_json(&["ingest", s(&corpus), "--index", s(&tmp.path().join("index")), "--json"]);
    let unmapped = summary["unmapped"].as_array().unwrap();
    assert_eq!(unmapped.len(), 1, "{summary:#}");
    assert!(unmapped[0]["path"].as_str().unwrap().ends_with("complex_ttf_font.pdf"));
    assert_eq!(unmapped[0]["glyphs"], 616);
}
