//! Accuracy of reinstated-language detection on seeded three-draft histories.
//!
//! Over 30 seeds of `synth::history::history`, at least 95% of the planted reinstatements
//! must be found (recall) and at most 5% of the reports may be false (precision ≥ 95%).
//! Run with `cargo test --test history_accuracy -- --nocapture` to see the numbers.

use std::collections::HashSet;

use redline::align::AlignOptions;
use redline::history;
use redline::synth::history::history as synth_history;
use redline::{Reinstatement, TopicEffect};

const SEEDS: u64 = 30;
const PARAGRAPHS: usize = 120;

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A report finds a planted reinstatement when it names the same drafts and paragraphs,
/// the same kind (phrase or whole paragraph), and essentially the same text: at least 80%
/// of the planted words, and not more than half as many words again.
fn finds(report: &Reinstatement, truth: &Reinstatement) -> bool {
    let (r, t) = (words(&report.text), words(&truth.text));
    let in_report: HashSet<&String> = r.iter().collect();
    let covered = t.iter().filter(|w| in_report.contains(w)).count();
    report.removed_in == truth.removed_in
        && report.reinstated_in == truth.reinstated_in
        && report.from == truth.from
        && report.to == truth.to
        && report.whole_paragraph == truth.whole_paragraph
        && covered as f64 >= 0.8 * t.len() as f64
        && r.len() as f64 <= 1.5 * t.len() as f64 + 2.0
}

#[test]
fn reinstatement_recall_and_precision_on_synthetic_histories() {
    // Keeps the TopicEffect import honest: reinstatement is one of the effects topics report.
    assert_eq!(TopicEffect::Reinstated.as_str(), "reinstated");
    let (mut planted, mut found, mut reports, mut false_reports) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    let mut falses = Vec::new();
    let start = std::time::Instant::now();
    for seed in 0..SEEDS {
        let synth = synth_history(seed, PARAGRAPHS);
        let h = history::build(synth.drafts, &AlignOptions::default());
        let mut used = vec![false; h.reinstated.len()];
        for t in &synth.expected {
            planted += 1;
            match (0..h.reinstated.len()).find(|&k| !used[k] && finds(&h.reinstated[k], t)) {
                Some(k) => {
                    used[k] = true;
                    found += 1;
                }
                None => misses.push((seed, t.clone())),
            }
        }
        reports += h.reinstated.len();
        for (k, r) in h.reinstated.iter().enumerate() {
            if !used[k] {
                false_reports += 1;
                falses.push((seed, r.clone()));
            }
        }
    }
    let recall = found as f64 / planted as f64;
    let false_rate = false_reports as f64 / reports.max(1) as f64;
    println!(
        "reinstated over {SEEDS} seeds × {PARAGRAPHS} paragraphs: planted {planted}, found {found} \
         (recall {:.1}%), reports {reports}, false {false_reports} ({:.1}%), {:.2?}",
        100.0 * recall,
        100.0 * false_rate,
        start.elapsed()
    );
    for (seed, t) in misses.iter().take(10) {
        println!("missed (seed {seed}): {t:?}");
    }
    for (seed, r) in falses.iter().take(10) {
        println!("false (seed {seed}): {r:?}");
    }
    assert!(recall >= 0.95, "recall {recall:.3} below 0.95");
    assert!(
        false_rate <= 0.05,
        "false reports {false_rate:.3} above 0.05"
    );
}
