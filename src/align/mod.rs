//! Align two drafts: pair every paragraph with its counterpart and redline each pair.
//!
//! Paragraphs are compared by their `key` and displayed by their `text`. The alignment never
//! compares every paragraph with every other:
//!
//! 1. **Anchors.** Keys equal on both sides (unique on both, or repeated the same number of
//!    times and then paired in order) are fixed pairs, as in patience diff.
//! 2. **Candidates** for the rest come from an inverted index of rare words and word shingles
//!    (the `candidates` module), plus the paragraphs at each one's expected position.
//! 3. **Scoring**: cheap bounds first (weights, bag of words, heaviest common
//!    subsequence), then the IDF-weighted word LCS ([`similarity`]). Pairs below
//!    `min_similarity` are dropped: an unrelated paragraph in the same place is a deletion
//!    plus an insertion.
//! 4. **Assignment**: greedily by similarity, best first, with a small bonus for pairs at the
//!    expected position, each paragraph used once.
//!    Headings then follow their content ([`sections`]): a heading pair whose sections share
//!    no paragraph is undone, and a free heading is paired with the heading of the section
//!    its paragraphs went to (a renumbered "Article 3 ter" with "Article 6").
//! 5. **Splits and merges**: paragraphs left unmatched or weakly matched are tested against
//!    runs of adjacent free paragraphs on the other side.
//! 6. **Order**: the heaviest order-preserving chain of the one-to-one pairs (a weighted LIS)
//!    stays in place (`unchanged` or `modified`); pairs off the chain crossed it and are
//!    `moved`. A paragraph that only shifted because text was added before it stays on the
//!    chain.
//! 7. **Redlines** of the pairs, in parallel when there are many.

mod candidates;
mod chain;
mod hash;
mod sections;
mod segment;
pub mod similarity;
mod split_merge;
pub mod words;

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::{
    Change, ChangeKind, Comparison, Document, PARAGRAPH_BREAK, ParagraphKind, Span, SpanOp,
};
use similarity::Weighted;

/// Options that change the answer of the alignment (never its look).
#[derive(Debug, Clone, PartialEq)]
pub struct AlignOptions {
    /// The similarity at or above which two paragraphs count as the same paragraph.
    pub min_similarity: f64,
    /// The similarity two headings need to pair when their labels differ; short texts share
    /// half their words by chance, so this is stricter than `min_similarity`.
    pub heading_similarity: f64,
    /// How much better than a paragraph's present partner a run of adjacent paragraphs must
    /// match it to be reported as a split or merge (a little less is enough when every added
    /// member lies almost wholly inside the paragraph); also how much better a member must
    /// belong to the paragraph than to a weak pair it is taken from.
    pub split_merge_gain: f64,
    /// Bonus added, for the assignment only, to a pair standing where the paragraph would be
    /// had it stayed in place; breaks near-ties between formulaic look-alikes.
    pub locality_bonus: f64,
    /// Candidate partners kept per paragraph from the index.
    pub candidates_per_paragraph: usize,
    /// Postings read per index feature; more common features are read near the expected
    /// position only.
    pub max_postings: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_similarity: 0.5,
            heading_similarity: 0.7,
            split_merge_gain: 0.1,
            locality_bonus: 0.05,
            candidates_per_paragraph: 8,
            max_postings: 48,
        }
    }
}

/// Aligns `old` and `new` into a [`Comparison`]. Two published UN documents first share
/// their evidence for repairing extraction artefacts in their keys
/// ([`crate::parse::normalize::repair_split_words_together`]).
pub fn compare(old: Document, new: Document, options: &AlignOptions) -> Comparison {
    let mut pair = [old, new];
    crate::parse::normalize::repair_split_words_together(&mut pair);
    let [old, new] = pair;
    let changes = align(&old, &new, options);
    Comparison { old, new, changes }
}

/// Below this many changes the redlines are computed on one thread.
const PARALLEL_FROM: usize = 64;

