//! Comparison keys: the text with typographic variants folded.
//!
//! PLACEHOLDER: whitespace folding only; the parse helper replaces this module.

/// The comparison key of a paragraph's text.
pub fn key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
