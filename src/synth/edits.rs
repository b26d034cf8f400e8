//! Seeded edits of a draft with known truth, to measure the alignment.
//!
//! [`edit`] turns a draft into a next revision the way negotiators do: paragraphs renumbered,
//! lightly edited (one to three words), heavily edited (about a third of the words rewritten),
//! inserted (with the same formulaic openers), deleted, moved far (five or more paragraphs,
//! with or without edits), split at sentence boundaries into two or three adjacent paragraphs,
//! merged with their neighbour, or replaced by an unrelated paragraph in the same place. It
//! returns the new draft and the truth: which old paragraphs became which new ones, and the
//! kind of change a careful reader would report.

use std::collections::BTreeSet;

use crate::model::{ChangeKind, Document, ParagraphKind};
use crate::synth::draft::{
    OPENERS, Shape, document_from, draft_shaped, paragraph_text, roman, sentence,
};

/// One change of the truth: its kind and the paragraphs on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TruthChange {
    /// The kind the alignment should report.
    pub kind: ChangeKind,
    /// Old paragraph indices.
    pub old: Vec<usize>,
    /// New paragraph indices.
    pub new: Vec<usize>,
}

/// What really happened between two drafts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Truth {
    /// Every (old index, new index) pair of paragraphs that are the same text or parts of it
    /// (split and merge members included).
    pub pairs: BTreeSet<(usize, usize)>,
    /// Every change, in new-draft order with deletions where they stood.
    pub changes: Vec<TruthChange>,
}

/// A draft, its edited revision and the truth between them.
#[derive(Debug, Clone, PartialEq)]
pub struct EditedPair {
    /// The earlier draft.
    pub old: Document,
    /// The later draft.
    pub new: Document,
    /// What happened.
    pub truth: Truth,
}

/// A draft of `paragraphs` numbered paragraphs from `seed` and an edited revision of it.
pub fn edited_pair(seed: u64, paragraphs: usize) -> EditedPair {
    edited_pair_shaped(seed, paragraphs, &Shape::default())
}

/// Like [`edited_pair`], with paragraphs (old, and inserted in the revision) of `shape`.
pub fn edited_pair_shaped(seed: u64, paragraphs: usize, shape: &Shape) -> EditedPair {
    edited_pair_revised(seed, paragraphs, shape, Revision::Heavy)
}

/// Like [`edited_pair_shaped`], with the edits of `revision`.
pub fn edited_pair_revised(
    seed: u64,
    paragraphs: usize,
    shape: &Shape,
    revision: Revision,
) -> EditedPair {
    let old = draft_shaped(seed, paragraphs, shape);
    let (new, truth) = edit_revised(
        &old,
        seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED,
        shape,
        revision,
    );
    EditedPair { old, new, truth }
}

/// How much of a draft a revision touches. The mix of edits is the same; only their rates
/// differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revision {
    /// About two paragraphs in five touched: a tenth lightly edited, a fifteenth heavily, a
    /// twenty-fifth moved, a thirtieth each split, merged (with the next) and deleted, a
    /// fortieth replaced, and one inserted for every twenty-five. What the accuracy tests are
    /// tuned on: every kind of change is frequent.
    Heavy,
    /// Each kind of edit four times rarer: about one paragraph in ten touched, a hundredth
    /// moved. A typical revision of a long text.
    Typical,
}

impl Revision {
    /// How many times rarer each kind of edit is than in [`Revision::Heavy`].
    fn rarity(self) -> usize {
        match self {
            Revision::Heavy => 1,
            Revision::Typical => 4,
        }
    }
}

