//! Read a draft from a file or standard input into text.
//!
//! This stage knows formats, encodings and size limits; it does not decide where
//! paragraphs begin (that is `parse`). Every format comes out as the same kind of text:
//!
//! - plain text and Markdown are decoded ([`decode`]) and passed on as they are;
//! - PDF text is extracted page by page, pages joined with form feeds, so that `parse`
//!   recognises it as PDF output and removes page furniture, hyphenation and footnotes;
//! - Word (.docx) and HTML are turned into one line per paragraph with blank lines between,
//!   automatic numbers written out as labels ("12. …", "(a) …") and headings marked `# `,
//!   so that `parse` reads them exactly as it reads a typed draft.
//!
//! The format is recognised from the content first (magic bytes), then from the extension
//! (see [`Format::detect`]).

mod docx;
mod html;
mod pdf;
mod text;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub use text::decode;

/// The largest input the tool reads, in bytes.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// The formats a draft can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Plain text or light Markdown (`.txt`, `.md`, anything unrecognised).
    Text,
    /// A PDF with a text layer.
    Pdf,
    /// A Word document in the Office Open XML format (`.docx`).
    Docx,
    /// An HTML page.
    Html,
}

impl Format {
    /// Recognises the format of `bytes`, read from `path`: magic bytes first, then the
    /// extension, then plain text.
    ///
    /// Content wins over the name because files are often misnamed (a PDF saved as `.txt`,
    /// a download without extension, standard input). The extension decides only when the
    /// content is not recognised: a `.pdf` whose header is missing is then read as a PDF
    /// and reported as damaged, which says more than "not valid UTF-8" would.
    ///
    /// ```
    /// use std::path::Path;
    /// use redline::read::Format;
    ///
    /// assert_eq!(Format::detect(b"%PDF-1.7\n...", Path::new("-")), Format::Pdf);
    /// assert_eq!(Format::detect(b"<!DOCTYPE html><p>1. Text", Path::new("a.txt")), Format::Html);
    /// assert_eq!(Format::detect(b"1. Text", Path::new("draft.htm")), Format::Html);
    /// assert_eq!(Format::detect(b"1. Text", Path::new("draft.txt")), Format::Text);
    /// ```
    pub fn detect(bytes: &[u8], path: &Path) -> Format {
        // PDF readers accept up to 1 KiB of junk before the header; so do we.
        let head = &bytes[..bytes.len().min(1024)];
        if head.windows(5).any(|w| w == b"%PDF-") {
            return Format::Pdf;
        }
        if bytes.starts_with(b"PK\x03\x04") {
            // Any zip: `docx` checks for `word/document.xml` and names the file if it is missing.
            return Format::Docx;
        }
        if looks_like_html(head) {
            return Format::Html;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("pdf") => Format::Pdf,
            Some("docx") => Format::Docx,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Text,
        }
    }

    /// The format's name as messages use it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Pdf => "PDF",
            Format::Docx => "Word (.docx)",
            Format::Html => "HTML",
        }
    }
}

/// True when the start of a file is an HTML document: a doctype or an `<html>` tag after
/// an optional byte-order mark, white space, an XML declaration or comments.
fn looks_like_html(head: &[u8]) -> bool {
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = lower.trim_start();
    while let Some(r) = rest
        .strip_prefix("<?xml")
        .or_else(|| rest.strip_prefix("<!--"))
    {
        let end = if rest.starts_with("<?") { "?>" } else { "-->" };
        match r.find(end) {
            Some(i) => rest = r[i + end.len()..].trim_start(),
            None => return false,
        }
    }
    rest.starts_with("<!doctype html") || rest.starts_with("<html")
}

/// Choices that change what is read from a file, with limits against hostile files.
///
/// `ReadOptions::default()` is what the command line uses unless told otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Read tracked changes in a Word file as rejected (the text before the changes)
    /// instead of accepted (the text after them, the default).
    pub reject_changes: bool,
    /// The most bytes a Word file may expand to when the parts the tool reads are
    /// decompressed; beyond it the file is refused as a likely zip bomb.
    pub max_decompressed_bytes: u64,
    /// The most entries a Word file's zip archive may hold.
    pub max_zip_entries: usize,
    /// The most pages a PDF may have.
    pub max_pdf_pages: usize,
    /// The most objects a PDF may hold.
    pub max_pdf_objects: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        // The limits are far above any real draft (a 300-page resolution compilation is a few
        // MB of XML, a few thousand PDF objects) and low enough to refuse a bomb quickly.
        ReadOptions {
            reject_changes: false,
            max_decompressed_bytes: 128 * 1024 * 1024,
            max_zip_entries: 10_000,
            max_pdf_pages: 5_000,
            max_pdf_objects: 2_000_000,
        }
    }
}

/// A draft's text as read from its source, before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as given (`-` for standard input).
    pub path: PathBuf,
    /// The text, decoded to UTF-8 with line ends normalised to `\n`; for PDF, Word and HTML
    /// the text extracted from the file (see the module documentation for its shape).
    pub text: String,
}

