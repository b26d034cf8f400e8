//! Published UN documents: the cover block, running page headers, the closing meeting line,
//! derived preambular labels and footnotes as notes.
//!
//! A PDF from the UN's document system (ODS) prints, above the text proper, a cover block:
//! "United Nations", the symbol, distribution, date, original language, the job number and
//! its bar code, session, committee, agenda item, the sponsor line or adoption line, the
//! resolution number and the title. Later pages open with the symbol (and, on adopted
//! resolutions, a running title) and a line with the job number and a page counter ("2/18").
//! None of this is negotiated text. [`recognise`] finds such a document, reads the cover
//! into a [`DocumentMeta`] and blanks the cover, the page headers and the closing meeting
//! line out of the text (line numbers stay as they were), so that `pdfish` and `paragraphs`
//! see only the body. [`finish`] then gives the unnumbered preambular paragraphs their
//! negotiating labels (`PP1`, `PP2` …, marked as derived) and moves footnote bodies out of
//! the paragraphs into [`Document::notes`].
//!
//! Everything here keys on what ODS prints, not on fonts or positions (the extractor gives
//! neither reliably). Text that is not recognised as a UN document is left alone.

use std::sync::LazyLock;

use regex::Regex;

use super::normalize::collapse_spaces;
use crate::model::{Document, DocumentMeta, Note, ParagraphKind};

/// A job number with a page counter, either way round: "25-16621 2/18", "3/18 25-16621".
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{2}-\d{5}\s+\d{1,3}/\d{1,3}|\d{1,3}/\d{1,3}\s+\d{2}-\d{5})$")
        .expect("counter pattern")
});

/// A job number with its language and date code, or its bar code: "25-16621 (E) 221025",
/// "*2516621*".
static JOB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{2}-\d{5}\s*\([A-Z]\)(?:\s+\d{6})?|\*\d{7}\*)$").expect("job pattern")
});

/// A document symbol of the General Assembly and the other principal organs.
static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:A|E|S|[A-Z]{1,6})/[A-Za-z0-9.\-/]+$").expect("symbol pattern")
});

/// A date as printed on a cover: "14 October 2025".
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$")
        .expect("date pattern")
});

/// The number of an adopted resolution before its title: "80/118. Information …".
static RESOLUTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3}/\d{1,4})\.\s+(.*)$").expect("resolution pattern"));

/// The closing line of an adopted resolution: "64th plenary meeting".
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,3}(?:st|nd|rd|th) plenary meeting$").expect("meeting pattern")
});

/// A UN document recognised in extracted text: its cover, and the text with the cover, the
/// page headers and the closing line blanked out.
#[derive(Debug, Clone)]
pub struct Recognised {
    /// What the cover says.
    pub meta: DocumentMeta,
    /// The text to parse: the input with furniture lines emptied, same number of lines.
    pub text: String,
}

/// Recognises a published UN document in text extracted from a PDF (pages joined with form
/// feeds) and separates its cover and page headers from its body; `None` for anything else.
///
/// The signs are all required: form feeds, and on the first page a line
/// "United Nations" followed by a document symbol, and a chapeau ("The General Assembly")
/// that ends the cover.
pub fn recognise(text: &str) -> Option<Recognised> {
    if !super::any_byte(text.as_bytes(), |b| b == b'\x0c') {
        return None;
    }
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    // Page of each line: a feed inside a line belongs to the page that follows it.
    let mut page_of = Vec::with_capacity(lines.len());
    let mut page = 0;
    for l in &lines {
        page_of.push(page);
        page += l.matches('\x0c').count();
    }
    let squeezed: Vec<String> = lines
        .iter()
        .map(|l| collapse_spaces(&l.replace('\x0c', " ")))
        .collect();
    let first_page_end = page_of.iter().position(|&p| p > 0).unwrap_or(lines.len());
    let symbol = squeezed[..first_page_end]
        .iter()
        .take(8)
        .find_map(|l| l.strip_prefix("United Nations "))
        .filter(|s| SYMBOL.is_match(s))?
        .to_string();
    let chapeau = squeezed[..first_page_end]
        .iter()
        .position(|l| l.starts_with("The General Assembly") && l.len() < 40)?;

    let mut meta = read_cover(&squeezed[..chapeau]);
    meta.symbol = Some(symbol);
    for l in &mut lines[..chapeau] {
        blank(l);
    }
    blank_sponsor_note(&mut lines, &squeezed[..first_page_end], chapeau);
    blank_page_headers(&mut lines, &squeezed, &page_of);
    if let Some(at) = squeezed.iter().rposition(|l| MEETING.is_match(l)) {
        let mut closing = squeezed[at].clone();
        blank(&mut lines[at]);
        if let Some(next) = squeezed.get(at + 1).filter(|l| DATE.is_match(l)) {
            closing.push(' ');
            closing.push_str(next);
            blank(&mut lines[at + 1]);
        }
        meta.meeting = Some(closing);
    }
    Some(Recognised {
        meta,
        text: lines.join("\n"),
    })
}