/// The adversary of the candidate index: `paragraphs` one-sentence paragraphs that all open
/// with the same formula and draw on one small vocabulary, so every feature is common; the
/// revision shuffles them all and lightly edits every tenth. A naive index degrades here
/// into comparing every paragraph with every other.
pub fn formulaic_pair(seed: u64, paragraphs: usize) -> (Document, Document) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let texts: Vec<String> = (0..paragraphs)
        .map(|_| format!("{} {}.", OPENERS[0], sentence(&mut rng)))
        .collect();
    let mut shuffled = texts.clone();
    rng.shuffle(&mut shuffled);
    for t in shuffled.iter_mut().step_by(10) {
        *t = t.replacen(" to ", " to further ", 1);
    }
    let doc = |name: &str, texts: Vec<String>| {
        document_from(
            name.to_string(),
            texts
                .into_iter()
                .enumerate()
                .map(|(k, t)| (Some((k + 1).to_string()), ParagraphKind::Numbered, t))
                .collect(),
        )
    };
    (
        doc("formulaic.txt", texts),
        doc("formulaic-shuffled.txt", shuffled),
    )
}

/// Words a light edit inserts or substitutes.
const LIGHT_WORDS: &[&str] = &[
    "effective",
    "meaningful",
    "sustainable",
    "inclusive",
    "further",
    "urgently",
    "fully",
    "relevant",
    "all",
    "continue to",
];

/// One unit of the revision: the old paragraphs it came from, the new texts it became.
struct Item {
    kind: ChangeKind,
    old: Vec<usize>,
    texts: Vec<String>,
    paragraph: ParagraphKind,
}

impl Item {
    fn matched(&self) -> bool {
        !self.old.is_empty() && !self.texts.is_empty()
    }
}

/// Applies every kind of edit to `old`, seeded by `seed`; inserted paragraphs have `shape`.
/// Rates are per numbered paragraph, with at least one of each kind once the draft has
/// twenty numbered paragraphs.
pub fn edit(old: &Document, seed: u64, shape: &Shape) -> (Document, Truth) {
    edit_revised(old, seed, shape, Revision::Heavy)
}

