//! Renders a clean [`Document`] as text that looks like it came out of a PDF extractor.
//!
//! The output has what real UN PDFs leave in extracted text: lines wrapped at a fixed width
//! (60–95 characters, chosen by the seed), words hyphenated across line ends, justified
//! lines with runs of spaces, blank lines between paragraphs dropped (all or some), pages of
//! about 45 lines separated by form feeds, running headers and footers on every page
//! (document symbol, job number, page counter, title), footnote markers glued to words with
//! the footnote text at the page bottom, sometimes labels alone on their line and ligatures.
//! It is the adversary of `parse`: tests render a draft, parse it back and compare.

use crate::model::{Document, ParagraphKind};

pub mod resolution;

/// The page furniture a rendering used, so that tests can check none of it leaks into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Furniture {
    /// The document symbol printed at the top of every page ("A/80/L.12").
    pub symbol: String,
    /// The job number printed at the bottom of every page ("25-12345").
    pub job: String,
    /// The page counters as printed ("3/21", "Page 3", …), one per page.
    pub counters: Vec<String>,
}

/// Renders `doc` as PDF-like text; the same document and seed give the same text.
pub fn pdf_text(doc: &Document, seed: u64) -> String {
    render(doc, seed).0
}

/// Like [`pdf_text`], also returning the furniture printed on the pages.
pub fn render(doc: &Document, seed: u64) -> (String, Furniture) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let layout = Layout::random(&mut rng);
    let (body, notes) = body_lines(doc, &layout, &mut rng);
    let title = doc
        .paragraphs
        .iter()
        .find(|p| p.kind == ParagraphKind::Plain)
        .map_or("Draft outcome document".to_string(), |p| {
            p.text.chars().take(70).collect()
        });
    let furniture = Furniture {
        symbol: format!("A/{}/L.{}", rng.u32(70..81), rng.u32(1..90)),
        job: format!("{}-{:05}", rng.u32(20..26), rng.u32(10000..99999)),
        counters: Vec::new(),
    };
    paginate(&body, &notes, &layout, &title, furniture, &mut rng)
}

/// The choices that stay fixed through one rendering.
struct Layout {
    width: usize,
    page_lines: usize,
    /// Chance that the blank line after a paragraph survives.
    keep_blank: f64,
    hyphenate: f64,
    justify: f64,
    /// Print "7." alone on its line, as `pdftotext` does with tabbed labels.
    label_alone: bool,
    ligatures: bool,
    separator: bool,
    counter_style: usize,
}

impl Layout {
    fn random(rng: &mut fastrand::Rng) -> Self {
        Layout {
            width: rng.usize(60..=95),
            page_lines: rng.usize(40..=50),
            keep_blank: [0.0, 0.0, 0.5, 0.8][rng.usize(0..4)],
            hyphenate: 0.4,
            justify: if rng.bool() { 0.3 } else { 0.0 },
            label_alone: rng.usize(0..5) == 0,
            ligatures: rng.usize(0..3) == 0,
            separator: rng.usize(0..4) != 0,
            counter_style: rng.usize(0..4),
        }
    }
}

/// A body line and the footnotes whose markers it carries.
struct Line {
    text: String,
    notes: Vec<usize>,
}

