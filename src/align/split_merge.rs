//! Splits and merges: one paragraph on one side covered by a run of adjacent paragraphs on
//! the other.
//!
//! The same search serves both directions. For a split the "one" side is the old draft and
//! the "many" side the new one; for a merge the roles swap. A paragraph is examined when it is
//! unmatched or only weakly matched (a split's first part alone often passes as a modified
//! pair). Runs of 2 to 4 adjacent paragraphs are tried around its partner and around its
//! candidates, using only paragraphs of the many side that are still free; a run is taken when
//!
//! - the paragraph is similar to the run's concatenation, at least `min_similarity` and
//!   `gain` better than its present partner, and
//! - every member of the run is mostly drawn from the paragraph (half its weight or more),
//!   so an unrelated inserted paragraph next to a modified one is not swallowed.

use std::ops::RangeInclusive;

use rayon::prelude::*;

use crate::align::hash::FastSet;
use crate::align::similarity::{Bag, ROUNDING, Weighted};

/// Longest run tried, in paragraphs.
const MAX_RUN: usize = 4;
/// A pair at least this similar is left alone: there is no room for another part.
const SETTLED: f64 = 0.95;
/// Share of a member's weight that must come from the paragraph it is grouped with.
const MEMBER_CONTAINMENT: f64 = 0.6;
/// Members this wholly inside the paragraph need the run to beat the partner by a little only.
const CLEAR_CONTAINMENT: f64 = 0.85;
/// That little.
const SMALL_GAIN: f64 = 0.02;
/// A pair below this similarity may lose its member to a split or merge.
const WEAK: f64 = 0.75;

/// One side's view of the matching so far.
pub(crate) struct Side<'a> {
    /// Word ids of each paragraph.
    pub tokens: &'a [Vec<u32>],
    /// Total weight of each paragraph.
    pub totals: &'a [f64],
    /// Whether each paragraph is a heading (headings never split or merge).
    pub heading: &'a [bool],
    /// The partner of each paragraph in a one-to-one pair.
    pub partner: &'a mut [Option<usize>],
    /// The similarity of that pair.
    pub sim: &'a mut [f64],
    /// Whether each paragraph already belongs to a split or merge.
    pub grouped: &'a mut [bool],
}

impl Side<'_> {
    fn free(&self, p: usize) -> bool {
        self.partner[p].is_none() && !self.grouped[p] && !self.heading[p]
    }
}

/// What the members of the many side have in common with one paragraph `p`, cached per
/// member: runs overlap, and an unrelated neighbour fails before any concatenation is
/// compared.
struct Members<'a> {
    w: &'a Weighted,
    tokens: &'a [Vec<u32>],
    totals: &'a [f64],
    p_tokens: &'a [u32],
    /// The members met so far: index, the weight shared with `p` as bags of words, and the
    /// containment once computed. A paragraph meets a few dozen members at most, so a list
    /// searched in order is cheaper to build and to read than a map.
    known: Vec<(usize, f64, Option<f64>)>,
}

impl<'a> Members<'a> {
    /// The members of `many`'s side, measured against `p_tokens`.
    fn new(w: &'a Weighted, many: &Side<'a>, p_tokens: &'a [u32]) -> Self {
        Members {
            w,
            tokens: many.tokens,
            totals: many.totals,
            p_tokens,
            known: Vec::new(),
        }
    }

    /// Where member `q` is in `known`, measured on first meeting.
    fn entry(&mut self, p_words: &mut Bag, q: usize) -> usize {
        if let Some(k) = self.known.iter().position(|m| m.0 == q) {
            return k;
        }
        let shared = p_words.common(self.w, &self.tokens[q]);
        self.known.push((q, shared, None));
        self.known.len() - 1
    }

    /// The weight member `q` shares with `p` as bags of words: an upper bound of what any
    /// alignment of `q`, alone or inside a run, finds in `p`. `p_words` holds the words of
    /// `p`.
    fn shared(&mut self, p_words: &mut Bag, q: usize) -> f64 {
        let k = self.entry(p_words, q);
        self.known[k].1
    }

