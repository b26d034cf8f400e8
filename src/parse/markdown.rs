//! The little Markdown a draft typed by hand may carry: `#` headings, list markers,
//! emphasis, footnote references and links.
//!
//! Drafts are not Markdown documents, so this is deliberately shallow: it recognises what
//! changes a paragraph's kind or would otherwise leak into its text (`*Recalling*`,
//! `[^3]`), and leaves everything else alone. Paragraph boundaries are `paragraphs`' job.
//!
//! Transcriptions published on static sites (the Paris Agreement drafts typed up during
//! COP21, for example) also carry site markup that is not text: YAML front matter, kramdown
//! attribute lines (`{:toc}`), link definitions (`[report]: https://…`). [`strip_markup`]
//! blanks those lines before paragraphs are built. Square brackets are otherwise left alone:
//! in a negotiating text they are the negotiation (`[shall][should]`), so a bracketed phrase
//! is only read as a link when the file defines it as one.

use std::borrow::Cow;
use std::collections::HashSet;

/// The text of a `#`/`##`… heading line, without the hashes, or `None`.
pub fn heading(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    // A closing run of hashes is decoration.
    Some(rest.trim().trim_end_matches('#').trim_end())
}

/// The text of a bulleted list item ("- ", "* ", "+ ", "• "), without its marker, or `None`.
pub fn bullet(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let marker = chars.next()?;
    if !matches!(marker, '-' | '*' | '+' | '•') {
        return None;
    }
    let rest = chars.as_str();
    // "*Recalling* its…" is emphasis, not a list.
    rest.starts_with([' ', '\t']).then(|| rest.trim_start())
}

