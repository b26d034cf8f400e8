//! Markdown for a pull-request comment: a verdict table, then the events of each topic.
//!
//! All draft text is escaped, so a draft cannot inject markup into the comment.

use std::io::{self, Write};

use super::references;
use crate::check::Verdict;
use crate::model::History;

/// Escapes text for Markdown: HTML-significant characters become entities and Markdown
/// punctuation is backslashed, so draft text always reads as text.
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '\n' => s.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                s.push('\\');
                s.push(c);
            }
            c => s.push(c),
        }
    }
    s
}

pub fn write_verdict(out: &mut dyn Write, verdict: &Verdict, history: &History) -> io::Result<()> {
    let (old, new) = (&history.drafts[verdict.old], &history.drafts[verdict.new]);
    writeln!(
        out,
        "### redline check: {} → {} {}\n",
        escape(old.display_name()),
        escape(new.display_name()),
        if verdict.ok { "✅" } else { "❌" }
    )?;
    writeln!(out, "| topic | verdict | events |")?;
    writeln!(out, "|---|---|---|")?;
    for t in &verdict.topics {
        let events: Vec<&str> = t.events.iter().map(|e| e.effect.as_str()).collect();
        writeln!(
            out,
            "| {} | {} | {} |",
            escape(&t.name),
            if t.ok { "ok" } else { "**fail**" },
            if events.is_empty() {
                "—".to_string()
            } else {
                events.join(", ")
            }
        )?;
    }
    for t in verdict
        .topics
        .iter()
        .filter(|t| !t.failures.is_empty() || !t.events.is_empty())
    {
        writeln!(out, "\n#### {}\n", escape(&t.name))?;
        for f in &t.failures {
            writeln!(out, "- **{}**: {}", escape(&f.rule), escape(&f.message))?;
        }
        for e in &t.events {
            writeln!(
                out,
                "- {} {} → {}: “{}”",
                e.effect.as_str(),
                escape(&references(old, &e.old)),
                escape(&references(new, &e.new)),
                escape(&e.text)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped() {
        assert_eq!(
            escape("<script>alert(1)</script> *x* [a](b)"),
            "&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\[a\\](b)"
        );
    }
}
