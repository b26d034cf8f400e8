//! `redline history`: steps, reinstated language, concordance, folders and manifests.

use super::run;

#[test]
fn two_drafts_give_one_step_in_json() {
    let (status, out, _) = run(&[
        "history",
        "fixtures/renumbered/old.txt",
        "fixtures/renumbered/new.txt",
        "-f",
        "json",
    ]);
    assert_eq!(status, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "redline.history/1");
    assert_eq!(v["drafts"].as_array().unwrap().len(), 2);
    assert_eq!(v["steps"][0]["old"], 0);
    assert_eq!(v["steps"][0]["new"], 1);
    assert!(v["steps"][0].get("old_document").is_none());
    assert!(v["reinstated"].as_array().unwrap().is_empty());
}

#[test]
fn one_draft_is_not_a_history() {
    let (status, _, err) = run(&["history", "fixtures/renumbered/old.txt"]);
    assert_eq!(status, 2);
    assert!(err.contains("2 or more drafts"), "{err}");
}

#[test]
fn shipped_drafts_report_fragmentation_language_reinstated_in_rev2() {
    let (status, out, err) = run(&["history", "drafts/wsis20", "-f", "json"]);
    assert_eq!(status, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = v["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Zero Draft", "Rev 1", "Rev 2"],
        "drafts.toml order and names"
    );
    let back = v["reinstated"].as_array().unwrap();
    let fragmentation: Vec<&serde_json::Value> = back
        .iter()
        .filter(|r| r["text"].as_str().unwrap().contains("fragment"))
        .collect();
    assert_eq!(fragmentation.len(), 2, "{back:#?}");
    for r in &fragmentation {
        assert_eq!(r["removed_in"], 1);
        assert_eq!(r["reinstated_in"], 2);
        assert_eq!(r["from"]["draft"], 0);
        assert_eq!(r["to"]["draft"], 2);
    }
    // The sentence came back inside another paragraph; the paragraph came back on its own.
    let sentence = fragmentation
        .iter()
        .find(|r| r["whole_paragraph"] == false)
        .unwrap();
    assert_eq!(sentence["from"]["label"], "3");
    assert_eq!(sentence["to"]["label"], "35");
    let paragraph = fragmentation
        .iter()
        .find(|r| r["whole_paragraph"] == true)
        .unwrap();
    assert_eq!(paragraph["from"]["label"], "35");
    assert_eq!(paragraph["to"]["label"], "38");
    // The surveillance sentence dropped in Rev 1 stays dropped.
    assert!(
        !back
            .iter()
            .any(|r| r["text"].as_str().unwrap().contains("surveillance"))
    );
}

#[test]
fn concordance_follows_renumbered_paragraphs() {
    let (_, out, _) = run(&["history", "drafts/wsis20"]);
    let table = out.split("━━ Concordance ━━").nth(1).expect("concordance");
    let header = table.lines().nth(1).unwrap();
    assert!(header.starts_with("Zero Draft"), "{header}");
    // Zero ¶ 38 (the IGF mandate) = Rev 1 ¶ 40 = Rev 2 ¶ 41.
    assert!(
        table
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["¶", "38", "¶", "40", "¶", "41"]),
        "{table}"
    );
    // The paragraph deleted in Rev 1 and back whole in Rev 2 keeps one row.
    assert!(
        table
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["¶", "35", "—", "¶", "38"]),
        "{table}"
    );
}

#[test]
fn history_html_has_steps_anchors_and_concordance() {
    let (status, out, _) = run(&["history", "drafts/wsis20", "-f", "html"]);
    assert_eq!(status, 1);
    assert!(out.contains("id=\"step-1\"") && out.contains("id=\"step-2\""));
    assert!(
        out.contains("id=\"rev2-41\""),
        "stable anchor per paragraph"
    );
    assert!(out.contains("id=\"concordance\""));
    assert!(out.contains("class=\"reinstated-note\""));
    assert!(out.contains("<del>") && out.contains("<ins>"));
}

#[test]
fn history_markdown_lists_reinstated_language() {
    let (_, out, _) = run(&["history", "drafts/wsis20", "-f", "markdown"]);
    assert!(
        out.starts_with("### redline: Zero Draft → Rev 1 → Rev 2"),
        "{out}"
    );
    assert!(out.contains("#### Reinstated language"));
    assert!(
        out.contains("- Rev 2 ¶ 38 ← Zero Draft ¶ 35 (missing from Rev 1)"),
        "{out}"
    );
}
