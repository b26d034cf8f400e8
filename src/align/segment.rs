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
const fn is_core(b: u8) -> bool {
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

/// Calls `each` with every word of ASCII `text`, in order: the pieces of [`word_bounds`]
/// that hold a letter or a digit (what the engine compares), and whether the piece has an
/// upper-case letter. One pass, with no piece made of spaces or punctuation handed out: a
/// word starts at a byte of [`is_core`] after a byte that is not, and runs as far as
/// [`AsciiBounds`] would take it.
#[inline]
pub(crate) fn each_ascii_word<'a>(text: &'a str, mut each: impl FnMut(&'a str, bool)) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let class = |b: u8| CLASS[usize::from(b)];
    let mut i = 0;
    while i < len {
        if class(bytes[i]) & CORE == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut seen = 0;
        loop {
            seen |= class(bytes[i]);
            i += 1;
            if i >= len
                || !(class(bytes[i]) & CORE != 0
                    || (i + 1 < len && is_infix(bytes[i], bytes[i - 1], bytes[i + 1])))
            {
                break;
            }
        }
        if seen & ALPHANUMERIC != 0 {
            // Cuts fall between ASCII bytes, so on character boundaries.
            each(&text[start..i], seen & UPPER != 0);
        }
    }
}

/// Class bits of a byte for [`each_ascii_word`], read from [`CLASS`] in one load: a byte
/// of [`is_core`], a letter or digit, an upper-case letter.
const CORE: u8 = 1;
const ALPHANUMERIC: u8 = 2;
const UPPER: u8 = 4;

/// The class bits of every byte value (none for bytes past ASCII, which never reach here).
static CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if is_core(c) {
            class[b] |= CORE;
        }
        if c.is_ascii_alphanumeric() {
            class[b] |= ALPHANUMERIC;
        }
        if c.is_ascii_uppercase() {
            class[b] |= UPPER;
        }
        b += 1;
    }
    class
};

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
    fn ascii_words_are_the_word_pieces() {
        let mut rng = fastrand::Rng::with_seed(31);
        for _ in 0..20_000 {
            let len = rng.usize(0..40);
            let bytes: Vec<u8> = (0..len)
                .map(|_| match rng.u8(0..3) {
                    0 => rng.alphabetic() as u8,
                    1 => ALPHABET[rng.usize(0..ALPHABET.len())],
                    _ => rng.u8(0..128),
                })
                .collect();
            let text = std::str::from_utf8(&bytes).expect("ASCII");
            let expected: Vec<(&str, bool)> = text
                .split_word_bounds()
                .filter(|t| t.chars().any(char::is_alphanumeric))
                .map(|t| (t, t.bytes().any(|b| b.is_ascii_uppercase())))
                .collect();
            let mut found = Vec::new();
            each_ascii_word(text, |w, upper| found.push((w, upper)));
            assert_eq!(found, expected, "{text:?}");
        }
    }

    #[test]
    fn other_text_goes_to_unicode_segmentation() {
        let text = "Les États « membres » — l’ONU.";
        let pieces: Vec<&str> = word_bounds(text).collect();
        assert_eq!(pieces, text.split_word_bounds().collect::<Vec<_>>());
        assert_eq!(pieces.concat(), text);
    }
}
