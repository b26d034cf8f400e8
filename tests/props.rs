//! Properties of histories, topics and rendering that must hold for any drafts.
//!
//! `align_props.rs` covers one comparison (lossless spans, partition, determinism of the
//! alignment). These go further down the pipeline: a history's lineage, concordance and
//! reinstated language; topic tags; and every renderer, which must never panic, must give
//! JSON that parses and JUnit that parses, and must give the same bytes for the same input.

use std::path::Path;

use proptest::prelude::*;
use redline::align::AlignOptions;
use redline::annotate;
use redline::render::{self, CheckFormat, DocumentFormat, Format, RenderOptions};
use redline::synth::draft::document_from;
use redline::topics::Watch;
use redline::{ChangeKind, Document, History, ParagraphKind, TopicEffect, check, history};

/// Words that collide and repeat, with text that every output format must escape: markup,
/// Markdown, XML, workflow commands, a terminal escape.
fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "We",
        "recognize",
        "the",
        "Forum",
        "Internet",
        "Governance",
        "human",
        "rights",
        "online",
        "and",
        "of",
        "funding",
        "États",
        "—",
        "<script>",
        "</style>",
        "[link](javascript:x)",
        "![i](x)",
        "<!--",
        "]]>",
        "&amp;",
        "::error::",
        "\u{1b}[2J",
        "*",
        "|",
        "\"",
    ])
}

/// A draft of up to ten paragraphs over [`word`], labelled 1, 2, … with some headings.
fn draft() -> impl Strategy<Value = Document> {
    let paragraph = (
        prop::bool::weighted(0.15),
        prop::collection::vec(word(), 0..10),
    );
    prop::collection::vec(paragraph, 0..10).prop_map(|ps| {
        document_from(
            "prop.txt".into(),
            ps.into_iter()
                .enumerate()
                .map(|(i, (heading, words))| {
                    let kind = if heading {
                        ParagraphKind::Heading
                    } else {
                        ParagraphKind::Numbered
                    };
                    (Some((i + 1).to_string()), kind, words.join(" "))
                })
                .collect(),
        )
    })
}

/// A history of one to four drafts, each either new or a repeat of an earlier one (so
/// language goes and comes back).
fn drafts() -> impl Strategy<Value = Vec<Document>> {
    (
        prop::collection::vec(draft(), 1..4),
        prop::collection::vec(any::<prop::sample::Index>(), 0..2),
    )
        .prop_map(|(mut drafts, repeats)| {
            for r in repeats {
                let again = drafts[r.index(drafts.len())].clone();
                drafts.push(again);
            }
            drafts
        })
}

fn watch() -> Watch {
    let text = r#"
[[topic]]
name = "forum"
patterns = ['\bForum\b', 'Internet Governance']
require = "present"
fail_on = ["removed", "modified", "reinstated"]

[[topic]]
name = "rights"
patterns = ['human rights']
require = "absent"
fail_on = ["added"]

[[topic]]
name = "never"
patterns = ['zzzz-never-in-a-draft']
"#;
    Watch::parse(text, Path::new("watch.toml")).unwrap()
}

fn annotated(drafts: Vec<Document>) -> History {
    let mut history = history::build(drafts, &AlignOptions::default());
    annotate::history(&mut history, Some(&watch()));
    history
}

fn options(topic: Option<&str>) -> RenderOptions {
    RenderOptions {
        color: true,
        width: 20,
        context: 1,
        stat: false,
        topic: topic.map(str::to_owned),
        ..RenderOptions::default()
    }
}