/// Like [`edit`], with the rates of `revision`.
pub fn edit_revised(
    old: &Document,
    seed: u64,
    shape: &Shape,
    revision: Revision,
) -> (Document, Truth) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut items: Vec<Item> = old
        .paragraphs
        .iter()
        .map(|p| Item {
            kind: ChangeKind::Unchanged,
            old: vec![p.index],
            texts: vec![p.text.clone()],
            paragraph: p.kind,
        })
        .collect();
    let numbered: Vec<usize> = old
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Numbered)
        .map(|p| p.index)
        .collect();
    let k = numbered.len();
    let count = |per: usize| {
        let per = per * revision.rarity();
        if k >= 20 { (k / per).max(1) } else { k / per }
    };

    let is_numbered = |i: usize| old.paragraphs[i].kind == ParagraphKind::Numbered;

    // Each old paragraph gets at most one edit: `mark` records the ones taken, `pick` takes
    // the next untaken paragraph (in a seeded random order) that `want` accepts.
    let mut mark = vec![false; old.paragraphs.len()];
    let mut order = numbered.clone();
    rng.shuffle(&mut order);
    let mut pick = |want: &dyn Fn(usize, &[bool]) -> bool, mark: &mut Vec<bool>| {
        let at = order.iter().position(|&i| !mark[i] && want(i, mark))?;
        let i = order.remove(at);
        mark[i] = true;
        Some(i)
    };

    for _ in 0..count(30) {
        if let Some(i) = pick(
            &|i, m| i + 1 < old.paragraphs.len() && is_numbered(i + 1) && !m[i + 1],
            &mut mark,
        ) {
            mark[i + 1] = true;
            let joined = format!("{} {}", items[i].texts[0], items[i + 1].texts[0]);
            items[i] = Item {
                kind: ChangeKind::Merged,
                old: vec![i, i + 1],
                texts: vec![joined],
                paragraph: ParagraphKind::Numbered,
            };
            items[i + 1].old.clear();
            items[i + 1].texts.clear();
        }
    }
    for _ in 0..count(30) {
        if let Some(i) = pick(
            &|i, _| sentences(&old.paragraphs[i].text).len() >= 2,
            &mut mark,
        ) {
            items[i].kind = ChangeKind::Split;
            items[i].texts = split(&mut rng, &old.paragraphs[i].text);
        }
    }
    for _ in 0..count(10) {
        if let Some(i) = pick(&|_, _| true, &mut mark) {
            items[i].kind = ChangeKind::Modified;
            items[i].texts = vec![light_edit(&mut rng, &old.paragraphs[i].text)];
        }
    }
    for _ in 0..count(15) {
        if let Some(i) = pick(&|_, _| true, &mut mark) {
            items[i].kind = ChangeKind::Modified;
            items[i].texts = vec![heavy_edit(&mut rng, &old.paragraphs[i].text)];
        }
    }
    for _ in 0..count(30) {
        if let Some(i) = pick(&|_, _| true, &mut mark) {
            items[i].kind = ChangeKind::Deleted;
            items[i].texts.clear();
        }
    }
    let mut replaced = Vec::new();
    for _ in 0..count(40) {
        if let Some(i) = pick(&|_, _| true, &mut mark) {
            items[i].kind = ChangeKind::Deleted;
            items[i].texts.clear();
            replaced.push(i);
        }
    }
    let mut moved = Vec::new();
    for _ in 0..count(25) {
        if let Some(i) = pick(&|_, _| true, &mut mark) {
            items[i].kind = ChangeKind::Moved;
            if rng.bool() {
                items[i].texts = vec![light_edit(&mut rng, &old.paragraphs[i].text)];
            }
            moved.push(i);
        }
    }

    // Drop the emptied second halves of merges; remember where replacements and moves are.
    let mut items: Vec<Item> = items
        .into_iter()
        .filter(|it| !(it.old.is_empty() && it.texts.is_empty()))
        .collect();
    // Replacements: an unrelated paragraph right after the deleted one.
    for i in replaced {
        let at = items
            .iter()
            .position(|it| it.old.first() == Some(&i))
            .expect("item");
        items.insert(
            at + 1,
            Item {
                kind: ChangeKind::Inserted,
                old: vec![],
                texts: vec![paragraph_text(&mut rng, shape)],
                paragraph: ParagraphKind::Numbered,
            },
        );
    }
    // Moves: at least five matched paragraphs away from where they stood.
    for i in moved {
        let from = items
            .iter()
            .position(|it| it.old.first() == Some(&i))
            .expect("item");
        let item = items.remove(from);
        for _ in 0..100 {
            let to = rng.usize(0..=items.len());
            let (lo, hi) = (from.min(to), from.max(to));
            let between = items[lo..hi].iter().filter(|it| it.matched()).count();
            // Never between the parts of a heading and its first paragraph: keep moves inside
            // the body text, after some numbered paragraph.
            let after_numbered = to > 0 && items[to - 1].paragraph == ParagraphKind::Numbered;
            if between >= 5 && after_numbered {
                items.insert(to, item);
                break;
            }
        }
        // A draft too short to move anything that far keeps the paragraph where it was
        // (the loop above always succeeds on drafts of realistic length).
    }
    for _ in 0..count(25) {
        let to = rng.usize(1..=items.len());
        items.insert(
            to,
            Item {
                kind: ChangeKind::Inserted,
                old: vec![],
                texts: vec![paragraph_text(&mut rng, shape)],
                paragraph: ParagraphKind::Numbered,
            },
        );
    }

    build(old, items)
}

/// Lays the items out as the new draft, renumbering labels, and records the truth.
fn build(old: &Document, items: Vec<Item>) -> (Document, Truth) {
    let mut paragraphs = Vec::new();
    let mut truth = Truth::default();
    let (mut number, mut section) = (0, 0);
    for item in items {
        let mut new = Vec::new();
        for text in item.texts {
            let label = match item.paragraph {
                ParagraphKind::Heading => {
                    section += 1;
                    Some(roman(section))
                }
                _ => {
                    number += 1;
                    Some(number.to_string())
                }
            };
            new.push(paragraphs.len());
            paragraphs.push((label, item.paragraph, text));
        }
        for &o in &item.old {
            for &n in &new {
                truth.pairs.insert((o, n));
            }
        }
        truth.changes.push(TruthChange {
            kind: item.kind,
            old: item.old,
            new,
        });
    }
    let name = format!("{}-edited", old.source);
    (document_from(name, paragraphs), truth)
}

