//! Reading drafts as published: PDF, Word and HTML against the shipped text drafts, the real
//! documents of the shared corpus, and hostile or broken inputs.
//!
//! The fixtures in `fixtures/formats/` are Word and PDF versions of `drafts/wsis20/*.txt`
//! made by `fixtures/formats/make.sh`. Tests that use the shared corpus (`../shared/corpus`
//! beside the project) print "skipped: …" and pass when it is absent.

mod common;

use common::{corpus, files, transcript};
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use redline::Document;
use redline::read::{self, ReadOptions};

const DRAFTS: [&str; 3] = ["zero-draft", "rev1", "rev2"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn draft(name: &str) -> PathBuf {
    root().join("drafts/wsis20").join(format!("{name}.txt"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("fixtures/formats").join(name)
}

/// The shared corpus folder `sub`, or `None` (with a printed note) when it is absent.
fn read(path: &Path) -> Document {
    read::read_document(path).unwrap_or_else(|e| panic!("{e}"))
}

/// The share of `expected`'s paragraphs found, in order, with the same label and
/// comparison key in `actual` (over the longer of the two, so extra paragraphs count too).
fn agreement(expected: &Document, actual: &Document) -> f64 {
    let ids = |d: &Document| -> Vec<(Option<String>, String)> {
        d.paragraphs
            .iter()
            .map(|p| (p.label.clone(), p.key().to_string()))
            .collect()
    };
    let (a, b) = (ids(expected), ids(actual));
    let diff = similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b);
    let same: usize = diff
        .iter()
        .filter_map(|op| match op {
            similar::DiffOp::Equal { len, .. } => Some(*len),
            _ => None,
        })
        .sum();
    same as f64 / a.len().max(b.len()) as f64
}

fn assert_agreement(format: &str, minimum: f64) {
    for name in DRAFTS {
        let text = read(&draft(name));
        let other = read(&fixture(&format!("wsis20-{name}.{format}")));
        let share = agreement(&text, &other);
        println!(
            "{name}.{format}: {:.1}% of {} paragraphs agree with {name}.txt",
            share * 100.0,
            text.paragraphs.len()
        );
        assert!(
            share >= minimum,
            "{name}.{format}: only {:.1}% of paragraphs agree",
            share * 100.0
        );
    }
}

#[test]
fn docx_of_shipped_drafts_reads_like_the_text() {
    assert_agreement("docx", 0.99);
}

#[test]
fn pdf_of_shipped_drafts_reads_like_the_text() {
    assert_agreement("pdf", 0.97);
}

#[test]
fn diff_of_pdfs_reports_the_changes_of_the_text_files() {
    for (old, new) in [("zero-draft", "rev1"), ("rev1", "rev2")] {
        let from_text = transcript(&read(&draft(old)), &read(&draft(new)));
        let from_pdf = transcript(
            &read(&fixture(&format!("wsis20-{old}.pdf"))),
            &read(&fixture(&format!("wsis20-{new}.pdf"))),
        );
        assert!(!from_text.is_empty());
        assert_eq!(from_pdf, from_text, "{old} → {new}");
    }
}

#[test]
fn diff_of_pdfs_through_the_binary_reports_differences() {
    redline()
        .args(["diff", "--stat"])
        .arg(fixture("wsis20-zero-draft.pdf"))
        .arg(fixture("wsis20-rev1.pdf"))
        .assert()
        .code(1);
}

#[test]
fn standard_input_is_sniffed() {
    let pdf = std::fs::read(fixture("text-only.pdf")).unwrap();
    let out = redline()
        .args(["parse", "-"])
        .write_stdin(pdf)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        stdout.contains("We recognize the role of the Forum."),
        "{stdout}"
    );
}

#[test]
fn html_blocks_become_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.html");
    std::fs::write(
        &path,
        "<!DOCTYPE html><html><head><style>p { color: red }</style>\
         <script>document.write('1. Injected')</script></head><body>\
         <h1>I. Introduction</h1><p>1. We recognize\nthe role of the Forum.</p>\
         <ol><li>(a) Promoting investment;</li><li>(b) Supporting networks.</li></ol>\
         <table><tr><td>2. We commit to action.</td></tr></table></body></html>",
    )
    .unwrap();
    let doc = read(&path);
    let got: Vec<_> = doc
        .paragraphs
        .iter()
        .map(|p| format!("{} {}", p.label.as_deref().unwrap_or("-"), p.text))
        .collect();
    assert_eq!(
        got,
        [
            "I Introduction",
            "1 We recognize the role of the Forum.",
            "a Promoting investment;",
            "b Supporting networks.",
            "2 We commit to action.",
        ]
    );
}

// ---- the shared corpus ----------------------------------------------------------------

/// Label and text of every paragraph, the part of a parse that tracked changes affect.
fn text_of(path: &Path, options: &ReadOptions) -> Vec<(Option<String>, String)> {
    read::read_document_with(path, options)
        .unwrap_or_else(|e| panic!("{e}"))
        .paragraphs
        .into_iter()
        .map(|p| (p.label, p.text))
        .collect()
}

#[test]
fn tracked_changes_read_like_words_accepted_and_rejected_versions() {
    let Some(dir) = corpus("docx-openxml-powertools/RP") else {
        return;
    };
    let mut rejecting = ReadOptions::default();
    rejecting.reject_changes = true;
    let mut checked = 0;
    for tracked in files(&dir, None) {
        let stem = tracked.file_stem().unwrap().to_string_lossy().into_owned();
        if stem.ends_with("-Accepted") || stem.ends_with("-Rejected") {
            continue;
        }
        for (suffix, options) in [
            ("Accepted", ReadOptions::default()),
            ("Rejected", rejecting.clone()),
        ] {
            let expected = dir.join(format!("{stem}-{suffix}.docx"));
            if !expected.exists() {
                continue;
            }
            assert_eq!(
                text_of(&tracked, &options),
                text_of(&expected, &ReadOptions::default()),
                "{stem} read as {suffix}"
            );
            checked += 1;
        }
    }
    println!("{checked} tracked-change readings agree with Word's");
    assert!(checked >= 40);
}

