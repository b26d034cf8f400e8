//! Watched topics: the watch file, and tagging the changes that touch watched language.
//!
//! A watch file names topics by regular expressions. This stage reads it, then reads the
//! finished changes (and, in a history, the reinstated language) and attaches a
//! [`TopicTag`] to every change whose deleted, inserted or reinstated text matches. It never
//! re-aligns: what matches what was decided by `align` and `history`.
//!
//! The watch-file format is a contract; see `docs/watch-file.md`.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use regex::{Regex, RegexBuilder};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{Change, Document, History, SpanOp, TopicEffect, TopicEvent, TopicTag};

/// A parsed watch file: the topics a coalition follows.
#[derive(Debug, Clone)]
pub struct Watch {
    /// Where the watch file was read from.
    pub path: PathBuf,
    /// The topics, in file order.
    pub topics: Vec<Topic>,
    /// The strength lexicon: built in, extended or overridden by `[[strength]]` entries.
    pub lexicon: super::strength::Lexicon,
}

/// One watched topic.
#[derive(Debug, Clone)]
pub struct Topic {
    /// The topic's unique name, used in all output.
    pub name: String,
    /// What the topic is about, for people.
    pub description: Option<String>,
    /// The patterns as written, for messages.
    pub sources: Vec<String>,
    /// The compiled, case-insensitive patterns.
    pub patterns: Vec<Regex>,
    /// Whether the topic's language must be present in (or absent from) the newest draft.
    pub require: Option<Requirement>,
    /// Effects in the newest step that fail a check.
    pub fail_on: Vec<TopicEffect>,
}

/// A rule on the newest draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// Some paragraph of the newest draft must match.
    Present,
    /// No paragraph of the newest draft may match.
    Absent,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WatchFile {
    #[serde(default)]
    topic: Vec<TopicEntry>,
    #[serde(default)]
    strength: Vec<super::strength::EntrySpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicEntry {
    name: Option<String>,
    description: Option<String>,
    patterns: Option<Vec<String>>,
    require: Option<Requirement>,
    #[serde(default)]
    fail_on: Vec<TopicEffect>,
}

impl Watch {
    /// Reads and checks the watch file at `path`.
    ///
    /// # Errors
    /// [`Error::Io`] when unreadable; [`Error::Watch`] naming the topic and fault for unknown
    /// keys, wrong types, a missing or duplicate name, no patterns, or a bad regular expression.
    pub fn load(path: &Path) -> Result<Watch> {
        if path.is_dir() {
            return Err(Error::Unreadable {
                path: path.to_path_buf(),
                reason: "is a folder, not a watch file".into(),
            });
        }
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Watch::parse(&text, path)
    }

    /// Parses watch-file text; `path` is used in messages.
    ///
    /// # Errors
    /// As [`Watch::load`], without the I/O.
    pub fn parse(text: &str, path: &Path) -> Result<Watch> {
        // Names, patterns and toml's messages quote the file, which may hold "\n" escapes:
        // shown escaped, they keep the message on one line as the error contract promises.
        let one_line = |s: &str| s.replace('\r', "\\r").replace('\n', "\\n");
        let fault = |topic: Option<&str>, message: String| Error::Watch {
            path: path.to_path_buf(),
            topic: topic.map(one_line),
            message: one_line(&message),
        };
        let file: WatchFile = toml::from_str(text).map_err(|e| {
            // toml's messages span several lines (a source excerpt); keep the first line and
            // the location so the error stays one line.
            let mut message = e.message().trim().to_string();
            if let Some(span) = e.span() {
                let line = text[..span.start].matches('\n').count() + 1;
                message = format!("line {line}: {message}");
            }
            fault(None, message)
        })?;
        let mut topics = Vec::new();
        let mut seen = BTreeSet::new();
        for (i, entry) in file.topic.into_iter().enumerate() {
            let Some(name) = entry.name.filter(|n| !n.trim().is_empty()) else {
                return Err(fault(None, format!("topic #{} has no name", i + 1)));
            };
            if !seen.insert(name.clone()) {
                return Err(fault(Some(&name), "duplicate topic name".into()));
            }
            let sources = entry.patterns.unwrap_or_default();
            if sources.is_empty() {
                return Err(fault(Some(&name), "no patterns".into()));
            }
            let patterns = sources
                .iter()
                .map(|p| {
                    RegexBuilder::new(p)
                        .case_insensitive(true)
                        .size_limit(1 << 20)
                        .build()
                        .map_err(|e| {
                            let why = e.to_string();
                            let last = why.lines().last().unwrap_or("invalid").trim();
                            let last = last.strip_prefix("error: ").unwrap_or(last);
                            fault(Some(&name), format!("bad pattern '{p}': {last}"))
                        })
                })
                .collect::<Result<Vec<_>>>()?;
            topics.push(Topic {
                name,
                description: entry.description,
                sources,
                patterns,
                require: entry.require,
                fail_on: entry.fail_on,
            });
        }
        if topics.is_empty() {
            return Err(fault(None, "no [[topic]] entries".into()));
        }
        let lexicon = super::strength::Lexicon::with(&file.strength)
            .map_err(|(name, why)| fault(None, format!("strength entry \"{name}\": {why}")))?;
        Ok(Watch {
            path: path.to_path_buf(),
            topics,
            lexicon,
        })
    }

    /// The topic called `name`, if the file has one.
    pub fn topic(&self, name: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.name == name)
    }
}

