//! Random drafts in the full shape of a UN resolution: title, chapeau, preamble (unlabelled
//! openers, lettered "(a)" paragraphs or "A." sentences), chapters with roman headings and
//! "A." sub-headings, numbered paragraphs with "(a)" and nested "(i)" sub-items, and
//! footnotes. [`crate::synth::draft`] makes only numbered paragraphs and headings; these
//! documents exercise every paragraph kind and label style of the parser.

use crate::model::{Document, ParagraphKind};
use crate::synth::draft::{OPENERS, Shape, document_from, paragraph_text, roman, sentence};

/// Openers of unlabelled preambular paragraphs, as a resolution prints them.
const PREAMBLE_OPENERS: &[&str] = &[
    "Recalling",
    "Reaffirming",
    "Noting with concern",
    "Recognizing",
    "Welcoming",
    "Emphasizing",
    "Stressing",
    "Taking note of",
    "Bearing in mind",
    "Acknowledging",
    "Expressing concern at",
    "Deeply concerned by",
    "Convinced of",
    "Mindful of",
    "Recalling also",
];

const TOPICS: &[&str] = &[
    "Digital divides",
    "Internet governance",
    "Financing",
    "Data governance",
    "Human rights online",
    "Capacity-building",
    "Follow-up and review",
    "Artificial intelligence",
];

const FOOTNOTES: &[&str] = &[
    "Resolution 70/1, annex.",
    "Resolution 79/1, annex I.",
    "See the report of the Secretary-General on the progress made in the implementation of and follow-up to the outcomes of the World Summit on the Information Society at the regional and international levels.",
    "Official Records of the Economic and Social Council, Supplement No. 11.",
    "Adopted by the World Summit on the Information Society at its second phase, held in Tunis.",
];

/// How the preamble of a generated resolution is labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Preamble {
    Openers,
    Lettered,
    Capitals,
}

type Entry = (Option<String>, ParagraphKind, String);

fn pick<'a>(rng: &mut fastrand::Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(..list.len())]
}

/// A resolution of about `paragraphs` paragraphs (every kind counted), the same for the same seed.
///
/// The preamble style (unlabelled openers, "(a)" or "A.") is chosen by the seed.
pub fn resolution(seed: u64, paragraphs: usize) -> Document {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out: Vec<Entry> = Vec::new();
    out.push((
        None,
        ParagraphKind::Plain,
        format!(
            "Information and communications technologies for {}",
            pick(
                &mut rng,
                &[
                    "sustainable development",
                    "the digital future",
                    "development"
                ]
            )
        ),
    ));
    let style = match rng.usize(0..3) {
        0 => Preamble::Openers,
        1 => Preamble::Lettered,
        _ => Preamble::Capitals,
    };
    out.push((
        None,
        ParagraphKind::Plain,
        "The General Assembly,".to_string(),
    ));
    let mut footnote = 0;
    for i in 0..rng.usize(5..8) {
        let (label, kind, text) = match style {
            Preamble::Openers => (
                None,
                ParagraphKind::Plain,
                format!(
                    "{} {},",
                    pick(&mut rng, PREAMBLE_OPENERS),
                    sentence(&mut rng)
                ),
            ),
            Preamble::Lettered => (
                Some(letter(i, false)),
                ParagraphKind::Preambular,
                format!(
                    "{} {};",
                    pick(&mut rng, PREAMBLE_OPENERS),
                    sentence(&mut rng)
                ),
            ),
            Preamble::Capitals => {
                let mut t = paragraph_text(&mut rng, &Shape::default());
                while t.len() < 130 {
                    t = format!("{} {}.", t.trim_end_matches('.'), sentence(&mut rng));
                }
                (Some(letter(i, true)), ParagraphKind::Preambular, t)
            }
        };
        out.push((label, kind, text));
        maybe_footnote(&mut rng, &mut out, &mut footnote);
    }
    let mut number = 0;
    let mut chapter = 0;
    while out.len() < paragraphs {
        if number % 12 == 0 {
            chapter += 1;
            let title = format!(
                "{} and {}",
                pick(&mut rng, TOPICS),
                pick(&mut rng, TOPICS).to_lowercase()
            );
            out.push((Some(roman(chapter)), ParagraphKind::Heading, title));
            if rng.bool() {
                for s in 0..rng.usize(1..3) {
                    if s > 0 {
                        number += 1;
                        out.push((
                            Some(number.to_string()),
                            ParagraphKind::Numbered,
                            paragraph_text(&mut rng, &Shape::default()),
                        ));
                    }
                    out.push((
                        Some(letter(s, true)),
                        ParagraphKind::Heading,
                        pick(&mut rng, TOPICS).to_string(),
                    ));
                }
            }
        }
        number += 1;
        if rng.usize(0..6) == 0 {
            sub_items(&mut rng, &mut out, number);
        } else {
            out.push((
                Some(number.to_string()),
                ParagraphKind::Numbered,
                paragraph_text(&mut rng, &Shape::default()),
            ));
        }
        maybe_footnote(&mut rng, &mut out, &mut footnote);
    }
    document_from(format!("resolution-{seed}.txt"), out)
}

/// A numbered chapeau ending in ":" and its lettered sub-items, one of them sometimes with
/// roman sub-items of its own; occasionally long enough to reach "(i)" as a letter.
fn sub_items(rng: &mut fastrand::Rng, out: &mut Vec<Entry>, number: usize) {
    let chapeau = format!("{} all stakeholders, as appropriate:", pick(rng, OPENERS));
    out.push((Some(number.to_string()), ParagraphKind::Numbered, chapeau));
    let n = if rng.usize(0..4) == 0 {
        10
    } else {
        rng.usize(2..5)
    };
    let nested = rng.usize(0..n + 2);
    for i in 0..n {
        let last = i + 1 == n;
        if i == nested && !last {
            out.push((
                Some(letter(i, false)),
                ParagraphKind::SubItem,
                format!("To {} the following:", sentence(rng)),
            ));
            let m = rng.usize(2..4);
            for k in 0..m {
                let end = ";";
                out.push((
                    Some(roman(k + 1).to_lowercase()),
                    ParagraphKind::SubItem,
                    format!("{}{end}", sentence(rng)),
                ));
            }
        } else {
            let end = if last { "." } else { ";" };
            out.push((
                Some(letter(i, false)),
                ParagraphKind::SubItem,
                format!("To {}{end}", sentence(rng)),
            ));
        }
    }
}

fn maybe_footnote(rng: &mut fastrand::Rng, out: &mut Vec<Entry>, footnote: &mut usize) {
    if rng.usize(0..10) == 0 {
        *footnote += 1;
        out.push((
            Some(footnote.to_string()),
            ParagraphKind::Footnote,
            pick(rng, FOOTNOTES).to_string(),
        ));
    }
}

fn letter(i: usize, upper: bool) -> String {
    let base = if upper { b'A' } else { b'a' };
    char::from(base + (i % 26) as u8).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_resolution() {
        assert_eq!(resolution(3, 80), resolution(3, 80));
    }

    #[test]
    fn resolutions_cover_every_kind() {
        let kinds: std::collections::HashSet<ParagraphKind> = (0..12)
            .flat_map(|s| resolution(s, 100).paragraphs)
            .map(|p| p.kind)
            .collect();
        assert_eq!(kinds.len(), 6, "{kinds:?}");
    }
}
