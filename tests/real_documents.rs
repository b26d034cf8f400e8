//! Real documents as published: the UN's own PDFs of General Assembly drafts and resolutions,
//! and the Paris Agreement drafts, read from the shared corpus (`../shared/corpus`).
//!
//! Nothing here is copied into the project: every test reads the corpus where it lies and
//! prints "skipped: …" and passes when it is absent. The counts, labels and openings asserted
//! below were checked by reading the documents (`pdftotext -layout`) side by side with
//! `redline parse`; `docs/real-documents.md` records how, and what still fails.

mod common;

use common::transcript;
use std::path::PathBuf;

use redline::read;
use redline::{Document, ParagraphKind};

/// The corpus folder `sub`, or `None` (with a printed note) when it is absent.
fn corpus(sub: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")).join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: {} not found", dir.display());
        None
    }
}

const UN: &str = "un-ga-second-committee-2025";

fn un(symbol_file: &str) -> Option<Document> {
    let path = corpus(UN)?.join(format!("{symbol_file}.pdf"));
    Some(read::read_document(&path).unwrap_or_else(|e| panic!("{e}")))
}

/// Footnotes whose mark was not found in any paragraph (the mark may stay in the text as a
/// number): one line each.
fn unplaced_notes(doc: &Document) -> Vec<String> {
    doc.notes
        .iter()
        .filter(|n| !doc.paragraphs.iter().any(|p| p.notes.contains(&n.label)))
        .map(|n| format!("{}: mark of note {} not found", doc.display_name(), n.label))
        .collect()
}

/// What must never be inside a paragraph of a UN document: page furniture, cover text and
/// footnote text. Returns one line per defect found.
fn defects(doc: &Document) -> Vec<String> {
    let furniture = regex::Regex::new(
        r"\d{2}-\d{5}|\*\d{7}\*|\b\d{1,2}/\d{1,2}\b|Distr\.:|Original: |A/C\.2/80/L\.\d+\b|A/RES/\d+/\d+\b|_{5,}|\\d(?:st|nd|rd|th) plenary meeting",
    )
    .unwrap();
    let fraction = regex::Regex::new(r"^\d{1,2}/\d{1,2}$").unwrap();
    let mut out = Vec::new();
    let meta = doc.meta.as_ref();
    for p in &doc.paragraphs {
        let at = format!("{} {}", doc.display_name(), doc.reference(p.index));
        if let Some(m) = furniture.find(&p.text) {
            // A symbol may be cited in the text ("draft resolution A/C.2/80/L.17"): only the
            // document's own symbol is furniture.
            let own = meta.and_then(|m| m.symbol.as_deref());
            let cited = m.as_str().starts_with("A/") && Some(m.as_str()) != own;
            // Resolution numbers ("resolution 70/1", "2/4") are text, page counters are not:
            // a counter stands alone or next to the job number.
            let counter = fraction.is_match(m.as_str())
                && !p.text[..m.start()]
                    .trim_end()
                    .ends_with(|c: char| c.is_alphabetic() || c == ',' || c == '-');
            if !cited && (!fraction.is_match(m.as_str()) || counter) {
                out.push(format!("{at}: furniture {:?}", m.as_str()));
            }
        }
        for note in &doc.notes {
            // A footnote leaking into text shows as its mark and its opening words, or as a
            // long stretch of its text (short notes, "Resolution 70/1.", are quoted in text).
            let head: String = note.text.chars().take(20).collect();
            let long: String = note.text.chars().take(90).collect();
            if p.text.contains(&format!("{} {head}", note.label))
                || (long.chars().count() == 90 && p.text.contains(&long))
            {
                out.push(format!("{at}: footnote {} text", note.label));
            }
        }
        if p.kind == ParagraphKind::Footnote {
            out.push(format!("{at}: footnote paragraph"));
        }
        if let Some(title) = meta.and_then(|m| m.sponsor.as_deref()) {
            if p.text.contains(title) {
                out.push(format!("{at}: sponsor line"));
            }
        }
    }
    out
}

#[test]
fn every_un_pdf_parses_without_furniture_cover_or_footnote_text() {
    let Some(dir) = corpus(UN) else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    let mut all = Vec::new();
    let mut unplaced = Vec::new();
    for pdf in &files {
        let doc = read::read_document(pdf).unwrap_or_else(|e| panic!("{e}"));
        let meta = doc
            .meta
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no cover", pdf.display()));
        assert!(meta.title.is_some(), "{}: no title", pdf.display());
        let pp = doc.paragraphs.iter().filter(|p| p.derived).count();
        let op = doc
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Numbered)
            .count();
        println!(
            "{}: {} paragraphs ({pp} PP, {op} OP), {} notes",
            pdf.file_name().unwrap().to_string_lossy(),
            doc.paragraphs.len(),
            doc.notes.len()
        );
        all.extend(defects(&doc));
        unplaced.extend(unplaced_notes(&doc));
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
    // Measured: 9 of 521 marks stay in the text (see docs/real-documents.md); more is a
    // regression.
    println!("{}", unplaced.join("\n"));
    assert!(unplaced.len() <= 9, "{}", unplaced.join("\n"));
}