/// One change before its redline: kind, paragraph indices, similarity.
struct Draft {
    kind: ChangeKind,
    old: Vec<usize>,
    new: Vec<usize>,
    similarity: f64,
}

/// Aligns two documents into changes in new-draft order, deleted paragraphs where they stood.
///
/// Every paragraph of both documents is in exactly one change; the same input always gives
/// the same output.
pub fn align(old: &Document, new: &Document, options: &AlignOptions) -> Vec<Change> {
    let (n, m) = (old.paragraphs.len(), new.paragraphs.len());
    let groups = KeyGroups::of(old, new);
    // A new paragraph whose key some old paragraph has takes that paragraph's words. Each
    // paragraph's key is known by its group's number from here on: two keys are equal when
    // their numbers are, and whole paragraphs are not compared again.
    let mut copy_of: Vec<Option<usize>> = vec![None; m];
    let (mut old_key, mut new_key) = (vec![0u32; n], vec![0u32; m]);
    for (g, (olds, news)) in groups.groups().enumerate() {
        for i in olds.iter().map(KeyGroups::index) {
            old_key[i] = g as u32;
        }
        for j in news.iter().map(KeyGroups::index) {
            new_key[j] = g as u32;
        }
        if let Some(i) = olds.first().map(KeyGroups::index) {
            for j in news.iter().map(KeyGroups::index) {
                copy_of[j] = Some(i);
            }
        }
    }
    let same_key = |i: usize, j: usize| old_key[i] == new_key[j];
    let w = Weighted::with_copies(
        old.paragraphs.iter().map(|p| p.key()),
        new.paragraphs.iter().map(|p| p.key()),
        &copy_of,
    );
    let old_heading: Vec<bool> = old
        .paragraphs
        .iter()
        .map(|p| p.kind == ParagraphKind::Heading)
        .collect();
    let new_heading: Vec<bool> = new
        .paragraphs
        .iter()
        .map(|p| p.kind == ParagraphKind::Heading)
        .collect();

    let mut old_partner: Vec<Option<usize>> = vec![None; n];
    let mut new_partner: Vec<Option<usize>> = vec![None; m];
    let mut old_sim = vec![0.0; n];
    let mut new_sim = vec![0.0; m];

    // 1. Anchors.
    let anchors = anchors(&groups, &old_heading, &new_heading);
    drop(groups);
    for &(i, j) in &anchors {
        old_partner[i] = Some(j);
        new_partner[j] = Some(i);
        old_sim[i] = 1.0;
        new_sim[j] = 1.0;
    }

    // 2. Candidates among the rest, with expected positions from the anchors that are in order.
    let (guess_old, guess_new) = guesses(&anchors, n, m);
    let free_old: Vec<bool> = old_partner.iter().map(Option::is_none).collect();
    let free_new: Vec<bool> = new_partner.iter().map(Option::is_none).collect();
    let found = candidates::find(
        &w,
        &free_old,
        &free_new,
        &guess_old,
        &guess_new,
        candidates::Limits {
            per_paragraph: options.candidates_per_paragraph,
            postings: options.max_postings,
        },
    );
    let compatible: Vec<(usize, usize)> = found
        .pairs
        .into_iter()
        .filter(|&(i, j)| old_heading[i] == new_heading[j])
        .collect();
    let mut old_candidates: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut new_candidates: Vec<Vec<usize>> = vec![Vec::new(); m];
    for &(i, j) in &compatible {
        old_candidates[i].push(j);
        new_candidates[j].push(i);
    }

    // 3. Scoring, cheapest test first: the weights alone (what two paragraphs share weighs
    // no more than the lighter one), the bag of words, the heaviest common subsequence (a
    // bound too, cheaper than the LCS on unrelated paragraphs: formulaic look-alikes share
    // many words, in another order), then the LCS. The bounds are summed in other orders
    // than the LCS, hence the rounding slack.
    let threshold = |i: usize, j: usize| {
        if old_heading[i] {
            let same_label = old.paragraphs[i].label.is_some()
                && old.paragraphs[i].label == new.paragraphs[j].label;
            if same_label {
                options.min_similarity
            } else {
                options.heading_similarity
            }
        } else {
            options.min_similarity
        }
    };
    let score = |bag: &mut similarity::Bag, &(i, j): &(usize, usize)| {
        let bar = threshold(i, j);
        let t = bar - similarity::ROUNDING;
        let total = w.old_total[i] + w.new_total[j];
        if total > 0.0 {
            let bound = |common: f64| 2.0 * common / total;
            let (a, b) = (&w.old[i], &w.new[j]);
            if bound(w.old_total[i].min(w.new_total[j])) < t
                || bound(bag.common(&w, b)) < t
                || bound(w.heaviest_common_weight(a, b)) < t
            {
                return None;
            }
        }
        let sim = w.lcs_similarity(&w.old[i], &w.new[j]);
        (sim >= bar).then_some((i, j, sim))
    };
    // The pairs come sorted by old paragraph: each one's words are counted once for all its
    // candidates.
    let by_old: Vec<&[(usize, usize)]> = compatible.chunk_by(|a, b| a.0 == b.0).collect();
    let mut scored: Vec<(usize, usize, f64)> = by_old
        .par_iter()
        .map_init(
            || w.bag(),
            |bag, pairs| {
                let old_words = &w.old[pairs[0].0];
                bag.load(old_words);
                let found: Vec<(usize, usize, f64)> =
                    pairs.iter().filter_map(|p| score(bag, p)).collect();
                bag.unload(old_words);
                found
            },
        )
        .flatten_iter()
        .collect();

    // 4. Greedy one-to-one assignment, best first.
    let effective = |&(i, j, sim): &(usize, usize, f64)| {
        if guess_old[i].abs_diff(j) <= 1 {
            sim + options.locality_bonus
        } else {
            sim
        }
    };
    scored.sort_by(|a, b| {
        effective(b)
            .total_cmp(&effective(a))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    for &(i, j, sim) in &scored {
        if old_partner[i].is_none() && new_partner[j].is_none() {
            old_partner[i] = Some(j);
            new_partner[j] = Some(i);
            old_sim[i] = sim;
            new_sim[j] = sim;
        }
    }

    let regrouped = sections::follow_content(
        &old_heading,
        &new_heading,
        &mut old_partner,
        &mut new_partner,
        same_key,
    );
    for (sim, partner) in [(&mut old_sim, &old_partner), (&mut new_sim, &new_partner)] {
        for (s, p) in sim.iter_mut().zip(partner) {
            if p.is_none() {
                *s = 0.0;
            }
        }
    }
    for (i, j) in regrouped {
        let sim = w.lcs_similarity(&w.old[i], &w.new[j]);
        old_sim[i] = sim;
        new_sim[j] = sim;
    }

    // 5. Splits, then merges.
    let mut old_grouped = vec![false; n];
    let mut new_grouped = vec![false; m];
    let splits = {
        let mut one = split_merge::Side {
            tokens: &w.old,
            totals: &w.old_total,
            heading: &old_heading,
            partner: &mut old_partner,
            sim: &mut old_sim,
            grouped: &mut old_grouped,
        };
        let mut many = split_merge::Side {
            tokens: &w.new,
            totals: &w.new_total,
            heading: &new_heading,
            partner: &mut new_partner,
            sim: &mut new_sim,
            grouped: &mut new_grouped,
        };
        split_merge::group(
            &w,
            &mut one,
            &mut many,
            &old_candidates,
            options.min_similarity,
            options.split_merge_gain,
        )
    };
    let merges = {
        let mut one = split_merge::Side {
            tokens: &w.new,
            totals: &w.new_total,
            heading: &new_heading,
            partner: &mut new_partner,
            sim: &mut new_sim,
            grouped: &mut new_grouped,
        };
        let mut many = split_merge::Side {
            tokens: &w.old,
            totals: &w.old_total,
            heading: &old_heading,
            partner: &mut old_partner,
            sim: &mut old_sim,
            grouped: &mut old_grouped,
        };
        split_merge::group(
            &w,
            &mut one,
            &mut many,
            &new_candidates,
            options.min_similarity,
            options.split_merge_gain,
        )
    };

    // 6. In place or moved: the heaviest order-preserving chain of one-to-one pairs. The
    // weight counts pairs first (the fewest paragraphs are called moved) and similarity second.
    let pairs: Vec<chain::Pair> = (0..n)
        .filter_map(|i| old_partner[i].map(|j| (i, j, 1.0 + old_sim[i])))
        .collect();
    let mut in_place = vec![false; n];
    for k in chain::heaviest_chain(&pairs) {
        in_place[pairs[k].0] = true;
    }

    // Changes in new-draft order.
    let mut drafts: Vec<Draft> = Vec::with_capacity(n + m);
    let mut new_group: Vec<Option<Draft>> = (0..m).map(|_| None).collect();
    for (i, run, sim) in splits {
        let start = *run.start();
        new_group[start] = Some(Draft {
            kind: ChangeKind::Split,
            old: vec![i],
            new: run.collect(),
            similarity: sim,
        });
    }
    let mut merged_new: HashMap<usize, Draft> = HashMap::new();
    for (j, run, sim) in merges {
        merged_new.insert(
            j,
            Draft {
                kind: ChangeKind::Merged,
                old: run.collect(),
                new: vec![j],
                similarity: sim,
            },
        );
    }
    for j in 0..m {
        if let Some(d) = new_group[j].take() {
            drafts.push(d);
        } else if let Some(d) = merged_new.remove(&j) {
            drafts.push(d);
        } else if new_grouped[j] {
            // A later member of a split, already in the split's change.
        } else if let Some(i) = new_partner[j] {
            let same = same_key(i, j);
            let kind = if !in_place[i] {
                ChangeKind::Moved
            } else if same {
                ChangeKind::Unchanged
            } else {
                ChangeKind::Modified
            };
            drafts.push(Draft {
                kind,
                old: vec![i],
                new: vec![j],
                similarity: if same { 1.0 } else { new_sim[j] },
            });
        } else {
            drafts.push(Draft {
                kind: ChangeKind::Inserted,
                old: vec![],
                new: vec![j],
                similarity: 0.0,
            });
        }
    }
    let drafts = place_deletions(drafts, n);

    let redline = |d: Draft| change(old, new, d);
    if drafts.len() >= PARALLEL_FROM {
        drafts.into_par_iter().map(redline).collect()
    } else {
        drafts.into_iter().map(redline).collect()
    }
}

/// A paragraph in [`KeyGroups`]: the hash of its key, its side and index packed by
/// [`KeyGroups::pack`].
type KeyEntry = (u64, u64);

/// The paragraphs of both drafts grouped by key, without a map: every paragraph's key is
/// hashed (in parallel; keys are whole paragraphs), the (hash, side, index) entries sorted,
/// and each run of one key is a group, its old paragraphs first, each side in order.
struct KeyGroups {
    /// The paragraphs, sorted.
    entries: Vec<KeyEntry>,
    /// Each group's range of `entries`.
    runs: Vec<std::ops::Range<usize>>,
}

impl KeyGroups {
    /// A new paragraph's entry sorts after every old one of the same key.
    const NEW: u64 = 1 << 32;

    fn pack(new_side: bool, index: usize) -> u64 {
        if new_side {
            Self::NEW | index as u64
        } else {
            index as u64
        }
    }

    fn of(old: &Document, new: &Document) -> Self {
        use std::hash::BuildHasher;
        Self::hashed_by(old, new, |key| hash::FastBuild::default().hash_one(key))
    }

    /// [`KeyGroups::of`] with keys hashed by `hash`.
    fn hashed_by(old: &Document, new: &Document, hash: impl Fn(&str) -> u64 + Sync) -> Self {
        let key = |e: u64| {
            let doc = if e & Self::NEW != 0 { new } else { old };
            doc.paragraphs[(e & (Self::NEW - 1)) as usize].key()
        };
        let hashed = |doc: &Document, new_side: bool| -> Vec<KeyEntry> {
            doc.paragraphs
                .par_iter()
                .enumerate()
                .map(|(i, p)| (hash(p.key()), Self::pack(new_side, i)))
                .collect()
        };
        let (mut entries, new_entries) = rayon::join(|| hashed(old, false), || hashed(new, true));
        entries.extend(new_entries);
        entries.par_sort_unstable();
        // Runs of one hash, then each checked, in parallel (comparing whole paragraphs is
        // the cost here), to hold one key. Different keys of one hash (never seen in
        // practice) are set apart by key.
        let mut by_hash = Vec::new();
        let mut start = 0;
        while start < entries.len() {
            let hash = entries[start].0;
            let end = start + entries[start..].partition_point(|e| e.0 == hash);
            by_hash.push(start..end);
            start = end;
        }
        let one_key: Vec<bool> = by_hash
            .par_iter()
            .map(|run| {
                let first = key(entries[run.start].1);
                entries[run.start + 1..run.end]
                    .iter()
                    .all(|e| key(e.1) == first)
            })
            .collect();
        let mut runs = Vec::with_capacity(by_hash.len());
        for (run, one_key) in by_hash.into_iter().zip(one_key) {
            if one_key {
                runs.push(run);
                continue;
            }
            let members = &mut entries[run.clone()];
            members.sort_by(|a, b| key(a.1).cmp(key(b.1)).then(a.1.cmp(&b.1)));
            let mut from = run.start;
            while from < run.end {
                let k = key(entries[from].1);
                let to = from + entries[from..run.end].partition_point(|e| key(e.1) == k);
                runs.push(from..to);
                from = to;
            }
        }
        KeyGroups { entries, runs }
    }

    /// Each group's old paragraphs and new paragraphs (see [`KeyGroups::index`]), in order.
    fn groups(&self) -> impl Iterator<Item = (&[KeyEntry], &[KeyEntry])> + '_ {
        self.runs.iter().map(|run| {
            let members = &self.entries[run.clone()];
            members.split_at(members.partition_point(|e| e.1 & Self::NEW == 0))
        })
    }

    /// The paragraph index of an entry.
    fn index(entry: &KeyEntry) -> usize {
        (entry.1 & (Self::NEW - 1)) as usize
    }
}

/// Exact anchors: keys unique on both sides, and keys repeated the same number of times on
/// both sides (paired in order). Headings only anchor to headings.
fn anchors(groups: &KeyGroups, old_heading: &[bool], new_heading: &[bool]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = groups
        .groups()
        .filter(|(a, b)| a.len() == b.len())
        .flat_map(|(a, b)| {
            a.iter()
                .map(KeyGroups::index)
                .zip(b.iter().map(KeyGroups::index))
        })
        .filter(|&(i, j)| old_heading[i] == new_heading[j])
        .collect();
    out.sort_unstable();
    out
}

/// Expected positions: where each old paragraph would stand in the new draft had it stayed
/// in place, and the reverse, counted from the nearest preceding anchor that is in order.
fn guesses(anchors: &[(usize, usize)], n: usize, m: usize) -> (Vec<usize>, Vec<usize>) {
    let weighted: Vec<chain::Pair> = anchors.iter().map(|&(i, j)| (i, j, 1.0)).collect();
    let ordered: Vec<(usize, usize)> = chain::heaviest_chain(&weighted)
        .into_iter()
        .map(|k| anchors[k])
        .collect();
    let guess_old = project(&ordered, n, m);
    let swapped: Vec<(usize, usize)> = ordered.iter().map(|&(i, j)| (j, i)).collect();
    let guess_new = project(&swapped, m, n);
    (guess_old, guess_new)
}

/// For each of `len` paragraphs, its expected position on the other side (of `other_len`
/// paragraphs): the same distance past the nearest preceding anchor of `ordered`, sorted
/// (this side, other side) pairs.
fn project(ordered: &[(usize, usize)], len: usize, other_len: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(len);
    let mut next = 0;
    let mut base = (0usize, 0usize);
    for p in 0..len {
        while next < ordered.len() && ordered[next].0 <= p {
            base = ordered[next];
            next += 1;
        }
        out.push((base.1 + (p - base.0)).min(other_len.saturating_sub(1)));
    }
    out
}

/// Inserts each deleted old paragraph after the change holding the nearest preceding old
/// paragraph that stayed in place, so deletions read where they stood. Moved paragraphs are
/// skipped as reference points: their change sits where they went, not where they were.
fn place_deletions(drafts: Vec<Draft>, n: usize) -> Vec<Draft> {
    let mut owner: Vec<Option<usize>> = vec![None; n];
    for (c, d) in drafts.iter().enumerate() {
        for &i in &d.old {
            owner[i] = Some(c);
        }
    }
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); drafts.len()];
    let mut at_start = Vec::new();
    let mut reference: Option<usize> = None;
    for (i, o) in owner.iter().enumerate() {
        match *o {
            Some(c) if drafts[c].kind != ChangeKind::Moved => reference = Some(c),
            Some(_) => {}
            None => match reference {
                Some(c) => after[c].push(i),
                None => at_start.push(i),
            },
        }
    }
    let deleted = |i: usize| Draft {
        kind: ChangeKind::Deleted,
        old: vec![i],
        new: vec![],
        similarity: 0.0,
    };
    let mut out: Vec<Draft> = at_start.into_iter().map(deleted).collect();
    for (d, then) in drafts.into_iter().zip(after) {
        out.push(d);
        out.extend(then.into_iter().map(deleted));
    }
    out
}

