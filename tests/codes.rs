//! README.md's "Codes" section lists exactly the codes of `Code::ALL`, and
//! each code serialises to the string the README gives it.

use customer_metrics::error::Code;
use std::collections::BTreeSet;

/// The codes in the first column of the tables of README's "### Codes".
fn readme_codes() -> Vec<String> {
    let readme = include_str!("../README.md");
    let start = readme
        .find("\n### Codes\n")
        .expect("README has a Codes section");
    let section = &readme[start + 1..];
    let end = section[4..]
        .find("\n## ")
        .into_iter()
        .chain(section[4..].find("\n### "))
        .min()
        .map_or(section.len(), |i| i + 4);
    section[..end]
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`'))
        .map(|(code, _)| code.to_string())
        .collect()
}

#[test]
fn the_readme_lists_every_code_and_no_other() {
    let listed: Vec<String> = readme_codes();
    assert!(listed.len() > 100, "{}", listed.len());
    let readme: BTreeSet<&str> = listed.iter().map(String::as_str).collect();
    let all: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let missing: Vec<_> = all.difference(&readme).collect();
    let unknown: Vec<_> = readme.difference(&all).collect();
    assert!(missing.is_empty(), "codes not in README: {missing:?}");
    assert!(unknown.is_empty(), "README codes not in Code: {unknown:?}");
    // Each code once per table: notANumber, invalidDate and the score codes
    // are both skipped-row reasons and errors, so twice at most.
    for code in &all {
        let n = listed.iter().filter(|c| c == code).count();
        assert!((1..=2).contains(&n), "{code} listed {n} times");
    }
}

#[test]
fn codes_serialise_to_their_strings() {
    // The JSON of a code is its string, and the strings are distinct camelCase.
    let mut seen = BTreeSet::new();
    for code in Code::ALL {
        let json = serde_json::to_string(code).unwrap();
        assert_eq!(json, format!("\"{}\"", code.as_str()));
        let s = code.as_str();
        assert!(s.chars().next().unwrap().is_ascii_lowercase(), "{s}");
        assert!(s.chars().all(|c| c.is_ascii_alphanumeric()), "{s}");
        assert!(seen.insert(s), "{s} twice");
    }
    assert_eq!(Code::InvalidDate.as_str(), "invalidDate");
    assert_eq!(Code::CrrAboveHundred, "crrAboveHundred");
}
