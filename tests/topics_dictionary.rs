//! The shipped dictionary: required topics present, every example and counterexample behaves.

mod common;

use kommunsk::analyse::topics::REQUIRED_TOPIC_IDS;
use kommunsk::analyse::TopicSet;

fn shipped() -> TopicSet {
    TopicSet::load(&common::root().join("queries/topics.toml")).unwrap()
}

#[test]
fn required_and_report_topics_are_defined() {
    let set = shipped();
    let ids: Vec<&str> = set.topics.iter().map(|t| t.id.as_str()).collect();
    for id in REQUIRED_TOPIC_IDS {
        assert!(ids.contains(id), "missing required topic {id}");
    }
    for id in [
        "school",
        "elderly_care",
        "welfare_technology",
        "recruitment",
        "health_reform",
        "green_tripartite",
        "renewable_energy",
        "emergency_preparedness",
        "civil_society",
    ] {
        assert!(ids.contains(&id), "missing topic {id} from the consultancy report's themes");
    }
}

#[test]
fn every_topic_has_examples_both_ways_and_they_all_hold() {
    let set = shipped();
    for topic in &set.topics {
        assert!(!topic.examples.is_empty(), "{} has no examples", topic.id);
        assert!(!topic.counterexamples.is_empty(), "{} has no counterexamples", topic.id);
    }
    let failures = set.check_examples();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn traps_and_one_mention_rules() {
    let set = shipped();
    let count = |id: &str, text: &str| set.get(id).unwrap().count(text);
    assert_eq!(count("ai", "Vi vil bruge kunstig intelligens (AI). Vi indfører AI-løsninger."), 2);
    assert_eq!(count("ai", "Send en e-mail eller en MAIL til detailhandlen."), 0);
    assert_eq!(count("cyber", "Cyber- og informationssikkerhed skal styrkes."), 1);
    assert_eq!(count("cyber", "Trafiksikkerhed og tryghed og sikkerhed for borgerne."), 0);
    assert_eq!(count("nis2", "NIS 2 og NIS-2"), 1);
    assert_eq!(count("nis2", "Implementering af NIS2-direktivet."), 1);
    assert_eq!(count("nis2", "Underskrevet af Nis Hansen (V)."), 0);
    assert_eq!(count("climate", "Et godt arbejdsklima, skoleklima og læringsklima."), 0);
    assert_eq!(count("climate", "Klimatilpasningsplanen vedtages."), 1);
}
