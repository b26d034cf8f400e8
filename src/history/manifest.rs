//! A folder of drafts: its `drafts.toml` manifest, or its files in natural name order.

use crate::read::ReadOptions;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Document;

/// The manifest's file name inside a drafts folder.
pub const MANIFEST: &str = "drafts.toml";

/// Extensions (lower case) of the files a folder without a manifest contributes. Formats
/// other than text are listed so that they are picked up once readers for them land; until
/// then reading them reports the format as unsupported rather than skipping them silently.
pub const DRAFT_EXTENSIONS: &[&str] = &["txt", "md", "pdf", "docx", "html", "htm"];

/// `drafts.toml`: the drafts in order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    #[serde(default)]
    draft: Vec<Entry>,
}

/// One `[[draft]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// The file, relative to the folder.
    file: PathBuf,
    /// The display name; the file name when absent.
    name: Option<String>,
}

/// Reads the drafts of folder `dir`, in order.
///
/// With a `drafts.toml` in the folder, its `[[draft]]` tables give the files (relative to
/// the folder), their order and display names (`file = "rev1.txt"`, `name = "Rev 1"`).
/// Without one, every file with an extension in [`DRAFT_EXTENSIONS`] is read, in natural
/// file-name order ("rev2" before "rev10"), README files and hidden files excepted.
///
/// # Errors
/// [`Error::Manifest`] when the manifest is malformed (naming the line and fault), lists
/// a file twice, or when fewer than two drafts are found; [`Error::Io`] when the folder
/// cannot be listed; the reading errors of [`crate::read::read_document_with`] for each draft.
pub fn load_dir(dir: &Path, read: &ReadOptions) -> Result<Vec<Document>> {
    let manifest = dir.join(MANIFEST);
    let drafts = if manifest.is_file() {
        from_manifest(dir, &manifest, read)?
    } else {
        draft_files(dir)?
            .into_iter()
            .map(|path| crate::read::read_document_with(&path, read))
            .collect::<Result<Vec<_>>>()?
    };
    if drafts.len() < 2 {
        let (path, what) = if manifest.is_file() {
            (manifest, "lists")
        } else {
            (dir.to_path_buf(), "holds")
        };
        return Err(Error::Manifest {
            path,
            message: format!(
                "a history needs at least two drafts; this {what} {}",
                drafts.len()
            ),
        });
    }
    Ok(drafts)
}

fn from_manifest(dir: &Path, path: &Path, read: &ReadOptions) -> Result<Vec<Document>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let manifest: Manifest = toml::from_str(&text).map_err(|e| Error::Manifest {
        path: path.to_path_buf(),
        message: toml_fault(&text, &e),
    })?;
    let mut seen: Vec<&Path> = Vec::new();
    for entry in &manifest.draft {
        if seen.contains(&entry.file.as_path()) {
            return Err(Error::Manifest {
                path: path.to_path_buf(),
                message: format!("\"{}\" is listed twice", entry.file.display()),
            });
        }
        seen.push(&entry.file);
    }
    manifest
        .draft
        .iter()
        .map(|entry| {
            let mut doc = crate::read::read_document_with(&dir.join(&entry.file), read)?;
            doc.name = entry.name.clone();
            Ok(doc)
        })
        .collect()
}

/// One line for a TOML fault: "line N: message", the message's own lines joined.
fn toml_fault(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

/// The draft files of a folder without manifest, in natural name order.
fn draft_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let lower = name.to_lowercase();
        let ext = Path::new(&lower)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        let skip = name.starts_with('.')
            || lower.starts_with("readme")
            || !DRAFT_EXTENSIONS.contains(&ext)
            || !entry.path().is_file();
        if !skip {
            files.push((name, entry.path()));
        }
    }
    files.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    Ok(files.into_iter().map(|(_, p)| p).collect())
}

