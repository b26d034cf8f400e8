//! Real documents as published: the UN's own PDFs of General Assembly drafts and resolutions,
//! and the Paris Agreement drafts, read from the shared corpus (`../shared/corpus`).
//!
//! Nothing here is copied into the project: every test reads the corpus where it lies and
//! prints "skipped: …" and passes when it is absent. The counts, labels and openings asserted
//! below were checked by reading the documents (`pdftotext -layout`) side by side with
//! `redline parse`; `docs/real-documents.md` records how, and what still fails.

mod common;

use common::{corpus, files, transcript};

use redline::read;
use redline::{Document, ParagraphKind};

const UN: &str = "un-ga-second-committee-2025";

/// The document `file` of the corpus folder `sub`, read as a user's command would read it.
fn document(sub: &str, file: &str) -> Option<Document> {
    let path = corpus(sub)?.join(file);
    Some(read::read_document(&path).unwrap_or_else(|e| panic!("{e}")))
}

fn un(symbol_file: &str) -> Option<Document> {
    document(UN, &format!("{symbol_file}.pdf"))
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
    let files = files(&dir, Some("pdf"));
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

/// Each final draft and the resolution adopted from it, word for word the same text printed
/// anew: every paragraph must come out unchanged, whatever the extractor did to the spacing
/// of either print. (L.51 -> A/RES/80/135 is left out: the extractor reads the glyph "j" of
/// A/RES/80/135 as "o"; see docs/real-documents.md.)
#[test]
fn adopted_texts_of_the_final_drafts_are_unchanged() {
    let pairs = [
        ("A_C.2_80_L.58", "A_RES_80_118"),
        ("A_C.2_80_L.57", "A_RES_80_129"),
        ("A_C.2_80_L.47", "A_RES_80_147"),
        ("A_C.2_80_L.48", "A_RES_80_150"),
        ("A_C.2_80_L.49", "A_RES_80_151"),
        ("A_C.2_80_L.53", "A_RES_80_153"),
    ];
    for (draft, adopted) in pairs {
        let (Some(draft), Some(adopted)) = (un(draft), un(adopted)) else {
            return;
        };
        let t = transcript(&draft, &adopted);
        assert!(t.is_empty(), "{}: {}", draft.display_name(), t.join("\n"));
    }
}

/// Paragraphs, preambular paragraphs (`PP1` … as derived), numbered operative paragraphs
/// and sub-paragraphs ("(a)" of an operative paragraph, or of a preambular paragraph that
/// opens a list) of every UN PDF. Every count was checked by a person reading the document
/// (`pdftotext -layout`) paragraph by paragraph against `redline parse`. A/RES/79/1 (the Pact
/// for the Future with its two annexes) has no preamble of its own; its annexes restart their
/// numbering, so its labels repeat (see docs/real-documents.md).
const COUNTS: &[(&str, usize, usize, usize, usize)] = &[
    ("A_C.2_80_L.17", 133, 57, 73, 2),
    ("A_C.2_80_L.18", 109, 56, 52, 0),
    ("A_C.2_80_L.27", 55, 24, 30, 0),
    ("A_C.2_80_L.31", 83, 34, 48, 0),
    ("A_C.2_80_L.47", 113, 57, 55, 0),
    ("A_C.2_80_L.48", 118, 22, 83, 12),
    ("A_C.2_80_L.49", 98, 21, 71, 5),
    ("A_C.2_80_L.5", 118, 21, 81, 15),
    ("A_C.2_80_L.51", 55, 25, 29, 0),
    ("A_C.2_80_L.53", 83, 34, 48, 0),
    ("A_C.2_80_L.57", 30, 14, 15, 0),
    ("A_C.2_80_L.58", 136, 59, 74, 2),
    ("A_C.2_80_L.6", 92, 20, 66, 5),
    ("A_C.2_80_L.9", 29, 15, 13, 0),
    ("A_RES_79_1", 635, 0, 195, 334),
    ("A_RES_79_194", 127, 55, 69, 2),
    ("A_RES_79_199", 67, 28, 34, 4),
    ("A_RES_79_202", 54, 25, 28, 0),
    ("A_RES_79_218", 92, 26, 59, 6),
    ("A_RES_79_219", 24, 16, 7, 0),
    ("A_RES_79_221", 84, 34, 49, 0),
    ("A_RES_80_118", 136, 59, 74, 2),
    ("A_RES_80_129", 30, 14, 15, 0),
    ("A_RES_80_135", 55, 25, 29, 0),
    ("A_RES_80_147", 113, 57, 55, 0),
    ("A_RES_80_150", 118, 22, 83, 12),
    ("A_RES_80_151", 98, 21, 71, 5),
    ("A_RES_80_153", 83, 34, 48, 0),
];

#[test]
fn paragraph_counts_of_every_un_pdf() {
    for &(file, total, preambular, numbered, sub) in COUNTS {
        let Some(doc) = un(file) else {
            return;
        };
        let count = |k: ParagraphKind| doc.paragraphs.iter().filter(|p| p.kind == k).count();
        let derived = doc.paragraphs.iter().filter(|p| p.derived).count();
        assert_eq!(
            count(ParagraphKind::Preambular),
            derived,
            "{file}: printed preamble labels"
        );
        assert_eq!(
            (
                doc.paragraphs.len(),
                derived,
                count(ParagraphKind::Numbered),
                count(ParagraphKind::SubItem)
            ),
            (total, preambular, numbered, sub),
            "{file}"
        );
    }
}

/// The opening of `PP1`, and the label, opening and ending of the last operative paragraph,
/// as read in each document (quotes are U+201D, as printed): every UN PDF but A/RES/79/1,
/// which has no preamble of its own.
const ENDS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "A_C.2_80_L.5",
        "Recalling the Doha Programme of Action for the Least Developed Countries",
        "81",
        "Also requests the Secretary-General to submit",
        "Conference on the Least Developed Countries.\u{201D}",
    ),
    (
        "A_C.2_80_L.48",
        "Recalling the Doha Programme of Action for the Least Developed Countries",
        "83",
        "Also requests the Secretary-General to prepare and submit",
        "Conference on the Least Developed Countries.\u{201D}",
    ),
    (
        "A_RES_80_150",
        "Recalling the Doha Programme of Action for the Least Developed Countries",
        "83",
        "Also requests the Secretary-General to prepare and submit",
        "Conference on the Least Developed Countries.\u{201D}",
    ),
    (
        "A_C.2_80_L.6",
        "Welcoming the Awaza Programme of Action for Landlocked",
        "66",
        "Requests the Secretary-General to submit to",
        "Conference on Landlocked Developing Countries\u{201D}.",
    ),
    (
        "A_C.2_80_L.49",
        "Welcoming the Awaza Programme of Action for Landlocked",
        "71",
        "Requests the Secretary-General to submit to",
        "Conference on Landlocked Developing Countries\u{201D}.",
    ),
    (
        "A_RES_80_151",
        "Welcoming the Awaza Programme of Action for Landlocked",
        "71",
        "Requests the Secretary-General to submit to",
        "Conference on Landlocked Developing Countries\u{201D}.",
    ),
    (
        "A_C.2_80_L.18",
        "Reaffirming its resolution 70/1 of 25 September 2015",
        "52",
        "Requests the Secretary-General to submit to",
        "innovation for sustainable development\u{201D}.",
    ),
    (
        "A_C.2_80_L.47",
        "Reaffirming its resolution 70/1 of 25 September 2015",
        "55",
        "Requests the Secretary-General to submit to",
        "innovation for sustainable development\u{201D}.",
    ),
    (
        "A_RES_80_147",
        "Reaffirming its resolution 70/1 of 25 September 2015",
        "55",
        "Requests the Secretary-General to submit to",
        "innovation for sustainable development\u{201D}.",
    ),
    (
        "A_C.2_80_L.27",
        "Recalling the Rio Declaration on Environment and Development",
        "30",
        "Decides to include in the provisional agenda",
        "production, building on Agenda 21\u{201D}.",
    ),
    (
        "A_C.2_80_L.51",
        "Recalling the Rio Declaration on Environment and Development",
        "29",
        "Decides to include in the provisional agenda",
        "production, building on Agenda 21\u{201D}.",
    ),
    (
        "A_RES_79_202",
        "Recalling the Rio Declaration on Environment and Development",
        "28",
        "Decides to include in the provisional agenda",
        "production, building on Agenda 21\u{201D}.",
    ),
    (
        "A_C.2_80_L.31",
        "Recalling its resolutions 72/233 of 20 December 2017",
        "48",
        "Decides to include in the provisional agenda",
        "(2018\u{2013}2027)\u{201D}, unless otherwise agreed.",
    ),
    (
        "A_C.2_80_L.53",
        "Recalling its resolutions 72/233 of 20 December 2017",
        "48",
        "Decides to include in the provisional agenda",
        "(2018\u{2013}2027)\u{201D}, unless otherwise agreed.",
    ),
    (
        "A_RES_80_153",
        "Recalling its resolutions 72/233 of 20 December 2017",
        "48",
        "Decides to include in the provisional agenda",
        "(2018\u{2013}2027)\u{201D}, unless otherwise agreed.",
    ),
    (
        "A_RES_79_221",
        "Recalling its resolutions 72/233 of 20 December 2017",
        "49",
        "Decides to include in the provisional agenda",
        "(2018\u{2013}2027)\u{201D}, unless otherwise agreed.",
    ),
    (
        "A_RES_79_194",
        "Recalling its resolution 78/132 of 19 December 2023",
        "69",
        "Decides to include in the provisional agenda",
        "for sustainable development\u{201D}, unless otherwise agreed.",
    ),
    (
        "A_RES_79_199",
        "Recalling its resolutions 70/192 of 22 December 2015",
        "34",
        "Decides to include in the provisional agenda",
        "Conferences on Financing for Development\u{201D}.",
    ),
    (
        "A_RES_80_129",
        "Welcoming the convening of the Fourth International Conference",
        "15",
        "Decides to include in the provisional agenda",
        "Conferences on Financing for Development\u{201D}.",
    ),
    (
        "A_RES_79_218",
        "Recalling the Doha Programme of Action for the Least Developed Countries",
        "59",
        "Also requests the Secretary-General to submit",
        "of countries in special situations\u{201D}.",
    ),
    (
        "A_C.2_80_L.9",
        "Welcoming the convening of the Fourth International Conference",
        "13",
        "Decides to include in the provisional agenda",
        "Conferences on Financing for Development\u{201D}.",
    ),
    (
        "A_C.2_80_L.57",
        "Welcoming the convening of the Fourth International Conference",
        "15",
        "Decides to include in the provisional agenda",
        "Conferences on Financing for Development\u{201D}.",
    ),
    (
        "A_RES_79_219",
        "Recalling the Vienna Declaration, the Vienna Programme of Action",
        "7",
        "Requests the Secretary-General to submit to the General Assembly",
        "Conference on Landlocked Developing Countries\u{201D}.",
    ),
    (
        "A_C.2_80_L.17",
        "Recalling its resolution 79/194 of 19 December 2024",
        "73",
        "Decides to include in the provisional agenda",
        "for sustainable development\u{201D}, unless otherwise agreed.",
    ),
    (
        "A_C.2_80_L.58",
        "Recalling its resolution 79/194 of 19 December 2024",
        "74",
        "Decides to include in the provisional agenda",
        "for sustainable development\u{201D}, unless otherwise agreed.",
    ),
    (
        "A_RES_80_118",
        "Recalling its resolution 79/194 of 19 December 2024",
        "74",
        "Decides to include in the provisional agenda",
        "for sustainable development\u{201D}, unless otherwise agreed.",
    ),
    (
        "A_RES_80_135",
        "Recalling the Rio Declaration on Environment and Development",
        "29",
        "Decides to include in the provisional agenda",
        "production, building on Agenda 21\u{201D}.",
    ),
];

