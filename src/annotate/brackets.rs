//! Square brackets: the mark of language not yet agreed, and the status tags of compilation
//! texts.
//!
//! Recognises bracketed passages (`[…]`), alternatives (`[A] [B]`, `[A] / [B]`,
//! `[option 1 / option 2]`) and status tags (`[Agreed ad ref]`, `[Suggested for closure]`),
//! counts them per draft (the figure the press reports), and reads finished changes to
//! attach [`BracketEvent`]s: language bracketed, brackets lifted, an option dropped, a
//! passage dropped, a status changed. It never re-aligns.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{BracketEffect, BracketEvent, Change, Document, SpanOp};

static BRACKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\[\]]*)\]").expect("bracket pattern compiles"));

/// Words that make a short bracketed passage a status tag rather than negotiated text.
static STATUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(agreed|ad ref|ad referendum|closure|closed|pending|consensus|under negotiation)\b",
    )
    .expect("status pattern compiles")
});

/// A group of bracketed alternatives (one option for a plain bracketed passage).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Group {
    options: Vec<String>,
}

/// The bracketed content of one text: groups of options and status tags.
#[derive(Debug, Default)]
struct Brackets {
    groups: Vec<Group>,
    statuses: Vec<String>,
    /// The text with every bracketed passage taken out, for "is it there unbracketed?".
    bare: String,
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_status(inner: &str) -> bool {
    inner.split_whitespace().count() <= 6 && STATUS.is_match(inner)
}

fn read(text: &str) -> Brackets {
    let mut out = Brackets::default();
    let mut last_end: Option<usize> = None;
    let mut bare = String::new();
    let mut cursor = 0;
    for m in BRACKET.captures_iter(text) {
        let whole = m.get(0).expect("match");
        let inner = squash(&m[1]);
        bare.push_str(&text[cursor..whole.start()]);
        bare.push(' ');
        cursor = whole.end();
        if inner.is_empty() {
            continue;
        }
        if is_status(&inner) {
            out.statuses.push(inner);
            last_end = None;
            continue;
        }
        let options: Vec<String> = inner
            .split(" / ")
            .map(squash)
            .filter(|o| !o.is_empty())
            .collect();
        // Brackets separated by nothing but space, a slash or "or" are alternatives.
        let joined = last_end.is_some_and(|end| {
            let between = text[end..whole.start()].trim();
            between.is_empty() || between == "/" || between.eq_ignore_ascii_case("or")
        });
        match (joined, out.groups.last_mut()) {
            (true, Some(group)) => group.options.extend(options),
            _ => out.groups.push(Group { options }),
        }
        last_end = Some(whole.end());
    }
    bare.push_str(&text[cursor..]);
    out.bare = squash(&bare);
    out
}

/// How many bracketed passages (status tags aside) a draft holds.
pub fn count(document: &Document) -> usize {
    // Most paragraphs hold no bracket at all: a byte search rules them out before the
    // reading proper (which also builds the text without brackets, not needed here).
    document
        .paragraphs
        .iter()
        .filter(|p| p.text.contains('['))
        .map(|p| read(&p.text).groups.len())
        .sum()
}

fn side_text(change: &Change, drop: SpanOp) -> String {
    change
        .spans
        .iter()
        .filter(|s| s.op != drop)
        .map(|s| s.text.as_str())
        .collect()
}

fn has_option(brackets: &Brackets, option: &str) -> bool {
    brackets
        .groups
        .iter()
        .any(|g| g.options.iter().any(|o| o == option))
}

fn event(effect: BracketEffect, text: &str) -> BracketEvent {
    BracketEvent {
        effect,
        text: text.to_string(),
        from: None,
    }
}

/// The bracket events of one change, comparing the bracketed content of its two sides.
pub fn events(change: &Change) -> Vec<BracketEvent> {
    // Without a bracket on either side there are no groups and no status tags to compare.
    if !change.spans.iter().any(|s| s.text.contains('[')) {
        return Vec::new();
    }
    let old = read(&side_text(change, SpanOp::Insert));
    let new = read(&side_text(change, SpanOp::Delete));
    let mut events = Vec::new();
    for group in old.groups.iter().filter(|g| !new.groups.contains(g)) {
        let lifted: Vec<&String> = group
            .options
            .iter()
            .filter(|o| !has_option(&new, o) && new.bare.contains(o.as_str()))
            .collect();
        let kept = group
            .options
            .iter()
            .filter(|o| has_option(&new, o) || new.bare.contains(o.as_str()))
            .count();
        if kept == 0 {
            events.push(event(BracketEffect::Dropped, &group.options.join(" / ")));
            continue;
        }
        for option in &group.options {
            if !has_option(&new, option) && !new.bare.contains(option.as_str()) {
                events.push(event(BracketEffect::OptionDropped, option));
            }
        }
        for option in lifted {
            events.push(event(BracketEffect::Lifted, option));
        }
    }
    for group in new.groups.iter().filter(|g| !old.groups.contains(g)) {
        for option in &group.options {
            if !has_option(&old, option) {
                events.push(event(BracketEffect::Bracketed, option));
            }
        }
    }
    if old.statuses != new.statuses {
        let from = old.statuses.join(" ");
        let to = new.statuses.join(" ");
        events.push(BracketEvent {
            effect: BracketEffect::StatusChanged,
            text: to,
            from: (!from.is_empty()).then_some(from),
        });
    }
    events
}

/// Attaches bracket events to every change whose text differs.
pub fn annotate(changes: &mut [Change]) {
    super::each_edited(changes, |change| change.brackets = events(change));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChangeKind, Span};

