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
    if text.is_ascii() {
        return collapse_ascii_spaces(text);
    }
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

/// A paragraph's display text, [`collapse_spaces`] of `text`, and its [`key`] when that is
/// not the display text itself (as [`crate::model::Paragraph::set_key`] keeps it).
///
/// Of ASCII text the key only folds whitespace, which the display text has already had
/// folded (single spaces between words, none at the ends), so the key is the text and needs
/// no second scan. Other text is keyed in full.
pub(crate) fn text_and_key(text: &str) -> (String, Option<String>) {
    if text.is_ascii() {
        return (collapse_ascii_spaces(text), None);
    }
    let collapsed = collapse_spaces(text);
    let key = key(&collapsed);
    let folded = (key != collapsed).then_some(key);
    (collapsed, folded)
}

/// [`key`] and [`collapse_spaces`] of ASCII text, where only whitespace folds: runs of the
/// ASCII characters `char::is_whitespace` accepts (tab, line feed, vertical tab, form feed,
/// carriage return, space) become one space, and the ends are trimmed. Copies the words
/// between them whole.
fn collapse_ascii_spaces(text: &str) -> String {
    let text = text.trim_matches(|c: char| c.is_ascii() && is_ascii_space(c as u8));
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // Text between whitespace runs other than a single space is copied whole: in a typed
    // draft that is usually the whole paragraph. Cuts fall on ASCII bytes, so on
    // character boundaries.
    let mut copied = 0;
    while let Some(start) = irregular_space(bytes, copied) {
        let run = bytes[start..]
            .iter()
            .take_while(|&&b| is_ascii_space(b))
            .count();
        out.push_str(&text[copied..start]);
        out.push(' ');
        copied = start + run;
    }
    out.push_str(&text[copied..]);
    out
}

