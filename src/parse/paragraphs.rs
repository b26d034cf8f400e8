//! Where paragraphs begin and end, and how their lines are joined.
//!
//! Input is the cleaned line stream of `pdfish`. A paragraph starts after a blank line, at
//! a Markdown heading or list item, or at a line-start cue: the *expected* next label
//! ("12." after "11.", "(c)" after "(b)"), and, in PDF-like text, a preambular opener
//! ("Recalling", "Noting with concern" …) after a line that ends a clause, a chapeau
//! ("The General Assembly,") or a line after a short sentence-final line. Lines are joined
//! with single spaces, line-end hyphens are dropped unless the compound occurs unbroken
//! elsewhere, and footnote markers are taken off. Labels are read by `label`.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashSet;

use super::label::{self, Sequence, Style};
use super::pdfish::{self, Footnote, Gap, Item, Prepared};
use super::{markdown, normalize};
use crate::model::{Paragraph, ParagraphKind, is_part_label};

/// Words that open an unnumbered preambular paragraph of a UN resolution. Each is matched
/// as a whole word at a line start; "Noting" covers "Noting also" and "Noting with concern".
const OPENERS: &[&str] = &[
    "Acknowledging",
    "Affirming",
    "Alarmed",
    "Appreciating",
    "Aware",
    "Bearing in mind",
    "Cognizant",
    "Believing",
    "Commending",
    "Committed",
    "Concerned",
    "Conscious",
    "Considering",
    "Convinced",
    "Deeply concerned",
    "Deploring",
    "Desiring",
    "Determined",
    "Emphasizing",
    "Emphasising",
    "Encouraged",
    "Expressing",
    "Further recalling",
    "Gravely concerned",
    "Guided",
    "Having",
    "Highlighting",
    "Keeping in mind",
    "Looking forward",
    "Mindful",
    "Noting",
    "Reaffirming",
    "Realizing",
    "Recalling",
    "Recognizing",
    "Recognising",
    "Reiterating",
    "Seriously concerned",
    "Stressing",
    "Taking into account",
    "Taking note",
    "Underlining",
    "Underscoring",
    "Welcoming",
];

/// Bodies that open the preamble of a resolution: "The General Assembly,".
const CHAPEAU_BODIES: &[&str] = &[
    "Assembly,",
    "Council,",
    "Conference,",
    "Commission,",
    "Board,",
];

/// True when `line` starts with a preambular opener as a whole word.
pub fn starts_with_opener(line: &str) -> bool {
    OPENERS.iter().any(|o| {
        line.strip_prefix(o)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',']))
    })
}

fn is_chapeau(line: &str) -> bool {
    line.starts_with("The ")
        && line.len() < 60
        && (CHAPEAU_BODIES.iter().any(|b| line.ends_with(b))
            || line.starts_with("The Parties to") && line.ends_with(','))
}

fn ends_clause(line: &str) -> bool {
    line.ends_with([',', ';', ':', '.'])
}

/// A paragraph being built.
struct Open<'a> {
    line: usize,
    /// The indentation of the paragraph's first line.
    indent: usize,
    style: Option<Style>,
    /// The kind when the markup decides it (a Markdown heading, a list item).
    fixed: Option<ParagraphKind>,
    seen_numbered: bool,
    /// Its lines as the prepared source holds them: nothing is copied until they are joined.
    lines: Vec<&'a str>,
}

/// Builds the paragraphs of a prepared source, in reading order, indexed and keyed. `links`
/// are the link names a Markdown transcription defines ([`markdown::Markup::links`]).
pub fn build(prep: &Prepared, links: &HashSet<String>) -> Vec<Paragraph> {
    let mut b = Builder {
        prep,
        links,
        list_indent: 0,
        indent: 0,
        seq: Sequence::default(),
        out: Vec::new(),
        markers: Vec::new(),
        open: None,
        pending: Vec::new(),
        compounds: OnceCell::new(),
        prev_line: "",
    };
    for item in &prep.items {
        match item {
            Item::Footnote(f) => b.pending.push(f.clone()),
            Item::Line(l) => b.line(l.no, &l.text, l.gap, l.indent),
        }
    }
    b.close();
    b.flush_notes();
    place_footnotes(b.out, b.markers)
}