    /// The share of member `q`'s weight found in `p` (its LCS with `p`).
    ///
    /// Most candidates are formulaic look-alikes that share too little even as bags of
    /// words, or share words in another order; for them a bound (bag of words, then the
    /// heaviest common subsequence) stands in for the LCS, since every use of a value below
    /// `MEMBER_CONTAINMENT` only asks whether it reaches `MEMBER_CONTAINMENT`.
    fn containment(&mut self, p_words: &mut Bag, q: usize) -> f64 {
        let k = self.entry(p_words, q);
        if let Some(c) = self.known[k].2 {
            return c;
        }
        let total = self.totals[q];
        let c = if total <= 0.0 {
            1.0
        } else {
            let (q_tokens, p_tokens) = (&self.tokens[q], self.p_tokens);
            let bag = self.known[k].1 / total;
            if bag < MEMBER_CONTAINMENT - ROUNDING {
                bag
            } else {
                let heaviest = self.w.heaviest_common_weight(q_tokens, p_tokens) / total;
                if heaviest < MEMBER_CONTAINMENT - ROUNDING {
                    heaviest
                } else {
                    self.w.lcs_weight(q_tokens, p_tokens) / total
                }
            }
        };
        self.known[k].2 = Some(c);
        c
    }
}

/// Whether paragraph `q` of the many side can join a run for a paragraph whose partner is
/// `partner`: when it is free, when it is that partner, or when it is only weakly paired
/// elsewhere (a short part of a split easily meets a formulaic look-alike at 0.5, and must
/// be won back from it).
fn usable(many: &Side, partner: Option<usize>, q: usize) -> bool {
    many.free(q)
        || Some(q) == partner
        || (!many.grouped[q] && !many.heading[q] && many.sim[q] < WEAK)
}

/// Whether paragraph `q` of the many side has a usable neighbour: without one it cannot be
/// part of any run of two or more, and its containment is never asked for.
fn has_usable_neighbour(many: &Side, partner: Option<usize>, q: usize) -> bool {
    (q > 0 && usable(many, partner, q - 1))
        || (q + 1 < many.tokens.len() && usable(many, partner, q + 1))
}

/// Whether candidate `q` may seed runs for a paragraph whose partner is `partner`, given
/// that it belongs to the paragraph (its containment, asked only then): usable, with a
/// usable neighbour, and not the partner, which seeds runs anyway. The partner's own
/// containment is never asked for (a run keeps it whatever it holds), and on a modified
/// pair it is the costliest to measure: a similar paragraph passes every bound and takes
/// the full LCS.
fn seeds_run(many: &Side, partner: Option<usize>, q: usize) -> bool {
    Some(q) != partner && usable(many, partner, q) && has_usable_neighbour(many, partner, q)
}

/// A group found: the paragraph on the one side, the run on the many side, the similarity.
pub(crate) type Group = (usize, RangeInclusive<usize>, f64);

