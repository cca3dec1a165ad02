//! The report over the shipped sample corpus equals its ground truth (`corpus/truth.json`)
//! exactly: every topic and year, every municipality's mentions, every document's identity.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use common::*;
use serde_json::Value;

struct Ingested {
    index: PathBuf,
    summary: Value,
    truth: Value,
}

/// Ingests `corpus/` once into a private index for every test in this file.
fn ingested() -> &'static Ingested {
    static INGESTED: OnceLock<Ingested> = OnceLock::new();
    INGESTED.get_or_init(|| {
        let index = tempfile::tempdir().unwrap().keep().join("index");
        let summary = kommunsk_json(&["ingest", "corpus", "--index", s(&index), "--json"]);
        let truth: Value =
            serde_json::from_str(&std::fs::read_to_string(root().join("corpus/truth.json")).unwrap()).unwrap();
        Ingested { index, summary, truth }
    })
}

/// `kommunsk report` over the private index, never ingesting, with extra arguments.
fn report_with(extra: &[&str]) -> std::process::Output {
    let mut args = vec!["report", "--index", s(&ingested().index), "--corpus", "corpus", "--no-ingest"];
    args.extend_from_slice(extra);
    kommunsk(&args)
}

fn report() -> Value {
    let out = report_with(&["--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_document_is_indexed_and_nothing_fails() {
    let Ingested { summary, truth, .. } = ingested();
    let documents = truth["documents"].as_array().unwrap().len();
    assert_eq!(summary["indexed"].as_u64().unwrap() as usize, documents, "{summary:#}");
    assert_eq!(summary["failed"].as_array().unwrap().len(), 0, "{summary:#}");
    let skipped: Vec<&str> =
        summary["skipped"].as_array().unwrap().iter().map(|k| k["path"].as_str().unwrap()).collect();
    assert!(skipped.iter().all(|p| !p.ends_with(".pdf")), "{skipped:?}");
}

#[test]
fn unresolved_documents_match_the_truth() {
    let Ingested { summary, truth, .. } = ingested();
    let listed = |v: &Value| -> BTreeMap<String, String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|u| {
                let path = u["path"].as_str().unwrap();
                let rel = path.strip_prefix("corpus/").unwrap_or(path).to_string();
                (rel, u["missing"].as_str().unwrap().to_string())
            })
            .collect()
    };
    assert_eq!(listed(&summary["unresolved"]), listed(&truth["unresolved"]));
}