struct Builder<'a> {
    prep: &'a Prepared<'a>,
    links: &'a HashSet<String>,
    /// The indentation of the last top-level numbered paragraph of typed text: a numbered
    /// line indented deeper is a nested list, a sub-item of it.
    list_indent: usize,
    /// The indentation of the line being read.
    indent: usize,
    seq: Sequence,
    out: Vec<Paragraph>,
    /// For each paragraph in `out`, the footnote markers taken off its text.
    markers: Vec<Vec<String>>,
    open: Option<Open<'a>>,
    pending: Vec<Footnote>,
    /// The source's unbroken hyphenated words ([`compounds_of`]), read on the first line-end
    /// hyphen that needs them: typed text rarely has one, and the set costs a pass over
    /// every word of the source.
    compounds: OnceCell<HashSet<String>>,
    prev_line: &'a str,
}

impl<'a> Builder<'a> {
    fn line(&mut self, no: usize, text: &'a str, gap: Gap, indent: usize) {
        let pdf = self.prep.pdf_like;
        self.indent = indent;
        if !pdf && markdown::is_rule(text) {
            self.close();
            return;
        }
        if let Some(h) = markdown::heading(text).filter(|_| !pdf) {
            self.close();
            // "## IV. Follow-up": the heading keeps its printed label.
            let lead = label::article_heading(h).or_else(|| label::leading(h));
            let (style, rest) = match lead {
                Some(lead) => {
                    let style = self.seq.resolve(&lead.candidate, false);
                    let rest = if matches!(style, Style::Part(_)) {
                        h
                    } else {
                        &h[lead.rest..]
                    };
                    (Some(style), rest)
                }
                None => (None, h),
            };
            self.start(no, style, Some(ParagraphKind::Heading), rest);
            self.close();
            return;
        }
        // Extractors put blank lines inside paragraphs too: a blank line before a line that
        // goes on in lower case after an unfinished clause ("Countries,1" / "and the Doha
        // Political Declaration") does not start a paragraph in PDF text.
        let continues = pdf
            && text.starts_with(char::is_lowercase)
            && !pdfish::trim_marker(self.prev_line, &self.prep.footnote_labels)
                .ends_with(['.', ':', ';']);
        // In the RFC layout a page seam between a heading and its indented body is still a
        // paragraph break.
        let reindented = self.prep.rfc_layout
            && gap != Gap::None
            && self.open.as_ref().is_some_and(|o| o.indent != indent);
        let block_start = self.open.is_none() || (gap == Gap::Blank && !continues) || reindented;
        if let Some(item) = markdown::bullet(text).filter(|_| !pdf) {
            self.close();
            self.start(no, None, Some(ParagraphKind::Plain), item);
        } else if let Some((n, rest)) = self.nested_item(text, block_start) {
            self.close();
            self.start(
                no,
                Some(Style::Number(n)),
                Some(ParagraphKind::SubItem),
                &text[rest..],
            );
        } else if let Some((style, rest)) = self.cue(text, block_start) {
            self.close();
            let heading = matches!(style, Some(Style::Part(_)));
            if matches!(style, Some(Style::Number(_))) {
                self.list_indent = indent;
            }
            // An article heading keeps its whole text ("[Article 3 bis] (REDD-PLUS)"): a
            // heading with no title would otherwise have no words to be matched by, and the
            // brackets of an article not yet agreed are part of the negotiation.
            // A bare "Annex I" takes its title from the next line ("Global Digital Compact");
            // any other part heading is one line, and what follows is the part's text.
            let titled = rest < text.len();
            let bare_annex =
                matches!(&style, Some(Style::Part(l)) if l.starts_with("Annex")) && !titled;
            let rest = if heading { 0 } else { rest };
            self.start(no, style, None, &text[rest..]);
            if heading && !bare_annex {
                self.close();
            }
        } else if let Some(open) = &mut self.open {
            open.lines.push(text);
        }
        self.prev_line = text;
    }