/// The sentences of a paragraph, without their full stops.
fn sentences(text: &str) -> Vec<&str> {
    text.trim_end_matches('.').split(". ").collect()
}

/// Splits a paragraph of two or more sentences into two or three parts at sentence boundaries.
fn split(rng: &mut fastrand::Rng, text: &str) -> Vec<String> {
    let s = sentences(text);
    let parts = if s.len() >= 3 && rng.bool() { 3 } else { 2 };
    // Cut points: distinct sentence boundaries, sorted.
    let mut cuts: Vec<usize> = (1..s.len()).collect();
    rng.shuffle(&mut cuts);
    cuts.truncate(parts - 1);
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for end in cuts.into_iter().chain([s.len()]) {
        out.push(format!("{}.", s[start..end].join(". ")));
        start = end;
    }
    out
}

/// One to three words inserted or substituted.
fn light_edit(rng: &mut fastrand::Rng, text: &str) -> String {
    let body = text.trim_end_matches('.');
    let mut words: Vec<String> = body.split(' ').map(str::to_string).collect();
    for _ in 0..rng.usize(1..=3) {
        let word = LIGHT_WORDS[rng.usize(..LIGHT_WORDS.len())].to_string();
        // Never touch the opener's first word, so the edit stays inside the paragraph.
        let at = rng.usize(1..words.len().max(2)).min(words.len());
        if rng.bool() && at < words.len() {
            words[at] = word;
        } else {
            words.insert(at, word);
        }
    }
    format!("{}.", words.join(" "))
}

/// About a third of the words rewritten, in one or two runs, with words of fresh sentences.
fn heavy_edit(rng: &mut fastrand::Rng, text: &str) -> String {
    let body = text.trim_end_matches('.');
    let mut words: Vec<String> = body.split(' ').map(str::to_string).collect();
    let total = words.len() / 3;
    let runs = if total >= 6 && rng.bool() { 2 } else { 1 };
    let mut left = total;
    for r in 0..runs {
        let len = if r + 1 == runs { left } else { left / 2 };
        left -= len;
        if len == 0 || words.len() <= len + 1 {
            continue;
        }
        let start = rng.usize(1..=words.len() - len);
        let fresh = sentence(rng);
        let fresh: Vec<&str> = fresh.split(' ').collect();
        for k in 0..len {
            words[start + k] = fresh[k % fresh.len()].to_string();
        }
    }
    format!("{}.", words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_pair() {
        assert_eq!(edited_pair(3, 150), edited_pair(3, 150));
    }

    #[test]
    fn every_paragraph_is_in_exactly_one_truth_change() {
        let pair = edited_pair(11, 150);
        let mut old_seen = vec![0; pair.old.paragraphs.len()];
        let mut new_seen = vec![0; pair.new.paragraphs.len()];
        for c in &pair.truth.changes {
            c.old.iter().for_each(|&i| old_seen[i] += 1);
            c.new.iter().for_each(|&j| new_seen[j] += 1);
        }
        assert!(old_seen.iter().all(|&n| n == 1));
        assert!(new_seen.iter().all(|&n| n == 1));
    }

    #[test]
    fn every_kind_is_applied() {
        let pair = edited_pair(5, 150);
        for kind in ChangeKind::ALL {
            assert!(
                pair.truth.changes.iter().any(|c| c.kind == kind),
                "no {kind:?}"
            );
        }
        // Labels are recomputed: the numbered paragraphs count 1, 2, 3… again.
        let labels: Vec<String> = pair
            .new
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Numbered)
            .map(|p| p.label.clone().unwrap())
            .collect();
        assert!(
            labels
                .iter()
                .enumerate()
                .all(|(k, l)| *l == (k + 1).to_string())
        );
    }

    #[test]
    fn splits_cut_at_sentence_boundaries() {
        let mut rng = fastrand::Rng::with_seed(1);
        let parts = split(&mut rng, "A b. C d. E f.");
        assert!(parts.len() >= 2);
        assert_eq!(parts.join(" "), "A b. C d. E f.");
    }
}
