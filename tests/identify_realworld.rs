//! Real municipal documents (../shared/realworld/): `kommunsk identify` explains its answers,
//! the corrections file round-trips, and every report format says what is left out.

mod common;

use std::path::{Path, PathBuf};

use common::{kommunsk, kommunsk_json, place, s};
use serde_json::Value;

fn realworld(name: &str) -> PathBuf {
    common::shared().join("realworld/pdf").join(name)
}

/// The evidence entry for one field.
fn evidence<'a>(file: &'a Value, field: &str) -> &'a Value {
    file["evidence"].as_array().and_then(|e| e.iter().find(|e| e["field"] == field)).unwrap_or(&Value::Null)
}

#[test]
fn identify_explains_each_decision() {
    let note = realworld("1548227.PDF");
    let kl = realworld("1543229.PDF");
    let found = kommunsk_json(&["identify", s(&note), s(&kl), "--json"]);
    let [note, kl] = [&found[0], &found[1]];
    // A Ballerup note that never writes "Ballerup Kommune" in its text: letterhead e-mail
    // address and metadata title decide.
    assert_eq!(note["municipality"], "Ballerup");
    assert_eq!(note["year"], 2012);
    let why = evidence(note, "municipality");
    assert!(why["signal"].as_str().unwrap_or_default().starts_with("metadata"), "{why}");
    assert_eq!(evidence(note, "year")["signal"], "labelled date");
    assert_eq!(evidence(note, "year")["words"], "Dato: 20. november 2012");
    assert_eq!(evidence(note, "year")["page"], 1);
    // KL's report for all municipalities belongs to none, and says why.
    assert!(kl.get("municipality").is_none(), "{kl}");
    assert!(evidence(kl, "municipality")["undecidable"].as_str().is_some_and(|r| !r.is_empty()), "{kl}");
    assert_eq!(evidence(kl, "year")["source"], "metadata", "only the creation date dates it");
    assert_eq!(evidence(kl, "year")["weak"], true);

    let text = kommunsk(&["identify", s(&realworld("1552814.PDF"))]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("municipality: Ballerup — town hall"), "{text}");
    assert!(text.contains("year: 2012 — labelled date (text): \"Dato: 04.12.2012\" on page 1"), "{text}");
}

fn read_corrections(corpus: &Path) -> String {
    std::fs::read_to_string(corpus.join("corrections.csv")).expect("ingest wrote corrections.csv")
}

fn exported_identity(corpus: &Path, index: &Path, file: &str) -> (Value, Value) {
    let out = index.parent().unwrap().join("export");
    let _ = std::fs::remove_dir_all(&out);
    kommunsk_json(&["ingest", s(corpus), "--index", s(index), "--json"]);
    let status = kommunsk(&["export", "--index", s(index), "--out", s(&out)]);
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    for batch in std::fs::read_dir(&out).unwrap() {
        for line in std::fs::read_to_string(batch.unwrap().path()).unwrap().lines() {
            let page: Value = serde_json::from_str(line).unwrap();
            if page["path"] == file {
                return (page["municipality"].clone(), page["identification"].clone());
            }
        }
    }
    panic!("{file} not exported");
}