/// Empties a line but keeps its form feeds, so pages stay where they were.
fn blank(line: &mut String) {
    let feeds = line.matches('\x0c').count();
    *line = "\x0c".repeat(feeds);
}

/// The starred note at the foot of the first page ("* On behalf of the States that are
/// members of the Group of 77 and China …"), which belongs to the sponsor line of the cover,
/// not to the text. It usually falls inside the cover; on a long first page it falls below
/// the chapeau, often without the rule that marks numbered footnotes, and would otherwise
/// be read as a preambular paragraph.
fn blank_sponsor_note(lines: &mut [String], first_page: &[String], chapeau: usize) {
    let Some(start) = (chapeau..first_page.len()).find(|&i| {
        first_page[i]
            .strip_prefix('*')
            .is_some_and(|rest| rest.trim_start().starts_with("On behalf of"))
    }) else {
        return;
    };
    // The note runs on until a blank line or the next footnote ("1 Resolutions 56/183 …").
    let next_note = |l: &str| {
        l.split_once(' ')
            .is_some_and(|(n, _)| n.parse::<u8>().is_ok())
    };
    for i in start..first_page.len() {
        if first_page[i].is_empty() || (i > start && next_note(&first_page[i])) {
            break;
        }
        blank(&mut lines[i]);
    }
}

/// On every page after the first, the lines down to the job-number-and-counter line: the
/// symbol, a running title on adopted resolutions, the counter. Pages without a counter
/// near their top are left alone.
fn blank_page_headers(lines: &mut [String], squeezed: &[String], page_of: &[usize]) {
    let mut start = 0;
    while start < lines.len() {
        let page = page_of[start];
        let end = start + page_of[start..].iter().take_while(|&&p| p == page).count();
        if page > 0 {
            // The first line of a page holds the feed that opened it; look past it.
            let top: Vec<usize> = (start..end)
                .filter(|&i| !squeezed[i].is_empty())
                .take(5)
                .collect();
            if let Some(&counter) = top.iter().find(|&&i| COUNTER.is_match(&squeezed[i])) {
                for l in &mut lines[start..=counter] {
                    blank(l);
                }
            }
        }
        start = end;
    }
}

/// Reads the cover lines (above the chapeau) into their fields. Lines are taken in blank-
/// line-separated groups, because a field printed over two lines (a sponsor line, a title)
/// is one group.
fn read_cover(lines: &[String]) -> DocumentMeta {
    let mut meta = DocumentMeta::default();
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut open = false;
    for l in lines {
        let l = l.as_str();
        if l.is_empty() || JOB.is_match(l) || l.starts_with("United Nations ") {
            open = false;
            continue;
        }
        if !open {
            groups.push(Vec::new());
            open = true;
        }
        groups.last_mut().expect("a group is open").push(l);
    }
    let mut title: Option<String> = None;
    for group in groups {
        let mut agenda: Option<Vec<&str>> = None;
        let mut rest: Vec<&str> = Vec::new();
        for &l in &group {
            if let Some(a) = agenda.as_mut() {
                a.push(l);
            } else if l == "General Assembly" {
            } else if let Some(d) = l.strip_prefix("General Assembly Distr.: ") {
                meta.distribution = Some(d.to_string());
            } else if let Some(d) = l.strip_prefix("Distr.: ") {
                meta.distribution = Some(d.to_string());
            } else if let Some(o) = l.strip_prefix("Original: ") {
                meta.original = Some(o.to_string());
            } else if DATE.is_match(l) && meta.date.is_none() && meta.session.is_none() {
                meta.date = Some(l.to_string());
            } else if l.ends_with(" session") && meta.session.is_none() {
                meta.session = Some(l.to_string());
            } else if l.ends_with(" Committee") && meta.committee.is_none() && rest.is_empty() {
                meta.committee = Some(l.to_string());
            } else if l.starts_with("Agenda item") {
                agenda = Some(vec![l]);
            } else {
                rest.push(l);
            }
        }
        if let Some(a) = agenda {
            meta.agenda_item = Some(a.join(" "));
        }
        if rest.is_empty() {
            continue;
        }
        let joined = rest.join(" ");
        if joined.starts_with("Resolution adopted by") {
            meta.adoption = Some(joined);
        } else if joined.starts_with('[') {
            let adoption = meta.adoption.get_or_insert_with(String::new);
            if !adoption.is_empty() {
                adoption.push(' ');
            }
            adoption.push_str(&joined);
        } else if joined.contains("draft resolution") || joined.starts_with("Draft resolution") {
            meta.sponsor = Some(joined);
        } else if let Some(c) = RESOLUTION.captures(&joined) {
            meta.resolution = Some(c[1].to_string());
            title = Some(c[2].to_string());
        } else {
            title = Some(joined);
        }
    }
    meta.title = title;
    meta
}

