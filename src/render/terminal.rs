//! The terminal view: a summary line, a header per change, the redline wrapped to the width.

use std::io::{self, Write};

use owo_colors::OwoColorize;

use super::{RenderOptions, references, wrap};
use crate::check::Verdict;
use crate::model::{Change, ChangeKind, Comparison, Document, History, TopicEffect, summarize};
use crate::topics::{self, Watch};

const INDENT: &str = "    ";

pub fn write_document(out: &mut dyn Write, document: &Document) -> io::Result<()> {
    for p in &document.paragraphs {
        let label = p.label.as_deref().unwrap_or("-");
        writeln!(
            out,
            "{:>4}  {:<10} {:<6} {}",
            p.line,
            p.kind.as_str(),
            label,
            p.text
        )?;
    }
    Ok(())
}

pub fn write_document_text(out: &mut dyn Write, document: &Document) -> io::Result<()> {
    for (i, p) in document.paragraphs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}{}", p.printed_label(), p.text)?;
    }
    Ok(())
}

fn summary_line(changes: &[Change]) -> String {
    let parts: Vec<String> = summarize(changes)
        .into_iter()
        .map(|(k, n)| format!("{n} {}", k.as_str()))
        .collect();
    if parts.is_empty() {
        "no paragraphs".into()
    } else {
        parts.join(", ")
    }
}

fn bold(text: &str, color: bool) -> String {
    if color {
        text.bold().to_string()
    } else {
        text.to_string()
    }
}

/// The header of one change: `¶ 87 → ¶ 85 · modified [fragmentation: removed]`.
fn header(change: &Change, old: &Document, new: &Document, color: bool) -> String {
    let mut kind = change.kind.as_str().to_string();
    if change.kind == ChangeKind::Moved {
        kind.push_str(if change.is_edited() {
            " with edits"
        } else {
            " unchanged"
        });
    }
    let mut line = format!(
        "{} → {} · {}",
        references(old, &change.old),
        references(new, &change.new),
        kind
    );
    if color {
        line = match change.kind {
            ChangeKind::Inserted => line.green().bold().to_string(),
            ChangeKind::Deleted => line.red().bold().to_string(),
            ChangeKind::Moved | ChangeKind::Split | ChangeKind::Merged => {
                line.cyan().bold().to_string()
            }
            _ => line.bold().to_string(),
        };
    }
    let paint = |t: String| if color { t.yellow().to_string() } else { t };
    for tag in &change.topics {
        line.push(' ');
        line.push_str(&paint(format!("[{}: {}]", tag.topic, tag.effect.as_str())));
    }
    for shift in &change.strength {
        let t = format!("[{}: {} → {}]", shift.effect.as_str(), shift.from, shift.to);
        line.push(' ');
        line.push_str(&if color { t.magenta().to_string() } else { t });
    }
    for event in &change.brackets {
        line.push(' ');
        line.push_str(&paint(super::bracket_tag(event)));
    }
    if !change.reference.is_empty() {
        let r = format!("  {}", change.reference);
        line.push_str(&if color { r.dimmed().to_string() } else { r });
    }
    line
}

/// The per-section table: where the step changed most.
fn write_sections(
    out: &mut dyn Write,
    changes: &[Change],
    old: &Document,
    new: &Document,
) -> io::Result<()> {
    let tallies = crate::annotate::stats::by_section(changes, old, new);
    if tallies.is_empty() {
        return Ok(());
    }
    let width = tallies
        .iter()
        .map(|t| t.name.chars().count().min(50))
        .max()
        .unwrap_or(0);
    for t in &tallies {
        let name: String = t.name.chars().take(50).collect();
        writeln!(
            out,
            "  {name:<width$}  {:>3} changed  +{:<4} -{}",
            t.changed, t.words_added, t.words_removed
        )?;
    }
    Ok(())
}

