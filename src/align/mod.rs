//! Align two drafts: pair every paragraph with its counterpart and redline each pair.
//!
//! PLACEHOLDER: pairs paragraphs by an LCS over keys; the align helper replaces this module.

pub mod words;

use crate::model::{Change, ChangeKind, Comparison, Document, Span, SpanOp};

/// Options that change the answer of the alignment (never its look).
#[derive(Debug, Clone, PartialEq)]
pub struct AlignOptions {
    /// The similarity at or above which two paragraphs count as the same paragraph.
    pub min_similarity: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_similarity: 0.5,
        }
    }
}

/// Aligns `old` and `new` into a [`Comparison`].
pub fn compare(old: Document, new: Document, options: &AlignOptions) -> Comparison {
    let changes = align(&old, &new, options);
    Comparison { old, new, changes }
}

/// Aligns two documents into changes in new-draft order.
pub fn align(old: &Document, new: &Document, _options: &AlignOptions) -> Vec<Change> {
    let a: Vec<&str> = old.paragraphs.iter().map(|p| p.key.as_str()).collect();
    let b: Vec<&str> = new.paragraphs.iter().map(|p| p.key.as_str()).collect();
    let mut out = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b) {
        for (kind, o, n) in op
            .iter_changes(&a, &b)
            .map(|c| (c.tag(), c.old_index(), c.new_index()))
        {
            let (kind, old_i, new_i) = match kind {
                similar::ChangeTag::Equal => (ChangeKind::Unchanged, o, n),
                similar::ChangeTag::Delete => (ChangeKind::Deleted, o, None),
                similar::ChangeTag::Insert => (ChangeKind::Inserted, None, n),
            };
            let spans = match (old_i, new_i) {
                (Some(o), Some(_)) => {
                    vec![Span::new(SpanOp::Equal, old.paragraphs[o].text.clone())]
                }
                (Some(o), None) => vec![Span::new(SpanOp::Delete, old.paragraphs[o].text.clone())],
                (None, Some(n)) => vec![Span::new(SpanOp::Insert, new.paragraphs[n].text.clone())],
                _ => vec![],
            };
            out.push(Change {
                kind,
                old: old_i.into_iter().collect(),
                new: new_i.into_iter().collect(),
                similarity: if kind == ChangeKind::Unchanged {
                    1.0
                } else {
                    0.0
                },
                spans,
                topics: vec![],
            });
        }
    }
    out
}
