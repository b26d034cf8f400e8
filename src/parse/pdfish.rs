//! Text as it comes out of a PDF: telling it apart from typed text, removing page furniture,
//! lifting footnotes off page bottoms, and taking footnote markers off words.
//!
//! Nobody tells the tool that a file came from a PDF, so [`prepare`] looks for the signs
//! (form feeds, lines of furniture, almost no blank lines) and, when it finds them, removes
//! running headers and footers (document symbols, job numbers, page counters, repeated titles)
//! and footnote zones. What is left is a stream of content lines, each with the kind of gap
//! that precedes it, for `paragraphs` to join into paragraphs. This module never decides where
//! a paragraph begins; it only says whether a blank line was a real one or a page seam.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::normalize;

/// What separates a content line from the content line before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gap {
    /// Nothing: the previous line wraps onto this one, or a new paragraph starts without a blank line.
    None,
    /// One or more blank lines: a paragraph break.
    Blank,
    /// A page seam (form feed, removed furniture or footnotes): the paragraph may continue.
    Soft,
}

/// One line of paragraph text with its place in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine<'a> {
    /// 1-based line number in the source.
    pub no: usize,
    /// The line, trimmed, ligatures folded: borrowed from the source unless it had a ligature.
    pub text: Cow<'a, str>,
    /// What precedes it.
    pub gap: Gap,
    /// Its indentation in columns (a tab counts four), before trimming: how typed text nests a
    /// list inside a list item.
    pub indent: usize,
}

/// A footnote lifted off a page bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    /// 1-based line number where it starts.
    pub no: usize,
    /// Its number as printed.
    pub label: String,
    /// Its text, wraps joined.
    pub text: String,
}

/// A piece of the cleaned-up stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item<'a> {
    /// A line of body text.
    Line(SourceLine<'a>),
    /// A footnote found at this point (a page bottom).
    Footnote(Footnote),
}

/// The source, cleaned up for paragraph building; its lines borrow from the source text.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    /// True when the text looked like PDF output and was cleaned as such.
    pub pdf_like: bool,
    /// Body lines and footnotes in reading order.
    pub items: Vec<Item<'a>>,
    /// The typical length of a full body line (90th percentile), for short-line heuristics.
    pub wrap_width: usize,
    /// The numbers of the footnotes found, for taking their markers off words.
    pub footnote_labels: HashSet<String>,
    /// True when the pages carry the RFC series' "[Page N]" footers: an IETF draft or RFC,
    /// whose body is indented and whose section headings stand unindented on their own.
    pub rfc_layout: bool,
}

/// A whole line of page furniture: document symbols, job numbers, bar codes, page counters,
/// bare page numbers and date stamps, alone or several on one line.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    let token = r"(?:[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+\*?|\d{2}-\d{4,6}|\([A-Z]\)|\*\d{6,}\*|\d{1,4}\s*/\s*\d{1,4}|(?i:page)\s+\d{1,4}(?:\s+(?i:of)\s+\d{1,4})?|\d{1,6}|-\s*\d{1,4}\s*-)";
    Regex::new(&format!(r"^{token}(?:\s+{token})*$")).expect("furniture pattern")
});

/// The rule above the footnotes of a page.
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:_{5,}|-{10,}|—{5,})$").expect("separator pattern"));

/// A footnote's first line: its number, then its text (or nothing, when the extractor put the
/// number on a line of its own).
static FOOTNOTE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})(?:\s+(.*))?$").expect("footnote pattern"));

/// The running footer and header of a page laid out as the RFC series lays out plain text:
/// "Lineau   Expires 4 June 2027   [Page 3]" and "Internet-Draft   Title   June 2026".
static RFC_FOOTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s\[Page \d{1,4}\]$").expect("footer pattern"));
static RFC_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Internet-Draft|RFC \d{1,5})\s{2,}\S.*\s{2,}(?:January|February|March|April|May|June|July|August|September|October|November|December)\s\d{4}$")
        .expect("header pattern")
});

/// True when `line` (trimmed) is page furniture by its shape alone.
pub fn is_furniture(line: &str) -> bool {
    // This runs on every line. The RFC patterns are tried only where they could match: most
    // lines have neither the footer's closing bracket nor the header's first words. FURNITURE
    // needs no such test: anchored at the start, it fails within a few bytes of prose, faster
    // than any scan of the line for bytes its tokens cannot hold.
    FURNITURE.is_match(line)
        || is_rfc_footer(line)
        || ((line.starts_with("Internet-Draft") || line.starts_with("RFC "))
            && RFC_HEADER.is_match(line))
}

