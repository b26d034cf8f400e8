//! Word tokens, shingle indexes and near-verbatim phrase search, the text machinery behind
//! reinstated-language detection.
//!
//! Everything works on lower-cased word tokens with punctuation dropped, hashed to `u64`, so
//! typographic variants (quotes, dashes, "Secretary-General" vs "Secretary General") and
//! case never hide a match. Tokens keep their byte range in the paragraph's `text`, so what
//! is found can be quoted as it reads.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::model::Document;

/// Words per shingle for the fast "does every word of this paragraph still stand
/// somewhere in that draft" test.
///
/// Seven words rather than five: with five, a formulaic four-word lead ("with special
/// attention to") plus one word of context is often found elsewhere, marking the lead of
/// a dropped clause as present. The test only skips paragraphs; what counts as removed is
/// decided by near-verbatim alignment with [`MIN_WORDS`]-word hits.
pub(crate) const PRESENCE_WORDS: usize = 7;

/// Words per n-gram when looking for candidate places of a phrase.
///
/// Shorter than [`PRESENCE_WORDS`] so that a phrase with one word changed still has an
/// n-gram in common with its old reading (a six-word phrase with any one word changed
/// keeps at least one intact trigram).
const CANDIDATE_WORDS: usize = 3;

/// Trigrams occurring more often than this in a draft are boilerplate and cast no vote.
const BOILERPLATE_HITS: usize = 400;

/// Paragraphs examined per phrase search, best-voted first.
const CANDIDATES: usize = 8;

/// The fewest matched words a near-verbatim hit may have: "about five words or more".
pub(crate) const MIN_WORDS: usize = 5;

/// Matched words over the longer side of a hit: 0.75 lets one word in four differ
/// ("a word or two changed" in a clause of eight).
const MIN_DENSITY: f64 = 0.75;

/// Unmatched words allowed between two matched words inside one hit.
const MAX_GAP: usize = 2;

/// One word of a paragraph: its hash and its byte range in the paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Hash of the lower-cased word.
    pub hash: u64,
    /// Byte where the word starts in the paragraph text.
    pub start: usize,
    /// Byte just past the word.
    pub end: usize,
}

/// Splits `text` into lower-cased alphanumeric words. Everything else (punctuation,
/// hyphens, apostrophes, spaces) separates words and is dropped.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    let mut hash = FNV_OFFSET;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
                hash = FNV_OFFSET;
            }
            for l in c.to_lowercase() {
                hash = fnv(hash, l);
            }
        } else if let Some(s) = start.take() {
            out.push(Token {
                hash: mix(hash),
                start: s,
                end: i,
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            hash: mix(hash),
            start: s,
            end: text.len(),
        });
    }
    out
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A bijective finaliser (splitmix64) so that combined n-gram hashes stay well spread.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of the word n-gram `words` (order matters).
pub(crate) fn ngram(words: &[u64]) -> u64 {
    words
        .iter()
        .fold(words.len() as u64, |h, &w| mix(h.rotate_left(23) ^ w))
}

/// A draft's words, ready for the two questions reinstatement asks of it.
#[derive(Debug, Default)]
pub(crate) struct DraftIndex {
    /// Tokens of every paragraph, by paragraph index.
    pub tokens: Vec<Vec<Token>>,
    /// Word hashes of every paragraph (the `hash` of `tokens`), for alignment.
    pub words: Vec<Vec<u64>>,
    /// Every five-word shingle anywhere in the draft: "is this text present at all?".
    presence: HashSet<u64>,
    /// Trigram → (paragraph, word position) occurrences: "where might this phrase be?".
    places: HashMap<u64, Vec<(u32, u32)>>,
}

impl DraftIndex {
    /// Indexes every paragraph of `doc`.
    pub fn new(doc: &Document) -> Self {
        let mut index = DraftIndex::default();
        for (p, para) in doc.paragraphs.iter().enumerate() {
            let toks = tokens(&para.text);
            let words: Vec<u64> = toks.iter().map(|t| t.hash).collect();
            for w in words.windows(PRESENCE_WORDS) {
                index.presence.insert(ngram(w));
            }
            for (j, w) in words.windows(CANDIDATE_WORDS).enumerate() {
                index
                    .places
                    .entry(ngram(w))
                    .or_default()
                    .push((p as u32, j as u32));
            }
            index.tokens.push(toks);
            index.words.push(words);
        }
        index
    }

