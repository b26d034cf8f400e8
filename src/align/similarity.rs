//! Token-level similarity of paragraphs.
//!
//! Paragraphs are compared as sequences of lower-cased words (punctuation and spaces dropped).
//! Inside an alignment every word carries a weight, its inverse document frequency over the
//! paragraphs of both drafts, `ln(1 + N / df)`, and stop words a fifth of that: a formulaic
//! opener ("We recognize", "We call upon") or "the" that half the paragraphs share adds little,
//! while a rare word adds much. Two scores are used:
//!
//! - a bag-of-words Dice coefficient, cheap and an upper bound of the next one, to discard
//!   hopeless candidates;
//! - the weighted longest common subsequence, `2·w(LCS) / (w(a) + w(b))`, which also rewards
//!   order: the same words reshuffled into a different sentence score lower.

use std::borrow::Cow;

use rayon::prelude::*;

use hashbrown::HashTable;

use crate::align::hash::FastMap;
use crate::align::segment::{each_ascii_word, word_bounds};

/// Function words that carry little meaning on their own. Used to damp their weight in
/// similarity and, in the word redline, to absorb a lone stop word between two edits.
pub const STOP_WORDS: &[&str] = &[
    "a", "all", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is",
    "its", "of", "on", "or", "our", "that", "the", "their", "these", "this", "those", "to", "we",
    "which", "with",
];

/// Slack for the bounds of the weighted LCS (bag of words, heaviest common subsequence):
/// they sum the same weights as the LCS in another order, so a bound may round a hair below
/// the value it bounds. A comparison is skipped only when its bound misses the threshold by
/// more than this.
pub(crate) const ROUNDING: f64 = 1e-9;

/// Weight factor of a stop word relative to a content word of the same frequency.
const STOP_WORD_FACTOR: f64 = 0.2;

/// True when `word` (lower case) is one of [`STOP_WORDS`].
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The lower-cased words of `text`, in order, without punctuation or spaces.
pub fn word_tokens(text: &str) -> Vec<String> {
    word_bounds(text)
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .map(str::to_lowercase)
        .collect()
}

/// The words of `text` as written (not yet lower-cased), as [`word_tokens`] cuts them.
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    word_bounds(text).filter(|t| t.chars().any(char::is_alphanumeric))
}

/// A word lower-cased, borrowed from the text when it is lower case already (most words of
/// a draft are).
fn lower(word: &str) -> Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The words of a block of paragraphs, numbered within the block: `sequences[k]` holds the
/// block-local ids of paragraph `k` (`None` when the paragraph was not cut), and local id
/// `l` is `words[l]`, numbered in the order the block first uses each word.
struct LocalWords<'w> {
    sequences: Vec<Option<Vec<u32>>>,
    words: Vec<Cow<'w, str>>,
}

impl<'w> LocalWords<'w> {
    /// Cuts the paragraphs of `texts` for which `cut(k)` holds into words.
    ///
    /// This is where a large comparison reads every word of both drafts, so ASCII text (most
    /// drafts, and every key with typographic marks folded) is cut in one pass
    /// ([`each_ascii_word`]), and a word is copied only when it must be lower-cased, and then
    /// only the first time the block meets it.
    fn new(texts: &[&'w str], cut: impl Fn(usize) -> bool) -> Self {
        let mut vocabulary = Vocabulary::default();
        let mut lowered = String::new();
        let sequences = texts
            .iter()
            .enumerate()
            .map(|(k, text)| {
                cut(k).then(|| {
                    let mut seq = Vec::new();
                    if text.is_ascii() {
                        // About one word in six bytes of running text: one allocation.
                        seq.reserve(text.len() / 5);
                        each_ascii_word(text, |w, upper| {
                            seq.push(if upper {
                                lowered.clear();
                                lowered.push_str(w);
                                lowered.make_ascii_lowercase();
                                vocabulary.id(&lowered, || Cow::Owned(lowered.clone()))
                            } else {
                                vocabulary.id(w, || Cow::Borrowed(w))
                            });
                        });
                    } else {
                        for w in words_of(text) {
                            let w = lower(w);
                            seq.push(vocabulary.id(&w, || w.clone()));
                        }
                    }
                    seq
                })
            })
            .collect();
        LocalWords {
            sequences,
            words: vocabulary.words,
        }
    }
}

/// A block's words and their local ids, looked up by the words' own bytes.
#[derive(Default)]
struct Vocabulary<'w> {
    /// Local ids, hashed by their words.
    table: HashTable<u32>,
    /// The word of each local id.
    words: Vec<Cow<'w, str>>,
    /// Of each local id's word: its hash (for the table to grow by), its first eight bytes
    /// as a number and its length. Most words are that short, and are told apart by the
    /// two numbers without reading their bytes again.
    keys: Vec<(u64, u64, usize)>,
}

