//! Random drafts in the shape of a UN outcome document.

use std::ops::Range;

use crate::model::{Document, Paragraph, ParagraphKind};
use crate::parse::normalize;

/// How long generated paragraphs run.
///
/// The default keeps paragraphs short (one to three sentences, about 290 bytes), which is
/// what the accuracy tests were tuned on. [`Shape::realistic`] matches the paragraphs of
/// real outcome documents (about 500 bytes), which is what benchmarks need: time and
/// memory grow with bytes, not only with paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// Sentences per paragraph, drawn uniformly from this half-open, non-empty range.
    pub sentences: Range<usize>,
}

impl Default for Shape {
    fn default() -> Self {
        Shape { sentences: 1..4 }
    }
}

impl Shape {
    /// Paragraphs of two to four sentences, about 500 bytes, as in real outcome documents.
    pub fn realistic() -> Self {
        Shape { sentences: 2..5 }
    }
}

/// Openers that many operative paragraphs share, as in real outcome documents.
pub const OPENERS: &[&str] = &[
    "We recognize",
    "We reaffirm",
    "We acknowledge",
    "We call upon",
    "We encourage",
    "We note with concern",
    "We decide",
    "We request the Secretary-General",
    "We underline",
    "We commit",
    "We invite",
    "We stress",
];

const SUBJECTS: &[&str] = &[
    "the Internet Governance Forum",
    "the multistakeholder model",
    "Member States",
    "the private sector",
    "civil society",
    "the technical community",
    "international organizations",
    "regional and national initiatives",
    "developing countries",
    "the United Nations system",
    "all stakeholders",
    "the Commission on Science and Technology for Development",
    "least developed countries",
    "small island developing States",
];

const VERBS: &[&str] = &[
    "strengthen",
    "support",
    "promote",
    "enhance",
    "ensure",
    "foster",
    "advance",
    "facilitate",
    "coordinate",
    "review",
    "mobilize",
    "protect",
];

const OBJECTS: &[&str] = &[
    "meaningful and affordable connectivity",
    "digital literacy and skills",
    "the security and stability of the Internet",
    "an open, interoperable and unfragmented Internet",
    "human rights online and offline",
    "the free flow of information",
    "capacity-building in developing countries",
    "the resilience of critical infrastructure",
    "data governance frameworks",
    "gender equality in the digital economy",
    "artificial intelligence governance",
    "stable and diverse funding for the Forum",
    "cooperation on cybersecurity",
    "the implementation of the action lines",
    "local content and multilingualism",
    "environmental sustainability of digital technologies",
];

const QUALIFIERS: &[&str] = &[
    "in accordance with national priorities",
    "with the full participation of all stakeholders",
    "within existing resources",
    "in line with the 2030 Agenda for Sustainable Development",
    "taking into account the needs of developing countries",
    "through voluntary contributions",
    "in a transparent and inclusive manner",
    "at the national, regional and global levels",
    "on the basis of mutual respect",
    "by the end of the review period",
];

fn pick<'a>(rng: &mut fastrand::Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(..list.len())]
}

/// One sentence in the register of an operative paragraph, without opener.
pub fn sentence(rng: &mut fastrand::Rng) -> String {
    let mut s = format!(
        "{} to {} {}",
        pick(rng, SUBJECTS),
        pick(rng, VERBS),
        pick(rng, OBJECTS)
    );
    for _ in 0..rng.usize(0..3) {
        s.push(' ');
        s.push_str(pick(rng, QUALIFIERS));
    }
    if rng.bool() {
        s.push_str(&format!(
            ", and to {} {}",
            pick(rng, VERBS),
            pick(rng, OBJECTS)
        ));
    }
    s
}

/// A paragraph's text: sentences as many as `shape` says, each with a formulaic opener,
/// ending with a full stop.
pub fn paragraph_text(rng: &mut fastrand::Rng, shape: &Shape) -> String {
    let mut text = format!("{} {}", pick(rng, OPENERS), sentence(rng));
    // The first sentence is drawn above; the draw of the rest keeps the default shape's
    // random sequence (and so every seeded test's drafts) as it was.
    let more = shape.sentences.start.saturating_sub(1)..shape.sentences.end.saturating_sub(1);
    for _ in 0..rng.usize(more) {
        text.push_str(&format!(". {} {}", pick(rng, OPENERS), sentence(rng)));
    }
    text.push('.');
    text
}