    fn change(old: &str, new: &str) -> Change {
        Change {
            kind: ChangeKind::Modified,
            old: vec![0],
            new: vec![0],
            spans: vec![
                Span::new(SpanOp::Delete, old),
                Span::new(SpanOp::Insert, new),
            ],
            ..Default::default()
        }
    }

    fn effects(old: &str, new: &str) -> Vec<(BracketEffect, String)> {
        events(&change(old, new))
            .into_iter()
            .map(|e| (e.effect, e.text))
            .collect()
    }

    #[test]
    fn alternatives_and_status_tags_are_read() {
        let b = read(
            "We [decide] [agree] to act [within existing resources / with new funds]. [Agreed ad ref]",
        );
        assert_eq!(b.groups.len(), 2);
        assert_eq!(b.groups[0].options, ["decide", "agree"]);
        assert_eq!(
            b.groups[1].options,
            ["within existing resources", "with new funds"]
        );
        assert_eq!(b.statuses, ["Agreed ad ref"]);
        assert_eq!(b.bare, "We to act .");
    }

    #[test]
    fn lifting_brackets_is_agreement() {
        assert_eq!(
            effects(
                "The Forum [shall be permanent].",
                "The Forum shall be permanent."
            ),
            [(BracketEffect::Lifted, "shall be permanent".to_string())]
        );
    }

    #[test]
    fn choosing_one_option_drops_the_other() {
        assert_eq!(
            effects(
                "funded [through voluntary contributions / from the regular budget].",
                "funded from the regular budget."
            ),
            [
                (
                    BracketEffect::OptionDropped,
                    "through voluntary contributions".to_string()
                ),
                (BracketEffect::Lifted, "from the regular budget".to_string()),
            ]
        );
    }

    #[test]
    fn bracketing_dropping_and_status_changes() {
        assert_eq!(
            effects(
                "We support the Forum.",
                "We support the Forum [and its secretariat]."
            ),
            [(BracketEffect::Bracketed, "and its secretariat".to_string())]
        );
        assert_eq!(
            effects("We support [a new office].", "We support the Forum."),
            [(BracketEffect::Dropped, "a new office".to_string())]
        );
        let e = events(&change("Text. [Pending]", "Text. [Agreed ad ref]"));
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].effect, BracketEffect::StatusChanged);
        assert_eq!(
            (e[0].from.as_deref(), e[0].text.as_str()),
            (Some("Pending"), "Agreed ad ref")
        );
    }

    #[test]
    fn count_ignores_status_tags() {
        let d = crate::parse::parse(
            "1. We [decide] [agree]. [Agreed ad ref]\n\n2. [New text].",
            "x",
        );
        assert_eq!(count(&d), 2);
    }
}
