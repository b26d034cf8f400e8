//! Turn finished reports into output: terminal, JSON and the CI formats of `check`.
//!
//! Renderers take a [`Comparison`], [`History`] or [`Verdict`] that the engine finished and
//! only format it; a fact a renderer needs is computed by an earlier stage. They write to a
//! `&mut dyn Write`, never print, read the environment or exit. [`RenderOptions`] change
//! the look only; what the answer is was settled by `align::AlignOptions`.

mod csv;
mod docx;
mod github;
mod html;
mod json;
mod junit;
mod markdown;
mod pretty;
mod terminal;
mod wrap;

use std::io::{self, Write};

use crate::check::Verdict;
use crate::model::{Change, Comparison, Document, History};

pub use docx::Authorship;

/// Output formats of `diff` and `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Coloured (or wdiff-marked) text for people at a terminal.
    Terminal,
    /// The `redline.diff/1` and `redline.history/1` contracts.
    Json,
    /// A self-contained HTML redline for review, on screen and on paper.
    Html,
    /// A summary table and redlines for a pull-request comment.
    Markdown,
    /// A review sheet: one row per change, with empty position and notes columns.
    Csv,
    /// A Word document (.docx, binary): the new draft with the differences as tracked
    /// changes, for a history its newest step.
    Docx,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    /// A verdict per topic for people.
    Terminal,
    /// The `redline.check/1` contract.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    Github,
    /// JUnit XML, one test case per topic.
    Junit,
    /// A table and details for a pull-request comment.
    Markdown,
}

/// Options that change how a report looks, never what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Use ANSI colours and styles (decided once by the caller: flag, `NO_COLOR`, terminal).
    pub color: bool,
    /// Wrap redlines to this many columns.
    pub width: usize,
    /// How many unchanged paragraphs to show around each change (0 collapses them all).
    pub context: usize,
    /// Show the summary only.
    pub stat: bool,
    /// Show only changes that touch this topic.
    pub topic: Option<String>,
    /// The author and date recorded on every tracked change of a Word redline.
    pub authorship: Authorship,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: 80,
            context: 0,
            stat: false,
            topic: None,
            authorship: Authorship::default(),
        }
    }
}

impl RenderOptions {
    /// True when `change` passes the topic filter.
    fn shows(&self, change: &Change) -> bool {
        self.topic
            .as_deref()
            .is_none_or(|t| crate::topics::touches(change, t))
    }
}

/// Output formats of `parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentFormat {
    /// One line per paragraph: line, kind, label, text.
    Table,
    /// The draft as clean text, labels as printed and a blank line between paragraphs: what
    /// git's `textconv` wants, and what redline reads back to the same paragraphs.
    Text,
    /// The `redline.document/1` contract.
    Json,
}

/// Writes a parsed document (`redline parse`).
///
/// # Errors
/// Any error of `out`.
pub fn write_document(
    out: &mut dyn Write,
    document: &Document,
    format: DocumentFormat,
) -> io::Result<()> {
    match format {
        DocumentFormat::Table => terminal::write_document(out, document),
        DocumentFormat::Text => terminal::write_document_text(out, document),
        DocumentFormat::Json => json::write_document(out, document),
    }
}

/// Writes a two-draft comparison (`redline diff`).
///
/// # Errors
/// Any error of `out`.
pub fn write_comparison(
    out: &mut dyn Write,
    comparison: &Comparison,
    format: Format,
    options: &RenderOptions,
) -> io::Result<()> {
    match format {
        Format::Terminal => terminal::write_comparison(out, comparison, options),
        Format::Json => json::write_comparison(out, comparison, options),
        Format::Html => html::write_comparison(out, comparison, options),
        Format::Markdown => markdown::write_comparison(out, comparison, options),
        Format::Csv => csv::write_comparison(out, comparison, options),
        Format::Docx => docx::write_comparison(out, comparison, options),
    }
}

/// Writes a history of drafts (`redline history`).
///
/// # Errors
/// Any error of `out`.
pub fn write_history(
    out: &mut dyn Write,
    history: &History,
    format: Format,
    options: &RenderOptions,
) -> io::Result<()> {
    match format {
        Format::Terminal => terminal::write_history(out, history, options),
        Format::Json => json::write_history(out, history, options),
        Format::Html => html::write_history(out, history, options),
        Format::Markdown => markdown::write_history(out, history, options),
        Format::Csv => csv::write_history(out, history, options),
        Format::Docx => docx::write_history(out, history, options),
    }
}

/// Writes the per-topic view of a history (`redline topics`).
///
/// # Errors
/// Any error of `out`.
pub fn write_topics(
    out: &mut dyn Write,
    history: &History,
    watch: &crate::topics::Watch,
    options: &RenderOptions,
) -> io::Result<()> {
    terminal::write_topics(out, history, watch, options)
}

/// Writes a verdict of `redline check`.
///
/// # Errors
/// Any error of `out`.
pub fn write_verdict(
    out: &mut dyn Write,
    verdict: &Verdict,
    history: &History,
    format: CheckFormat,
    options: &RenderOptions,
) -> io::Result<()> {
    match format {
        CheckFormat::Terminal => terminal::write_verdict(out, verdict, history, options),
        CheckFormat::Json => json::write_verdict(out, verdict, history),
        CheckFormat::Github => github::write_verdict(out, verdict, history),
        CheckFormat::Junit => junit::write_verdict(out, verdict, history),
        CheckFormat::Markdown => markdown::write_verdict(out, verdict, history),
    }
}

/// The references of `indices` in `document`, joined with " + " ("¶ 12 + ¶ 13"), or "—".
fn references(document: &Document, indices: &[usize]) -> String {
    if indices.is_empty() {
        return "—".into();
    }
    indices
        .iter()
        .map(|&i| document.reference(i))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A bracket event as a tag: `[lifted: shall be permanent]`, `[status: Pending → Agreed]`.
fn bracket_tag(event: &crate::model::BracketEvent) -> String {
    match &event.from {
        Some(from) => format!("[{}: {from} → {}]", event.effect.as_str(), event.text),
        None => format!("[{}: {}]", event.effect.as_str(), event.text),
    }
}

/// The label of the first paragraph of `indices`, as the JSON contracts carry it.
fn first_label(document: &Document, indices: &[usize]) -> Option<String> {
    indices
        .first()
        .and_then(|&i| document.paragraphs[i].label.clone())
}

/// Where an event stands in the drafts' files: the new paragraph when there is one, else the
/// old; as (source path, line).
fn event_location<'h>(
    history: &'h History,
    verdict: &Verdict,
    event: &crate::model::TopicEvent,
) -> (&'h str, usize) {
    let (draft, indices) = if event.new.is_empty() {
        (verdict.old, &event.old)
    } else {
        (verdict.new, &event.new)
    };
    let d = &history.drafts[draft];
    let line = indices.first().map_or(1, |&i| d.paragraphs[i].line);
    (&d.source, line)
}