/// Completes a UN document after its paragraphs are built: the cover goes in as `meta`,
/// footnote bodies leave the paragraphs for `notes`, and the unnumbered preambular
/// paragraphs get their derived labels.
pub fn finish(doc: &mut Document, meta: DocumentMeta) {
    // Negotiators name a UN text by its symbol, not by its file name.
    if doc.name.is_none() {
        doc.name.clone_from(&meta.symbol);
    }
    doc.meta = Some(meta);
    let paragraphs = std::mem::take(&mut doc.paragraphs);
    for p in paragraphs {
        if p.kind == ParagraphKind::Footnote {
            doc.notes.push(Note {
                label: p.label.unwrap_or_default(),
                text: p.text,
            });
        } else {
            doc.paragraphs.push(p);
        }
    }
    doc.notes
        .sort_by_key(|n| n.label.parse::<u32>().unwrap_or(u32::MAX));
    for (i, p) in doc.paragraphs.iter_mut().enumerate() {
        p.index = i;
    }
    take_missing_markers(doc);
}

/// Takes out the footnote marks the generic pass could not tell from numbers: a mark
/// standing free after a word without punctuation ("Development 18 and") or glued to a year
/// ("2024–203411" for "2024–2034" and mark 11).
///
/// Footnotes are numbered in reading order, so the mark of note `k` can only stand between
/// the paragraphs holding the marks of `k - 1` and `k + 1`; only that stretch is searched,
/// and only the first fitting token in it is taken, which keeps "all 17 Goals" safe unless
/// note 17 is missing there too.
fn take_missing_markers(doc: &mut Document) {
    let holder = |doc: &Document, label: &str| {
        doc.paragraphs
            .iter()
            .position(|p| p.notes.iter().any(|n| n == label))
    };
    let labels: Vec<u32> = doc
        .notes
        .iter()
        .filter_map(|n| n.label.parse().ok())
        .collect();
    for &k in &labels {
        let mark = k.to_string();
        if holder(doc, &mark).is_some() {
            continue;
        }
        let from = (1..k)
            .rev()
            .find_map(|j| holder(doc, &j.to_string()))
            .unwrap_or(0);
        let to = labels
            .iter()
            .filter(|&&j| j > k)
            .find_map(|j| holder(doc, &j.to_string()))
            .unwrap_or(doc.paragraphs.len().saturating_sub(1));
        for p in doc.paragraphs.iter_mut().take(to + 1).skip(from) {
            if matches!(p.kind, ParagraphKind::Heading) {
                continue;
            }
            if let Some(text) = without_mark(&p.text, &mark) {
                p.text = text;
                p.set_key(super::normalize::key(&p.text));
                let at = p
                    .notes
                    .iter()
                    .position(|n| n.parse::<u32>().is_ok_and(|n| n > k))
                    .unwrap_or(p.notes.len());
                p.notes.insert(at, mark.clone());
                break;
            }
        }
    }
}

