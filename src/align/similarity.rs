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
use unicode_segmentation::UnicodeSegmentation;

use crate::align::hash::FastMap;

/// Function words that carry little meaning on their own. Used to damp their weight in
/// similarity and, in the word redline, to absorb a lone stop word between two edits.
pub const STOP_WORDS: &[&str] = &[
    "a", "all", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is",
    "its", "of", "on", "or", "our", "that", "the", "their", "these", "this", "those", "to", "we",
    "which", "with",
];

/// Weight factor of a stop word relative to a content word of the same frequency.
const STOP_WORD_FACTOR: f64 = 0.2;

/// True when `word` (lower case) is one of [`STOP_WORDS`].
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The lower-cased words of `text`, in order, without punctuation or spaces.
pub fn word_tokens(text: &str) -> Vec<String> {
    text.split_word_bounds()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .map(str::to_lowercase)
        .collect()
}

/// The words of `text` as written (not yet lower-cased), as [`word_tokens`] cuts them.
fn words_of(text: &str) -> Vec<&str> {
    text.split_word_bounds()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .collect()
}

/// The ids of `words` once lower-cased, giving the next id to each word not seen before and
/// recording whether it is a stop word. Most words of a draft are lower case already and
/// are looked up as they are; the map keeps only a borrowed or owned copy per distinct word.
fn intern<'w>(
    ids: &mut FastMap<Cow<'w, str>, u32>,
    stop: &mut Vec<bool>,
    words: &[&'w str],
) -> Vec<u32> {
    words
        .iter()
        .map(|&w| {
            let lower: Cow<'w, str> = if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase())
            {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase())
            };
            if let Some(&id) = ids.get(lower.as_ref()) {
                return id;
            }
            let id = ids.len() as u32;
            stop.push(is_stop_word(&lower));
            ids.insert(lower, id);
            id
        })
        .collect()
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
    /// Sorted word ids of each old paragraph, for the bag-of-words estimate.
    pub old_bag: Vec<Vec<u32>>,
    /// Sorted word ids of each new paragraph.
    pub new_bag: Vec<Vec<u32>>,
}

impl Weighted {
    /// Interns the words of both sides' keys and weighs them by inverse document frequency.
    pub fn new<'a>(
        old: impl IntoIterator<Item = &'a str>,
        new: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        // Cutting text into words is most of the work and independent per paragraph, so it
        // runs in parallel, a block of paragraphs at a time (the words of a whole large
        // draft at once would double the peak memory); ids are then given in reading order,
        // as a sequential loop would give them, so the same drafts always get the same ids.
        const BLOCK: usize = 1024;
        let mut ids: FastMap<Cow<'a, str>, u32> = FastMap::default();
        let mut stop = Vec::new();
        let (old, new): (Vec<&str>, Vec<&str>) =
            (old.into_iter().collect(), new.into_iter().collect());
        let mut intern_side = |texts: &[&'a str]| -> Vec<Vec<u32>> {
            let mut out = Vec::with_capacity(texts.len());
            for block in texts.chunks(BLOCK) {
                let words: Vec<Vec<&'a str>> = block.par_iter().map(|t| words_of(t)).collect();
                for paragraph in &words {
                    out.push(intern(&mut ids, &mut stop, paragraph));
                }
            }
            out
        };
        let old: Vec<Vec<u32>> = intern_side(&old);
        let new: Vec<Vec<u32>> = intern_side(&new);
        let bag = |seq: &Vec<u32>| {
            let mut b = seq.clone();
            b.sort_unstable();
            b
        };
        let old_bag: Vec<Vec<u32>> = old.par_iter().map(bag).collect();
        let new_bag: Vec<Vec<u32>> = new.par_iter().map(bag).collect();

        // Document frequency: in how many paragraphs (of either draft) each word occurs.
        let mut df = vec![0u32; stop.len()];
        for b in old_bag.iter().chain(&new_bag) {
            let mut last = None;
            for &t in b {
                if last != Some(t) {
                    df[t as usize] += 1;
                    last = Some(t);
                }
            }
        }
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
            old_bag,
            new_bag,
        }
    }

    /// Total weight of a word sequence.
    pub fn total(&self, seq: &[u32]) -> f64 {
        seq.iter().map(|&t| self.weight[t as usize]).sum()
    }

    /// Bag-of-words weighted Dice of old paragraph `i` and new paragraph `j`: an upper bound
    /// of [`Weighted::lcs_similarity`], in one merge walk over sorted ids.
    pub fn bag_similarity(&self, i: usize, j: usize) -> f64 {
        let common = self.common_weight(&self.old_bag[i], &self.new_bag[j]);
        dice(common, self.old_total[i] + self.new_total[j])
    }

    /// Weight of the words two sorted bags share, counted with multiplicity: an upper bound
    /// of the weight of any common subsequence of the sequences they were sorted from, so
    /// a pair that fails a threshold here fails it in [`Weighted::lcs_weight`] too.
    pub fn common_weight(&self, a: &[u32], b: &[u32]) -> f64 {
        let (mut x, mut y, mut common) = (0, 0, 0.0);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    common += self.weight[a[x] as usize];
                    x += 1;
                    y += 1;
                }
            }
        }
        common
    }

    /// Weight of the longest common subsequence of two word sequences.
    pub fn lcs_weight(&self, a: &[u32], b: &[u32]) -> f64 {
        if a == b {
            return self.total(a);
        }
        similar::capture_diff_slices(similar::Algorithm::Myers, a, b)
            .iter()
            .filter_map(|op| match *op {
                similar::DiffOp::Equal { old_index, len, .. } => {
                    Some(self.total(&a[old_index..old_index + len]))
                }
                _ => None,
            })
            .sum()
    }

    /// Weighted LCS similarity of two word sequences, 0.0 to 1.0.
    pub fn lcs_similarity(&self, a: &[u32], b: &[u32]) -> f64 {
        dice(self.lcs_weight(a, b), self.total(a) + self.total(b))
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
