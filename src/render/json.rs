//! The JSON contracts: `redline.document/1`, `redline.diff/1`, `redline.history/1`,
//! `redline.check/1`.
//!
//! The wire structs below are the contracts; they are built from the model and never
//! deserialised by the library. Extend them by adding fields, never by renaming or removing
//! (see `docs/json.md`).

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

use super::pretty::{Elements, List, Object, Piece, Whole, write_top};

use super::{RenderOptions, first_label};
use crate::annotate::{brackets, references, stats};
use crate::check::Verdict;
use crate::model::{
    BracketEvent, Change, ChangeKind, Comparison, Document, History, Place, Span, StrengthShift,
    TopicEvent, TopicTag,
};

/// `redline.document/1`: `schema`, `source`, `name` (when named), `brackets` (bracketed
/// passages, status tags aside: the figure the press reports), `meta` (the cover of a
/// published UN document, when there is one), `paragraphs`, and `notes` (footnote bodies of
/// a published UN document, kept out of the paragraphs; only when there are some).
fn document(d: &Document) -> Object<'_> {
    let mut object = Object::new()
        .field("schema", "redline.document/1")
        .field("source", &d.source);
    if let Some(name) = &d.name {
        object = object.field("name", name);
    }
    object = object.field("brackets", brackets::count(d));
    if let Some(meta) = &d.meta {
        object = object.field("meta", meta);
    }
    object = object.member("paragraphs", Elements::of(&d.paragraphs));
    if !d.notes.is_empty() {
        object = object.field("notes", &d.notes);
    }
    object
}

/// One change of `redline.diff/1`.
#[derive(Serialize)]
struct ChangeJson<'a> {
    reference: &'a str,
    kind: ChangeKind,
    old: &'a [usize],
    new: &'a [usize],
    old_labels: Vec<Option<&'a str>>,
    new_labels: Vec<Option<&'a str>>,
    similarity: f64,
    spans: Vec<SpanJson<'a>>,
    topics: &'a [TopicTag],
    strength: &'a [StrengthShift],
    brackets: &'a [BracketEvent],
}

/// A span, with the reference of the edit it belongs to (`rev2:OP14.1`) when it is one.
#[derive(Serialize)]
struct SpanJson<'a> {
    #[serde(flatten)]
    span: &'a Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    edit: Option<String>,
}

fn change_json<'a>(c: &'a Change, old: &'a Document, new: &'a Document) -> ChangeJson<'a> {
    let labels = |d: &'a Document, ix: &[usize]| {
        ix.iter()
            .map(|&i| d.paragraphs[i].label.as_deref())
            .collect()
    };
    ChangeJson {
        reference: &c.reference,
        kind: c.kind,
        old: &c.old,
        new: &c.new,
        old_labels: labels(old, &c.old),
        new_labels: labels(new, &c.new),
        // Rounded so the same input prints the same bytes on every platform.
        similarity: (c.similarity * 1000.0).round() / 1000.0,
        spans: c
            .spans
            .iter()
            .zip(references::edit_references(c))
            .map(|(span, edit)| SpanJson { span, edit })
            .collect(),
        topics: &c.topics,
        strength: &c.strength,
        brackets: &c.brackets,
    }
}

/// Counts by kind, every kind present (zero included) so consumers need no defaults.
#[derive(Serialize, Default)]
struct Summary {
    unchanged: usize,
    modified: usize,
    inserted: usize,
    deleted: usize,
    moved: usize,
    split: usize,
    merged: usize,
}

fn summary(changes: &[Change]) -> Summary {
    let mut s = Summary::default();
    for c in changes {
        *match c.kind {
            ChangeKind::Unchanged => &mut s.unchanged,
            ChangeKind::Modified => &mut s.modified,
            ChangeKind::Inserted => &mut s.inserted,
            ChangeKind::Deleted => &mut s.deleted,
            ChangeKind::Moved => &mut s.moved,
            ChangeKind::Split => &mut s.split,
            ChangeKind::Merged => &mut s.merged,
        } += 1;
    }
    s
}

fn changes_json<'a>(
    changes: &'a [Change],
    old: &'a Document,
    new: &'a Document,
    options: &RenderOptions,
) -> Vec<ChangeJson<'a>> {
    changes
        .par_iter()
        .filter(|c| options.shows(c))
        .map(|c| change_json(c, old, new))
        .collect()
}

/// Changed paragraphs and words per section or topic.
#[derive(Serialize)]
struct TallyJson {
    name: String,
    changed: usize,
    words_added: usize,
    words_removed: usize,
}

fn tallies(list: Vec<stats::Tally>) -> Vec<TallyJson> {
    list.into_iter()
        .map(|t| TallyJson {
            name: t.name,
            changed: t.changed,
            words_added: t.words_added,
            words_removed: t.words_removed,
        })
        .collect()
}

/// A step of `redline.history/1`: `redline.diff/1` without the documents.
#[derive(Serialize)]
struct StepJson<'a> {
    old: usize,
    new: usize,
    changes: Vec<ChangeJson<'a>>,
    summary: Summary,
    sections: Vec<TallyJson>,
    topics: Vec<TallyJson>,
}

/// A line of descent: per draft, the paragraph indices and their labels.
#[derive(Serialize)]
struct LineageJson<'a> {
    paragraphs: &'a [Vec<usize>],
    labels: Vec<Vec<Option<&'a str>>>,
}

/// Reinstated language of `redline.history/1`.
#[derive(Serialize)]
struct ReinstatedJson<'a> {
    text: &'a str,
    removed_in: usize,
    reinstated_in: usize,
    from: PlaceJson<'a>,
    to: PlaceJson<'a>,
    whole_paragraph: bool,
}

