//! Reinstated language: text in one draft, absent from the next anywhere, back in a later one.
//!
//! The search reads the drafts' text only, never the alignment, so it is exactly as good
//! with a naive aligner as with a perfect one, and a clause that moved to another
//! paragraph is judged by where its words are, not by which paragraphs were paired.
//!
//! 1. **Removed.** For each paragraph of draft *i*, a word counts as still standing in
//!    draft *i+1* when some seven-word run containing it occurs verbatim anywhere in
//!    *i+1* (a hash-set look-up; paragraphs where every word stands are done). Otherwise
//!    the paragraph is aligned with its best near-verbatim counterparts in *i+1* (its
//!    edited successor, or wherever its sentences moved); runs of five or more words
//!    kept by none of them, with at least one word standing nowhere, were removed.
//! 2. **Back.** Each removed phrase is looked for near-verbatim in *i+2*, *i+3*, …: the
//!    paragraphs sharing its distinctive trigrams are aligned with it word by word, and
//!    dense stretches of five or more words with at most one word in four different count.
//!    Found words are reported at the first draft they return in; words still missing
//!    are looked for in the next draft.
//! 3. **Reports.** Returns into the same paragraph are merged into one passage. When the
//!    removed paragraph had vanished as a whole and the paragraph it returned to is mostly
//!    its text, the report is one whole-paragraph report.
//!
//! Cost is linear in the size of the drafts plus a bounded alignment per removed phrase
//! and draft: there is no all-pairs paragraph comparison.

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use super::shingle::{self, DraftIndex, MIN_WORDS};
use crate::model::{Document, Place, Reinstatement};

/// Below this share of its words matched densely by some paragraph of the next draft, a
/// paragraph counts as gone as a whole (its remnants may survive as boilerplate elsewhere).
/// 0.4 rather than a half: a paragraph cut down to its first sentence keeps well over
/// 0.4, while chance boilerplate overlap with an unrelated paragraph stays well under.
const GONE_BELOW: f64 = 0.4;

/// At or above this share of the longer of the two paragraphs matched densely, a returned
/// paragraph is "(most of) the old paragraph": a whole-paragraph reinstatement.
const WHOLE_AT_LEAST: f64 = 0.7;

/// Words of one paragraph that a step removed and that are still being looked for.
#[derive(Debug, Clone)]
struct Missing {
    /// The paragraph they stood in before they went missing.
    from: Place,
    /// The first draft without them.
    removed_in: usize,
    /// Their word positions in the `from` paragraph.
    span: Range<usize>,
}

/// One stretch of removed words found again.
#[derive(Debug, Clone)]
struct Found {
    from: Place,
    removed_in: usize,
    /// Where it came back (`to.draft` is the draft of return).
    to: Place,
    /// Its word range in the `to` paragraph.
    words: Range<usize>,
    matched: usize,
}

/// Finds reinstated language across `drafts`, in order of the draft of return, then
/// paragraph, then position in the paragraph.
pub fn reinstated(drafts: &[Document]) -> Vec<Reinstatement> {
    if drafts.len() < 3 {
        return Vec::new();
    }
    let index: Vec<DraftIndex> = drafts.par_iter().map(DraftIndex::new).collect();
    // Each removal step is independent: what step i removed, and where it came back.
    let found: Vec<Found> = (0..drafts.len() - 2)
        .into_par_iter()
        .flat_map_iter(|i| {
            removed(&index, i)
                .into_iter()
                .flat_map(|m| returns(&index, m))
                .collect::<Vec<_>>()
        })
        .collect();
    reports(drafts, &index, found)
}

