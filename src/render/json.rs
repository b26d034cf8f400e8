//! The JSON contracts: `redline.document/1`, `redline.diff/1`, `redline.history/1`,
//! `redline.check/1`.
//!
//! The wire structs below are the contracts; they are built from the model and never
//! deserialised by the library. Extend them by adding fields, never by renaming or removing
//! (see `docs/json.md`).

use std::io::{self, Write};

use serde::Serialize;

use super::pretty::{Elements, List, Members, Object, Piece, Whole, write_str, write_top};

use super::{RenderOptions, first_label};
use crate::annotate::{brackets, references, stats};
use crate::check::Verdict;
use crate::model::{
    Change, ChangeKind, Comparison, Document, History, Paragraph, Place, TopicEvent,
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
    object = object.member(
        "paragraphs",
        Elements::written(&d.paragraphs, |p, out, depth| {
            write_paragraph(out, p, depth)
        }),
    );
    if !d.notes.is_empty() {
        object = object.field("notes", &d.notes);
    }
    object
}

/// A paragraph of `redline.document/1`: what serde_json writes for [`Paragraph`], faster
/// (see [`Members`]); the tests hold the two side by side.
fn write_paragraph(out: &mut Vec<u8>, p: &Paragraph, depth: usize) -> io::Result<()> {
    let mut m = Members::open(out, depth);
    m.value("index", &p.index)?;
    m.opt_str("label", p.label.as_deref());
    m.str("kind", p.kind.as_str());
    m.str("text", &p.text);
    m.value("line", &p.line)?;
    if p.derived {
        m.value("derived", &p.derived)?;
    }
    if !p.notes.is_empty() {
        m.array("notes", p.notes.iter(), |out, note, _| {
            write_str(out, note);
            Ok(())
        })?;
    }
    if let Some(article) = &p.article {
        m.str("article", article);
    }
    m.close();
    Ok(())
}

/// A change of `redline.diff/1` and of a `redline.history/1` step, written member by member
/// (see [`Members`]); the tests hold it beside what serde_json writes for the contract's
/// shape, spelled out there as a struct.
fn write_change<'a>(
    out: &mut Vec<u8>,
    c: &'a Change,
    old: &'a Document,
    new: &'a Document,
    depth: usize,
) -> io::Result<()> {
    let number =
        |out: &mut Vec<u8>, n: &usize, _| serde_json::to_writer(out, n).map_err(io::Error::from);
    let label = |out: &mut Vec<u8>, l: Option<&str>, _| {
        match l {
            Some(l) => write_str(out, l),
            None => out.extend_from_slice(b"null"),
        }
        Ok(())
    };
    let mut m = Members::open(out, depth);
    m.str("reference", &c.reference);
    m.str("kind", c.kind.as_str());
    m.array("old", c.old.iter(), number)?;
    m.array("new", c.new.iter(), number)?;
    let labels = |d: &'a Document, ix: &'a [usize]| {
        ix.iter().map(move |&i| d.paragraphs[i].label.as_deref())
    };
    m.array("old_labels", labels(old, &c.old), label)?;
    m.array("new_labels", labels(new, &c.new), label)?;
    m.value("similarity", &rounded(c.similarity))?;
    m.array(
        "spans",
        c.spans.iter().zip(references::edit_references(c)),
        |out, (span, edit), depth| {
            let mut s = Members::open(out, depth);
            s.str("op", span.op.as_str());
            s.str("text", &span.text);
            if let Some(edit) = edit {
                s.str("edit", &edit);
            }
            s.close();
            Ok(())
        },
    )?;
    m.value("topics", &c.topics)?;
    m.value("strength", &c.strength)?;
    m.value("brackets", &c.brackets)?;
    m.close();
    Ok(())
}

/// A similarity as the contracts print it: rounded, so that the same input prints the same
/// bytes on every platform.
fn rounded(similarity: f64) -> f64 {
    (similarity * 1000.0).round() / 1000.0
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
fn write_step(
    out: &mut Vec<u8>,
    h: &History,
    step: &crate::model::Step,
    options: &RenderOptions,
    depth: usize,
) -> io::Result<()> {
    let (old, new) = (&h.drafts[step.old], &h.drafts[step.new]);
    let shown: Vec<&Change> = step.changes.iter().filter(|c| options.shows(c)).collect();
    let mut m = Members::open(out, depth);
    m.value("old", &step.old)?;
    m.value("new", &step.new)?;
    m.array("changes", shown.into_iter(), |out, c, depth| {
        write_change(out, c, old, new, depth)
    })?;
    m.value("summary", &summary(&step.changes))?;
    m.value(
        "sections",
        &tallies(stats::by_section(&step.changes, old, new)),
    )?;
    m.value("topics", &tallies(stats::by_topic(&step.changes)))?;
    m.close();
    Ok(())
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
                Elements::written(&shown, |ch, out, depth| {
                    write_change(out, ch, &c.old, &c.new, depth)
                }),
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
            .member(
                "steps",
                Elements::written(&h.steps, |step, out, depth| {
                    write_step(out, h, step, options, depth)
                }),
            )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BracketEvent, Span, StrengthShift, TopicTag};
    use crate::synth::edits::edited_pair;

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
            similarity: rounded(c.similarity),
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

    /// What serde_json writes for `value` standing `depth` levels in: the reference the
    /// hand-written members are held to.
    fn by_serde(value: &impl Serialize, depth: usize) -> String {
        let mut out = Vec::new();
        super::super::pretty::render_into(&mut out, value, depth).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn by_hand(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn paragraphs_and_changes_are_written_as_serde_json_writes_them() {
        let pair = edited_pair(11, 60);
        let mut c = crate::align::compare(pair.old, pair.new, &Default::default());
        crate::annotate::comparison(&mut c.changes, &c.old, &c.new, None);
        // Every optional member, and text that needs every kind of escape.
        let p = &mut c.new.paragraphs[3];
        p.derived = true;
        p.notes = vec!["3".into(), "a \"b\"".into()];
        p.article = Some("Article 2".into());
        p.text = "quote \" back \\ \n\r\t\u{8}\u{c}\u{1}\u{1f} \u{7f} é — end".into();
        c.changes[0].spans[0].text = c.new.paragraphs[3].text.clone();
        for depth in [0, 3] {
            for d in [&c.old, &c.new] {
                for p in &d.paragraphs {
                    assert_eq!(
                        by_hand(|out| write_paragraph(out, p, depth)),
                        by_serde(p, depth)
                    );
                }
            }
            for ch in &c.changes {
                assert_eq!(
                    by_hand(|out| write_change(out, ch, &c.old, &c.new, depth)),
                    by_serde(&change_json(ch, &c.old, &c.new), depth)
                );
            }
        }
        assert!(c.changes.iter().any(|ch| ch.kind == ChangeKind::Merged));
    }
}