    /// For each word of `words`, whether some five-word shingle containing it occurs
    /// anywhere in this draft. Texts shorter than a shingle are never covered.
    pub fn covered(&self, words: &[u64]) -> Vec<bool> {
        let mut covered = vec![false; words.len()];
        for (j, w) in words.windows(PRESENCE_WORDS).enumerate() {
            if self.presence.contains(&ngram(w)) {
                covered[j..j + PRESENCE_WORDS].fill(true);
            }
        }
        covered
    }

    /// Paragraphs most likely to hold `phrase`, best first: each trigram of the phrase
    /// votes for the paragraphs containing it with weight 1 / (its occurrences), so a
    /// distinctive trigram outweighs boilerplate. Bounded work per phrase, no scan of
    /// every paragraph.
    pub fn candidates(&self, phrase: &[u64]) -> Vec<usize> {
        let mut votes: HashMap<u32, f64> = HashMap::new();
        for w in phrase.windows(CANDIDATE_WORDS) {
            if let Some(hits) = self.places.get(&ngram(w)) {
                if hits.len() > BOILERPLATE_HITS {
                    continue;
                }
                let weight = 1.0 / hits.len() as f64;
                for &(p, _) in hits {
                    *votes.entry(p).or_default() += weight;
                }
            }
        }
        let mut ranked: Vec<(u32, f64)> = votes.into_iter().collect();
        // Ties broken by paragraph index so the answer never depends on hash order.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(CANDIDATES)
            .map(|(p, _)| p as usize)
            .collect()
    }

    /// Every near-verbatim occurrence of parts of `phrase` in this draft, as
    /// non-overlapping hits on the phrase side, in no particular order.
    ///
    /// Takes the best hit over the candidate paragraphs, then searches again for the
    /// parts of the phrase left on either side of it (which may stand elsewhere), so a
    /// clause that came back in two pieces is found in both.
    pub fn find(&self, phrase: &[u64]) -> Vec<Hit> {
        let mut out = Vec::new();
        self.find_into(phrase, 0, &mut out);
        out
    }

    fn find_into(&self, phrase: &[u64], offset: usize, out: &mut Vec<Hit>) {
        if phrase.len() < MIN_WORDS {
            return;
        }
        let best = self
            .candidates(phrase)
            .into_iter()
            .flat_map(|p| {
                dense_hits(phrase, &self.words[p])
                    .into_iter()
                    .map(move |(a, b, matched)| Hit {
                        phrase: a,
                        paragraph: p,
                        words: b,
                        matched,
                    })
            })
            // Most matched words first; then the earliest paragraph, for determinism.
            .max_by(|x, y| {
                x.matched
                    .cmp(&y.matched)
                    .then(y.paragraph.cmp(&x.paragraph))
            });
        let Some(hit) = best else { return };
        let (a0, a1) = (hit.phrase.start, hit.phrase.end);
        out.push(Hit {
            phrase: a0 + offset..a1 + offset,
            ..hit
        });
        self.find_into(&phrase[..a0], offset, out);
        self.find_into(&phrase[a1..], offset + a1, out);
    }
}

/// A near-verbatim occurrence of (part of) a phrase in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The words of the phrase that were found.
    pub phrase: Range<usize>,
    /// The paragraph where they stand.
    pub paragraph: usize,
    /// Their word range in that paragraph.
    pub words: Range<usize>,
    /// How many words match exactly.
    pub matched: usize,
}

