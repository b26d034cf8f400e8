//! The Word redline: the new draft as a .docx whose differences from the old draft are
//! native tracked changes, so that Accept All gives the new draft and Reject All the old one.
//!
//! The comparison is laid out first ([`layout`]) as a list of paragraphs, each a list of
//! pieces of text with the revision they belong to, then written as WordprocessingML. How
//! each kind of change becomes revisions:
//!
//! - edits inside a paragraph: `w:del` (with `w:delText`) and `w:ins` around the words;
//! - whole inserted or deleted paragraphs: every run and the paragraph mark inserted or
//!   deleted (`w:ins`/`w:del` in the mark's `w:rPr`);
//! - splits and merges: the paragraph marks that appear are inserted, those that disappear
//!   deleted, so the paragraphs come apart or together when the changes are accepted;
//! - moved paragraphs: a `w:moveFrom` copy of the old paragraph where it stood and a
//!   `w:moveTo` copy at its new place, each inside a named move range. Words inserted after
//!   the move are `w:ins` beside the moved text; words deleted after the move are left out of
//!   the moveTo copy (the moveFrom copy shows them). A `w:del` nested in `w:moveTo` would show
//!   them at the new place too, but LibreOffice reads it as plain text, which would put the
//!   deleted words back into the accepted draft;
//! - labels ("12. ", "(a) ", "I. ") are text at the start of the paragraph, and a label that
//!   changed (renumbering) is a deleted old label and an inserted new one, so that both
//!   readings give the labels of their draft exactly.
//!
//! The old place of a moved or deleted paragraph is after the nearest earlier old paragraph
//! that stayed in place, as in the HTML redline. This module only lays out what `align`
//! found; it decides nothing about what matches what.

mod parts;

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Cursor, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::RenderOptions;
use crate::model::{
    Change, ChangeKind, Comparison, History, PARAGRAPH_BREAK, Paragraph, ParagraphKind, SpanOp,
};

/// Who made the tracked changes of a Word redline, and when: Word shows both on every change
/// and lets a reader accept or reject changes by author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorship {
    /// The author's name on every revision (`--author`, "redline" by default).
    pub author: String,
    /// The date on every revision, RFC 3339 in UTC without fractional seconds
    /// (`2025-11-07T09:30:00Z`), as [`Authorship::date_from_unix`] and
    /// [`Authorship::parse_date`] make it.
    pub date: String,
}

impl Default for Authorship {
    /// "redline" at the Unix epoch. The command line puts the current time (or `--date`, or
    /// `SOURCE_DATE_EPOCH`) here; the library never reads the clock, so that the same
    /// comparison always gives the same bytes.
    fn default() -> Self {
        Authorship {
            author: "redline".into(),
            date: Authorship::date_from_unix(0),
        }
    }
}

impl Authorship {
    /// The UTC date and time `seconds` after the Unix epoch, as RFC 3339 without fractional
    /// seconds.
    ///
    /// ```
    /// use redline::render::Authorship;
    /// assert_eq!(Authorship::date_from_unix(1_700_000_000), "2023-11-14T22:13:20Z");
    /// ```
    pub fn date_from_unix(seconds: i64) -> String {
        let days = seconds.div_euclid(86_400);
        let secs = seconds.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }

    /// Reads a date as a user gives it: `2025-11-07`, `2025-11-07T09:30:00Z`, or with an
    /// offset (`2025-11-07T10:30:00+01:00`) or fractional seconds. Returns it in UTC without
    /// fractional seconds, as Word writes its own, or `None` when it is not such a date.
    ///
    /// ```
    /// use redline::render::Authorship;
    /// assert_eq!(
    ///     Authorship::parse_date("2025-11-07T10:30:00.5+01:00").as_deref(),
    ///     Some("2025-11-07T09:30:00Z")
    /// );
    /// assert_eq!(Authorship::parse_date("7 Nov 2025"), None);
    /// ```
    pub fn parse_date(text: &str) -> Option<String> {
        let b = text.trim().as_bytes();
        let num = |range: std::ops::Range<usize>| -> Option<i64> {
            let digits = b.get(range)?;
            digits
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| std::str::from_utf8(digits).ok()?.parse().ok())?
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let days_in_month = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        if !(1..=days_in_month).contains(&d) {
            return None;
        }
        let day_seconds = days_from_civil(y, m, d) * 86_400;
        if b.len() == 10 {
            return Some(Authorship::date_from_unix(day_seconds));
        }
        if !matches!(b.get(10), Some(b'T' | b't')) || b.get(13) != Some(&b':') {
            return None;
        }
        if b.get(16) != Some(&b':') {
            return None;
        }
        let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
        // 60 is a leap second, which RFC 3339 allows; it folds into the next minute.
        if hh > 23 || mm > 59 || ss > 60 {
            return None;
        }
        let mut rest = &b[19..];
        if let Some(fraction) = rest.strip_prefix(b".") {
            let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            rest = &fraction[digits..];
        }
        let offset = match rest {
            b"Z" | b"z" => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let field = |a: u8, b: u8| -> Option<i64> {
                    (a.is_ascii_digit() && b.is_ascii_digit())
                        .then(|| i64::from(a - b'0') * 10 + i64::from(b - b'0'))
                };
                let (oh, om) = (field(*h1, *h2)?, field(*m1, *m2)?);
                if oh > 23 || om > 59 {
                    return None;
                }
                let o = oh * 3600 + om * 60;
                if *sign == b'+' { o } else { -o }
            }
            _ => return None,
        };
        Some(Authorship::date_from_unix(
            day_seconds + hh * 3600 + mm * 60 + ss - offset,
        ))
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (eras of 400 years, March-based years,
/// so that the leap day falls at the end of the year).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (m + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let d = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let m = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let y = year_of_era + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Writes the comparison as a Word redline (a .docx package, binary).
pub(super) fn write_comparison(
    out: &mut dyn Write,
    comparison: &Comparison,
    options: &RenderOptions,
) -> io::Result<()> {
    let paragraphs = layout(comparison);
    let who = &options.authorship;
    let who = Authorship {
        author: clean(&who.author),
        date: clean(&who.date),
    };
    let document = document_xml(&paragraphs, &who)?;
    let core = parts::core(
        &clean(comparison.new.display_name()),
        &who.author,
        &who.date,
    );
    let package = package(&[
        ("[Content_Types].xml", parts::CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", parts::PACKAGE_RELS.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("docProps/app.xml", parts::APP.as_bytes()),
        ("word/document.xml", &document),
        (
            "word/_rels/document.xml.rels",
            parts::DOCUMENT_RELS.as_bytes(),
        ),
        ("word/styles.xml", parts::STYLES.as_bytes()),
        ("word/settings.xml", parts::SETTINGS.as_bytes()),
        ("word/fontTable.xml", parts::FONT_TABLE.as_bytes()),
        ("word/theme/theme1.xml", parts::THEME.as_bytes()),
    ])?;
    out.write_all(&package)
}

/// Writes the newest step of a history as a Word redline: a .docx holds one new draft
/// against one old one.
///
/// # Errors
/// `InvalidInput` for a history of a single draft, which has no step to show.
pub(super) fn write_history(
    out: &mut dyn Write,
    history: &History,
    options: &RenderOptions,
) -> io::Result<()> {
    match history.last_comparison() {
        Some(comparison) => write_comparison(out, &comparison, options),
        None => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a Word redline needs two drafts; this history has one",
        )),
    }
}

/// The zip archive of `parts`, in order, with a fixed modification time so that the same
/// comparison gives the same bytes.
fn package(parts: &[(&str, &[u8])]) -> io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in parts {
        zip.start_file(*name, options).map_err(io::Error::other)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish().map_err(io::Error::other)?.into_inner())
}

/// How a piece of text or a paragraph mark is tracked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Track {
    /// In both drafts.
    Kept,
    /// Inserted.
    Ins,
    /// Deleted.
    Del,
    /// The old copy of a moved paragraph.
    MoveFrom,
    /// The new copy of a moved paragraph.
    MoveTo,
}

/// The paragraph styles of the redline (see `parts::STYLES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Normal,
    Heading1,
    Heading2,
}

impl Style {
    /// Sections ("I. Introduction", an article, or an unlabelled heading) are level 1;
    /// anything else labelled ("A. Digital divides") is a sub-section, level 2.
    fn of(p: &Paragraph) -> Style {
        if p.kind != ParagraphKind::Heading {
            return Style::Normal;
        }
        match p.label.as_deref() {
            Some(l) if crate::model::is_part_label(l) => Style::Heading1,
            Some(l) if !l.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) => Style::Heading2,
            _ => Style::Heading1,
        }
    }

    fn id(self) -> Option<&'static str> {
        match self {
            Style::Normal => None,
            Style::Heading1 => Some("Heading1"),
            Style::Heading2 => Some("Heading2"),
        }
    }
}

/// Which end of a move a range mark belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Side {
    From,
    To,
}

