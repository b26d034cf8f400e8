//! `--format docx`: the Word redline read back in both readings, and opened by LibreOffice.
//!
//! The round trips are the contract: accepting every tracked change gives the new draft's
//! paragraphs (label and text) exactly, rejecting them gives the old draft's.

use std::path::Path;
use std::process::Command as Process;

use redline::read::{self, ReadOptions};
use redline::render::{self, Authorship, Format, RenderOptions};
use redline::{ChangeKind, Document, align, synth};
use tempfile::TempDir;

use super::{path, redline, run};

/// Each paragraph as (label, text): what the round trips must keep.
fn paragraphs(d: &Document) -> Vec<(Option<String>, String)> {
    d.paragraphs
        .iter()
        .map(|p| (p.label.clone(), p.text.clone()))
        .collect()
}

/// The Word file read back with every change accepted, or rejected.
fn read_back(docx: &Path, reject: bool) -> Document {
    let mut options = ReadOptions::default();
    options.reject_changes = reject;
    read::read_document_with(docx, &options).unwrap()
}

/// Asserts both round trips of the Word file `docx` against the drafts it compares.
fn assert_round_trips(docx: &Path, old: &Document, new: &Document) {
    let accepted = read_back(docx, false);
    let rejected = read_back(docx, true);
    assert_eq!(paragraphs(&accepted), paragraphs(new), "Accept All");
    assert_eq!(paragraphs(&rejected), paragraphs(old), "Reject All");
}

fn shipped(name: &str) -> Document {
    read::read_document(&path(&format!("drafts/wsis20/{name}.txt"))).unwrap()
}