fn is_rfc_footer(line: &str) -> bool {
    line.ends_with(']') && RFC_FOOTER.is_match(line)
}

fn is_separator(line: &str) -> bool {
    line.starts_with(['_', '-', '\u{2014}']) && SEPARATOR.is_match(line)
}

/// Whether `line` can open a footnote (FOOTNOTE_START): it opens with a digit, which for
/// `\d` may be a non-ASCII one.
fn may_open_footnote(line: &str) -> bool {
    line.starts_with(|c: char| c.is_ascii_digit() || !c.is_ascii())
}

/// Cleans `text` up if it looks like PDF output; otherwise just numbers its lines.
pub fn prepare(text: &str) -> Prepared<'_> {
    let raw = split_pages(text);
    let nonblank = raw.iter().filter(|l| !l.text.is_empty()).count();
    let blank = raw.len() - nonblank;
    let has_ff = raw.iter().any(|l| l.page > 0);
    let furniture = raw
        .iter()
        .filter(|l| !l.text.is_empty() && is_furniture(&l.text))
        .count();
    // Typed text separates paragraphs with blank lines; PDF output hardly ever does.
    let pdf_like = has_ff || furniture >= 2 || (nonblank >= 30 && blank * 8 < nonblank);
    let rfc_layout = pdf_like && raw.iter().any(|l| is_rfc_footer(&l.text));
    let (items, footnote_labels) = if pdf_like {
        clean_pdf(&raw)
    } else {
        (plain_items(raw), HashSet::new())
    };
    let wrap_width = wrap_width(&items);
    Prepared {
        pdf_like,
        items,
        wrap_width,
        footnote_labels,
        rfc_layout,
    }
}

struct RawLine<'a> {
    no: usize,
    page: usize,
    indent: usize,
    text: Cow<'a, str>,
}

/// The columns of whitespace that open `line`; a tab counts four.
fn indent_of(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// Numbers the lines and gives each its page. A form feed inside a line splits it: what
/// stands before the feed ends one page, what follows it starts the next (extractors put the
/// feed at the end of a page's last line as often as at the start of the next page's first).
fn split_pages(text: &str) -> Vec<RawLine<'_>> {
    let mut page = 0;
    let mut out = Vec::new();
    // Typed text has no form feed, and looking for one in every line costs a pass over the
    // text: then each line is one piece, which `splitn(1, …)` yields without a search.
    let feeds = super::any_byte(text.as_bytes(), |b| b == b'\x0c');
    let most_pieces = if feeds { usize::MAX } else { 1 };
    for (i, line) in text.lines().enumerate() {
        let mut pieces = line.splitn(most_pieces, '\x0c').peekable();
        let mut first = true;
        while let Some(piece) = pieces.next() {
            if !first {
                page += 1;
            }
            let piece = piece.trim();
            // A line that is only a feed still counts as a (blank) line of the new page.
            let alone = first && pieces.peek().is_none();
            if !piece.is_empty()
                || alone
                || (pieces.peek().is_none() && out.last().is_none_or(|l: &RawLine| l.no != i + 1))
            {
                out.push(RawLine {
                    no: i + 1,
                    page,
                    indent: if first { indent_of(line) } else { 0 },
                    text: fold_ligatures(piece),
                });
            }
            first = false;
        }
    }
    out
}

/// `piece` with its ligatures spelled out ([`normalize::fold_ligatures`]), borrowed when it
/// has none, as almost every line has none.
fn fold_ligatures(piece: &str) -> Cow<'_, str> {
    if piece.is_ascii() || !piece.chars().any(|c| normalize::ligature(c).is_some()) {
        Cow::Borrowed(piece)
    } else {
        Cow::Owned(normalize::fold_ligatures(piece))
    }
}

fn plain_items(raw: Vec<RawLine<'_>>) -> Vec<Item<'_>> {
    let mut gap = Gap::None;
    let mut items = Vec::new();
    for l in raw {
        if l.text.is_empty() {
            gap = Gap::Blank;
        } else {
            items.push(Item::Line(SourceLine {
                no: l.no,
                text: l.text,
                gap,
                indent: l.indent,
            }));
            gap = Gap::None;
        }
    }
    items
}

/// What one raw line turned out to be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Blank,
    Furniture,
    Body,
    Note,
}

