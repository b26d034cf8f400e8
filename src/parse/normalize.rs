//! Comparison keys: a paragraph's text with typographic variants folded.
//!
//! Two drafts of the same paragraph often differ only in how a word processor or a PDF
//! extractor spelled a character: curly or straight quotes, an en dash or a hyphen, a
//! non-breaking space, a ligature. [`key`] folds those so that `align` compares what a
//! negotiator would read. Case stays significant: "Internet" vs "internet" is a real
//! negotiation point. This module does not split paragraphs or strip labels; `parse` does.

/// The comparison key of a paragraph's text.
///
/// Folds whitespace runs (including non-breaking and thin spaces) to one space and trims;
/// curly quotes to straight ones; dash variants (en, em, minus, non-breaking hyphen) to
/// `-`; drops zero-width characters and soft hyphens; folds ligatures U+FB00–FB06.
/// One pass over the characters and no regex: it runs on every paragraph of every draft.
///
/// ```
/// use redline::parse::normalize::key;
/// assert_eq!(key("  \u{201C}Open\u{201D}\u{00A0}\u{2013} \u{FB01}nal "), "\"Open\" - final");
/// ```
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // A space is only written once the next visible character arrives, which both folds
    // runs and trims the end without a second pass.
    let mut pending_space = false;
    for c in text.chars() {
        match fold_char(c) {
            Folded::Drop => {}
            Folded::Space => pending_space = !out.is_empty(),
            Folded::Char(f) => {
                flush_space(&mut out, &mut pending_space);
                out.push(f);
            }
            Folded::Str(s) => {
                flush_space(&mut out, &mut pending_space);
                out.push_str(s);
            }
        }
    }
    out
}

fn flush_space(out: &mut String, pending: &mut bool) {
    if *pending {
        out.push(' ');
        *pending = false;
    }
}

/// What one character becomes in a key.
enum Folded {
    Drop,
    Space,
    Char(char),
    Str(&'static str),
}

fn fold_char(c: char) -> Folded {
    match c {
        // Soft hyphen and zero-width characters are invisible in print.
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Folded::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => Folded::Char('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Folded::Char('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Folded::Char('-'),
        c if c.is_whitespace() => Folded::Space,
        c => match ligature(c) {
            Some(s) => Folded::Str(s),
            None => Folded::Char(c),
        },
    }
}

/// The letters a Latin ligature (U+FB00–FB06) stands for, or `None` for any other character.
///
/// This is what NFKC does for that range only; full NFKC would also fold superscripts and
/// full-width forms that a draft may use on purpose.
pub fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

/// `text` with ligatures U+FB00–FB06 spelled out; everything else untouched.
pub fn fold_ligatures(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match ligature(c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    out
}

/// `text` with every whitespace run folded to one ASCII space and the ends trimmed.
///
/// Used for display text: justified PDF lines come out as `an   equal   footing`.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_fold_and_trim() {
        assert_eq!(key("  an   equal\tfooting \n"), "an equal footing");
    }

    #[test]
    fn exotic_spaces_fold_to_one_space() {
        assert_eq!(key("a\u{00A0}b\u{2009}c\u{202F}\u{3000}d"), "a b c d");
    }

    #[test]
    fn curly_quotes_become_straight() {
        assert_eq!(
            key("\u{201C}Our Common Agenda\u{201D}, Secretary-General\u{2019}s"),
            "\"Our Common Agenda\", Secretary-General's"
        );
    }

    #[test]
    fn dash_variants_become_hyphen() {
        assert_eq!(
            key("2024\u{2013}2034 \u{2014} non\u{2011}binding \u{2212}1"),
            "2024-2034 - non-binding -1"
        );
    }

    #[test]
    fn soft_hyphens_and_zero_width_characters_vanish() {
        assert_eq!(
            key("multi\u{00AD}lateral\u{200B} for\u{FEFF}um"),
            "multilateral forum"
        );
    }

    #[test]
    fn zero_width_space_between_spaces_does_not_double_them() {
        assert_eq!(key("a \u{200B} b"), "a b");
    }

    #[test]
    fn ligatures_fold() {
        assert_eq!(
            key("e\u{FB00}ective \u{FB01}nancing \u{FB02}ows"),
            "effective financing flows"
        );
        assert_eq!(fold_ligatures("o\u{FB03}ce"), "office");
    }

    #[test]
    fn case_stays_significant() {
        assert_ne!(key("Internet"), key("internet"));
    }

    #[test]
    fn collapse_spaces_keeps_characters() {
        assert_eq!(
            collapse_spaces(" \u{201C}a\u{201D}   b "),
            "\u{201C}a\u{201D} b"
        );
    }
}