/// Every output of a history, in every format, one byte string per format.
fn every_output(history: &History) -> Vec<Vec<u8>> {
    let mut outputs = Vec::new();
    let mut out = |write: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut bytes = Vec::new();
        write(&mut bytes).expect("writing to memory");
        outputs.push(bytes);
    };
    let watch = watch();
    for topic in [None, Some("forum")] {
        let options = options(topic);
        for format in [
            Format::Terminal,
            Format::Json,
            Format::Html,
            Format::Markdown,
            Format::Csv,
        ] {
            out(&|w| render::write_history(w, history, format, &options));
            if let Some(comparison) = history.last_comparison() {
                out(&|w| render::write_comparison(w, &comparison, format, &options));
            }
        }
        out(&|w| render::write_topics(w, history, &watch, &options));
    }
    for format in [
        DocumentFormat::Table,
        DocumentFormat::Text,
        DocumentFormat::Json,
    ] {
        out(&|w| render::write_document(w, &history.drafts[0], format));
    }
    if history.drafts.len() >= 2 {
        let verdict = check::judge(history, &watch);
        for format in [
            CheckFormat::Terminal,
            CheckFormat::Json,
            CheckFormat::Github,
            CheckFormat::Junit,
            CheckFormat::Markdown,
        ] {
            out(&|w| render::write_verdict(w, &verdict, history, format, &options(None)));
        }
    }
    outputs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn lineage_holds_every_paragraph_once(drafts in drafts()) {
        let counts: Vec<usize> = drafts.iter().map(|d| d.paragraphs.len()).collect();
        let history = annotated(drafts);
        prop_assert_eq!(history.steps.len(), counts.len() - 1);
        let mut seen: Vec<Vec<u8>> = counts.iter().map(|&n| vec![0; n]).collect();
        for l in &history.lineage {
            prop_assert_eq!(l.paragraphs.len(), counts.len());
            prop_assert!(l.paragraphs.iter().any(|ps| !ps.is_empty()), "empty lineage");
            for (d, ps) in l.paragraphs.iter().enumerate() {
                ps.iter().for_each(|&p| seen[d][p] += 1);
            }
        }
        prop_assert!(seen.iter().flatten().all(|&n| n == 1), "{:?}", seen);
        let concordance = history::concordance(&history);
        prop_assert_eq!(concordance.len(), history.lineage.len());
    }

    #[test]
    fn reinstated_language_went_missing_and_came_back(drafts in drafts()) {
        let history = annotated(drafts);
        for back in &history.reinstated {
            prop_assert!(back.from.draft < back.removed_in);
            prop_assert!(back.removed_in < back.reinstated_in);
            prop_assert_eq!(back.to.draft, back.reinstated_in);
            let to = &history.drafts[back.to.draft].paragraphs[back.to.paragraph];
            prop_assert!(back.from.paragraph < history.drafts[back.from.draft].paragraphs.len());
            // The reported text is the returned paragraph's own words.
            prop_assert!(
                back.text.split_whitespace().all(|w| to.text.contains(w)),
                "{:?} not in {:?}", back.text, to.text
            );
        }
        if history.drafts.len() < 3 {
            prop_assert!(history.reinstated.is_empty());
        }
    }

    #[test]
    fn a_draft_repeated_is_a_history_without_change(draft in draft(), n in 1usize..4) {
        let history = annotated(vec![draft; n]);
        prop_assert!(history.reinstated.is_empty());
        for step in &history.steps {
            prop_assert!(step.changes.iter().all(|c| c.kind == ChangeKind::Unchanged));
            prop_assert!(step.changes.iter().all(|c| c.topics.is_empty()));
        }
    }

    #[test]
    fn topic_tags_agree_with_the_text(drafts in drafts()) {
        let history = annotated(drafts);
        let watch = watch();
        for step in &history.steps {
            for change in &step.changes {
                for tag in &change.topics {
                    let topic = watch.topic(&tag.topic).unwrap();
                    prop_assert_ne!(tag.topic.as_str(), "never");
                    let (old, new) = (change.old_text(), change.new_text());
                    match tag.effect {
                        TopicEffect::Removed => {
                            prop_assert!(topic.is_match(&old) && !topic.is_match(&new));
                        }
                        TopicEffect::Added => {
                            prop_assert!(topic.is_match(&new) && !topic.is_match(&old));
                        }
                        TopicEffect::Modified => {
                            prop_assert!(topic.is_match(&new) && topic.is_match(&old));
                        }
                        TopicEffect::Reinstated => prop_assert!(topic.is_match(&new)),
                        TopicEffect::Softened | TopicEffect::Strengthened => {
                            prop_assert!(false, "strength effects are never tags")
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn every_format_renders_and_machine_formats_parse(drafts in drafts()) {
        let history = annotated(drafts);
        for bytes in every_output(&history) {
            let text = String::from_utf8(bytes).expect("output is UTF-8");
            let trimmed = text.trim_start();
            if trimmed.starts_with('{') {
                serde_json::from_str::<serde_json::Value>(&text).expect("JSON parses");
            }
            if trimmed.starts_with("<?xml") {
                quick_junit::Report::deserialize_from_str(&text).expect("JUnit parses");
            }
            if trimmed.starts_with("<!DOCTYPE html>") {
                prop_assert_eq!(text.matches("<script").count(), 1);
                prop_assert_eq!(text.matches("</style>").count(), 1);
            }
        }
    }

    #[test]
    fn same_input_same_bytes_in_every_format(drafts in drafts()) {
        let first = every_output(&annotated(drafts.clone()));
        let second = every_output(&annotated(drafts));
        prop_assert_eq!(first, second);
    }
}