/// Reads the draft at `path` (`-` for standard input) into text, with default options.
///
/// # Errors
/// As [`read_path_with`].
pub fn read_path(path: &Path) -> Result<Source> {
    read_path_with(path, &ReadOptions::default())
}

/// Reads the draft at `path` (`-` for standard input) into text, in whatever format it is.
///
/// # Errors
/// [`Error::Io`] when the file cannot be read, [`Error::TooLarge`] past [`MAX_INPUT_BYTES`],
/// [`Error::Unreadable`] when its bytes are not text in a supported encoding or format,
/// [`Error::Damaged`], [`Error::Encrypted`], [`Error::NoTextLayer`],
/// [`Error::TooLargeDecompressed`] and [`Error::TooMany`] for PDF and Word files that cannot
/// be read safely.
pub fn read_path_with(path: &Path, options: &ReadOptions) -> Result<Source> {
    let bytes = read_bytes(path)?;
    Ok(Source {
        path: path.to_path_buf(),
        text: text_of_owned(bytes, path, options)?,
    })
}

/// The text of a draft's bytes, in whatever format they are; `path` names the draft in
/// errors and gives the extension when the content does not tell the format.
///
/// # Errors
/// As [`read_path_with`], without the I/O errors.
pub fn text_of(bytes: &[u8], path: &Path, options: &ReadOptions) -> Result<String> {
    text_of_owned(bytes.to_vec(), path, options)
}

/// [`text_of`], taking the bytes, so that a text draft is not copied.
fn text_of_owned(bytes: Vec<u8>, path: &Path, options: &ReadOptions) -> Result<String> {
    Ok(match Format::detect(&bytes, path) {
        Format::Text => {
            if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
                // The magic of the old binary Word (and Excel) format: say so rather than
                // "binary file".
                return Err(Error::Unreadable {
                    path: path.to_path_buf(),
                    reason: "an old binary Word (.doc) file: save it as .docx or PDF".into(),
                });
            }
            text::decode_owned(bytes).map_err(|reason| Error::Unreadable {
                path: path.to_path_buf(),
                reason,
            })?
        }
        Format::Pdf => pdf::extract(&bytes, path, options)?,
        Format::Docx => docx::extract(&bytes, path, options)?,
        Format::Html => html::extract(&bytes, path)?,
    })
}

/// The file's bytes, or standard input's for `-`, refusing anything over [`MAX_INPUT_BYTES`].
fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(io)?;
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(io)?;
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
        std::fs::read(path).map_err(io)?
    };
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(bytes)
}

/// Reads and parses the draft at `path` into a [`crate::Document`] named after the path,
/// with default options.
///
/// # Errors
/// As [`read_path_with`].
pub fn read_document(path: &Path) -> Result<crate::Document> {
    read_document_with(path, &ReadOptions::default())
}

/// Reads and parses the draft at `path` into a [`crate::Document`] named after the path.
///
/// # Errors
/// As [`read_path_with`].
pub fn read_document_with(path: &Path, options: &ReadOptions) -> Result<crate::Document> {
    let source = read_path_with(path, options)?;
    Ok(crate::parse::parse(
        &source.text,
        &source.path.display().to_string(),
    ))
}

/// Writes paragraphs as the text `parse` reads best from Word and HTML: one line per
/// paragraph, a blank line between paragraphs, headings marked `# `.
///
/// Line breaks inside a paragraph become spaces, so a paragraph never splits in two.
fn paragraphs_to_text<'a>(paragraphs: impl IntoIterator<Item = (bool, &'a str)>) -> String {
    let mut out = String::new();
    for (heading, text) in paragraphs {
        let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        if heading {
            out.push_str("# ");
        }
        out.push_str(&line);
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_extension() {
        assert_eq!(Format::detect(b"%PDF-1.4", Path::new("x.txt")), Format::Pdf);
        assert_eq!(
            Format::detect(b"PK\x03\x04rest", Path::new("x.pdf")),
            Format::Docx
        );
        assert_eq!(
            Format::detect(b"\xEF\xBB\xBF  <!-- c --> <HTML lang=en>", Path::new("-")),
            Format::Html
        );
    }

    #[test]
    fn extension_decides_unknown_content() {
        assert_eq!(Format::detect(b"junk", Path::new("x.PDF")), Format::Pdf);
        assert_eq!(Format::detect(b"junk", Path::new("x.docx")), Format::Docx);
        assert_eq!(Format::detect(b"junk", Path::new("x.md")), Format::Text);
        assert_eq!(Format::detect(b"<p>hi", Path::new("-")), Format::Text);
    }

    #[test]
    fn paragraphs_become_blank_line_separated_lines() {
        let text = paragraphs_to_text([(true, "I. Intro"), (false, " 1.  We\nsay "), (false, "")]);
        assert_eq!(text, "# I. Intro\n\n1. We say\n");
    }
}