/// One paragraph of the redline, before it is written as XML.
#[derive(Debug, Clone, PartialEq)]
struct Para {
    style: Style,
    /// The style in the old draft, when it was another (written as a `w:pPrChange`).
    old_style: Option<Style>,
    /// How the paragraph mark is tracked.
    mark: Track,
    /// The text, in pieces of one revision each; neighbours never share a revision.
    pieces: Vec<(Track, String)>,
    /// A move range that opens at the start of this paragraph: side and move number.
    range_start: Option<(Side, usize)>,
    /// A move range that closes at the end of this paragraph.
    range_end: Option<(Side, usize)>,
}

impl Para {
    fn new() -> Para {
        Para {
            style: Style::Normal,
            old_style: None,
            mark: Track::Kept,
            pieces: Vec::new(),
            range_start: None,
            range_end: None,
        }
    }

    fn push(&mut self, track: Track, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.pieces.last_mut() {
            Some((t, s)) if *t == track => s.push_str(text),
            _ => self.pieces.push((track, text.to_string())),
        }
    }

    /// The paragraph's text as one reading sees it: accepted or rejected.
    #[cfg(test)]
    fn reading(&self, accept: bool) -> String {
        self.pieces
            .iter()
            .filter(|(t, _)| shows(*t, accept))
            .map(|(_, s)| s.as_str())
            .collect()
    }
}

/// True when text or a mark tracked as `track` is there after accepting (or rejecting) all
/// changes.
#[cfg(test)]
fn shows(track: Track, accept: bool) -> bool {
    match track {
        Track::Kept => true,
        Track::Ins | Track::MoveTo => accept,
        Track::Del | Track::MoveFrom => !accept,
    }
}

/// Where a change goes in the redline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// At its new place, old and new together (unchanged, modified, inserted, split, merged).
    InPlace,
    /// Only in the old draft: its paragraphs go where they stood.
    Gone,
    /// A move, with this number: a moveFrom copy where it stood, a moveTo copy here.
    Move(usize),
    /// Out of order but not a move the file can express (old paragraphs not adjacent):
    /// deleted where each stood, inserted here.
    Scattered,
}

/// Lays out the whole redline: every paragraph of both drafts in exactly one place, so that
/// the accepted reading is the new draft and the rejected reading the old one.
fn layout(c: &Comparison) -> Vec<Para> {
    // Which changes stay in place. `align` lists paired changes in old order too, apart from
    // moves; a change that breaks that order anyway becomes a move here, since the file can
    // show old text out of its order only as moved text.
    let mut roles = Vec::with_capacity(c.changes.len());
    let mut last_old: Option<usize> = None;
    let mut moves = 0;
    for ch in &c.changes {
        let ascending = ch.old.windows(2).all(|w| w[0] < w[1]);
        let role = if ch.new.is_empty() {
            Role::Gone
        } else if ch.old.is_empty() {
            Role::InPlace
        } else if ch.kind != ChangeKind::Moved
            && ascending
            && last_old.is_none_or(|l| ch.old[0] > l)
        {
            last_old = ch.old.last().copied();
            Role::InPlace
        } else if ch.old.windows(2).all(|w| w[1] == w[0] + 1) {
            moves += 1;
            Role::Move(moves)
        } else {
            Role::Scattered
        };
        roles.push(role);
    }

    // For each old paragraph, the in-place change holding the nearest earlier old paragraph:
    // text that left its place goes back there.
    let n_old = c.old.paragraphs.len();
    let mut owner = vec![None; n_old];
    for (i, ch) in c.changes.iter().enumerate() {
        if roles[i] == Role::InPlace {
            for &o in ch.old.iter().filter(|&&o| o < n_old) {
                owner[o] = Some(i);
            }
        }
    }
    let mut holder = Vec::with_capacity(n_old);
    let mut last = None;
    for o in &owner {
        holder.push(last);
        if o.is_some() {
            last = *o;
        }
    }

    // The old-only pieces, each keyed by its first old paragraph, grouped by holder.
    let mut held: BTreeMap<Option<usize>, Vec<(usize, Vec<Para>)>> = BTreeMap::new();
    for (ch, role) in c.changes.iter().zip(&roles) {
        let olds = paragraphs(&c.old.paragraphs, &ch.old);
        match *role {
            Role::InPlace => {}
            Role::Gone | Role::Scattered => {
                for &o in ch.old.iter().filter(|&&o| o < n_old) {
                    let p = &c.old.paragraphs[o];
                    held.entry(holder[o])
                        .or_default()
                        .push((o, whole(&[p], Track::Del)));
                }
            }
            Role::Move(n) => {
                if let Some(&o) = ch.old.first().filter(|&&o| o < n_old) {
                    let mut ps = whole(&olds, Track::MoveFrom);
                    mark_range(&mut ps, Side::From, n);
                    held.entry(holder[o]).or_default().push((o, ps));
                }
            }
        }
    }
    for units in held.values_mut() {
        units.sort_by_key(|(o, _)| *o);
    }

    let mut out = Vec::new();
    let mut emit_held = |at: Option<usize>, out: &mut Vec<Para>| {
        for (_, ps) in held.remove(&at).into_iter().flatten() {
            out.extend(ps);
        }
    };
    emit_held(None, &mut out);
    for (i, (ch, role)) in c.changes.iter().zip(&roles).enumerate() {
        let news = paragraphs(&c.new.paragraphs, &ch.new);
        match *role {
            Role::Gone => {}
            Role::InPlace if ch.old.is_empty() => out.extend(whole(&news, Track::Ins)),
            Role::InPlace => out.extend(redline(c, ch, false)),
            Role::Scattered => out.extend(whole(&news, Track::Ins)),
            Role::Move(n) => {
                let mut ps = redline(c, ch, true);
                mark_range(&mut ps, Side::To, n);
                out.extend(ps);
            }
        }
        emit_held(Some(i), &mut out);
    }
    out
}

