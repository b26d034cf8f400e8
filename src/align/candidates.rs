//! Candidate pairs from an inverted index of informative features, never all pairs.
//!
//! A paragraph's features are its content words (stop words left out) and its word bigrams
//! and trigrams (shingles). Each feature is weighted by its rarity over both drafts,
//! `ln(1 + N / df)`. A paragraph looks up only its rarest features, and:
//!
//! - a feature in more than `max(2·cap, N/10)` paragraphs is skipped: it is formula
//!   ("We recognize the", "Member States to"), not content;
//! - a feature with more than `cap` postings is looked up only in a window of `cap` postings
//!   around the paragraph's expected position on the other side, so near-identical formulaic
//!   paragraphs still meet their neighbours without a quadratic scan;
//! - the candidates met are ranked by the summed rarity of shared features and the best few
//!   kept.
//!
//! Each paragraph also meets the paragraphs at its expected position (from the nearest exact
//! anchor before it), which catches in-place edits even when every feature is common.

use std::collections::HashMap;

use crate::align::similarity::Weighted;

/// How many of its rarest features a paragraph looks up.
const FEATURES_PER_PARAGRAPH: usize = 24;

/// Tuning of the candidate search.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Candidates kept per paragraph.
    pub per_paragraph: usize,
    /// Postings read per feature.
    pub postings: usize,
}

/// Candidate partners: for each old paragraph the new ones, and the reverse.
pub(crate) struct Candidates {
    /// Candidate pairs (old, new), sorted, without duplicates.
    pub pairs: Vec<(usize, usize)>,
}

fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29)
}

/// The features of one word sequence, sorted and without duplicates.
fn features(seq: &[u32], stop: &[bool]) -> Vec<u64> {
    let mut out = Vec::with_capacity(seq.len() * 3);
    for (k, &t) in seq.iter().enumerate() {
        if !stop[t as usize] {
            out.push(mix(1, u64::from(t)));
        }
        if k + 1 < seq.len() {
            out.push(mix(mix(2, u64::from(t)), u64::from(seq[k + 1])));
        }
        if k + 2 < seq.len() {
            out.push(mix(
                mix(mix(3, u64::from(t)), u64::from(seq[k + 1])),
                u64::from(seq[k + 2]),
            ));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Finds candidate pairs among the free paragraphs (`free_old`, `free_new`); `guess_old[i]`
/// is where old paragraph `i` would stand in the new draft if it stayed in place, and
/// `guess_new` the reverse.
pub(crate) fn find(
    w: &Weighted,
    free_old: &[bool],
    free_new: &[bool],
    guess_old: &[usize],
    guess_new: &[usize],
    limits: Limits,
) -> Candidates {
    let old_features: Vec<Vec<u64>> = w.old.iter().map(|s| features(s, &w.stop)).collect();
    let new_features: Vec<Vec<u64>> = w.new.iter().map(|s| features(s, &w.stop)).collect();
    let mut df: HashMap<u64, u32> = HashMap::new();
    for f in old_features.iter().chain(&new_features).flatten() {
        *df.entry(*f).or_default() += 1;
    }
    let n = old_features.len() + new_features.len();
    let hard_cap = (2 * limits.postings).max(n / 10);

    let index = |features: &[Vec<u64>], free: &[bool]| {
        let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
        for (p, fs) in features.iter().enumerate() {
            if free[p] {
                for f in fs {
                    index.entry(*f).or_default().push(p as u32);
                }
            }
        }
        index
    };
    let old_index = index(&old_features, free_old);
    let new_index = index(&new_features, free_new);

    let mut pairs = Vec::new();
    let side = |features: &[Vec<u64>],
                free: &[bool],
                guess: &[usize],
                other: &HashMap<u64, Vec<u32>>,
                other_free: &[bool],
                pairs: &mut Vec<(usize, usize)>,
                flip: bool| {
        let other_len = other_free.len();
        for (p, fs) in features.iter().enumerate() {
            if !free[p] {
                continue;
            }
            let mut rare: Vec<(u32, u64)> = fs
                .iter()
                .filter_map(|f| {
                    let d = df[f];
                    (d as usize <= hard_cap && other.contains_key(f)).then_some((d, *f))
                })
                .collect();
            rare.sort_unstable();
            rare.truncate(FEATURES_PER_PARAGRAPH);
            let mut score: HashMap<u32, f64> = HashMap::new();
            for (d, f) in rare {
                let idf = (1.0 + n as f64 / f64::from(d)).ln();
                let postings = &other[&f];
                let window = if postings.len() <= limits.postings {
                    postings.as_slice()
                } else {
                    // Read `limits.postings` postings centred on the expected position.
                    let at = postings.partition_point(|&q| (q as usize) < guess[p]);
                    let start = at
                        .saturating_sub(limits.postings / 2)
                        .min(postings.len() - limits.postings);
                    &postings[start..start + limits.postings]
                };
                for &q in window {
                    *score.entry(q).or_default() += idf;
                }
            }
            let mut ranked: Vec<(u32, f64)> = score.into_iter().collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked.truncate(limits.per_paragraph);
            let mut add = |q: usize| {
                pairs.push(if flip { (q, p) } else { (p, q) });
            };
            for (q, _) in ranked {
                add(q as usize);
            }
            // The paragraphs at the expected position, for in-place edits.
            let g = guess[p];
            (g.saturating_sub(1)..=g + 1)
                .filter(|&q| q < other_len && other_free[q])
                .for_each(&mut add);
        }
    };
    side(
        &old_features,
        free_old,
        guess_old,
        &new_index,
        free_new,
        &mut pairs,
        false,
    );
    side(
        &new_features,
        free_new,
        guess_new,
        &old_index,
        free_old,
        &mut pairs,
        true,
    );
    pairs.sort_unstable();
    pairs.dedup();
    Candidates { pairs }
}