/// True for a thematic break (`---`, `***`, `___`), which separates but is not text.
pub fn is_rule(line: &str) -> bool {
    // Runs on every line of a draft: no allocation, and most lines fail at their first
    // visible character.
    let mut visible = line.chars().filter(|c| !c.is_whitespace());
    let Some(marker) = visible.next().filter(|m| matches!(m, '-' | '*' | '_')) else {
        return false;
    };
    let mut count = 1;
    for c in visible {
        if c != marker {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// What [`strip_markup`] learned from the site markup it removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markup {
    /// The `title:` of the YAML front matter, if any.
    pub title: Option<String>,
    /// The names given link targets (`[report]: https://…`), lower-cased: a bracketed phrase
    /// is a link, not negotiating brackets, only when it names one of these.
    pub links: HashSet<String>,
}

/// Blanks the lines of `text` that are site markup rather than text: YAML front matter at
/// the top, kramdown attribute lines (`{:toc}`) with the `* TOC` item they decorate, and link
/// definitions. Lines are blanked rather than removed so that line numbers still point into
/// the file.
pub fn strip_markup(text: &str) -> (Cow<'_, str>, Markup) {
    // Site markup is rare, and looking for it line by line costs a pass over the draft: the
    // lines blanked below all open the file ("---"), or hold "{:" (attribute lines) or "]:"
    // (link definitions), which a substring search rules out much faster.
    let front_matter = text
        .split('\n')
        .next()
        .is_some_and(|l| l.trim_end() == "---");
    if !front_matter && !text.contains("{:") && !text.contains("]:") {
        return (Cow::Borrowed(text), Markup::default());
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut blank = vec![false; lines.len()];
    let mut markup = Markup::default();
    if lines.first().is_some_and(|l| l.trim_end() == "---") {
        if let Some(end) = lines
            .iter()
            .skip(1)
            .take(60)
            .position(|l| l.trim_end() == "---")
        {
            for (i, line) in lines[..end + 2].iter().enumerate() {
                blank[i] = true;
                if let Some(t) = line.strip_prefix("title:") {
                    let t = t.trim().trim_matches(['"', '\'']).trim();
                    markup.title = (!t.is_empty()).then(|| t.to_string());
                }
            }
        }
    }
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.starts_with("{:") && t.ends_with('}') {
            blank[i] = true;
            // "* TOC" above "{:toc}" is the placeholder the table of contents replaces.
            if i > 0 && bullet(lines[i - 1].trim()).is_some_and(|b| b == "TOC") {
                blank[i - 1] = true;
            }
        } else if let Some(name) = link_definition(t) {
            blank[i] = true;
            markup.links.insert(name.to_lowercase());
        }
    }
    if !blank.contains(&true) {
        return (Cow::Borrowed(text), markup);
    }
    let kept: Vec<&str> = lines
        .iter()
        .zip(&blank)
        .map(|(l, &b)| if b { "" } else { *l })
        .collect();
    (Cow::Owned(kept.join("\n")), markup)
}

/// The name of a link definition line (`[report]: https://…` → `report`), or `None`. Only a
/// target that is a URL or a site path counts: `[Option 1]: text` is negotiating text.
fn link_definition(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('[')?;
    let (name, target) = rest.split_once("]:")?;
    let target = target.trim();
    let url = ["http://", "https://", "/", "#", "mailto:"]
        .iter()
        .any(|p| target.starts_with(p));
    let single = !target.is_empty() && !target.contains(char::is_whitespace);
    (!name.is_empty() && !name.starts_with('^') && !name.contains(']') && url && single)
        .then_some(name)
}

/// `text` without emphasis markers, footnote references and link targets; also returns the
/// footnote references removed, in order (`[^3]` → `3`). `links` are the link names the file
/// defines ([`Markup::links`]): `[text][name]` and `[name]` become their text.
pub fn strip_inline<'a>(text: &'a str, links: &HashSet<String>) -> (Cow<'a, str>, Vec<String>) {
    // Footnote references and links both open with '['; most paragraphs have none.
    if !super::any_byte(text.as_bytes(), |b| b == b'[') {
        return (strip_emphasis(text), Vec::new());
    }
    let (text, refs) = strip_footnote_refs(text);
    let text = strip_links(&text);
    let text = if links.is_empty() {
        text
    } else {
        strip_reference_links(&text, links)
    };
    (Cow::Owned(strip_emphasis(&text).into_owned()), refs)
}

/// "[text][name]", "[text][]" and "[name]" → "text"/"name", for names the file defines.
fn strip_reference_links(text: &str, links: &HashSet<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(']').filter(|&c| !after[..c].contains('[')) else {
            out.push('[');
            rest = after;
            continue;
        };
        let inner = &after[..close];
        let tail = &after[close + 1..];
        let reference = tail
            .strip_prefix('[')
            .and_then(|t| t.find(']').map(|e| (&t[..e], e + 2)));
        match reference {
            Some((name, used)) if links.contains(&name.to_lowercase()) || name.is_empty() => {
                out.push_str(inner);
                rest = &tail[used..];
            }
            _ if links.contains(&inner.to_lowercase()) => {
                out.push_str(inner);
                rest = tail;
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn strip_footnote_refs(text: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut refs = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        let Some(len) = rest[start..].find(']') else {
            break;
        };
        let label = &rest[start + 2..start + len];
        if label.is_empty() || label.contains(char::is_whitespace) {
            out.push_str(&rest[..start + 2]);
            rest = &rest[start + 2..];
            continue;
        }
        out.push_str(&rest[..start]);
        refs.push(label.to_string());
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    (out, refs)
}

/// "[text](target)" → "text".
fn strip_links(text: &str) -> String {
    if !text.contains('[') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|mid| {
            let close = after[mid + 2..].find(')')?;
            Some((mid, mid + 2 + close))
        });
        match link {
            Some((mid, close)) if !after[..mid].contains('[') => {
                out.push_str(&rest[..open]);
                out.push_str(&after[..mid]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..open + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Drops runs of `*` or `_` (up to three) that open or close emphasis: touching a word on
/// one side and a space, punctuation or the line's end on the other. Underscores inside a
/// word (`snake_case`) and lone asterisks between spaces stay; a backslash escape (`\*`,
/// `\[`) is its character.
fn strip_emphasis(text: &str) -> Cow<'_, str> {
    // Most paragraphs have none of the three. They are ASCII, so a byte test finds them
    // without decoding characters.
    if !super::any_byte(text.as_bytes(), |b| {
        (b == b'*') | (b == b'_') | (b == b'\\')
    }) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // "\*" is a literal asterisk, never emphasis.
        if let Some(&escaped) = chars
            .get(i + 1)
            .filter(|e| c == '\\' && e.is_ascii_punctuation())
        {
            out.push(escaped);
            i += 2;
            continue;
        }
        if c != '*' && c != '_' {
            out.push(c);
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|&&x| x == c).count();
        let prev = i.checked_sub(1).map(|k| chars[k]);
        let next = chars.get(i + run).copied();
        let word = |x: Option<char>| x.is_some_and(|x| !x.is_whitespace());
        let open = word(next) && prev.is_none_or(|p| p.is_whitespace() || is_punct(p));
        let close = word(prev) && next.is_none_or(|n| n.is_whitespace() || is_punct(n));
        let intraword =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        if run <= 3 && (open || close) && !(c == '_' && intraword) {
            i += run;
        } else {
            out.extend(&chars[i..i + run]);
            i += run;
        }
    }
    Cow::Owned(out)
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || matches!(c, '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_any_level() {
        assert_eq!(heading("# Outcome document"), Some("Outcome document"));
        assert_eq!(heading("## I. Introduction ##"), Some("I. Introduction"));
        assert_eq!(heading("#hashtag"), None);
        assert_eq!(heading("Recalling"), None);
    }

    #[test]
    fn bullets_lose_their_marker() {
        assert_eq!(bullet("- civil society"), Some("civil society"));
        assert_eq!(bullet("* the private sector"), Some("the private sector"));
        assert_eq!(bullet("*Recalling* its resolution"), None);
        assert_eq!(bullet("-5 degrees"), None);
    }

    #[test]
    fn rules_are_recognised() {
        assert!(is_rule("---"));
        assert!(is_rule("* * *"));
        assert!(!is_rule("--"));
        assert!(!is_rule("-a-"));
        assert!(is_rule(" _ _\t_ _ "));
        assert!(!is_rule("-*-"));
        assert!(!is_rule(""));
        assert!(!is_rule("Recalling"));
    }

    #[test]
    fn emphasis_markers_are_dropped() {
        let (t, _) = strip_inline(
            "*Recalling* its resolution **70/1**, and _noting_ the snake_case name",
            &HashSet::new(),
        );
        assert_eq!(
            t,
            "Recalling its resolution 70/1, and noting the snake_case name"
        );
        let (t, _) = strip_inline("[NDMCs]\\* and \\[sic\\]", &HashSet::new());
        assert_eq!(t, "[NDMCs]* and [sic]");
    }

    #[test]
    fn footnote_references_are_taken_out_and_reported() {
        let (t, refs) = strip_inline(
            "the Charter of the United Nations,[^1] and the Pact[^pact].",
            &HashSet::new(),
        );
        assert_eq!(t, "the Charter of the United Nations, and the Pact.");
        assert_eq!(refs, ["1", "pact"]);
    }

    #[test]
    fn site_markup_is_blanked_keeping_lines() {
        let text = "---\ntitle: Paris Agreement\nedit: true\n---\n\n* TOC\n{:toc}\n\n[src]: https://unfccc.int/x.pdf\n[Option 1]: keep\n\n## Preamble";
        let (clean, markup) = strip_markup(text);
        assert_eq!(clean.lines().count(), text.lines().count());
        assert_eq!(clean.trim(), "[Option 1]: keep\n\n## Preamble");
        assert_eq!(markup.title.as_deref(), Some("Paris Agreement"));
        assert_eq!(markup.links, HashSet::from(["src".to_string()]));
        let (same, _) = strip_markup("1. We note.\n---\nmore");
        assert!(matches!(same, Cow::Borrowed(_)));
    }

    #[test]
    fn defined_reference_links_keep_their_text_and_brackets_stay() {
        let links = HashSet::from(["report".to_string(), "12dec".to_string()]);
        let (t, _) = strip_inline(
            "as [published][12dec], see the [Report] and [shall][should] [text][]",
            &links,
        );
        assert_eq!(t, "as published, see the Report and [shall][should] text");
    }

    #[test]
    fn links_keep_their_text() {
        let (t, _) = strip_inline(
            "see [the report](https://undocs.org/A/79/1) and [this]",
            &HashSet::new(),
        );
        assert_eq!(t, "see the report and [this]");
    }
}