/// `text` without the first token that is footnote mark `mark`: the number alone after a
/// word, or glued to the end of a year. `None` when there is none.
fn without_mark(text: &str, mark: &str) -> Option<String> {
    let tokens: Vec<&str> = text.split(' ').collect();
    for (i, t) in tokens.iter().enumerate() {
        let free = *t == mark
            && i > 0
            && tokens[i - 1].ends_with(|c: char| {
                c.is_alphabetic() || matches!(c, ')' | '\u{201D}' | ',' | '.' | ';' | ':')
            })
            && tokens
                .get(i + 1)
                .is_none_or(|n| n.starts_with(char::is_lowercase));
        let glued_to_year = t.len() > mark.len() + 4
            && t.strip_suffix(mark).is_some_and(|stem| {
                let cut = stem.len() - 4;
                stem.is_char_boundary(cut) && {
                    let (head, year) = stem.split_at(cut);
                    year.bytes().all(|b| b.is_ascii_digit())
                        && (year.starts_with("19") || year.starts_with("20"))
                        && !head.ends_with(|c: char| c.is_ascii_digit())
                }
            });
        // "2005,8": glued after the punctuation that follows a number.
        let glued_to_number = t.strip_suffix(mark).is_some_and(|stem| {
            stem.ends_with([',', '.', ';', ':'])
                && stem[..stem.len() - 1].ends_with(|c: char| c.is_ascii_digit())
        });
        // "Commitment3,": glued to a word, before its punctuation.
        let before_punctuation = t
            .trim_end_matches([',', '.', ';', ':'])
            .strip_suffix(mark)
            .is_some_and(|stem| stem.ends_with(char::is_lowercase))
            && t.ends_with([',', '.', ';', ':']);
        // "3on": glued to the start of the next word (the mark printed a little to the right).
        let before_word = t
            .strip_prefix(mark)
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(char::is_lowercase))
            && i > 0;
        if before_word {
            let mut out: Vec<String> = tokens.iter().map(|s| s.to_string()).collect();
            out[i] = t[mark.len()..].to_string();
            return Some(out.join(" "));
        }
        if before_punctuation {
            let mut out: Vec<String> = tokens.iter().map(|s| s.to_string()).collect();
            let punct = &t[t.trim_end_matches([',', '.', ';', ':']).len()..];
            let stem = &t[..t.len() - punct.len() - mark.len()];
            out[i] = format!("{stem}{punct}");
            return Some(out.join(" "));
        }
        if free || glued_to_year || glued_to_number {
            let mut out: Vec<String> = tokens.iter().map(|s| s.to_string()).collect();
            if free {
                out.remove(i);
            } else {
                out[i].truncate(t.len() - mark.len());
            }
            return Some(out.join(" "));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const COVER: &str = "\n  United Nations    A/C.2/80/L.99 \n\nGeneral Assembly    Distr.: Limited \n1 October 2025 \n \nOriginal: English \n\n 25-99999 (E)    011025 \n*2599999* \n\nEightieth session \nSecond Committee \nAgenda item 15 \nInformation and communications technologies for \nsustainable development \n \n    Ruritania:* draft resolution \n \n    Information and communications technologies for \nsustainable development \n\n  The General Assembly, \n\n  Recalling its resolution,\n\x0c\nA/C.2/80/L.99 \n\n 25-99999 2/2 \n\n  1.  Decides to act. \n";

    #[test]
    fn cover_becomes_metadata() {
        let r = recognise(COVER).expect("a UN document");
        let m = &r.meta;
        assert_eq!(m.symbol.as_deref(), Some("A/C.2/80/L.99"));
        assert_eq!(m.distribution.as_deref(), Some("Limited"));
        assert_eq!(m.date.as_deref(), Some("1 October 2025"));
        assert_eq!(m.original.as_deref(), Some("English"));
        assert_eq!(m.session.as_deref(), Some("Eightieth session"));
        assert_eq!(m.committee.as_deref(), Some("Second Committee"));
        assert_eq!(
            m.agenda_item.as_deref(),
            Some(
                "Agenda item 15 Information and communications technologies for sustainable development"
            )
        );
        assert_eq!(m.sponsor.as_deref(), Some("Ruritania:* draft resolution"));
        assert_eq!(
            m.title.as_deref(),
            Some("Information and communications technologies for sustainable development")
        );
    }

    #[test]
    fn cover_and_page_headers_are_blanked_keeping_lines() {
        let r = recognise(COVER).unwrap();
        assert_eq!(r.text.lines().count(), COVER.lines().count());
        assert!(!r.text.contains("A/C.2/80/L.99"));
        assert!(!r.text.contains("2/2"));
        assert!(r.text.contains("The General Assembly"));
        assert!(r.text.contains("Decides to act."));
        assert_eq!(r.text.matches('\x0c').count(), 1);
    }

    #[test]
    fn adoption_resolution_number_and_meeting_line() {
        let text = "United Nations A/RES/80/1\nGeneral Assembly\nDistr.: General\n2 December 2025\n\nEightieth session\nAgenda item 9\n\nResolution adopted by the General Assembly\non 1 December 2025\n\n[without reference to a Main Committee (A/80/L.1)]\n\n80/1. Digital cooperation\n\nThe General Assembly,\n\nRecalling,\n\n1. Decides;\n\n12th plenary meeting\n1 December 2025\n\x0c";
        let r = recognise(text).unwrap();
        assert_eq!(r.meta.resolution.as_deref(), Some("80/1"));
        assert_eq!(r.meta.title.as_deref(), Some("Digital cooperation"));
        assert_eq!(
            r.meta.adoption.as_deref(),
            Some(
                "Resolution adopted by the General Assembly on 1 December 2025 [without reference to a Main Committee (A/80/L.1)]"
            )
        );
        assert_eq!(
            r.meta.meeting.as_deref(),
            Some("12th plenary meeting 1 December 2025")
        );
        assert!(!r.text.contains("plenary"));
    }

    #[test]
    fn text_without_a_un_cover_is_left_alone() {
        assert!(recognise("1. We note.\x0c2. We decide.").is_none());
        assert!(recognise("United Nations A/80/1\nno chapeau\x0c").is_none());
    }
}
