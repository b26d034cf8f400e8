//! The heaviest order-preserving chain of paragraph pairs (a weighted longest increasing
//! subsequence), in O(k log k) for k pairs.
//!
//! Pairs on the chain keep their relative order in both drafts: they stayed in place, however
//! much the text around them grew or shrank. Pairs off the chain crossed it: they moved.

/// One candidate pair: old index, new index, weight (> 0).
pub(crate) type Pair = (usize, usize, f64);

/// Indices into `pairs` of the heaviest chain strictly increasing in both old and new index,
/// in increasing order. Deterministic: ties go to the pair processed first.
pub(crate) fn heaviest_chain(pairs: &[Pair]) -> Vec<usize> {
    if pairs.is_empty() {
        return Vec::new();
    }
    // Old index ascending, new index descending within one old index: when a pair is
    // processed, the pairs sharing its old index already in the tree sit at larger new
    // indices, outside its prefix query, so no chain uses one old paragraph twice.
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by(|&x, &y| {
        let (a, b) = (pairs[x], pairs[y]);
        a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(x.cmp(&y))
    });
    let width = pairs.iter().map(|p| p.1).max().unwrap_or(0) + 1;
    let mut tree = MaxTree::new(width);
    let mut best = vec![0.0f64; pairs.len()];
    let mut prev = vec![usize::MAX; pairs.len()];
    for &p in &order {
        let (_, j, w) = pairs[p];
        let (below, from) = tree.prefix_max(j);
        best[p] = below + w;
        prev[p] = from;
        tree.raise(j, best[p], p);
    }
    let (_, mut at) = tree.prefix_max(width);
    let mut chain = Vec::new();
    while at != usize::MAX {
        chain.push(at);
        at = prev[at];
    }
    chain.reverse();
    chain
}

/// A Fenwick tree of prefix maxima over new indices, remembering which pair gave the maximum.
struct MaxTree {
    nodes: Vec<(f64, usize)>,
}

impl MaxTree {
    fn new(width: usize) -> Self {
        MaxTree {
            nodes: vec![(0.0, usize::MAX); width + 1],
        }
    }

    /// The best (weight, pair) over positions `0..end`.
    fn prefix_max(&self, end: usize) -> (f64, usize) {
        let mut at = end;
        let mut best = (0.0, usize::MAX);
        while at > 0 {
            if self.nodes[at].0 > best.0 {
                best = self.nodes[at];
            }
            at &= at - 1;
        }
        best
    }

    /// Records a chain of weight `value` ending with `pair` at position `pos`.
    fn raise(&mut self, pos: usize, value: f64, pair: usize) {
        let mut at = pos + 1;
        while at < self.nodes.len() {
            if value > self.nodes[at].0 {
                self.nodes[at] = (value, pair);
            }
            at += at & at.wrapping_neg();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_order_pairs_form_one_chain() {
        let pairs = [(0, 0, 1.0), (1, 1, 1.0), (2, 2, 1.0)];
        assert_eq!(heaviest_chain(&pairs), vec![0, 1, 2]);
    }

    #[test]
    fn moved_pair_is_left_off() {
        // Old 0 went to the end.
        let pairs = [(0, 3, 1.0), (1, 0, 1.0), (2, 1, 1.0), (3, 2, 1.0)];
        assert_eq!(heaviest_chain(&pairs), vec![1, 2, 3]);
    }

    #[test]
    fn heavier_pair_wins_over_lighter_ones() {
        let pairs = [(0, 1, 3.0), (1, 0, 1.0), (2, 2, 1.0)];
        assert_eq!(heaviest_chain(&pairs), vec![0, 2]);
    }

    #[test]
    fn one_old_paragraph_is_used_once() {
        let pairs = [(0, 0, 1.0), (0, 1, 1.0), (1, 2, 1.0)];
        let chain = heaviest_chain(&pairs);
        assert_eq!(chain.len(), 2);
    }
}
