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
