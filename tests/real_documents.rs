//! Real documents as published: the UN's own PDFs of General Assembly drafts and resolutions,
//! and the Paris Agreement drafts, read from the shared corpus (`../shared/corpus`).
//!
//! Nothing here is copied into the project: every test reads the corpus where it lies and
//! prints "skipped: …" and passes when it is absent. The counts, labels and openings asserted
//! below were checked by reading the documents (`pdftotext -layout`) side by side with
//! `redline parse`; `docs/real-documents.md` records how, and what still fails.

use std::path::PathBuf;

use redline::align::{self, AlignOptions};
use redline::read;
use redline::{ChangeKind, Document, ParagraphKind};

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
    // Measured: 9 of 449 marks stay in the text (see docs/real-documents.md); more is a
    // regression.
    println!("{}", unplaced.join("\n"));
    assert!(unplaced.len() <= 9, "{}", unplaced.join("\n"));
}

/// One line per change that is not "unchanged": kind and the references of both sides.
fn transcript(old: &Document, new: &Document) -> Vec<String> {
    let c = align::compare(old.clone(), new.clone(), &AlignOptions::default());
    c.changes
        .iter()
        .filter(|ch| ch.kind != ChangeKind::Unchanged)
        .map(|ch| {
            let refs = |d: &Document, ix: &[usize]| {
                ix.iter()
                    .map(|&i| d.reference(i))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            format!(
                "{} [{}] -> [{}]",
                ch.kind.as_str(),
                refs(&c.old, &ch.old),
                refs(&c.new, &ch.new)
            )
        })
        .collect()
}

#[test]
fn adopted_text_of_the_vice_chair_draft_is_unchanged() {
    let (Some(draft), Some(adopted)) = (un("A_C.2_80_L.58"), un("A_RES_80_118")) else {
        return;
    };
    let t = transcript(&draft, &adopted);
    assert!(t.is_empty(), "{}", t.join("\n"));
}
