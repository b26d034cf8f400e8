//! The plain-text / PDF-text reader and parser: bytes → decoded text → paragraphs, and
//! every `parse` output format. No panic, no hang; the JSON contract always parses.

#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use redline::render::{self, DocumentFormat};
use redline::{parse, read};

fuzz_target!(|data: &[u8]| {
    // The decoder on the raw bytes, as `read_path` would call it.
    let decoded = read::decode(data);
    let text = decoded.unwrap_or_else(|_| String::from_utf8_lossy(data).into_owned());
    let document = parse::parse(&text, "fuzz.txt");
    for p in &document.paragraphs {
        assert!(p.line >= 1, "lines are 1-based");
    }
    for format in [
        DocumentFormat::Table,
        DocumentFormat::Text,
        DocumentFormat::Json,
    ] {
        let out = common::render(|w| render::write_document(w, &document, format));
        if format == DocumentFormat::Json {
            common::assert_json(&out);
        }
    }
});
