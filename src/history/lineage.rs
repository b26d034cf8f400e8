//! Lineage: paragraphs followed from draft to draft, and the concordance table built on it.

use crate::model::{Document, History, Lineage, Place, Reinstatement, Step};

/// Follows every paragraph across all drafts.
///
/// Two paragraphs of consecutive drafts are of one lineage when a step's change holds both
/// (unchanged, modified, moved, split or merged); lineages are the connected groups of that
/// relation, so a split puts several paragraphs of one draft into the lineage and a later
/// merge joins them back. A whole paragraph that was dropped and reinstated later (found by
/// text, see [`super::reinstated`]) continues its old lineage when the returned paragraph
/// starts a lineage of its own there: the negotiators' table keeps its row.
///
/// Every paragraph of every draft is in exactly one lineage. Lineages are ordered by first
/// appearance: the first draft they occupy, then their first paragraph there.
pub fn lineage(drafts: &[Document], steps: &[Step], reinstated: &[Reinstatement]) -> Vec<Lineage> {
    // Union–find over every (draft, paragraph), numbered draft by draft.
    let mut base = Vec::with_capacity(drafts.len() + 1);
    let mut total = 0;
    for d in drafts {
        base.push(total);
        total += d.paragraphs.len();
    }
    let node = |p: Place| base[p.draft] + p.paragraph;
    let mut sets = Sets::new(total);
    for step in steps {
        for change in &step.changes {
            let olds = change.old.iter().map(|&p| Place {
                draft: step.old,
                paragraph: p,
            });
            let news = change.new.iter().map(|&p| Place {
                draft: step.new,
                paragraph: p,
            });
            let mut members = olds
                .chain(news)
                .filter(|p| p.paragraph < drafts[p.draft].paragraphs.len());
            if let Some(first) = members.next() {
                for other in members {
                    sets.union(node(first), node(other));
                }
            }
        }
    }
    // Link whole-paragraph returns only across a true gap, so no lineage ever holds two
    // unrelated paragraphs of one draft because of this rule.
    let mut groups = collect(drafts, &base, &mut sets);
    for r in reinstated.iter().filter(|r| r.whole_paragraph) {
        let (a, b) = (sets.find(node(r.from)), sets.find(node(r.to)));
        if a == b {
            continue;
        }
        let old = &groups[&a];
        let new = &groups[&b];
        let old_ends = (r.from.draft + 1..drafts.len()).all(|d| old.paragraphs[d].is_empty());
        let new_starts = (0..r.to.draft).all(|d| new.paragraphs[d].is_empty());
        if old_ends && new_starts {
            sets.union(a, b);
            groups = collect(drafts, &base, &mut sets);
        }
    }
    let mut out: Vec<Lineage> = groups.into_values().collect();
    out.sort_by_key(first_appearance);
    out
}

fn first_appearance(l: &Lineage) -> (usize, usize) {
    l.paragraphs
        .iter()
        .enumerate()
        .find_map(|(d, ps)| ps.first().map(|&p| (d, p)))
        .unwrap_or((usize::MAX, usize::MAX))
}

/// The lineages as a map from set representative to lineage.
fn collect(
    drafts: &[Document],
    base: &[usize],
    sets: &mut Sets,
) -> std::collections::HashMap<usize, Lineage> {
    let mut groups: std::collections::HashMap<usize, Lineage> = std::collections::HashMap::new();
    for (d, doc) in drafts.iter().enumerate() {
        for p in 0..doc.paragraphs.len() {
            let root = sets.find(base[d] + p);
            groups
                .entry(root)
                .or_insert_with(|| Lineage {
                    paragraphs: vec![Vec::new(); drafts.len()],
                })
                .paragraphs[d]
                .push(p);
        }
    }
    groups
}

/// Disjoint sets with path halving and union by size.
struct Sets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}

/// The concordance of paragraph references across drafts, the table negotiators keep by
/// hand: one row per lineage (in [`History::lineage`] order), one cell per draft, `None`
/// where the lineage is absent, and references joined with " + " where it holds several
/// paragraphs (after a split). E.g. `[Some("¶ 87"), Some("¶ 85"), Some("¶ 89")]`.
pub fn concordance(history: &History) -> Vec<Vec<Option<String>>> {
    history
        .lineage
        .iter()
        .map(|l| {
            l.paragraphs
                .iter()
                .enumerate()
                .map(|(d, ps)| {
                    let doc = history.drafts.get(d)?;
                    let refs: Vec<String> = ps
                        .iter()
                        .filter(|&&p| p < doc.paragraphs.len())
                        .map(|&p| doc.reference(p))
                        .collect();
                    (!refs.is_empty()).then(|| refs.join(" + "))
                })
                .collect()
        })
        .collect()
}

/// The index in [`History::lineage`] of the lineage holding paragraph `place`, if any.
pub fn lineage_of(history: &History, place: Place) -> Option<usize> {
    history.lineage.iter().position(|l| {
        l.paragraphs
            .get(place.draft)
            .is_some_and(|ps| ps.contains(&place.paragraph))
    })
}
