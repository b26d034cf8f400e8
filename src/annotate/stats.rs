//! Section and topic statistics: where a revision moved most.
//!
//! Counts, per section of the draft and per watched topic, the paragraphs changed and the
//! words added and removed, from the finished changes' spans.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::{Change, ChangeKind, Document, ParagraphKind, SpanOp, is_part_label};

/// Changes counted over one section or topic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// The section ("II.A Bridging digital divides") or topic name.
    pub name: String,
    /// Changes other than `unchanged`.
    pub changed: usize,
    /// Words in inserted spans.
    pub words_added: usize,
    /// Words in deleted spans.
    pub words_removed: usize,
}

impl Tally {
    fn add(&mut self, change: &Change) {
        self.count(counts(change));
    }

    fn count(&mut self, counts: Option<(usize, usize)>) {
        if let Some((added, removed)) = counts {
            self.changed += 1;
            self.words_added += added;
            self.words_removed += removed;
        }
    }
}

/// The words a change adds and removes; `None` for an unchanged paragraph, which counts
/// for nothing.
fn counts(change: &Change) -> Option<(usize, usize)> {
    if change.kind == ChangeKind::Unchanged {
        return None;
    }
    let (mut added, mut removed) = (0, 0);
    for span in &change.spans {
        match span.op {
            SpanOp::Insert => added += span.text.split_whitespace().count(),
            SpanOp::Delete => removed += span.text.split_whitespace().count(),
            SpanOp::Equal => {}
        }
    }
    Some((added, removed))
}

/// The section each paragraph of `document` stands in: the nearest heading before it,
/// prefixed by its parent ("II.A") when it is a lettered sub-section.
pub fn sections(document: &Document) -> Vec<String> {
    let (names, of) = section_ids(document);
    of.into_iter().map(|s| names[s].clone()).collect()
}

/// [`sections`] without a copy of the name for every paragraph: the sections' names, in
/// order, and each paragraph's index into them.
fn section_ids(document: &Document) -> (Vec<String>, Vec<usize>) {
    let mut top: Option<&str> = None;
    let mut names = vec![String::from("(before the first heading)")];
    let of = document
        .paragraphs
        .iter()
        .map(|p| {
            if p.kind == ParagraphKind::Heading {
                let label = p.label.as_deref().unwrap_or("");
                let lettered = label.len() == 1
                    && label.chars().all(|c| c.is_ascii_uppercase())
                    && !matches!(label, "I" | "V" | "X");
                names.push(match (top, lettered) {
                    (Some(t), true) => format!("{t}.{label} {}", p.text),
                    _ => {
                        top = Some(label);
                        // An article heading's text is the whole heading ("Article 3
                        // (mitigation)"), label included.
                        if label.is_empty() || is_part_label(label) {
                            p.text.clone()
                        } else {
                            format!("{label}. {}", p.text)
                        }
                    }
                });
            }
            names.len() - 1
        })
        .collect();
    (names, of)
}

/// Tallies per section, in the order sections first appear (new draft first, then sections
/// only the old draft had); sections without changes are left out.
pub fn by_section(changes: &[Change], old: &Document, new: &Document) -> Vec<Tally> {
    let (old_names, old_of) = section_ids(old);
    let (new_names, new_of) = section_ids(new);
    // Each section's tally, by the section's place in either draft; sections of the same
    // name in both drafts share one. Looked up by name once per section, not per change: a
    // long draft has hundreds of sections and tens of thousands of changes.
    let mut tallies: Vec<Tally> = Vec::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    let mut new_tally: Vec<Option<usize>> = vec![None; new_names.len()];
    let mut old_tally: Vec<Option<usize>> = vec![None; old_names.len()];
    // Where each change stands and what it counts, read in parallel: a long draft has tens
    // of thousands of changes, each in its own place in memory. The tallies are then kept
    // in order.
    let read: Vec<_> = changes
        .par_iter()
        .map(|change| {
            let (in_new, section) = match (change.new.first(), change.old.first()) {
                (Some(&n), _) => (true, new_of[n]),
                (None, Some(&o)) => (false, old_of[o]),
                _ => return None,
            };
            Some((in_new, section, counts(change)))
        })
        .collect();
    for (in_new, section, counts) in read.into_iter().flatten() {
        let (slot, name) = if in_new {
            (&mut new_tally[section], &new_names[section])
        } else {
            (&mut old_tally[section], &old_names[section])
        };
        let at = *slot.get_or_insert_with(|| {
            *by_name.entry(name.as_str()).or_insert_with(|| {
                tallies.push(Tally {
                    name: name.clone(),
                    ..Default::default()
                });
                tallies.len() - 1
            })
        });
        tallies[at].count(counts);
    }
    tallies.retain(|t| t.changed > 0);
    tallies
}

/// Tallies per topic tagged on the changes, in order of first appearance.
pub fn by_topic(changes: &[Change]) -> Vec<Tally> {
    let mut tallies: Vec<Tally> = Vec::new();
    for change in changes {
        for tag in &change.topics {
            let at = match tallies.iter().position(|t| t.name == tag.topic) {
                Some(i) => i,
                None => {
                    tallies.push(Tally {
                        name: tag.topic.clone(),
                        ..Default::default()
                    });
                    tallies.len() - 1
                }
            };
            tallies[at].add(change);
        }
    }
    tallies
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::synth::draft::document_from;

    #[test]
    fn sections_combine_roman_and_lettered_headings() {
        let d = document_from(
            "d.txt".into(),
            vec![
                (None, ParagraphKind::Plain, "Title".into()),
                (
                    Some("II".into()),
                    ParagraphKind::Heading,
                    "ICT for development".into(),
                ),
                (
                    Some("A".into()),
                    ParagraphKind::Heading,
                    "Digital divides".into(),
                ),
                (Some("9".into()), ParagraphKind::Numbered, "We act.".into()),
                (
                    Some("V".into()),
                    ParagraphKind::Heading,
                    "Internet governance".into(),
                ),
            ],
        );
        assert_eq!(
            sections(&d),
            [
                "(before the first heading)",
                "II. ICT for development",
                "II.A Digital divides",
                "II.A Digital divides",
                "V. Internet governance"
            ]
        );
    }

    #[test]
    fn tallies_count_changed_paragraphs_and_words() {
        let d = document_from(
            "d.txt".into(),
            vec![
                (Some("I".into()), ParagraphKind::Heading, "Intro".into()),
                (
                    Some("1".into()),
                    ParagraphKind::Numbered,
                    "We note it.".into(),
                ),
            ],
        );
        let change = Change {
            kind: ChangeKind::Modified,
            old: vec![1],
            new: vec![1],
            spans: vec![
                Span::new(SpanOp::Equal, "We "),
                Span::new(SpanOp::Delete, "decide to act"),
                Span::new(SpanOp::Insert, "note it"),
                Span::new(SpanOp::Equal, "."),
            ],
            ..Default::default()
        };
        let t = by_section(&[change], &d, &d);
        assert_eq!(
            t,
            [Tally {
                name: "I. Intro".into(),
                changed: 1,
                words_added: 2,
                words_removed: 3
            }]
        );
    }
}