#[derive(Serialize)]
struct PlaceJson<'a> {
    draft: usize,
    paragraph: usize,
    label: Option<&'a str>,
}

fn place<'a>(history: &'a History, p: Place) -> PlaceJson<'a> {
    PlaceJson {
        draft: p.draft,
        paragraph: p.paragraph,
        label: history.drafts[p.draft].paragraphs[p.paragraph]
            .label
            .as_deref(),
    }
}

pub fn write_document(out: &mut dyn Write, d: &Document) -> io::Result<()> {
    write_top(out, &document(d))
}

/// `redline.diff/1`: the two documents, the changes, then the tallies.
pub fn write_comparison(
    out: &mut dyn Write,
    c: &Comparison,
    options: &RenderOptions,
) -> io::Result<()> {
    let shown: Vec<&Change> = c.changes.iter().filter(|ch| options.shows(ch)).collect();
    write_top(
        out,
        &Object::new()
            .field("schema", "redline.diff/1")
            .member("old", document(&c.old))
            .member("new", document(&c.new))
            .member(
                "changes",
                Elements::viewed(&shown, |ch| change_json(ch, &c.old, &c.new)),
            )
            .field("summary", summary(&c.changes))
            .field(
                "sections",
                tallies(stats::by_section(&c.changes, &c.old, &c.new)),
            )
            .field("topics", tallies(stats::by_topic(&c.changes))),
    )
}

pub fn write_history(out: &mut dyn Write, h: &History, options: &RenderOptions) -> io::Result<()> {
    let steps: Vec<StepJson> = h
        .steps
        .iter()
        .map(|s| StepJson {
            old: s.old,
            new: s.new,
            changes: changes_json(&s.changes, &h.drafts[s.old], &h.drafts[s.new], options),
            summary: summary(&s.changes),
            sections: tallies(stats::by_section(
                &s.changes,
                &h.drafts[s.old],
                &h.drafts[s.new],
            )),
            topics: tallies(stats::by_topic(&s.changes)),
        })
        .collect();
    let lineage: Vec<LineageJson> = h
        .lineage
        .iter()
        .map(|l| LineageJson {
            paragraphs: &l.paragraphs,
            labels: l
                .paragraphs
                .iter()
                .enumerate()
                .map(|(d, ps)| {
                    ps.iter()
                        .map(|&p| h.drafts[d].paragraphs[p].label.as_deref())
                        .collect()
                })
                .collect(),
        })
        .collect();
    let reinstated: Vec<ReinstatedJson> = h
        .reinstated
        .iter()
        .map(|r| ReinstatedJson {
            text: &r.text,
            removed_in: r.removed_in,
            reinstated_in: r.reinstated_in,
            from: place(h, r.from),
            to: place(h, r.to),
            whole_paragraph: r.whole_paragraph,
        })
        .collect();
    let drafts = List(
        h.drafts
            .iter()
            .map(|d| Box::new(document(d)) as Box<dyn Piece>)
            .collect(),
    );
    write_top(
        out,
        &Object::new()
            .field("schema", "redline.history/1")
            .member("drafts", drafts)
            .member("steps", Elements::of(&steps))
            .field("lineage", lineage)
            .field("reinstated", reinstated),
    )
}

/// `redline.check/1`.
#[derive(Serialize)]
struct CheckJson<'a> {
    schema: &'static str,
    ok: bool,
    old: DraftRef<'a>,
    new: DraftRef<'a>,
    topics: Vec<TopicJson<'a>>,
}

#[derive(Serialize)]
struct DraftRef<'a> {
    draft: usize,
    source: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct TopicJson<'a> {
    name: &'a str,
    ok: bool,
    failures: Vec<FailureJson<'a>>,
    events: Vec<EventJson<'a>>,
}

#[derive(Serialize)]
struct FailureJson<'a> {
    rule: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct EventJson<'a> {
    effect: &'static str,
    text: &'a str,
    old_label: Option<String>,
    new_label: Option<String>,
    old: &'a [usize],
    new: &'a [usize],
}

pub fn write_verdict(out: &mut dyn Write, v: &Verdict, h: &History) -> io::Result<()> {
    let (old, new) = (&h.drafts[v.old], &h.drafts[v.new]);
    let event = |e: &'_ TopicEvent| -> (Option<String>, Option<String>) {
        (first_label(old, &e.old), first_label(new, &e.new))
    };
    let draft_ref = |i: usize| DraftRef {
        draft: i,
        source: &h.drafts[i].source,
        name: h.drafts[i].display_name(),
    };
    write_top(
        out,
        &Whole(CheckJson {
            schema: "redline.check/1",
            ok: v.ok,
            old: draft_ref(v.old),
            new: draft_ref(v.new),
            topics: v
                .topics
                .iter()
                .map(|t| TopicJson {
                    name: &t.name,
                    ok: t.ok,
                    failures: t
                        .failures
                        .iter()
                        .map(|f| FailureJson {
                            rule: &f.rule,
                            message: &f.message,
                        })
                        .collect(),
                    events: t
                        .events
                        .iter()
                        .map(|e| {
                            let (old_label, new_label) = event(e);
                            EventJson {
                                effect: e.effect.as_str(),
                                text: &e.text,
                                old_label,
                                new_label,
                                old: &e.old,
                                new: &e.new,
                            }
                        })
                        .collect(),
                })
                .collect(),
        }),
    )
}
