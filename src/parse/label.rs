//! Paragraph labels: reading "12.", "IV.", "A.", "(b)", "(ii)" and "[^3]:" at a line start,
//! and deciding from context what an ambiguous one is.
//!
//! A label alone is often ambiguous: "(i)" is the first roman sub-item or the ninth letter,
//! "I." a roman heading or the letter after "H.". [`Sequence`] remembers the last label of
//! each style and resolves the ambiguity from the previous sibling; it also says whether a
//! label is the *expected* next one, which is how a wrapped "2030 Agenda" or "2015." at a
//! line start is told apart from paragraph 2030. Where paragraphs begin is decided in
//! `paragraphs`; this module only reads and classifies labels.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::ParagraphKind;

/// The Latin adverbs that number a paragraph or article inserted after another during a
/// negotiation: "3 bis" after 3, then "3 ter", "3 quater" …
const INSERTED: &str = "bis|ter|quater|quinquies|sexies|septies|octies|novies|decies";

/// "Article 3", "ARTICLE 3 bis", "[Article 3bis]" at a line start; the brackets of a bracketed
/// (not yet agreed) article are part of the match.
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\[?(?:Article|ARTICLE)\s+(\d{{1,3}})(?:\s*({INSERTED}))?\]?"
    ))
    .expect("valid pattern")
});

/// "Annex", "ANNEX II", "Annex 3" at a line start.
static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\[?(?:Annex|ANNEX)(?:\s+([IVXL]{1,6}|\d{1,2}))?\]?").expect("valid pattern")
});

/// "Action 12." at a line start: the numbered commitments of the Pact for the Future, printed
/// as headings between its paragraphs (whose numbers run on across them).
static ACTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Action\s+(\d{1,3})\.").expect("valid pattern"));

/// "3bis." or "3 bis." at a line start: an inserted paragraph.
static INSERTED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(\d{{1,3}})\s?({INSERTED})\.")).expect("valid pattern")
});

/// "4.1." at a line start: a numbered section of a technical specification (IETF drafts
/// and RFCs number theirs "3.", "3.1.", "3.1.2."). The closing dot is required, so that a
/// wrapped "2.5 per cent" is never read as one.
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}(?:\.\d{1,2})+\.").expect("valid pattern"));

/// "Pp1", "PP12" at a line start: a preambular paragraph numbered in print, as the UNFCCC
/// compilation texts of 2015 number theirs.
static PREAMBLE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:PP|Pp|pp)\.?(\d{1,3})\b").expect("valid pattern"));

/// A label read from a line start, before context decides what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Candidate {
    /// "12." — an operative paragraph number.
    Number(u32),
    /// "A.", "IV.", "I." — a capital letter, an upper-case roman numeral, or both.
    Upper {
        /// The letter, when the label is a single letter.
        letter: Option<char>,
        /// The value, when the label is a valid roman numeral.
        roman: Option<u32>,
    },
    /// "(a)", "(ii)", "(i)" — a lower-case letter, a lower-case roman numeral, or both.
    Paren {
        /// The letter, when the label is a single letter.
        letter: Option<char>,
        /// The value, when the label is a valid roman numeral.
        roman: Option<u32>,
    },
    /// "[^3]:" — a Markdown footnote definition.
    Footnote(String),
    /// "3 bis." — a paragraph inserted after paragraph 3, with its adverb.
    Inserted(u32, String),
    /// "Article 3 bis", "Annex I" — the heading of a part whose paragraphs number afresh,
    /// as its label reads.
    Part(String),
    /// "Pp4" — a printed preambular number.
    Preamble(u32),
    /// "Action 12." — a numbered action heading.
    Action(u32),
    /// "4.1." — a numbered section, as its label reads ("4.1").
    Section(String),
}

/// A label found at the start of a line: what it might be and where the text after it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leading {
    /// The label as read.
    pub candidate: Candidate,
    /// Byte offset in the line where the paragraph text begins (after the label and spaces).
    pub rest: usize,
}

