//! The installed binary works from any folder: a copy of it, run from an empty working directory
//! that holds nothing but a corpus, ingests and reports with the built-in topic dictionary; a
//! dictionary exported beside the corpus is then picked up, and `--topics` beats both.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{place, root, s};

/// Runs the copied binary in `cwd`.
fn run(binary: &Path, cwd: &Path, args: &[&str]) -> Output {
    let out = Command::new(binary).args(args).current_dir(cwd).output().expect("the copied binary runs");
    assert!(
        out.status.success(),
        "kommunsk {args:?} in {} failed: {}",
        cwd.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn report_json(binary: &Path, cwd: &Path, args: &[&str]) -> serde_json::Value {
    let out = run(binary, cwd, args);
    serde_json::from_slice(&out.stdout).expect("report --format json prints JSON")
}

#[test]
fn installed_binary_reports_from_an_empty_folder() {
    let tmp = tempfile::tempdir().unwrap();
    // "Installed": the built binary copied somewhere outside the repository.
    let binary = tmp.path().join("bin/kommunsk");
    place(tmp.path(), "bin/kommunsk", Path::new(env!("CARGO_BIN_EXE_kommunsk")));
    let data = tmp.path().join("data");
    for (year, file) in [("2024", "aarhus-budgetaftale-2024.pdf"), ("2025", "751-budgetaftale.pdf")] {
        place(&data, &format!("corpus/{year}/{file}"), &root().join("corpus").join(year).join(file));
    }
    let cwd = tmp.path().join("work");
    std::fs::create_dir_all(&cwd).unwrap();
    let corpus = data.join("corpus");

    run(&binary, &cwd, &["ingest", s(&corpus), "--index", "idx"]);
    let report = report_json(&binary, &cwd, &["report", "--index", "idx", "--format", "json"]);
    let source = report["source"]["topics_file"].as_str().expect("the report names its dictionary");
    assert!(source.starts_with("built-in ("), "{source}");
    assert_eq!(report["source"]["documents"], 2);
    let ai = report["topics"].as_array().unwrap().iter().find(|t| t["id"] == "ai").expect("the built-in topics");
    assert_eq!(ai["years"].as_array().unwrap().len(), 2);
    let table = String::from_utf8(run(&binary, &cwd, &["report", "--index", "idx"]).stdout).unwrap();
    assert!(table.contains(source), "the table names the dictionary:\n{table}");

    // An editable copy beside the corpus is picked up by the next report.
    let copy = data.join("queries/topics.toml");
    run(&binary, &cwd, &["topics", "--export", s(&copy)]);
    let exported = std::fs::read_to_string(&copy).unwrap();
    assert_eq!(exported, std::fs::read_to_string(root().join("queries/topics.toml")).unwrap());
    std::fs::write(&copy, exported.replace("Kunstig intelligens (AI)", "AI (min udgave)")).unwrap();
    let report = report_json(&binary, &cwd, &["report", "--index", "idx", "--format", "json"]);
    assert_eq!(report["source"]["topics_file"], s(&copy));
    let ai = report["topics"].as_array().unwrap().iter().find(|t| t["id"] == "ai").unwrap();
    assert_eq!(ai["label"], "AI (min udgave)");

    // Exporting never overwrites the user's edits.
    let again = Command::new(&binary).args(["topics", "--export", s(&copy)]).current_dir(&cwd).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(std::fs::read_to_string(&copy).unwrap().contains("AI (min udgave)"));

    // A named dictionary beats the one beside the corpus.
    let named = report_json(
        &binary,
        &cwd,
        &["report", "--index", "idx", "--format", "json", "--topics", s(&root().join("queries/topics.toml"))],
    );
    assert_eq!(named["source"]["topics_file"], s(&root().join("queries/topics.toml")));
}
