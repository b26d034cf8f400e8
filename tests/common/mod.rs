//! Helpers shared by the corpus test binaries (`formats.rs`, `real_documents.rs`).

use std::path::{Path, PathBuf};

use redline::align::{self, AlignOptions};
use redline::{ChangeKind, Document};

/// The shared corpus folder `sub` (`../shared/corpus/sub` beside the project), or `None`,
/// with a printed "skipped" note, when it is absent.
pub fn corpus(sub: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")).join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: {} not found", dir.display());
        None
    }
}

/// The files of `dir`, sorted; only those ending in `.{ext}` when `ext` is given.
pub fn files(dir: &Path, ext: Option<&str>) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| ext.is_none_or(|ext| p.extension().is_some_and(|e| e == ext)))
        .collect();
    files.sort();
    files
}

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
