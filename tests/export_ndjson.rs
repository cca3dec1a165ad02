//! `kommunsk export --format ndjson`: one JSON document per page, every field, batches under the limit.

mod common;

use common::*;

#[test]
fn every_page_is_exported_once_in_batches_under_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    place(&corpus, "2025/koebenhavn-bilag-6.pdf", &fixture("kk-investeringspuljer-status-libreoffice-1col.pdf")); // 2 pages
    place(&corpus, "2025/koebenhavn-bilag-4.pdf", &fixture("kk-investeringspuljer-principper-chromium-1col.pdf"));
    let index = tmp.path().join("index");
    let summary = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    assert_eq!(summary["indexed"], 2);

    let out = tmp.path().join("export");
    let limit = 12_000;
    let run = kommunsk(&[
        "export",
        "--format",
        "ndjson",
        "--index",
        s(&index),
        "--out",
        s(&out),
        "--batch-bytes",
        &limit.to_string(),
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));

    let mut batches: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).collect();
    batches.sort();
    assert!(batches.len() >= 2, "a small limit must split the export: {batches:?}");
    let mut ids = Vec::new();
    for batch in &batches {
        let text = std::fs::read_to_string(batch).unwrap();
        assert!(text.len() <= limit, "{} is {} bytes", batch.display(), text.len());
        for line in text.lines() {
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            for key in ["id", "path", "municipality", "code", "region", "year", "doctype", "lang", "page", "text"] {
                assert!(doc.get(key).is_some(), "exported page lacks {key}: {line}");
            }
            assert_eq!(doc["municipality"], "København");
            assert_eq!(doc["code"], 101);
            assert_eq!(doc["region"], "Hovedstaden");
            ids.push(doc["id"].as_str().unwrap().to_string());
        }
    }
    ids.sort();
    let pages: usize = 2 + common_pages(&fixture("kk-investeringspuljer-principper-chromium-1col.pdf"));
    assert_eq!(ids.len(), pages);
    ids.dedup();
    assert_eq!(ids.len(), pages, "a page was exported twice");
    assert!(ids.contains(&"2025/koebenhavn-bilag-6.pdf#2".to_string()));
}

/// Page count of a fixture according to the shared manifest.
fn common_pages(pdf: &std::path::Path) -> usize {
    let name = pdf.file_name().unwrap().to_str().unwrap();
    let manifest = std::fs::read_to_string(shared().join("fixtures/manifest.csv")).unwrap();
    let line = manifest.lines().find(|l| l.starts_with(&format!("pdf/{name},"))).unwrap();
    line.rsplit(',').next().unwrap().trim().parse().unwrap()
}