    /// A numbered line of typed text indented deeper than the numbered paragraph it follows
    /// ("    1. Holding the increase …" under "1. This Agreement … including by:"): a nested
    /// list, whose items are sub-items of that paragraph, numbered as printed. Returns the
    /// number and where the text begins.
    fn nested_item(&self, text: &str, block_start: bool) -> Option<(u32, usize)> {
        if self.prep.pdf_like || self.indent <= self.list_indent || !self.seq.in_list() {
            return None;
        }
        let lead = label::leading(text)?;
        let label::Candidate::Number(n) = lead.candidate else {
            return None;
        };
        // The next item of a nested list starts one even after a line that ends mid-clause.
        let next_item = self.open.as_ref().is_some_and(|o| {
            o.fixed == Some(ParagraphKind::SubItem) && o.style == Some(Style::Number(n - 1))
        });
        (block_start || next_item || ends_clause(self.prev_line)).then_some((n, lead.rest))
    }

    /// Whether `text` starts a paragraph, and if so its label and where its text begins.
    fn cue(&self, text: &str, block_start: bool) -> Option<(Option<Style>, usize)> {
        let prev = pdfish::trim_marker(self.prev_line, &self.prep.footnote_labels);
        let open_heading = self.open.as_ref().is_some_and(|o| {
            o.fixed == Some(ParagraphKind::Heading)
                || matches!(
                    o.style,
                    Some(Style::Roman(_) | Style::Letter(_) | Style::Part(_))
                )
        });
        if let Some(lead) = label::leading(text) {
            let after_colon = prev.ends_with(':');
            let style = self.seq.resolve(&lead.candidate, after_colon);
            let follows_clause = ends_clause(prev)
                || prev.ends_with(" and")
                || prev.ends_with(" or")
                || open_heading;
            let starts = block_start
                || match style {
                    Style::Number(_) | Style::Roman(_) => self.seq.expected(&style),
                    Style::Footnote(_) | Style::Part(_) | Style::Action(_) => true,
                    _ => self.seq.expected(&style) && follows_clause,
                };
            if starts {
                return Some((Some(style), lead.rest));
            }
        }
        if block_start {
            return Some((None, 0));
        }
        if !self.prep.pdf_like {
            return None;
        }
        let after_short_sentence = prev.ends_with(['.', ';', ':'])
            && label::leading(prev).is_none_or(|l| l.rest < prev.len())
            && prev.chars().count() * 10 < self.prep.wrap_width * 7
            && text.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '\u{201C}');
        // Only a line after a clause can open a preambular paragraph, and a chapeau starts
        // with "The" (lines are trimmed): any other line is spared the copy below.
        if after_short_sentence || !(ends_clause(prev) || text.starts_with("The")) {
            return after_short_sentence.then_some((None, 0));
        }
        // Justified lines space words out ("Taking   note   of"): match on single spaces.
        let squeezed = normalize::collapse_spaces(text);
        let new_preambular = ends_clause(prev) && starts_with_opener(&squeezed);
        (is_chapeau(&squeezed) || new_preambular).then_some((None, 0))
    }

    fn start(
        &mut self,
        no: usize,
        style: Option<Style>,
        fixed: Option<ParagraphKind>,
        text: &'a str,
    ) {
        let seen_numbered = self.seq.seen_numbered();
        // A nested list's numbers are its own: they do not move the paragraph sequence on.
        if let Some(s) = style
            .as_ref()
            .filter(|_| fixed != Some(ParagraphKind::SubItem))
        {
            self.seq.advance(s);
        }
        let mut lines = Vec::new();
        if !text.is_empty() {
            lines.push(text);
        }
        self.open = Some(Open {
            line: no,
            indent: self.indent,
            style,
            fixed,
            seen_numbered,
            lines,
        });
    }

    fn close(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let (compounds, prep) = (&self.compounds, self.prep);
        let joined = join_lines(&open.lines, |word| {
            compounds.get_or_init(|| compounds_of(prep)).contains(word)
        });
        let (text, markers) = if self.prep.pdf_like {
            pdfish::strip_markers(&joined, &self.prep.footnote_labels)
        } else {
            markdown::strip_inline(&joined, self.links)
        };
        let (text, key) = normalize::text_and_key(&text);
        if text.is_empty() && open.style.is_none() {
            return;
        }
        // In the RFC layout the body is indented; a single short unindented line that ends
        // no sentence ("Abstract", "1.  Introduction") is a section heading.
        let rfc_heading = self.prep.rfc_layout
            && open.indent == 0
            && open.lines.len() == 1
            && text.chars().count() <= 72
            && !text.ends_with(['.', ',', ';', ':'])
            && matches!(open.style, None | Some(Style::Number(_)));
        let kind = match (&open.fixed, &open.style) {
            (Some(k), _) => *k,
            _ if rfc_heading => ParagraphKind::Heading,
            (None, Some(s)) => label::kind(s, &text, open.seen_numbered),
            (None, None) => ParagraphKind::Plain,
        };
        self.push(
            open.style.map(|s| s.label()),
            kind,
            (text, key),
            open.line,
            markers,
        );
        self.flush_notes();
    }

    fn flush_notes(&mut self) {
        for f in std::mem::take(&mut self.pending) {
            self.push(
                Some(f.label),
                ParagraphKind::Footnote,
                normalize::text_and_key(&f.text),
                f.no,
                Vec::new(),
            );
        }
    }

    /// Adds a paragraph, with the display text and key of [`normalize::text_and_key`].
    fn push(
        &mut self,
        label: Option<String>,
        kind: ParagraphKind,
        (text, folded_key): (String, Option<String>),
        line: usize,
        markers: Vec<String>,
    ) {
        self.out.push(Paragraph {
            index: self.out.len(),
            label,
            kind,
            folded_key,
            text,
            line,
            derived: false,
            notes: markers.clone(),
            article: None,
        });
        self.markers.push(markers);
    }
}

