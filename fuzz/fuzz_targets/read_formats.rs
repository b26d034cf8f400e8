//! The PDF, Word and HTML readers on arbitrary bytes: the first byte picks the extension
//! the reader is told (the content decides first, so a zip or `%PDF` header reaches its
//! reader whatever the name), the rest is the file. No panic, no hang, bounded memory; an
//! error is one line.

#![no_main]

use std::panic;
use std::path::Path;
use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use redline::{parse, read};

/// pdf-extract panics on many damaged files, and `read::pdf` catches those panics and
/// reports a damaged PDF; libFuzzer's hook would abort on them first. Panics anywhere else
/// still abort, so our own code is fuzzed as strictly as before.
fn tolerate_pdf_extract_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let abort = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !info
                .location()
                .is_some_and(|l| l.file().contains("pdf-extract"))
            {
                abort(info);
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    tolerate_pdf_extract_panics();
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = ["draft.pdf", "draft.docx", "draft.html", "draft.txt"][usize::from(pick % 4)];
    let mut options = read::ReadOptions::default();
    options.reject_changes = pick & 4 != 0;
    match read::text_of(bytes, Path::new(name), &options) {
        Ok(text) => {
            let _ = parse::parse(&text, name);
        }
        Err(e) => assert!(!e.to_string().contains('\n'), "one-line error: {e}"),
    }
});