/// A draft of `paragraphs` numbered operative paragraphs, with a heading every ten or so.
///
/// Labels run 1, 2, 3… over numbered paragraphs and I, II, III… over headings; `key`
/// is filled as `parse` would fill it. Paragraphs have the default [`Shape`].
pub fn draft(seed: u64, paragraphs: usize) -> Document {
    draft_shaped(seed, paragraphs, &Shape::default())
}

/// Like [`draft`], with paragraphs of the given `shape`.
pub fn draft_shaped(seed: u64, paragraphs: usize, shape: &Shape) -> Document {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out = Vec::with_capacity(paragraphs + paragraphs / 8);
    let mut number = 0;
    let mut section = 0;
    while number < paragraphs {
        if number % 10 == 0 || rng.usize(0..25) == 0 {
            section += 1;
            let text = format!(
                "{} and {}",
                capitalize(pick(&mut rng, OBJECTS)),
                pick(&mut rng, OBJECTS)
            );
            out.push((Some(roman(section)), ParagraphKind::Heading, text));
        }
        number += 1;
        out.push((
            Some(number.to_string()),
            ParagraphKind::Numbered,
            paragraph_text(&mut rng, shape),
        ));
    }
    document_from(format!("synth-{seed}.txt"), out)
}

/// Builds a document from (label, kind, text) triples, numbering lines as a plain-text file
/// with one blank line between paragraphs would.
pub fn document_from(
    source: String,
    paragraphs: Vec<(Option<String>, ParagraphKind, String)>,
) -> Document {
    let paragraphs = paragraphs
        .into_iter()
        .enumerate()
        .map(|(index, (label, kind, text))| {
            let key = normalize::key(&text);
            let mut p = Paragraph {
                index,
                label,
                kind,
                text,
                line: 2 * index + 1,
                derived: false,
                notes: Vec::new(),
                article: None,
                folded_key: None,
            };
            p.set_key(key);
            p
        })
        .collect();
    Document {
        source,
        name: None,
        paragraphs,
        meta: None,
        notes: Vec::new(),
    }
}

/// A draft as a typed plain-text file: a title, then each paragraph with its label
/// ("12. …", "IV. …"), one blank line between paragraphs, as `parse` reads it back.
///
/// Real outcome documents stop well short of paragraph 1000 and chapter XXX, and `parse`
/// rightly reads "2030." or "XXXVIII." as text, not labels. So a long draft is written as an
/// archive of volumes: paragraph numbers run 1 to 999 and chapter numerals I to XXX, then
/// start again. Every paragraph keeps a label `parse` recognises, so renumbering is no
/// change, as in a real draft.
pub fn plain_text(doc: &Document) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("Draft outcome document\n\n");
    let (mut number, mut chapter) = (0usize, 0usize);
    for p in &doc.paragraphs {
        match p.kind {
            ParagraphKind::Heading => {
                chapter += 1;
                let _ = write!(out, "{}. ", roman((chapter - 1) % 30 + 1));
            }
            _ => {
                number += 1;
                let _ = write!(out, "{}. ", (number - 1) % 999 + 1);
            }
        }
        out.push_str(&p.text);
        out.push_str("\n\n");
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Roman numerals for section headings.
pub fn roman(n: usize) -> String {
    crate::parse::label::to_roman(u32::try_from(n).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_draft_and_counts_hold() {
        let a = draft(7, 150);
        assert_eq!(a, draft(7, 150));
        assert_ne!(a, draft(8, 150));
        let numbered = a
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Numbered)
            .count();
        assert_eq!(numbered, 150);
        assert!(a.paragraphs.iter().enumerate().all(|(i, p)| p.index == i));
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(1994), "MCMXCIV");
    }
}