/// The paragraphs at `indices`, skipping any out of range (a damaged report must not panic).
fn paragraphs<'d>(all: &'d [Paragraph], indices: &[usize]) -> Vec<&'d Paragraph> {
    indices.iter().filter_map(|&i| all.get(i)).collect()
}

/// Opens a move range on the first paragraph and closes it on the last.
fn mark_range(ps: &mut [Para], side: Side, n: usize) {
    if let Some(first) = ps.first_mut() {
        first.range_start = Some((side, n));
    }
    if let Some(last) = ps.last_mut() {
        last.range_end = Some((side, n));
    }
}

/// Whole paragraphs, label and text, all tracked as `track` (mark included).
fn whole(ps: &[&Paragraph], track: Track) -> Vec<Para> {
    ps.iter()
        .map(|p| {
            let mut para = Para::new();
            para.style = Style::of(p);
            para.mark = track;
            para.push(track, &p.printed_label());
            para.push(track, &p.text);
            para
        })
        .collect()
}

/// A change with paragraphs on both sides, from its word-level spans: at its place, or
/// (`moved`) as the moveTo copy of a move, which carries only the new side's structure.
fn redline(c: &Comparison, ch: &Change, moved: bool) -> Vec<Para> {
    let olds = paragraphs(&c.old.paragraphs, &ch.old);
    let news = paragraphs(&c.new.paragraphs, &ch.new);
    let (mut oi, mut ni) = (0, 0);
    let mut out = Vec::new();
    let mut cur = Para::new();
    labels(
        &mut cur,
        olds.first().filter(|_| !moved),
        news.first(),
        moved,
    );
    for span in &ch.spans {
        let track = match (span.op, moved) {
            (SpanOp::Equal, false) => Track::Kept,
            (SpanOp::Equal, true) => Track::MoveTo,
            (SpanOp::Insert, _) => Track::Ins,
            (SpanOp::Delete, false) => Track::Del,
            // The old text, deletions included, is in the moveFrom copy (see the module doc).
            (SpanOp::Delete, true) => continue,
        };
        for (k, part) in span.text.split(PARAGRAPH_BREAK).enumerate() {
            if k > 0 {
                // A break in the spans ends a paragraph of the side(s) it belongs to; the
                // moveTo copy follows the new side only (the old one is in the moveFrom copy).
                let ends_old = span.op != SpanOp::Insert && !moved;
                let ends_new = span.op != SpanOp::Delete;
                if ends_old || ends_new {
                    let mark = match (ends_old, ends_new, moved) {
                        (true, true, _) => Track::Kept,
                        (false, true, true) => Track::MoveTo,
                        (false, true, false) => Track::Ins,
                        _ => Track::Del,
                    };
                    finish(&mut cur, mark, olds.get(oi), news.get(ni));
                    out.push(std::mem::replace(&mut cur, Para::new()));
                    oi += usize::from(ends_old);
                    ni += usize::from(ends_new);
                    labels(
                        &mut cur,
                        olds.get(oi).filter(|_| ends_old),
                        news.get(ni).filter(|_| ends_new),
                        moved,
                    );
                }
            }
            cur.push(track, part);
        }
    }
    let mark = if moved { Track::MoveTo } else { Track::Kept };
    finish(&mut cur, mark, olds.get(oi), news.get(ni));
    out.push(cur);
    out
}