#[test]
fn automatic_numbering_footnotes_and_comments_in_word_samples() {
    let Some(dir) = corpus("docx-docxodus") else {
        return;
    };
    let labels = |name: &str| -> Vec<String> {
        read(&dir.join(name))
            .paragraphs
            .into_iter()
            .filter_map(|p| p.label)
            .collect()
    };
    assert_eq!(labels("NumberedList.docx"), ["1", "2", "3", "4", "5"]);
    assert_eq!(labels("NumberedListRomanNumerals.docx"), ["I", "II", "III"]);
    // Footnote, endnote and comment text lives in parts of its own and stays out.
    for name in ["FootNote.docx", "EndNote.docx", "Comment.docx"] {
        let doc = read(&dir.join(name));
        assert_eq!(doc.paragraphs.len(), 1, "{name}");
    }
    // The NVCA charter's legal numbering: "FIRST:" … articles, "A." and "1." sections.
    let nvca = read(&dir.join("NVCA-Model-COI.docx"));
    let texts: Vec<&str> = nvca.paragraphs.iter().map(|p| p.text.as_str()).collect();
    for article in ["FIRST: ", "SECOND: ", "THIRD: ", "FOURTH: "] {
        assert!(
            texts.iter().any(|t| t.starts_with(article)),
            "no paragraph starts with {article:?}"
        );
    }
}

#[test]
fn operative_paragraphs_of_un_pdfs_come_out_in_order() {
    let Some(dir) = corpus("un-ga-second-committee-2025") else {
        return;
    };
    let pdfs = files(&dir, Some("pdf"));
    for pdf in &pdfs {
        let numbers: Vec<u32> = read(pdf)
            .paragraphs
            .iter()
            .filter(|p| p.kind == redline::ParagraphKind::Numbered)
            .filter_map(|p| p.label.as_deref()?.parse().ok())
            .collect();
        assert!(!numbers.is_empty(), "{}", pdf.display());
        // Numbers run 1, 2, 3…; a list may start again at 1 (an annex) or nest a list of
        // its own and then resume (the Pact for the Future lists the Compact's objectives
        // "1." to "5." inside its paragraph 7).
        let mut open: Vec<u32> = Vec::new();
        for &n in &numbers {
            if n == 1 {
                open.push(1);
            } else if let Some(at) = open.iter().rposition(|&m| m + 1 == n) {
                open.truncate(at + 1);
                open[at] = n;
            } else {
                panic!("{}: {n} out of order in {numbers:?}", pdf.display());
            }
        }
    }
    println!(
        "{} UN PDFs read with operative paragraphs in order",
        pdfs.len()
    );
}

// ---- bad inputs -----------------------------------------------------------------------

fn redline() -> Command {
    let mut cmd = Command::cargo_bin("redline").unwrap();
    cmd.env_remove("NO_COLOR")
        .env_remove("PAGER")
        .env_remove("TERM")
        .current_dir(root());
    cmd
}

/// Runs `redline parse` on `path` and returns its error line, checking status 2.
fn parse_error(path: &Path) -> String {
    let out = redline().arg("parse").arg(path).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains(&path.display().to_string()),
        "the error names the file: {stderr}"
    );
    stderr
}

fn truncated_copy(dir: &Path, fixture_name: &str, out: &str) -> PathBuf {
    let bytes = std::fs::read(fixture(fixture_name)).unwrap();
    let path = dir.join(out);
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    path
}

#[test]
fn image_only_pdf_asks_for_ocr() {
    let err = parse_error(&fixture("image-only.pdf"));
    assert!(err.contains("no text layer: run OCR first"), "{err}");
}

#[test]
fn encrypted_pdf_is_named_as_such() {
    let err = parse_error(&fixture("encrypted.pdf"));
    assert!(err.contains("encrypted PDF"), "{err}");
}

#[test]
fn truncated_pdf_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = truncated_copy(dir.path(), "wsis20-zero-draft.pdf", "cut.pdf");
    let err = parse_error(&path);
    assert!(err.contains("damaged PDF file"), "{err}");
}

#[test]
fn corrupt_docx_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = truncated_copy(dir.path(), "wsis20-zero-draft.docx", "cut.docx");
    let err = parse_error(&path);
    assert!(err.contains("damaged Word (.docx) file"), "{err}");
}

#[test]
fn zip_without_a_word_document_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.odt");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"<office:document-content/>").unwrap();
    zip.finish().unwrap();
    let err = parse_error(&path);
    assert!(err.contains("not a Word document"), "{err}");
}

#[test]
fn old_binary_word_file_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.doc");
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    std::fs::write(&path, bytes).unwrap();
    let err = parse_error(&path);
    assert!(err.contains(".doc"), "{err}");
}

#[test]
fn docx_zip_bomb_is_refused() {
    // About 200 MB of XML that compresses to a few hundred KB: over the default budget of
    // 128 MiB, so reading must stop before it is all inflated.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(
        b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>",
    )
    .unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..200 {
        zip.write_all(&chunk).unwrap();
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .unwrap();
    zip.finish().unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 2 << 20);
    let err = parse_error(&path);
    assert!(err.contains("too large when decompressed"), "{err}");
}
