//! OCR of scanned pages (issue 12): Danish text from a scan, a mixed document, provenance in
//! search and report, the cache, and the message when the engine is missing.
//!
//! These tests need Tesseract with the Danish model and poppler-utils (`.ci/run` installs them).
//! `tests/data/ocr/README.md` says how the scans were made.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::*;
use serde_json::Value;

fn scan(name: &str) -> PathBuf {
    root().join("tests/data/ocr").join(name)
}

/// `kommunsk` with an environment variable set (to point at a missing engine).
fn kommunsk_env(args: &[&str], key: &str, value: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kommunsk"))
        .args(args)
        .env(key, value)
        .current_dir(root())
        .output()
        .expect("the kommunsk binary runs")
}

fn hits(index: &std::path::Path, query: &str) -> Vec<Value> {
    let found = kommunsk_json(&["search", query, "--index", s(index), "--json"]);
    found["hits"].as_array().cloned().unwrap_or_default()
}

#[test]
fn a_scanned_page_gives_its_danish_text() {
    let out = kommunsk(&["extract", s(&scan("scanned-page.pdf"))]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    // Words with æ, ø and å, and a word hyphenated at a line end in the scan, rejoined.
    for expected in [
        "Økonomiforvaltningen",
        "Beskæftigelses- og Integrationsudvalget",
        "effektiviseringerne på service fra disse forslag",
        "fordeler sig på de enkelte udvalg",
        "investeringspuljerne i overførselssagen 2024-2025",
        "effektiviseringsmåltallet",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from the OCR text:\n{text}");
    }
}

#[test]
fn ocr_off_and_a_missing_engine_are_named_per_file() {
    let off = kommunsk(&["extract", "--ocr", "off", s(&scan("scanned-page.pdf"))]);
    assert_eq!(off.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&off.stderr);
    assert!(
        stderr.contains("scanned-page.pdf: scanned: 1 pages need OCR, which is turned off (--ocr off)"),
        "{stderr}"
    );

    let missing =
        kommunsk_env(&["extract", s(&scan("scanned-page.pdf"))], "KOMMUNSK_TESSERACT", "/nonexistent/tesseract");
    assert_eq!(missing.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(
        stderr.contains(
            "scanned-page.pdf: scanned: 1 pages need OCR, which is not available (install tesseract-ocr, tesseract-ocr-dan and poppler-utils; cannot run /nonexistent/tesseract"
        ),
        "{stderr}"
    );

    // In a corpus the scan fails with that reason, and everything else is indexed.
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    place(&corpus, "2025/koebenhavn-scan.pdf", &scan("scanned-page.pdf"));
    place(&corpus, "2025/koebenhavn-mixed.pdf", &scan("mixed.pdf"));
    place(&corpus, "2025/koebenhavn-bilag.pdf", &fixture("kk-investeringspuljer-status-libreoffice-1col.pdf"));
    let index = tmp.path().join("index");
    let out =
        kommunsk_env(&["ingest", s(&corpus), "--index", s(&index), "--json"], "KOMMUNSK_TESSERACT", "/nonexistent");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["indexed"], 2, "{summary:#}");
    let failed = summary["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1, "{summary:#}");
    assert!(failed[0]["path"].as_str().unwrap().ends_with("koebenhavn-scan.pdf"));
    assert!(failed[0]["error"]
        .as_str()
        .unwrap()
        .starts_with("scanned: 1 pages need OCR, which is not available (install"));
    // The mixed document is indexed from its text layer, with a warning about its scanned page.
    let warnings = summary["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| w.as_str().unwrap().contains("koebenhavn-mixed.pdf: scanned: 1 pages need OCR")),
        "{summary:#}"
    );

    // Once the engine is there, the next ingest reads the two files that lacked OCR again
    // (their bytes did not change) and leaves the typed one alone.
    let again = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    assert_eq!(again["indexed"], 2, "{again:#}");
    assert_eq!(again["unchanged"], 1, "{again:#}");
    assert_eq!(again["failed"].as_array().map(Vec::len), Some(0), "{again:#}");
    assert_eq!(again["ocr_pages"], 2, "{again:#}");
    let scanned_hits = hits(&index, "effektiviseringsmåltallet");
    assert!(
        scanned_hits.iter().any(|h| h["path"].as_str().is_some_and(|p| p.ends_with("koebenhavn-scan.pdf"))),
        "{scanned_hits:#?}"
    );
    // And then it is settled: nothing is read a third time.
    let third = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    assert_eq!(third["unchanged"], 3, "{third:#}");
    assert_eq!(third["ocr_pages"], 0, "{third:#}");
}

#[test]
fn a_mixed_document_is_indexed_with_provenance_and_cached() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("index");
    place(&corpus, "2025/koebenhavn-mixed.pdf", &scan("mixed.pdf"));
    place(&corpus, "2025/koebenhavn-bilag.pdf", &fixture("kk-effektiviseringsforslag-pdflatex-1col.pdf"));

    let first = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    assert_eq!((first["indexed"].as_u64(), first["ocr_pages"].as_u64()), (Some(2), Some(1)), "{first:#}");
    assert_eq!(first["ocr_cached"], 0);

    // The typed page 1 is searched as text, the scanned page 2 as OCR with its confidence.
    let typed = hits(&index, "\"strategien for smarte investeringer\"");
    assert_eq!(typed.len(), 1, "{typed:#?}");
    assert_eq!((typed[0]["page"].as_u64(), typed[0].get("ocr")), (Some(1), None));
    let scanned = hits(&index, "effektiviseringsmåltallet");
    let on_scan: Vec<&Value> = scanned.iter().filter(|h| h["path"].as_str().unwrap().ends_with("mixed.pdf")).collect();
    assert_eq!(on_scan.len(), 1, "{scanned:#?}");
    assert_eq!(on_scan[0]["page"], 2);
    let confidence = on_scan[0]["ocr"]["confidence"].as_u64().unwrap();
    assert!((80..=100).contains(&confidence), "{:#}", on_scan[0]);
    assert!(on_scan[0]["ocr"]["engine"].as_str().unwrap().starts_with("tesseract 5"));
    let shown = kommunsk(&["search", "effektiviseringsmåltallet", "--index", s(&index)]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains(&format!("· OCR, {confidence} %")));

    // The report says what came from OCR, and --no-ocr leaves it out.
    let report = kommunsk_json(&["report", "--index", s(&index), "--no-ingest", "--format", "json"]);
    let ocr = &report["source"]["ocr"];
    assert_eq!(
        (ocr["documents"].as_u64(), ocr["pages"].as_u64(), ocr["excluded_pages"].as_u64()),
        (Some(1), Some(1), Some(0))
    );
    let without = kommunsk_json(&["report", "--index", s(&index), "--no-ingest", "--format", "json", "--no-ocr"]);
    assert_eq!(
        (without["source"]["ocr"]["pages"].as_u64(), without["source"]["ocr"]["excluded_pages"].as_u64()),
        (Some(0), Some(1))
    );
    let table = kommunsk(&["report", "--index", s(&index), "--no-ingest"]);
    assert!(
        String::from_utf8_lossy(&table.stdout).contains("Fra OCR (skannede sider): 1 dok."),
        "{}",
        String::from_utf8_lossy(&table.stdout)
    );

    // Exported hits carry the OCR flag, and evidence --no-ocr leaves the scanned page out.
    let topics = tmp.path().join("topics.toml");
    std::fs::write(
        &topics,
        "[[topic]]\nid = \"maaltal\"\nlabel_da = \"Måltal\"\nlabel_en = \"Targets\"\n\
         patterns = ['effektiviseringsmåltal\\w*']\nexclude = []\n\
         examples = [\"effektiviseringsmåltallet\"]\ncounterexamples = [\"måltal\"]\n",
    )
    .unwrap();
    let evidence = |extra: &[&str]| -> Vec<Value> {
        let mut args = vec!["evidence", "maaltal", "--index", s(&index), "--no-ingest", "--topics", s(&topics)];
        args.extend_from_slice(extra);
        let out = kommunsk(&args);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    let rows = evidence(&["--format", "ndjson"]);
    let from_scan: Vec<&Value> =
        rows.iter().filter(|r| r["document"].as_str().unwrap().ends_with("mixed.pdf")).collect();
    assert!(!from_scan.is_empty(), "{rows:#?}");
    assert!(from_scan.iter().all(|r| r["ocr"] == true && r["page"] == 2), "{rows:#?}");
    assert!(rows.iter().filter(|r| r["document"].as_str().unwrap().ends_with("bilag.pdf")).all(|r| r["ocr"] == false));
    let typed_only = evidence(&["--format", "ndjson", "--no-ocr"]);
    assert_eq!(typed_only.len(), rows.len() - from_scan.len(), "{typed_only:#?}");
    assert!(typed_only.iter().all(|r| r["ocr"] == false));

    // Unchanged: nothing is read or OCR'd again. A copy under another name (same bytes) is
    // read, but its scanned page comes from the cache.
    let again = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    assert_eq!((again["indexed"].as_u64(), again["ocr_pages"].as_u64()), (Some(0), Some(0)), "{again:#}");
    place(&corpus, "2025/koebenhavn-mixed-kopi.pdf", &scan("mixed.pdf"));
    let copy = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    assert_eq!(
        (copy["indexed"].as_u64(), copy["ocr_pages"].as_u64(), copy["ocr_cached"].as_u64()),
        (Some(1), Some(0), Some(1)),
        "{copy:#}"
    );
    assert_eq!(hits(&index, "effektiviseringsmåltallet").iter().filter(|h| h.get("ocr").is_some()).count(), 2);
}
