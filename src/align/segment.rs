//! Word boundaries (Unicode Standard Annex #29), with a fast path for ASCII text.
//!
//! `unicode_segmentation`'s `split_word_bounds` looks every character up in the Unicode
//! tables and walks a general state machine; on a large pair that was a tenth of all the
//! work. Most drafts, and nearly all comparison keys (typographic quotes and dashes are
//! folded), are plain ASCII, where the word-break property takes a dozen values and the
//! rules that matter reduce to a few. [`word_bounds`] cuts ASCII text with those rules and
//! hands any other text to `unicode_segmentation`; both give the same pieces, which the
//! tests check exhaustively on short strings and on random longer ones.
//!
//! The ASCII rules, as `unicode_segmentation` applies them (its own `unicode_words` fast
//! path uses the same):
//!
//! - a run of spaces is one piece (WB3d); a tab is not a space here, but "Other";
//! - letters, digits and `_` run together (WB5, WB8–WB10, WB13a–b), and so does a `.`, `'`
//!   or `:` between two letters (WB6–WB7) and a `.`, `,`, `;` or `'` between two digits
//!   (WB11–WB12);
//! - CR LF is one piece (WB3);
//! - every other byte is a piece of its own (WB999).

use unicode_segmentation::{UWordBounds, UnicodeSegmentation};

/// The pieces of `text` between word boundaries, in order: words, runs of spaces,
/// punctuation marks. Concatenated they give `text` back.
pub(crate) fn word_bounds(text: &str) -> WordBounds<'_> {
    if text.is_ascii() {
        WordBounds::Ascii(AsciiBounds { rest: text })
    } else {
        WordBounds::Unicode(text.split_word_bounds())
    }
}

/// The iterator of [`word_bounds`].
pub(crate) enum WordBounds<'a> {
    /// ASCII text, cut by the rules in the module documentation.
    Ascii(AsciiBounds<'a>),
    /// Any other text, cut by `unicode_segmentation`.
    Unicode(UWordBounds<'a>),
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        match self {
            WordBounds::Ascii(a) => a.next(),
            WordBounds::Unicode(u) => u.next(),
        }
    }
}

/// Word boundaries of ASCII text (see the module documentation).
pub(crate) struct AsciiBounds<'a> {
    rest: &'a str,
}

/// A byte that joins its neighbours into one word: a letter, a digit or `_`.
#[inline]
fn is_core(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `b`, between `prev` and `next`, stays inside a word: `3.14`, `1,000`, `e.g`.
#[inline]
fn is_infix(b: u8, prev: u8, next: u8) -> bool {
    match b {
        b'.' | b',' | b';' | b'\'' if prev.is_ascii_digit() && next.is_ascii_digit() => true,
        b'.' | b'\'' | b':' if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() => true,
        _ => false,
    }
}

impl<'a> Iterator for AsciiBounds<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.rest.as_bytes();
        let first = *bytes.first()?;
        let len = bytes.len();
        let end = if first == b' ' {
            bytes.iter().position(|&b| b != b' ').unwrap_or(len)
        } else if is_core(first) {
            let mut i = 1;
            while i < len
                && (is_core(bytes[i])
                    || (i + 1 < len && is_infix(bytes[i], bytes[i - 1], bytes[i + 1])))
            {
                i += 1;
            }
            i
        } else if first == b'\r' && bytes.get(1) == Some(&b'\n') {
            2
        } else {
            1
        };
        // Every cut is between two ASCII bytes, so on a character boundary.
        let (piece, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(piece)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_unicode_segmentation(text: &str) {
        let fast: Vec<&str> = AsciiBounds { rest: text }.collect();
        let reference: Vec<&str> = text.split_word_bounds().collect();
        assert_eq!(fast, reference, "{text:?}");
    }

    /// One byte of every word-break class ASCII has, and a few of class "Other".
    const ALPHABET: &[u8] = b"aZ09_.',;:\" \t\r\n\x0b\x0c-!/(\x00\x7f";

    #[test]
    fn ascii_fast_path_agrees_on_every_short_string() {
        let k = ALPHABET.len();
        let mut buf = Vec::new();
        for len in 0..=4u32 {
            for mut code in 0..k.pow(len) {
                buf.clear();
                for _ in 0..len {
                    buf.push(ALPHABET[code % k]);
                    code /= k;
                }
                same_as_unicode_segmentation(std::str::from_utf8(&buf).expect("ASCII"));
            }
        }
    }

    #[test]
    fn ascii_fast_path_agrees_on_random_text() {
        let mut rng = fastrand::Rng::with_seed(29);
        // Letters and digits often, so that infixes between them are common.
        let pick = |rng: &mut fastrand::Rng| match rng.u8(0..4) {
            0 => rng.alphabetic() as u8,
            1 => rng.digit(10) as u8,
            2 => ALPHABET[rng.usize(0..ALPHABET.len())],
            _ => rng.u8(0..128),
        };
        for _ in 0..20_000 {
            let len = rng.usize(0..40);
            let bytes: Vec<u8> = (0..len).map(|_| pick(&mut rng)).collect();
            same_as_unicode_segmentation(std::str::from_utf8(&bytes).expect("ASCII"));
        }
        same_as_unicode_segmentation(
            "We note, with concern, the U.N. report's 3.5% (1,000.5) rise: e.g. don't.\r\n",
        );
    }

    #[test]
    fn other_text_goes_to_unicode_segmentation() {
        let text = "Les États « membres » — l’ONU.";
        let pieces: Vec<&str> = word_bounds(text).collect();
        assert_eq!(pieces, text.split_word_bounds().collect::<Vec<_>>());
        assert_eq!(pieces.concat(), text);
    }
}