#[test]
fn first_and_last_paragraphs_of_every_un_pdf() {
    for &(file, pp1, last, opening, ending) in ENDS {
        let Some(doc) = un(file) else {
            return;
        };
        assert_paragraph(&doc, "PP1", pp1, "");
        assert_paragraph(&doc, last, opening, ending);
        let mut numbered = doc
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Numbered);
        assert_eq!(
            numbered.next_back().and_then(|p| p.label.as_deref()),
            Some(last),
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

/// Asserts that every one of `lines` is a line of the transcript `t`.
fn assert_lines(t: &[String], lines: &[&str]) {
    for line in lines {
        assert!(
            t.iter().any(|l| l == line),
            "no {line:?} in\n{}",
            t.join("\n")
        );
    }
}

/// True changes between consecutive versions, written down by reading the two PDFs side by
/// side (`pdftotext`), checked as lines of the transcript.
fn assert_changes(old: &str, new: &str, expected: &[&str], total: usize) {
    let (Some(a), Some(b)) = (un(old), un(new)) else {
        return;
    };
    let t = transcript(&a, &b);
    assert_lines(&t, expected);
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
        // 20: "o utlined" in L.27's PP6 is an extraction artefact; L.51's whole "outlined"
        // is the evidence that joins it, so PP6 is unchanged.
        20,
    );
}

const PARIS: &str = "unfccc-paris-2015";

/// A Paris Agreement draft, PDF or Markdown transcription (stored as `.txt`).
fn paris(file: &str) -> Option<Document> {
    document(PARIS, file)
}

/// The article headings of a document, by label, without "Article ".
fn articles(doc: &Document) -> Vec<String> {
    doc.paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Heading)
        .filter_map(|p| p.label.as_deref()?.strip_prefix("Article "))
        .map(str::to_string)
        .collect()
}

