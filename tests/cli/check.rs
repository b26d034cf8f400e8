//! `redline check`: verdicts, exit status and every output format.

use super::run;

const OLD: &str = "fixtures/renumbered/old.txt";
const NEW: &str = "fixtures/renumbered/new.txt";
const WATCH: &str = "fixtures/watch/ok.toml";

#[test]
fn rules_hold_on_a_renumbering() {
    let (status, out, _) = run(&["check", "--watch", WATCH, OLD, NEW]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("ok   technical-community"), "{out}");
    assert!(out.contains("all 2 topics hold"), "{out}");
}

#[test]
fn removal_fails_a_fail_on_rule_in_every_format() {
    // Reversed: the newest draft is the old fixture, so nothing is removed... build a real
    // removal by judging the new draft against an empty one the other way round.
    let (status, out, _) = run(&["check", "--watch", WATCH, NEW, "fixtures/bad/empty.txt"]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("FAIL technical-community"), "{out}");
    assert!(out.contains("fail_on = \"removed\""), "{out}");
    assert!(out.contains("require = \"present\""), "{out}");

    let (status, out, _) = run(&[
        "check",
        "-w",
        WATCH,
        NEW,
        "fixtures/bad/empty.txt",
        "-f",
        "json",
    ]);
    assert_eq!(status, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "redline.check/1");
    assert_eq!(v["ok"], false);
    let tc = &v["topics"][1];
    assert_eq!(tc["name"], "technical-community");
    assert_eq!(tc["ok"], false);
    assert_eq!(tc["events"][0]["effect"], "removed");
    assert_eq!(tc["events"][0]["old_label"], "3");
    assert!(tc["events"][0]["new_label"].is_null());

    let (_, out, _) = run(&[
        "check",
        "-w",
        WATCH,
        NEW,
        "fixtures/bad/empty.txt",
        "-f",
        "github",
    ]);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("::error file="), "{out}");
    assert!(first.contains("renumbered/new.txt,line=7,"), "{out}");

    let (_, out, _) = run(&[
        "check",
        "-w",
        WATCH,
        NEW,
        "fixtures/bad/empty.txt",
        "-f",
        "junit",
    ]);
    assert!(
        out.contains("<testcase name=\"technical-community\""),
        "{out}"
    );
    assert!(out.contains("failures=\"1\""), "{out}");

    let (_, out, _) = run(&[
        "check",
        "-w",
        WATCH,
        NEW,
        "fixtures/bad/empty.txt",
        "-f",
        "markdown",
    ]);
    assert!(
        out.contains("| technical-community | **fail** | removed |"),
        "{out}"
    );
}

#[test]
fn check_needs_a_watch_file() {
    let (status, _, err) = run(&["check", OLD, NEW]);
    assert_eq!(status, 2);
    assert!(err.contains("no watch file"), "{err}");
}

const ZERO: &str = "drafts/wsis20/zero-draft.txt";
const REV1: &str = "drafts/wsis20/rev1.txt";
const REV2: &str = "drafts/wsis20/rev2.txt";
const COALITION: &str = "drafts/wsis20/watch.toml";

#[test]
fn zero_to_rev1_fails_on_removed_fragmentation_language() {
    let (status, out, _) = run(&["check", "--watch", COALITION, ZERO, REV1, "-f", "json"]);
    assert_eq!(status, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let failed: Vec<&str> = v["topics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["ok"] == false)
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["fragmentation"]);
    let frag = topic(&v, "fragmentation");
    let rules: Vec<&str> = frag["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"fail_on = \"removed\""), "{rules:?}");
    assert!(rules.contains(&"require = \"present\""), "{rules:?}");
}

#[test]
fn zero_rev1_rev2_passes_and_reports_the_reinstatement() {
    // The watch file is found beside the drafts.
    let (status, out, err) = run(&["check", ZERO, REV1, REV2]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("ok   fragmentation"), "{out}");
    assert!(out.contains("↩ reinstated"), "{out}");
    assert!(out.contains("all 9 topics hold"), "{out}");

    let (_, out, _) = run(&["check", "drafts/wsis20", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(v["new"]["name"], "Rev 2");
    let frag = topic(&v, "fragmentation");
    let effects: Vec<&str> = frag["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["effect"].as_str().unwrap())
        .collect();
    assert_eq!(effects, ["reinstated", "reinstated"]);

    let (status, out, _) = run(&["check", "drafts/wsis20", "-f", "github"]);
    assert_eq!(status, 0);
    assert!(!out.contains("::error"), "{out}");
    assert!(
        out.contains("::notice file=drafts/wsis20/rev2.txt,line="),
        "{out}"
    );
    assert!(out.contains("fragmentation reinstated"), "{out}");

    let (_, out, _) = run(&["check", "drafts/wsis20", "-f", "junit"]);
    assert!(
        out.contains("tests=\"9\"") && out.contains("failures=\"0\""),
        "{out}"
    );

    let (_, out, _) = run(&["check", "drafts/wsis20", "-f", "markdown"]);
    assert!(
        out.contains("| fragmentation | ok | reinstated, reinstated |"),
        "{out}"
    );
}

#[test]
fn topics_shows_paragraphs_per_draft_and_events() {
    let (status, out, _) = run(&["topics", "drafts/wsis20", "--topic", "fragmentation"]);
    assert_eq!(status, 0);
    assert!(out.starts_with("fragmentation — "), "{out}");
    assert!(out.contains("Rev 1: —"), "{out}");
    assert!(
        out.contains("Zero Draft → Rev 1: removed ¶ 35 → —"),
        "{out}"
    );
    assert!(out.contains("Rev 1 → Rev 2: reinstated — → ¶ 38"), "{out}");
    assert!(!out.contains("permanent-igf"), "{out}");
}

/// The verdict on the topic called `name` in a `redline.check/1` payload.
fn topic<'v>(verdict: &'v serde_json::Value, name: &str) -> &'v serde_json::Value {
    verdict["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("no topic {name}"))
}
