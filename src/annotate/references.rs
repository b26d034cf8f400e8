//! Stable change references: an address people can say in a review call and link to.
//!
//! A change is named after the draft it leads to and the paragraph it concerns there:
//! `rev2:OP14` (operative paragraph 14 of Rev 2), `rev2:OP10c` (its sub-item (c)),
//! `rev2:PPa` (preambular paragraph (a)), `rev2:HII` (heading II), `rev2:P3` (the third
//! block, unlabelled). A deleted paragraph has no place in the new draft and is named after
//! the old one: `rev2:was-OP35`. The edits inside a change are `rev2:OP14.1`, `rev2:OP14.2`,
//! … in reading order. The same drafts give the same references on every run; a repeated
//! reference (two unlabelled blocks) gets `~2`, `~3`.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::{Change, Document, ParagraphKind, SpanOp, is_part_label};

/// A draft's name reduced to a reference prefix: its display name when it has one ("Rev 2" →
/// "rev2", "A/C.2/80/L.58" → "ac280l58"), else its file name without the extension
/// ("drafts/zero-draft.txt" → "zerodraft"); lower-case letters and digits only.
pub fn draft_slug(document: &Document) -> String {
    let name = match &document.name {
        Some(name) => name.as_str(),
        None => {
            let file = document
                .source
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(&document.source);
            file.rsplit_once('.').map_or(file, |(stem, _)| stem)
        }
    };
    let slug: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if slug.is_empty() {
        "draft".into()
    } else {
        slug
    }
}

/// The paragraph part of a reference: `OP14`, `OP10c`, `PPa`, `HII`, `P3`.
pub fn paragraph_part(document: &Document, index: usize) -> String {
    let p = &document.paragraphs[index];
    let label = p.label.as_deref().unwrap_or("");
    if p.derived && !label.is_empty() {
        // A derived label ("PP3") is already spelled the way negotiators say it.
        return label.to_string();
    }
    // In a treaty, paragraphs number afresh in every article, in a resolution in every
    // annex: "A4.2" is Article 4, paragraph 2; "A2.1a" its sub-item (a); "AnxI.57" paragraph
    // 57 of Annex I; the headings themselves are "A4" and "AnxI".
    let op = match document.article(index) {
        Some(part) => format!("{}.", part_prefix(part)),
        None => "OP".to_string(),
    };
    match p.kind {
        ParagraphKind::Numbered => format!("{op}{}", label.replace(' ', "")),
        ParagraphKind::SubItem => {
            let parent = document.parent(index).unwrap_or("").replace(' ', "");
            // An item of a preambular paragraph's list: "PP3a".
            if parent.starts_with("PP") {
                return format!("{parent}{label}");
            }
            // A nested list numbered "1.", "2." reads "A2.1.1", a lettered one "A2.1a".
            let sep = if label.starts_with(|c: char| c.is_ascii_digit()) {
                "."
            } else {
                ""
            };
            format!("{op}{parent}{sep}{label}")
        }
        ParagraphKind::Preambular if label.starts_with("PP") => label.to_string(),
        ParagraphKind::Preambular if !label.is_empty() => format!("PP{label}"),
        ParagraphKind::Heading if is_part_label(label) => part_prefix(label),
        ParagraphKind::Heading if !label.is_empty() => format!("H{}", label.replace(' ', "")),
        ParagraphKind::Footnote if !label.is_empty() => format!("FN{label}"),
        _ => format!("P{}", index + 1),
    }
}

/// An article or annex as a reference prefix: "Article 3 bis" → `A3bis`, "Annex I" → `AnxI`.
fn part_prefix(label: &str) -> String {
    let (short, rest) = match label.strip_prefix("Article") {
        Some(rest) => ("A", rest),
        None => ("Anx", label.trim_start_matches("Annex")),
    };
    format!("{short}{}", rest.replace(' ', ""))
}