/// Reads the label at the start of `line` (already trimmed at the start), if there is one.
///
/// A label must be followed by whitespace or the end of the line: PDF extractors often put
/// "1." alone on its line and the text on the next.
pub fn leading(line: &str) -> Option<Leading> {
    if let Some(article) = article_heading(line) {
        // At a line start, "Article 4 of the Convention applies" is a sentence: only a line
        // that is nothing but the heading, or the heading and a title in parentheses
        // ("Article 2 (PURPOSE)"), is read as one.
        // A footnote mark may follow the title: "Article 10 (GLOBAL STOCKTAKE)17".
        let title = line[article.rest..]
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_matches(['*', '_', ' ']);
        let titled = title.starts_with('(') && title.ends_with(')') && title.len() < 80;
        return (title.is_empty() || titled).then_some(article);
    }
    let opening = Opening::of(line);
    if let Some(m) = opening
        .may_be_inserted()
        .then(|| INSERTED_NUMBER.captures(line))
        .flatten()
    {
        let n = m[1].parse().ok()?;
        let end = m.get(0).map_or(0, |m| m.end());
        return finish(line, Candidate::Inserted(n, m[2].to_string()), end);
    }
    if let Some(m) = line
        .starts_with("Action")
        .then(|| ACTION.captures(line))
        .flatten()
    {
        let end = m.get(0).map_or(0, |m| m.end());
        return finish(line, Candidate::Action(m[1].parse().ok()?), end);
    }
    if let Some(m) = opening
        .may_be_section()
        .then(|| SECTION.find(line))
        .flatten()
    {
        let label = m.as_str().trim_end_matches('.').to_string();
        return finish(line, Candidate::Section(label), m.end());
    }
    if let Some(m) = line
        .starts_with(['P', 'p'])
        .then(|| PREAMBLE_NUMBER.captures(line))
        .flatten()
    {
        let end = m.get(0).map_or(0, |m| m.end());
        // "Pp1." and "Pp1" both occur.
        let end = end + usize::from(line[end..].starts_with('.'));
        return finish(line, Candidate::Preamble(m[1].parse().ok()?), end);
    }
    let b = line.as_bytes();
    let (candidate, end) = if b.first() == Some(&b'(') {
        let close = line.find(')')?;
        let inner = &line[1..close];
        if inner.is_empty() || inner.len() > 5 || !inner.bytes().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        (paren_or_upper(inner, false)?, close + 1)
    } else if line.starts_with("[^") {
        let close = line.find("]:")?;
        let inner = &line[2..close];
        if inner.is_empty() || inner.contains(char::is_whitespace) {
            return None;
        }
        (Candidate::Footnote(inner.to_string()), close + 2)
    } else {
        let dot = line.find('.')?;
        let head = &line[..dot];
        if !head.is_empty() && head.len() <= 3 && head.bytes().all(|c| c.is_ascii_digit()) {
            if head.starts_with('0') {
                return None;
            }
            (Candidate::Number(head.parse().ok()?), dot + 1)
        } else if !head.is_empty()
            && head.len() <= 6
            && head.bytes().all(|c| c.is_ascii_uppercase())
        {
            (paren_or_upper(head, true)?, dot + 1)
        } else {
            return None;
        }
    };
    finish(line, candidate, end)
}

/// What the first bytes of a line allow, read before the number patterns run: [`leading`]
/// runs on every line of a draft, and most lines open with a word or with "12. ", which
/// neither INSERTED_NUMBER nor SECTION can match. Each test only rules a pattern out; the
/// pattern decides. `\d` and `\s` match non-ASCII digits and spaces too, so a line that
/// opens with a non-ASCII character, or whose ASCII digits run into one, is always tried.
struct Opening<'a> {
    bytes: &'a [u8],
    /// How many ASCII digits open the line.
    digits: usize,
}