impl Topic {
    /// Byte ranges of every match in `text` (which should be folded with [`fold`]).
    fn matches(&self, text: &str) -> Vec<Range<usize>> {
        self.patterns
            .iter()
            .flat_map(|re| re.find_iter(text).map(|m| m.range()))
            .collect()
    }

    /// True when some pattern matches the paragraph text.
    pub fn is_match(&self, text: &str) -> bool {
        let folded = fold(text);
        self.patterns.iter().any(|re| re.is_match(&folded))
    }
}

/// Folds typographic variants that a pattern author would not think of (curly quotes, dash
/// variants, non-breaking spaces) one character at a time, so offsets of span boundaries can
/// be carried over. Case is left to the case-insensitive patterns.
fn fold(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => Some('\''),
            '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => Some('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' => Some(' '),
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => None,
            c => Some(c),
        })
        .collect()
}

/// One side of a change, folded, with the byte ranges of its edited spans.
struct Side {
    text: String,
    edited: Vec<Range<usize>>,
}

fn side(change: &Change, keep: SpanOp) -> Side {
    let mut text = String::new();
    let mut edited = Vec::new();
    for span in change.spans.iter().filter(|s| s.op != keep) {
        let start = text.len();
        text.push_str(&fold(&span.text));
        if span.op != SpanOp::Equal {
            edited.push(start..text.len());
        }
    }
    Side { text, edited }
}

fn overlaps(matches: &[Range<usize>], edited: &[Range<usize>]) -> bool {
    matches
        .iter()
        .any(|m| edited.iter().any(|e| m.start < e.end && e.start < m.end))
}

/// The effect of `change` on `topic`'s language, if it touches it.
///
/// A match only in the old side is `removed`, only in the new side `added`; matches on both
/// sides count as `modified` when an edited span overlaps one of them. A match standing wholly
/// in unchanged text is not an event.
pub fn effect(topic: &Topic, change: &Change) -> Option<TopicEffect> {
    let old = side(change, SpanOp::Insert);
    let new = side(change, SpanOp::Delete);
    let old_matches = topic.matches(&old.text);
    let new_matches = topic.matches(&new.text);
    match (old_matches.is_empty(), new_matches.is_empty()) {
        (true, true) => None,
        (false, true) => Some(TopicEffect::Removed),
        (true, false) => Some(TopicEffect::Added),
        (false, false) => {
            let touched =
                overlaps(&old_matches, &old.edited) || overlaps(&new_matches, &new.edited);
            touched.then_some(TopicEffect::Modified)
        }
    }
}

/// Tags every change of a two-draft comparison with the topics it touches.
pub fn annotate_changes(changes: &mut [Change], watch: &Watch) {
    for change in changes.iter_mut() {
        change.topics = watch
            .topics
            .iter()
            .filter_map(|t| {
                effect(t, change).map(|effect| TopicTag {
                    topic: t.name.clone(),
                    effect,
                })
            })
            .collect();
    }
}

/// Where reinstated language that matches a topic came back in a change, makes the change's
/// tag for that topic `reinstated` rather than `added` or `modified`. Runs after
/// [`annotate_changes`] on every step.
pub fn mark_reinstated(history: &mut History, watch: &Watch) {
    for step in history.steps.iter_mut() {
        for back in history
            .reinstated
            .iter()
            .filter(|r| r.reinstated_in == step.new)
        {
            let Some(change) = step
                .changes
                .iter_mut()
                .find(|c| c.new.contains(&back.to.paragraph))
            else {
                continue;
            };
            for topic in watch.topics.iter().filter(|t| t.is_match(&back.text)) {
                change.topics.retain(|tag| tag.topic != topic.name);
                change.topics.push(TopicTag {
                    topic: topic.name.clone(),
                    effect: TopicEffect::Reinstated,
                });
            }
            change.topics.sort();
        }
    }
}

