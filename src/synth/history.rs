//! Random three-draft histories (Zero Draft → Rev 1 → Rev 2) with known reinstated language.
//!
//! The Zero Draft is [`super::draft()`] with distinctive clauses planted in some paragraphs.
//! Rev 1 drops clauses and whole paragraphs, moves a clause to another paragraph, edits a
//! word here and there and adds fresh text (so paragraphs are renumbered). Rev 2 brings some
//! dropped clauses back in place, some inside other paragraphs, a whole paragraph back in
//! place and one as a paragraph of its own elsewhere, sometimes with a word changed; other
//! drops stay dropped, fresh text appears and paragraphs move. The reinstatements planted
//! are returned as the truth.
//!
//! Planted clauses are built from a vocabulary apart from the boilerplate of
//! [`super::draft()`] and checked to share no five words in order with each other, so "absent from
//! Rev 1 anywhere" holds for exactly the text the generator dropped. Fresh text comes from
//! the same generator and is therefore never seen before.

use std::collections::{HashMap, HashSet};

use super::draft::{OPENERS, document_from, roman, sentence};
use crate::model::{Document, ParagraphKind, Place, Reinstatement};

/// A generated history and the reinstatements planted in it.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthHistory {
    /// Zero Draft, Rev 1, Rev 2, with display names set.
    pub drafts: Vec<Document>,
    /// Every planted reinstatement: text as it reads in Rev 2, `removed_in` 1,
    /// `reinstated_in` 2, `from` in the Zero Draft, `to` in Rev 2, in Rev 2 order.
    pub expected: Vec<Reinstatement>,
}

/// The fewest numbered paragraphs [`history`] accepts: every role needs its paragraphs.
pub const MIN_PARAGRAPHS: usize = 60;

const LEADS: &[&str] = &[
    "including through",
    "in particular by supporting",
    "notably with regard to",
    "with special attention to",
    "while safeguarding",
    "including by preventing",
    "building on",
    "drawing on lessons from",
];

const ADJECTIVES: &[&str] = &[
    "resilient",
    "equitable",
    "decentralized",
    "transboundary",
    "sovereign",
    "longitudinal",
    "multilingual",
    "indigenous",
    "municipal",
    "rural",
    "submarine",
    "subnational",
    "grassroots",
    "cooperative",
    "provisional",
    "independent",
];

const NOUNS: &[&str] = &[
    "fragmentation",
    "stewardship",
    "observatories",
    "spectrum allocation",
    "data repositories",
    "cable landing stations",
    "exchange points",
    "registries",
    "testbeds",
    "fellowships",
    "audits",
    "safeguards",
    "sandboxes",
    "clearing houses",
    "charters",
    "helpdesks",
    "curricula",
    "incubators",
];

const FIELDS: &[&str] = &[
    "the domain name system",
    "satellite broadband",
    "public libraries",
    "postal networks",
    "community networks",
    "digital public goods",
    "cloud infrastructure",
    "routing security",
    "content moderation",
    "electronic waste",
    "open government data",
    "mobile payments",
    "telemedicine",
    "early warning systems",
    "school connectivity",
    "disaster recovery",
];

/// Words swapped in for a near-verbatim return or an editorial touch.
const SWAPS: &[&str] = &[
    "robust",
    "strengthened",
    "dedicated",
    "targeted",
    "coherent",
];

/// Openers of paragraphs made entirely of fresh text.
const FRESH_OPENERS: &[&str] = &["We welcome", "We look forward to", "We take note of"];

