//! Search over the shared fixtures: phrases land on the right page of the right file, folded
//! spellings find Danish words, filters narrow by municipality, and the JSON contract holds.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use common::*;
use serde_json::Value;

/// Ingests all fixture PDFs once (as a 2024 corpus) for every test in this file.
fn index() -> &'static PathBuf {
    static INDEX: OnceLock<PathBuf> = OnceLock::new();
    INDEX.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap().keep();
        let corpus = tmp.join("corpus");
        for entry in std::fs::read_dir(shared().join("fixtures/pdf")).unwrap() {
            let path = entry.unwrap().path();
            place(&corpus, &format!("2024/{}", path.file_name().unwrap().to_str().unwrap()), &path);
        }
        let index = tmp.join("index");
        let summary = kommunsk_json(&["ingest", s(&corpus), "--index", s(&index), "--json"]);
        assert_eq!(summary["indexed"], 15, "{summary:#}");
        index
    })
}

fn search(args: &[&str]) -> Value {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--index", s(index()), "--json", "--limit", "50"]);
    kommunsk_json(&all)
}

/// (file name, page) of every hit.
fn pages(result: &Value) -> BTreeSet<(String, u64)> {
    result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let path = h["path"].as_str().unwrap();
            (path.rsplit('/').next().unwrap().to_string(), h["page"].as_u64().unwrap())
        })
        .collect()
}

fn expect(list: &[(&str, u64)]) -> BTreeSet<(String, u64)> {
    list.iter().map(|(f, p)| (f.to_string(), *p)).collect()
}

#[test]
fn phrase_hits_cite_the_right_pages() {
    let found = search(&["\"Lånepulje for botilbud\""]);
    assert_eq!(
        pages(&found),
        expect(&[
            ("kkr-hovedstaden-dagsorden-chromium-1col.pdf", 2),
            ("kkr-hovedstaden-dagsorden-pdflatex-2col.pdf", 1),
            ("kkr-hovedstaden-dagsorden-qpdf-pdflatex-1col.pdf", 2),
        ])
    );
    assert_eq!(found["total"], 3);
    let found = search(&["\"Drop ikke støtten\""]);
    assert_eq!(
        pages(&found),
        expect(&[
            ("kkr-hovedstaden-dagsorden-chromium-1col.pdf", 6),
            ("kkr-hovedstaden-dagsorden-pdflatex-2col.pdf", 5),
            ("kkr-hovedstaden-dagsorden-qpdf-pdflatex-1col.pdf", 7),
        ])
    );
}

#[test]
fn ascii_spellings_find_danish_words() {
    // Both words on the page (table cells may put them on different lines).
    let danish = pages(&search(&["Kløvermarkens Idrætsanlæg"]));
    assert_eq!(
        danish,
        expect(&[
            ("kk-effektiviseringsforslag-gs-chromium-1col.pdf", 3),
            ("kk-effektiviseringsforslag-libreoffice-2col.pdf", 4),
            ("kk-effektiviseringsforslag-pdflatex-1col.pdf", 4),
        ])
    );
    assert_eq!(pages(&search(&["klovermarkens idraetsanlaeg"])), danish);
}

#[test]
fn hits_carry_metadata_and_a_highlighted_snippet() {
    let found = search(&["Lånepulje"]);
    let hit = &found["hits"][0];
    for key in ["path", "municipality", "year", "page", "score", "snippet"] {
        assert!(hit.get(key).is_some(), "hit lacks {key}: {hit:#}");
    }
    assert_eq!(hit["year"], 2024);
    assert!(hit["snippet"].as_str().unwrap().contains("<b>Lånepulje</b>"), "{hit:#}");
}

#[test]
fn municipality_filter_accepts_names_ascii_forms_and_codes() {
    let all = search(&["investeringspuljerne"]);
    let kk = search(&["investeringspuljerne", "--municipality", "København"]);
    assert!(kk["total"].as_u64().unwrap() > 0);
    for hit in kk["hits"].as_array().unwrap() {
        assert_eq!(hit["municipality"], "København");
    }
    assert_eq!(search(&["investeringspuljerne", "--municipality", "koebenhavn"])["total"], kk["total"]);
    assert_eq!(search(&["investeringspuljerne", "--municipality", "101"])["total"], kk["total"]);
    assert!(all["total"].as_u64() >= kk["total"].as_u64());
    assert_eq!(search(&["investeringspuljerne", "--municipality", "Aarhus"])["total"], 0);
}