/// Article labels as printed in each draft, read from the PDFs and the transcriptions: the
/// October and December drafts carry provisional articles (2 bis, 3 bis, 3 ter, 8 bis,
/// printed "2bis", "[Article 3 bis]", "Article 8bis") that the adopted text renumbers 1–29.
#[test]
fn paris_drafts_label_their_articles_as_printed() {
    let draft: Vec<String> = [
        "1", "2", "2 bis", "3", "3 bis", "3 ter", "4", "5", "6", "7", "8", "8 bis",
    ]
    .into_iter()
    .map(str::to_string)
    .chain((9..=26).map(|n| n.to_string()))
    .collect();
    let adopted: Vec<String> = (1..=29).map(|n| n.to_string()).collect();
    let october: Vec<String> = (1..=26).map(|n| n.to_string()).collect();
    // The 9 December transcription has no Article 17 (a transcription fault; SOURCES.md).
    let ninth: Vec<String> = draft.iter().filter(|a| *a != "17").cloned().collect();
    for (file, expected) in [
        ("11infnot.pdf", &draft),
        ("adp_compilation_4dec15_10am.pdf", &draft),
        ("draft-agreement-2015-10-23.txt", &draft),
        ("draft-agreement-2015-12-04.txt", &draft),
        ("draft-agreement-2015-12-09.txt", &ninth),
        ("8infnot.pdf", &october),
        ("paris-agreement-2015-12-12.txt", &adopted),
        ("paris-agreement-2015-12-12-corrected.txt", &adopted),
    ] {
        let Some(doc) = paris(file) else {
            return;
        };
        assert_eq!(&articles(&doc), expected, "{file}");
    }
}