fn clean_pdf<'a>(raw: &[RawLine<'a>]) -> (Vec<Item<'a>>, HashSet<String>) {
    let mut roles: Vec<Role> = raw
        .iter()
        .map(|l| match () {
            _ if l.text.is_empty() => Role::Blank,
            _ if is_furniture(&l.text) => Role::Furniture,
            _ => Role::Body,
        })
        .collect();
    mark_repeated(raw, &mut roles);
    let notes = mark_footnotes(raw, &mut roles);
    let labels = notes.iter().map(|(_, f)| f.label.clone()).collect();
    let mut notes = notes.into_iter().peekable();

    let mut items = Vec::new();
    let mut gap = Gap::None;
    let mut page = 0;
    for (i, l) in raw.iter().enumerate() {
        if l.page != page {
            page = l.page;
            gap = Gap::Soft;
        }
        while let Some((_, f)) = notes.next_if(|(at, _)| *at == i) {
            items.push(Item::Footnote(f));
        }
        match roles[i] {
            Role::Blank => gap = gap.max(Gap::Blank),
            Role::Furniture | Role::Note => gap = Gap::Soft,
            Role::Body => {
                items.push(Item::Line(SourceLine {
                    no: l.no,
                    text: l.text.clone(),
                    gap,
                    indent: l.indent,
                }));
                gap = Gap::None;
            }
        }
    }
    items.extend(notes.map(|(_, f)| Item::Footnote(f)));
    (items, labels)
}

