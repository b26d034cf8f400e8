//! End-to-end cases of [`parse`]: one per paragraph kind, label style and rule.

use super::{normalize, parse};
use crate::model::{Document, ParagraphKind};
use ParagraphKind::*;

/// (label, kind, text) of every paragraph, for compact assertions.
fn shape(doc: &Document) -> Vec<(Option<&str>, ParagraphKind, &str)> {
    doc.paragraphs
        .iter()
        .map(|p| (p.label.as_deref(), p.kind, p.text.as_str()))
        .collect()
}

fn one(text: &str) -> (Option<String>, ParagraphKind, String) {
    let doc = parse(text, "t.txt");
    assert_eq!(doc.paragraphs.len(), 1, "{:?}", shape(&doc));
    let p = &doc.paragraphs[0];
    (p.label.clone(), p.kind, p.text.clone())
}

#[test]
fn blank_lines_separate_and_single_newlines_are_soft_wraps() {
    let doc = parse("We note\nthe report.\n\n\nWe decide\nto act.\n", "t.txt");
    assert_eq!(
        shape(&doc),
        [
            (None, Plain, "We note the report."),
            (None, Plain, "We decide to act.")
        ]
    );
    assert_eq!(doc.paragraphs[1].line, 5);
    assert_eq!(doc.source, "t.txt");
}

#[test]
fn index_line_and_key_are_filled() {
    let doc = parse(
        "1. We \u{201C}note\u{201D}.\n\n2. We\u{00A0}decide.",
        "t.txt",
    );
    for (i, p) in doc.paragraphs.iter().enumerate() {
        assert_eq!(p.index, i);
        assert_eq!(p.key(), normalize::key(&p.text));
    }
    assert_eq!(doc.paragraphs[0].key(), "We \"note\".");
    assert_eq!(doc.paragraphs[1].line, 3);
}

#[test]
fn numbered_paragraph() {
    assert_eq!(
        one("12. We recognize the Forum."),
        (
            Some("12".into()),
            Numbered,
            "We recognize the Forum.".into()
        )
    );
}

#[test]
fn roman_heading() {
    assert_eq!(
        one("IV. Follow-up and review"),
        (Some("IV".into()), Heading, "Follow-up and review".into())
    );
}

#[test]
fn capital_letter_sub_heading() {
    assert_eq!(
        one("A. Digital divides"),
        (Some("A".into()), Heading, "Digital divides".into())
    );
}

#[test]
fn capital_letter_long_sentence_before_numbers_is_preambular() {
    let text = "A. We recognize that the digital divides persist between and within countries and that meaningful connectivity remains out of reach.";
    assert_eq!(one(text).1, Preambular);
}

#[test]
fn lettered_paragraph_before_numbers_is_preambular_and_after_is_sub_item() {
    let doc = parse(
        "(a) Recalling the Charter;\n\n(b) Noting the report;\n\n1. We call for:\n\n(a) access;\n\n(b) skills.",
        "t.txt",
    );
    let kinds: Vec<_> = shape(&doc).iter().map(|s| (s.0, s.1)).collect();
    assert_eq!(
        kinds,
        [
            (Some("a"), Preambular),
            (Some("b"), Preambular),
            (Some("1"), Numbered),
            (Some("a"), SubItem),
            (Some("b"), SubItem)
        ]
    );
}

#[test]
fn roman_sub_items() {
    let doc = parse(
        "1. We call for:\n\n(a) the following:\n\n(i) access;\n\n(ii) skills;\n\n(b) funding.",
        "t.txt",
    );
    let labels: Vec<_> = shape(&doc).iter().map(|s| (s.0, s.1)).collect();
    assert_eq!(
        labels,
        [
            (Some("1"), Numbered),
            (Some("a"), SubItem),
            (Some("i"), SubItem),
            (Some("ii"), SubItem),
            (Some("b"), SubItem)
        ]
    );
}