/// Labels the preambular paragraphs `PP1`, `PP2` … as negotiators count them: every
/// unlabelled paragraph after the chapeau ("The General Assembly,", "The Parties to this
/// Agreement,") and before the first numbered paragraph or heading, or the line that closes
/// the preamble ("Have agreed as follows:", "Adopts the following outcome document:").
/// Printed labels ("(a)", "Pp3") are never replaced: a document that letters or numbers its
/// preamble keeps its labels.
pub fn label_preamble(paragraphs: &mut [Paragraph]) {
    let Some(chapeau) = paragraphs.iter().position(|p| {
        let text = p.text.trim_start_matches('[');
        p.label.is_none() && is_chapeau(text)
    }) else {
        return;
    };
    let mut count = 0;
    // Inside a list that a preambular paragraph opens with a colon ("Reaffirming … six key
    // focus areas:" then "(a)", "(b)" …): its lettered items are that paragraph's sub-items.
    let mut in_list = false;
    for p in &mut paragraphs[chapeau + 1..] {
        let closes = p.text.ends_with(':') && p.text.chars().count() < 60;
        if matches!(p.kind, ParagraphKind::Numbered | ParagraphKind::Heading) || closes {
            break;
        }
        if p.kind == ParagraphKind::Footnote {
            continue;
        }
        if p.label.is_some() {
            if in_list && p.kind == ParagraphKind::Preambular {
                p.kind = ParagraphKind::SubItem;
            }
            continue;
        }
        in_list = p.text.ends_with(':');
        count += 1;
        p.label = Some(format!("PP{count}"));
        p.kind = ParagraphKind::Preambular;
        p.derived = true;
    }
}

/// Gives every paragraph under an article or annex heading that part's label ("Article 3
/// bis", "Annex I"), the heading included. Any other heading ends an article ("B. DRAFT
/// DECISION"); an annex runs on through its own sub-headings to the next part.
pub fn mark_articles(paragraphs: &mut [Paragraph]) {
    let mut current: Option<String> = None;
    for p in paragraphs {
        if p.kind == ParagraphKind::Heading {
            let label = p.label.as_deref().filter(|l| is_part_label(l));
            let in_annex = current.as_deref().is_some_and(|c| c.starts_with("Annex"));
            if label.is_some() || !in_annex {
                current = label.map(str::to_string);
            }
        }
        p.article.clone_from(&current);
    }
}

/// Hyphenated words that occur unbroken in the text ("multi-stakeholder"), so that a
/// line-end break inside one keeps its hyphen.
fn compounds_of(prep: &Prepared) -> HashSet<String> {
    let mut set = HashSet::new();
    for item in &prep.items {
        if let Item::Line(l) = item {
            for w in l.text.split_whitespace() {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                if w.contains('-') {
                    set.insert(w.to_string());
                }
            }
        }
    }
    set
}