/// The labels at the start of a paragraph that begins an old paragraph, a new one, or both.
fn labels(para: &mut Para, old: Option<&&Paragraph>, new: Option<&&Paragraph>, moved: bool) {
    let old = old.map(|p| p.printed_label());
    let new = new.map(|p| p.printed_label());
    match (old, new) {
        (Some(o), Some(n)) if o == n => para.push(Track::Kept, &n),
        (o, n) => {
            if let Some(o) = o {
                para.push(Track::Del, &o);
            }
            if let Some(n) = n {
                para.push(if moved { Track::MoveTo } else { Track::Ins }, &n);
            }
        }
    }
}

/// Closes a paragraph with its mark, styled as the paragraph that the mark ends: the new
/// one when the mark is there after accepting, the old one otherwise.
fn finish(para: &mut Para, mark: Track, old: Option<&&Paragraph>, new: Option<&&Paragraph>) {
    para.mark = mark;
    let old = old.map(|p| Style::of(p));
    let new = new.map(|p| Style::of(p));
    match mark {
        Track::Kept => {
            para.style = new.or(old).unwrap_or(Style::Normal);
            para.old_style = old.filter(|&o| o != para.style);
        }
        Track::Del => para.style = old.unwrap_or(Style::Normal),
        _ => para.style = new.unwrap_or(Style::Normal),
    }
}

/// Replaces what XML 1.0 cannot carry (control characters) so that the file always opens:
/// white-space controls become spaces, others U+FFFD.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => ' ',
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// `word/document.xml` for the laid-out paragraphs.
fn document_xml(paragraphs: &[Para], who: &Authorship) -> io::Result<Vec<u8>> {
    let mut x = Xml {
        w: Writer::new(Vec::new()),
        next_id: 0,
        who,
        ranges: HashMap::new(),
    };
    x.w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))?;
    let mut root = BytesStart::new("w:document");
    root.push_attribute(("xmlns:w", W_NS));
    x.w.write_event(Event::Start(root))?;
    x.start("w:body")?;
    for p in paragraphs {
        x.paragraph(p)?;
    }
    if paragraphs.is_empty() {
        // Word wants a paragraph before the section properties.
        x.w.write_event(Event::Empty(BytesStart::new("w:p")))?;
    }
    x.w.get_mut().extend_from_slice(parts::SECTION.as_bytes());
    x.end("w:body")?;
    x.end("w:document")?;
    Ok(x.w.into_inner())
}

/// The XML writer, with the revision ids handed out so far.
struct Xml<'a> {
    w: Writer<Vec<u8>>,
    next_id: u32,
    who: &'a Authorship,
    /// The id of each open move range, which its end mark repeats.
    ranges: HashMap<(Side, usize), u32>,
}

impl Xml<'_> {
    fn start(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::Start(BytesStart::new(name)))
    }

    fn end(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    /// An element recording a revision: a unique id, the author and the date.
    fn revision(&mut self, name: &str) -> BytesStart<'static> {
        let mut e = BytesStart::new(name.to_string());
        e.push_attribute(("w:id", self.id().to_string().as_str()));
        e.push_attribute(("w:author", self.who.author.as_str()));
        e.push_attribute(("w:date", self.who.date.as_str()));
        e
    }

    fn paragraph(&mut self, p: &Para) -> io::Result<()> {
        self.start("w:p")?;
        self.properties(p)?;
        if let Some((side, n)) = p.range_start {
            let name = match side {
                Side::From => "w:moveFromRangeStart",
                Side::To => "w:moveToRangeStart",
            };
            let mut e = self.revision(name);
            // Word pairs the two ends of a move by this name.
            e.push_attribute(("w:name", format!("move{n}").as_str()));
            let id = self.next_id;
            self.ranges.insert((side, n), id);
            self.w.write_event(Event::Empty(e))?;
        }
        for (track, text) in &p.pieces {
            self.piece(*track, text)?;
        }
        if let Some((side, n)) = p.range_end {
            let name = match side {
                Side::From => "w:moveFromRangeEnd",
                Side::To => "w:moveToRangeEnd",
            };
            let id = match self.ranges.get(&(side, n)) {
                Some(&id) => id,
                None => self.id(),
            };
            let mut e = BytesStart::new(name);
            e.push_attribute(("w:id", id.to_string().as_str()));
            self.w.write_event(Event::Empty(e))?;
        }
        self.end("w:p")
    }

    /// `w:pPr`: style, the revision of the paragraph mark, and the old style when it changed,
    /// in the schema's order.
    fn properties(&mut self, p: &Para) -> io::Result<()> {
        let mark = wrapper(p.mark);
        if p.style == Style::Normal && mark.is_none() && p.old_style.is_none() {
            return Ok(());
        }
        self.start("w:pPr")?;
        if let Some(id) = p.style.id() {
            self.style(id)?;
        }
        if let Some(name) = mark {
            self.start("w:rPr")?;
            let e = self.revision(name);
            self.w.write_event(Event::Empty(e))?;
            self.end("w:rPr")?;
        }
        if let Some(old) = p.old_style {
            let e = self.revision("w:pPrChange");
            self.w.write_event(Event::Start(e))?;
            match old.id() {
                Some(id) => {
                    self.start("w:pPr")?;
                    self.style(id)?;
                    self.end("w:pPr")?;
                }
                None => self.w.write_event(Event::Empty(BytesStart::new("w:pPr")))?,
            }
            self.end("w:pPrChange")?;
        }
        self.end("w:pPr")
    }

    fn style(&mut self, id: &str) -> io::Result<()> {
        let mut e = BytesStart::new("w:pStyle");
        e.push_attribute(("w:val", id));
        self.w.write_event(Event::Empty(e))
    }

    /// One piece of text in its revision wrapper(s).
    fn piece(&mut self, track: Track, text: &str) -> io::Result<()> {
        let outer = wrapper(track);
        if let Some(name) = outer {
            let e = self.revision(name);
            self.w.write_event(Event::Start(e))?;
        }
        self.start("w:r")?;
        let tag = if track == Track::Del {
            "w:delText"
        } else {
            "w:t"
        };
        let mut t = BytesStart::new(tag);
        t.push_attribute(("xml:space", "preserve"));
        self.w.write_event(Event::Start(t))?;
        self.w
            .write_event(Event::Text(BytesText::new(&clean(text))))?;
        self.end(tag)?;
        self.end("w:r")?;
        if let Some(name) = outer {
            self.end(name)?;
        }
        Ok(())
    }
}