/// Marks as furniture the lines that repeat at the top or bottom of most pages (running
/// titles, "Distr.: General"). Without form feeds there are no pages to compare, so a short
/// line that repeats three times or more and reads like no sentence is taken instead.
fn mark_repeated(raw: &[RawLine<'_>], roles: &mut [Role]) {
    let pages = raw.last().map_or(1, |l| l.page + 1);
    let margin = margin_lines(raw, roles);
    let mut seen: HashMap<&str, HashSet<usize>> = HashMap::new();
    for (i, l) in raw.iter().enumerate() {
        // The footnote rule repeats too, but it is what finds the footnotes.
        if roles[i] == Role::Body && (pages < 2 || margin[i]) && !is_separator(&l.text) {
            let count = seen.entry(&*l.text).or_default();
            count.insert(if pages < 2 { i } else { l.page });
        }
    }
    // With pages, "most pages" (but at least two); without, three sightings.
    let threshold = if pages < 2 { 3 } else { (pages / 2).max(2) };
    for (i, l) in raw.iter().enumerate() {
        if roles[i] != Role::Body || seen.get(&*l.text).is_none_or(|s| s.len() < threshold) {
            continue;
        }
        let sentence_like = l.text.ends_with(['.', ',', ';', ':']) || l.text.chars().count() > 80;
        // The first page carries the real title where later pages carry it as a header.
        let keep = if pages < 2 {
            sentence_like
        } else {
            l.page == 0 || !margin[i]
        };
        if !keep {
            roles[i] = Role::Furniture;
        }
    }
}

/// For each line, whether it is among the first or last four non-blank lines of its page.
fn margin_lines(raw: &[RawLine<'_>], roles: &[Role]) -> Vec<bool> {
    let mut margin = vec![false; raw.len()];
    let mut start = 0;
    while start < raw.len() {
        let page = raw[start].page;
        let end = start + raw[start..].iter().take_while(|l| l.page == page).count();
        let idx: Vec<usize> = (start..end).filter(|&i| roles[i] != Role::Blank).collect();
        for &i in idx.iter().take(4).chain(idx.iter().rev().take(4)) {
            margin[i] = true;
        }
        start = end;
    }
    margin
}

/// Finds footnote zones at page bottoms, marks their lines, and returns the footnotes with
/// the index of the line where each was found.
///
/// A zone starts at a rule of underscores, or, without one, at a line that starts with the
/// next footnote number when that number is glued to a word higher up on the same page.
/// It runs to the end of the page (or, without form feeds, to the next furniture line).
fn mark_footnotes(raw: &[RawLine<'_>], roles: &mut [Role]) -> Vec<(usize, Footnote)> {
    let mut notes: Vec<(usize, Footnote)> = Vec::new();
    let mut last = 0u32;
    let mut i = 0;
    while i < raw.len() {
        let starts_zone = roles[i] == Role::Body
            && (is_separator(&raw[i].text) || unruled_footnote_start(raw, roles, i, last));
        if !starts_zone {
            i += 1;
            continue;
        }
        let page = raw[i].page;
        let has_ff = raw.last().is_some_and(|l| l.page > 0);
        let mut j = i;
        while j < raw.len() && raw[j].page == page {
            if !has_ff && j > i && roles[j] == Role::Furniture {
                break;
            }
            // A number alone on its line is furniture by shape, but inside a zone it is a
            // footnote's number when text follows it (pdftotext prints them so).
            let bare_number = roles[j] == Role::Furniture
                && raw[j].text.len() <= 3
                && raw[j].text.bytes().all(|b| b.is_ascii_digit())
                && raw[j + 1..]
                    .iter()
                    .zip(&roles[j + 1..])
                    .find(|(_, r)| **r != Role::Blank)
                    .is_some_and(|(l, r)| {
                        *r == Role::Body
                            && l.page == page
                            && !(may_open_footnote(&l.text) && FOOTNOTE_START.is_match(&l.text))
                    });
            // "15 A/74/821." is furniture by shape too (a number and a symbol), but inside a
            // zone it is the next footnote citing a document.
            let cited_symbol = roles[j] == Role::Furniture
                && may_open_footnote(&raw[j].text)
                && FOOTNOTE_START.captures(&raw[j].text).is_some_and(|c| {
                    c.get(2).is_some()
                        && c[1]
                            .parse::<u32>()
                            .is_ok_and(|n| n > last && n <= last + 10)
                });
            if roles[j] != Role::Body && !bare_number && !cited_symbol {
                j += 1;
                continue;
            }
            roles[j] = Role::Note;
            let text = &*raw[j].text;
            let start = may_open_footnote(text)
                .then(|| FOOTNOTE_START.captures(text))
                .flatten()
                .and_then(|c| {
                    let n: u32 = c[1].parse().ok()?;
                    (n > last && n <= last + 10).then(|| (n, c.get(2).map_or("", |m| m.as_str())))
                });
            match (start, notes.last_mut()) {
                (Some((n, rest)), _) => {
                    last = n;
                    let footnote = Footnote {
                        no: raw[j].no,
                        label: n.to_string(),
                        text: rest.to_string(),
                    };
                    notes.push((i, footnote));
                }
                (None, Some((at, f))) if *at == i && !is_separator(text) => {
                    join_line(&mut f.text, text);
                }
                _ => {}
            }
            j += 1;
        }
        i = j;
    }
    notes
}

/// True when line `i` starts a footnote zone that has no rule above it.
fn unruled_footnote_start(raw: &[RawLine<'_>], roles: &[Role], i: usize, last: u32) -> bool {
    let Some(c) = may_open_footnote(&raw[i].text)
        .then(|| FOOTNOTE_START.captures(&raw[i].text))
        .flatten()
    else {
        return false;
    };
    let Ok(n) = c[1].parse::<u32>() else {
        return false;
    };
    if n != last + 1
        || !c
            .get(2)
            .is_some_and(|m| m.as_str().starts_with(char::is_uppercase))
    {
        return false;
    }
    let page = raw[i].page;
    let marker = n.to_string();
    raw[..i]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, l)| l.page == page)
        .any(|(k, l)| {
            roles[k] == Role::Body
                && l.text
                    .split_whitespace()
                    .any(|w| glued_marker(w) == Some(&marker[..]))
        })
}

fn join_line(text: &mut String, line: &str) {
    if text.is_empty() {
        text.push_str(line);
    } else if let Some(stem) = text
        .strip_suffix('-')
        .filter(|s| s.ends_with(char::is_alphabetic))
    {
        let stem_len = stem.len();
        text.truncate(stem_len);
        text.push_str(line);
    } else {
        text.push(' ');
        text.push_str(line);
    }
}

/// The footnote number glued to the end of `word` ("Nations.1" → "1", "Society,2" → "2",
/// "Compact15" → "15"), if the word has the shape of one: letters, optional closing
/// punctuation, one to three digits. Whether it *is* a marker depends on the footnotes found.
pub fn glued_marker(word: &str) -> Option<&str> {
    let digits = word.len() - word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return None;
    }
    let (stem, number) = word.split_at(word.len() - digits);
    let before =
        stem.trim_end_matches(['.', ',', ';', ':', ')', '\u{201D}', '\u{2019}', '"', '\'']);
    // A lower-case letter before the number: "G77" and "COVID19" are names, not markers.
    before
        .chars()
        .last()
        .filter(|c| c.is_lowercase())
        .map(|_| number)
}

/// Takes footnote markers off the words of `text`: glued ones ("Nations.1") and, as
/// `pdftotext` prints them, free-standing numbers after punctuation ("the issue, 1").
/// Only numbers in `labels` (the footnotes actually found) are taken; returns the text and
/// the markers removed, in order.
pub fn strip_markers<'a>(text: &'a str, labels: &HashSet<String>) -> (Cow<'a, str>, Vec<String>) {
    if labels.is_empty() {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    let mut prev: Option<&str> = None;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if labels.contains(word)
            && prev.is_some_and(|p| {
                p.ends_with([',', '.', ';', ':']) && p.contains(char::is_alphabetic)
            })
        {
            found.push(word.to_string());
            prev = Some(word);
            continue;
        }
        // "gap ,7": the extractor set the comma apart, with the marker glued to it.
        let detached = detached_marker(word)
            .filter(|_| prev.is_some_and(|p| p.ends_with(char::is_alphabetic)));
        let kept = match detached.or_else(|| glued_marker(word)) {
            Some(n) if labels.contains(n) => {
                found.push(n.to_string());
                &word[..word.len() - n.len()]
            }
            _ => word,
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(kept);
        prev = Some(word);
    }
    (Cow::Owned(out), found)
}

/// `line` without a footnote marker at its end ("the issue, 1" → "the issue,",
/// "Nations.1" → "Nations."), so that the line is seen to end a clause.
pub fn trim_marker<'a>(line: &'a str, labels: &HashSet<String>) -> &'a str {
    let (head, last) = line.rsplit_once(' ').unwrap_or(("", line));
    if labels.contains(last) && head.ends_with([',', '.', ';', ':']) {
        return head;
    }
    let detached = detached_marker(last).filter(|_| head.ends_with(char::is_alphabetic));
    match detached.or_else(|| glued_marker(last)) {
        Some(n) if labels.contains(n) => &line[..line.len() - n.len()],
        _ => line,
    }
}

