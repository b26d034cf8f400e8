//! `redline diff`: terminal and JSON output, exit status, colour, output files.

use serde::Deserialize;
use tempfile::TempDir;

use super::{redline, run, stdout};

/// The consumer's copy of `redline.diff/1`: what another tool would deserialise.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Diff {
    schema: String,
    old: Doc,
    new: Doc,
    changes: Vec<Change>,
    summary: std::collections::BTreeMap<String, usize>,
    sections: Vec<Tally>,
    topics: Vec<Tally>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Tally {
    name: String,
    changed: usize,
    words_added: usize,
    words_removed: usize,
}

#[derive(Deserialize)]
struct Doc {
    schema: String,
    source: String,
    brackets: usize,
    paragraphs: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Change {
    reference: String,
    kind: String,
    old: Vec<usize>,
    new: Vec<usize>,
    old_labels: Vec<Option<String>>,
    new_labels: Vec<Option<String>>,
    similarity: f64,
    spans: Vec<Span>,
    topics: Vec<serde_json::Value>,
    strength: Vec<serde_json::Value>,
    brackets: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Span {
    op: String,
    text: String,
    edit: Option<String>,
}

const OLD: &str = "fixtures/renumbered/old.txt";
const NEW: &str = "fixtures/renumbered/new.txt";

#[test]
fn renumbering_alone_is_not_a_change() {
    let (status, out, _) = run(&["diff", OLD, NEW, "--format", "json"]);
    assert_eq!(status, 1);
    let diff: Diff = serde_json::from_str(&out).unwrap();
    assert_eq!(diff.schema, "redline.diff/1");
    assert_eq!(diff.old.schema, "redline.document/1");
    assert!(diff.new.source.ends_with("new.txt"));
    assert_eq!(diff.old.paragraphs.len(), 4);
    let kinds: Vec<&str> = diff.changes.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "unchanged",
            "inserted",
            "unchanged",
            "unchanged",
            "unchanged"
        ]
    );
    let renumbered = &diff.changes[2];
    assert_eq!(renumbered.old_labels, [Some("1".to_string())]);
    assert_eq!(renumbered.new_labels, [Some("2".to_string())]);
    assert_eq!(
        (renumbered.old.clone(), renumbered.new.clone()),
        (vec![1], vec![2])
    );
    assert_eq!(renumbered.similarity, 1.0);
    assert!(renumbered.topics.is_empty());
    assert_eq!(diff.summary["unchanged"], 4);
    assert_eq!(diff.summary["inserted"], 1);
    assert_eq!(diff.summary["moved"], 0);
    let inserted = &diff.changes[1];
    assert_eq!(inserted.reference, "new:OP1");
    assert_eq!(renumbered.reference, "new:OP2");
    assert_eq!(inserted.spans.len(), 1);
    assert_eq!(inserted.spans[0].op, "insert");
    assert_eq!(inserted.spans[0].edit.as_deref(), Some("new:OP1.1"));
    assert!(inserted.spans[0].text.starts_with("We welcome"));
    assert!(renumbered.spans.iter().all(|s| s.edit.is_none()));
    assert!(inserted.strength.is_empty() && inserted.brackets.is_empty());
    assert_eq!(diff.old.brackets, 0);
    assert_eq!(diff.sections.len(), 1);
    assert_eq!(diff.sections[0].name, "I. Introduction");
    assert_eq!(
        (
            diff.sections[0].changed,
            diff.sections[0].words_added,
            diff.sections[0].words_removed
        ),
        (1, 9, 0)
    );
    assert!(diff.topics.is_empty());
}

#[test]
fn same_draft_exits_zero_and_output_is_repeatable() {
    let (status, out, _) = run(&["diff", OLD, OLD]);
    assert_eq!(status, 0);
    assert!(out.contains("4 unchanged"), "{out}");
    let (_, a, _) = run(&["diff", OLD, NEW, "--format", "json"]);
    let (_, b, _) = run(&["diff", OLD, NEW, "--format", "json"]);
    assert_eq!(a, b);
}

#[test]
fn terminal_view_without_colour_uses_wdiff_marks() {
    let (status, out, _) = run(&["diff", OLD, NEW]);
    assert_eq!(status, 1);
    assert!(
        !out.contains('\u{1b}'),
        "no escape codes when not a terminal"
    );
    assert!(out.contains("— → ¶ 1 · inserted"), "{out}");
    assert!(
        out.contains("{+We welcome the adoption of the Global Digital Compact.+}"),
        "{out}"
    );
    assert!(
        out.contains("··· 3 unchanged paragraphs not shown ···"),
        "{out}"
    );
}

#[test]
fn colour_always_styles_and_no_color_is_honoured_in_auto() {
    let (_, out, _) = run(&["diff", OLD, NEW, "--color", "always"]);
    assert!(out.contains("\u{1b}[32"), "green insertion: {out}");
    let out = redline()
        .args(["diff", OLD, NEW])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&out).contains('\u{1b}'));
}

#[test]
fn stat_prints_the_summary_only() {
    let (_, out, _) = run(&["diff", OLD, NEW, "--stat"]);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(
        out.contains("I. Introduction    1 changed  +9    -0"),
        "{out}"
    );
    assert!(
        out.contains("4 → 5 paragraphs: 4 unchanged, 1 inserted"),
        "{out}"
    );
}

