//! Word's automatic numbering, counted and printed as a reader sees it.
//!
//! `numbering.xml` holds abstract lists (`w:abstractNum`: per level a start value, a number
//! format and a pattern such as `%1.` or `(%2)`) and list instances (`w:num`) that point at
//! one and may override levels. Counters belong to the abstract list, so two instances of
//! one list continue each other's count, as in Word; an instance that overrides a level's
//! start restarts that level when first used. Using a level resets the deeper levels unless
//! they say otherwise (`w:lvlRestart`).

use crate::parse::label::to_roman;
use std::collections::{HashMap, HashSet};

use roxmltree::{Document, Node};

use super::{W, child, is, val};

/// Levels per list in WordprocessingML.
const LEVELS: usize = 9;

/// The lists of a document, read from `numbering.xml`.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<u32, Abstract>,
    nums: HashMap<u32, Num>,
}

#[derive(Debug, Default, Clone)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the levels are defined by the list this style points at.
    style_link: Option<String>,
}

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: String,
    pattern: String,
    /// `w:lvlRestart`: restart after a use of this 1-based level or a higher one; 0 = never.
    restart: Option<usize>,
    /// `w:isLgl`: print every level's number as a decimal ("1.1" under "Article I").
    legal: bool,
    /// `w:rPr/w:caps`: the label prints in capitals ("FIRST").
    caps: bool,
    /// `w:suff`: whether a space (Word: a tab or a space) or nothing separates label and text.
    spaced: bool,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: u32,
    /// Per level, a start override and/or a replacement level definition.
    starts: HashMap<usize, u32>,
    levels: HashMap<usize, Level>,
}

impl Numbering {
    /// Reads `numbering.xml`; `style_links` maps numbering styles to the list they stand for.
    pub(super) fn read(doc: &Document, style_links: &HashMap<String, u32>) -> Numbering {
        let mut numbering = Numbering::default();
        let root = doc.root_element();
        for a in root.children().filter(|n| is(*n, "abstractNum")) {
            let Some(id) = number(a.attribute((W, "abstractNumId"))) else {
                continue;
            };
            let mut abs = Abstract {
                style_link: child(a, "numStyleLink").and_then(val).map(str::to_string),
                ..Abstract::default()
            };
            for l in a.children().filter(|n| is(*n, "lvl")) {
                if let Some((i, level)) = read_level(l) {
                    abs.levels[i] = Some(level);
                }
            }
            numbering.abstracts.insert(id, abs);
        }
        for n in root.children().filter(|n| is(*n, "num")) {
            let Some(id) = number(n.attribute((W, "numId"))) else {
                continue;
            };
            let Some(abstract_id) = child(n, "abstractNumId")
                .and_then(val)
                .and_then(|v| v.parse().ok())
            else {
                continue;
            };
            let mut num = Num {
                abstract_id,
                ..Num::default()
            };
            for o in n.children().filter(|c| is(*c, "lvlOverride")) {
                let Some(i) = number(o.attribute((W, "ilvl")))
                    .map(|i| i as usize)
                    .filter(|i| *i < LEVELS)
                else {
                    continue;
                };
                if let Some(start) = child(o, "startOverride")
                    .and_then(val)
                    .and_then(|v| v.parse().ok())
                {
                    num.starts.insert(i, start);
                }
                if let Some((_, level)) = child(o, "lvl").and_then(read_level) {
                    num.levels.insert(i, level);
                }
            }
            numbering.nums.insert(id, num);
        }
        // A list defined through a numbering style borrows the levels of the list that style
        // names; resolve the link once, here.
        let links: Vec<(u32, u32)> = numbering
            .abstracts
            .iter()
            .filter_map(|(id, a)| {
                let num = style_links.get(a.style_link.as_deref()?)?;
                Some((*id, numbering.nums.get(num)?.abstract_id))
            })
            .collect();
        for (id, target) in links {
            if id != target {
                if let Some(levels) = numbering.abstracts.get(&target).map(|a| a.levels.clone()) {
                    if let Some(a) = numbering.abstracts.get_mut(&id) {
                        if a.levels.iter().all(Option::is_none) {
                            a.levels = levels;
                        }
                    }
                }
            }
        }
        numbering
    }