/// The number of a marker glued to a punctuation mark that stands apart (",7"), or `None`.
fn detached_marker(word: &str) -> Option<&str> {
    let number = word.strip_prefix([',', '.', ';', ':'])?;
    (!number.is_empty() && number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit()))
        .then_some(number)
}

fn wrap_width(items: &[Item]) -> usize {
    let mut lens: Vec<usize> = items
        .iter()
        .filter_map(|it| match it {
            Item::Line(l) => Some(l.text.chars().count()),
            Item::Footnote(_) => None,
        })
        .collect();
    if lens.is_empty() {
        return 0;
    }
    lens.sort_unstable();
    lens[lens.len() * 9 / 10]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body<'p>(p: &'p Prepared<'_>) -> Vec<&'p str> {
        p.items
            .iter()
            .filter_map(|i| match i {
                Item::Line(l) => Some(&*l.text),
                Item::Footnote(_) => None,
            })
            .collect()
    }

    #[test]
    fn furniture_patterns() {
        for f in [
            "A/80/L.1",
            "A/RES/79/1",
            "A/C.2/80/L.17",
            "25-12345",
            "24-19876 (E)",
            "3/21",
            "Page 3",
            "Page 3 of 21",
            "12",
            "*2516621*",
            "2/18 25-16621",
            "- 4 -",
        ] {
            assert!(is_furniture(f), "{f}");
        }
        for t in [
            "2030 Agenda for Sustainable Development",
            "1. We",
            "(a) Recalling",
            "Resolution 70/1.",
        ] {
            assert!(!is_furniture(t), "{t}");
        }
    }

    #[test]
    fn prechecks_rule_out_only_what_cannot_match() {
        // Lines built from furniture tokens, prose and non-ASCII spaces and digits: whenever a
        // precheck rules a pattern out, the pattern must not match.
        let pieces = [
            "A/80/L.1",
            "25-12345",
            "(E)",
            "*2516621*",
            "3/21",
            "Page",
            "page",
            "of",
            "12",
            "- 4 -",
            " ",
            "  ",
            "\t",
            "\u{A0}",
            "\u{663}",
            "We",
            ",",
            "'",
            ":",
            "_____",
            "----------",
            "\u{2014}\u{2014}\u{2014}\u{2014}\u{2014}",
            "[Page 3]",
            "RFC 9000",
            "Internet-Draft",
            "June 2026",
            "1",
            "x",
        ];
        let mut rng = fastrand::Rng::with_seed(13);
        for _ in 0..50_000 {
            let line: String = (0..rng.usize(1..6))
                .map(|_| pieces[rng.usize(0..pieces.len())])
                .collect();
            let all = FURNITURE.is_match(&line)
                || RFC_FOOTER.is_match(&line)
                || RFC_HEADER.is_match(&line);
            assert_eq!(is_furniture(&line), all, "{line:?}");
            assert_eq!(is_rfc_footer(&line), RFC_FOOTER.is_match(&line), "{line:?}");
            assert_eq!(is_separator(&line), SEPARATOR.is_match(&line), "{line:?}");
            if !may_open_footnote(&line) {
                assert!(!FOOTNOTE_START.is_match(&line), "{line:?}");
            }
        }
    }

    #[test]
    fn typed_text_is_not_pdf_like() {
        let p = prepare("1. We note.\n\n2. We decide.\n");
        assert!(!p.pdf_like);
        assert_eq!(body(&p), ["1. We note.", "2. We decide."]);
    }

    #[test]
    fn form_feed_makes_text_pdf_like_and_seams_are_soft() {
        let p = prepare("A/80/L.1\nWe note the\n25-12345\n\x0cA/80/L.1\nreport.\n");
        assert!(p.pdf_like);
        assert_eq!(body(&p), ["We note the", "report."]);
        match &p.items[1] {
            Item::Line(l) => {
                assert_eq!(l.gap, Gap::Soft);
                assert_eq!(l.no, 5);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn running_title_repeated_on_pages_is_removed_except_on_page_one() {
        let mut text = String::from("Digital cooperation\nbody one.\n");
        for p in 2..=5 {
            text.push_str(&format!("\x0cDigital cooperation\nbody {p}.\n{p}/5\n"));
        }
        let p = prepare(&text);
        assert_eq!(body(&p)[0], "Digital cooperation");
        assert_eq!(
            body(&p)
                .iter()
                .filter(|l| **l == "Digital cooperation")
                .count(),
            1
        );
    }

    #[test]
    fn footnotes_below_a_rule_are_lifted_off_the_page() {
        let text = "A/80/L.1\nRecalling the Charter of the United Nations,1\n__________\n1 Signed in 1945, it\nentered into force later.\n2/3\n\x0cA/80/L.1\nNext page.\n";
        let p = prepare(text);
        assert_eq!(
            body(&p),
            [
                "Recalling the Charter of the United Nations,1",
                "Next page."
            ]
        );
        let notes: Vec<_> = p
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Footnote(f) => Some(f),
                Item::Line(_) => None,
            })
            .collect();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].label, "1");
        assert_eq!(
            notes[0].text,
            "Signed in 1945, it entered into force later."
        );
        assert!(p.footnote_labels.contains("1"));
    }

    #[test]
    fn footnote_without_rule_needs_its_marker_above() {
        let text = "A/80/L.1\nWe recall the Compact.1\n1 Resolution 79/1, annex I.\n\x0cA/80/L.1\n1 more text\n";
        let p = prepare(text);
        assert_eq!(body(&p), ["We recall the Compact.1", "1 more text"]);
    }

    #[test]
    fn trailing_markers_are_trimmed_from_a_line() {
        let labels: HashSet<String> = ["1", "2"].iter().map(|s| s.to_string()).collect();
        assert_eq!(trim_marker("on the issue, 1", &labels), "on the issue,");
        assert_eq!(trim_marker("the Society,2", &labels), "the Society,");
        assert_eq!(trim_marker("from 1", &labels), "from 1");
    }

    #[test]
    fn glued_markers_are_recognised_by_shape() {
        assert_eq!(glued_marker("Nations.1"), Some("1"));
        assert_eq!(glued_marker("Society,2"), Some("2"));
        assert_eq!(glued_marker("Compact15"), Some("15"));
        assert_eq!(glued_marker("G77"), None);
        assert_eq!(glued_marker("2030"), None);
    }

    #[test]
    fn markers_are_stripped_only_for_known_footnotes() {
        let labels: HashSet<String> = ["1", "2"].iter().map(|s| s.to_string()).collect();
        let (t, found) = strip_markers(
            "the United Nations.1 and civil Society,2 in 2030 and item7",
            &labels,
        );
        assert_eq!(
            t,
            "the United Nations. and civil Society, in 2030 and item7"
        );
        assert_eq!(found, ["1", "2"]);
        let (t, found) = strip_markers("on the issue, 1 and in paragraphs 3, 1", &labels);
        assert_eq!(t, "on the issue, and in paragraphs 3, 1");
        assert_eq!(found, ["1"]);
        let (t, found) = strip_markers("the financing gap ,2 and 3 ,1", &labels);
        assert_eq!(t, "the financing gap , and 3 ,1");
        assert_eq!(found, ["2"]);
    }
}
