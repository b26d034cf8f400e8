//! Turn a draft's text into a [`Document`] of labelled paragraphs.
//!
//! PLACEHOLDER: splits on blank lines only; the parse helper replaces this module.

use crate::model::{Document, Paragraph, ParagraphKind};

pub mod normalize;

/// Parses `text` (read from `source`) into a document.
pub fn parse(text: &str, source: &str) -> Document {
    let mut paragraphs = Vec::new();
    let mut line = 1;
    for block in text.split("\n\n") {
        let t = block.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            let (label, rest) = match t.split_once(". ") {
                Some((l, r)) if l.chars().all(|c| c.is_ascii_digit()) => {
                    (Some(l.to_string()), r.to_string())
                }
                _ => (None, t.clone()),
            };
            let index = paragraphs.len();
            paragraphs.push(Paragraph {
                index,
                kind: if label.is_some() {
                    ParagraphKind::Numbered
                } else {
                    ParagraphKind::Plain
                },
                label,
                key: normalize::key(&rest),
                text: rest,
                line,
            });
        }
        line += block.matches('\n').count() + 2;
    }
    Document {
        source: source.to_string(),
        name: None,
        paragraphs,
    }
}