/// The events of one annotated step for `topic`: one per tagged change, with the language
/// concerned taken from the edited spans that carry the match (or the reinstated text); then
/// one per strength shift in a change whose paragraphs match the topic.
pub fn step_events(history: &History, step: usize, topic: &Topic) -> Vec<TopicEvent> {
    let step = &history.steps[step];
    let event = |change: &Change, effect: TopicEffect, text: String| TopicEvent {
        topic: topic.name.clone(),
        effect,
        draft: step.new,
        old: change.old.clone(),
        new: change.new.clone(),
        text,
    };
    let mut events: Vec<TopicEvent> = step
        .changes
        .iter()
        .filter_map(|change| {
            let tag = change.topics.iter().find(|t| t.topic == topic.name)?;
            let text = match tag.effect {
                TopicEffect::Reinstated => history
                    .reinstated
                    .iter()
                    .filter(|r| {
                        r.reinstated_in == step.new
                            && change.new.contains(&r.to.paragraph)
                            && topic.is_match(&r.text)
                    })
                    .map(|r| r.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" … "),
                TopicEffect::Added => edited_text(change, topic, SpanOp::Insert),
                TopicEffect::Removed => edited_text(change, topic, SpanOp::Delete),
                TopicEffect::Modified => {
                    let deleted = edited_text(change, topic, SpanOp::Delete);
                    let inserted = edited_text(change, topic, SpanOp::Insert);
                    match (deleted.is_empty(), inserted.is_empty()) {
                        (false, false) => format!("{deleted} → {inserted}"),
                        (true, _) => inserted,
                        (_, true) => deleted,
                    }
                }
                // Tags never carry these; strength events are added below.
                TopicEffect::Softened | TopicEffect::Strengthened => return None,
            };
            Some(event(change, tag.effect, text))
        })
        .collect();
    let new = &history.drafts[step.new];
    for change in step.changes.iter().filter(|c| !c.strength.is_empty()) {
        let touches = change.topics.iter().any(|t| t.topic == topic.name)
            || change
                .new
                .iter()
                .any(|&i| topic.is_match(&new.paragraphs[i].text));
        if !touches {
            continue;
        }
        for shift in &change.strength {
            let effect = match shift.effect {
                crate::model::StrengthEffect::Softened => TopicEffect::Softened,
                crate::model::StrengthEffect::Strengthened => TopicEffect::Strengthened,
            };
            events.push(event(
                change,
                effect,
                format!("{} → {}", shift.from, shift.to),
            ));
        }
    }
    events
}

/// The `op` spans of `change` that overlap a match of `topic` on their side, joined;
/// all `op` spans when none does.
fn edited_text(change: &Change, topic: &Topic, op: SpanOp) -> String {
    let keep = if op == SpanOp::Delete {
        SpanOp::Insert
    } else {
        SpanOp::Delete
    };
    let side = side(change, keep);
    let matches = topic.matches(&side.text);
    let spans = change.spans.iter().filter(|s| s.op != keep);
    let mut hit = Vec::new();
    let mut all = Vec::new();
    let mut offset = 0;
    for span in spans {
        let len = fold(&span.text).len();
        if span.op == op {
            let text = span.text.trim();
            if !text.is_empty() {
                all.push(text);
                if overlaps(&matches, std::slice::from_ref(&(offset..offset + len))) {
                    hit.push(text);
                }
            }
        }
        offset += len;
    }
    if hit.is_empty() { all } else { hit }.join(" … ")
}

/// Keeps only the changes that touch `topic` (for `--topic NAME`).
pub fn touches(change: &Change, topic: &str) -> bool {
    change.topics.iter().any(|t| t.topic == topic)
}

