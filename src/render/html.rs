//! The HTML redline: one self-contained page for coalition review.
//!
//! Inline CSS and a little plain JavaScript, nothing fetched; complete with JavaScript off and
//! on paper. Every deleted span is a `<del>`, every inserted span an `<ins>` (colour plus
//! strike-through or underline, never colour alone). All draft text goes through maud, which
//! escapes it: a draft containing `<script>` shows that text as text.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{RenderOptions, references};
use crate::annotate::{references, stats};
use crate::model::{
    Change, ChangeKind, Comparison, Document, History, PARAGRAPH_BREAK, ParagraphKind,
    Reinstatement, Span, SpanOp, summarize,
};

const STYLE: &str = include_str!("html.css");
const SCRIPT: &str = include_str!("html.js");

/// Stable anchors for every paragraph of a draft: `rev2-87`, `rev2-87-a` for a sub-item of
/// ¶ 87, `rev2-II` for a heading, `rev2-pp-a` for a preambular paragraph, `rev2-p3` for
/// unlabelled text; a repeated anchor gets a `-2`, `-3` suffix.
fn anchors(document: &Document, prefix: &str) -> Vec<String> {
    let mut parent: Option<&str> = None;
    let mut seen: HashMap<String, usize> = HashMap::new();
    document
        .paragraphs
        .iter()
        .map(|p| {
            let base = match (p.kind, p.label.as_deref()) {
                (ParagraphKind::Numbered, Some(l)) => {
                    parent = Some(l);
                    format!("{prefix}-{l}")
                }
                (ParagraphKind::SubItem, Some(l)) => match parent {
                    Some(n) => format!("{prefix}-{n}-{l}"),
                    None => format!("{prefix}-{l}"),
                },
                (ParagraphKind::Preambular, Some(l)) => format!("{prefix}-pp-{l}"),
                (_, Some(l)) => format!("{prefix}-{l}"),
                (_, None) => format!("{prefix}-p{}", p.index + 1),
            };
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { base } else { format!("{base}-{n}") }
        })
        .collect()
}

/// Everything one step's rendering needs to know beside its changes.
struct StepView<'a> {
    old: &'a Document,
    new: &'a Document,
    changes: &'a [Change],
    old_ids: Vec<String>,
    new_ids: Vec<String>,
    reinstated: Vec<&'a Reinstatement>,
    drafts: &'a [Document],
}

impl<'a> StepView<'a> {
    fn new(
        old: &'a Document,
        new: &'a Document,
        changes: &'a [Change],
        reinstated: Vec<&'a Reinstatement>,
        drafts: &'a [Document],
    ) -> Self {
        let new_slug = references::draft_slug(new);
        let old_ids = anchors(
            old,
            &format!("{new_slug}-was-{}", references::draft_slug(old)),
        );
        StepView {
            old,
            new,
            changes,
            old_ids,
            new_ids: anchors(new, &new_slug),
            reinstated,
            drafts,
        }
    }

    /// The anchor of a change: its first new paragraph, else its first old one.
    fn id(&self, change: &Change) -> &str {
        match (change.new.first(), change.old.first()) {
            (Some(&n), _) => &self.new_ids[n],
            (None, Some(&o)) => &self.old_ids[o],
            _ => "",
        }
    }
}

/// The redline; `edits` gives each span's edit reference, which becomes the `id` of the
/// first element of that edit (`#rev2:OP14.2`).
fn spans_markup(spans: &[Span], edits: &[Option<String>]) -> Markup {
    // Only the first span of an edit carries its anchor.
    let ids: Vec<Option<&str>> = (0..spans.len())
        .map(|k| {
            let edit = edits.get(k).and_then(Option::as_deref);
            let previous = k
                .checked_sub(1)
                .and_then(|p| edits.get(p))
                .and_then(Option::as_deref);
            edit.filter(|&e| previous != Some(e))
        })
        .collect();
    html! {
        @for (span, &id) in spans.iter().zip(&ids) {
            @let parts: Vec<&str> = span.text.split(PARAGRAPH_BREAK).collect();
            @for (i, part) in parts.iter().enumerate() {
                @if i > 0 { span.pb title="paragraph break" { "¶" } br; }
                @let id = if i == 0 { id } else { None };
                @match span.op {
                    SpanOp::Equal => (part),
                    SpanOp::Delete => @if !part.is_empty() { del id=[id] { (part) } },
                    SpanOp::Insert => @if !part.is_empty() { ins id=[id] { (part) } },
                }
            }
        }
    }
}

/// One side of the redline, for the side-by-side view.
fn side_markup(spans: &[Span], drop: SpanOp) -> Markup {
    let kept: Vec<Span> = spans.iter().filter(|s| s.op != drop).cloned().collect();
    spans_markup(&kept, &[])
}

fn kind_label(change: &Change) -> String {
    match change.kind {
        ChangeKind::Moved if change.is_edited() => "moved with edits".into(),
        k => k.as_str().into(),
    }
}

