//! Wrap a redline to the terminal width, styling each word so no escape sequence is cut.
//!
//! With colour, deleted words are red and struck through, inserted words green and
//! underlined. Without colour, runs are marked as wdiff marks them, `[-deleted-]` and
//! `{+inserted+}`, so that logs stay readable.

use owo_colors::OwoColorize;

use crate::model::{PARAGRAPH_BREAK, Span, SpanOp};

/// One word of the redline (no whitespace inside), with what precedes it.
struct Word<'a> {
    op: SpanOp,
    text: &'a str,
    /// Whitespace stood before this word.
    spaced: bool,
    /// A paragraph break stood before this word (split and merged changes).
    broken: bool,
}

fn words(spans: &[Span]) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut spaced = false;
    let mut broken = false;
    for span in spans {
        let mut rest = span.text.as_str();
        while !rest.is_empty() {
            let ws = rest.len() - rest.trim_start().len();
            if ws > 0 {
                // A paragraph break only breaks the line on the side where it exists; an
                // inserted break inside a deletion reads better as a space.
                broken |= rest[..ws].contains(PARAGRAPH_BREAK);
                spaced = true;
                rest = &rest[ws..];
                continue;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push(Word {
                op: span.op,
                text: &rest[..end],
                spaced,
                broken,
            });
            spaced = false;
            broken = false;
            rest = &rest[end..];
        }
    }
    out
}

/// Renders `spans` as lines of at most `width` columns (longer words stand alone), each
/// starting with `indent`.
pub fn redline(spans: &[Span], indent: &str, width: usize, color: bool) -> Vec<String> {
    let words = words(spans);
    let mut lines = Vec::new();
    let mut line = String::from(indent);
    let mut used = indent.chars().count();
    let limit = width.max(indent.len() + 20);
    for (i, w) in words.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| words[p].op);
        let next = words.get(i + 1).map(|n| (n.op, n.spaced));
        let opens = w.op != SpanOp::Equal && prev != Some(w.op);
        let closes = w.op != SpanOp::Equal && next.is_none_or(|(op, _)| op != w.op);
        let (piece, visible) = styled(w, opens, closes, color);
        let gap = usize::from(w.spaced);
        let started = used > indent.len();
        if started && (w.broken || used + gap + visible > limit) {
            lines.push(std::mem::replace(&mut line, String::from(indent)));
            used = indent.chars().count();
        } else if w.spaced && started {
            // A space between two words of the same edited run is part of the run.
            if color && prev == Some(w.op) && w.op != SpanOp::Equal {
                line.push_str(&style(" ", w.op));
            } else {
                line.push(' ');
            }
            used += 1;
        }
        line.push_str(&piece);
        used += visible;
    }
    if used > indent.len() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn style(text: &str, op: SpanOp) -> String {
    match op {
        SpanOp::Equal => text.to_string(),
        SpanOp::Delete => text.red().strikethrough().to_string(),
        SpanOp::Insert => text.green().underline().to_string(),
    }
}

fn styled(w: &Word<'_>, opens: bool, closes: bool, color: bool) -> (String, usize) {
    let n = w.text.chars().count();
    if color || w.op == SpanOp::Equal {
        return (style(w.text, w.op), n);
    }
    let (open, close) = match w.op {
        SpanOp::Delete => ("[-", "-]"),
        _ => ("{+", "+}"),
    };
    let mut s = String::new();
    if opens {
        s.push_str(open);
    }
    s.push_str(w.text);
    if closes {
        s.push_str(close);
    }
    let visible = n + 2 * usize::from(opens) + 2 * usize::from(closes);
    (s, visible)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(list: &[(SpanOp, &str)]) -> Vec<Span> {
        list.iter().map(|&(op, t)| Span::new(op, t)).collect()
    }

    #[test]
    fn wdiff_markers_wrap_whole_runs() {
        let s = spans(&[
            (SpanOp::Equal, "We reject "),
            (SpanOp::Delete, "a fragmented Internet"),
            (SpanOp::Insert, "unilateral measures"),
            (SpanOp::Equal, "."),
        ]);
        assert_eq!(
            redline(&s, "", 80, false),
            vec!["We reject [-a fragmented Internet-]{+unilateral measures+}."]
        );
    }

    #[test]
    fn long_text_wraps_at_width_with_indent() {
        let s = spans(&[(SpanOp::Equal, "one two three four five six seven eight")]);
        let lines = redline(&s, "  ", 20, false);
        assert!(lines.iter().all(|l| l.chars().count() <= 22), "{lines:?}");
        assert!(lines.iter().all(|l| l.starts_with("  ")));
        assert_eq!(lines.join(" ").split_whitespace().count(), 8);
    }

    #[test]
    fn colour_styles_each_word() {
        let s = spans(&[(SpanOp::Delete, "old words")]);
        let line = &redline(&s, "", 80, true)[0];
        assert!(line.contains("\u{1b}["), "{line:?}");
        assert!(line.contains("old") && line.contains("words"));
    }

    #[test]
    fn paragraph_break_starts_a_new_line() {
        let s = spans(&[
            (SpanOp::Equal, "First part."),
            (SpanOp::Insert, "\nSecond part."),
        ]);
        assert_eq!(
            redline(&s, "", 80, false),
            vec!["First part.", "{+Second part.+}"]
        );
    }
}