#[test]
fn corrections_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("index");
    // An agenda item that names no municipality, and one that names Ballerup.
    place(&corpus, "1552824.PDF", &realworld("1552824.PDF"));
    place(&corpus, "1552816.PDF", &realworld("1552816.PDF"));

    let (municipality, _) = exported_identity(&corpus, &index, "1552824.PDF");
    assert_eq!(municipality, Value::Null);
    let asked = read_corrections(&corpus);
    let mut lines = asked.lines();
    assert_eq!(lines.next(), Some("file,municipality,year,doctype,note"));
    let row = lines.next().unwrap_or_default();
    assert!(row.starts_with("1552824.PDF,,,,\"municipality: undecided"), "{asked}");
    assert_eq!(lines.next(), None, "the identified document is not asked about:\n{asked}");

    // The user answers; the next ingest applies it although the PDF did not change.
    std::fs::write(
        corpus.join("corrections.csv"),
        "file,municipality,year,doctype,note\n1552824.PDF,Ballerup,,,mine\n",
    )
    .unwrap();
    let (municipality, identification) = exported_identity(&corpus, &index, "1552824.PDF");
    assert_eq!(municipality, "Ballerup");
    let why = identification.as_array().and_then(|e| e.iter().find(|e| e["field"] == "municipality")).unwrap();
    assert_eq!(why["source"], "correction");
    assert_eq!(read_corrections(&corpus), "file,municipality,year,doctype,note\n1552824.PDF,Ballerup,,,mine\n");

    // A changed answer is applied too, and the user's row is kept as written.
    std::fs::write(corpus.join("corrections.csv"), "file;municipality\n1552824.PDF;Furesø\n").unwrap();
    let (municipality, _) = exported_identity(&corpus, &index, "1552824.PDF");
    assert_eq!(municipality, "Furesø");
    assert_eq!(read_corrections(&corpus), "file,municipality,year,doctype,note\n1552824.PDF,Furesø,,,\n");

    // A corrections file with an error is reported, not applied, and not overwritten.
    std::fs::write(corpus.join("corrections.csv"), "file,municipality\n1552824.PDF,Atlantis\n").unwrap();
    let summary = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    let warnings = summary["warnings"].to_string();
    assert!(warnings.contains("line 2: unknown municipality \\\"Atlantis\\\""), "{warnings}");
    assert_eq!(read_corrections(&corpus), "file,municipality\n1552824.PDF,Atlantis\n");
}

#[test]
fn every_report_format_says_what_is_not_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let index = tmp.path().join("index");
    place(&corpus, "2025/751-budgetaftale.pdf", &common::root().join("corpus/2025/751-budgetaftale.pdf"));
    place(&corpus, "2025/1552824.PDF", &realworld("1552824.PDF"));
    kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
    let report = |format: &str| {
        let out = kommunsk(&["report", "--index", s(&index), "--format", format, "--no-ingest"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let fix = format!("kommunsk ingest {}", s(&corpus));
    let warning = "1 dokument er ikke talt med (1 uden kendt kommune)";
    for format in ["table", "md", "html", "csv"] {
        let text = report(format);
        assert!(text.contains(warning) && text.contains(&fix), "{format}:\n{text}");
    }
    let csv = report("csv");
    assert!(csv.lines().nth(1).is_some_and(|l| l.starts_with("warning;\"ADVARSEL: 1 dokument")), "{csv}");
    let json: Value = serde_json::from_str(&report("json")).unwrap();
    assert!(json["source"]["warning"].as_str().is_some_and(|w| w.contains(warning) && w.contains(&fix)), "{json}");
    assert_eq!(json["source"]["unresolved_municipality"], 1);
}

/// The document page says identification's reasons in Danish: every signal and reason the real
/// documents and the sample corpus produce is one the web's table knows.
#[test]
fn every_reason_real_documents_produce_reads_in_danish() {
    use kommunsk::serve::reasons::is_translated;
    let mut files: Vec<String> = std::fs::read_dir(common::shared().join("realworld/pdf"))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    for year in std::fs::read_dir(common::root().join("corpus")).unwrap() {
        let year = year.unwrap().path();
        if year.is_dir() {
            files.extend(std::fs::read_dir(&year).unwrap().map(|e| e.unwrap().path().display().to_string()));
        }
    }
    files.retain(|f| f.to_ascii_lowercase().ends_with(".pdf"));
    files.sort();
    let mut args: Vec<&str> = vec!["identify", "--json"];
    args.extend(files.iter().map(String::as_str));
    let found = kommunsk_json(&args);
    let mut untranslated = Vec::new();
    let mut seen = 0;
    for file in found.as_array().unwrap() {
        for e in file["evidence"].as_array().into_iter().flatten() {
            let text = |k: &str| e[k].as_str().map(str::to_string);
            let mut check = |text: String, is_signal: bool| {
                seen += 1;
                if !is_translated(&text, is_signal) {
                    untranslated.push(text);
                }
            };
            if e["value"].is_null() {
                check(text("undecidable").unwrap_or_default(), false);
            } else {
                check(text("signal").unwrap_or_default(), true);
            }
            for o in e["outweighed"].as_array().into_iter().flatten() {
                check(o.as_str().unwrap().to_string(), false);
            }
            if let Some(d) = text("disagrees") {
                check(d, false);
            }
        }
    }
    assert!(seen > 1000, "{seen} reasons");
    untranslated.sort();
    untranslated.dedup();
    assert!(untranslated.is_empty(), "no Danish for: {untranslated:#?}");
}