fn change_markup(view: &StepView<'_>, change: &Change) -> Markup {
    let topics: Vec<&str> = change.topics.iter().map(|t| t.topic.as_str()).collect();
    let back: Vec<&&Reinstatement> = view
        .reinstated
        .iter()
        .filter(|r| change.new.contains(&r.to.paragraph))
        .collect();
    let class = format!(
        "change k-{}{}",
        change.kind.as_str(),
        if back.is_empty() { "" } else { " reinstated" }
    );
    html! {
        article class=(class) id=(view.id(change)) data-kind=(change.kind.as_str()) data-topics=(topics.join(" ")) {
            header {
                span.labels {
                    (references(view.old, &change.old)) " → " (references(view.new, &change.new))
                }
                " · "
                span.kind { (kind_label(change)) }
                @if change.kind == ChangeKind::Moved {
                    @if let Some(&o) = change.old.first() {
                        " · " a.moved-link href={ "#" (view.old_ids[o]) } { "from where it stood" }
                    }
                }
                @for tag in &change.topics {
                    " " span class={ "tag e-" (tag.effect.as_str()) } { (tag.topic) ": " (tag.effect.as_str()) }
                }
                @for shift in &change.strength {
                    " " span class={ "tag strength s-" (shift.effect.as_str()) } {
                        (shift.effect.as_str()) ": " (shift.from) " → " (shift.to)
                    }
                }
                @for event in &change.brackets {
                    " " span.tag.bracket { (super::bracket_tag(event)) }
                }
                @if !change.reference.is_empty() {
                    " " a.ref id=(change.reference) href={ "#" (change.reference) } { (change.reference) }
                }
            }
            @for r in &back {
                @let from = &view.drafts[r.from.draft];
                p.reinstated-note {
                    strong { "Reinstated" }
                    " from " (from.display_name()) " " (from.reference(r.from.paragraph))
                    " (missing from " (view.drafts[r.removed_in].display_name()) "): "
                    q { (r.text) }
                }
            }
            div.inline { (spans_markup(&change.spans, &references::edit_references(change))) }
            div.sbs {
                div.old-side { (side_markup(&change.spans, SpanOp::Insert)) }
                div.new-side { (side_markup(&change.spans, SpanOp::Delete)) }
            }
        }
    }
}

/// The stub left at a moved paragraph's old place, linking to where it went.
fn moved_stub(view: &StepView<'_>, change: &Change) -> Markup {
    let o = change.old[0];
    html! {
        aside.moved-from id=(view.old_ids[o]) {
            (view.old.reference(o)) " of " (view.old.display_name())
            " moved to "
            a href={ "#" (view.id(change)) } { (references(view.new, &change.new)) }
            " ↓↑"
        }
    }
}

/// Where a change stands, for links: its new paragraphs, or for a deletion its old ones.
fn change_place(view: &StepView<'_>, change: &Change) -> String {
    if change.new.is_empty() {
        format!(
            "{} of {}",
            references(view.old, &change.old),
            view.old.display_name()
        )
    } else {
        references(view.new, &change.new)
    }
}

fn summary_markup(view: &StepView<'_>) -> Markup {
    let mut per_topic: BTreeMap<&str, Vec<(&Change, &str)>> = BTreeMap::new();
    for c in view.changes {
        for t in &c.topics {
            per_topic
                .entry(t.topic.as_str())
                .or_default()
                .push((c, t.effect.as_str()));
        }
    }
    let sections = stats::by_section(view.changes, view.old, view.new);
    let most = sections
        .iter()
        .map(|t| t.words_added + t.words_removed)
        .max()
        .unwrap_or(0)
        .max(1);
    html! {
        table.summary {
            tr { @for (k, _) in summarize(view.changes) { th { (k.as_str()) } } }
            tr { @for (_, n) in summarize(view.changes) { td { (n) } } }
        }
        @if !sections.is_empty() {
            table.sections {
                tr { th { "section" } th { "changed" } th { "words added / removed" } }
                @for t in &sections {
                    tr {
                        td { (t.name) }
                        td { (t.changed) }
                        td.bars {
                            // Bars carry their numbers as text, so they read without colour.
                            span.bar.added style={ "width:" (t.words_added * 12 / most) "em" } {}
                            span.bar.removed style={ "width:" (t.words_removed * 12 / most) "em" } {}
                            " +" (t.words_added) " −" (t.words_removed)
                        }
                    }
                }
            }
        }
        @if !per_topic.is_empty() {
            ul.topics {
                @for (topic, events) in &per_topic {
                    li {
                        span.tag { (topic) } ": "
                        @for (i, (c, effect)) in events.iter().enumerate() {
                            @if i > 0 { ", " }
                            a href={ "#" (view.id(c)) } { (effect) " " (change_place(view, c)) }
                        }
                    }
                }
            }
        }
    }
}