/// The phrases draft `i` holds that draft `i + 1` has nowhere, even near-verbatim.
fn removed(index: &[DraftIndex], i: usize) -> Vec<Missing> {
    let (old, new) = (&index[i], &index[i + 1]);
    let mut out = Vec::new();
    for (p, words) in old.words.iter().enumerate() {
        let covered = new.covered(words);
        // The fast path: every word still stands in a seven-word run found verbatim in
        // the next draft, so nothing of this paragraph went missing.
        if covered.iter().all(|&c| c) {
            continue;
        }
        // Words kept: what near-verbatim counterparts in the next draft still hold (its
        // own edited successor, or the paragraph a sentence moved into). Moved and lightly
        // edited text is not removed. A stock phrase next to a dropped clause ("with
        // special attention to") is not kept merely because its four words stand
        // elsewhere: hits need five words.
        let mut kept = vec![false; words.len()];
        for hit in new.find(words) {
            kept[hit.phrase].fill(true);
        }
        for run in runs(&kept, false) {
            // Some word of it must be in no seven-word run of the next draft, so text
            // whose every piece still stands somewhere is never called removed.
            if run.len() >= MIN_WORDS && covered[run.clone()].iter().any(|&c| !c) {
                out.push(Missing {
                    from: Place {
                        draft: i,
                        paragraph: p,
                    },
                    removed_in: i + 1,
                    span: run,
                });
            }
        }
    }
    out
}

/// Grows a found stretch over the words next to it that read the same on both sides and
/// went missing together with it (`extent`): the near-verbatim hit may stop short of a
/// removed phrase's edge when the word next to it was changed.
fn extend(
    old: &[u64],
    extent: &Range<usize>,
    phrase: Range<usize>,
    new: &[u64],
    words: Range<usize>,
) -> Range<usize> {
    let (mut a0, mut b0) = (phrase.start, words.start);
    while a0 > extent.start && b0 > 0 && old[a0 - 1] == new[b0 - 1] {
        a0 -= 1;
        b0 -= 1;
    }
    let (mut a1, mut b1) = (phrase.end, words.end);
    while a1 < extent.end && b1 < new.len() && old[a1] == new[b1] {
        a1 += 1;
        b1 += 1;
    }
    b0..b1
}

/// Where the words of `missing` come back, draft by draft: each word is reported at the
/// first later draft holding it again, and words not yet back are looked for further on.
fn returns(index: &[DraftIndex], missing: Missing) -> Vec<Found> {
    let words = &index[missing.from.draft].words[missing.from.paragraph];
    let mut out = Vec::new();
    let mut pending = vec![missing.span.clone()];
    for (m, draft) in index.iter().enumerate().skip(missing.removed_in + 1) {
        let mut still = Vec::new();
        for span in pending {
            let mut absent = vec![true; span.len()];
            for hit in draft.find(&words[span.clone()]) {
                absent[hit.phrase.clone()].fill(false);
                let phrase = span.start + hit.phrase.start..span.start + hit.phrase.end;
                out.push(Found {
                    from: missing.from,
                    removed_in: missing.removed_in,
                    to: Place {
                        draft: m,
                        paragraph: hit.paragraph,
                    },
                    words: extend(
                        words,
                        &missing.span,
                        phrase,
                        &draft.words[hit.paragraph],
                        hit.words,
                    ),
                    matched: hit.matched,
                });
            }
            still.extend(
                runs(&absent, true)
                    .into_iter()
                    .filter(|r| r.len() >= MIN_WORDS)
                    .map(|r| span.start + r.start..span.start + r.end),
            );
        }
        if still.is_empty() {
            break;
        }
        pending = still;
    }
    out
}

/// Maximal runs of positions where `flags[k] == value`.
fn runs(flags: &[bool], value: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, &f) in flags.iter().enumerate() {
        match (f == value, start) {
            (true, None) => start = Some(k),
            (false, Some(s)) => {
                out.push(s..k);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..flags.len());
    }
    out
}