/// The ASCII characters that `char::is_whitespace` accepts: tab, line feed, vertical tab,
/// form feed, carriage return (0x09–0x0D) and space. Branch-free, for vector code.
fn is_ascii_space(b: u8) -> bool {
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

/// Where the first whitespace run at or after `from` that is not a single space starts: the
/// first whitespace byte other than a space, or space followed by whitespace. `from` is 0 of
/// a trimmed text or just past a whitespace run, so such a byte always starts its run: a
/// whitespace byte before it, at or after `from`, would have been found first.
///
/// Paragraphs are long and such runs rare, so blocks of bytes are screened first with a
/// test that has no early exit, which the compiler turns into vector code; only the block
/// that holds one is read byte by byte.
fn irregular_space(bytes: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 64;
    let irregular =
        |b: u8, next: u8| (b.wrapping_sub(b'\t') < 5) | ((b == b' ') & is_ascii_space(next));
    let mut i = from;
    // A block is screened with the byte after it, so that a space at its end sees its
    // neighbour; the last bytes are left to the loop below.
    while i + BLOCK < bytes.len() {
        let block: &[u8; BLOCK] = bytes[i..i + BLOCK].try_into().expect("a whole block");
        let next: &[u8; BLOCK] = bytes[i + 1..=i + BLOCK].try_into().expect("a whole block");
        // Folded into a byte, not a bool: only then is it vector code.
        if (0..BLOCK).fold(0u8, |any, k| any | u8::from(irregular(block[k], next[k]))) != 0 {
            break;
        }
        i += BLOCK;
    }
    // After the last byte comes the end, which is no whitespace.
    (i..bytes.len()).find(|&k| irregular(bytes[k], bytes.get(k + 1).copied().unwrap_or(b'x')))
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
    if text.is_ascii() {
        return text.to_string();
    }
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
    if text.is_ascii() {
        return collapse_ascii_spaces(text);
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Repairs paragraphs extracted from a PDF, where justified lines leave stray spaces inside
/// words ("su stainable", "Secretary -General", "follow - up") and line ends leave compounds
/// with or without their hyphen ("open-source", "opensource").
///
/// The joins are made in the key, so that two paragraphs whose wording is the same compare
/// as unchanged whatever the extractor did to their spacing, and in the display text, so
/// that a reader (and the word redline of a modified paragraph) sees "sustainable" too.
/// Pieces are joined when:
///
/// - a hyphen is glued to one side and a letter or digit to the other ("Secretary -General",
///   "2022- 2025"), or punctuation stands alone ("technology ;"): a hyphen never stands at
///   the edge of a word in negotiated text, so these rules need no evidence and treat every
///   draft alike;
/// - the joined form occurs whole elsewhere in the same document at least as often as the
///   rarer piece occurs on its own ("su stainable" beside fifty "sustainable"), or, around a
///   free-standing hyphen, the hyphenated compound occurs whole ("follow - up"). Two common
///   words with a rare join ("in to", "any one") stay apart.
///
/// Last, hyphens between letters are dropped from the key: a PDF cannot say whether a
/// hyphen at a line end belonged to the word, so "open-source" and "opensource" are one word.
pub fn repair_split_words(paragraphs: &mut [crate::model::Paragraph]) {
    let counts = word_counts(paragraphs.iter());
    for p in paragraphs {
        repair_paragraph(p, &counts);
    }
}

/// Repairs the keys of published UN documents that are compared with one another, with the
/// evidence of all of them: a word split by one print ("inc lusively") is joined when
/// another draft of the same text has it whole, which one document alone cannot show.
/// Documents that were not read as published UN texts (no document symbol) are left alone.
pub fn repair_split_words_together(drafts: &mut [crate::model::Document]) {
    let published =
        |d: &crate::model::Document| d.meta.as_ref().is_some_and(|m| m.symbol.is_some());
    if drafts.iter().filter(|d| published(d)).count() < 2 {
        return;
    }
    let counts = word_counts(
        drafts
            .iter()
            .filter(|d| published(d))
            .flat_map(|d| &d.paragraphs),
    );
    for d in drafts.iter_mut().filter(|d| published(d)) {
        for p in &mut d.paragraphs {
            repair_paragraph(p, &counts);
        }
    }
}

/// How often each word (without its punctuation) occurs in `paragraphs`, read through
/// [`key`] (hyphens kept: "follow-up" must be countable).
fn word_counts<'a>(
    paragraphs: impl Iterator<Item = &'a crate::model::Paragraph>,
) -> std::collections::HashMap<String, usize> {
    let mut counts = std::collections::HashMap::new();
    for p in paragraphs {
        for w in key(&p.text).split(' ') {
            let w = core(w);
            if !w.is_empty() {
                *counts.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    counts
}

/// Word endings that are never words of their own in negotiated English: a justified line
/// that splits one off its stem ("importa tion") leaves a piece no draft would write.
const WORD_ENDINGS: &[&str] = &[
    "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance", "ances",
    "ence", "ences", "ible", "ation", "ations", "ical", "ously", "ized", "izing", "ization",
];

/// A token without the punctuation around it ("(development," → "development").
fn core(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Which spaces between `tokens` (the words of a key) are extraction artefacts: `glue[k]` is
/// true when token `k` and token `k + 1` are one word (see [`repair_split_words`] for the rules).
fn joins(tokens: &[&str], counts: &std::collections::HashMap<String, usize>) -> Vec<bool> {
    let count = |w: &str| counts.get(core(w)).copied().unwrap_or(0);
    let mut glue = vec![false; tokens.len().saturating_sub(1)];
    let mut i = 0;
    while i < tokens.len() {
        let mut current = tokens[i].to_string();
        i += 1;
        while i < tokens.len() {
            let next = tokens[i];
            let glued_hyphen = (current.ends_with('-')
                && current[..current.len() - 1].ends_with(char::is_alphanumeric)
                && next.starts_with(char::is_alphanumeric))
                || (next.starts_with('-')
                    && (next[1..].starts_with(char::is_alphanumeric)
                        || next[1..].starts_with([',', ';', '.', ':']))
                    && current.ends_with(char::is_alphanumeric));
            // "resolution 7 0/299": a resolution number split after its first digit.
            let split_number = !current.is_empty()
                && current.len() <= 2
                && current.bytes().all(|b| b.is_ascii_digit())
                && next.split_once('/').is_some_and(|(session, _)| {
                    !session.is_empty()
                        && current.len() + session.len() <= 3
                        && session.bytes().all(|b| b.is_ascii_digit())
                });
            let lone_punctuation =
                !next.is_empty() && next.chars().all(|c| matches!(c, ',' | ';' | '.' | ':'));
            let inner =
                current.ends_with(char::is_alphanumeric) && next.starts_with(char::is_alphanumeric);
            let joined = format!("{current}{next}");
            let whole = count(&joined);
            let word_join = inner && whole > 0 && whole >= count(&current).min(count(next));
            // "importa tion" where "importation" occurs nowhere whole: a word ending that
            // never stands alone, after a lower-case stem found nowhere else.
            let ending = inner
                && WORD_ENDINGS.contains(&core(next))
                && count(&current) == 1
                && core(&current).len() >= 3
                && current.chars().all(|c| c.is_lowercase());
            if glued_hyphen || split_number || lone_punctuation || word_join || ending {
                current = joined;
                glue[i - 1] = true;
                i += 1;
                continue;
            }
            let hyphen_join = next == "-"
                && current.ends_with(char::is_alphanumeric)
                && tokens.get(i + 1).is_some_and(|after| {
                    after.starts_with(char::is_alphanumeric)
                        && count(&format!("{current}-{after}")) > 0
                });
            if hyphen_join {
                current = format!("{current}-{}", tokens[i + 1]);
                glue[i - 1] = true;
                glue[i] = true;
                i += 2;
                continue;
            }
            break;
        }
    }
    glue
}

/// `tokens` joined with a space, or with nothing where `glue` says they are one word.
fn glued(tokens: &[&str], glue: &[bool]) -> String {
    let mut out = String::with_capacity(tokens.iter().map(|t| t.len() + 1).sum());
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 && !glue[k - 1] {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

/// Repairs one paragraph: its key, and its display text too where the two have the same
/// words (they always do unless folding dropped a word made only of invisible characters).
fn repair_paragraph(
    p: &mut crate::model::Paragraph,
    counts: &std::collections::HashMap<String, usize>,
) {
    let fresh = key(&p.text);
    let tokens: Vec<&str> = fresh.split(' ').collect();
    let glue = joins(&tokens, counts);
    let repaired = drop_inner_hyphens(&glued(&tokens, &glue));
    let words: Vec<&str> = p.text.split_whitespace().collect();
    if words.len() == tokens.len() && glue.contains(&true) {
        p.text = glued(&words, &glue);
    }
    p.set_key(repaired);
}

/// `key` without hyphens that stand between two letters.
fn drop_inner_hyphens(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    let mut out = String::with_capacity(key.len());
    for (i, &c) in chars.iter().enumerate() {
        let inner = c == '-'
            && i > 0
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
        if !inner {
            out.push(c);
        }
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
    fn collapse_ascii_spacess_fold_as_the_general_path() {
        // Every ASCII whitespace character, alone and in runs, at the ends and inside.
        let cases = [
            "",
            " ",
            "a",
            " a ",
            "a\tb\nc\x0bd\x0ce\rf g",
            "\t\n a  b \r\n",
            "a\x1fb\x1c c",
            "We  recognize\tthe role.",
        ];
        let mut rng = fastrand::Rng::with_seed(11);
        let alphabet = b"ab. \t\n\r\x0b\x0c\x1f";
        // Short strings of any mix, and long ones of words whose rare irregular runs fall
        // anywhere in or across the screened blocks.
        let mut random: Vec<String> = (0..5000)
            .map(|_| {
                let len = rng.usize(0..16);
                (0..len)
                    .map(|_| char::from(alphabet[rng.usize(0..alphabet.len())]))
                    .collect()
            })
            .collect();
        random.extend((0..5000).map(|_| {
            let len = rng.usize(0..150);
            (0..len)
                .map(|_| match rng.usize(0..40) {
                    0 => char::from(alphabet[rng.usize(0..alphabet.len())]),
                    1..=6 => ' ',
                    _ => 'w',
                })
                .collect()
        }));
        for text in cases
            .iter()
            .copied()
            .chain(random.iter().map(String::as_str))
        {
            let mut general = String::new();
            let mut pending = false;
            for c in text.chars() {
                if c.is_whitespace() {
                    pending = !general.is_empty();
                } else {
                    flush_space(&mut general, &mut pending);
                    general.push(c);
                }
            }
            assert_eq!(collapse_ascii_spaces(text), general, "{text:?}");
            assert_eq!(key(text), general, "{text:?}");
            assert_eq!(collapse_spaces(text), general, "{text:?}");
            // The key of ASCII text is its collapsed text: not stored twice.
            assert_eq!(text_and_key(text), (general, None), "{text:?}");
        }
        for b in 0u8..128 {
            let c = char::from(b);
            let space = matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ');
            assert_eq!(c.is_whitespace(), space, "{b:#x}");
        }
    }

    #[test]
    fn text_and_key_are_collapsed_text_and_its_key() {
        // ASCII (copied) and not (keyed in full): spaces of every kind, quotes, dashes,
        // invisible characters and ligatures.
        let alphabet = [
            'a', 'B', ' ', '\t', '\n', '\x0c', '\u{a0}', '\u{2009}', '\u{3000}', '\u{201C}',
            '\u{2019}', '\u{2013}', '\u{ad}', '\u{200B}', '\u{FB01}', '-', '.', 'é',
        ];
        let mut rng = fastrand::Rng::with_seed(5);
        for _ in 0..20_000 {
            let text: String = (0..rng.usize(0..12))
                .map(|_| alphabet[rng.usize(0..alphabet.len())])
                .collect();
            let collapsed = collapse_spaces(&text);
            let key = key(&collapsed);
            let (text_of, folded) = text_and_key(&text);
            assert_eq!(folded.as_deref().unwrap_or(&text_of), key, "{text:?}");
            assert_eq!(folded.is_some(), key != collapsed, "{text:?}");
            assert_eq!(text_of, collapsed, "{text:?}");
        }
    }

    #[test]
    fn collapse_spaces_keeps_characters() {
        assert_eq!(
            collapse_spaces(" \u{201C}a\u{201D}   b "),
            "\u{201C}a\u{201D} b"
        );
    }

    fn repaired(keys: &[&str]) -> Vec<String> {
        let mut doc = crate::parse::parse("x", "t.txt");
        let template = doc.paragraphs.remove(0);
        let mut ps: Vec<_> = keys
            .iter()
            .map(|k| {
                let mut p = crate::model::Paragraph {
                    text: k.to_string(),
                    ..template.clone()
                };
                p.set_key(key(k));
                p
            })
            .collect();
        repair_split_words(&mut ps);
        ps.iter().map(|p| p.key().to_string()).collect()
    }

    #[test]
    fn display_text_is_repaired_with_its_key() {
        let mut doc = crate::parse::parse("x", "t.txt");
        let template = doc.paragraphs.remove(0);
        let mut ps: Vec<_> = [
            "the Secretary -General on su stainable follow - up",
            "sustainable follow-up",
        ]
        .iter()
        .map(|t| {
            let mut p = crate::model::Paragraph {
                text: t.to_string(),
                ..template.clone()
            };
            p.set_key(key(t));
            p
        })
        .collect();
        repair_split_words(&mut ps);
        assert_eq!(ps[0].text, "the Secretary-General on sustainable follow-up");
        assert_eq!(ps[0].key(), "the SecretaryGeneral on sustainable followup");
    }

    #[test]
    fn split_words_join_when_the_whole_word_occurs_elsewhere() {
        let got = repaired(&[
            "for su stainable development and see king",
            "sustainable seeking",
        ]);
        assert_eq!(got[0], "for sustainable development and seeking");
        let got = repaired(&["for su stainable", "sustainable sustainable su"]);
        assert_eq!(got[0], "for sustainable");
    }

    #[test]
    fn a_word_ending_split_off_joins_its_stem_without_evidence() {
        let got = repaired(&["connected with importa tion, and the nation", "the nation"]);
        assert_eq!(got[0], "connected with importation, and the nation");
        // A stem that is a word elsewhere stays apart, and so does a capitalised one.
        let got = repaired(&["for the tion Tech tion", "the"]);
        assert_eq!(got[0], "for the tion Tech tion");
    }

    #[test]
    fn glued_hyphens_always_join() {
        let got = repaired(&["the Secretary -General for 2022- 2025 (COVID -19) ;"]);
        assert_eq!(got[0], "the SecretaryGeneral for 2022-2025 (COVID-19);");
        let got = repaired(&["resolution 7 0/299 of 2016 and 14 March"]);
        assert_eq!(got[0], "resolution 70/299 of 2016 and 14 March");
    }

    #[test]
    fn free_standing_hyphen_joins_only_a_known_compound() {
        let got = repaired(&["follow - up and economic - social", "follow-up"]);
        assert_eq!(got[0], "followup and economic - social");
    }

    #[test]
    fn two_real_words_stay_apart() {
        let got = repaired(&["come in to the room", "into in to in to"]);
        assert_eq!(got[0], "come in to the room");
    }
}