fn step_markup(view: &StepView<'_>, options: &RenderOptions) -> Markup {
    // Moved paragraphs leave a stub where they stood: after the change holding the nearest
    // earlier old paragraph that did not move.
    let mut holder: HashMap<usize, usize> = HashMap::new();
    for (i, c) in view.changes.iter().enumerate() {
        if c.kind != ChangeKind::Moved {
            for &o in &c.old {
                holder.insert(o, i);
            }
        }
    }
    let mut stubs: BTreeMap<Option<usize>, Vec<&Change>> = BTreeMap::new();
    for c in view.changes.iter().filter(|c| c.kind == ChangeKind::Moved) {
        let at = (0..c.old[0]).rev().find_map(|o| holder.get(&o).copied());
        stubs.entry(at).or_default().push(c);
    }
    html! {
        (summary_markup(view))
        div.changes {
            @for c in stubs.get(&None).into_iter().flatten() { (moved_stub(view, c)) }
            @for (i, c) in view.changes.iter().enumerate() {
                @if options.shows(c) { (change_markup(view, c)) }
                @for m in stubs.get(&Some(i)).into_iter().flatten() { (moved_stub(view, m)) }
            }
        }
    }
}

fn page(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="redline";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                div.controls {
                    label { "Kind " select #kind-filter {
                        option value="" { "all changes" }
                        @for k in ChangeKind::ALL { option value=(k.as_str()) { (k.as_str()) } }
                    } }
                    label { " Topic " select #topic-filter { option value="" { "all topics" } } }
                    label #step-picker { " Step " select #step-filter { option value="" { "all steps" } } }
                    label { " " input #sbs type="checkbox"; " side by side" }
                    span.keys { " · j / k: next / previous change" }
                }
                (body)
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
}

fn finish(out: &mut dyn Write, markup: Markup) -> io::Result<()> {
    out.write_all(markup.into_string().as_bytes())?;
    writeln!(out)
}

pub fn write_comparison(
    out: &mut dyn Write,
    comparison: &Comparison,
    options: &RenderOptions,
) -> io::Result<()> {
    let drafts = [comparison.old.clone(), comparison.new.clone()];
    let view = StepView::new(&drafts[0], &drafts[1], &comparison.changes, vec![], &drafts);
    let title = format!(
        "{} → {}",
        comparison.old.display_name(),
        comparison.new.display_name()
    );
    let body = html! {
        h1 { "redline: " (title) }
        p.sources { "Old: " code { (comparison.old.source) } " · New: " code { (comparison.new.source) } }
        (step_markup(&view, options))
    };
    finish(out, page(&format!("redline: {title}"), body))
}

pub fn write_history(
    out: &mut dyn Write,
    history: &History,
    options: &RenderOptions,
) -> io::Result<()> {
    let names: Vec<&str> = history.drafts.iter().map(Document::display_name).collect();
    let title = names.join(" → ");
    let steps: Vec<(String, StepView<'_>)> = history
        .steps
        .iter()
        .map(|s| {
            let old = &history.drafts[s.old];
            let new = &history.drafts[s.new];
            let back = history
                .reinstated
                .iter()
                .filter(|r| r.reinstated_in == s.new)
                .collect();
            (
                format!("step-{}", s.new),
                StepView::new(old, new, &s.changes, back, &history.drafts),
            )
        })
        .collect();
    let rows = crate::history::concordance(history);
    let body = html! {
        h1 { "redline: " (title) }
        nav.steps {
            "Steps: "
            @for (id, v) in &steps {
                a.step-link href={ "#" (id) } data-step=(id) { (v.old.display_name()) " → " (v.new.display_name()) }
                " "
            }
            a href="#concordance" { "Concordance" }
        }
        @for (id, v) in &steps {
            section.step id=(id) {
                h2 { (v.old.display_name()) " → " (v.new.display_name()) }
                (step_markup(v, options))
            }
        }
        section #concordance {
            h2 { "Concordance" }
            table.concordance {
                tr { @for n in &names { th { (n) } } }
                @for row in &rows {
                    tr { @for cell in row { td { (cell.as_deref().unwrap_or("—")) } } }
                }
            }
        }
    };
    finish(out, page(&format!("redline: {title}"), body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::draft::document_from;

    #[test]
    fn anchors_are_stable_and_unique() {
        let d = document_from(
            "rev2.txt".into(),
            vec![
                (Some("II".into()), ParagraphKind::Heading, "Gov".into()),
                (Some("87".into()), ParagraphKind::Numbered, "We:".into()),
                (Some("a".into()), ParagraphKind::SubItem, "x".into()),
                (Some("88".into()), ParagraphKind::Numbered, "We:".into()),
                (Some("a".into()), ParagraphKind::SubItem, "y".into()),
                (None, ParagraphKind::Plain, "z".into()),
                (None, ParagraphKind::Plain, "z".into()),
            ],
        );
        assert_eq!(
            anchors(&d, "rev2"),
            [
                "rev2-II",
                "rev2-87",
                "rev2-87-a",
                "rev2-88",
                "rev2-88-a",
                "rev2-p6",
                "rev2-p7"
            ]
        );
    }

    #[test]
    fn hostile_text_is_escaped() {
        let spans = vec![
            Span::new(SpanOp::Equal, "note "),
            Span::new(SpanOp::Insert, "<script>alert(1)</script><img onerror=x>"),
        ];
        let html = spans_markup(&spans, &[]).into_string();
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("<ins>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img onerror=x&gt;</ins>"),
            "{html}"
        );
    }
}