/// Turns found stretches into one report per returned passage.
fn reports(drafts: &[Document], index: &[DraftIndex], found: Vec<Found>) -> Vec<Reinstatement> {
    // Group by (paragraph of return, paragraph of origin); BTreeMap keeps the output in
    // a stable order whatever the order of the parallel search.
    let mut groups: BTreeMap<(Place, Place), Vec<Found>> = BTreeMap::new();
    for f in found {
        groups.entry((f.to, f.from)).or_default().push(f);
    }
    // Whole paragraphs first: per paragraph of return, the first old paragraph that
    // came back whole wins; phrases landing in a paragraph that came back whole are
    // part of that report.
    let mut whole: BTreeMap<Place, Reinstatement> = BTreeMap::new();
    let mut phrases: BTreeMap<Place, Vec<Found>> = BTreeMap::new();
    for ((to, from), group) in groups {
        let removed_in = group
            .iter()
            .map(|f| f.removed_in)
            .min()
            .unwrap_or(from.draft + 1);
        if !whole.contains_key(&to) && came_back_whole(index, from, removed_in, to) {
            whole.insert(
                to,
                Reinstatement {
                    text: drafts[to.draft].paragraphs[to.paragraph].text.clone(),
                    removed_in,
                    reinstated_in: to.draft,
                    from,
                    to,
                    whole_paragraph: true,
                },
            );
        } else {
            phrases.entry(to).or_default().extend(group);
        }
    }
    let mut out: Vec<(Reinstatement, usize)> = whole.into_values().map(|r| (r, 0)).collect();
    for (to, mut hits) in phrases {
        if out.iter().any(|(r, _)| r.whole_paragraph && r.to == to) {
            continue;
        }
        hits.sort_by_key(|h| (h.words.start, h.words.end));
        let tokens = &index[to.draft].tokens[to.paragraph];
        let text = &drafts[to.draft].paragraphs[to.paragraph].text;
        let mut k = 0;
        while k < hits.len() {
            // Overlapping or nearly touching stretches are one passage; its origin is
            // the stretch with the most matched words.
            let mut end = hits[k].words.end;
            let mut best = k;
            let mut j = k + 1;
            while j < hits.len() && hits[j].words.start <= end + 2 {
                end = end.max(hits[j].words.end);
                if hits[j].matched > hits[best].matched {
                    best = j;
                }
                j += 1;
            }
            let start = hits[k].words.start;
            out.push((
                Reinstatement {
                    text: text[tokens[start].start..tokens[end - 1].end].to_string(),
                    removed_in: hits[best].removed_in,
                    reinstated_in: to.draft,
                    from: hits[best].from,
                    to,
                    whole_paragraph: false,
                },
                start,
            ));
            k = j;
        }
    }
    out.sort_by_key(|(r, start)| (r.reinstated_in, r.to.paragraph, *start));
    out.into_iter().map(|(r, _)| r).collect()
}

/// True when paragraph `from` had vanished as a whole from draft `removed_in` and
/// paragraph `to` is (most of) its text again.
fn came_back_whole(index: &[DraftIndex], from: Place, removed_in: usize, to: Place) -> bool {
    let old = &index[from.draft].words[from.paragraph];
    let back = &index[to.draft].words[to.paragraph];
    let longer = old.len().max(back.len()) as f64;
    if (shingle::dense_matched(old, back) as f64) < WHOLE_AT_LEAST * longer {
        return false;
    }
    // Gone as a whole: no paragraph of the draft that dropped it is a remnant of it,
    // that is keeps a good part of its words and is mostly made of them. (A paragraph
    // that merely lost a clause survives so: what came back is the clause, a phrase
    // report.) Both conditions, because in formulaic text an unrelated paragraph may
    // share a whole sentence, and a short one may be mostly a stock phrase.
    let next = &index[removed_in];
    !next.candidates(old).into_iter().any(|p| {
        let remnant = &next.words[p];
        let shared = shingle::dense_matched(old, remnant) as f64;
        shared >= GONE_BELOW * old.len() as f64 && shared >= WHOLE_AT_LEAST * remnant.len() as f64
    })
}