/// Wraps every paragraph; footnote paragraphs become markers on the paragraph before them
/// and wrapped footnote texts (returned by footnote index).
fn body_lines(
    doc: &Document,
    layout: &Layout,
    rng: &mut fastrand::Rng,
) -> (Vec<Line>, Vec<Vec<String>>) {
    let mut lines = Vec::new();
    let mut notes: Vec<Vec<String>> = Vec::new();
    let ps = &doc.paragraphs;
    for (i, p) in ps.iter().enumerate() {
        if p.kind == ParagraphKind::Footnote {
            continue;
        }
        let mut words: Vec<(String, Option<usize>)> = p
            .text
            .split_whitespace()
            .map(|w| (w.to_string(), None))
            .collect();
        // The footnotes that follow this paragraph get markers glued to its words.
        for f in ps[i + 1..]
            .iter()
            .take_while(|f| f.kind == ParagraphKind::Footnote)
        {
            let label = f.label.clone().unwrap_or_default();
            let candidates: Vec<usize> = (0..words.len())
                .filter(|&k| words[k].1.is_none() && ends_lowercase(&words[k].0))
                .collect();
            let Some(&k) = candidates.get(rng.usize(..candidates.len().max(1))) else {
                continue;
            };
            words[k].0.push_str(&label);
            words[k].1 = Some(notes.len());
            notes.push(wrap(
                &format!("{label} {}", f.text),
                layout.width,
                layout,
                rng,
                &mut Vec::new(),
            ));
        }
        let label = label_text(p.label.as_deref(), p.kind);
        if !label.is_empty() {
            if layout.label_alone && p.kind == ParagraphKind::Numbered {
                lines.push(Line {
                    text: label,
                    notes: Vec::new(),
                });
            } else {
                words.insert(0, (label, None));
            }
        }
        let mut marks = Vec::new();
        let text = words
            .iter()
            .map(|(w, _)| w.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let wrapped = wrap(&text, layout.width, layout, rng, &mut marks);
        for (k, line) in wrapped.into_iter().enumerate() {
            let notes_here = words
                .iter()
                .filter_map(|(w, n)| {
                    n.filter(|_| marks.get(k).is_some_and(|m| m.iter().any(|x| x == w)))
                })
                .collect();
            lines.push(Line {
                text: line,
                notes: notes_here,
            });
        }
        if rng.f64() < layout.keep_blank {
            lines.push(Line {
                text: String::new(),
                notes: Vec::new(),
            });
        }
    }
    (lines, notes)
}

fn ends_lowercase(word: &str) -> bool {
    word.trim_end_matches(['.', ',', ';', ':'])
        .ends_with(|c: char| c.is_ascii_lowercase())
}

/// The label as printed before the text.
fn label_text(label: Option<&str>, kind: ParagraphKind) -> String {
    match (label, kind) {
        (None, _) => String::new(),
        (Some(l), ParagraphKind::SubItem) => format!("({l})"),
        (Some(l), ParagraphKind::Preambular) if l.chars().all(|c| c.is_ascii_lowercase()) => {
            format!("({l})")
        }
        (Some(l), _) => format!("{l}."),
    }
}

/// Greedy wrapping at `width`, with hyphenated breaks and justified spacing. `marks` gets,
/// for each output line, the whole words placed on it (for locating footnote markers).
fn wrap(
    text: &str,
    width: usize,
    layout: &Layout,
    rng: &mut fastrand::Rng,
    marks: &mut Vec<Vec<String>>,
) -> Vec<String> {
    let mut lines: Vec<Vec<String>> = vec![Vec::new()];
    marks.clear();
    marks.push(Vec::new());
    let len = |l: &Vec<String>| l.iter().map(|w| w.chars().count() + 1).sum::<usize>();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        let used = len(lines.last().expect("one line"));
        if used + word.chars().count() > width && used > 0 {
            let room = width.saturating_sub(used + 1);
            if let Some((head, tail)) = hyphen_break(&word, room, layout.hyphenate, rng) {
                lines.last_mut().expect("one line").push(head);
                word = tail;
            }
            lines.push(Vec::new());
            marks.push(Vec::new());
        }
        marks
            .last_mut()
            .expect("one line")
            .push(text_word(text, &word));
        lines.last_mut().expect("one line").push(word);
    }
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, words)| {
            let mut line = words.join(" ");
            if i + 1 < n && words.len() > 2 && rng.f64() < layout.justify {
                line = justify(&words, width);
            }
            if layout.ligatures {
                line = line
                    .replace("ffi", "\u{FB03}")
                    .replace("fi", "\u{FB01}")
                    .replace("fl", "\u{FB02}");
            }
            line
        })
        .collect()
}

/// The whole word a (possibly hyphen-split) piece belongs to, for marker lookup.
fn text_word(text: &str, piece: &str) -> String {
    text.split_whitespace()
        .find(|w| w.ends_with(piece))
        .unwrap_or(piece)
        .to_string()
}

/// Splits `word` to end a line with at most `room` characters: at its own hyphen when it
/// has one, else (by chance) with an added hyphen, leaving at least three letters each side.
fn hyphen_break(
    word: &str,
    room: usize,
    chance: f64,
    rng: &mut fastrand::Rng,
) -> Option<(String, String)> {
    if let Some(at) = word
        .find('-')
        .filter(|&at| at < room && at > 0 && at + 1 < word.len())
    {
        return Some((word[..=at].to_string(), word[at + 1..].to_string()));
    }
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 8 || !chars.iter().all(|c| c.is_alphabetic()) || rng.f64() >= chance {
        return None;
    }
    let max = room.saturating_sub(1).min(chars.len() - 3);
    (max >= 3).then(|| {
        let at = rng.usize(3..=max);
        (
            chars[..at].iter().collect::<String>() + "-",
            chars[at..].iter().collect(),
        )
    })
}