/// Dense near-verbatim stretches shared by `a` and `b`: the best local alignment of the
/// two, cut wherever more than [`MAX_GAP`] words go unmatched, keeping the pieces with at
/// least [`MIN_WORDS`] matched words and [`MIN_DENSITY`]. Returns (range in a, range in b,
/// matched words).
pub(crate) fn dense_hits(a: &[u64], b: &[u64]) -> Vec<(Range<usize>, Range<usize>, usize)> {
    let pairs = local_alignment(a, b);
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=pairs.len() {
        let cut = k == pairs.len()
            || pairs[k].0 - pairs[k - 1].0 > MAX_GAP + 1
            || pairs[k].1 - pairs[k - 1].1 > MAX_GAP + 1;
        if cut {
            let seg = &pairs[start..k];
            let matched = seg.len();
            let (a0, b0) = seg[0];
            let (a1, b1) = seg[matched - 1];
            let longer = (a1 - a0 + 1).max(b1 - b0 + 1);
            if matched >= MIN_WORDS && matched as f64 >= MIN_DENSITY * longer as f64 {
                out.push((a0..a1 + 1, b0..b1 + 1, matched));
            }
            start = k;
        }
    }
    out
}

/// Words of `a` matched by the dense stretches it shares with `b`.
pub(crate) fn dense_matched(a: &[u64], b: &[u64]) -> usize {
    dense_hits(a, b).iter().map(|h| h.2).sum()
}

/// Smith–Waterman local alignment of two word sequences (match +2, mismatch or gap −1),
/// returned as the matched (a, b) position pairs of the best-scoring region, in order.
///
/// Local rather than global alignment, because a phrase is compared with a whole
/// paragraph: a global alignment would happily thread the phrase's "the" and "of"
/// through unrelated words of the paragraph. The lenient mismatch cost lets the region
/// bridge a changed word or two; [`dense_hits`] then cuts it where it got too sparse.
fn local_alignment(a: &[u64], b: &[u64]) -> Vec<(usize, usize)> {
    const MATCH: i32 = 2;
    const MISS: i32 = -1;
    const GAP: i32 = -1;
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    let w = m + 1;
    let mut score = vec![0i32; (n + 1) * w];
    // 0 = start, 1 = diagonal, 2 = up (skip a word of a), 3 = left (skip a word of b).
    let mut from = vec![0u8; (n + 1) * w];
    let mut best = (0, 0, 0);
    for i in 1..=n {
        for j in 1..=m {
            let diag = score[(i - 1) * w + j - 1] + if a[i - 1] == b[j - 1] { MATCH } else { MISS };
            let up = score[(i - 1) * w + j] + GAP;
            let left = score[i * w + j - 1] + GAP;
            let (s, d) = [(0, 0u8), (diag, 1), (up, 2), (left, 3)]
                .into_iter()
                .max_by_key(|&(s, d)| (s, std::cmp::Reverse(d)))
                .unwrap_or((0, 0));
            score[i * w + j] = s;
            from[i * w + j] = d;
            if s > best.0 {
                best = (s, i, j);
            }
        }
    }
    let (_, mut i, mut j) = best;
    let mut pairs = Vec::new();
    while i > 0 && j > 0 && score[i * w + j] > 0 {
        match from[i * w + j] {
            1 => {
                if a[i - 1] == b[j - 1] {
                    pairs.push((i - 1, j - 1));
                }
                i -= 1;
                j -= 1;
            }
            2 => i -= 1,
            3 => j -= 1,
            _ => break,
        }
    }
    pairs.reverse();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<u64> {
        tokens(s).iter().map(|t| t.hash).collect()
    }

    #[test]
    fn tokens_fold_case_and_punctuation() {
        let t = tokens("We note the Secretary-General’s “Report”.");
        let texts: Vec<&str> = t
            .iter()
            .map(|t| &"We note the Secretary-General’s “Report”."[t.start..t.end])
            .collect();
        assert_eq!(
            texts,
            ["We", "note", "the", "Secretary", "General", "s", "Report"]
        );
        assert_eq!(words("REPORT"), words("report"));
    }

    #[test]
    fn dense_hit_tolerates_one_changed_word() {
        let a = words("including the fragmentation of the Internet and its governance");
        let b = words(
            "We stress the risks, including the fragmentation of the global Internet and its governance, today.",
        );
        let hits = dense_hits(&a, &b);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].0, 0..a.len());
        assert_eq!(hits[0].2, a.len());
    }

    #[test]
    fn scattered_common_words_are_no_hit() {
        let a = words("the role of the private sector in the digital economy");
        let b = words("the Forum and the the States of the world in a the report on");
        assert!(dense_hits(&a, &b).is_empty());
    }
}