/// The adopted Paris Agreement as transcribed: its 16 preambular paragraphs, and the
/// paragraphs of the longest articles counted against the treaty (Article 4: 19, Article 6:
/// 9 with 7 sub-paragraphs, Article 7: 14 with 14, Article 13: 15 with 2).
#[test]
fn paris_agreement_structure() {
    let Some(doc) = paris("paris-agreement-2015-12-12.txt") else {
        return;
    };
    // Site markup is not text: no front matter, no "{:toc}", no link definitions.
    assert_eq!(
        doc.meta.as_ref().and_then(|m| m.title.as_deref()),
        Some("Paris Agreement")
    );
    for p in &doc.paragraphs {
        assert!(
            !p.text.contains("{:") && !p.text.contains("redirect_from") && !p.text.contains("]: "),
            "{}",
            p.text
        );
    }
    let preamble: Vec<_> = doc.paragraphs.iter().filter(|p| p.derived).collect();
    assert_eq!(preamble.len(), 16);
    assert!(
        preamble[0]
            .text
            .starts_with("Being Parties to the United Nations Framework")
    );
    assert!(
        preamble[15]
            .text
            .starts_with("Also recognizing that sustainable lifestyles")
    );
    let count = |article: &str, kind: ParagraphKind| {
        doc.paragraphs
            .iter()
            .filter(|p| {
                p.article.as_deref() == Some(format!("Article {article}").as_str())
                    && p.kind == kind
            })
            .count()
    };
    for (article, numbered, sub) in [("4", 19, 0), ("6", 9, 7), ("7", 14, 14), ("13", 15, 2)] {
        assert_eq!(
            (
                count(article, ParagraphKind::Numbered),
                count(article, ParagraphKind::SubItem)
            ),
            (numbered, sub),
            "Article {article}"
        );
    }
    let at = |reference: &str| {
        let i = (0..doc.paragraphs.len())
            .find(|&i| doc.reference(i) == reference)
            .unwrap_or_else(|| panic!("no {reference}"));
        &doc.paragraphs[i].text
    };
    assert!(at("Art. 4 ¶ 2").starts_with("Each Party shall prepare, communicate and maintain"));
    assert!(at("Art. 2 ¶ 1 (1)").starts_with("Holding the increase in the global average"));
    assert!(at("Art. 6 ¶ 9").starts_with("A framework for non-market approaches"));
}