fn pick<'a>(rng: &mut fastrand::Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(..list.len())]
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Distinctive clauses of 5–12 words, no two sharing five words in order (even with
/// other words between), so that no clause reads as a near-verbatim copy of another and
/// the only reinstatements in a history are the planted ones.
struct Clauses {
    made: Vec<Vec<String>>,
}

impl Clauses {
    fn next(&mut self, rng: &mut fastrand::Rng) -> String {
        loop {
            let mut c = format!(
                "{} {} {}",
                pick(rng, LEADS),
                pick(rng, ADJECTIVES),
                pick(rng, NOUNS)
            );
            if rng.bool() {
                c.push_str(&format!(" for {}", pick(rng, FIELDS)));
            }
            let w = words(&c);
            if !(5..=12).contains(&w.len()) || self.made.iter().any(|m| common(m, &w) >= 5) {
                continue;
            }
            self.made.push(w);
            return c;
        }
    }
}

/// The length of the longest common subsequence of two word lists.
fn common(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// `clause` with one inner word replaced: a near-verbatim reading (a word changed).
fn near_verbatim(rng: &mut fastrand::Rng, clause: &str) -> String {
    let mut w: Vec<&str> = clause.split(' ').collect();
    if w.len() >= 7 {
        let k = 1 + rng.usize(..w.len() - 2);
        w[k] = pick(rng, SWAPS);
    }
    w.join(" ")
}

/// Inserts `, clause` at the end of sentence `at` of a paragraph's text (sentences end in
/// ". "; the last in "."), so clauses stand inside paragraphs as well as at their ends.
fn insert_clause(text: &str, at: usize, clause: &str) -> String {
    let body = text.trim_end_matches('.');
    let mut sentences: Vec<String> = body.split(". ").map(str::to_string).collect();
    let k = at.min(sentences.len() - 1);
    sentences[k] = format!("{}, {clause}", sentences[k]);
    format!("{}.", sentences.join(". "))
}

/// One paragraph's text per draft (absent = not in that draft's order).
#[derive(Default)]
struct Texts {
    by_draft: [HashMap<usize, String>; 3],
}

/// A seeded Zero Draft → Rev 1 → Rev 2 history over `paragraphs` numbered paragraphs
/// (at least [`MIN_PARAGRAPHS`]), with the reinstatements planted in it.
///
/// # Panics
/// When `paragraphs < MIN_PARAGRAPHS`.
pub fn history(seed: u64, paragraphs: usize) -> SynthHistory {
    assert!(
        paragraphs >= MIN_PARAGRAPHS,
        "a synthetic history needs at least {MIN_PARAGRAPHS} paragraphs"
    );
    let zero = super::draft(seed, paragraphs);
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed_4157_0e1e_c0de);
    let mut clauses = Clauses { made: Vec::new() };
    let kinds: Vec<ParagraphKind> = zero.paragraphs.iter().map(|p| p.kind).collect();
    let mut texts = Texts::default();
    for (id, p) in zero.paragraphs.iter().enumerate() {
        for d in 0..3 {
            texts.by_draft[d].insert(id, p.text.clone());
        }
    }
    let mut numbered: Vec<usize> = (0..kinds.len())
        .filter(|&i| kinds[i] == ParagraphKind::Numbered)
        .collect();
    rng.shuffle(&mut numbered);
    let mut roles = numbered.into_iter();
    let mut take = |n: usize| -> Vec<usize> { roles.by_ref().take(n).collect() };
    let back_same = take(5);
    let back_other = take(4);
    let other_targets = take(4);
    let stay_gone = take(4);
    let whole_same = take(1)[0];
    let whole_else = take(1)[0];
    let whole_gone = take(2);
    let moved_clause = take(2);
    let moved_targets = take(2);
    let edited = take(8);
    let fresh_rev2 = take(4);
    let moved_paras = take(3);

    // Expected reinstatements as (zero id, rev2 id, text in Rev 2, whole paragraph).
    let mut truth: Vec<(usize, usize, String, bool)> = Vec::new();

    // Phrases planted in the Zero Draft and dropped by Rev 1.
    let plant = |texts: &mut Texts, rng: &mut fastrand::Rng, id: usize, clause: &str| {
        let at = rng.usize(..4);
        let with = insert_clause(&texts.by_draft[0][&id], at, clause);
        texts.by_draft[0].insert(id, with);
        at
    };
    for &id in &back_same {
        let clause = clauses.next(&mut rng);
        let at = plant(&mut texts, &mut rng, id, &clause);
        let back = if rng.usize(..3) == 0 {
            near_verbatim(&mut rng, &clause)
        } else {
            clause
        };
        let rev2 = insert_clause(&texts.by_draft[2][&id], at, &back);
        texts.by_draft[2].insert(id, rev2);
        truth.push((id, id, back, false));
    }
    for (&id, &target) in back_other.iter().zip(&other_targets) {
        let clause = clauses.next(&mut rng);
        plant(&mut texts, &mut rng, id, &clause);
        let back = if rng.usize(..3) == 0 {
            near_verbatim(&mut rng, &clause)
        } else {
            clause
        };
        let at = rng.usize(..4);
        let rev2 = insert_clause(&texts.by_draft[2][&target], at, &back);
        texts.by_draft[2].insert(target, rev2);
        truth.push((id, target, back, false));
    }
    for &id in &stay_gone {
        let clause = clauses.next(&mut rng);
        plant(&mut texts, &mut rng, id, &clause);
    }
    // A clause that moves to another paragraph in Rev 1 (and stays): never absent.
    for (&id, &target) in moved_clause.iter().zip(&moved_targets) {
        let clause = clauses.next(&mut rng);
        plant(&mut texts, &mut rng, id, &clause);
        for d in 1..3 {
            let with = insert_clause(&texts.by_draft[d][&target], 9, &clause);
            texts.by_draft[d].insert(target, with);
        }
    }
    // Whole paragraphs with distinctive language, dropped by Rev 1.
    for &id in [whole_same, whole_else].iter().chain(&whole_gone) {
        let text = format!(
            "{} {}, {}. {} {}, {}.",
            pick(&mut rng, OPENERS),
            sentence(&mut rng),
            clauses.next(&mut rng),
            pick(&mut rng, OPENERS),
            sentence(&mut rng),
            clauses.next(&mut rng),
        );
        for d in 0..3 {
            texts.by_draft[d].insert(id, text.clone());
        }
    }
    for &id in &[whole_same, whole_else] {
        let back = if rng.bool() {
            let t = texts.by_draft[2][&id].clone();
            let (head, tail) = t.split_once(", ").unwrap_or((&t, ""));
            format!("{head}, {}", near_verbatim(&mut rng, tail))
        } else {
            texts.by_draft[2][&id].clone()
        };
        texts.by_draft[2].insert(id, back.clone());
        truth.push((id, id, back, true));
    }
    // Editorial touches in Rev 1, kept in Rev 2: one word changed, or fresh text added.
    for (k, &id) in edited.iter().enumerate() {
        let text = &texts.by_draft[1][&id];
        let new = if k % 2 == 0 {
            let mut w: Vec<&str> = text.split(' ').collect();
            let at = 2 + rng.usize(..w.len().saturating_sub(3).max(1));
            let at = at.min(w.len() - 1);
            let swap = pick(&mut rng, SWAPS);
            let keep_stop = w[at].ends_with('.');
            w[at] = swap;
            let mut s = w.join(" ");
            if keep_stop && !s.ends_with('.') {
                s.push('.');
            }
            s
        } else {
            insert_clause(text, rng.usize(..4), &clauses.next(&mut rng))
        };
        for d in 1..3 {
            texts.by_draft[d].insert(id, new.clone());
        }
    }
    // Fresh text in Rev 2.
    for &id in &fresh_rev2 {
        let with = insert_clause(
            &texts.by_draft[2][&id],
            rng.usize(..4),
            &clauses.next(&mut rng),
        );
        texts.by_draft[2].insert(id, with);
    }

    // Paragraph orders.
    let mut next_id = kinds.len();
    let mut kinds = kinds;
    // Fresh paragraphs are made of fresh clauses, never of the boilerplate of
    // `synth::draft`, so no dropped combination can reappear by chance.
    let mut fresh_paragraph = |rng: &mut fastrand::Rng, texts: &mut Texts, d: usize| {
        let id = next_id;
        next_id += 1;
        kinds.push(ParagraphKind::Numbered);
        let text = format!(
            "{} {}, {}.",
            pick(rng, FRESH_OPENERS),
            clauses.next(rng),
            clauses.next(rng)
        );
        for t in &mut texts.by_draft[d..] {
            t.insert(id, text.clone());
        }
        id
    };
    let order0: Vec<usize> = (0..zero.paragraphs.len()).collect();
    let dropped: HashSet<usize> = [whole_same, whole_else]
        .into_iter()
        .chain(whole_gone.iter().copied())
        .collect();
    let mut order1: Vec<usize> = order0
        .iter()
        .copied()
        .filter(|id| !dropped.contains(id))
        .collect();
    let fresh1 = fresh_paragraph(&mut rng, &mut texts, 1);
    let at = 1 + rng.usize(..order1.len() - 1);
    order1.insert(at, fresh1);

    let mut order2 = order1.clone();
    for &id in &moved_paras {
        order2.retain(|&x| x != id);
        let at = 1 + rng.usize(..order2.len() - 1);
        order2.insert(at, id);
    }
    // Back in place: after the paragraph that preceded it in the Zero Draft.
    let before = order0[order0.iter().position(|&x| x == whole_same).unwrap_or(1) - 1];
    let at = order2
        .iter()
        .position(|&x| x == before)
        .map_or(0, |p| p + 1);
    order2.insert(at, whole_same);
    // As a paragraph of its own elsewhere: at least a few paragraphs from its old place.
    let old = order0.iter().position(|&x| x == whole_else).unwrap_or(0);
    let mut at = rng.usize(1..order2.len());
    while at.abs_diff(old) < 5 {
        at = rng.usize(1..order2.len());
    }
    order2.insert(at, whole_else);
    for _ in 0..2 {
        let id = fresh_paragraph(&mut rng, &mut texts, 2);
        let at = 1 + rng.usize(..order2.len() - 1);
        order2.insert(at, id);
    }

    let names = ["Zero Draft", "Rev 1", "Rev 2"];
    let orders = [&order0, &order1, &order2];
    let drafts: Vec<Document> = (0..3)
        .map(|d| {
            let (mut number, mut section) = (0, 0);
            let paragraphs = orders[d]
                .iter()
                .map(|&id| {
                    let label = if kinds[id] == ParagraphKind::Heading {
                        section += 1;
                        roman(section)
                    } else {
                        number += 1;
                        number.to_string()
                    };
                    (Some(label), kinds[id], texts.by_draft[d][&id].clone())
                })
                .collect();
            let mut doc = document_from(format!("synth-{seed}-{d}.txt"), paragraphs);
            doc.name = Some(names[d].to_string());
            doc
        })
        .collect();
    let position = |d: usize, id: usize| orders[d].iter().position(|&x| x == id).unwrap_or(0);
    let mut expected: Vec<Reinstatement> = truth
        .into_iter()
        .map(|(from, to, text, whole_paragraph)| Reinstatement {
            text,
            removed_in: 1,
            reinstated_in: 2,
            from: Place {
                draft: 0,
                paragraph: position(0, from),
            },
            to: Place {
                draft: 2,
                paragraph: position(2, to),
            },
            whole_paragraph,
        })
        .collect();
    expected.sort_by_key(|r| r.to.paragraph);
    SynthHistory { drafts, expected }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_history() {
        assert_eq!(history(3, 80), history(3, 80));
        assert_ne!(history(3, 80).drafts[1], history(4, 80).drafts[1]);
    }

    #[test]
    fn planted_truth_points_at_the_text() {
        let h = history(11, 100);
        assert_eq!(h.drafts.len(), 3);
        assert_eq!(h.expected.len(), 11);
        for r in &h.expected {
            let back = &h.drafts[2].paragraphs[r.to.paragraph].text;
            assert!(back.contains(&r.text), "{r:?}");
            if r.whole_paragraph {
                assert_eq!(back, &r.text);
            }
            // Absent from Rev 1.
            assert!(
                h.drafts[1]
                    .paragraphs
                    .iter()
                    .all(|p| !p.text.contains(&r.text)),
                "{r:?}"
            );
        }
    }
}
