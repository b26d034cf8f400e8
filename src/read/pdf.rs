//! PDF: the text layer, page by page, through `pdf-extract`.
//!
//! Pages are joined with form feeds so that `parse` sees page seams and can remove running
//! headers, footers and footnote zones; nothing here cleans the text up. The extractor is
//! guarded on every side, because a hostile or merely unusual PDF can make it panic (it has
//! many `unwrap`s), return an empty string for an encrypted file, or return nothing for a scan.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use pdf_extract::{Dictionary, Document, Object, ObjectId, PlainTextOutput};
use regex::bytes::Regex;

use super::ReadOptions;
use crate::error::{Error, Result};

/// Whether every page's chain of `/Parent` links ends. The extractor looks up inherited
/// attributes (resources, media box) by climbing it and never stops on a loop: a page that
/// is its own parent would hang the process.
fn parents_end(doc: &Document, pages: impl IntoIterator<Item = ObjectId>) -> bool {
    pages.into_iter().all(|page| {
        let mut seen = BTreeSet::new();
        let mut at = page;
        loop {
            if !seen.insert(at) || seen.len() > MAX_FORM_NESTING {
                return false;
            }
            let dict = match doc.objects.get(&at) {
                Some(Object::Dictionary(d)) => d,
                Some(Object::Stream(s)) => &s.dict,
                _ => return true,
            };
            match dict.get(b"Parent") {
                Ok(Object::Reference(parent)) => at = *parent,
                _ => return true,
            }
        }
    })
}

/// How deep forms may draw forms; real documents stay in single digits.
const MAX_FORM_NESTING: usize = 64;

/// Whether the form XObjects of `doc` can be drawn without endless recursion.
///
/// `pdf-extract` draws a form (`/Name Do`) by recursing into its content; a form that draws
/// itself, directly or through others, recurses until the stack overflows, which no
/// `catch_unwind` can stop: the process dies. So the drawing graph is checked first. A form's
/// names resolve in its own resources; a form without resources inherits its caller's, so
/// its names may resolve in any XObject dictionary of the file (the cautious reading).
fn forms_nest_safely(doc: &Document) -> bool {
    static DO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"/([^\s/\[\]<>()]+)\s+Do\b").expect("Do pattern"));
    let resolve = |o: &'_ Object| -> Option<Object> {
        match o {
            Object::Reference(id) => doc.objects.get(id).cloned(),
            o => Some(o.clone()),
        }
    };
    let xobjects_of = |resources: &Dictionary| -> Vec<(Vec<u8>, ObjectId)> {
        let Some(Object::Dictionary(xo)) = resources.get(b"XObject").ok().and_then(resolve) else {
            return Vec::new();
        };
        xo.iter()
            .filter_map(|(name, v)| match v {
                Object::Reference(id) => Some((name.clone(), *id)),
                _ => None,
            })
            .collect()
    };
    // Every XObject dictionary of the file, for forms that inherit their resources.
    let mut anywhere: BTreeMap<Vec<u8>, BTreeSet<ObjectId>> = BTreeMap::new();
    for object in doc.objects.values() {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        if let Some(Object::Dictionary(resources)) = dict.get(b"Resources").ok().and_then(resolve) {
            for (name, id) in xobjects_of(&resources) {
                anywhere.entry(name).or_default().insert(id);
            }
        }
    }
    let forms: BTreeSet<ObjectId> = anywhere.values().flatten().copied().collect();
    let draws = |id: ObjectId| -> Vec<ObjectId> {
        let Some(Object::Stream(stream)) = doc.objects.get(&id) else {
            return Vec::new();
        };
        if matches!(stream.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Image") {
            return Vec::new();
        }
        let content = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        let own = match stream.dict.get(b"Resources").ok().and_then(resolve) {
            Some(Object::Dictionary(r)) => Some(xobjects_of(&r)),
            _ => None,
        };
        let mut out = Vec::new();
        for name in DO.captures_iter(&content).map(|c| c[1].to_vec()) {
            match &own {
                Some(own) => out.extend(own.iter().filter(|(n, _)| *n == name).map(|(_, id)| *id)),
                None => out.extend(anywhere.get(&name).into_iter().flatten().copied()),
            }
        }
        out
    };
    // Depth-first over the drawing graph, without recursion of our own: a form met again on
    // the current path is a cycle; a path longer than MAX_FORM_NESTING is too deep.
    let mut done: BTreeSet<ObjectId> = BTreeSet::new();
    for &start in &forms {
        if done.contains(&start) {
            continue;
        }
        let mut path: Vec<(ObjectId, Vec<ObjectId>)> = vec![(start, draws(start))];
        let mut on_path: BTreeSet<ObjectId> = BTreeSet::from([start]);
        while let Some((id, next)) = path.last_mut() {
            match next.pop() {
                Some(child) if on_path.contains(&child) => return false,
                Some(child) if done.contains(&child) => {}
                Some(child) => {
                    if path.len() >= MAX_FORM_NESTING {
                        return false;
                    }
                    on_path.insert(child);
                    path.push((child, draws(child)));
                }
                None => {
                    let id = *id;
                    on_path.remove(&id);
                    done.insert(id);
                    path.pop();
                }
            }
        }
    }
    true
}

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
    if !parents_end(&doc, pages.values().copied()) {
        return Err(damaged("a page's parent chain loops".into()));
    }
    if !forms_nest_safely(&doc) {
        return Err(damaged(
            "a form draws itself (directly or through others), or forms nest too deep".into(),
        ));
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
