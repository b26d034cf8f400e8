//! Candidate pairs from an inverted index of informative features, never all pairs.
//!
//! A paragraph's features are its content words (stop words left out) and its word bigrams
//! and trigrams (shingles). Each feature is weighted by its rarity among the free paragraphs
//! of both sides (those not in an exact pair), `ln(1 + N / df)`: only they look features up
//! and are looked up, so a phrase common in unchanged text but rare among the edited
//! paragraphs still tells two of them apart, and unchanged text is never cut into features.
//! A paragraph looks up only its rarest features, and:
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

use rayon::prelude::*;

use crate::align::hash::FastMap;
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

/// The features of one word sequence, without duplicates, in no particular order.
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
    dedup_unordered(&mut out);
    out
}

/// Removes repeated values from `values`, keeping the first of each, in a small
/// open-addressing table: a paragraph has a few hundred features, and this is several
/// times cheaper than sorting them (their order does not matter to anyone).
fn dedup_unordered(values: &mut Vec<u64>) {
    thread_local! {
        static TABLE: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    TABLE.with_borrow_mut(|table| {
        let size = (values.len() * 2).next_power_of_two().max(8);
        table.clear();
        // Slots hold value + 1, so that 0 marks an empty slot; `u64::MAX` would wrap to 0
        // and is kept apart.
        table.resize(size, 0);
        let mask = size - 1;
        let mut seen_max = false;
        values.retain(|&v| {
            if v == u64::MAX {
                return !std::mem::replace(&mut seen_max, true);
            }
            let mut at = (v.rotate_left(17) as usize) & mask;
            loop {
                match table[at] {
                    0 => {
                        table[at] = v + 1;
                        return true;
                    }
                    x if x == v + 1 => return false,
                    _ => at = (at + 1) & mask,
                }
            }
        });
    });
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
    // Only free paragraphs look features up, are looked up, or count towards rarity.
    let free_features = |seqs: &[Vec<u32>], free: &[bool]| -> Vec<Vec<u64>> {
        seqs.par_iter()
            .zip(free)
            .map(|(s, &f)| if f { features(s, &w.stop) } else { Vec::new() })
            .collect()
    };
    let (old_features, new_features) = rayon::join(
        || free_features(&w.old, free_old),
        || free_features(&w.new, free_new),
    );

    // Dense ids for the features of free paragraphs: document frequencies and postings
    // then live in flat arrays instead of one map entry (and one vector) per feature. Each
    // paragraph's features are looked up once, here, and read by id afterwards.
    let mut slot: FastMap<u64, u32> = FastMap::default();
    let mut hash_of: Vec<u64> = Vec::new();
    for f in old_features.iter().chain(&new_features).flatten() {
        slot.entry(*f).or_insert_with(|| {
            hash_of.push(*f);
            hash_of.len() as u32 - 1
        });
    }
    let ids_of = |features: Vec<Vec<u64>>| -> Vec<Vec<u32>> {
        features
            .into_par_iter()
            .map(|fs| fs.iter().map(|f| slot[f]).collect())
            .collect()
    };
    let (old_ids, new_ids) = rayon::join(|| ids_of(old_features), || ids_of(new_features));

    let (old_index, new_index) = rayon::join(
        || Postings::new(&old_ids, slot.len()),
        || Postings::new(&new_ids, slot.len()),
    );
    // Only free paragraphs have features, so the postings count exactly them. A feature
    // found on one side only leads nowhere; its entry is 0, so that the scan of a
    // paragraph's features reads one small array, not the postings, to rule it out.
    let shared_df: Vec<u32> = (0..slot.len() as u32)
        .map(|id| {
            let (o, n) = (old_index.of(id).len(), new_index.of(id).len());
            if o > 0 && n > 0 { (o + n) as u32 } else { 0 }
        })
        .collect();
    let n = free_old.iter().chain(free_new).filter(|&&f| f).count();
    let hard_cap = (2 * limits.postings).max(n / 10);
    // The rarity of a feature found in `d` paragraphs, for every `d` a looked-up feature
    // can have.
    let idf_of: Vec<f64> = (0..=hard_cap)
        .map(|d| (1.0 + n as f64 / d.max(1) as f64).ln())
        .collect();

    let side = |ids: &[Vec<u32>],
                free: &[bool],
                guess: &[usize],
                other: &Postings,
                other_free: &[bool],
                flip: bool|
     -> Vec<(usize, usize)> {
        let other_len = other_free.len();
        let one = |scratch: &mut Scratch, p: usize| -> Vec<(usize, usize)> {
            let mut rare: Vec<(u32, u64, u32)> = ids[p]
                .iter()
                .filter_map(|&id| {
                    let d = shared_df[id as usize];
                    (d != 0 && d as usize <= hard_cap).then(|| (d, hash_of[id as usize], id))
                })
                .collect();
            // The rarest features, ties broken by the feature's hash: a total order, so
            // selecting the first few and sorting them gives what a full sort would.
            smallest(&mut rare, FEATURES_PER_PARAGRAPH, |a, b| a.cmp(b));
            let Scratch {
                score,
                met,
                met_len,
            } = scratch;
            for &(d, _, id) in &rare {
                let idf = idf_of[d as usize];
                let postings = other.of(id);
                let window = if postings.len() <= limits.postings {
                    postings
                } else {
                    // Read `limits.postings` postings centred on the expected position.
                    let at = postings.partition_point(|&q| (q as usize) < guess[p]);
                    let start = at
                        .saturating_sub(limits.postings / 2)
                        .min(postings.len() - limits.postings);
                    &postings[start..start + limits.postings]
                };
                for &q in window {
                    let s = &mut score[q as usize];
                    // Without a branch (whether a paragraph is met for the first time is
                    // unpredictable): the slot after the last paragraph met is written every
                    // time and kept only on a first meeting. Rarities are positive, so a
                    // zero score means not met yet.
                    met[*met_len] = q;
                    *met_len += usize::from(*s == 0.0);
                    *s += idf;
                }
            }
            // Read the scores back and leave the scratch zeroed for the next paragraph.
            let mut ranked: Vec<(u32, f64)> = met[..std::mem::take(met_len)]
                .iter()
                .map(|&q| (q, std::mem::take(&mut score[q as usize])))
                .collect();
            smallest(&mut ranked, limits.per_paragraph, |a, b| {
                b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
            });
            let pair = |q: usize| if flip { (q, p) } else { (p, q) };
            let mut out: Vec<(usize, usize)> =
                ranked.into_iter().map(|(q, _)| pair(q as usize)).collect();
            // The paragraphs at the expected position, for in-place edits.
            let g = guess[p];
            out.extend(
                (g.saturating_sub(1)..=g + 1)
                    .filter(|&q| q < other_len && other_free[q])
                    .map(pair),
            );
            out
        };
        (0..ids.len())
            .into_par_iter()
            .filter(|&p| free[p])
            .map_init(|| Scratch::new(other_len), one)
            .flatten_iter()
            .collect()
    };
    let mut pairs = side(&old_ids, free_old, guess_old, &new_index, free_new, false);
    pairs.extend(side(
        &new_ids, free_new, guess_new, &old_index, free_old, true,
    ));
    pairs.par_sort_unstable();
    pairs.dedup();
    Candidates { pairs }
}

/// Keeps the `k` smallest elements of `items` under `order`, sorted: what sorting and
/// truncating gives when `order` is total, without sorting the rest.
fn smallest<T>(items: &mut Vec<T>, k: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if k == 0 {
        items.clear();
        return;
    }
    if items.len() > k {
        items.select_nth_unstable_by(k - 1, &order);
        items.truncate(k);
    }
    items.sort_unstable_by(order);
}

/// Per-thread scores of the paragraphs one paragraph meets, dense over the other side:
/// a paragraph meets up to a thousand postings, and an array beats a map at that rate.
struct Scratch {
    /// Summed rarity of shared features, by paragraph of the other side; zero when not met.
    score: Vec<f64>,
    /// The paragraphs met so far, in the order first met: the first `met_len` entries (one
    /// spare slot, written and not kept).
    met: Vec<u32>,
    met_len: usize,
}

impl Scratch {
    fn new(len: usize) -> Self {
        Scratch {
            score: vec![0.0; len],
            met: vec![0; len + 1],
            met_len: 0,
        }
    }
}

/// The postings of one side: for each feature id, the free paragraphs that have it, in
/// increasing order, stored flat (compressed rows).
struct Postings {
    /// `start[id]..start[id + 1]` is the range of `paragraphs` holding feature `id`.
    start: Vec<u32>,
    paragraphs: Vec<u32>,
}

impl Postings {
    /// The postings of paragraphs whose features have the ids `ids[p]`, out of `len` ids.
    fn new(ids: &[Vec<u32>], len: usize) -> Self {
        let mut start = vec![0u32; len + 1];
        for &id in ids.iter().flatten() {
            start[id as usize + 1] += 1;
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let mut fill = start.clone();
        let mut paragraphs = vec![0u32; start[len] as usize];
        // Paragraphs in increasing order, so every row comes out sorted.
        for (p, ids) in ids.iter().enumerate() {
            for &id in ids {
                let at = &mut fill[id as usize];
                paragraphs[*at as usize] = p as u32;
                *at += 1;
            }
        }
        Postings { start, paragraphs }
    }

    fn of(&self, id: u32) -> &[u32] {
        let id = id as usize;
        &self.paragraphs[self.start[id] as usize..self.start[id + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unordered_dedup_keeps_the_first_of_each_value() {
        let mut rng = fastrand::Rng::with_seed(7);
        for len in [0, 1, 2, 7, 8, 9, 100, 700] {
            // Few distinct values, so most are repeated; the extremes of the range too.
            let mut values: Vec<u64> = (0..len)
                .map(|_| match rng.u8(0..10) {
                    0 => u64::MAX,
                    1 => 0,
                    _ => rng
                        .u64(0..len as u64 / 3 + 1)
                        .wrapping_mul(0x9E37_79B9_7F4A_7C15),
                })
                .collect();
            let mut expected = Vec::new();
            for &v in &values {
                if !expected.contains(&v) {
                    expected.push(v);
                }
            }
            dedup_unordered(&mut values);
            assert_eq!(values, expected, "{len} values");
        }
    }
}
