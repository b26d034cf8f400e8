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