#[test]
fn bad_filters_are_usage_errors() {
    let out = kommunsk(&["search", "x", "--index", s(index()), "--region", "Atlantis"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown region \"Atlantis\""));
}

#[test]
fn bare_prefixes_match_word_beginnings() {
    // Regression: tantivy's parser reads `lånepul*` as the word "lånepul" and finds nothing.
    let exact = pages(&search(&["Lånepulje"]));
    let prefixed = pages(&search(&["lånepul*"]));
    assert!(!exact.is_empty());
    assert!(exact.is_subset(&prefixed), "{exact:?} vs {prefixed:?}");
    assert_eq!(pages(&search(&["lanepul*"])), prefixed, "folded prefix");
    let without = pages(&search(&["Lånepulje -botil*"]));
    assert!(without.len() < exact.len(), "negated prefix excludes pages");
}

#[test]
fn prefixes_combine_with_boolean_operators() {
    // Regression: `cyber* OR NIS2` was refused ("OR" was left at the start of the parsed text)
    // and a prefix was always required, whatever the operator.
    let prefixed = pages(&search(&["lånepul*"]));
    let word = pages(&search(&["effektiviseringsforslag"]));
    assert!(!prefixed.is_empty() && !word.is_empty() && prefixed != word, "{prefixed:?} vs {word:?}");
    let either: BTreeSet<_> = prefixed.union(&word).cloned().collect();
    assert_eq!(pages(&search(&["lånepul* OR effektiviseringsforslag"])), either);
    assert_eq!(pages(&search(&["(effektiviseringsforslag OR lånepul*)"])), either);
    let both: BTreeSet<_> = prefixed.intersection(&word).cloned().collect();
    assert_eq!(pages(&search(&["lånepul* AND effektiviseringsforslag"])), both);
    let out = kommunsk(&["search", "-lånepul*", "--index", s(index())]);
    assert_eq!(out.status.code(), Some(2), "only an excluded prefix is nothing to look for");
}

#[test]
fn a_kept_open_index_finds_the_same_compounds() {
    // From its second search on, a kept-open index looks compounds up in sorted reversed terms
    // instead of scanning the term dictionaries; the hits must not change.
    let request = kommunsk::search::SearchRequest { query: "forslag".into(), limit: 50, ..Default::default() };
    let once = kommunsk::search::search(index(), &request).unwrap();
    let kept = kommunsk::search::SearchIndex::open(index()).unwrap();
    let key = |r: &kommunsk::search::SearchResults| -> Vec<(String, u32)> {
        r.hits.iter().map(|h| (h.path.clone(), h.page)).collect()
    };
    assert!(once.hits.iter().any(|h| h.snippet.to_lowercase().contains("effektiviseringsforslag")), "a compound hit");
    for _ in 0..3 {
        let again = kept.search(&request).unwrap();
        assert_eq!((again.total, key(&again)), (once.total, key(&once)));
    }
}

#[test]
fn the_reversed_terms_written_by_ingest_find_the_same_compounds_as_a_scan() {
    // Ingest writes each segment's reversed, sorted terms beside the index; a one-shot search
    // looks compounds up there. Without those files it scans the term dictionaries instead.
    let stored = index().join(kommunsk::index::reversed_terms::DIR);
    assert!(std::fs::read_dir(&stored).unwrap().count() > 0, "ingest wrote reversed terms");
    let scanned = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(index()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, scanned.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let key = |r: &kommunsk::search::SearchResults| -> Vec<(String, u32, String)> {
        r.hits.iter().map(|h| (h.path.clone(), h.page, h.snippet.clone())).collect()
    };
    for query in ["forslag", "strategi", "investering", "sikkerhed"] {
        let request = kommunsk::search::SearchRequest { query: query.into(), limit: 50, ..Default::default() };
        let with_files = kommunsk::search::search(index(), &request).unwrap();
        let without = kommunsk::search::search(scanned.path(), &request).unwrap();
        assert_eq!((with_files.total, key(&with_files)), (without.total, key(&without)), "{query}");
    }
}