impl Opening<'_> {
    fn of(line: &str) -> Opening<'_> {
        let bytes = line.as_bytes();
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        Opening { bytes, digits }
    }

    fn non_ascii_at(&self, i: usize) -> bool {
        self.bytes.get(i).is_some_and(|b| !b.is_ascii())
    }

    /// INSERTED_NUMBER ("3 bis."): digits, then a space or the adverb's first letter, so
    /// never a dot right after the digits (a match ending its digits early would stand
    /// before another digit, no better).
    fn may_be_inserted(&self) -> bool {
        self.non_ascii_at(0) || (self.digits > 0 && self.bytes.get(self.digits) != Some(&b'.'))
    }

    /// SECTION ("4.1."): digits, then a dot and a digit.
    fn may_be_section(&self) -> bool {
        let after = self.digits + 1;
        self.non_ascii_at(0)
            || (self.digits > 0
                && (self.non_ascii_at(self.digits)
                    || (self.bytes.get(self.digits) == Some(&b'.')
                        && (self.bytes.get(after).is_some_and(u8::is_ascii_digit)
                            || self.non_ascii_at(after)))))
    }
}

/// The label that ends at byte `end` of `line`, if whitespace or the line's end follows it.
fn finish(line: &str, candidate: Candidate, end: usize) -> Option<Leading> {
    let after = &line[end..];
    if !after.is_empty() && !after.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = line.len() - after.trim_start().len();
    Some(Leading { candidate, rest })
}

/// Reads an article or annex heading at the start of `line` ("Article 3bis", "[Article 3
/// ter]", "ARTICLE 12", "Annex II") whatever follows it: the label is normalised to "Article
/// 3 bis", "Annex II", and `rest` points past the heading's closing bracket to the title, if
/// any. Used as is for a Markdown heading, which is a heading whatever it says; [`leading`]
/// is stricter.
pub fn article_heading(line: &str) -> Option<Leading> {
    // Both patterns open with "[" or "A"; most lines open otherwise.
    if !line.starts_with(['[', 'A']) {
        return None;
    }
    let (whole, label) = if let Some(m) = ARTICLE.captures(line) {
        let label = match m.get(2) {
            Some(adverb) => format!("Article {} {}", &m[1], adverb.as_str()),
            None => format!("Article {}", &m[1]),
        };
        (m.get(0)?, label)
    } else {
        let m = ANNEX.captures(line)?;
        let label = match m.get(1) {
            Some(n) => format!("Annex {}", n.as_str()),
            None => "Annex".to_string(),
        };
        (m.get(0)?, label)
    };
    // "[Article 3bis]" is bracketed as a whole; "Article 3]" closes something else.
    if whole.as_str().ends_with(']') != line.starts_with('[') {
        return None;
    }
    finish(line, Candidate::Part(label), whole.end())
}

fn paren_or_upper(s: &str, upper: bool) -> Option<Candidate> {
    let letter = if s.len() == 1 { s.chars().next() } else { None };
    let roman = roman_value(s);
    if letter.is_none() && roman.is_none() {
        return None;
    }
    Some(if upper {
        Candidate::Upper { letter, roman }
    } else {
        Candidate::Paren { letter, roman }
    })
}

/// The value of a canonical roman numeral (either case, up to 89), or `None`.
///
/// Canonical only ("IV", not "IIII"), checked by writing the value back, so that words such
/// as "MIX" or "DC" are not taken for numbers.
pub fn roman_value(s: &str) -> Option<u32> {
    let upper = s.to_ascii_uppercase();
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in upper.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0 && total < 90 && to_roman(total) == upper).then_some(total)
}

/// A number in roman numerals ("XIV"); numbers outside 1..4000 stay in digits. One
/// implementation for the parser's label checks, Word's list numbers and the generators.
pub fn to_roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// What a label turned out to be, once context has spoken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style {
    /// "12."
    Number(u32),
    /// "IV." — a section heading.
    Roman(u32),
    /// "A." — a sub-heading or a lettered preambular paragraph.
    Letter(char),
    /// "(b)"
    ParenLetter(char),
    /// "(ii)"
    ParenRoman(u32),
    /// "[^3]:"
    Footnote(String),
    /// "3 bis."
    Inserted(u32, String),
    /// "Article 3 bis", "Annex I": the heading of an article or annex, whose paragraphs
    /// number from 1 again.
    Part(String),
    /// "Pp4", a preambular paragraph numbered in print.
    Preamble(u32),
    /// "Action 12.", a numbered action heading; paragraph numbers run on across it.
    Action(u32),
    /// "4.1.", a numbered section heading.
    Section(String),
}

