//! Issue 14: reviewed mentions feed back into the counts. A rejected mention leaves the counts
//! (and a municipality whose only mention was rejected stops counting) while the evidence shows
//! it rejected; a review survives a re-ingest that moves its sentence; a changed sentence makes
//! it orphaned; the audit sample is reproducible; the evidence CSV has the right columns and no
//! formula.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// A one-page PDF (Helvetica, WinAnsi) showing `lines`, each on its own line.
fn text_pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 11 Tf 14 TL 60 780 Td\n");
    for line in lines {
        content += &format!("({line}) Tj T*\n");
    }
    content += "ET";
    let stream = format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len());
    pdf_from_objects(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        &stream,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])
}

const AARHUS: &[&str] = &[
    "Budgetaftale 2025 for Aarhus Kommune.",
    "Vi vil bruge AI i sagsbehandlingen, hvor det giver mening.",
    "Foreningen Aarhus Idraet (AI) far et tilskud til nye baner.",
    "Erfaringerne med AI skal evalueres grundigt.",
];
const COPENHAGEN: &[&str] = &[
    "Budgetaftale 2025 for Koebenhavns Kommune.",
    "Der gives tilskud til foreningen AI Sport i Valby.",
    "Skoleomraadet styrkes med flere laerere.",
];

/// A corpus of two documents for 2025 plus the paths of everything a test writes.
struct Setup {
    _dir: tempfile::TempDir,
    corpus: PathBuf,
    index: PathBuf,
    reviews: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        let setup = Setup {
            corpus: corpus.clone(),
            index: dir.path().join("index"),
            reviews: dir.path().join("queries/reviews.csv"),
            _dir: dir,
        };
        setup.write("2025/751-budgetaftale.pdf", AARHUS);
        setup.write("2025/101-budgetaftale.pdf", COPENHAGEN);
        setup.ingest();
        setup
    }

    fn write(&self, relative: &str, lines: &[&str]) {
        let path = self.corpus.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text_pdf(lines)).unwrap();
    }

    fn ingest(&self) {
        let summary = kommunsk_json(&["ingest", s(&self.corpus), "--index", s(&self.index), "--json"]);
        assert_eq!(summary["failed"].as_array().unwrap().len(), 0, "{summary:#}");
    }

    /// Arguments every command gets: this index and corpus, this reviews file, never ingesting.
    fn run(&self, args: &[&str]) -> std::process::Output {
        let mut all: Vec<&str> = args.to_vec();
        all.extend([
            "--index",
            s(&self.index),
            "--corpus",
            s(&self.corpus),
            "--reviews",
            s(&self.reviews),
            "--no-ingest",
        ]);
        kommunsk(&all)
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    fn stdout(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// The id of the one ai mention whose sentence contains `words`.
    fn id_of(&self, words: &str) -> String {
        let rows = self.json(&["review", "ai", "--json"]);
        let found: Vec<&Value> =
            rows.as_array().unwrap().iter().filter(|r| r["sentence"].as_str().unwrap().contains(words)).collect();
        assert_eq!(found.len(), 1, "{words}: {rows:#}");
        found[0]["id"].as_str().unwrap().to_string()
    }

    fn mark(&self, verdict: &str, words: &str, note: &str) {
        let id = self.id_of(words);
        self.stdout(&["review", verdict, &id, "--note", note, "--reviewer", "test"]);
    }

    /// (municipalities, of, mentions) for ai in 2025, and the whole report.
    fn ai_2025(&self, extra: &[&str]) -> ((u64, u64, u64), Value) {
        let mut args = vec!["report", "--format", "json"];
        args.extend_from_slice(extra);
        let report = self.json(&args);
        let ai = report["topics"].as_array().unwrap().iter().find(|t| t["id"] == "ai").unwrap();
        let cell = &ai["years"][0];
        let n = |k: &str| cell[k].as_u64().unwrap();
        ((n("municipalities"), n("of"), n("mentions")), report)
    }
}

fn municipality_ai(report: &Value, code: u64) -> u64 {
    let row = report["municipalities"].as_array().unwrap().iter().find(|m| m["code"] == code).unwrap();
    row["mentions"]["ai"].as_u64().unwrap()
}

#[test]
fn a_rejected_mention_leaves_the_counts_and_the_evidence_shows_it_rejected() {
    let setup = Setup::new();
    let (raw, report) = setup.ai_2025(&[]);
    assert_eq!(raw, (2, 2, 4));
    assert!(report["source"].get("reviews").is_none(), "no reviews file, no reviews section");

    setup.mark("--wrong", "Aarhus Idraet", "=foreningen, ikke kunstig intelligens");
    setup.mark("--wrong", "AI Sport", "forening");
    setup.mark("--right", "sagsbehandlingen", "");

    let (counted, report) = setup.ai_2025(&[]);
    // Copenhagen's only mention was rejected: it no longer mentions AI.
    assert_eq!(counted, (1, 2, 2));
    assert_eq!(municipality_ai(&report, 101), 0);
    assert_eq!(municipality_ai(&report, 751), 2);
    let reviews = &report["source"]["reviews"];
    assert_eq!(reviews["dropped"], 2);
    assert_eq!(reviews["orphaned"], 0);
    let ai = &reviews["topics"][0];
    assert_eq!((ai["id"].as_str(), ai["reviewed"].as_u64(), ai["rejected"].as_u64()), (Some("ai"), Some(3), Some(2)));
    let precision = &ai["precision"];
    assert!((precision["estimate"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert!(precision["low"].as_f64().unwrap() < 0.34 && precision["high"].as_f64().unwrap() > 0.34);

    // --ignore-reviews gives the raw counts back, and says so.
    let (ignored, report) = setup.ai_2025(&["--ignore-reviews"]);
    assert_eq!(ignored, raw);
    assert_eq!(report["source"]["reviews"]["ignored"], true);

    // The table says what was dropped and how precise the topic was.
    let table = setup.stdout(&["report", "--lang", "en"]);
    assert!(table.contains("rejected mentions dropped: 2"), "{table}");
    assert!(table.contains("Precision Artificial intelligence (AI): 33 % (6–79 %) of 3 reviewed, 2 wrong"), "{table}");

    // The report page's evidence is what its numbers count: rejected sentences are not among them.
    let html = setup.stdout(&["report", "--format", "html"]);
    assert!(html.contains("sagsbehandlingen") && !html.contains("Sport i Valby"), "rejected evidence on the page");
    let raw_html = setup.stdout(&["report", "--format", "html", "--ignore-reviews"]);
    assert!(raw_html.contains("Sport i Valby"));

    // The evidence still lists the rejected mentions, marked as such.
    let evidence = setup.json(&["evidence", "ai", "--json"]);
    let verdicts: Vec<(&str, Option<&str>)> =
        evidence.as_array().unwrap().iter().map(|e| (e["sentence"].as_str().unwrap(), e["verdict"].as_str())).collect();
    assert_eq!(verdicts.len(), 4);
    assert!(verdicts.contains(&("Der gives tilskud til foreningen AI Sport i Valby.", Some("wrong"))), "{verdicts:?}");
    assert!(verdicts.iter().any(|(s, v)| s.starts_with("Erfaringerne") && v.is_none()), "{verdicts:?}");
    let text = setup.stdout(&["evidence", "ai", "--municipality", "101"]);
    assert!(text.contains("1 rejected in review, not counted"), "{text}");
    assert!(text.contains("REJECTED in review: forening"), "{text}");
}

#[test]
fn the_evidence_csv_opens_with_the_right_columns_and_no_formula() {
    let setup = Setup::new();
    setup.mark("--wrong", "Aarhus Idraet", "=HYPERLINK(\"http://evil\")");
    let out = setup.run(&["evidence", "--format", "csv"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let body = text.strip_prefix('\u{feff}').expect("UTF-8 BOM for Excel");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header,
        [
            "topic",
            "id",
            "municipality",
            "code",
            "region",
            "year",
            "document",
            "page",
            "sentence",
            "match",
            "ocr",
            "verdict",
            "note"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Every hit of every topic, no cap: the four ai mentions are among them.
    assert_eq!(rows.iter().filter(|r| &r[0] == "ai").count(), 4);
    for row in &rows {
        assert!(row.iter().all(|cell| !cell.starts_with(['=', '+', '-', '@'])), "{row:?}");
    }
    let rejected = rows.iter().find(|r| r[8].contains("Aarhus Idraet")).unwrap();
    assert_eq!((&rejected[2], &rejected[3], &rejected[4], &rejected[5]), ("Aarhus", "751", "Midtjylland", "2025"));
    assert!(rejected[6].ends_with("corpus/2025/751-budgetaftale.pdf"), "{:?}", &rejected[6]);
    assert_eq!((&rejected[7], &rejected[9], &rejected[10], &rejected[11]), ("1", "AI", "nej", "wrong"));
    assert_eq!(&rejected[12], "'=HYPERLINK(\"http://evil\")");

    // NDJSON: one object per line with the same fields.
    let ndjson = setup.stdout(&["evidence", "ai", "--format", "ndjson"]);
    let lines: Vec<Value> = ndjson.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().any(|l| l["verdict"] == "wrong" && l["match"] == "AI" && l["region"] == "Midtjylland"));
}

#[test]
fn a_review_survives_a_re_ingest_that_moves_its_sentence() {
    let setup = Setup::new();
    setup.mark("--wrong", "AI Sport", "forening");
    assert_eq!(setup.ai_2025(&[]).0, (1, 2, 3));
    // Re-extracted: a new paragraph first, the sentence broken over two lines.
    let moved = [
        "Budgetaftale 2025 for Koebenhavns Kommune.",
        "Indledning: parterne er enige om rammerne.",
        "Der gives tilskud til foreningen AI",
        "Sport i Valby.",
        "Skoleomraadet styrkes med flere laerere.",
    ];
    setup.write("2025/101-budgetaftale.pdf", &moved);
    setup.ingest();
    let (counted, report) = setup.ai_2025(&[]);
    assert_eq!(counted, (1, 2, 3));
    assert_eq!(report["source"]["reviews"]["dropped"], 1);
    assert_eq!(report["source"]["reviews"]["orphaned"], 0);
}

#[test]
fn a_changed_sentence_makes_its_review_orphaned() {
    let setup = Setup::new();
    setup.mark("--wrong", "AI Sport", "forening");
    let changed = [
        "Budgetaftale 2025 for Koebenhavns Kommune.",
        "Der gives et forhoejet tilskud til foreningen AI Sport i Valby.",
        "Skoleomraadet styrkes med flere laerere.",
    ];
    setup.write("2025/101-budgetaftale.pdf", &changed);
    setup.ingest();
    let out = setup.run(&["report", "--format", "json"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 reviews in"), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["source"]["reviews"]["orphaned"], 1);
    assert_eq!(report["source"]["reviews"]["dropped"], 0);
    assert_eq!(municipality_ai(&report, 101), 1, "the orphaned review no longer removes anything");
    let orphans = setup.stdout(&["review", "--orphans"]);
    assert!(orphans.starts_with("1 of 1 reviews"), "{orphans}");
    assert!(orphans.contains("Der gives tilskud til foreningen AI Sport i Valby."), "{orphans}");
}

#[test]
fn the_audit_sample_is_reproducible_and_grows_by_extension() {
    let setup = Setup::new();
    let ids = |args: &[&str]| -> Vec<String> {
        let rows = setup.json(args);
        rows.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
    };
    let first = ids(&["review", "--sample", "2", "ai", "--json"]);
    assert_eq!(first.len(), 2);
    assert_eq!(first, ids(&["review", "--sample", "2", "ai", "--json"]));
    assert_eq!(first, ids(&["review", "--sample", "2", "ai", "--seed", "2026", "--json"]));
    let bigger = ids(&["review", "--sample", "3", "ai", "--json"]);
    assert!(first.iter().all(|id| bigger.contains(id)), "{first:?} ⊄ {bigger:?}");
    let all = ids(&["review", "ai", "--json"]);
    let draws: std::collections::BTreeSet<Vec<String>> =
        (1..=8).map(|seed| ids(&["review", "--sample", "2", "ai", "--seed", &seed.to_string(), "--json"])).collect();
    assert!(draws.len() > 1, "different seeds draw different samples");
    assert!(draws.iter().flatten().all(|id| all.contains(id)));
}

#[test]
fn an_unknown_id_is_a_usage_error_and_the_file_is_untouched() {
    let setup = Setup::new();
    let out = setup.run(&["review", "--wrong", "ffffffffffff"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no mention has id \"ffffffffffff\""));
    assert!(!Path::new(&setup.reviews).exists());
}

#[test]
fn topic_stats_show_each_patterns_yield_and_suggest_exclusions_from_rejections() {
    let setup = Setup::new();
    setup.mark("--wrong", "Aarhus Idraet", "forening");
    setup.mark("--right", "sagsbehandlingen", "");
    let out = setup.run(&["topics", "--stats", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ai = stats.as_array().unwrap().iter().find(|t| t["id"] == "ai").unwrap();
    assert_eq!((ai["mentions"].as_u64(), ai["municipalities"].as_u64()), (Some(4), Some(2)));
    let pattern = |source: &str| ai["patterns"].as_array().unwrap().iter().find(|p| p["pattern"] == source).unwrap();
    assert_eq!(pattern(r"\bAI\b")["mentions"], 4);
    assert_eq!(pattern(r"\bAI\b")["municipalities"], 2);
    assert_eq!(pattern(r"\bAI\b")["words"][0], serde_json::json!(["ai", 4]));
    assert_eq!(pattern(r"\bChatGPT\w*")["mentions"], 0, "a pattern that finds nothing says so");
    let rejected = &ai["rejected"][0];
    assert_eq!((rejected["matched"].as_str(), rejected["rejected"].as_u64()), (Some("ai"), Some(1)));
    assert_eq!(rejected["suggested_exclusion"], r"(?i)Idraet\s+\(AI\)");
    let text = setup.stdout(&["topics", "--stats"]);
    assert!(text.contains("finds nothing"), "{text}");
}

#[test]
fn a_cleared_verdict_counts_the_mention_again() {
    let setup = Setup::new();
    setup.mark("--wrong", "AI Sport", "forening");
    assert_eq!(setup.ai_2025(&[]).0, (1, 2, 3));
    let id = setup.id_of("AI Sport");
    let out = setup.stdout(&["review", "--clear", &id[..8]]);
    assert!(out.contains(&format!("{id} cleared (was wrong)")), "{out}");
    // Copenhagen's mention counts again, and the evidence shows it unreviewed.
    let (counted, report) = setup.ai_2025(&[]);
    assert_eq!(counted, (2, 2, 4));
    assert_eq!(municipality_ai(&report, 101), 1);
    let rows = setup.json(&["review", "ai", "--json"]);
    assert!(rows.as_array().unwrap().iter().all(|r| r["verdict"].is_null()), "{rows:#}");
    // Clearing what is not reviewed says so and changes nothing.
    let out = setup.stdout(&["review", "--clear", &id]);
    assert!(out.contains("was not reviewed"), "{out}");
    assert_eq!(setup.ai_2025(&[]).0, (2, 2, 4));
}