/// The text of several paragraphs of one side, joined as spans expect; a single paragraph's
/// text is borrowed (most changes have one paragraph a side, and most are unchanged).
fn joined<'d>(doc: &'d Document, indices: &[usize]) -> Cow<'d, str> {
    match indices {
        [] => Cow::Borrowed(""),
        [i] => Cow::Borrowed(&doc.paragraphs[*i].text),
        _ => Cow::Owned(
            indices
                .iter()
                .map(|&i| doc.paragraphs[i].text.as_str())
                .collect::<Vec<_>>()
                .join(PARAGRAPH_BREAK),
        ),
    }
}

/// The finished change, with its redline.
fn change(old: &Document, new: &Document, d: Draft) -> Change {
    let spans = match d.kind {
        ChangeKind::Inserted => one_sided(SpanOp::Insert, joined(new, &d.new)),
        ChangeKind::Deleted => one_sided(SpanOp::Delete, joined(old, &d.old)),
        _ => words::redline(&joined(old, &d.old), &joined(new, &d.new)),
    };
    Change {
        kind: d.kind,
        old: d.old,
        new: d.new,
        similarity: d.similarity,
        spans,
        ..Default::default()
    }
}

fn one_sided(op: SpanOp, text: Cow<str>) -> Vec<Span> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Span {
            op,
            text: text.into_owned(),
        }]
    }
}

/// A compact transcript of changes, one per line, for tests and debugging:
/// `¶ 12 → ¶ 11 modified 0.83`, `— → ¶ 4 inserted`, `¶ 7 → ¶ 7, ¶ 8 split 0.91`.
pub fn transcript(old: &Document, new: &Document, changes: &[Change]) -> String {
    let refs = |doc: &Document, indices: &[usize]| {
        if indices.is_empty() {
            "—".to_string()
        } else {
            indices
                .iter()
                .map(|&i| doc.reference(i))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut out = String::new();
    for c in changes {
        out.push_str(&format!(
            "{} → {} {}",
            refs(old, &c.old),
            refs(new, &c.new),
            c.kind.as_str()
        ));
        if !matches!(
            c.kind,
            ChangeKind::Unchanged | ChangeKind::Inserted | ChangeKind::Deleted
        ) {
            out.push_str(&format!(" {:.2}", c.similarity));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