impl Style {
    /// The label as stored in a paragraph: without its punctuation ("12", "IV", "A", "b", "ii").
    pub fn label(&self) -> String {
        match self {
            Style::Number(n) => n.to_string(),
            Style::Roman(v) => to_roman(*v),
            Style::Letter(c) | Style::ParenLetter(c) => c.to_string(),
            Style::ParenRoman(v) => to_roman(*v).to_ascii_lowercase(),
            Style::Footnote(s) | Style::Part(s) | Style::Section(s) => s.clone(),
            Style::Inserted(n, adverb) => format!("{n} {adverb}"),
            Style::Preamble(n) => format!("PP{n}"),
            Style::Action(n) => format!("Action {n}"),
        }
    }
}

/// The kind of a paragraph that carries `style`, given its text and whether an operative
/// (numbered) paragraph has been seen before it.
pub fn kind(style: &Style, text: &str, seen_numbered: bool) -> ParagraphKind {
    match style {
        Style::Number(_) | Style::Inserted(..) => ParagraphKind::Numbered,
        Style::Roman(_) | Style::Part(_) | Style::Section(_) | Style::Action(_) => {
            ParagraphKind::Heading
        }
        Style::Preamble(_) => ParagraphKind::Preambular,
        // "A. Digital divides" is a sub-heading; "A. We recognize that …." is a lettered
        // preambular paragraph. A heading is short and never ends a sentence.
        Style::Letter(_) => {
            let ends_sentence = text.ends_with(['.', ';', ',', ':']);
            if text.chars().count() <= 120 && !ends_sentence {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Preambular
            }
        }
        Style::ParenLetter(_) if !seen_numbered => ParagraphKind::Preambular,
        Style::ParenLetter(_) | Style::ParenRoman(_) => ParagraphKind::SubItem,
        Style::Footnote(_) => ParagraphKind::Footnote,
    }
}

/// The last label of each style seen so far: the context that resolves ambiguous labels and
/// says which label is expected next.
#[derive(Debug, Clone, Default)]
pub struct Sequence {
    number: Option<u32>,
    roman: Option<u32>,
    letter: Option<char>,
    paren_letter: Option<char>,
    paren_roman: Option<u32>,
    preamble: Option<u32>,
    /// An article heading has been seen: the operative part has begun even before its first
    /// numbered paragraph.
    in_articles: bool,
}

fn follows(prev: Option<char>, c: char) -> bool {
    prev.is_some_and(|p| p as u32 + 1 == c as u32)
}

impl Sequence {
    /// True once a numbered paragraph has been seen.
    pub fn seen_numbered(&self) -> bool {
        self.number.is_some() || self.in_articles
    }

    /// True inside a numbered list: a numbered paragraph has been seen since the last article
    /// heading (or since the start).
    pub fn in_list(&self) -> bool {
        self.number.is_some()
    }

    /// Decides what `candidate` is. `after_colon` is true when the previous paragraph ends
    /// with ":", which opens a nested list: "(h) … :" then "(i)" is roman, not the ninth letter.
    pub fn resolve(&self, candidate: &Candidate, after_colon: bool) -> Style {
        match *candidate {
            Candidate::Number(n) => Style::Number(n),
            Candidate::Footnote(ref s) => Style::Footnote(s.clone()),
            Candidate::Inserted(n, ref adverb) => Style::Inserted(n, adverb.clone()),
            Candidate::Part(ref label) => Style::Part(label.clone()),
            Candidate::Preamble(n) => Style::Preamble(n),
            Candidate::Action(n) => Style::Action(n),
            Candidate::Section(ref label) => Style::Section(label.clone()),
            Candidate::Upper { letter, roman } => match (letter, roman) {
                (Some(c), Some(v)) => {
                    let letter_fits = follows(self.letter, c);
                    let roman_fits = self.roman.map_or(v == 1, |r| r + 1 == v);
                    // "C.", "L." … are letters unless they continue a roman sequence.
                    if roman_fits && !letter_fits {
                        Style::Roman(v)
                    } else if letter_fits || v > 10 {
                        Style::Letter(c)
                    } else {
                        Style::Roman(v)
                    }
                }
                (Some(c), None) => Style::Letter(c),
                (None, Some(v)) => Style::Roman(v),
                (None, None) => unreachable!("leading() never builds an empty candidate"),
            },
            Candidate::Paren { letter, roman } => match (letter, roman) {
                (Some(c), Some(v)) => {
                    let letter_fits = follows(self.paren_letter, c);
                    let roman_fits = self.paren_roman.map_or(v == 1, |r| r + 1 == v);
                    if letter_fits && !(roman_fits && after_colon) {
                        Style::ParenLetter(c)
                    } else if roman_fits || c == 'i' {
                        Style::ParenRoman(v)
                    } else {
                        Style::ParenLetter(c)
                    }
                }
                (Some(c), None) => Style::ParenLetter(c),
                (None, Some(v)) => Style::ParenRoman(v),
                (None, None) => unreachable!("leading() never builds an empty candidate"),
            },
        }
    }

