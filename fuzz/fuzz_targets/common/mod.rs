//! What the fuzz targets share: turning one byte string into several drafts, and rendering
//! every format into memory.

#![allow(dead_code)] // each target uses a different part

use std::path::Path;

use redline::render::{self, CheckFormat, Format, RenderOptions};
use redline::topics::Watch;
use redline::{Document, parse, read};

/// Splits the input at NUL bytes into at most `max` draft texts. NUL is the separator
/// because the reader refuses it in a text draft anyway, so no draft loses anything a
/// real file could hold. Each part goes through the real decoder (BOMs, UTF-16, line
/// ends); a part the decoder refuses is still parsed, lossily, so the engine sees it.
pub fn drafts(data: &[u8], max: usize) -> Vec<String> {
    data.splitn(max, |&b| b == 0)
        .map(|part| {
            read::decode(part).unwrap_or_else(|_| String::from_utf8_lossy(part).into_owned())
        })
        .collect()
}

/// Parses each text as a draft named after its position.
pub fn documents(texts: &[String]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| parse::parse(t, &format!("draft-{i}.txt")))
        .collect()
}

/// A watch file whose patterns match the words the seed corpus and the engine's own
/// vocabulary use, so topic tagging, check verdicts and topic events all run.
pub fn watch() -> Watch {
    let text = r#"
[[topic]]
name = "forum"
patterns = ['\bForum\b', 'Internet Governance']
require = "present"
fail_on = ["removed", "modified"]

[[topic]]
name = "rights"
patterns = ['human rights?', '\bonline\b']
require = "absent"
fail_on = ["added", "reinstated"]
"#;
    Watch::parse(text, Path::new("watch.toml")).expect("the fuzz watch file is valid")
}

/// Render options that exercise the most code: colour, a narrow width, context, a topic.
pub fn options(topic: bool) -> RenderOptions {
    RenderOptions {
        color: true,
        width: 24,
        context: 1,
        stat: false,
        topic: topic.then(|| "forum".to_string()),
        ..RenderOptions::default()
    }
}

/// Every report format of `diff` and `history`.
pub const FORMATS: [Format; 5] = [
    Format::Terminal,
    Format::Json,
    Format::Html,
    Format::Markdown,
    Format::Csv,
];

/// Every format of `check`.
pub const CHECK_FORMATS: [CheckFormat; 5] = [
    CheckFormat::Terminal,
    CheckFormat::Json,
    CheckFormat::Github,
    CheckFormat::Junit,
    CheckFormat::Markdown,
];

/// Asserts that JSON output parses; the contract must hold for any draft.
pub fn assert_json(bytes: &[u8]) {
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(bytes) {
        panic!("JSON output does not parse: {e}");
    }
}

/// Renders into memory; writing to a `Vec` cannot fail, so an error is a bug.
pub fn render(write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> Vec<u8> {
    let mut out = Vec::new();
    write(&mut out).expect("writing to memory");
    out
}

/// Keeps the paragraph-partition invariant honest on every fuzzed pair.
pub fn assert_partition(old: &Document, new: &Document, changes: &[redline::Change]) {
    let mut old_seen = vec![0u8; old.paragraphs.len()];
    let mut new_seen = vec![0u8; new.paragraphs.len()];
    for c in changes {
        c.old.iter().for_each(|&i| old_seen[i] += 1);
        c.new.iter().for_each(|&j| new_seen[j] += 1);
    }
    assert!(
        old_seen.iter().all(|&n| n == 1),
        "old paragraphs {old_seen:?}"
    );
    assert!(
        new_seen.iter().all(|&n| n == 1),
        "new paragraphs {new_seen:?}"
    );
}

/// Renders a comparison in every format, checking the JSON.
pub fn render_comparison(comparison: &redline::Comparison, topic: bool) {
    let options = options(topic);
    for format in FORMATS {
        let out = render(|w| render::write_comparison(w, comparison, format, &options));
        if format == Format::Json {
            assert_json(&out);
        }
    }
}
