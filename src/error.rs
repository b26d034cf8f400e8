//! The library's error type: every fault names the file (and topic or line) and its cause.

use std::path::PathBuf;

/// Everything that can go wrong in the library, each variant carrying the file it concerns.
///
/// Messages are one lower-case line with no trailing period, so the binary can print
/// `redline: <message>` and exit 2.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read (missing, a folder, no permission).
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A file's bytes are not text in a supported encoding, or not a supported format.
    #[error("{path}: {reason}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why it cannot be read, in a few words.
        reason: String,
    },
    /// A file is larger than the tool will read.
    #[error("{path}: too large ({size} bytes; the limit is {limit})")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A PDF or Word file is damaged: truncated, not what its header says, or unparsable.
    #[error("{path}: damaged {format} file ({reason})")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// The format it claims to be: "PDF" or "Word (.docx)".
        format: &'static str,
        /// What was wrong, in a few words.
        reason: String,
    },
    /// A PDF is protected by a password, so its text cannot be read.
    #[error(
        "{path}: encrypted PDF: remove the password (for example `qpdf --decrypt`) and try again"
    )]
    Encrypted {
        /// The file.
        path: PathBuf,
    },
    /// A PDF has pages but no text on them: a scan or a picture of the text.
    #[error("{path}: no text layer: run OCR first")]
    NoTextLayer {
        /// The file.
        path: PathBuf,
    },
    /// A compressed file expands past the size the tool will read: a damaged file or a zip bomb.
    #[error("{path}: too large when decompressed (over {limit} bytes); possibly a zip bomb")]
    TooLargeDecompressed {
        /// The file.
        path: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// A file has more parts than the tool will read (PDF pages or objects, zip entries).
    #[error("{path}: too many {what} ({count}; the limit is {limit})")]
    TooMany {
        /// The file.
        path: PathBuf,
        /// What there are too many of: "pages", "PDF objects", "zip entries".
        what: &'static str,
        /// How many the file has.
        count: u64,
        /// The limit.
        limit: u64,
    },
    /// A watch file is malformed.
    #[error("{path}: {}{message}", topic.as_deref().map(|t| format!("topic \"{t}\": ")).unwrap_or_default())]
    Watch {
        /// The watch file.
        path: PathBuf,
        /// The topic at fault, when one is.
        topic: Option<String>,
        /// The fault.
        message: String,
    },
    /// A drafts folder or its `drafts.toml` manifest is unusable.
    #[error("{path}: {message}")]
    Manifest {
        /// The folder or manifest.
        path: PathBuf,
        /// The fault.
        message: String,
    },
    /// Writing output failed.
    #[error("{path}: {source}")]
    Write {
        /// The output file, or `-` for standard output.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
