//! Read a draft from a file or standard input into text.
//!
//! This stage knows formats, encodings and size limits; it does not decide where
//! paragraphs begin (that is `parse`).

mod text;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub use text::decode;

/// The largest input the tool reads, in bytes.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// A draft's text as read from its source, before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as given (`-` for standard input).
    pub path: PathBuf,
    /// The text, decoded to UTF-8 with line ends normalised to `\n`.
    pub text: String,
}

/// Reads the draft at `path` (`-` for standard input) into text.
///
/// # Errors
/// [`Error::Io`] when the file cannot be read, [`Error::TooLarge`] past [`MAX_INPUT_BYTES`],
/// [`Error::Unreadable`] when its bytes are not text in a supported encoding.
pub fn read_path(path: &Path) -> Result<Source> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if meta.is_dir() {
            return Err(Error::Unreadable {
                path: path.to_path_buf(),
                reason: "is a folder, not a file".into(),
            });
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                size: meta.len(),
                limit: MAX_INPUT_BYTES,
            });
        }
        std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?
    };
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    let text = decode(&bytes).map_err(|reason| Error::Unreadable {
        path: path.to_path_buf(),
        reason,
    })?;
    Ok(Source {
        path: path.to_path_buf(),
        text,
    })
}

/// Reads and parses the draft at `path` into a [`crate::Document`] named after the path.
///
/// # Errors
/// As [`read_path`].
pub fn read_document(path: &Path) -> Result<crate::Document> {
    let source = read_path(path)?;
    Ok(crate::parse::parse(
        &source.text,
        &source.path.display().to_string(),
    ))
}
