//! Turn a draft's text into a [`Document`] of labelled paragraphs.
//!
//! The text may have been typed (plain text or light Markdown: blank lines separate
//! paragraphs, single newlines are soft wraps) or extracted from a PDF (wrapped lines, no
//! blank lines, page furniture, hyphenated breaks, footnotes at page bottoms). Nobody says
//! which: [`parse`] looks for the signs itself. The work is split by reason to change:
//!
//! - [`pdfish`] recognises PDF output and removes furniture and footnote zones;
//! - `paragraphs` decides where paragraphs begin and joins their lines;
//! - [`label`] reads labels ("12.", "IV.", "A.", "(b)", "(ii)") and resolves ambiguous ones;
//! - `markdown` handles headings, list markers and emphasis;
//! - [`normalize`] builds the comparison key of each paragraph;
//! - [`un`] reads the cover of a published UN document, drops its page headers, labels its
//!   preambular paragraphs `PP1`, `PP2` … and keeps its footnotes as notes.
//!
//! Nothing here compares two drafts; that is `align`'s job.

use std::borrow::Cow;

use crate::model::{Document, DocumentMeta, ParagraphKind};

pub mod label;
mod markdown;
pub mod normalize;
mod paragraphs;
pub mod pdfish;
pub mod un;

/// Parses `text` (read from `source`) into a document of labelled paragraphs.
///
/// `text` is UTF-8 with `\n` line ends. Labels are kept apart from the text ("12", "IV",
/// "A", "b", "ii"), `line` is the 1-based source line where each paragraph starts, and
/// `key` is [`normalize::key`] of the text. Never fails: text with no recognisable
/// structure becomes plain paragraphs.
///
/// ```
/// use redline::{parse::parse, ParagraphKind};
///
/// let doc = parse("I. Vision\n\n1. We recognize the role\nof the Forum.\n\n(a) to promote access;", "draft.txt");
/// let p = &doc.paragraphs;
/// assert_eq!((p[0].label.as_deref(), p[0].kind), (Some("I"), ParagraphKind::Heading));
/// assert_eq!(p[1].text, "We recognize the role of the Forum.");
/// assert_eq!((p[2].label.as_deref(), p[2].kind), (Some("a"), ParagraphKind::SubItem));
/// ```
pub fn parse(text: &str, source: &str) -> Document {
    let text = visible(text);
    let (text, markup) = markdown::strip_markup(&text);
    let un = un::recognise(&text);
    let prepared = pdfish::prepare(un.as_ref().map_or(&text, |u| u.text.as_str()));
    let mut doc = Document {
        source: source.to_string(),
        name: None,
        paragraphs: paragraphs::build(&prepared, &markup.links),
        // A transcription's front-matter title describes it; it does not name the draft (two
        // versions of one text share it).
        meta: markup.title.map(|title| DocumentMeta {
            title: Some(title),
            ..DocumentMeta::default()
        }),
        notes: Vec::new(),
    };
    let is_un = un.is_some();
    if let Some(u) = un {
        un::finish(&mut doc, u.meta);
        // The UN's justified lines come out of extractors with stray spaces inside words;
        // the keys see through them, the display text keeps what was extracted. Other text
        // keeps its plain keys, so that a draft and its PDF print still compare alike.
        normalize::repair_split_words(&mut doc.paragraphs);
    }
    // Derived labels are counted once footnotes have left the paragraphs.
    if is_un
        || doc
            .paragraphs
            .iter()
            .all(|p| p.kind != ParagraphKind::Preambular)
    {
        paragraphs::label_preamble(&mut doc.paragraphs);
    }
    paragraphs::mark_articles(&mut doc.paragraphs);
    doc
}

/// Replaces control characters, other than line ends, tabs and form feeds (PDF page
/// breaks), with U+FFFD.
///
/// They mean nothing in a draft, and passed through to the output they would let a hostile
/// draft send escape sequences to a reviewer's terminal (retitle the window, clear the
/// screen, hide words) or make JUnit XML invalid. One character for one keeps every line
/// where it was, so line numbers still point into the file. A carriage return is left to
/// the reader, which turns it into a line end.
fn visible(text: &str) -> Cow<'_, str> {
    let hidden = |c: char| c.is_control() && !matches!(c, '\n' | '\t' | '\r' | '\x0c');
    if !has_hidden_bytes(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if hidden(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// True when `bytes` (UTF-8) hold a character that [`visible`] replaces: what
/// `char::is_control` accepts (U+0000–U+001F, U+007F–U+009F) other than line ends, tabs and
/// form feeds.
///
/// The whole draft passes through here, so it is read as bytes, not decoded: in UTF-8 the
/// C0 controls and DEL are single bytes, and the C1 controls U+0080–U+009F are exactly the
/// pairs 0xC2 0x80–0x9F. Each block of bytes is first screened by [`any_byte`] with a test
/// that needs no look-ahead; only a block that holds a control byte or a 0xC2 lead byte is
/// read byte by byte.
fn has_hidden_bytes(bytes: &[u8]) -> bool {
    const BLOCK: usize = 64;
    let c0_or_del = |b: u8| {
        ((b < 0x20) & (b != b'\n') & (b != b'\t') & (b != b'\r') & (b != 0x0c)) | (b == 0x7f)
    };
    bytes.chunks(BLOCK).enumerate().any(|(k, block)| {
        any_byte(block, |b| c0_or_del(b) | (b == 0xc2))
            && (k * BLOCK..k * BLOCK + block.len()).any(|i| {
                c0_or_del(bytes[i])
                    || (bytes[i] == 0xc2
                        && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
            })
    })
}

/// True when a byte of `bytes` passes `test`.
///
/// Blocks of bytes are screened whole, folding the answers into a byte: the compiler turns
/// that into vector code, where the early exit of `Iterator::any` (or a fold into a `bool`)
/// keeps it to one byte at a time, several times slower. `test` should be branch-free
/// (`|`, `&`, not `||`, `&&`) for the same reason. The JSON writer screens its strings with
/// it too.
pub(crate) fn any_byte(bytes: &[u8], test: impl Fn(u8) -> bool) -> bool {
    let blocks = bytes.chunks_exact(64);
    let rest = blocks.remainder();
    blocks
        .into_iter()
        .any(|block| block.iter().fold(0u8, |any, &b| any | u8::from(test(b))) != 0)
        || rest.iter().any(|&b| test(b))
}

#[cfg(test)]
mod tests;