/// The paragraphs of `document` whose text matches `topic`.
pub fn paragraphs_matching<'d>(
    document: &'d Document,
    topic: &Topic,
) -> Vec<&'d crate::model::Paragraph> {
    document
        .paragraphs
        .iter()
        .filter(|p| topic.is_match(&p.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChangeKind, Span};

    fn watch(text: &str) -> Result<Watch> {
        Watch::parse(text, Path::new("watch.toml"))
    }

    const GOOD: &str = r#"
[[topic]]
name = "fragmentation"
description = "Rejecting a fragmented Internet"
patterns = ['fragment(ed|ation)', 'splinternet']
require = "present"
fail_on = ["removed"]
"#;

    fn change(spans: &[(SpanOp, &str)]) -> Change {
        Change {
            kind: ChangeKind::Modified,
            old: vec![0],
            new: vec![0],
            similarity: 0.8,
            spans: spans.iter().map(|&(op, t)| Span::new(op, t)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn good_watch_file_parses() {
        let w = watch(GOOD).unwrap();
        let t = w.topic("fragmentation").unwrap();
        assert_eq!(t.require, Some(Requirement::Present));
        assert_eq!(t.fail_on, vec![TopicEffect::Removed]);
        assert!(t.is_match("Internet FRAGMENTATION"));
    }

    #[test]
    fn unknown_key_is_named() {
        let e = watch("[[topic]]\nname = \"a\"\npatterns = ['x']\ncolour = 1\n").unwrap_err();
        let m = e.to_string();
        assert!(
            m.starts_with("watch.toml: line 4: unknown field `colour`"),
            "{m}"
        );
    }

    #[test]
    fn bad_regex_names_topic_and_pattern() {
        let m = watch("[[topic]]\nname = \"a\"\npatterns = ['(x']\n")
            .unwrap_err()
            .to_string();
        assert!(m.contains("topic \"a\": bad pattern '(x'"), "{m}");
        assert!(!m.contains('\n'), "{m}");
    }

    #[test]
    fn missing_and_duplicate_names_and_wrong_types_are_refused() {
        let m = watch("[[topic]]\npatterns = ['x']\n")
            .unwrap_err()
            .to_string();
        assert!(m.contains("topic #1 has no name"), "{m}");
        let m = watch("[[topic]]\nname='a'\npatterns=['x']\n[[topic]]\nname='a'\npatterns=['y']\n")
            .unwrap_err()
            .to_string();
        assert!(m.contains("topic \"a\": duplicate topic name"), "{m}");
        let m = watch("[[topic]]\nname='a'\npatterns='x'\n")
            .unwrap_err()
            .to_string();
        assert!(m.contains("line 3") && m.contains("invalid type"), "{m}");
        let m = watch("[[topic]]\nname='a'\npatterns=['x']\nfail_on=['gone']\n")
            .unwrap_err()
            .to_string();
        assert!(m.contains("unknown variant `gone`"), "{m}");
    }

    #[test]
    fn effects_follow_the_edited_text() {
        let w = watch(GOOD).unwrap();
        let t = &w.topics[0];
        let removed = change(&[
            (SpanOp::Equal, "We reject "),
            (SpanOp::Delete, "a fragmented Internet"),
            (SpanOp::Insert, "unilateral measures"),
        ]);
        assert_eq!(effect(t, &removed), Some(TopicEffect::Removed));
        let added = change(&[
            (SpanOp::Equal, "We reject "),
            (SpanOp::Insert, "fragmentation"),
        ]);
        assert_eq!(effect(t, &added), Some(TopicEffect::Added));
        let modified = change(&[
            (SpanOp::Equal, "We reject "),
            (SpanOp::Delete, "fragmented"),
            (SpanOp::Insert, "fragmentation of the"),
            (SpanOp::Equal, " Internet"),
        ]);
        assert_eq!(effect(t, &modified), Some(TopicEffect::Modified));
        let untouched = change(&[
            (SpanOp::Equal, "We reject fragmentation "),
            (SpanOp::Delete, "now"),
        ]);
        assert_eq!(effect(t, &untouched), None);
    }

    #[test]
    fn fold_keeps_offsets_meaningful_for_curly_quotes() {
        assert_eq!(
            fold("“multi‑stakeholder”\u{00A0}model"),
            "\"multi-stakeholder\" model"
        );
    }

    #[test]
    fn errors_quoting_line_breaks_stay_on_one_line() {
        // Found by the watch_file fuzz target: a "\n" escape in a value came back as a line
        // break inside the message.
        let cases = [
            "[[topic]]\nname = \"x\"\npatterns = ['x']\nrequire = \"pres\\nt\"\n",
            "[[topic]]\nname = \"a\\nb\"\npatterns = ['(\\n']\n",
            "[[topic]]\nname = \"a\\r\\nb\"\npatterns = []\n",
        ];
        for text in cases {
            let message = watch(text).unwrap_err().to_string();
            assert!(!message.contains(['\n', '\r']), "{message:?}");
        }
        let message = watch(cases[0]).unwrap_err().to_string();
        assert!(message.contains("unknown variant `pres\\nt`"), "{message}");
    }
}