#[test]
fn adopted_text_of_the_vice_chair_draft_is_unchanged() {
    let (Some(draft), Some(adopted)) = (un("A_C.2_80_L.58"), un("A_RES_80_118")) else {
        return;
    };
    let t = transcript(&draft, &adopted);
    assert!(t.is_empty(), "{}", t.join("\n"));
}

/// Paragraphs, derived `PP` labels and numbered operative paragraphs of every UN PDF, as
/// measured with `redline parse`. Reading-checked against `pdftotext -layout`: A/C.2/80/L.9
/// (15 PP, 13 OP), A/C.2/80/L.57 (14 PP, 15 OP), A/RES/79/219 (15 PP, 7 OP) and the ICT
/// lineage (A/C.2/80/L.17: 57 PP, 73 OP; A/C.2/80/L.58 and A/RES/80/118: 59 PP, 74 OP).
/// `preambular` counts lettered sub-paragraphs of the preamble too.
const COUNTS: &[(&str, usize, usize, usize)] = &[
    ("A_C.2_80_L.17", 133, 57, 73),
    ("A_C.2_80_L.18", 110, 57, 52),
    ("A_C.2_80_L.27", 55, 24, 30),
    ("A_C.2_80_L.31", 84, 35, 48),
    ("A_C.2_80_L.47", 113, 57, 55),
    ("A_C.2_80_L.48", 118, 22, 83),
    ("A_C.2_80_L.49", 98, 26, 71),
    ("A_C.2_80_L.5", 117, 20, 81),
    ("A_C.2_80_L.51", 55, 25, 29),
    ("A_C.2_80_L.53", 83, 34, 48),
    ("A_C.2_80_L.57", 30, 14, 15),
    ("A_C.2_80_L.58", 136, 59, 74),
    ("A_C.2_80_L.6", 92, 25, 66),
    ("A_C.2_80_L.9", 29, 15, 13),
    ("A_RES_79_1", 634, 2, 195),
    ("A_RES_79_194", 127, 55, 69),
    ("A_RES_79_199", 67, 28, 34),
    ("A_RES_79_202", 54, 25, 28),
    ("A_RES_79_218", 93, 33, 59),
    ("A_RES_79_219", 23, 15, 7),
    ("A_RES_79_221", 84, 34, 49),
    ("A_RES_80_118", 136, 59, 74),
    ("A_RES_80_129", 30, 14, 15),
    ("A_RES_80_135", 55, 25, 29),
    ("A_RES_80_147", 113, 57, 55),
    ("A_RES_80_150", 118, 22, 83),
    ("A_RES_80_151", 98, 26, 71),
    ("A_RES_80_153", 83, 34, 48),
];

#[test]
fn paragraph_counts_of_every_un_pdf() {
    for &(file, total, preambular, numbered) in COUNTS {
        let Some(doc) = un(file) else {
            return;
        };
        let count = |k: ParagraphKind| doc.paragraphs.iter().filter(|p| p.kind == k).count();
        assert_eq!(
            (
                doc.paragraphs.len(),
                count(ParagraphKind::Preambular),
                count(ParagraphKind::Numbered)
            ),
            (total, preambular, numbered),
            "{file}"
        );
    }
}

/// Label, opening words and closing words of paragraph `label` of `doc`.
fn assert_paragraph(doc: &Document, label: &str, opening: &str, ending: &str) {
    let p = doc
        .paragraphs
        .iter()
        .find(|p| p.label.as_deref() == Some(label))
        .unwrap_or_else(|| panic!("{}: no paragraph {label}", doc.display_name()));
    assert!(p.text.starts_with(opening), "{label}: {}", p.text);
    assert!(p.text.ends_with(ending), "{label}: {}", p.text);
}

