//! Accuracy of the paragraph alignment on seeded draft pairs with known edits, and a guard
//! against quadratic behaviour on near-identical formulaic paragraphs.
//!
//! Run `cargo test --release --test align_accuracy -- --nocapture` to see the numbers.

use std::collections::BTreeSet;

use redline::align::{self, AlignOptions};
use redline::synth::draft::{OPENERS, document_from, sentence};
use redline::synth::edits::{EditedPair, edited_pair};
use redline::{Change, ChangeKind, ParagraphKind};

const SEEDS: u64 = 30;
const PARAGRAPHS: usize = 150;

/// Pairs (old, new) implied by the changes, split and merge members included.
fn pairs(changes: &[Change]) -> BTreeSet<(usize, usize)> {
    changes
        .iter()
        .flat_map(|c| {
            c.old
                .iter()
                .flat_map(move |&o| c.new.iter().map(move |&n| (o, n)))
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    predicted: usize,
    truth: usize,
    correct: usize,
    moves: usize,
    moves_found: usize,
    groups: usize,
    groups_found: usize,
}

fn measure(pair: &EditedPair, tally: &mut Tally, verbose: bool) {
    let changes = align::align(&pair.old, &pair.new, &AlignOptions::default());
    let predicted = pairs(&changes);
    let truth = &pair.truth.pairs;
    tally.predicted += predicted.len();
    tally.truth += truth.len();
    tally.correct += predicted.intersection(truth).count();
    let reported = |kind: ChangeKind, old: &[usize], new: &[usize]| {
        changes
            .iter()
            .any(|c| c.kind == kind && c.old == old && c.new == new)
    };
    for t in &pair.truth.changes {
        let found = reported(t.kind, &t.old, &t.new);
        match t.kind {
            ChangeKind::Moved => {
                tally.moves += 1;
                tally.moves_found += usize::from(found);
            }
            ChangeKind::Split | ChangeKind::Merged => {
                tally.groups += 1;
                tally.groups_found += usize::from(found);
            }
            _ => {}
        }
        if verbose && !found && t.kind != ChangeKind::Unchanged {
            eprintln!("  missed {:?} old {:?} new {:?}", t.kind, t.old, t.new);
        }
    }
    if verbose {
        for p in predicted.difference(truth) {
            eprintln!("  wrong pair {p:?}");
        }
    }
}

#[test]
fn precision_recall_moves_and_groups_on_seeded_pairs() {
    let verbose = std::env::var_os("REDLINE_ALIGN_VERBOSE").is_some();
    let mut tally = Tally::default();
    for seed in 0..SEEDS {
        if verbose {
            eprintln!("seed {seed}");
        }
        measure(&edited_pair(seed, PARAGRAPHS), &mut tally, verbose);
    }
    let precision = tally.correct as f64 / tally.predicted as f64;
    let recall = tally.correct as f64 / tally.truth as f64;
    let moves = tally.moves_found as f64 / tally.moves as f64;
    let groups = tally.groups_found as f64 / tally.groups as f64;
    println!(
        "{SEEDS} seeds × {PARAGRAPHS} paragraphs: precision {precision:.4} ({}/{}), recall {recall:.4} ({}/{}), \
         moves reported {moves:.4} ({}/{}), splits+merges grouped {groups:.4} ({}/{})",
        tally.correct,
        tally.predicted,
        tally.correct,
        tally.truth,
        tally.moves_found,
        tally.moves,
        tally.groups_found,
        tally.groups
    );
    assert!(precision >= 0.98, "precision {precision}");
    assert!(recall >= 0.98, "recall {recall}");
    assert!(moves >= 0.95, "moves {moves}");
    assert!(groups >= 0.90, "splits and merges {groups}");
}

/// 3000 one-sentence paragraphs from the same small vocabulary, all opening with the same
/// formula, shuffled and a tenth lightly edited: every feature is common, which is where a
/// naive index degrades into comparing everything with everything.
#[test]
fn near_identical_formulaic_paragraphs_are_not_quadratic() {
    const N: usize = 3000;
    let mut rng = fastrand::Rng::with_seed(42);
    let texts: Vec<String> = (0..N)
        .map(|_| format!("{} {}.", OPENERS[0], sentence(&mut rng)))
        .collect();
    let mut shuffled = texts.clone();
    rng.shuffle(&mut shuffled);
    for t in shuffled.iter_mut().step_by(10) {
        *t = t.replacen(" to ", " to further ", 1);
    }
    let doc = |texts: Vec<String>| {
        document_from(
            "formulaic.txt".into(),
            texts
                .into_iter()
                .enumerate()
                .map(|(k, t)| (Some((k + 1).to_string()), ParagraphKind::Numbered, t))
                .collect(),
        )
    };
    let (old, new) = (doc(texts), doc(shuffled));
    let changes = align::align(&old, &new, &AlignOptions::default());
    let mut old_seen = vec![0; N];
    let mut new_seen = vec![0; N];
    for c in &changes {
        c.old.iter().for_each(|&i| old_seen[i] += 1);
        c.new.iter().for_each(|&j| new_seen[j] += 1);
    }
    assert!(old_seen.iter().chain(&new_seen).all(|&n| n == 1));
}

/// Accuracy does not wear off with size: the caps that keep candidate search linear must not
/// cost pairs on a long draft (3,000 numbered paragraphs; the benchmarks time 15,000).
#[test]
fn accuracy_holds_at_three_thousand_paragraphs() {
    let pair = edited_pair(1, 3_000);
    let changes = align::align(&pair.old, &pair.new, &AlignOptions::default());
    let predicted = pairs(&changes);
    let correct = predicted.intersection(&pair.truth.pairs).count();
    let precision = correct as f64 / predicted.len() as f64;
    let recall = correct as f64 / pair.truth.pairs.len() as f64;
    println!("3,000 paragraphs: precision {precision:.4}, recall {recall:.4}");
    assert!(precision >= 0.98, "precision {precision:.4}");
    assert!(recall >= 0.98, "recall {recall:.4}");
}
