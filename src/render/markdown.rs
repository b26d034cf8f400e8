//! Markdown for pull-request comments: a summary table and the redline of each change
//! (`<del>`/`<ins>`, which GitHub, GitLab and Gitea render), or a check's verdict table.
//!
//! All draft text is escaped, so a draft cannot inject markup into the comment.

use std::io::{self, Write};

use super::{RenderOptions, bracket_tag, references};
use crate::check::Verdict;
use crate::model::{Change, ChangeKind, Comparison, Document, History, SpanOp, summarize};

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

/// The redline of a change as one Markdown paragraph.
fn redline(change: &Change) -> String {
    let mut s = String::new();
    for span in &change.spans {
        let text = escape(&span.text);
        if text.trim().is_empty() && span.op != SpanOp::Equal {
            s.push_str(&text);
            continue;
        }
        match span.op {
            SpanOp::Equal => s.push_str(&text),
            SpanOp::Delete => s.push_str(&format!("<del>{text}</del>")),
            SpanOp::Insert => s.push_str(&format!("<ins>{text}</ins>")),
        }
    }
    s
}

fn write_changes(
    out: &mut dyn Write,
    changes: &[Change],
    old: &Document,
    new: &Document,
    options: &RenderOptions,
) -> io::Result<()> {
    writeln!(out, "| kind | count |\n|---|---|")?;
    for (kind, n) in summarize(changes) {
        writeln!(out, "| {} | {n} |", kind.as_str())?;
    }
    writeln!(out)?;
    for c in changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Unchanged && options.shows(c))
    {
        let tags: Vec<String> = c
            .topics
            .iter()
            .map(|t| format!("{}: {}", t.topic, t.effect.as_str()))
            .chain(
                c.strength
                    .iter()
                    .map(|s| format!("{}: {} → {}", s.effect.as_str(), s.from, s.to)),
            )
            .map(|t| format!(" \\[{}\\]", escape(&t)))
            .chain(
                c.brackets
                    .iter()
                    .map(|b| format!(" {}", escape(&bracket_tag(b)))),
            )
            .chain([format!(" · `{}`", c.reference)])
            .collect();
        writeln!(
            out,
            "**{} → {}** · {}{}\n",
            escape(&references(old, &c.old)),
            escape(&references(new, &c.new)),
            c.kind.as_str(),
            tags.concat()
        )?;
        writeln!(out, "> {}\n", redline(c).replace('\n', "<br>"))?;
    }
    Ok(())
}

pub fn write_comparison(
    out: &mut dyn Write,
    c: &Comparison,
    options: &RenderOptions,
) -> io::Result<()> {
    writeln!(
        out,
        "### redline: {} → {}\n",
        escape(c.old.display_name()),
        escape(c.new.display_name())
    )?;
    write_changes(out, &c.changes, &c.old, &c.new, options)
}

pub fn write_history(out: &mut dyn Write, h: &History, options: &RenderOptions) -> io::Result<()> {
    let names: Vec<String> = h.drafts.iter().map(|d| escape(d.display_name())).collect();
    writeln!(out, "### redline: {}\n", names.join(" → "))?;
    for step in &h.steps {
        let (old, new) = (&h.drafts[step.old], &h.drafts[step.new]);
        writeln!(out, "#### {} → {}\n", names[step.old], names[step.new])?;
        write_changes(out, &step.changes, old, new, options)?;
    }
    if !h.reinstated.is_empty() {
        writeln!(out, "#### Reinstated language\n")?;
        for r in &h.reinstated {
            writeln!(
                out,
                "- {} {} ← {} {} (missing from {}): “{}”",
                names[r.to.draft],
                escape(&h.drafts[r.to.draft].reference(r.to.paragraph)),
                names[r.from.draft],
                escape(&h.drafts[r.from.draft].reference(r.from.paragraph)),
                names[r.removed_in],
                escape(&r.text)
            )?;
        }
    }
    Ok(())
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
