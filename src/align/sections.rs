//! Headings follow their content.
//!
//! A heading says little by its words: "Article 5" in one draft and "Article 5" in the next
//! may be different articles once articles are renumbered, and "[Article 3 ter] (mechanism
//! …)" and "Article 6" may be the same one. What a section *is* shows in its paragraphs. After
//! the paragraphs are paired, a heading pair whose sections share no paragraph is undone,
//! and a free heading is paired with the free heading of the section where most of its
//! paragraphs went, when most of that section's paragraphs came from its own.

use std::collections::HashMap;

/// For each paragraph, the nearest heading at or before it (itself, for a heading).
fn sections(heading: &[bool]) -> Vec<Option<usize>> {
    let mut current = None;
    heading
        .iter()
        .enumerate()
        .map(|(k, &h)| {
            if h {
                current = Some(k);
            }
            current
        })
        .collect()
}

/// For each heading on one side, how many of its section's paired paragraphs landed in each
/// section of the other side (`None`: before the other side's first heading).
fn tallies(
    heading: &[bool],
    partner: &[Option<usize>],
    own: &[Option<usize>],
    other: &[Option<usize>],
) -> HashMap<usize, HashMap<Option<usize>, usize>> {
    let mut out: HashMap<usize, HashMap<Option<usize>, usize>> = HashMap::new();
    for (k, p) in partner.iter().enumerate() {
        if let (Some(h), Some(p), false) = (own[k], *p, heading[k]) {
            *out.entry(h).or_default().entry(other[p]).or_default() += 1;
        }
    }
    out
}

/// The section that received a strict majority of `tally`'s paired paragraphs.
fn majority(tally: Option<&HashMap<Option<usize>, usize>>) -> Option<usize> {
    let tally = tally?;
    let total: usize = tally.values().sum();
    // Ties are broken by the lower index, so the result never depends on hash order.
    tally
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .filter(|(_, count)| **count * 2 > total)
        .and_then(|(&section, _)| section)
}

/// Undoes pairs of reworded headings whose sections share no paragraph (when at least two
/// paired paragraphs of the two sections say so), then pairs free headings by mutual
/// majority. `same_words(old, new)` is true for headings with the same comparison key. Returns
/// the new pairs, whose similarity the caller computes.
pub fn follow_content(
    old_heading: &[bool],
    new_heading: &[bool],
    old_partner: &mut [Option<usize>],
    new_partner: &mut [Option<usize>],
    same_words: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let old_section = sections(old_heading);
    let new_section = sections(new_heading);
    let old_tally = tallies(old_heading, old_partner, &old_section, &new_section);
    let new_tally = tallies(new_heading, new_partner, &new_section, &old_section);
    let shared = |tally: &HashMap<usize, HashMap<Option<usize>, usize>>, h: usize, other: usize| {
        let t = tally.get(&h);
        let total: usize = t.map_or(0, |t| t.values().sum());
        let here = t.and_then(|t| t.get(&Some(other))).copied().unwrap_or(0);
        (here, total)
    };
    for h in (0..old_heading.len()).filter(|&h| old_heading[h]) {
        // A heading kept word for word stays paired, whatever became of its paragraphs.
        let Some(j) = old_partner[h].filter(|&j| !same_words(h, j)) else {
            continue;
        };
        let (here, total) = shared(&old_tally, h, j);
        let (back, total_new) = shared(&new_tally, j, h);
        // Two paired paragraphs say the sections differ: both from one side, or one from
        // each side.
        let elsewhere = |here: usize, total: usize| here == 0 && total > 0;
        if (elsewhere(here, total) && total >= 2)
            || (elsewhere(back, total_new) && total_new >= 2)
            || (elsewhere(here, total) && elsewhere(back, total_new))
        {
            old_partner[h] = None;
            new_partner[j] = None;
        }
    }
    let mut added = Vec::new();
    for h in 0..old_heading.len() {
        if !old_heading[h] || old_partner[h].is_some() {
            continue;
        }
        let Some(j) = majority(old_tally.get(&h)) else {
            continue;
        };
        if new_partner[j].is_some() || majority(new_tally.get(&j)) != Some(h) {
            continue;
        }
        old_partner[h] = Some(j);
        new_partner[j] = Some(h);
        added.push((h, j));
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renumbered_article_heading_follows_its_paragraphs() {
        // Old: A(0) a1 a2, B(3) b1 b2. New: B'(0) b1 b2, A'(3) a1 a2 — and the headings
        // were first paired by position (0-0, 3-3), as "Article 5" with "Article 5".
        let old_heading = [true, false, false, true, false, false];
        let new_heading = old_heading;
        let mut old_partner = vec![Some(0), Some(4), Some(5), Some(3), Some(1), Some(2)];
        let mut new_partner = vec![Some(0), Some(4), Some(5), Some(3), Some(1), Some(2)];
        let added = follow_content(
            &old_heading,
            &new_heading,
            &mut old_partner,
            &mut new_partner,
            |_, _| false,
        );
        assert_eq!(added, [(0, 3), (3, 0)]);
        assert_eq!(old_partner[0], Some(3));
        assert_eq!(new_partner[0], Some(3));
    }

    #[test]
    fn headings_whose_sections_agree_stay_paired() {
        let heading = [true, false, false, true, false];
        let mut old_partner = vec![Some(0), Some(1), None, Some(3), Some(4)];
        let mut new_partner = old_partner.clone();
        let added = follow_content(
            &heading,
            &heading,
            &mut old_partner,
            &mut new_partner,
            |_, _| false,
        );
        assert!(added.is_empty());
        assert_eq!(old_partner, [Some(0), Some(1), None, Some(3), Some(4)]);
    }
}