#[test]
fn context_shows_unchanged_neighbours() {
    let (_, out, _) = run(&["diff", OLD, NEW, "--context", "1"]);
    assert!(out.contains("I → I · unchanged"), "{out}");
    assert!(out.contains("¶ 1 → ¶ 2 · unchanged"), "{out}");
    assert!(!out.contains("¶ 3 → ¶ 4"), "{out}");
}

#[test]
fn output_file_is_written_whole() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("diff.json");
    let (status, out, _) = run(&["diff", OLD, NEW, "-f", "json", "-o", file.to_str().unwrap()]);
    assert_eq!(status, 1);
    assert!(out.is_empty());
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("\"schema\": \"redline.diff/1\""));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary left"
    );
}

#[test]
fn standard_input_is_a_draft() {
    let out = redline()
        .args(["diff", "-", NEW])
        .write_stdin(std::fs::read_to_string(super::path(OLD)).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("- → "), "{}", stdout(&out));
}

#[test]
fn topics_tag_changes_and_filter_the_view() {
    let (_, out, _) = run(&[
        "diff",
        OLD,
        NEW,
        "--watch",
        "fixtures/watch/ok.toml",
        "--topic",
        "igf",
        "-f",
        "json",
    ]);
    let diff: Diff = serde_json::from_str(&out).unwrap();
    assert!(diff.changes.is_empty(), "no change touches the IGF");
}

#[test]
fn html_is_self_contained_and_escapes_hostile_drafts() {
    let (status, out, _) = run(&[
        "diff",
        "fixtures/hostile/old.txt",
        "fixtures/hostile/new.txt",
        "--format",
        "html",
    ]);
    assert_eq!(status, 1);
    assert!(out.starts_with("<!DOCTYPE html>"), "{}", &out[..40]);
    // Only the page's own script; the draft's markup shows as text.
    assert_eq!(out.matches("<script").count(), 1);
    assert!(!out.contains("<img"));
    assert!(
        out.contains("script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
        "{out}"
    );
    assert!(out.contains("onerror=alert(1)&gt;"));
    for external in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(!out.contains(external), "fetches nothing: {external}");
    }
    assert!(out.contains("<del>") && out.contains("<ins>"));
    assert!(out.contains("@media print"));
}

/// An Internet-Draft in the RFC series' plain-text layout (`fixtures/ietf`, made by
/// `make.py`): running headers and "[Page N]" footers with form feeds, body indented, numbered
/// sections "3.1.". Furniture is gone, the paragraph over the page break is one paragraph,
/// sections are headings labelled by their numbers, and -00 -> -01 finds exactly the edits
/// `make.py` made: a reworded paragraph, a deleted one, an inserted section, renumbered
/// sections unchanged.
#[test]
fn ietf_plain_text_drafts() {
    let (code, out, _) = run(&["parse", "--format", "json", "fixtures/ietf/draft-00.txt"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let paragraphs = doc["paragraphs"].as_array().unwrap();
    let headings: Vec<(&str, &str)> = paragraphs
        .iter()
        .filter(|p| p["kind"] == "heading")
        .map(|p| {
            (
                p["label"].as_str().unwrap_or(""),
                p["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        headings,
        [
            ("", "Abstract"),
            ("1", "Introduction"),
            ("2", "Terminology"),
            ("3", "Reading Drafts"),
            ("3.1", "Labels"),
            ("3.2", "Footnotes"),
            ("3.3", "Page Furniture"),
            ("4", "Security Considerations"),
            ("5", "IANA Considerations"),
        ]
    );
    for p in paragraphs {
        let text = p["text"].as_str().unwrap();
        assert!(
            !text.contains("[Page") && !text.contains("Expires 3 December"),
            "{text}"
        );
    }
    assert!(paragraphs.iter().any(|p| {
        let text = p["text"].as_str().unwrap();
        text.starts_with("Labels that carry a Latin suffix") && text.ends_with("part of the label.")
    }));

    let (code, out, _) = run(&[
        "diff",
        "--format",
        "json",
        "fixtures/ietf/draft-00.txt",
        "fixtures/ietf/draft-01.txt",
    ]);
    assert_eq!(code, 1);
    let diff: Diff = serde_json::from_str(&out).unwrap();
    let kinds = |k: &str| diff.changes.iter().filter(|c| c.kind == k).count();
    // Modified: the cover block's dates, the version in the title, the introduction.
    assert_eq!(
        (
            kinds("modified"),
            kinds("deleted"),
            kinds("inserted"),
            kinds("unchanged")
        ),
        (3, 1, 2, 17)
    );
    let renumbered: Vec<_> = diff
        .changes
        .iter()
        .filter(|c| c.kind == "unchanged" && c.old_labels != c.new_labels)
        .map(|c| (c.old_labels.clone(), c.new_labels.clone()))
        .collect();
    assert_eq!(
        renumbered,
        [
            (vec![Some("3.2".to_string())], vec![Some("3.3".to_string())]),
            (vec![Some("3.3".to_string())], vec![Some("3.4".to_string())]),
        ]
    );
}
