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

/// Rows of paragraph references per draft (placeholder).
pub fn concordance(history: &History) -> Vec<Vec<Option<String>>> {
    history
        .lineage
        .iter()
        .map(|l| {
            l.paragraphs
                .iter()
                .enumerate()
                .map(|(d, ps)| ps.first().map(|&p| history.drafts[d].reference(p)))
                .collect()
        })
        .collect()
}

/// Reads the drafts of a folder (placeholder: file-name order).
///
/// # Errors
/// Unreadable folder or drafts.
pub fn load_dir(dir: &std::path::Path) -> crate::Result<Vec<Document>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|source| crate::Error::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| crate::read::read_document(p))
        .collect()
}