/// The element that wraps text (or marks a paragraph mark) tracked as `track`.
fn wrapper(track: Track) -> Option<&'static str> {
    match track {
        Track::Kept => None,
        Track::Ins => Some("w:ins"),
        Track::Del => Some("w:del"),
        Track::MoveFrom => Some("w:moveFrom"),
        Track::MoveTo => Some("w:moveTo"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{self, AlignOptions};
    use crate::model::{Document, Span};
    use crate::synth::edits::edited_pair;

    /// What a word processor shows after accepting (or rejecting) every change, read the
    /// way the project's reader reads it: a paragraph whose mark goes joins the next one.
    fn read_back(paras: &[Para], accept: bool) -> Vec<String> {
        let mut out = Vec::new();
        let mut carry = String::new();
        for p in paras {
            carry.push_str(&p.reading(accept));
            if shows(p.mark, accept) {
                out.push(std::mem::take(&mut carry));
            }
        }
        if !carry.is_empty() {
            out.push(carry);
        }
        out
    }

    fn printed(d: &Document) -> Vec<String> {
        d.paragraphs
            .iter()
            .map(|p| p.printed_label() + &p.text)
            .collect()
    }

    fn assert_round_trips(c: &Comparison) {
        let paras = layout(c);
        assert_eq!(read_back(&paras, true), printed(&c.new), "accepted");
        assert_eq!(read_back(&paras, false), printed(&c.old), "rejected");
    }

    #[test]
    fn both_readings_give_the_drafts_on_generated_pairs() {
        let mut kinds = std::collections::BTreeSet::new();
        for seed in 0..12 {
            let pair = edited_pair(seed, 40);
            let c = align::compare(pair.old, pair.new, &AlignOptions::default());
            kinds.extend(c.changes.iter().map(|ch| ch.kind));
            assert_round_trips(&c);
        }
        assert_eq!(
            kinds.len(),
            ChangeKind::ALL.len(),
            "every kind met: {kinds:?}"
        );
    }

    #[test]
    fn renumbering_is_a_tracked_label_change() {
        let old = crate::parse::parse("1. Alpha.\n\n2. Beta.\n", "old");
        let new = crate::parse::parse("1. Gamma.\n\n2. Alpha.\n\n3. Beta.\n", "new");
        let c = align::compare(old, new, &AlignOptions::default());
        let paras = layout(&c);
        assert_eq!(paras[1].pieces[0], (Track::Del, "1. ".into()));
        assert_eq!(paras[1].pieces[1], (Track::Ins, "2. ".into()));
        assert_round_trips(&c);
    }

    /// A comparison made by hand, so that the test does not depend on what `align` finds.
    fn by_hand(old: &str, new: &str, changes: Vec<Change>) -> Comparison {
        Comparison {
            old: crate::parse::parse(old, "old"),
            new: crate::parse::parse(new, "new"),
            changes,
        }
    }

    fn change(kind: ChangeKind, old: &[usize], new: &[usize], spans: &[(SpanOp, &str)]) -> Change {
        Change {
            kind,
            old: old.to_vec(),
            new: new.to_vec(),
            spans: spans.iter().map(|&(op, t)| Span::new(op, t)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn split_inserts_a_paragraph_mark_and_merge_deletes_one() {
        use SpanOp::*;
        let c = by_hand(
            "1. One. Two.\n\n2. Three.\n\n3. Four.\n",
            "1. One.\n\n2. Two.\n\n3. Three. Four.\n",
            vec![
                change(
                    ChangeKind::Split,
                    &[0],
                    &[0, 1],
                    &[
                        (Equal, "One."),
                        (Delete, " "),
                        (Insert, "\n"),
                        (Equal, "Two."),
                    ],
                ),
                change(
                    ChangeKind::Merged,
                    &[1, 2],
                    &[2],
                    &[
                        (Equal, "Three."),
                        (Delete, "\n"),
                        (Insert, " "),
                        (Equal, "Four."),
                    ],
                ),
            ],
        );
        let paras = layout(&c);
        let marks: Vec<Track> = paras.iter().map(|p| p.mark).collect();
        assert_eq!(
            marks,
            [Track::Ins, Track::Kept, Track::Del, Track::Kept],
            "{paras:#?}"
        );
        assert_round_trips(&c);
    }

    #[test]
    fn moved_paragraph_leaves_a_move_from_copy_where_it_stood() {
        use SpanOp::*;
        let c = by_hand(
            "1. Alpha.\n\n2. Beta gamma.\n\n3. Delta.\n",
            "1. Beta delta.\n\n2. Alpha.\n\n3. Delta.\n",
            vec![
                change(
                    ChangeKind::Moved,
                    &[1],
                    &[0],
                    &[(Equal, "Beta "), (Delete, "gamma."), (Insert, "delta.")],
                ),
                change(ChangeKind::Unchanged, &[0], &[1], &[(Equal, "Alpha.")]),
                change(ChangeKind::Unchanged, &[2], &[2], &[(Equal, "Delta.")]),
            ],
        );
        let paras = layout(&c);
        assert_eq!(paras[0].mark, Track::MoveTo);
        assert_eq!(paras[0].range_start, Some((Side::To, 1)));
        assert!(paras[0].pieces.contains(&(Track::Ins, "delta.".into())));
        assert!(!paras[0].pieces.iter().any(|(_, t)| t.contains("gamma")));
        assert_eq!(paras[2].mark, Track::MoveFrom);
        assert_eq!(paras[2].range_end, Some((Side::From, 1)));
        assert_round_trips(&c);
    }

    #[test]
    fn change_out_of_old_order_becomes_a_move() {
        use SpanOp::*;
        // Not marked as moved, yet old ¶ 2 comes before old ¶ 1: the file can only say so
        // with a move.
        let c = by_hand(
            "1. Alpha.\n\n2. Beta.\n",
            "1. Beta.\n\n2. Alpha.\n",
            vec![
                change(ChangeKind::Modified, &[1], &[0], &[(Equal, "Beta.")]),
                change(ChangeKind::Modified, &[0], &[1], &[(Equal, "Alpha.")]),
            ],
        );
        assert_round_trips(&c);
    }

    #[test]
    fn a_style_that_changed_is_a_tracked_property_change() {
        use SpanOp::*;
        let mut c = by_hand(
            "I. Introduction\n\n1. Text.\n",
            "I. Introduction\n\n1. Text.\n",
            vec![
                change(
                    ChangeKind::Unchanged,
                    &[0],
                    &[0],
                    &[(Equal, "Introduction")],
                ),
                change(ChangeKind::Unchanged, &[1], &[1], &[(Equal, "Text.")]),
            ],
        );
        // The same words, no longer a heading.
        assert_eq!(c.old.paragraphs[0].kind, ParagraphKind::Heading);
        c.new.paragraphs[0].kind = ParagraphKind::Plain;
        let paras = layout(&c);
        assert_eq!(paras[0].style, Style::Normal);
        assert_eq!(paras[0].old_style, Some(Style::Heading1));
        let xml = document_part(&docx(&c, Authorship::default()));
        assert!(
            xml.contains(r#"<w:pPrChange w:id="1" w:author="redline" w:date="1970-01-01T00:00:00Z"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange>"#),
            "{xml}"
        );
    }

    #[test]
    fn a_damaged_report_does_not_panic() {
        use SpanOp::*;
        let c = by_hand(
            "1. Alpha.\n",
            "1. Beta.\n",
            vec![
                change(ChangeKind::Deleted, &[0, 7], &[], &[(Delete, "Alpha.")]),
                change(ChangeKind::Moved, &[9], &[0, 4], &[(Equal, "Beta.\nx")]),
            ],
        );
        let xml = document_part(&docx(&c, Authorship::default()));
        assert!(roxmltree::Document::parse(&xml).is_ok());
    }

    fn docx(c: &Comparison, who: Authorship) -> Vec<u8> {
        let options = RenderOptions {
            authorship: who,
            ..RenderOptions::default()
        };
        let mut out = Vec::new();
        write_comparison(&mut out, c, &options).unwrap();
        out
    }

    fn document_part(bytes: &[u8]) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut text)
            .unwrap();
        text
    }

    #[test]
    fn every_revision_has_a_unique_id_an_author_and_a_date() {
        let pair = edited_pair(3, 40);
        let c = align::compare(pair.old, pair.new, &AlignOptions::default());
        let who = Authorship {
            author: "G-77 & China <delegation>".into(),
            date: "2025-11-07T09:30:00Z".into(),
        };
        let xml = document_part(&docx(&c, who));
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let revisions = [
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "moveFromRangeStart",
            "moveToRangeStart",
            "pPrChange",
        ];
        let mut ids = std::collections::HashSet::new();
        let mut names = std::collections::HashMap::new();
        for n in doc.descendants().filter(|n| n.is_element()) {
            let name = n.tag_name().name();
            if !revisions.contains(&name) {
                continue;
            }
            let attr = |a: &str| n.attribute((W_NS, a)).unwrap_or_default();
            assert!(
                ids.insert(attr("id").to_string()),
                "id {} twice",
                attr("id")
            );
            assert_eq!(attr("author"), "G-77 & China <delegation>");
            assert_eq!(attr("date"), "2025-11-07T09:30:00Z");
            if name.ends_with("RangeStart") {
                *names.entry(attr("name").to_string()).or_insert(0) += 1;
            }
        }
        assert!(ids.len() > 20);
        assert!(!names.is_empty(), "the pair has moves");
        assert!(
            names.values().all(|&n| n == 2),
            "each move has both ends: {names:?}"
        );
        // Each range end repeats its start's id.
        for side in ["moveFrom", "moveTo"] {
            let starts: Vec<&str> = doc
                .descendants()
                .filter(|n| n.tag_name().name() == format!("{side}RangeStart"))
                .filter_map(|n| n.attribute((W_NS, "id")))
                .collect();
            let ends: Vec<&str> = doc
                .descendants()
                .filter(|n| n.tag_name().name() == format!("{side}RangeEnd"))
                .filter_map(|n| n.attribute((W_NS, "id")))
                .collect();
            assert_eq!(starts, ends);
        }
    }

    #[test]
    fn same_comparison_gives_the_same_bytes() {
        let pair = edited_pair(5, 30);
        let c = align::compare(pair.old, pair.new, &AlignOptions::default());
        assert_eq!(
            docx(&c, Authorship::default()),
            docx(&c, Authorship::default())
        );
    }

    #[test]
    fn control_characters_never_break_the_xml() {
        let c = align::compare(
            crate::parse::parse("1. Bell \u{7} here.\n", "old"),
            crate::parse::parse("1. Bell \u{7} there \u{0}.\n", "new"),
            &AlignOptions::default(),
        );
        let xml = document_part(&docx(&c, Authorship::default()));
        assert!(roxmltree::Document::parse(&xml).is_ok(), "{xml}");
    }

    #[test]
    fn dates_are_utc_without_fractions() {
        assert_eq!(Authorship::date_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            Authorship::date_from_unix(951_782_400),
            "2000-02-29T00:00:00Z"
        );
        assert_eq!(Authorship::date_from_unix(-1), "1969-12-31T23:59:59Z");
        let parse = |s| Authorship::parse_date(s);
        assert_eq!(parse("2024-02-29").as_deref(), Some("2024-02-29T00:00:00Z"));
        assert_eq!(
            parse("2025-01-01T00:30:00-01:00").as_deref(),
            Some("2025-01-01T01:30:00Z")
        );
        assert_eq!(
            parse("2025-01-01t00:30:00.123z").as_deref(),
            Some("2025-01-01T00:30:00Z")
        );
        for bad in [
            "2023-02-29",
            "2025-13-01",
            "2025-1-01",
            "2025-01-01T25:00:00Z",
            "2025-01-01T10:00:00",
            "2025-01-01T10:00:00+1:00",
            "2025-01-01T10:00:00.Z",
            "yesterday",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
