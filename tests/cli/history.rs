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