#[test]
fn shipped_drafts_round_trip_both_ways() {
    let dir = TempDir::new().unwrap();
    for (old, new) in [("zero-draft", "rev1"), ("rev1", "rev2")] {
        let out = dir.path().join(format!("{new}.docx"));
        let (status, _, err) = run(&[
            "diff",
            &format!("drafts/wsis20/{old}.txt"),
            &format!("drafts/wsis20/{new}.txt"),
            "--format",
            "docx",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(status, 1, "{err}");
        assert_round_trips(&out, &shipped(old), &shipped(new));
    }
}

#[test]
fn history_writes_its_newest_step() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("history.docx");
    let (status, _, err) = run(&[
        "history",
        "drafts/wsis20",
        "-f",
        "docx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(status, 1, "{err}");
    assert_round_trips(&out, &shipped("rev1"), &shipped("rev2"));
}

#[test]
fn generated_pairs_round_trip_both_ways() {
    let dir = TempDir::new().unwrap();
    let mut kinds = std::collections::BTreeSet::new();
    for seed in [1, 7, 19, 42, 2025] {
        let pair = synth::edits::edited_pair(seed, 60);
        let comparison = align::compare(pair.old, pair.new, &align::AlignOptions::default());
        kinds.extend(comparison.changes.iter().map(|c| c.kind));
        let out = dir.path().join(format!("pair-{seed}.docx"));
        let mut bytes = Vec::new();
        render::write_comparison(
            &mut bytes,
            &comparison,
            Format::Docx,
            &RenderOptions::default(),
        )
        .unwrap();
        std::fs::write(&out, bytes).unwrap();
        assert_round_trips(&out, &comparison.old, &comparison.new);
    }
    assert_eq!(kinds.len(), ChangeKind::ALL.len(), "every kind: {kinds:?}");
}

#[test]
fn same_date_same_bytes() {
    let args = [
        "diff",
        "drafts/wsis20/rev1.txt",
        "drafts/wsis20/rev2.txt",
        "-f",
        "docx",
    ];
    let by_epoch = |epoch: &str| {
        redline()
            .args(args)
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .unwrap()
            .stdout
    };
    let first = by_epoch("1762507800");
    assert!(first.starts_with(b"PK\x03\x04"), "a zip on a pipe");
    assert_eq!(first, by_epoch("1762507800"));
    // --date wins over SOURCE_DATE_EPOCH, and names the same moment.
    let by_flag = redline()
        .args(args)
        .args([
            "--date",
            "2025-11-07T09:30:00Z",
            "--author",
            "Co-facilitators",
        ])
        .env("SOURCE_DATE_EPOCH", "0")
        .output()
        .unwrap()
        .stdout;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(by_flag)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains(r#"w:author="Co-facilitators" w:date="2025-11-07T09:30:00Z""#));
    assert_eq!(
        Authorship::date_from_unix(1_762_507_800),
        "2025-11-07T09:30:00Z"
    );
}

#[test]
fn bad_dates_and_filters_are_refused() {
    let base = [
        "diff",
        "drafts/wsis20/rev1.txt",
        "drafts/wsis20/rev2.txt",
        "-f",
        "docx",
    ];
    let (status, _, err) = run(&[&base[..], &["--date", "7 Nov"]].concat());
    assert_eq!(status, 2);
    assert!(err.contains("--date 7 Nov: not a date"), "{err}");
    let out = redline()
        .args(base)
        .env("SOURCE_DATE_EPOCH", "soon")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOURCE_DATE_EPOCH=soon"));
    let (status, _, err) = run(&[&base[..], &["--stat"]].concat());
    assert_eq!(status, 2);
    assert!(err.contains("leave out --stat and --topic"), "{err}");
}

#[test]
fn binary_output_is_refused_on_a_terminal() {
    // script(1) gives the command a terminal for standard output.
    if Process::new("script").arg("--version").output().is_err() {
        println!("skipped: script(1) is not installed");
        return;
    }
    let command = format!(
        "{} diff drafts/wsis20/rev1.txt drafts/wsis20/rev2.txt -f docx",
        env!("CARGO_BIN_EXE_redline")
    );
    let out = Process::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(path(""))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("give -o FILE.docx"), "{text}");
    assert!(!text.contains("PK"), "no zip on the terminal");
}

#[test]
fn libreoffice_opens_it_with_every_change_tracked() {
    if Process::new("soffice").arg("--version").output().is_err() {
        println!("skipped: LibreOffice (soffice) is not installed");
        return;
    }
    let dir = TempDir::new().unwrap();
    let docx = dir.path().join("redline.docx");
    let (status, _, _) = run(&[
        "diff",
        "drafts/wsis20/rev1.txt",
        "drafts/wsis20/rev2.txt",
        "-f",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(status, 1);
    let changes = align::compare(
        shipped("rev1"),
        shipped("rev2"),
        &align::AlignOptions::default(),
    )
    .changes
    .iter()
    .filter(|c| c.kind != ChangeKind::Unchanged)
    .count();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = Process::new("soffice")
        .args([&profile, "--headless", "--convert-to", "odt", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .unwrap();
    let odt = dir.path().join("redline.odt");
    if !odt.exists() {
        let err = String::from_utf8_lossy(&out.stderr);
        // The Calc-only install cannot open Word files; CI installs Writer.
        if err.contains("no export filter") || err.contains("source file could not be loaded") {
            println!("skipped: LibreOffice Writer is not installed ({err})");
            return;
        }
        panic!("LibreOffice did not convert the file: {err}");
    }
    let file = std::fs::File::open(&odt).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut content = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("content.xml").unwrap(), &mut content).unwrap();
    // LibreOffice keeps each tracked change as a changed region (a word edit is a deletion
    // and an insertion, a renumbered label two more), so there are at least as many regions
    // as changes.
    let regions = content.matches("<text:changed-region").count();
    assert!(
        regions >= changes,
        "{regions} regions for {changes} changes"
    );
    assert!(content.contains("<text:deletion>") && content.contains("<text:insertion>"));
    assert!(
        content.contains("<dc:creator>redline</dc:creator>"),
        "author kept"
    );
}
