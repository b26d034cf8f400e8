//! The little Markdown a draft typed by hand may carry: `#` headings, list markers,
//! emphasis, footnote references and links.
//!
//! Drafts are not Markdown documents, so this is deliberately shallow: it recognises what
//! changes a paragraph's kind or would otherwise leak into its text (`*Recalling*`,
//! `[^3]`), and leaves everything else alone. Paragraph boundaries are `paragraphs`' job.

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

/// `text` without emphasis markers, footnote references and link targets; also returns the
/// footnote references removed, in order (`[^3]` → `3`).
pub fn strip_inline(text: &str) -> (String, Vec<String>) {
    // Footnote references and links both open with '['; most paragraphs have none.
    if !text.contains('[') {
        return (strip_emphasis(text), Vec::new());
    }
    let (text, refs) = strip_footnote_refs(text);
    (strip_emphasis(&strip_links(&text)), refs)
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
/// word (`snake_case`) and lone asterisks between spaces stay.
fn strip_emphasis(text: &str) -> String {
    if !text.contains(['*', '_']) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
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
    out
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
        let (t, _) =
            strip_inline("*Recalling* its resolution **70/1**, and _noting_ the snake_case name");
        assert_eq!(
            t,
            "Recalling its resolution 70/1, and noting the snake_case name"
        );
    }

    #[test]
    fn footnote_references_are_taken_out_and_reported() {
        let (t, refs) = strip_inline("the Charter of the United Nations,[^1] and the Pact[^pact].");
        assert_eq!(t, "the Charter of the United Nations, and the Pact.");
        assert_eq!(refs, ["1", "pact"]);
    }

    #[test]
    fn links_keep_their_text() {
        let (t, _) = strip_inline("see [the report](https://undocs.org/A/79/1) and [this]");
        assert_eq!(t, "see the report and [this]");
    }
}