/// Joins a paragraph's lines with single spaces; a line ending in a hyphen after a letter is
/// joined to the next without a space, and the hyphen dropped when the next line goes on in
/// lower case and the compound never occurs unbroken ("acces-" + "sible" → "accessible").
/// `is_compound` says whether a hyphenated word occurs unbroken in the source.
fn join_lines<'s>(lines: &[&'s str], is_compound: impl Fn(&str) -> bool) -> Cow<'s, str> {
    // One line is joined to nothing: the loop below would copy it trimmed.
    if let [line] = lines {
        return Cow::Borrowed(line.trim());
    }
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        let broken = out
            .strip_suffix(['-', '\u{2010}', '\u{2013}'])
            .filter(|s| s.ends_with(char::is_alphanumeric));
        match broken {
            Some(stem) => {
                let stem_len = stem.len();
                let head = stem.rsplit(' ').next().unwrap_or("");
                let head = head.trim_start_matches(|c: char| !c.is_alphanumeric());
                let tail: String = line
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-')
                    .collect();
                let lower = line.starts_with(char::is_lowercase);
                if lower && !is_compound(&format!("{head}-{tail}")) {
                    out.truncate(stem_len);
                }
                out.push_str(line);
            }
            None => {
                out.push(' ');
                out.push_str(line);
            }
        }
    }
    Cow::Owned(out)
}

/// Moves each footnote to just after the paragraph whose text carried its marker, so that a
/// footnote printed at the bottom of a page follows the paragraph that refers to it rather
/// than whichever paragraph the page break fell in. Then renumbers `index`.
fn place_footnotes(paragraphs: Vec<Paragraph>, markers: Vec<Vec<String>>) -> Vec<Paragraph> {
    // Only labelled footnotes move, and `push` numbered the paragraphs as they stand: without
    // one, the paragraphs are returned as they are rather than moved twice.
    let moves = |p: &Paragraph| p.kind == ParagraphKind::Footnote && p.label.is_some();
    if !paragraphs.iter().any(moves) {
        return paragraphs;
    }
    let owner = |label: &str| markers.iter().position(|m| m.iter().any(|x| x == label));
    let mut after: Vec<Vec<Paragraph>> = vec![Vec::new(); paragraphs.len()];
    let mut body: Vec<Option<Paragraph>> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let target = match (&p.kind, &p.label) {
            (ParagraphKind::Footnote, Some(l)) => owner(l),
            _ => None,
        };
        match target {
            Some(t) => {
                after[t].push(p);
                body.push(None);
            }
            None => body.push(Some(p)),
        }
    }
    let mut out = Vec::with_capacity(body.len());
    for (p, notes) in body.into_iter().zip(after) {
        out.extend(p);
        out.extend(notes);
    }
    for (i, p) in out.iter_mut().enumerate() {
        p.index = i;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> HashSet<String> {
        words.iter().map(|s| s.to_string()).collect()
    }

    fn join_lines(lines: &[&str], compounds: &HashSet<String>) -> String {
        super::join_lines(lines, |w| compounds.contains(w)).into_owned()
    }

    #[test]
    fn soft_wraps_join_with_one_space() {
        assert_eq!(
            join_lines(&["We note", "the report."], &set(&[])),
            "We note the report."
        );
    }

    #[test]
    fn line_end_hyphen_is_dropped_in_a_broken_word() {
        assert_eq!(
            join_lines(&["fully acces-", "sible networks"], &set(&[])),
            "fully accessible networks"
        );
    }

    #[test]
    fn line_end_hyphen_stays_when_the_compound_occurs_unbroken() {
        let c = set(&["multi-stakeholder"]);
        assert_eq!(
            join_lines(&["the multi-", "stakeholder model,"], &c),
            "the multi-stakeholder model,"
        );
    }

    #[test]
    fn line_end_hyphen_before_a_capital_stays() {
        assert_eq!(
            join_lines(&["the Secretary-", "General"], &set(&[])),
            "the Secretary-General"
        );
    }

    #[test]
    fn openers_match_whole_words() {
        assert!(starts_with_opener("Recalling its resolution"));
        assert!(starts_with_opener("Noting with concern"));
        assert!(starts_with_opener("Taking note of"));
        assert!(!starts_with_opener("Notingham"));
        assert!(!starts_with_opener("recalling"));
    }

    #[test]
    fn chapeau_lines() {
        assert!(is_chapeau("The General Assembly,"));
        assert!(is_chapeau("The Economic and Social Council,"));
        assert!(!is_chapeau("The General Assembly decides to"));
    }
}
