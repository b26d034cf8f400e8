//! Paragraph labels: reading "12.", "IV.", "A.", "(b)", "(ii)" and "[^3]:" at a line start,
//! and deciding from context what an ambiguous one is.
//!
//! A label alone is often ambiguous: "(i)" is the first roman sub-item or the ninth letter,
//! "I." a roman heading or the letter after "H.". [`Sequence`] remembers the last label of
//! each style and resolves the ambiguity from the previous sibling; it also says whether a
//! label is the *expected* next one, which is how a wrapped "2030 Agenda" or "2015." at a
//! line start is told apart from paragraph 2030. Where paragraphs begin is decided in
//! `paragraphs`; this module only reads and classifies labels.

use crate::model::ParagraphKind;

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
    let after = &line[end..];
    if !after.is_empty() && !after.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = line.len() - after.trim_start().len();
    Some(Leading { candidate, rest })
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
}

impl Style {
    /// The label as stored in a paragraph: without its punctuation ("12", "IV", "A", "b", "ii").
    pub fn label(&self) -> String {
        match self {
            Style::Number(n) => n.to_string(),
            Style::Roman(v) => to_roman(*v),
            Style::Letter(c) | Style::ParenLetter(c) => c.to_string(),
            Style::ParenRoman(v) => to_roman(*v).to_ascii_lowercase(),
            Style::Footnote(s) => s.clone(),
        }
    }
}

/// The kind of a paragraph that carries `style`, given its text and whether an operative
/// (numbered) paragraph has been seen before it.
pub fn kind(style: &Style, text: &str, seen_numbered: bool) -> ParagraphKind {
    match style {
        Style::Number(_) => ParagraphKind::Numbered,
        Style::Roman(_) => ParagraphKind::Heading,
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
}

fn follows(prev: Option<char>, c: char) -> bool {
    prev.is_some_and(|p| p as u32 + 1 == c as u32)
}

impl Sequence {
    /// True once a numbered paragraph has been seen.
    pub fn seen_numbered(&self) -> bool {
        self.number.is_some()
    }

    /// Decides what `candidate` is. `after_colon` is true when the previous paragraph ends
    /// with ":", which opens a nested list: "(h) … :" then "(i)" is roman, not the ninth letter.
    pub fn resolve(&self, candidate: &Candidate, after_colon: bool) -> Style {
        match *candidate {
            Candidate::Number(n) => Style::Number(n),
            Candidate::Footnote(ref s) => Style::Footnote(s.clone()),
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
            Style::Footnote(_) => true,
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
            Style::Footnote(_) => {}
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
