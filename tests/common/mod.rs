//! Helpers shared by the corpus test binaries (`formats.rs`, `real_documents.rs`).

use redline::align::{self, AlignOptions};
use redline::{ChangeKind, Document};

/// One line per change that is not "unchanged": its kind and the references of both sides,
/// `modified [¶ 3] -> [¶ 2]`.
pub fn transcript(old: &Document, new: &Document) -> Vec<String> {
    let c = align::compare(old.clone(), new.clone(), &AlignOptions::default());
    let refs = |d: &Document, ix: &[usize]| {
        ix.iter()
            .map(|&i| d.reference(i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    c.changes
        .iter()
        .filter(|ch| ch.kind != ChangeKind::Unchanged)
        .map(|ch| {
            format!(
                "{} [{}] -> [{}]",
                ch.kind.as_str(),
                refs(&c.old, &ch.old),
                refs(&c.new, &ch.new)
            )
        })
        .collect()
}