    fn level<'a>(&'a self, num: &'a Num, level: usize) -> Option<&'a Level> {
        num.levels
            .get(&level)
            .or_else(|| self.abstracts.get(&num.abstract_id)?.levels[level].as_ref())
    }
}

fn number(v: Option<&str>) -> Option<u32> {
    v?.parse().ok()
}

fn read_level(l: Node) -> Option<(usize, Level)> {
    let i = number(l.attribute((W, "ilvl")))? as usize;
    if i >= LEVELS {
        return None;
    }
    Some((
        i,
        Level {
            start: child(l, "start")
                .and_then(val)
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
            format: child(l, "numFmt")
                .and_then(val)
                .unwrap_or("decimal")
                .to_string(),
            pattern: child(l, "lvlText").and_then(val).unwrap_or("").to_string(),
            restart: child(l, "lvlRestart")
                .and_then(val)
                .and_then(|v| v.parse().ok()),
            legal: super::on(child(l, "isLgl")),
            caps: super::on(child(l, "rPr").and_then(|r| child(r, "caps"))),
            spaced: child(l, "suff").and_then(val) != Some("nothing"),
        },
    ))
}

/// The running counts of every list, advanced paragraph by paragraph in reading order.
#[derive(Debug, Default)]
pub(super) struct Counters {
    counts: HashMap<u32, [Option<u32>; LEVELS]>,
    /// List instances already used: a start override applies on first use only.
    used: HashSet<u32>,
}

impl Counters {
    /// Counts a paragraph of list instance `num_id` at `level` and returns the label printed
    /// before it with its separator ("12. ", "(a) ", "FIRST"); `None` for an unknown list,
    /// `Some("")` for bullets and levels that print nothing.
    pub(super) fn next(
        &mut self,
        numbering: &Numbering,
        num_id: u32,
        level: usize,
    ) -> Option<String> {
        let num = numbering.nums.get(&num_id)?;
        let def = numbering.level(num, level)?;
        let counts = self.counts.entry(num.abstract_id).or_insert([None; LEVELS]);
        if self.used.insert(num_id) {
            // An instance that overrides a start restarts those levels when first used.
            for &l in num.starts.keys() {
                counts[l] = None;
            }
        }
        let start = |l: usize, d: &Level| num.starts.get(&l).copied().unwrap_or(d.start);
        let value = match counts[level] {
            Some(c) => c.saturating_add(1),
            None => start(level, def),
        };
        counts[level] = Some(value);
        for (deeper, count) in counts.iter_mut().enumerate().skip(level + 1) {
            let restart = numbering
                .level(num, deeper)
                .and_then(|d| d.restart)
                .unwrap_or(deeper);
            if level < restart {
                *count = None;
            }
        }
        if def.format == "bullet" || def.format == "none" {
            return Some(String::new());
        }
        let mut label = String::new();
        let mut chars = def.pattern.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d)) if (1..=LEVELS as u32).contains(&d) => {
                    chars.next();
                    let l = d as usize - 1;
                    let Some(ldef) = numbering.level(num, l) else {
                        continue;
                    };
                    // A level not used yet prints its start value, as Word does.
                    let n = counts[l].unwrap_or_else(|| start(l, ldef));
                    let format = if def.legal && ldef.format != "decimalZero" {
                        "decimal"
                    } else {
                        ldef.format.as_str()
                    };
                    label.push_str(&format_number(n, format));
                }
                _ => label.push(c),
            }
        }
        let mut label = label.trim().to_string();
        if def.caps {
            label = label.to_uppercase();
        }
        if def.spaced && !label.is_empty() {
            label.push(' ');
        }
        Some(label)
    }
}

/// Prints `n` in Word number format `format`; formats this tool does not know print as decimals.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => to_roman(n).to_lowercase(),
        "upperRoman" => to_roman(n),
        "decimalZero" if n < 10 => format!("0{n}"),
        "ordinal" => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        "cardinalText" | "ordinalText" => words(n, format == "ordinalText"),
        _ => n.to_string(),
    }
}