/// The line standing for a run of hidden changes: all unchanged, unless a topic filter hides
/// changes too.
fn not_shown(n: usize, filtered: bool) -> String {
    let s = if n == 1 { "" } else { "s" };
    let what = if filtered {
        "change"
    } else {
        "unchanged paragraph"
    };
    format!("{INDENT}··· {n} {what}{s} not shown ···")
}

fn write_changes(
    out: &mut dyn Write,
    changes: &[Change],
    old: &Document,
    new: &Document,
    options: &RenderOptions,
) -> io::Result<()> {
    let shown: Vec<bool> = changes.iter().map(|c| options.shows(c)).collect();
    // Unchanged paragraphs within `context` of a shown change are printed; runs of the
    // rest collapse into one line.
    let near = |i: usize| {
        let lo = i.saturating_sub(options.context);
        let hi = (i + options.context).min(changes.len().saturating_sub(1));
        (lo..=hi).any(|j| shown[j] && changes[j].kind != ChangeKind::Unchanged)
    };
    let mut hidden = 0usize;
    for (i, change) in changes.iter().enumerate() {
        let visible = if change.kind == ChangeKind::Unchanged {
            options.context > 0 && options.topic.is_none() && near(i)
        } else {
            shown[i]
        };
        if !visible {
            hidden += 1;
            continue;
        }
        if hidden > 0 {
            writeln!(out, "{}\n", not_shown(hidden, options.topic.is_some()))?;
            hidden = 0;
        }
        writeln!(out, "{}", header(change, old, new, options.color))?;
        for line in wrap::redline(&change.spans, INDENT, options.width, options.color) {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
    }
    if hidden > 0 {
        writeln!(out, "{}", not_shown(hidden, options.topic.is_some()))?;
    }
    Ok(())
}

/// One step: its title, the paragraph counts, then the section table (`--stat`) or the
/// changes.
fn write_step(
    out: &mut dyn Write,
    title: &str,
    changes: &[Change],
    old: &Document,
    new: &Document,
    options: &RenderOptions,
) -> io::Result<()> {
    writeln!(out, "{}", bold(title, options.color))?;
    writeln!(
        out,
        "{} → {} paragraphs: {}",
        old.paragraphs.len(),
        new.paragraphs.len(),
        summary_line(changes)
    )?;
    if options.stat {
        return write_sections(out, changes, old, new);
    }
    writeln!(out)?;
    write_changes(out, changes, old, new, options)
}

pub fn write_comparison(
    out: &mut dyn Write,
    comparison: &Comparison,
    options: &RenderOptions,
) -> io::Result<()> {
    let (old, new) = (&comparison.old, &comparison.new);
    let title = format!("{} → {}", old.display_name(), new.display_name());
    write_step(out, &title, &comparison.changes, old, new, options)
}

pub fn write_history(
    out: &mut dyn Write,
    history: &History,
    options: &RenderOptions,
) -> io::Result<()> {
    let names: Vec<&str> = history.drafts.iter().map(Document::display_name).collect();
    writeln!(out, "{}", bold(&names.join(" → "), options.color))?;
    for step in &history.steps {
        let (old, new) = (&history.drafts[step.old], &history.drafts[step.new]);
        writeln!(out)?;
        let title = format!("━━ {} → {} ━━", old.display_name(), new.display_name());
        write_step(out, &title, &step.changes, old, new, options)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", bold("━━ Reinstated language ━━", options.color))?;
    if history.reinstated.is_empty() {
        writeln!(out, "none")?;
    }
    for r in &history.reinstated {
        let to = &history.drafts[r.to.draft];
        let from = &history.drafts[r.from.draft];
        if let Some(topic) = &options.topic
            && !history.steps[r.reinstated_in - 1]
                .changes
                .iter()
                .any(|c| c.new.contains(&r.to.paragraph) && topics::touches(c, topic))
        {
            continue;
        }
        writeln!(
            out,
            "{} {} ← {} {} (missing from {}){}",
            to.display_name(),
            to.reference(r.to.paragraph),
            from.display_name(),
            from.reference(r.from.paragraph),
            history.drafts[r.removed_in].display_name(),
            if r.whole_paragraph {
                " · whole paragraph"
            } else {
                ""
            }
        )?;
        writeln!(out, "{INDENT}“{}”", r.text)?;
    }
    if options.stat {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", bold("━━ Concordance ━━", options.color))?;
    let rows = crate::history::concordance(history);
    let widths: Vec<usize> = (0..history.drafts.len())
        .map(|d| {
            rows.iter()
                .map(|r| r[d].as_deref().unwrap_or("—").chars().count())
                .chain([names[d].chars().count()])
                .max()
                .unwrap_or(1)
        })
        .collect();
    let row = |cells: Vec<&str>| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", row(names.clone()))?;
    for r in &rows {
        writeln!(
            out,
            "{}",
            row(r.iter().map(|c| c.as_deref().unwrap_or("—")).collect())
        )?;
    }
    Ok(())
}

pub fn write_topics(
    out: &mut dyn Write,
    history: &History,
    watch: &Watch,
    options: &RenderOptions,
) -> io::Result<()> {
    for topic in &watch.topics {
        if options.topic.as_deref().is_some_and(|t| t != topic.name) {
            continue;
        }
        let mut title = topic.name.clone();
        if let Some(d) = &topic.description {
            title = format!("{title} — {d}");
        }
        writeln!(out, "{}", bold(&title, options.color))?;
        for draft in &history.drafts {
            let refs: Vec<String> = topics::paragraphs_matching(draft, topic)
                .iter()
                .map(|p| draft.reference(p.index))
                .collect();
            writeln!(
                out,
                "{INDENT}{}: {}",
                draft.display_name(),
                if refs.is_empty() {
                    "—".into()
                } else {
                    refs.join(", ")
                }
            )?;
        }
        for (k, step) in history.steps.iter().enumerate() {
            for event in topics::step_events(history, k, topic) {
                writeln!(
                    out,
                    "{INDENT}{} → {}: {} {} → {}: “{}”",
                    history.drafts[step.old].display_name(),
                    history.drafts[step.new].display_name(),
                    event.effect.as_str(),
                    references(&history.drafts[step.old], &event.old),
                    references(&history.drafts[step.new], &event.new),
                    event.text
                )?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

pub fn write_verdict(
    out: &mut dyn Write,
    verdict: &Verdict,
    history: &History,
    options: &RenderOptions,
) -> io::Result<()> {
    let (old, new) = (&history.drafts[verdict.old], &history.drafts[verdict.new]);
    writeln!(
        out,
        "{}",
        bold(
            &format!("check {} → {}", old.display_name(), new.display_name()),
            options.color
        )
    )?;
    for t in &verdict.topics {
        let mark = match (t.ok, options.color) {
            (true, true) => "ok  ".green().to_string(),
            (true, false) => "ok  ".into(),
            (false, true) => "FAIL".red().bold().to_string(),
            (false, false) => "FAIL".into(),
        };
        writeln!(out, "{mark} {}", t.name)?;
        for f in &t.failures {
            writeln!(out, "{INDENT}{}: {}", f.rule, f.message)?;
        }
        for e in &t.events {
            let arrow = if e.effect == TopicEffect::Reinstated {
                "↩"
            } else {
                "·"
            };
            writeln!(
                out,
                "{INDENT}{arrow} {} {} → {}: “{}”",
                e.effect.as_str(),
                references(old, &e.old),
                references(new, &e.new),
                e.text
            )?;
        }
    }
    let failed = verdict.topics.iter().filter(|t| !t.ok).count();
    writeln!(
        out,
        "{}",
        if failed == 0 {
            format!("all {} topics hold", verdict.topics.len())
        } else {
            format!("{failed} of {} topics failed", verdict.topics.len())
        }
    )
}