    /// True when `style` is the next label of its sequence (or may start a new one).
    pub fn expected(&self, style: &Style) -> bool {
        match *style {
            Style::Number(n) => self.number.map_or(n == 1, |m| m + 1 == n),
            Style::Roman(v) => self.roman.map_or(v == 1, |r| r + 1 == v),
            Style::Letter(c) => c == 'A' || follows(self.letter, c),
            Style::ParenLetter(c) => c == 'a' || follows(self.paren_letter, c),
            Style::ParenRoman(v) => v == 1 || self.paren_roman.is_some_and(|r| r + 1 == v),
            Style::Footnote(_) | Style::Part(_) | Style::Section(_) | Style::Action(_) => true,
            // "3 bis" follows 3 (or another paragraph inserted after 3).
            Style::Inserted(n, _) => self.number == Some(n),
            Style::Preamble(n) => self.preamble.map_or(n == 1, |p| p + 1 == n),
        }
    }

    /// Records `style` as the latest label of its sequence.
    pub fn advance(&mut self, style: &Style) {
        match *style {
            Style::Number(n) => {
                self.number = Some(n);
                self.paren_letter = None;
                self.paren_roman = None;
            }
            // A new chapter restarts its sub-headings at "A.".
            Style::Roman(v) => {
                self.roman = Some(v);
                self.letter = None;
            }
            Style::Letter(c) => self.letter = Some(c),
            Style::ParenLetter(c) => {
                self.paren_letter = Some(c);
                self.paren_roman = None;
            }
            Style::ParenRoman(v) => self.paren_roman = Some(v),
            Style::Footnote(_) | Style::Section(_) | Style::Action(_) => {}
            // The number stays: "4." is still expected after "3 bis.".
            Style::Inserted(..) => {
                self.paren_letter = None;
                self.paren_roman = None;
            }
            Style::Part(_) => {
                self.in_articles = true;
                self.number = None;
                self.paren_letter = None;
                self.paren_roman = None;
            }
            Style::Preamble(n) => self.preamble = Some(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(line: &str) -> Candidate {
        leading(line).expect("a label").candidate
    }

    #[test]
    fn article_headings_with_inserted_numbers() {
        let label = |line: &str| match leading(line).map(|l| l.candidate) {
            Some(Candidate::Part(l)) => Some(l),
            _ => None,
        };
        assert_eq!(
            label("Article 2bis (GENERAL)").as_deref(),
            Some("Article 2 bis")
        );
        assert_eq!(
            label("[Article 3 ter] (MECHANISM)").as_deref(),
            Some("Article 3 ter")
        );
        assert_eq!(label("ARTICLE 12").as_deref(), Some("Article 12"));
        assert_eq!(
            label("Article 10 (GLOBAL STOCKTAKE)17").as_deref(),
            Some("Article 10")
        );
        assert_eq!(label("Annex I").as_deref(), Some("Annex I"));
        assert_eq!(label("ANNEX").as_deref(), Some("Annex"));
        assert_eq!(label("Annex I Parties shall report"), None);
        assert_eq!(label("Annexes"), None);
        // A sentence that opens with a reference is not a heading.
        assert_eq!(label("Article 4 of the Convention shall apply"), None);
        assert_eq!(label("Article 3, paragraph 10, option 1"), None);
        assert_eq!(label("Article 3 ter enabling creation of mechanisms"), None);
        // A Markdown heading is a heading whatever its title.
        let h = article_heading("[Article 3bis] *(REDD-plus)*").unwrap();
        assert_eq!(h.candidate, Candidate::Part("Article 3 bis".into()));
        assert_eq!(&"[Article 3bis] *(REDD-plus)*"[h.rest..], "*(REDD-plus)*");
        assert!(article_heading("Article 3] and").is_none());
    }

    #[test]
    fn openings_rule_out_only_what_cannot_match() {
        // Lines built from the pieces labels are made of, non-ASCII digits and spaces
        // included: whenever a test rules a pattern out, the pattern must not match.
        let pieces = [
            "1", "12", "123", "4", "\u{663}", "\u{FF11}", ".", ". ", " ", "\u{A0}", "bis", "ter",
            "quater", "b", "x", "Pp", "PP", "Action", "(", ")", "We",
        ];
        let mut rng = fastrand::Rng::with_seed(9);
        for _ in 0..50_000 {
            let line: String = (0..rng.usize(1..6))
                .map(|_| pieces[rng.usize(0..pieces.len())])
                .collect();
            let o = Opening::of(&line);
            if !o.may_be_inserted() {
                assert!(!INSERTED_NUMBER.is_match(&line), "{line:?}");
            }
            if !o.may_be_section() {
                assert!(!SECTION.is_match(&line), "{line:?}");
            }
        }
    }

    #[test]
    fn numbered_sections_need_their_closing_dot() {
        assert_eq!(cand("4.1.  Labels"), Candidate::Section("4.1".into()));
        assert_eq!(cand("3.1.2. Nested"), Candidate::Section("3.1.2".into()));
        assert_eq!(Style::Section("4.1".into()).label(), "4.1");
        assert!(leading("2.5 per cent of").is_none());
        assert_eq!(cand("Action 6. We will"), Candidate::Action(6));
        assert_eq!(Style::Action(6).label(), "Action 6");
    }

    #[test]
    fn inserted_and_printed_preambular_numbers() {
        assert_eq!(
            cand("3bis. In accordance"),
            Candidate::Inserted(3, "bis".into())
        );
        assert_eq!(
            cand("1 ter. To achieve"),
            Candidate::Inserted(1, "ter".into())
        );
        assert_eq!(cand("Pp12 Recognizing"), Candidate::Preamble(12));
        assert!(leading("3bisect. no").is_none());
        let mut seq = Sequence::default();
        seq.advance(&Style::Number(3));
        let bis = seq.resolve(&cand("3 bis. text"), false);
        assert_eq!(bis.label(), "3 bis");
        assert!(seq.expected(&bis));
        seq.advance(&bis);
        assert!(seq.expected(&Style::Number(4)));
        seq.advance(&Style::Part("Article 5".into()));
        assert!(seq.expected(&Style::Number(1)) && seq.seen_numbered());
    }

    #[test]
    fn number_label_and_rest() {
        let l = leading("12. We recognize").unwrap();
        assert_eq!(l.candidate, Candidate::Number(12));
        assert_eq!(&"12. We recognize"[l.rest..], "We recognize");
    }

    #[test]
    fn label_alone_on_its_line() {
        let l = leading("7.").unwrap();
        assert_eq!(l.candidate, Candidate::Number(7));
        assert_eq!(l.rest, 2);
    }

    #[test]
    fn year_glued_to_text_is_not_a_label() {
        assert!(leading("2030 Agenda for Sustainable Development").is_none());
        assert!(leading("70/1. Transforming").is_none());
        assert!(leading("1.5 degrees").is_none());
        assert!(leading("2015. It").is_none());
    }

    #[test]
    fn roman_and_letter_candidates() {
        assert_eq!(
            cand("IV. Follow-up"),
            Candidate::Upper {
                letter: None,
                roman: Some(4)
            }
        );
        assert_eq!(
            cand("B. Digital divides"),
            Candidate::Upper {
                letter: Some('B'),
                roman: None
            }
        );
        assert_eq!(
            cand("I. Introduction"),
            Candidate::Upper {
                letter: Some('I'),
                roman: Some(1)
            }
        );
        assert!(leading("UN. Women").is_none());
        assert!(leading("IIII. x").is_none());
    }

    #[test]
    fn paren_candidates() {
        assert_eq!(
            cand("(b) Recalling"),
            Candidate::Paren {
                letter: Some('b'),
                roman: None
            }
        );
        assert_eq!(
            cand("(ii) the"),
            Candidate::Paren {
                letter: None,
                roman: Some(2)
            }
        );
        assert!(leading("(COVID-19) pandemic").is_none());
        assert!(leading("(b)and").is_none());
    }

    #[test]
    fn markdown_footnote_definition() {
        let l = leading("[^3]: See resolution 70/1.").unwrap();
        assert_eq!(l.candidate, Candidate::Footnote("3".into()));
        assert_eq!(
            &"[^3]: See resolution 70/1."[l.rest..],
            "See resolution 70/1."
        );
    }

    #[test]
    fn paren_i_after_h_is_a_letter() {
        let mut seq = Sequence::default();
        seq.advance(&Style::ParenLetter('h'));
        assert_eq!(seq.resolve(&cand("(i) x"), false), Style::ParenLetter('i'));
    }

    #[test]
    fn paren_i_after_colon_opens_roman_list() {
        let mut seq = Sequence::default();
        seq.advance(&Style::ParenLetter('h'));
        assert_eq!(seq.resolve(&cand("(i) x"), true), Style::ParenRoman(1));
    }

    #[test]
    fn paren_i_without_context_is_roman() {
        let seq = Sequence::default();
        assert_eq!(seq.resolve(&cand("(i) x"), false), Style::ParenRoman(1));
    }

    #[test]
    fn paren_v_after_iv_is_roman_and_after_u_a_letter() {
        let mut seq = Sequence::default();
        seq.advance(&Style::ParenRoman(4));
        assert_eq!(seq.resolve(&cand("(v) x"), false), Style::ParenRoman(5));
        let mut seq = Sequence::default();
        seq.advance(&Style::ParenLetter('u'));
        assert_eq!(seq.resolve(&cand("(v) x"), false), Style::ParenLetter('v'));
    }

    #[test]
    fn capital_i_after_h_is_a_letter_otherwise_roman() {
        let mut seq = Sequence::default();
        assert_eq!(seq.resolve(&cand("I. Intro"), false), Style::Roman(1));
        seq.advance(&Style::Letter('H'));
        assert_eq!(seq.resolve(&cand("I. Intro"), false), Style::Letter('I'));
    }

    #[test]
    fn capital_c_is_a_letter() {
        let seq = Sequence::default();
        assert_eq!(seq.resolve(&cand("C. Data"), false), Style::Letter('C'));
    }

    #[test]
    fn expected_numbers_follow_the_previous_one() {
        let mut seq = Sequence::default();
        assert!(seq.expected(&Style::Number(1)));
        assert!(!seq.expected(&Style::Number(2030)));
        seq.advance(&Style::Number(1));
        assert!(seq.expected(&Style::Number(2)));
        assert!(!seq.expected(&Style::Number(3)));
    }

    #[test]
    fn labels_print_without_punctuation() {
        assert_eq!(Style::Roman(14).label(), "XIV");
        assert_eq!(Style::ParenRoman(2).label(), "ii");
        assert_eq!(Style::ParenLetter('b').label(), "b");
        assert_eq!(Style::Number(12).label(), "12");
    }

    #[test]
    fn kinds_by_style_and_context() {
        use ParagraphKind::*;
        assert_eq!(kind(&Style::Letter('A'), "Digital divides", false), Heading);
        let long = "We recognize that the digital divides persist across regions.";
        assert_eq!(kind(&Style::Letter('A'), long, false), Preambular);
        assert_eq!(
            kind(&Style::ParenLetter('a'), "Recalling", false),
            Preambular
        );
        assert_eq!(kind(&Style::ParenLetter('a'), "to promote", true), SubItem);
        assert_eq!(kind(&Style::ParenRoman(2), "to promote", true), SubItem);
        assert_eq!(kind(&Style::Roman(2), "Follow-up", true), Heading);
    }
}