#[test]
fn ict_draft_cover_labels_openings_and_endings() {
    let Some(doc) = un("A_C.2_80_L.17") else {
        return;
    };
    let meta = doc.meta.as_ref().unwrap();
    assert_eq!(meta.symbol.as_deref(), Some("A/C.2/80/L.17"));
    assert_eq!(meta.date.as_deref(), Some("14 October 2025"));
    assert_eq!(meta.session.as_deref(), Some("Eightieth session"));
    assert_eq!(meta.committee.as_deref(), Some("Second Committee"));
    assert_eq!(meta.sponsor.as_deref(), Some("Iraq:* draft resolution"));
    assert_eq!(
        meta.title.as_deref(),
        Some("Information and communications technologies for sustainable development")
    );
    assert_eq!(doc.display_name(), "A/C.2/80/L.17");
    assert_eq!(doc.paragraphs[0].text, "The General Assembly,");
    assert_paragraph(
        &doc,
        "PP1",
        "Recalling its resolution 79/194",
        "on the issue,",
    );
    // Footnote 1's mark is off the text and kept as a reference.
    assert_eq!(doc.paragraphs[1].notes, ["1"]);
    // A paragraph that runs over a page break is one paragraph.
    assert_paragraph(
        &doc,
        "PP4",
        "Reaffirming also its resolution 69/313",
        "global partnership and solidarity,",
    );
    assert_paragraph(
        &doc,
        "PP57",
        "Taking note of the United Nations Educational",
        "Intelligence,",
    );
    assert_paragraph(
        &doc,
        "1",
        "Recognizes that information",
        "into the global economy;",
    );
    assert_paragraph(&doc, "73", "Decides to include", "unless otherwise agreed.");
    let pp4 = doc
        .paragraphs
        .iter()
        .find(|p| p.label.as_deref() == Some("PP4"))
        .unwrap();
    assert!(pp4.derived && pp4.kind == ParagraphKind::Preambular);
}

#[test]
fn adopted_resolution_cover_and_closing_line() {
    let Some(doc) = un("A_RES_80_118") else {
        return;
    };
    let meta = doc.meta.as_ref().unwrap();
    assert_eq!(meta.resolution.as_deref(), Some("80/118"));
    assert_eq!(meta.distribution.as_deref(), Some("General"));
    assert_eq!(
        meta.adoption.as_deref(),
        Some(
            "Resolution adopted by the General Assembly on 15 December 2025 [on the report of the Second Committee (A/80/555, para. 7)]"
        )
    );
    assert_eq!(
        meta.meeting.as_deref(),
        Some("64th plenary meeting 15 December 2025")
    );
    assert_paragraph(&doc, "74", "Decides to include", "unless otherwise agreed.");
}

/// True changes between consecutive versions, written down by reading the two PDFs side by
/// side (`pdftotext`), checked as lines of the transcript.
fn assert_changes(old: &str, new: &str, expected: &[&str], total: usize) {
    let (Some(a), Some(b)) = (un(old), un(new)) else {
        return;
    };
    let t = transcript(&a, &b);
    for line in expected {
        assert!(
            t.iter().any(|l| l == line),
            "{old} -> {new}: no {line:?} in\n{}",
            t.join("\n")
        );
    }
    assert_eq!(t.len(), total, "{old} -> {new}:\n{}", t.join("\n"));
}

#[test]
fn financing_for_development_lineage() {
    // L.9 (G77) -> L.57 (Vice-Chair): "United States" dollar gap in PP1; the Rio principle 7
    // paragraph gone; a new operative paragraph on the Sevilla Platform for Action; the
    // request for a network of national focal points dropped.
    assert_changes(
        "A_C.2_80_L.9",
        "A_C.2_80_L.57",
        &[
            "modified [PP1] -> [PP1]",
            "deleted [PP7] -> []",
            "inserted [] -> [¶ 4]",
            "deleted [¶ 9] -> []",
        ],
        17,
    );
    // The adopted text is the Vice-Chair's draft word for word.
    assert_changes("A_C.2_80_L.57", "A_RES_80_129", &[], 0);
}

#[test]
fn ict_lineage() {
    // A/RES/79/194 -> L.17: the resolution cited is updated (78/132 -> 79/194), the Sevilla
    // conference welcomed in a new PP5, "Reaffirming further" loses "further" (old PP5, now
    // PP6), "Taking note also of" becomes "Recalling" (old PP17, now PP18).
    assert_changes(
        "A_RES_79_194",
        "A_C.2_80_L.17",
        &[
            "modified [PP1] -> [PP1]",
            "inserted [] -> [PP5]",
            "modified [PP5] -> [PP6]",
            "modified [PP17] -> [PP18]",
        ],
        43,
    );
    assert_changes("A_C.2_80_L.58", "A_RES_80_118", &[], 0);
}

#[test]
fn sustainable_consumption_and_production_lineage() {
    // L.27 (G77) -> L.51 (Rapporteur): a new PP25 taking note of the Secretary-General's
    // progress report; OP2 ("Recognizes that the persistence of significant challenges …")
    // and OP16 (the Buildings Breakthrough framework) deleted; the rest renumbered.
    assert_changes(
        "A_C.2_80_L.27",
        "A_C.2_80_L.51",
        &[
            "inserted [] -> [PP25]",
            "deleted [¶ 2] -> []",
            "deleted [¶ 16] -> []",
            "modified [¶ 3] -> [¶ 2]",
        ],
        21,
    );
}
