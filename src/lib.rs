//! redline compares drafts of negotiated texts, such as the UN's WSIS+20 outcome document,
//! and shows exactly what changed: which paragraphs were renumbered, moved, split, merged,
//! edited, dropped or added, the word-level edit inside each, and, across many drafts,
//! where language went and whether it came back.
//!
//! The pipeline runs one way: [`read`] turns a file into text, [`parse`] turns text into a
//! [`Document`] of labelled paragraphs, [`align`] pairs two documents' paragraphs into
//! [`Change`]s with word-level [`Span`]s, [`history`] chains the comparisons of many drafts,
//! [`annotate`] gives changes stable references and marks watched topics, strength of
//! language and square brackets, and [`render`] or [`check`]
//! turn the finished report into output. Renderers never recompute.
//!
//! ```
//! use redline::{align, parse, ChangeKind};
//!
//! let old = parse::parse("1. We recognize the role of the Forum.\n\n2. We note the report.", "old.txt");
//! let new = parse::parse("1. We note the report.\n\n2. We recognize the central role of the Forum.", "new.txt");
//! let comparison = align::compare(old, new, &align::AlignOptions::default());
//! assert!(comparison.changes.iter().any(|c| c.kind == ChangeKind::Moved));
//! ```
#![warn(missing_docs)]

pub mod align;
pub mod annotate;
pub mod check;
pub mod error;
pub mod history;
pub mod model;
pub mod parse;
pub mod read;
pub mod render;
pub mod synth;

pub use annotate::topics;
pub use error::{Error, Result};
pub use model::*;
