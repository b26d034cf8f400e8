//! Chain the comparisons of many drafts: lineage, concordance and reinstated language.
//!
//! PLACEHOLDER: steps only; the history helper replaces this module.

use crate::align::{self, AlignOptions};
use crate::model::{Document, History, Step};

/// Aligns each draft with the next and follows paragraphs and language across all of them.
pub fn build(drafts: Vec<Document>, options: &AlignOptions) -> History {
    let steps = drafts
        .windows(2)
        .enumerate()
        .map(|(k, w)| Step {
            old: k,
            new: k + 1,
            changes: align::align(&w[0], &w[1], options),
        })
        .collect();
    History {
        drafts,
        steps,
        lineage: vec![],
        reinstated: vec![],
    }
}