/// Gives every change its reference.
pub fn assign(changes: &mut [Change], old: &Document, new: &Document) {
    let prefix = draft_slug(new);
    // Each change's own part is independent of the others (and formatting it is most of
    // the work): in parallel. Telling repeats apart goes in order.
    let bases: Vec<String> = changes
        .par_iter()
        .map(|change| match (change.new.first(), change.old.first()) {
            (Some(&n), _) => format!("{prefix}:{}", paragraph_part(new, n)),
            (None, Some(&o)) => format!("{prefix}:was-{}", paragraph_part(old, o)),
            (None, None) => format!("{prefix}:empty"),
        })
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(bases.len());
    let counts: Vec<usize> = bases
        .iter()
        .map(|base| {
            let n = seen.entry(base.as_str()).or_insert(0);
            *n += 1;
            *n
        })
        .collect();
    for ((change, base), n) in changes.iter_mut().zip(bases).zip(counts) {
        change.reference = if n == 1 { base } else { format!("{base}~{n}") };
    }
}

/// The references of a change's edits, one per run of deleted and inserted spans, in
/// order: `rev2:OP14.1`, `rev2:OP14.2`, …; `None` for spans that are not edits.
pub fn edit_references(change: &Change) -> Vec<Option<String>> {
    let mut count = 0;
    let mut previous = SpanOp::Equal;
    change
        .spans
        .iter()
        .map(|s| {
            let r = if s.op == SpanOp::Equal {
                None
            } else {
                if previous == SpanOp::Equal {
                    count += 1;
                }
                Some(format!("{}.{count}", change.reference))
            };
            previous = s.op;
            r
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChangeKind, Span};
    use crate::synth::draft::document_from;

    fn doc(name: &str) -> Document {
        let mut d = document_from(
            format!("drafts/{name}.txt"),
            vec![
                (
                    Some("II".into()),
                    ParagraphKind::Heading,
                    "Governance".into(),
                ),
                (
                    Some("a".into()),
                    ParagraphKind::Preambular,
                    "Recalling".into(),
                ),
                (
                    Some("14".into()),
                    ParagraphKind::Numbered,
                    "We decide:".into(),
                ),
                (Some("c".into()), ParagraphKind::SubItem, "to act;".into()),
                (None, ParagraphKind::Plain, "Annex".into()),
            ],
        );
        d.name = Some(name.replace('-', " "));
        d
    }

    #[test]
    fn references_name_the_paragraph_in_the_new_draft() {
        let (old, new) = (doc("Rev-1"), doc("Rev-2"));
        let mut changes: Vec<Change> = (0..5)
            .map(|i| Change {
                kind: ChangeKind::Unchanged,
                old: vec![i],
                new: vec![i],
                ..Default::default()
            })
            .chain([Change {
                kind: ChangeKind::Deleted,
                old: vec![2],
                ..Default::default()
            }])
            .collect();
        assign(&mut changes, &old, &new);
        let refs: Vec<&str> = changes.iter().map(|c| c.reference.as_str()).collect();
        assert_eq!(
            refs,
            [
                "rev2:HII",
                "rev2:PPa",
                "rev2:OP14",
                "rev2:OP14c",
                "rev2:P5",
                "rev2:was-OP14"
            ]
        );
    }

    #[test]
    fn edits_are_numbered_in_order() {
        let change = Change {
            reference: "rev2:OP14".into(),
            spans: vec![
                Span::new(SpanOp::Equal, "We "),
                Span::new(SpanOp::Delete, "decide"),
                Span::new(SpanOp::Insert, "note"),
                Span::new(SpanOp::Equal, " the "),
                Span::new(SpanOp::Insert, "new "),
                Span::new(SpanOp::Equal, "text."),
            ],
            ..Default::default()
        };
        let refs = edit_references(&change);
        assert_eq!(
            refs,
            [
                None,
                Some("rev2:OP14.1".into()),
                Some("rev2:OP14.1".into()),
                None,
                Some("rev2:OP14.2".into()),
                None
            ]
        );
    }

    #[test]
    fn slugs_drop_paths_extensions_and_punctuation() {
        let mut d = doc("x");
        d.name = None;
        d.source = "drafts/wsis20/zero-draft.txt".into();
        assert_eq!(draft_slug(&d), "zerodraft");
        d.name = Some("Rev 2".into());
        assert_eq!(draft_slug(&d), "rev2");
        d.name = Some("A/C.2/80/L.58".into());
        assert_eq!(draft_slug(&d), "ac280l58");
    }
}