/// The editorial corrections of January 2016, against the text adopted on 12 December 2015,
/// found by reading the two transcriptions side by side: 43 paragraphs reworded ("the
/// Paris Agreement" → "this Agreement", "; and" closing lists, "per cent", "nonmarket" →
/// "non-market" …), nothing renumbered, and the transcriber's note rewritten. Emphasis
/// added to "*mutatis mutandis*" or the chapeau is not a change.
#[test]
fn paris_editorial_corrections() {
    let (Some(adopted), Some(corrected)) = (
        paris("paris-agreement-2015-12-12.txt"),
        paris("paris-agreement-2015-12-12-corrected.txt"),
    ) else {
        return;
    };
    let t = transcript(&adopted, &corrected);
    let modified = t.iter().filter(|l| l.starts_with("modified ")).count();
    assert_eq!(modified, 43, "{}", t.join("\n"));
    assert_lines(
        &t,
        &[
            "deleted [#1] -> []",
            "inserted [] -> [#1]",
            "modified [Art. 1 ¶ 1] -> [Art. 1 ¶ 1]",
            "modified [Art. 2 ¶ 1 (1)] -> [Art. 2 ¶ 1 (1)]",
            "modified [Art. 4 ¶ 17] -> [Art. 4 ¶ 17]",
            "modified [Art. 6 ¶ 9] -> [Art. 6 ¶ 9]",
            "modified [Art. 21 ¶ 1] -> [Art. 21 ¶ 1]",
        ],
    );
    assert_eq!(t.len(), 45, "{}", t.join("\n"));
}

/// 9 December → 12 December: the provisional articles get their final numbers, and the
/// headings follow their paragraphs there, as read in the two texts: REDD-plus (3 bis)
/// becomes Article 5, the mechanisms (3 ter) Article 6, loss and damage (5) Article 8,
/// education and public awareness (8 bis) Article 12.
#[test]
fn paris_articles_renumbered_in_the_final_text() {
    let (Some(ninth), Some(adopted)) = (
        paris("draft-agreement-2015-12-09.txt"),
        paris("paris-agreement-2015-12-12.txt"),
    ) else {
        return;
    };
    let t = transcript(&ninth, &adopted);
    assert_lines(
        &t,
        &[
            "modified [Article 3 bis] -> [Article 5]",
            "modified [Article 3 ter] -> [Article 6]",
            "modified [Article 5] -> [Article 8]",
            "modified [Article 8 bis] -> [Article 12]",
            "modified [Art. 3 bis ¶ 1] -> [Art. 5 ¶ 1]",
        ],
    );
}

/// The Pact for the Future (A/RES/79/1) and its annexes, as read in the document: the Pact's
/// 84 paragraphs with 242 sub-paragraphs; Annex I, the Global Digital Compact, 74 paragraphs
/// (plus the five objectives its paragraph 7 numbers 1.–5.) with 89 sub-paragraphs; Annex II,
/// the Declaration on Future Generations, 32 paragraphs with 3. The annexes restart their
/// numbering, so their paragraphs are told apart by the annex they stand in; the Pact's 56
/// "Action N." lines are headings.
#[test]
fn pact_for_the_future_annexes() {
    let Some(doc) = un("A_RES_79_1") else {
        return;
    };
    let count = |part: Option<&str>, kind: ParagraphKind| {
        doc.paragraphs
            .iter()
            .filter(|p| p.article.as_deref() == part && p.kind == kind)
            .count()
    };
    let parts = [
        (None, 84, 242),
        (Some("Annex I"), 79, 89),
        (Some("Annex II"), 32, 3),
    ];
    for (part, numbered, sub) in parts {
        assert_eq!(
            (
                count(part, ParagraphKind::Numbered),
                count(part, ParagraphKind::SubItem)
            ),
            (numbered, sub),
            "{part:?}"
        );
    }
    let headings: Vec<&str> = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Heading && p.article.is_some())
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "Annex I Global Digital Compact",
            "Annex II Declaration on Future Generations"
        ]
    );
    // The 56 numbered actions between the Pact's paragraphs are headings, none joined to
    // the paragraph before it over a page break.
    let actions: Vec<String> = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Heading)
        .filter_map(|p| p.label.clone())
        .filter(|l| l.starts_with("Action "))
        .collect();
    let expected: Vec<String> = (1..=56).map(|n| format!("Action {n}")).collect();
    assert_eq!(actions, expected);
    // Annex I ¶ 57 runs over a line that starts in lower case: one paragraph.
    let gdc_57 = (0..doc.paragraphs.len())
        .find(|&i| doc.reference(i) == "Annex I ¶ 57")
        .expect("Annex I ¶ 57");
    let text = &doc.paragraphs[gdc_57].text;
    assert!(
        text.contains("to appoint at the seventy-ninth session"),
        "{text}"
    );
    assert!(
        text.ends_with("for the adoption by the General Assembly."),
        "{text}"
    );
    let gdc_1 = (0..doc.paragraphs.len())
        .find(|&i| doc.reference(i) == "Annex I ¶ 1")
        .expect("Annex I ¶ 1");
    assert!(
        doc.paragraphs[gdc_1]
            .text
            .starts_with("Digital technologies are dramatically transforming our world")
    );
}
