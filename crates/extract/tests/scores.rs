//! Extraction quality floor on the shared fixtures, scored exactly as `../shared/fixtures/score.py`
//! does (Levenshtein indel ratio after expanding ligatures and collapsing whitespace): every file
//! at or above 0.99 and above both pdftotext's and mutool's score for that file.

use kommunsk_extract::{extract_path, Limits};

use crate::util::shared;

/// score.py's normalisation: ligature characters to letters, whitespace runs to one space.
fn normalise(text: &str) -> Vec<char> {
    let expanded = text
        .replace('ﬀ', "ff")
        .replace('ﬁ', "fi")
        .replace('ﬂ', "fl")
        .replace('ﬃ', "ffi")
        .replace('ﬄ', "ffl")
        .replace('ﬅ', "ft")
        .replace('ﬆ', "st");
    expanded.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect()
}

fn score(truth: &str, extracted: &str) -> f64 {
    rapidfuzz::distance::indel::normalized_similarity(normalise(truth), normalise(extracted))
}

#[test]
fn every_fixture_beats_pdftotext_and_mutool_and_the_mean_is_at_least_0_995() {
    let dir = shared().join("fixtures");
    let baseline = std::fs::read_to_string(dir.join("baseline.csv")).unwrap();
    let manifest = std::fs::read_to_string(dir.join("manifest.csv")).unwrap();
    let mut short = Vec::new();
    let mut scores = Vec::new();
    for line in manifest.lines().skip(1) {
        let mut cells = line.split(',');
        let (pdf, truth) = (cells.next().unwrap(), cells.next().unwrap());
        let name = pdf.trim_start_matches("pdf/");
        let base = baseline.lines().find(|l| l.starts_with(&format!("{name},"))).unwrap();
        let need = base.split(',').skip(1).take(2).map(|v| v.parse::<f64>().unwrap()).fold(0.99, f64::max);
        let text = extract_path(&dir.join(pdf), &Limits::default()).unwrap().body_text();
        let got = score(&std::fs::read_to_string(dir.join(truth)).unwrap(), &text);
        scores.push(got);
        if got < need {
            short.push(format!("{name}: {got:.4} < {need:.4}"));
        }
    }
    assert_eq!(scores.len(), 15);
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    assert!(short.is_empty(), "below target:\n{}", short.join("\n"));
    assert!(mean >= 0.995, "mean {mean:.4}");
}
