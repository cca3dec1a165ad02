//! Municipality and year resolution through the whole pipeline: file names (names, ASCII forms,
//! codes), a manifest, and the document text.

mod common;

use std::collections::BTreeMap;

use common::*;

#[test]
fn municipality_comes_from_manifest_then_file_name_then_text() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let doc = fixture("kk-investeringspuljer-status-libreoffice-1col.pdf"); // a Københavns Kommune text
    let names = [
        "2025/751-budgetaftale.pdf",
        "2025/Koebenhavns_Kommune_Budgetaftale_2025.pdf",
        "2024/hoeje-taastrup_budget.pdf",
        "2023/Aeroe-budgetaftale.pdf",
        "2025/laesoe-kommune.pdf",
        "2025/Lyngby-Taarbaek-Kommune.pdf",
        "2025/ikast_brande.pdf",
        "2025/bilag-uden-navn.pdf",
        "2022/endelig.pdf",
    ];
    for name in names {
        place(&corpus, name, &doc);
    }
    std::fs::write(corpus.join("2022/manifest.csv"), "file,municipality\nendelig.pdf,Vejle\n").unwrap();
    let index = tmp.path().join("index");
    let summary = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    assert_eq!(summary["indexed"], 9, "{summary:#}");
    assert_eq!(summary["unresolved"].as_array().unwrap().len(), 0, "{summary:#}");

    let hits = kommunsk_json(&["search", "investeringspuljerne", "--index", s(&index), "--json", "--limit", "100"]);
    let mut who: BTreeMap<String, (String, u64)> = BTreeMap::new();
    for hit in hits["hits"].as_array().unwrap() {
        let path = hit["path"].as_str().unwrap();
        let rel = path.split("corpus/").nth(1).unwrap().to_string();
        who.insert(rel, (hit["municipality"].as_str().unwrap().to_string(), hit["year"].as_u64().unwrap()));
    }
    let expected: BTreeMap<String, (String, u64)> = [
        ("2025/751-budgetaftale.pdf", "Aarhus", 2025),
        ("2025/Koebenhavns_Kommune_Budgetaftale_2025.pdf", "København", 2025),
        ("2024/hoeje-taastrup_budget.pdf", "Høje-Taastrup", 2024),
        ("2023/Aeroe-budgetaftale.pdf", "Ærø", 2023),
        ("2025/laesoe-kommune.pdf", "Læsø", 2025),
        ("2025/Lyngby-Taarbaek-Kommune.pdf", "Lyngby-Taarbæk", 2025),
        ("2025/ikast_brande.pdf", "Ikast-Brande", 2025),
        ("2025/bilag-uden-navn.pdf", "København", 2025), // from the text
        ("2022/endelig.pdf", "Vejle", 2022),             // from the manifest
    ]
    .into_iter()
    .map(|(p, m, y)| (p.to_string(), (m.to_string(), y)))
    .collect();
    assert_eq!(who, expected);
}

#[test]
fn a_document_without_municipality_is_indexed_but_unresolved() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    // The consultancy report on all 98 agreements belongs to no single municipality.
    place(&corpus, "2025/analyse.pdf", &fixture("influenter-budgetaftaler-2025-libreoffice-1col.pdf"));
    place(&corpus, "2025/aarhus.pdf", &fixture("kk-investeringspuljer-status-libreoffice-1col.pdf"));
    let index = tmp.path().join("index");
    let summary = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    assert_eq!(summary["indexed"], 2);
    let unresolved = summary["unresolved"].as_array().unwrap();
    assert_eq!(unresolved.len(), 1, "{summary:#}");
    assert!(unresolved[0]["path"].as_str().unwrap().ends_with("2025/analyse.pdf"));
    assert_eq!(unresolved[0]["missing"], "municipality");

    // Searchable, but not counted: the report counts one document and says one was left out.
    let hits = kommunsk_json(&["search", "\"98 kommuner\"", "--index", s(&index), "--json"]);
    assert!(hits["total"].as_u64().unwrap() > 0);
    let report = kommunsk_json(&["report", "--index", s(&index), "--format", "json", "--no-ingest"]);
    assert_eq!(report["source"]["documents"], 1);
    assert_eq!(report["source"]["unresolved"], 1);
    assert_eq!(report["municipalities"].as_array().unwrap().len(), 1);
    assert_eq!(report["municipalities"][0]["name"], "Aarhus");
}