#[test]
fn paren_i_after_h_is_the_ninth_letter() {
    let items: String = ('a'..='j').map(|c| format!("({c}) item {c};\n")).collect();
    let doc = parse(&format!("1. We call for:\n{items}"), "t.txt");
    let labels: Vec<_> = doc
        .paragraphs
        .iter()
        .filter_map(|p| p.label.clone())
        .collect();
    assert_eq!(
        labels,
        ["1", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    );
}

#[test]
fn unlabelled_text_is_plain() {
    assert_eq!(one("The General Assembly,").1, Plain);
}

#[test]
fn markdown_headings_lists_emphasis_and_footnotes() {
    let doc = parse(include_str!("../../fixtures/parse/markdown.md"), "m.md");
    assert_eq!(
        shape(&doc),
        [
            (None, Heading, "Outcome document"),
            (Some("I"), Heading, "Introduction"),
            (None, Plain, "Recalling its resolution 70/1,"),
            (Some("1"), Footnote, "Transforming our world."),
            (Some("1"), Numbered, "We recognize the role of the Forum."),
            (None, Plain, "civil society"),
            (None, Plain, "the private sector"),
        ]
    );
}

#[test]
fn pdf_text_rebuilds_paragraphs() {
    let doc = parse(include_str!("../../fixtures/parse/pdf-like.txt"), "p.txt");
    assert_eq!(
        shape(&doc),
        [
            (None, Plain, "Draft outcome document on digital cooperation"),
            (None, Plain, "The General Assembly,"),
            (
                Some("PP1"),
                Preambular,
                "Recalling its resolution 70/1 on the 2030 Agenda for Sustainable Development and the Charter of the United Nations,"
            ),
            (
                Some("1"),
                Footnote,
                "Signed at San Francisco on 26 June 1945."
            ),
            (
                Some("PP2"),
                Preambular,
                "Reaffirming the value of multi-stakeholder cooperation and engagement in the information society,"
            ),
            (Some("I"), Heading, "Vision"),
            (
                Some("1"),
                Numbered,
                "We recognize that meaningful connectivity remains out of reach 2030 Agenda targets notwithstanding, and that the multi-stakeholder model must be strengthened."
            ),
            (Some("2"), Numbered, "We call upon all stakeholders:"),
            (
                Some("a"),
                SubItem,
                "To promote universal and affordable access;"
            ),
            (Some("b"), SubItem, "To support effective financing."),
            (
                Some("3"),
                Numbered,
                "We decide to remain seized of the matter."
            ),
        ]
    );
}

#[test]
fn wrapped_year_at_line_start_is_not_a_paragraph_number() {
    let doc = parse("1. We recall the\n2030. Agenda and\n2. We decide.", "t.txt");
    assert_eq!(shape(&doc)[0].2, "We recall the 2030. Agenda and");
    assert_eq!(doc.paragraphs.len(), 2);
}

#[test]
fn label_alone_on_its_line() {
    let doc = parse(
        "x\n\x0c1.\nRecognizes the role;\n2.\nDecides to act.",
        "t.txt",
    );
    assert_eq!(
        shape(&doc)[1..],
        [
            (Some("1"), Numbered, "Recognizes the role;"),
            (Some("2"), Numbered, "Decides to act.")
        ]
    );
}

#[test]
fn preambular_openers_start_paragraphs_in_pdf_text() {
    let text = "A/80/L.1\nThe General Assembly,\nRecalling its resolution\n70/1,\nNoting with concern the divides,\nTaking   note  of the report,\n1. Decides.\n25-12345\n";
    let doc = parse(text, "t.txt");
    let texts: Vec<_> = shape(&doc).iter().map(|s| s.2).collect();
    assert_eq!(
        texts,
        [
            "The General Assembly,",
            "Recalling its resolution 70/1,",
            "Noting with concern the divides,",
            "Taking note of the report,",
            "Decides."
        ]
    );
}

#[test]
fn paragraph_continues_across_a_page_break() {
    let text =
        "A/80/L.1\n1. We note the\n25-12345 (E)\n1/2\n\x0cA/80/L.1\n\nreport of the Forum.\n2/2\n";
    assert_eq!(
        shape(&parse(text, "t.txt")),
        [(Some("1"), Numbered, "We note the report of the Forum.")]
    );
}

#[test]
fn justified_space_runs_collapse() {
    assert_eq!(one("We  note   the    report.").2, "We note the report.");
}

#[test]
fn ligatures_fold_in_text() {
    assert_eq!(
        one("e\u{FB00}ective \u{FB01}nancing").2,
        "effective financing"
    );
}

#[test]
fn text_without_structure_never_panics() {
    for text in [
        "",
        "\n\n\n",
        "\x0c\x0c",
        "(",
        "1.",
        "[^",
        "#",
        "- ",
        "IV.",
        "____\n1\n",
    ] {
        let _ = parse(text, "t.txt");
    }
}

#[test]
fn control_characters_show_as_replacement_and_keep_lines() {
    // A terminal escape (window title, screen clear) and a bell in a hostile draft.
    let doc = parse(
        "1. We note\u{1b}]0;owned\u{7} the\u{1b}[2J report.\n\n2. We welcome\u{85}it.",
        "t.txt",
    );
    let text: Vec<&str> = doc.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        text,
        [
            "We note\u{FFFD}]0;owned\u{FFFD} the\u{FFFD}[2J report.",
            "We welcome\u{FFFD}it."
        ]
    );
    assert_eq!(doc.paragraphs[1].line, 3);
}

#[test]
fn hidden_bytes_agree_with_hidden_characters() {
    let hidden = |c: char| c.is_control() && !matches!(c, '\n' | '\t' | '\r' | '\x0c');
    // Controls of both blocks, their UTF-8 neighbours (U+00A0 and U+0100 share or follow the
    // 0xC2 lead byte), and the characters that stay; placed at block edges by the padding.
    let alphabet = [
        'a', ' ', '\n', '\t', '\r', '\x0c', '\x0b', '\x00', '\x1b', '\x1f', '\x7f', '\u{80}',
        '\u{85}', '\u{9f}', '\u{a0}', '\u{a7}', '\u{100}', '\u{2028}', '\u{FFFD}', 'é',
    ];
    let mut rng = fastrand::Rng::with_seed(7);
    for _ in 0..20_000 {
        let pad = "x".repeat(rng.usize(0..130));
        let tail: String = (0..rng.usize(0..6))
            .map(|_| alphabet[rng.usize(0..alphabet.len())])
            .collect();
        let text = format!("{pad}{tail}");
        assert_eq!(
            super::has_hidden_bytes(text.as_bytes()),
            text.contains(hidden),
            "{text:?}"
        );
    }
}

#[test]
fn any_byte_agrees_with_any() {
    let mut rng = fastrand::Rng::with_seed(3);
    for _ in 0..5_000 {
        let bytes: Vec<u8> = (0..rng.usize(0..200))
            .map(|_| if rng.usize(0..150) == 0 { b'*' } else { b'a' })
            .collect();
        let test = |b: u8| b == b'*';
        assert_eq!(
            super::any_byte(&bytes, test),
            bytes.iter().any(|&b| test(b)),
            "{bytes:?}"
        );
    }
}