/// Finds groups of one paragraph of `one` against runs of `many`; `candidates[p]` lists the
/// candidate partners of `one`'s paragraph `p`. Updates both sides' matching.
pub(crate) fn group(
    w: &Weighted,
    one: &mut Side,
    many: &mut Side,
    candidates: &[Vec<usize>],
    min_similarity: f64,
    gain: f64,
) -> Vec<Group> {
    let examined = |one: &Side, p: usize| {
        !(one.grouped[p] || one.heading[p] || one.tokens[p].is_empty())
            && one.partner[p].map_or(0.0, |_| one.sim[p]) < SETTLED
    };
    // Containment is a pure function of the two paragraphs and the costliest part of the
    // search, so it is computed first, in parallel, for every paragraph the loop below will
    // examine against every candidate usable now. The loop reads these caches; the few
    // values that groups found on the way make necessary are computed when asked.
    let mut cached: Vec<Option<Members>> = {
        let (one, many): (&Side, &Side) = (one, many);
        (0..candidates.len())
            .into_par_iter()
            .map_init(
                || w.bag(),
                |p_words, p| {
                    if !examined(one, p) {
                        return None;
                    }
                    let partner = one.partner[p];
                    let mut members = Members::new(w, many, &one.tokens[p]);
                    p_words.load(&one.tokens[p]);
                    for &q in &candidates[p] {
                        if seeds_run(many, partner, q) {
                            members.containment(p_words, q);
                        }
                    }
                    p_words.unload(&one.tokens[p]);
                    Some(members)
                },
            )
            .collect()
    };
    let mut found = Vec::new();
    let mut p_words = w.bag();
    for (p, candidates) in candidates.iter().enumerate() {
        if !examined(one, p) {
            continue;
        }
        p_words.load(&one.tokens[p]);
        let partner = one.partner[p];
        let base = partner.map_or(0.0, |_| one.sim[p]);
        let usable = |q: usize| usable(many, partner, q);
        let len = many.tokens.len();
        let mut members = cached[p]
            .take()
            .unwrap_or_else(|| Members::new(w, many, &one.tokens[p]));
        let mut seeds: Vec<usize> = partner.into_iter().collect();
        seeds.extend(candidates.iter().copied().filter(|&q| {
            seeds_run(many, partner, q)
                && members.containment(&mut p_words, q) >= MEMBER_CONTAINMENT
        }));
        let mut tried: FastSet<(usize, usize)> = FastSet::default();
        let mut best: Option<Group> = None;
        for s in seeds {
            // No run of two without a usable neighbour (the partner may have none).
            if !has_usable_neighbour(many, partner, s) {
                continue;
            }
            let mut lo = s;
            while lo > 0 && s - lo < MAX_RUN - 1 && usable(lo - 1) {
                lo -= 1;
            }
            let mut hi = s;
            while hi + 1 < len && hi - s < MAX_RUN - 1 && usable(hi + 1) {
                hi += 1;
            }
            for a in lo..=s {
                for b in s.max(a + 1)..=hi.min(a + MAX_RUN - 1) {
                    if !tried.insert((a, b)) {
                        continue;
                    }
                    // Each member must be drawn from `p`: its share of weight found in `p`.
                    // A member taken from another pair must belong to `p` clearly better.
                    let mut weakest = f64::INFINITY;
                    let members_belong = (a..=b).all(|q| {
                        if Some(q) == partner {
                            return true;
                        }
                        let c = members.containment(&mut p_words, q);
                        weakest = weakest.min(c);
                        let elsewhere = many.partner[q].map_or(0.0, |_| many.sim[q]);
                        c >= MEMBER_CONTAINMENT && c >= elsewhere + gain
                    });
                    if !members_belong {
                        continue;
                    }
                    // The whole run must beat the present partner: by `gain`, or by a little
                    // when every added member lies almost wholly inside `p` (a short sentence
                    // split off a long paragraph adds little to the similarity).
                    let needed = if weakest >= CLEAR_CONTAINMENT {
                        base + SMALL_GAIN
                    } else {
                        base + gain
                    };
                    // Bag-of-words bound of the run's similarity (shared weight is
                    // subadditive over the members): a run that cannot reach the bar or beat
                    // the best run so far is not compared word by word.
                    let (common, run_total) = (a..=b).fold((0.0, 0.0), |(c, t), q| {
                        (c + members.shared(&mut p_words, q), t + many.totals[q])
                    });
                    let p_total = one.totals[p];
                    let bound = if p_total + run_total <= 0.0 {
                        1.0
                    } else {
                        2.0 * common / (p_total + run_total)
                    };
                    let bar = needed.max(min_similarity);
                    if bound < bar - ROUNDING
                        || best.as_ref().is_some_and(|g| bound < g.2 - ROUNDING)
                    {
                        continue;
                    }
                    let joined: Vec<u32> = (a..=b)
                        .flat_map(|q| many.tokens[q].iter().copied())
                        .collect();
                    let sim = w.lcs_similarity(&one.tokens[p], &joined);
                    let better = best.as_ref().is_none_or(|g| sim > g.2);
                    if better && sim >= min_similarity && sim >= needed {
                        best = Some((p, a..=b, sim));
                    }
                }
            }
        }
        if let Some((p, run, sim)) = best {
            if let Some(q) = partner {
                many.partner[q] = None;
            }
            one.partner[p] = None;
            one.grouped[p] = true;
            for q in run.clone() {
                if let Some(r) = many.partner[q].take() {
                    // A member won back from a weak pair: its old partner is left alone.
                    one.partner[r] = None;
                }
                many.grouped[q] = true;
            }
            found.push((p, run, sim));
        }
        p_words.unload(&one.tokens[p]);
    }
    found
}
