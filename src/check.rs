//! Verdicts for CI: judge the newest draft of a history against the watch file's rules.
//!
//! Pure: takes an annotated [`History`] and a [`Watch`], returns a [`Verdict`]. Printing is
//! left to `render`, exit codes to the binary.

use crate::model::{History, TopicEvent};
use crate::topics::{self, Requirement, Watch};

/// The outcome of `redline check`: every topic's rules, judged on the newest step.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// True when every rule of every topic holds.
    pub ok: bool,
    /// The draft judged against (the one before the newest).
    pub old: usize,
    /// The newest draft.
    pub new: usize,
    /// One entry per topic, in watch-file order.
    pub topics: Vec<TopicVerdict>,
}

/// The verdict on one topic.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicVerdict {
    /// The topic's name.
    pub name: String,
    /// The topic's description, if the watch file gives one.
    pub description: Option<String>,
    /// True when none of its rules failed.
    pub ok: bool,
    /// The rules that failed.
    pub failures: Vec<Failure>,
    /// Everything the newest step did to the topic's language.
    pub events: Vec<TopicEvent>,
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The rule as the watch file states it: `fail_on = "removed"`, `require = "present"`.
    pub rule: String,
    /// A one-line explanation for people.
    pub message: String,
    /// The event that broke a `fail_on` rule; `None` for a `require` rule.
    pub event: Option<TopicEvent>,
}

/// Judges the newest step of `history` (already annotated with
/// [`topics::annotate_history`]) against every topic of `watch`.
///
/// A history of one draft has no step: only `require` rules are judged then; a history of
/// none holds every rule.
pub fn judge(history: &History, watch: &Watch) -> Verdict {
    let new = history.drafts.len().saturating_sub(1);
    let old = new.saturating_sub(1);
    let Some(newest) = history.drafts.last() else {
        // No draft, nothing to judge: every rule holds vacuously.
        return Verdict {
            ok: true,
            old,
            new,
            topics: Vec::new(),
        };
    };
    let topics = watch
        .topics
        .iter()
        .map(|topic| {
            let events = if history.steps.is_empty() {
                Vec::new()
            } else {
                topics::step_events(history, history.steps.len() - 1, topic)
            };
            let mut failures: Vec<Failure> = events
                .iter()
                .filter(|e| topic.fail_on.contains(&e.effect))
                .map(|e| Failure {
                    rule: format!("fail_on = \"{}\"", e.effect.as_str()),
                    message: format!(
                        "{} language {} in {} ({})",
                        topic.name,
                        e.effect.as_str(),
                        newest.display_name(),
                        place(history, old, e)
                    ),
                    event: Some(e.clone()),
                })
                .collect();
            let present = !topics::paragraphs_matching(newest, topic).is_empty();
            match topic.require {
                Some(Requirement::Present) if !present => failures.push(Failure {
                    rule: "require = \"present\"".into(),
                    message: format!(
                        "no {} language in {}; it must be present",
                        topic.name,
                        newest.display_name()
                    ),
                    event: None,
                }),
                Some(Requirement::Absent) if present => failures.push(Failure {
                    rule: "require = \"absent\"".into(),
                    message: format!(
                        "{} language in {}; it must be absent",
                        topic.name,
                        newest.display_name()
                    ),
                    event: None,
                }),
                _ => {}
            }
            TopicVerdict {
                name: topic.name.clone(),
                description: topic.description.clone(),
                ok: failures.is_empty(),
                failures,
                events,
            }
        })
        .collect::<Vec<_>>();
    Verdict {
        ok: topics.iter().all(|t| t.ok),
        old,
        new,
        topics,
    }
}

/// Where an event happened, as a reader names it: "¶ 35 of Zero Draft" for a deletion,
/// else the newest draft's paragraphs.
fn place(history: &History, old: usize, event: &TopicEvent) -> String {
    let (draft, indices) = if event.new.is_empty() {
        (&history.drafts[old], &event.old)
    } else {
        (&history.drafts[event.draft], &event.new)
    };
    let refs: Vec<String> = indices.iter().map(|&i| draft.reference(i)).collect();
    format!("{} of {}", refs.join(" + "), draft.display_name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::AlignOptions;
    use std::path::Path;

    fn watch() -> Watch {
        Watch::parse(
            "[[topic]]\nname = \"igf\"\npatterns = ['Forum']\nrequire = \"present\"\nfail_on = [\"removed\"]\n",
            Path::new("watch.toml"),
        )
        .unwrap()
    }

    #[test]
    fn no_drafts_hold_every_rule_without_panicking() {
        let history = crate::history::build(Vec::new(), &AlignOptions::default());
        let verdict = judge(&history, &watch());
        assert!(verdict.ok && verdict.topics.is_empty());
    }

    #[test]
    fn one_draft_judges_require_rules_only() {
        let draft = crate::parse::parse("1. We note the report.", "d.txt");
        let history = crate::history::build(vec![draft], &AlignOptions::default());
        let verdict = judge(&history, &watch());
        assert!(!verdict.ok);
        assert_eq!(verdict.topics[0].failures.len(), 1);
        assert_eq!(verdict.topics[0].failures[0].rule, "require = \"present\"");
    }

    #[test]
    fn removal_breaks_fail_on_and_names_the_paragraph() {
        let old = crate::parse::parse(
            "1. We support the Forum.\n\n2. We note the report.",
            "a.txt",
        );
        let new = crate::parse::parse("1. We note the report.", "b.txt");
        let mut history = crate::history::build(vec![old, new], &AlignOptions::default());
        let watch = watch();
        crate::annotate::history(&mut history, Some(&watch));
        let verdict = judge(&history, &watch);
        let rules: Vec<&str> = verdict.topics[0]
            .failures
            .iter()
            .map(|f| f.rule.as_str())
            .collect();
        assert_eq!(rules, ["fail_on = \"removed\"", "require = \"present\""]);
        assert!(
            verdict.topics[0].failures[0]
                .message
                .ends_with("(¶ 1 of a.txt)")
        );
    }
}