/// "One", "Twenty-Three"; with `ordinal`, "First", "Twenty-Third". Past 99, digits.
fn words(n: u32, ordinal: bool) -> String {
    const ONES: [&str; 20] = [
        "Zero",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Eleven",
        "Twelve",
        "Thirteen",
        "Fourteen",
        "Fifteen",
        "Sixteen",
        "Seventeen",
        "Eighteen",
        "Nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety",
    ];
    let cardinal = match n {
        0..=19 => ONES[n as usize].to_string(),
        20..=99 if n % 10 == 0 => TENS[(n / 10) as usize].to_string(),
        20..=99 => format!("{}-{}", TENS[(n / 10) as usize], ONES[(n % 10) as usize]),
        _ => return n.to_string(),
    };
    if !ordinal {
        return cardinal;
    }
    // Only the last word turns ordinal: "Twenty-One" → "Twenty-First".
    let (head, last) = cardinal
        .rsplit_once('-')
        .map_or(("", cardinal.as_str()), |(h, l)| (h, l));
    let last = match last {
        "One" => "First".to_string(),
        "Two" => "Second".to_string(),
        "Three" => "Third".to_string(),
        "Five" => "Fifth".to_string(),
        "Eight" => "Eighth".to_string(),
        "Nine" => "Ninth".to_string(),
        "Twelve" => "Twelfth".to_string(),
        l if l.ends_with('y') => format!("{}ieth", &l[..l.len() - 1]),
        l => format!("{l}th"),
    };
    if head.is_empty() {
        last
    } else {
        format!("{head}-{last}")
    }
}

/// Word's letters: A…Z, then AA…ZZ, AAA… (the letter repeated, not a base-26 count).
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbering(xml: &str) -> Numbering {
        let xml = format!(r#"<w:numbering xmlns:w="{W}">{xml}</w:numbering>"#);
        Numbering::read(&Document::parse(&xml).unwrap(), &HashMap::new())
    }

    const UN_LIST: &str = r#"
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="0"/>
          <w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>"#;

    #[test]
    fn levels_count_and_reset_like_word() {
        let n = numbering(UN_LIST);
        let mut c = Counters::default();
        let labels: Vec<_> = [(1, 0), (1, 1), (1, 1), (1, 2), (1, 0), (1, 1)]
            .iter()
            .map(|&(id, l)| c.next(&n, id, l).unwrap())
            .collect();
        assert_eq!(labels, ["1. ", "(a) ", "(b) ", "(i) ", "2. ", "(a) "]);
    }

    #[test]
    fn start_override_restarts_on_first_use_only() {
        let n = numbering(UN_LIST);
        let mut c = Counters::default();
        assert_eq!(c.next(&n, 1, 0).unwrap().trim(), "1.");
        assert_eq!(c.next(&n, 2, 0).unwrap().trim(), "10.");
        assert_eq!(c.next(&n, 2, 0).unwrap().trim(), "11.");
        assert_eq!(c.next(&n, 1, 0).unwrap().trim(), "12.");
    }

    #[test]
    fn number_formats() {
        assert_eq!(letters(28), "BB");
        assert_eq!(to_roman(1994), "MCMXCIV");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(3, "decimalZero"), "03");
        assert_eq!(format_number(3, "ordinal"), "3rd");
        assert_eq!(format_number(12, "ordinal"), "12th");
        assert_eq!(format_number(1, "ordinalText"), "First");
        assert_eq!(format_number(20, "ordinalText"), "Twentieth");
        assert_eq!(format_number(23, "ordinalText"), "Twenty-Third");
        assert_eq!(format_number(7, "cardinalText"), "Seven");
        assert_eq!(format_number(3, "bogus"), "3");
    }

    #[test]
    fn legal_numbering_prints_decimals() {
        let n = numbering(
            r#"<w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Article %1"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
            </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        );
        let mut c = Counters::default();
        assert_eq!(c.next(&n, 1, 0).unwrap().trim(), "Article I");
        assert_eq!(c.next(&n, 1, 0).unwrap().trim(), "Article II");
        assert_eq!(c.next(&n, 1, 1).unwrap().trim(), "2.1");
    }
}
