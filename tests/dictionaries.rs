//! The page's words for RFM segments and lifecycle stages
//! (`www/js/calc/i18n/segments.*.js`, `lifecycle.*.js`) cover every key the
//! core returns, in both languages, and the English ones are the core's
//! English `label`, `action`, `rule` and `offer`.
#![cfg(feature = "analytics")]

use customer_metrics::api::{self, Value};
use customer_metrics::metrics::rfm::rules;

const SEGMENTS_EN: &str = include_str!("../www/js/calc/i18n/segments.en.js");
const SEGMENTS_ID: &str = include_str!("../www/js/calc/i18n/segments.id.js");
const LIFECYCLE_EN: &str = include_str!("../www/js/calc/i18n/lifecycle.en.js");
const LIFECYCLE_ID: &str = include_str!("../www/js/calc/i18n/lifecycle.id.js");

/// A JS string literal as the dictionaries write it (JSON's quoting).
fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// The text of entry `key` of a dictionary: from `key: {` to its `}`.
fn entry<'a>(file: &'a str, key: &str) -> &'a str {
    let start = file
        .find(&format!("\n      {key}: {{"))
        .unwrap_or_else(|| panic!("no entry {key}"));
    let rest = &file[start + 1..];
    &rest[..rest.find('}').unwrap()]
}

#[test]
fn every_segment_has_its_words_in_both_languages() {
    let rules = rules();
    assert_eq!(rules.len(), 11);
    for rule in &rules {
        let en = entry(SEGMENTS_EN, rule.key);
        assert!(en.contains(&format!("label: {}", js(rule.label))), "{en}");
        assert!(en.contains(&js(rule.action)), "{en}");
        let id = entry(SEGMENTS_ID, rule.key);
        assert!(id.contains("label: \"") && id.contains("action:"), "{id}");
    }
    assert_eq!(SEGMENTS_EN.matches("        label: ").count(), rules.len());
    assert_eq!(SEGMENTS_ID.matches("        label: ").count(), rules.len());
    // "any score" joins no parts: the English word is the core's.
    assert!(SEGMENTS_EN.contains("rfmCondition: { and: \" and \", any: \"any score\" }"));
}

#[test]
fn every_stage_has_its_words_in_both_languages() {
    let text = "customer,date,amount\nA,2025-01-01,10\nB,2025-03-01,20\n";
    let r = api::lifecycle(&Value::object([("text", Value::from(text))])).unwrap();
    let l = &r.result;
    assert_eq!((l.stages.len(), l.win_back.len()), (4, 4));
    for s in &l.stages {
        let en = entry(LIFECYCLE_EN, s.key);
        assert!(
            en.contains(&format!("label: {}, rule: {}", js(s.label), js(s.rule))),
            "{en}"
        );
        assert!(entry(LIFECYCLE_ID, s.key).contains("rule: \""), "{}", s.key);
    }
    let win_back = |file: &'static str| &file[file.find("winBackStages").unwrap()..];
    for w in &l.win_back {
        let en = entry(win_back(LIFECYCLE_EN), w.key);
        assert!(
            en.contains(&format!("label: {}, offer: {}", js(w.label), js(w.offer))),
            "{en}"
        );
        assert!(
            entry(win_back(LIFECYCLE_ID), w.key).contains("offer: \""),
            "{}",
            w.key
        );
    }
}
