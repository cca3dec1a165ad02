//! Held-out evaluation of the shipped dictionary: `queries/heldout.toml` holds sentences in
//! real-world phrasing, written independently of the sample corpus, each with the exact
//! number of mentions expected per topic. This test prints per-topic precision and recall
//! (presence per case) and requires presence F1 ≥ 0.99 for every topic and the exact count
//! for every case.

mod common;

use std::collections::BTreeMap;

use kommunsk::analyse::TopicSet;
use serde::Deserialize;

/// The lowest presence F1 any topic may have on the held-out set.
const MIN_F1: f64 = 0.99;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeldOut {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    /// Topic id → exact number of mentions; topics not listed are not checked.
    expect: BTreeMap<String, usize>,
}

/// Presence confusion counts and exact-count agreement for one topic.
#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    exact: usize,
    checked: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// A ratio that is 1.0 when there is nothing to get wrong.
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

#[test]
fn heldout_precision_recall_and_exact_counts() {
    let root = common::root();
    let topics = TopicSet::load(&root.join("queries/topics.toml")).unwrap();
    let heldout: HeldOut =
        toml::from_str(&std::fs::read_to_string(root.join("queries/heldout.toml")).unwrap()).unwrap();

    let mut tallies: BTreeMap<&str, Tally> = topics.topics.iter().map(|t| (t.id.as_str(), Tally::default())).collect();
    let mut wrong = Vec::new();
    for case in &heldout.case {
        for (id, &want) in &case.expect {
            let topic =
                topics.get(id).unwrap_or_else(|| panic!("held-out case names unknown topic {id:?}: {:?}", case.text));
            let got = topic.count(&case.text);
            let tally = tallies.get_mut(id.as_str()).unwrap();
            tally.checked += 1;
            match (want > 0, got > 0) {
                (true, true) => tally.tp += 1,
                (false, true) => tally.fp += 1,
                (true, false) => tally.fn_ += 1,
                (false, false) => tally.tn += 1,
            }
            if got == want {
                tally.exact += 1;
            } else {
                wrong.push(format!("{id}: expected {want}, got {got}: {:?}", case.text));
            }
        }
    }

    println!(
        "{:<24} {:>5} {:>4} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6} {:>9}",
        "topic", "cases", "TP", "FP", "FN", "TN", "P", "R", "F1", "exact"
    );
    for (id, t) in &tallies {
        println!(
            "{id:<24} {:>5} {:>4} {:>4} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3} {:>4}/{:<4}",
            t.checked,
            t.tp,
            t.fp,
            t.fn_,
            t.tn,
            t.precision(),
            t.recall(),
            t.f1(),
            t.exact,
            t.checked
        );
    }
    for line in &wrong {
        println!("WRONG {line}");
    }

    for (id, t) in &tallies {
        assert!(t.tp + t.fn_ > 0 && t.tn + t.fp > 0, "{id}: the held-out set needs positives and negatives");
    }
    let weak: Vec<String> =
        tallies.iter().filter(|(_, t)| t.f1() < MIN_F1).map(|(id, t)| format!("{id} F1 {:.3}", t.f1())).collect();
    assert!(weak.is_empty(), "presence F1 below {MIN_F1}: {}", weak.join(", "));
    assert!(wrong.is_empty(), "{} held-out cases with a wrong count:\n{}", wrong.len(), wrong.join("\n"));
}