impl<'w> Vocabulary<'w> {
    /// The id of `word`, numbered next when new, then kept as `stored()` gives it.
    #[inline]
    fn id(&mut self, word: &str, stored: impl FnOnce() -> Cow<'w, str>) -> u32 {
        let bytes = word.as_bytes();
        let head = head_of(bytes);
        let hash = word_hash(head, bytes);
        let (words, keys) = (&self.words, &self.keys);
        let same = |&id: &u32| {
            let (_, h, len) = keys[id as usize];
            h == head
                && len == bytes.len()
                && (len <= 8 || words[id as usize].as_bytes()[8..] == bytes[8..])
        };
        if let Some(&id) = self.table.find(hash, same) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(stored());
        self.keys.push((hash, head, bytes.len()));
        let keys = &self.keys;
        self.table
            .insert_unique(hash, id, |&id| keys[id as usize].0);
        id
    }
}

/// The first eight bytes of `bytes` (fewer, padded with zeros) as a number.
#[inline]
fn head_of(bytes: &[u8]) -> u64 {
    let mut head = [0u8; 8];
    let n = bytes.len().min(8);
    head[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(head)
}

/// A word's hash for [`Vocabulary`]: its head, its length and the rest eight bytes at a
/// time, mixed by multiplication (as the engine's `FastHasher` mixes).
#[inline]
fn word_hash(head: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (head ^ bytes.len() as u64).wrapping_mul(K);
    if bytes.len() > 8 {
        for chunk in bytes[8..].chunks(8) {
            h = (h.rotate_left(23) ^ head_of(chunk)).wrapping_mul(K);
        }
    }
    h.rotate_left(26)
}

/// Unweighted word similarity of two texts: `2·LCS / (|a| + |b|)` over [`word_tokens`];
/// 1.0 for two texts without words.
pub fn word_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (word_tokens(a), word_tokens(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common: usize = similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b)
        .iter()
        .filter_map(|op| match *op {
            similar::DiffOp::Equal { len, .. } => Some(len),
            _ => None,
        })
        .sum();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The paragraphs of two drafts as interned word ids, with a weight for every word.
pub(crate) struct Weighted {
    /// Word ids of each old paragraph's key.
    pub old: Vec<Vec<u32>>,
    /// Word ids of each new paragraph's key.
    pub new: Vec<Vec<u32>>,
    /// Weight of each word id.
    pub weight: Vec<f64>,
    /// Whether each word id is a stop word.
    pub stop: Vec<bool>,
    /// Total weight of each old paragraph.
    pub old_total: Vec<f64>,
    /// Total weight of each new paragraph.
    pub new_total: Vec<f64>,
}

impl Weighted {
    /// Interns the words of both sides' keys and weighs them by inverse document frequency.
    #[cfg(test)]
    pub fn new<'a>(
        old: impl IntoIterator<Item = &'a str>,
        new: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        Self::with_copies(old, new, &[])
    }

    /// [`Weighted::new`], told that new paragraph `j` has the same text as old paragraph
    /// `i` when `copy_of[j] == Some(i)` (missing entries mean no such paragraph).
    ///
    /// In a revision most paragraphs are unchanged, and cutting them into words again is
    /// wasted: the old paragraph's ids are copied instead. The ids are the same as
    /// [`Weighted::new`] gives: ids go to words in reading order, old draft first, and
    /// every word of such a paragraph already has one when the new draft is read.
    pub fn with_copies<'a>(
        old: impl IntoIterator<Item = &'a str>,
        new: impl IntoIterator<Item = &'a str>,
        copy_of: &[Option<usize>],
    ) -> Self {
        // Cutting text into words and numbering the words is most of the work. Blocks of
        // paragraphs are cut and numbered on their own, in parallel; the blocks' words then
        // get global ids block by block, each block's in the order it first used them, which
        // is the order a sequential pass over the drafts would give (old draft first): the
        // same drafts always get the same ids.
        const BLOCK: usize = 512;
        let (old, new): (Vec<&str>, Vec<&str>) =
            (old.into_iter().collect(), new.into_iter().collect());
        let copy = |j: usize| copy_of.get(j).copied().flatten();
        let blocks: Vec<LocalWords> = old
            .par_chunks(BLOCK)
            .map(|texts| LocalWords::new(texts, |_| true))
            .chain(
                new.par_chunks(BLOCK)
                    .enumerate()
                    .map(|(b, texts)| LocalWords::new(texts, |k| copy(b * BLOCK + k).is_none())),
            )
            .collect();
        let mut ids: FastMap<&str, u32> = FastMap::default();
        let mut stop = Vec::new();
        let global: Vec<Vec<u32>> = blocks
            .iter()
            .map(|block| {
                block
                    .words
                    .iter()
                    .map(|w| {
                        *ids.entry(w.as_ref()).or_insert_with(|| {
                            stop.push(is_stop_word(w));
                            stop.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        drop(ids);
        let mut sequences: Vec<Option<Vec<u32>>> = blocks
            .into_par_iter()
            .zip(global)
            .flat_map_iter(|(block, global)| {
                block.sequences.into_iter().map(move |seq| {
                    seq.map(|mut seq| {
                        for id in &mut seq {
                            *id = global[*id as usize];
                        }
                        seq
                    })
                })
            })
            .collect();
        let new_sequences = sequences.split_off(old.len());
        let old: Vec<Vec<u32>> = sequences
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect();
        // A paragraph that was not cut takes the ids of the old paragraph with its text.
        let new: Vec<Vec<u32>> = new_sequences
            .into_par_iter()
            .enumerate()
            .map(|(j, seq)| match (seq, copy(j)) {
                (Some(seq), _) => seq,
                (None, Some(i)) => old[i].clone(),
                (None, None) => unreachable!("words are cut unless copied"),
            })
            .collect();
        // Document frequency: in how many paragraphs (of either draft) each word occurs,
        // counted a block of paragraphs at a time in parallel (a word is counted once per
        // paragraph: `last` holds the paragraph that counted it last), then summed.
        const DF_BLOCK: usize = 4096;
        let vocabulary = stop.len();
        let df: Vec<u32> = old
            .par_chunks(DF_BLOCK)
            .chain(new.par_chunks(DF_BLOCK))
            .map(|block| {
                let mut df = vec![0u32; vocabulary];
                let mut last = vec![usize::MAX; vocabulary];
                for (k, seq) in block.iter().enumerate() {
                    for &t in seq {
                        if last[t as usize] != k {
                            last[t as usize] = k;
                            df[t as usize] += 1;
                        }
                    }
                }
                df
            })
            .reduce(
                || vec![0; vocabulary],
                |mut a, b| {
                    for (x, y) in a.iter_mut().zip(b) {
                        *x += y;
                    }
                    a
                },
            );
        let n = (old.len() + new.len()).max(1) as f64;
        let weight: Vec<f64> = df
            .iter()
            .zip(&stop)
            .map(|(&d, &s)| {
                let idf = (1.0 + n / f64::from(d.max(1))).ln();
                if s { idf * STOP_WORD_FACTOR } else { idf }
            })
            .collect();
        let total = |seq: &Vec<u32>| seq.iter().map(|&t| weight[t as usize]).sum::<f64>();
        let old_total = old.par_iter().map(total).collect();
        let new_total = new.par_iter().map(total).collect();
        Weighted {
            old,
            new,
            weight,
            stop,
            old_total,
            new_total,
        }
    }

    /// Total weight of a word sequence.
    pub fn total(&self, seq: &[u32]) -> f64 {
        seq.iter().map(|&t| self.weight[t as usize]).sum()
    }

    /// Bag-of-words weighted Dice of old paragraph `i` and new paragraph `j`: an upper bound
    /// of [`Weighted::lcs_similarity`], in one merge walk over sorted ids.
    #[cfg(test)]
    pub fn bag_similarity(&self, i: usize, j: usize) -> f64 {
        let mut bag = self.bag();
        bag.load(&self.old[i]);
        let common = bag.common(self, &self.new[j]);
        dice(common, self.old_total[i] + self.new_total[j])
    }

    /// An empty [`Bag`] for these drafts' words.
    pub fn bag(&self) -> Bag {
        Bag {
            count: vec![0; self.weight.len()],
            taken: Vec::new(),
        }
    }

    /// Weight of the heaviest common subsequence of two word sequences: an upper bound of
    /// [`Weighted::lcs_weight`], tighter than the bag-of-words bound ([`Bag`]) and
    /// much cheaper than the LCS itself on dissimilar paragraphs.
    ///
    /// Why a bound and not the similarity itself: [`Weighted::lcs_weight`] weighs the
    /// longest common subsequence Myers' algorithm picks, and where several exist (a third
    /// of the candidate pairs of a large generated draft) their weights differ; the
    /// heaviest one weighs at least as much as any of them. Replacing the value would change
    /// answers, so the engine uses this only to skip comparisons whose bound already misses
    /// the bar.
    ///
    /// Common prefix and suffix are taken whole (an equal first word is always part of some
    /// heaviest common subsequence). The rest is a heaviest increasing chain of the match
    /// points `(i, j)` with `a[i] == b[j]`: for each word of `a` in order, its positions in
    /// `b` are visited from last to first, each extending the heaviest chain that ends
    /// before it, kept in a Fenwick tree of prefix maxima. The work is
    /// `O((|a| + |b| + matches) · log |b|)`, and unrelated paragraphs share few words.
    pub fn heaviest_common_weight(&self, a: &[u32], b: &[u32]) -> f64 {
        let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let (a_rest, b_rest) = (&a[prefix..], &b[prefix..]);
        let suffix = a_rest
            .iter()
            .rev()
            .zip(b_rest.iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        let ends = self.total(&a[..prefix]) + self.total(&a_rest[a_rest.len() - suffix..]);
        let (a, b) = (
            &a_rest[..a_rest.len() - suffix],
            &b_rest[..b_rest.len() - suffix],
        );
        if a.is_empty() || b.is_empty() {
            return ends;
        }
        SCRATCH.with_borrow_mut(|s| ends + s.heaviest_chain(a, b, &self.weight))
    }

    /// Weight of the longest common subsequence of two word sequences.
    ///
    /// The LCS is the one Myers' algorithm finds, run plain: `similar`'s default entry adds
    /// heuristics that may pick another subsequence (and may change between its versions),
    /// and the plain algorithm is as fast on paragraphs.
    pub fn lcs_weight(&self, a: &[u32], b: &[u32]) -> f64 {
        if a == b {
            return self.total(a);
        }
        let mut hook = EqualWeight {
            w: self,
            a,
            sum: 0.0,
        };
        similar::algorithms::myers::diff_deadline_raw(
            &mut hook,
            a,
            0..a.len(),
            b,
            0..b.len(),
            None,
        )
        .unwrap_or_else(|never| match never {});
        hook.sum
    }

    /// Weighted LCS similarity of two word sequences, 0.0 to 1.0.
    pub fn lcs_similarity(&self, a: &[u32], b: &[u32]) -> f64 {
        dice(self.lcs_weight(a, b), self.total(a) + self.total(b))
    }
}

/// The words of one paragraph counted densely by word id, to measure what many other
/// paragraphs share with it as bags of words: each is then one pass over its own words,
/// where a merge walk of two sorted bags branches unpredictably at every step.
pub(crate) struct Bag {
    /// Occurrences left of each word id; all zero when nothing is loaded.
    count: Vec<u32>,
    /// Words taken by the present comparison, to put back.
    taken: Vec<u32>,
}

impl Bag {
    /// Counts the words of `seq`; [`Bag::unload`] with the same words empties the bag again.
    pub fn load(&mut self, seq: &[u32]) {
        for &t in seq {
            self.count[t as usize] += 1;
        }
    }

    /// Forgets the words [`Bag::load`] counted.
    pub fn unload(&mut self, seq: &[u32]) {
        for &t in seq {
            self.count[t as usize] = 0;
        }
    }

    /// Weight of the words `seq` shares with the loaded paragraph, with multiplicity: what
    /// a merge walk of the two sorted bags would give, in another order.
    pub fn common(&mut self, w: &Weighted, seq: &[u32]) -> f64 {
        let mut common = 0.0;
        for &t in seq {
            let c = &mut self.count[t as usize];
            if *c > 0 {
                *c -= 1;
                common += w.weight[t as usize];
                self.taken.push(t);
            }
        }
        for t in self.taken.drain(..) {
            self.count[t as usize] += 1;
        }
        common
    }
}

/// Sums the weights of the runs Myers' algorithm finds equal, as it reports them.
struct EqualWeight<'w> {
    w: &'w Weighted,
    a: &'w [u32],
    sum: f64,
}

impl similar::algorithms::DiffHook for EqualWeight<'_> {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old_index: usize, _: usize, len: usize) -> Result<(), Self::Error> {
        self.sum += self.w.total(&self.a[old_index..old_index + len]);
        Ok(())
    }
}

/// No position: the end of a chain of positions in [`Scratch`].
const NONE: u32 = u32::MAX;

thread_local! {
    /// Each thread's working memory for [`Weighted::heaviest_common_weight`], kept between
    /// calls so that a call allocates nothing once the thread has seen its longest input.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Working memory of the heaviest-chain search.
#[derive(Default)]
struct Scratch {
    /// Last position in `b` of each word id, or [`NONE`]; all [`NONE`] between calls.
    last: Vec<u32>,
    /// For each position in `b`, the previous position of the same word, or [`NONE`].
    previous: Vec<u32>,
    /// Fenwick tree of prefix maxima over positions in `b` (one-based).
    tree: Vec<f64>,
}

impl Scratch {
    /// Weight of the heaviest common subsequence of `a` and `b` (both non-empty).
    fn heaviest_chain(&mut self, a: &[u32], b: &[u32], weight: &[f64]) -> f64 {
        if self.last.len() < weight.len() {
            self.last.resize(weight.len(), NONE);
        }
        self.previous.clear();
        for (j, &t) in b.iter().enumerate() {
            self.previous.push(self.last[t as usize]);
            self.last[t as usize] = j as u32;
        }
        self.tree.clear();
        self.tree.resize(b.len() + 1, 0.0);
        let tree = &mut self.tree;
        for &t in a {
            let w = weight[t as usize];
            let mut j = self.last[t as usize];
            while j != NONE {
                // The heaviest chain over positions before j, extended by this match.
                let mut best = 0.0f64;
                let mut k = j as usize;
                while k > 0 {
                    best = best.max(tree[k]);
                    k &= k - 1;
                }
                let value = best + w;
                let mut k = j as usize + 1;
                while k < tree.len() {
                    if tree[k] < value {
                        tree[k] = value;
                    }
                    k += k & k.wrapping_neg();
                }
                j = self.previous[j as usize];
            }
        }
        let mut best = 0.0f64;
        let mut k = b.len();
        while k > 0 {
            best = best.max(tree[k]);
            k &= k - 1;
        }
        for &t in b {
            self.last[t as usize] = NONE;
        }
        best
    }
}

/// `2·common / total`, with two empty sides counting as identical.
fn dice(common: f64, total: f64) -> f64 {
    if total <= 0.0 {
        1.0
    } else {
        (2.0 * common / total).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the") && !is_stop_word("forum"));
    }

    #[test]
    fn word_similarity_counts_words_in_order() {
        assert_eq!(
            word_similarity("The role, of the Forum.", "the role of the forum"),
            1.0
        );
        assert!((word_similarity("a b c d", "a b x y") - 0.5).abs() < 1e-9);
        assert_eq!(word_similarity("", ""), 1.0);
        assert_eq!(word_similarity("word", ""), 0.0);
    }

    /// The heaviest common subsequence by the textbook quadratic recurrence.
    fn heaviest_by_table(w: &Weighted, a: &[u32], b: &[u32]) -> f64 {
        let mut table = vec![vec![0.0f64; b.len() + 1]; a.len() + 1];
        for (i, &x) in a.iter().enumerate() {
            for (j, &y) in b.iter().enumerate() {
                table[i + 1][j + 1] = if x == y {
                    table[i][j] + w.weight[x as usize]
                } else {
                    table[i][j + 1].max(table[i + 1][j])
                };
            }
        }
        table[a.len()][b.len()]
    }

    #[test]
    fn heaviest_common_subsequence_bounds_the_lcs() {
        // Small vocabularies make many repeated words, the hard case for the chain search.
        let mut rng = fastrand::Rng::with_seed(7);
        let words = ["a", "b", "c", "d", "e", "f", "g", "the", "of", "and"];
        let sentence = |rng: &mut fastrand::Rng| {
            let n = rng.usize(0..40);
            (0..n)
                .map(|_| words[rng.usize(0..words.len())])
                .collect::<Vec<_>>()
                .join(" ")
        };
        let old: Vec<String> = (0..60).map(|_| sentence(&mut rng)).collect();
        let mut new: Vec<String> = (0..60).map(|_| sentence(&mut rng)).collect();
        new.push("unrelated words only".into());
        let w = Weighted::new(
            old.iter().map(String::as_str),
            new.iter().map(String::as_str),
        );
        let mut bag = w.bag();
        for a in &w.old {
            bag.load(a);
            for b in &w.new {
                let heaviest = w.heaviest_common_weight(a, b);
                assert!((heaviest - heaviest_by_table(&w, a, b)).abs() < 1e-9);
                assert!(heaviest >= w.lcs_weight(a, b) - ROUNDING);
                assert!(heaviest <= bag.common(&w, b) + ROUNDING);
                // The bag's count: what the words share with multiplicity, however ordered.
                assert!((bag.common(&w, b) - shared_by_sorting(&w, a, b)).abs() < 1e-9);
            }
            bag.unload(a);
        }
    }

    /// The weight two word sequences share as bags, by sorting both and walking them.
    fn shared_by_sorting(w: &Weighted, a: &[u32], b: &[u32]) -> f64 {
        let (mut a, mut b) = (a.to_vec(), b.to_vec());
        a.sort_unstable();
        b.sort_unstable();
        let (mut x, mut y, mut common) = (0, 0, 0.0);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    common += w.weight[a[x] as usize];
                    x += 1;
                    y += 1;
                }
            }
        }
        common
    }

    #[test]
    fn block_ids_number_words_in_order_of_first_use() {
        // Long words that share their first eight bytes, short ones, upper case: the
        // vocabulary must tell them apart by every byte, and lower-case before it looks.
        let mut rng = fastrand::Rng::with_seed(13);
        let stems = ["internat", "a", "ab", "abcdefgh", "Internat"];
        let texts: Vec<String> = (0..200)
            .map(|_| {
                (0..rng.usize(1..12))
                    .map(|_| {
                        let stem = stems[rng.usize(0..stems.len())];
                        let tail: String =
                            (0..rng.usize(0..6)).map(|_| rng.char('a'..='c')).collect();
                        format!("{stem}{tail}")
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let block = LocalWords::new(&refs, |_| true);
        let mut naive: Vec<String> = Vec::new();
        for (text, seq) in texts.iter().zip(&block.sequences) {
            let expected: Vec<u32> = word_tokens(text)
                .into_iter()
                .map(|w| match naive.iter().position(|x| *x == w) {
                    Some(k) => k as u32,
                    None => {
                        naive.push(w);
                        naive.len() as u32 - 1
                    }
                })
                .collect();
            assert_eq!(seq.as_ref(), Some(&expected), "{text:?}");
        }
        let words: Vec<&str> = block.words.iter().map(|w| w.as_ref()).collect();
        assert_eq!(words, naive);
    }

    #[test]
    fn copies_give_the_ids_and_weights_reading_gives() {
        let old = [
            "We recognize the role",
            "Unchanged words here",
            "We note the Forum",
        ];
        let new = [
            "A new paragraph first",
            "We note the Forum",
            "Unchanged words here",
        ];
        let read = Weighted::new(old, new);
        let copied = Weighted::with_copies(old, new, &[None, Some(2), Some(1)]);
        assert_eq!(read.old, copied.old);
        assert_eq!(read.new, copied.new);
        assert_eq!(read.weight, copied.weight);
        assert_eq!(read.new_total, copied.new_total);
    }

    #[test]
    fn shared_formula_weighs_less_than_shared_content() {
        let old = [
            "We recognize the role of the Forum",
            "We recognize the importance of connectivity",
            "We recognize the value of literacy",
        ];
        let new = [
            "We recognize the role of the Forum",
            "We recognize the need for funding",
            "We stress the value of literacy",
        ];
        let w = Weighted::new(old, new);
        // Same opener, different content: low.
        assert!(w.lcs_similarity(&w.old[1], &w.new[1]) < 0.4);
        // Different opener, same content: high.
        assert!(w.lcs_similarity(&w.old[2], &w.new[2]) > 0.6);
        assert!(w.bag_similarity(1, 1) >= w.lcs_similarity(&w.old[1], &w.new[1]));
    }
}
