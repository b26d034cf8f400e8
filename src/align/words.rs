//! Word-level redline of one paragraph pair.
//!
//! PLACEHOLDER: the align helper replaces this module.

use crate::model::{Span, SpanOp};

/// The redline from `old` to `new`, lossless.
pub fn redline(old: &str, new: &str) -> Vec<Span> {
    similar::TextDiff::from_words(old, new)
        .iter_all_changes()
        .map(|c| {
            let op = match c.tag() {
                similar::ChangeTag::Equal => SpanOp::Equal,
                similar::ChangeTag::Delete => SpanOp::Delete,
                similar::ChangeTag::Insert => SpanOp::Insert,
            };
            Span::new(op, c.value())
        })
        .collect()
}