/// Spreads the words of a line over `width` columns, as a justified PDF line comes out.
fn justify(words: &[String], width: usize) -> String {
    let letters: usize = words.iter().map(|w| w.chars().count()).sum();
    let gaps = words.len() - 1;
    let spaces = width.saturating_sub(letters).max(gaps);
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        out.push_str(w);
        if i < gaps {
            let n = spaces / gaps + usize::from(i < spaces % gaps);
            out.push_str(&" ".repeat(n));
        }
    }
    out
}

/// Lays the body lines out on pages with headers, footers and footnotes.
fn paginate(
    body: &[Line],
    notes: &[Vec<String>],
    layout: &Layout,
    title: &str,
    mut furniture: Furniture,
    rng: &mut fastrand::Rng,
) -> (String, Furniture) {
    let mut pages: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let capacity = layout.page_lines - 6;
        let (mut lines, mut on_page) = (Vec::new(), Vec::new());
        while i < body.len() {
            let new_notes: usize = body[i].notes.iter().map(|&n| notes[n].len()).sum();
            let note_lines: usize = on_page
                .iter()
                .map(|&n: &usize| notes[n].len())
                .sum::<usize>()
                + new_notes;
            let needed = lines.len() + 1 + note_lines + usize::from(note_lines > 0);
            if needed > capacity && !lines.is_empty() {
                break;
            }
            lines.push(body[i].text.clone());
            on_page.extend(body[i].notes.iter().copied());
            i += 1;
        }
        pages.push((lines, on_page));
    }
    let total = pages.len();
    let mut out = Vec::new();
    for (p, (lines, on_page)) in pages.into_iter().enumerate() {
        let n = p + 1;
        let counter = match layout.counter_style {
            0 => format!("{n}/{total}"),
            1 => format!("Page {n}"),
            2 => format!("Page {n} of {total}"),
            _ => n.to_string(),
        };
        let mut page = vec![furniture.symbol.clone()];
        if p > 0 {
            page.push(title.to_string());
        }
        page.push(String::new());
        page.extend(lines);
        if !on_page.is_empty() {
            if layout.separator {
                page.push("_".repeat(rng.usize(10..25)));
            }
            for k in on_page {
                page.extend(notes[k].iter().cloned());
            }
        }
        page.push(String::new());
        let job = if p == 0 {
            format!("{} (E)", furniture.job)
        } else {
            furniture.job.clone()
        };
        // Footers alternate sides in UN documents, so the order of job number and counter does too.
        if n % 2 == 0 {
            page.extend([counter.clone(), job]);
        } else {
            page.extend([job, counter.clone()]);
        }
        furniture.counters.push(counter);
        out.push(page.join("\n"));
    }
    (out.join("\n\x0c") + "\n", furniture)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::draft;

    #[test]
    fn same_seed_same_text() {
        let d = draft(1, 60);
        assert_eq!(pdf_text(&d, 5), pdf_text(&d, 5));
        assert_ne!(pdf_text(&d, 5), pdf_text(&d, 6));
    }

    #[test]
    fn pages_carry_furniture_and_form_feeds() {
        let d = draft(2, 80);
        let (text, f) = render(&d, 9);
        let pages: Vec<&str> = text.split('\x0c').collect();
        assert!(pages.len() >= 3);
        assert_eq!(pages.len(), f.counters.len());
        for (page, counter) in pages.iter().zip(&f.counters) {
            assert!(page.contains(&f.symbol));
            assert!(page.contains(&f.job));
            assert!(page.lines().any(|l| l == counter));
        }
    }

    #[test]
    fn lines_respect_the_width_apart_from_long_words() {
        let d = draft(3, 40);
        let text = pdf_text(&d, 11);
        let max = text.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(max <= 100, "{max}");
    }

    #[test]
    fn justify_fills_the_width() {
        let w: Vec<String> = ["an", "equal", "footing"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(justify(&w, 20), "an   equal   footing");
    }

    #[test]
    fn hyphen_break_prefers_the_words_own_hyphen() {
        let mut rng = fastrand::Rng::with_seed(1);
        let (h, t) = hyphen_break("capacity-building", 12, 0.0, &mut rng).unwrap();
        assert_eq!((h.as_str(), t.as_str()), ("capacity-", "building"));
        assert!(hyphen_break("short", 3, 1.0, &mut rng).is_none());
    }
}
