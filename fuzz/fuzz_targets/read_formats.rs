//! The PDF, Word and HTML readers on arbitrary bytes: the first byte picks the extension
//! the reader is told (the content decides first, so a zip or `%PDF` header reaches its
//! reader whatever the name), the rest is the file. No panic, no hang, bounded memory; an
//! error is one line.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use redline::{parse, read};

fuzz_target!(|data: &[u8]| {
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
