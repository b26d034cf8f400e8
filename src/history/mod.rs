//! Chain the comparisons of many drafts: lineage, concordance and reinstated language.
//!
//! [`build`] aligns each draft with the next (the steps, in parallel), follows every
//! paragraph through the steps ([`lineage()`]), and finds language that went missing and
//! came back ([`reinstated()`]). Reinstatement is found from the drafts' text alone, so a
//! clause is followed wherever it goes, whatever the aligner paired.

mod lineage;
mod manifest;
mod reinstated;
mod shingle;

use rayon::prelude::*;

use crate::align::{self, AlignOptions};
use crate::model::{Document, History, Step};

pub use lineage::{concordance, lineage, lineage_of};
pub use manifest::{DRAFT_EXTENSIONS, MANIFEST, load_dir, natural_cmp};
pub use reinstated::reinstated;

/// Aligns each draft with the next and follows paragraphs and language across all of them.
///
/// Steps are independent and aligned in parallel; reinstated language is found next,
/// from the text, and lineage last, since a paragraph reinstated whole continues its old
/// lineage. With fewer than two drafts there are no steps and every paragraph is a
/// lineage of its own.
pub fn build(mut drafts: Vec<Document>, options: &AlignOptions) -> History {
    crate::parse::normalize::repair_split_words_together(&mut drafts);
    let steps: Vec<Step> = drafts
        .par_windows(2)
        .enumerate()
        .map(|(k, w)| Step {
            old: k,
            new: k + 1,
            changes: align::align(&w[0], &w[1], options),
        })
        .collect();
    let reinstated = reinstated(&drafts);
    let lineage = lineage(&drafts, &steps, &reinstated);
    History {
        drafts,
        steps,
        lineage,
        reinstated,
    }
}

#[cfg(test)]
mod tests;
