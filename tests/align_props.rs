//! Properties of the alignment and the word redline that must hold for any input.

use proptest::prelude::*;
use redline::align::{self, AlignOptions, words};
use redline::synth::draft::document_from;
use redline::{Document, ParagraphKind, SpanOp};

/// Small drafts over a tiny vocabulary, so that paragraphs collide, repeat and overlap.
fn draft_strategy() -> impl Strategy<Value = Document> {
    let word = prop::sample::select(vec![
        "We",
        "recognize",
        "the",
        "Forum",
        "Member",
        "States",
        "connectivity",
        "and",
        "of",
        "funding",
        "rights",
        "online",
        "États",
        "—",
    ]);
    let paragraph = (
        prop::bool::weighted(0.15),
        prop::collection::vec(word, 0..12),
    );
    prop::collection::vec(paragraph, 0..12).prop_map(|ps| {
        let mut number = 0;
        document_from(
            "prop.txt".into(),
            ps.into_iter()
                .map(|(heading, words)| {
                    number += 1;
                    let kind = if heading {
                        ParagraphKind::Heading
                    } else {
                        ParagraphKind::Numbered
                    };
                    (Some(number.to_string()), kind, words.join(" "))
                })
                .collect(),
        )
    })
}

fn rebuilt(spans: &[redline::Span], skip: SpanOp) -> String {
    spans
        .iter()
        .filter(|s| s.op != skip)
        .map(|s| s.text.as_str())
        .collect()
}

proptest! {
    #[test]
    fn redline_is_lossless(old in any::<String>(), new in any::<String>()) {
        let spans = words::redline(&old, &new);
        prop_assert_eq!(rebuilt(&spans, SpanOp::Insert), old);
        prop_assert_eq!(rebuilt(&spans, SpanOp::Delete), new);
        // Adjacent spans never share an operation, and none is empty.
        prop_assert!(spans.windows(2).all(|w| w[0].op != w[1].op));
        prop_assert!(spans.iter().all(|s| !s.text.is_empty()));
    }

    #[test]
    fn redline_is_lossless_on_wordy_text(
        old in "[a-zé ,.\n]{0,60}",
        new in "[a-zé ,.\n]{0,60}",
    ) {
        let spans = words::redline(&old, &new);
        prop_assert_eq!(rebuilt(&spans, SpanOp::Insert), old);
        prop_assert_eq!(rebuilt(&spans, SpanOp::Delete), new);
    }

    #[test]
    fn every_paragraph_is_in_exactly_one_change(old in draft_strategy(), new in draft_strategy()) {
        let changes = align::align(&old, &new, &AlignOptions::default());
        let mut old_seen = vec![0; old.paragraphs.len()];
        let mut new_seen = vec![0; new.paragraphs.len()];
        for c in &changes {
            c.old.iter().for_each(|&i| old_seen[i] += 1);
            c.new.iter().for_each(|&j| new_seen[j] += 1);
            prop_assert!((0.0..=1.0).contains(&c.similarity));
            // Spans rebuild both sides, joined by the paragraph break.
            let side = |doc: &Document, idx: &[usize]| {
                idx.iter()
                    .map(|&i| doc.paragraphs[i].text.as_str())
                    .collect::<Vec<_>>()
                    .join(redline::PARAGRAPH_BREAK)
            };
            prop_assert_eq!(c.old_text(), side(&old, &c.old));
            prop_assert_eq!(c.new_text(), side(&new, &c.new));
        }
        prop_assert!(old_seen.iter().all(|&n| n == 1), "old {:?}", old_seen);
        prop_assert!(new_seen.iter().all(|&n| n == 1), "new {:?}", new_seen);
        // Changes come in new-draft order: the first new index of each change increases.
        let firsts: Vec<usize> = changes.iter().filter_map(|c| c.new.first().copied()).collect();
        prop_assert!(firsts.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn same_input_same_output(old in draft_strategy(), new in draft_strategy()) {
        let options = AlignOptions::default();
        prop_assert_eq!(
            align::align(&old, &new, &options),
            align::align(&old, &new, &options)
        );
    }
}

#[test]
fn large_pair_is_deterministic_across_runs() {
    // Many changes take the parallel path for redlines; order must not depend on threads.
    let pair = redline::synth::edits::edited_pair(9, 400);
    let options = AlignOptions::default();
    let first = align::align(&pair.old, &pair.new, &options);
    for _ in 0..3 {
        assert_eq!(first, align::align(&pair.old, &pair.new, &options));
    }
}
