//! PDF: the text layer, page by page, through `pdf-extract`.
//!
//! Pages are joined with form feeds so that `parse` sees page seams and can remove running
//! headers, footers and footnote zones; nothing here cleans the text up. The extractor is
//! guarded on every side, because a hostile or merely unusual PDF can make it panic (it has
//! many `unwrap`s), return an empty string for an encrypted file, or return nothing for a scan.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use pdf_extract::{Document, PlainTextOutput};

use super::ReadOptions;
use crate::error::{Error, Result};

/// Extracts the text of the PDF `bytes` read from `path`, pages separated by `\x0c`.
pub(super) fn extract(bytes: &[u8], path: &Path, options: &ReadOptions) -> Result<String> {
    let damaged = |reason: String| Error::Damaged {
        path: path.to_path_buf(),
        format: "PDF",
        reason,
    };
    // The parser of `lopdf` (under `pdf-extract`) is not panic-free on malformed input;
    // a panic is turned into an error, so one bad file never takes the process down.
    let mut doc = catch_unwind(|| Document::load_mem(bytes))
        .map_err(|panic| damaged(panic_reason(&panic)))?
        .map_err(|e| damaged(e.to_string()))?;
    if doc.is_encrypted() {
        // Many PDFs are "encrypted" with an empty user password only to restrict printing;
        // they open without asking, and so should they here.
        let opened = catch_unwind(AssertUnwindSafe(|| doc.decrypt(""))).is_ok_and(|r| r.is_ok());
        if !opened {
            return Err(Error::Encrypted {
                path: path.to_path_buf(),
            });
        }
    }
    if doc.objects.len() > options.max_pdf_objects {
        return Err(Error::TooMany {
            path: path.to_path_buf(),
            what: "PDF objects",
            count: doc.objects.len() as u64,
            limit: options.max_pdf_objects as u64,
        });
    }
    let pages = doc.get_pages();
    if pages.len() > options.max_pdf_pages {
        return Err(Error::TooMany {
            path: path.to_path_buf(),
            what: "pages",
            count: pages.len() as u64,
            limit: options.max_pdf_pages as u64,
        });
    }
    if pages.is_empty() {
        return Err(damaged("no pages".into()));
    }
    let mut out = String::new();
    for (i, &number) in pages.keys().enumerate() {
        let mut page = String::new();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let mut sink = PlainTextOutput::new(&mut page);
            pdf_extract::output_doc_page(&doc, &mut sink, number)
        }));
        match result {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(damaged(format!("page {number}: {e}"))),
            Err(panic) => return Err(damaged(format!("page {number}: {}", panic_reason(&panic)))),
        }
        if i > 0 {
            out.push('\x0c');
        }
        out.push_str(&page);
    }
    if out.trim().is_empty() {
        return Err(Error::NoTextLayer {
            path: path.to_path_buf(),
        });
    }
    // The extractor writes lines with "\r\n" on some files; `parse` wants `\n`.
    Ok(out.replace("\r\n", "\n"))
}

/// The message of a caught panic, for the error that replaces it.
fn panic_reason(panic: &Box<dyn std::any::Any + Send>) -> String {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown fault".into());
    format!("the PDF reader failed: {message}")
}
