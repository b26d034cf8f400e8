//! The review sheet: one row per change, for a coalition to fill in its position.
//!
//! Columns: step, reference, section, old label, new label, kind, topics, strength,
//! brackets, old text, new text, and empty `position` and `notes` columns. Unchanged
//! paragraphs are left out. Opens in any spreadsheet (UTF-8 with a byte-order mark, so
//! Excel reads the accents and symbols right).

use std::io::{self, Write};

use super::{RenderOptions, bracket_tag, references};
use crate::annotate::stats;
use crate::model::{Change, ChangeKind, Document, History, PARAGRAPH_BREAK};

const HEADER: [&str; 13] = [
    "step",
    "reference",
    "section",
    "old label",
    "new label",
    "kind",
    "topics",
    "strength",
    "brackets",
    "old text",
    "new text",
    "position",
    "notes",
];

/// Keeps a spreadsheet from running draft text as a formula: a cell that starts with `=`,
/// `+`, `-`, `@` or a control character gets a leading apostrophe (OWASP's advice).
fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// A csv error as the I/O error it wraps, so a closed pipe stays a closed pipe.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn rows(
    sheet: &mut csv::Writer<&mut dyn Write>,
    step: &str,
    changes: &[Change],
    old: &Document,
    new: &Document,
    options: &RenderOptions,
) -> csv::Result<()> {
    let old_sections = stats::sections(old);
    let new_sections = stats::sections(new);
    for c in changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Unchanged && options.shows(c))
    {
        let section = match (c.new.first(), c.old.first()) {
            (Some(&n), _) => new_sections[n].as_str(),
            (None, Some(&o)) => old_sections[o].as_str(),
            _ => "",
        };
        let topics: Vec<String> = c
            .topics
            .iter()
            .map(|t| format!("{}: {}", t.topic, t.effect.as_str()))
            .collect();
        let strength: Vec<String> = c
            .strength
            .iter()
            .map(|s| format!("{}: {} → {}", s.effect.as_str(), s.from, s.to))
            .collect();
        let brackets: Vec<String> = c.brackets.iter().map(bracket_tag).collect();
        let paragraph_break = format!("{PARAGRAPH_BREAK}{PARAGRAPH_BREAK}");
        let old_text = c.old_text().replace(PARAGRAPH_BREAK, &paragraph_break);
        let new_text = c.new_text().replace(PARAGRAPH_BREAK, &paragraph_break);
        sheet.write_record([
            &*cell(step),
            &c.reference,
            &*cell(section),
            &references(old, &c.old),
            &references(new, &c.new),
            c.kind.as_str(),
            &topics.join("; "),
            &strength.join("; "),
            &brackets.join("; "),
            &*cell(&old_text),
            &*cell(&new_text),
            "",
            "",
        ])?;
    }
    Ok(())
}

fn sheet(out: &mut dyn Write) -> io::Result<csv::Writer<&mut dyn Write>> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut sheet = csv::Writer::from_writer(out);
    sheet.write_record(HEADER).map_err(io_error)?;
    Ok(sheet)
}

pub fn write_comparison(
    out: &mut dyn Write,
    c: &crate::model::Comparison,
    options: &RenderOptions,
) -> io::Result<()> {
    let step = format!("{} → {}", c.old.display_name(), c.new.display_name());
    let mut sheet = sheet(out)?;
    rows(&mut sheet, &step, &c.changes, &c.old, &c.new, options).map_err(io_error)?;
    sheet.flush()
}

pub fn write_history(out: &mut dyn Write, h: &History, options: &RenderOptions) -> io::Result<()> {
    let mut sheet = sheet(out)?;
    for s in &h.steps {
        let (old, new) = (&h.drafts[s.old], &h.drafts[s.new]);
        let step = format!("{} → {}", old.display_name(), new.display_name());
        rows(&mut sheet, &step, &s.changes, old, new, options).map_err(io_error)?;
    }
    sheet.flush()
}
