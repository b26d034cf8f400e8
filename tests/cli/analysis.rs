//! Negotiation-aware analysis on the shipped drafts: strength of language, brackets, stable
//! change references, section statistics and the review sheet.

use std::process::Command as Process;

use serde_json::Value;
use tempfile::TempDir;

use super::{path, run};

const ZERO: &str = "drafts/wsis20/zero-draft.txt";
const REV1: &str = "drafts/wsis20/rev1.txt";
const REV2: &str = "drafts/wsis20/rev2.txt";

fn diff_json(old: &str, new: &str) -> Value {
    let (status, out, err) = run(&["diff", old, new, "-f", "json"]);
    assert_eq!(status, 1, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn change<'v>(diff: &'v Value, reference: &str) -> &'v Value {
    diff["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["reference"] == reference)
        .unwrap_or_else(|| panic!("no change {reference}"))
}

#[test]
fn softened_and_strengthened_language() {
    let diff = diff_json(REV1, REV2);
    let office = &change(&diff, "rev2:OP56")["strength"];
    assert_eq!(
        office[0],
        serde_json::json!({"from": "decide", "to": "note", "effect": "softened"})
    );
    assert_eq!(
        office[1],
        serde_json::json!({"from": "shall", "to": "could", "effect": "softened"})
    );
    let track = &change(&diff, "rev2:OP46")["strength"];
    assert_eq!(
        track[0],
        serde_json::json!({"from": "should", "to": "shall", "effect": "strengthened"})
    );
    let (_, out, _) = run(&["diff", REV1, REV2]);
    assert!(out.contains("[softened: decide → note]"), "{out}");
    assert!(out.contains("[strengthened: should → shall]"), "{out}");
}

#[test]
fn a_topic_can_fail_on_softened_language() {
    let (status, out, _) = run(&["check", "-w", "fixtures/watch/softened.toml", REV1, REV2]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("FAIL new-un-bodies"), "{out}");
    assert!(out.contains("fail_on = \"softened\""), "{out}");
    assert!(
        out.contains("softened ¶ 54 → ¶ 56: “decide → note”"),
        "{out}"
    );
}

#[test]
fn bracket_events_and_counts() {
    let (_, out, _) = run(&["history", "drafts/wsis20", "-f", "json"]);
    let h: Value = serde_json::from_str(&out).unwrap();
    let counts: Vec<u64> = h["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["brackets"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [0, 2, 0], "bracketed passages per draft");

    let first = diff_json(ZERO, REV1);
    let effects: Vec<&str> = change(&first, "rev1:OP57")["brackets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["effect"].as_str().unwrap())
        .collect();
    assert_eq!(
        effects,
        [
            "bracketed",
            "bracketed",
            "bracketed",
            "bracketed",
            "status_changed"
        ]
    );

    let second = diff_json(REV1, REV2);
    let events = change(&second, "rev2:OP58")["brackets"]
        .as_array()
        .unwrap()
        .clone();
    let pairs: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e["effect"].as_str().unwrap(), e["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("option_dropped", "2030"),
            ("lifted", "2035"),
            (
                "option_dropped",
                "through intergovernmental consultations only"
            ),
            ("lifted", "through open and inclusive consultations"),
            ("status_changed", "Agreed ad ref"),
        ]
    );
    assert_eq!(events[4]["from"], "Pending");
}

#[test]
fn references_are_stable_and_everywhere() {
    let a = diff_json(REV1, REV2);
    let b = diff_json(REV1, REV2);
    let refs = |d: &Value| -> Vec<String> {
        d["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["reference"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(refs(&a), refs(&b));
    let all = refs(&a);
    let unique: std::collections::BTreeSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "every reference names one change");
    assert!(
        all.contains(&"rev2:was-OP25".to_string()),
        "a deletion is named after the old draft"
    );
    let edits: Vec<&str> = change(&a, "rev2:OP41")["spans"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["edit"].as_str())
        .collect();
    assert_eq!(
        edits,
        ["rev2:OP41.1", "rev2:OP41.1", "rev2:OP41.2", "rev2:OP41.2"]
    );

    let (_, html, _) = run(&["diff", REV1, REV2, "-f", "html"]);
    assert!(html.contains("id=\"rev2:OP41\""), "change anchor");
    assert!(html.contains("id=\"rev2:OP41.2\""), "edit anchor");
    let (_, text, _) = run(&["diff", REV1, REV2]);
    assert!(
        text.contains("¶ 40 → ¶ 41 · modified [permanent-igf: modified]  rev2:OP41"),
        "{text}"
    );
}

#[test]
fn section_statistics_in_every_view() {
    let diff = diff_json(REV1, REV2);
    let igf = diff["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "V.B The Internet Governance Forum")
        .expect("IGF section");
    assert_eq!(igf["changed"], 4);
    assert!(igf["words_added"].as_u64().unwrap() > 0 && igf["words_removed"].as_u64().unwrap() > 0);
    let topics: Vec<&str> = diff["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert!(topics.contains(&"fragmentation"), "{topics:?}");

    let (_, stat, _) = run(&["diff", REV1, REV2, "--stat"]);
    assert!(stat.contains("V.B The Internet Governance Forum"), "{stat}");
    let (_, html, _) = run(&["diff", REV1, REV2, "-f", "html"]);
    assert!(html.contains("class=\"bar added\""), "bars in HTML");
}

#[test]
fn review_sheet_has_a_row_per_change() {
    let (status, out, _) = run(&["history", "drafts/wsis20", "-f", "csv"]);
    assert_eq!(status, 1);
    let body = out.strip_prefix('\u{feff}').expect("BOM for spreadsheets");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "step",
            "reference",
            "section",
            "old label",
            "new label",
            "kind",
            "topics",
            "strength",
            "brackets",
            "old text",
            "new text",
            "position",
            "notes"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Changes other than unchanged (drafts/README.md): 17 in the first step, 12 in the second.
    assert_eq!(rows.len(), 17 + 12);
    let office = rows.iter().find(|r| &r[1] == "rev2:OP56").unwrap();
    assert_eq!(&office[0], "Rev 1 → Rev 2");
    assert_eq!(&office[5], "modified");
    assert!(office[7].contains("softened: decide → note"));
    assert!(office[10].starts_with("We note the proposal"));
    assert!(office[11].is_empty() && office[12].is_empty());
}

#[test]
fn review_sheet_opens_in_libreoffice_calc() {
    if Process::new("soffice").arg("--version").output().is_err() {
        println!("skipped: LibreOffice (soffice) is not installed");
        return;
    }
    let dir = TempDir::new().unwrap();
    let sheet = dir.path().join("review.csv");
    let (status, _, _) = run(&[
        "history",
        "drafts/wsis20",
        "-f",
        "csv",
        "-o",
        sheet.to_str().unwrap(),
    ]);
    assert_eq!(status, 1);
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = Process::new("soffice")
        .args([
            &profile,
            "--headless",
            "--infilter=CSV:44,34,76",
            "--convert-to",
            "ods",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&sheet)
        .current_dir(path(""))
        .output()
        .unwrap();
    let ods = dir.path().join("review.ods");
    assert!(ods.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    // The spreadsheet is a zip; its content holds the references.
    let file = std::fs::File::open(&ods).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut content = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("content.xml").unwrap(), &mut content).unwrap();
    assert!(content.contains("rev2:OP56"), "Calc read the rows");
    assert!(content.contains("softened: decide → note"));
}