#[test]
fn every_document_is_identified_as_the_truth_says() {
    let Ingested { index, truth, .. } = ingested();
    let out = tempfile::tempdir().unwrap();
    let run = kommunsk(&["export", "--index", s(index), "--out", s(out.path())]);
    assert!(run.status.success());
    let mut seen: BTreeMap<String, Value> = BTreeMap::new();
    for batch in std::fs::read_dir(out.path()).unwrap() {
        for line in std::fs::read_to_string(batch.unwrap().path()).unwrap().lines() {
            let page: Value = serde_json::from_str(line).unwrap();
            seen.insert(page["path"].as_str().unwrap().to_string(), page);
        }
    }
    let mut wrong = Vec::new();
    for doc in truth["documents"].as_array().unwrap() {
        let path = doc["path"].as_str().unwrap();
        let Some(page) = seen.get(path) else {
            wrong.push(format!("{path}: not indexed"));
            continue;
        };
        let got = (page.get("code").cloned().unwrap_or(Value::Null), &page["year"], &page["doctype"], &page["lang"]);
        let want = (doc["code"].clone(), &doc["year"], &doc["doctype"], &doc["lang"]);
        if got != want {
            wrong.push(format!("{path}: got {got:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{} of {} documents misidentified:\n{}", wrong.len(), seen.len(), wrong.join("\n"));
}

#[test]
fn topic_year_cells_equal_the_truth() {
    let truth = &ingested().truth;
    let report = report();
    let mut wrong = Vec::new();
    for (id, years) in truth["topics"].as_object().unwrap() {
        let topic = report["topics"].as_array().unwrap().iter().find(|t| t["id"] == id.as_str());
        let Some(topic) = topic else {
            wrong.push(format!("{id}: not in the report"));
            continue;
        };
        for (year, want) in years.as_object().unwrap() {
            let got = topic["years"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["year"].as_u64().map(|y| y.to_string()).as_deref() == Some(year.as_str()));
            let Some(got) = got else {
                wrong.push(format!("{id} {year}: no cell"));
                continue;
            };
            for key in ["municipalities", "of", "documents", "mentions"] {
                if got[key] != want[key] {
                    wrong.push(format!("{id} {year} {key}: report {} truth {}", got[key], want[key]));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn municipality_mentions_equal_the_truth() {
    let truth = &ingested().truth;
    let report = report();
    // Sum the truth's per-document mentions per municipality and year.
    let mut want: BTreeMap<(u64, u64), BTreeMap<String, u64>> = BTreeMap::new();
    for doc in truth["documents"].as_array().unwrap() {
        let Some(code) = doc["code"].as_u64() else { continue };
        let cell = want.entry((code, doc["year"].as_u64().unwrap())).or_default();
        for (topic, n) in doc["mentions"].as_object().unwrap() {
            *cell.entry(topic.clone()).or_default() += n.as_u64().unwrap();
        }
    }
    let mut got: BTreeMap<(u64, u64), BTreeMap<String, u64>> = BTreeMap::new();
    for row in report["municipalities"].as_array().unwrap() {
        let mentions =
            row["mentions"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_u64().unwrap())).collect();
        got.insert((row["code"].as_u64().unwrap(), row["year"].as_u64().unwrap()), mentions);
    }
    let mut wrong = Vec::new();
    for (key, counts) in &want {
        match got.get(key) {
            None => wrong.push(format!("{key:?}: missing from the report")),
            Some(have) if have != counts => {
                let diff: Vec<String> = counts
                    .iter()
                    .filter(|(t, n)| have.get(*t) != Some(n))
                    .map(|(t, n)| format!("{t}: report {:?} truth {n}", have.get(t)))
                    .collect();
                wrong.push(format!("{key:?}: {}", diff.join(", ")));
            }
            Some(_) => {}
        }
    }
    assert_eq!(got.len(), want.len(), "municipality-years in report vs truth");
    assert!(wrong.is_empty(), "{} municipality-years differ:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn report_says_what_it_counted() {
    let report = report();
    let source = &report["source"];
    assert_eq!(source["synthetic"], true);
    assert_eq!(source["topics_file"], "queries/topics.toml");
    assert_eq!(
        source["unresolved"].as_u64().unwrap() as usize,
        ingested().truth["unresolved"].as_array().unwrap().len()
    );
    let table = report_with(&[]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("SYNTETISK PRØVEKORPUS"), "{text}");
    assert!(text.contains("2025: 68 ud af 98 kommuner nævner Kunstig intelligens (AI)"), "{text}");
}

#[test]
fn csv_opens_in_danish_excel() {
    let out = report_with(&["--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with('\u{feff}'), "no byte order mark");
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert_eq!(lines.next(), Some("topic;Emne;År;kommuner;ud af;documents;Omtaler;Ændring"));
    let ai_2025 = text.lines().find(|l| l.starts_with("ai;") && l.contains(";2025;")).unwrap();
    assert!(ai_2025.starts_with("ai;Kunstig intelligens (AI);2025;68;98;"), "{ai_2025}");
}

#[test]
fn markdown_and_english_labels() {
    let md = report_with(&["--format", "md", "--lang", "en", "--year", "2025"]);
    let text = String::from_utf8(md.stdout).unwrap();
    assert!(text.starts_with("# Topics in the municipalities' budget documents"), "{text}");
    assert!(text.contains("| Artificial intelligence (AI) | 68 of 98 |"), "{text}");
    assert!(text.contains("| Aarhus | 751 | Midtjylland |"), "{text}");
}

#[test]
fn ad_hoc_terms_are_counted_without_editing_the_dictionary() {
    let out = report_with(&["--format", "json", "--term", "velfærdsteknologi", "--term", "/\\bNIS ?-?2\\b/"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = report["topics"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["velfærdsteknologi", "/\\bNIS ?-?2\\b/"]);
    let cell_2025 =
        report["topics"][0]["years"].as_array().unwrap().iter().find(|c| c["year"] == 2025).unwrap().clone();
    assert!(cell_2025["municipalities"].as_u64().unwrap() > 0);
}

#[test]
fn evidence_lists_the_sentences_behind_a_count() {
    let found = kommunsk_json(&[
        "evidence",
        "ai",
        "--municipality",
        "Aarhus",
        "--year",
        "2025",
        "--index",
        s(&ingested().index),
        "--corpus",
        "corpus",
        "--no-ingest",
        "--json",
    ]);
    let report = report();
    let aarhus =
        report["municipalities"].as_array().unwrap().iter().find(|m| m["code"] == 751 && m["year"] == 2025).unwrap();
    assert_eq!(found.as_array().unwrap().len() as u64, aarhus["mentions"]["ai"].as_u64().unwrap());
    for mention in found.as_array().unwrap() {
        let sentence = mention["sentence"].as_str().unwrap();
        let (start, end) = (mention["start"].as_u64().unwrap() as usize, mention["end"].as_u64().unwrap() as usize);
        let marked = &sentence[start..end];
        assert!(marked.contains("AI") || marked.to_lowercase().contains("kunstig"), "{marked}");
        assert!(mention["page"].as_u64().unwrap() >= 1);
    }
}