/// Compares file names as people read them: digit runs by value ("rev2" < "rev10"),
/// other text case-insensitively, the exact bytes as a last tie-break.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(&cb) {
        let ord = match (x, y) {
            (Chunk::Number(x), Chunk::Number(y)) => {
                let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                x.len().cmp(&y.len()).then_with(|| x.cmp(y))
            }
            (Chunk::Text(x), Chunk::Text(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
            (Chunk::Number(_), Chunk::Text(_)) => Ordering::Less,
            (Chunk::Text(_), Chunk::Number(_)) => Ordering::Greater,
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    ca.len().cmp(&cb.len()).then_with(|| a.cmp(b))
}

enum Chunk<'a> {
    Number(&'a str),
    Text(&'a str),
}

fn chunks(s: &str) -> Vec<Chunk<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut digits = None;
    for (i, c) in s.char_indices() {
        let d = c.is_ascii_digit();
        if digits.is_some_and(|was| was != d) {
            let piece = &s[start..i];
            out.push(if digits == Some(true) {
                Chunk::Number(piece)
            } else {
                Chunk::Text(piece)
            });
            start = i;
        }
        digits = Some(d);
    }
    if start < s.len() {
        let piece = &s[start..];
        out.push(if digits == Some(true) {
            Chunk::Number(piece)
        } else {
            Chunk::Text(piece)
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order() {
        let mut names = vec![
            "rev10.txt",
            "Rev2.txt",
            "rev1.txt",
            "zero.txt",
            "rev02b.txt",
        ];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            [
                "rev1.txt",
                "Rev2.txt",
                "rev02b.txt",
                "rev10.txt",
                "zero.txt"
            ]
        );
    }

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    #[test]
    fn folder_without_manifest_reads_drafts_in_natural_order() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "rev10.txt", "1. Ten.");
        write(dir.path(), "rev2.txt", "1. Two.");
        write(dir.path(), "README.md", "notes");
        write(dir.path(), "watch.toml", "");
        write(dir.path(), "notes.csv", "a,b");
        let docs = load_dir(dir.path(), &ReadOptions::default()).unwrap();
        assert_eq!(docs.len(), 2);
        assert!(docs[0].source.ends_with("rev2.txt"));
        assert!(docs[1].source.ends_with("rev10.txt"));
        assert!(docs.iter().all(|d| d.name.is_none()));
    }

    #[test]
    fn manifest_gives_order_and_names() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "1. A.");
        write(dir.path(), "b.txt", "1. B.");
        write(
            dir.path(),
            MANIFEST,
            "[[draft]]\nfile = \"b.txt\"\nname = \"Zero Draft\"\n\n[[draft]]\nfile = \"a.txt\"\nname = \"Rev 1\"\n",
        );
        let docs = load_dir(dir.path(), &ReadOptions::default()).unwrap();
        let names: Vec<&str> = docs.iter().map(|d| d.display_name()).collect();
        assert_eq!(names, ["Zero Draft", "Rev 1"]);
        assert!(docs[0].source.ends_with("b.txt"));
    }

    #[test]
    fn manifest_faults_name_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "1. A.");
        write(
            dir.path(),
            MANIFEST,
            "[[draft]]\nfile = \"a.txt\"\nnmae = \"Rev 1\"\n",
        );
        let err = load_dir(dir.path(), &ReadOptions::default()).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, Error::Manifest { .. }), "{msg}");
        assert!(msg.contains("drafts.toml"), "{msg}");
        assert!(msg.contains("line 3") && msg.contains("nmae"), "{msg}");
        assert!(!msg.contains('\n'), "{msg}");
    }

    #[test]
    fn fewer_than_two_drafts_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "only.txt", "1. A.");
        let err = load_dir(dir.path(), &ReadOptions::default()).unwrap_err();
        assert!(matches!(err, Error::Manifest { .. }));
        assert!(err.to_string().contains("at least two drafts"));
    }

    #[test]
    fn manifest_listing_a_file_twice_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", "1. A.");
        write(
            dir.path(),
            MANIFEST,
            "[[draft]]\nfile = \"a.txt\"\n[[draft]]\nfile = \"a.txt\"\n",
        );
        assert!(
            load_dir(dir.path(), &ReadOptions::default())
                .unwrap_err()
                .to_string()
                .contains("listed twice")
        );
    }
}
