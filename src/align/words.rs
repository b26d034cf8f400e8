//! Word-level redline of one paragraph pair, cleaned up so that it reads like tracked changes.
//!
//! The text is cut into tokens at Unicode word boundaries (UAX #29), so a token is a word, a
//! run of whitespace or a punctuation mark, and a word is never split. The token sequences are
//! diffed with `similar` (patience, which keeps unique words such as names as anchors), and the
//! raw edit script is then cleaned up:
//!
//! 1. an equality made only of spaces and punctuation between two edits is absorbed, so
//!    `[-a-] [-b-]` becomes `[-a b-]`;
//! 2. a single stop word ("the", "of", "and") between two edits is absorbed when one of them
//!    replaces text, so a rewritten phrase is not shown as confetti around its articles;
//! 3. as in diff-match-patch's semantic clean-up, an equality no longer than the edits on both
//!    of its sides is absorbed when one of them replaces text: most of the phrase was
//!    rewritten, so the old phrase is deleted and the new one inserted as wholes.
//!
//! Two pure insertions (or two pure deletions) separated by a real word stay apart: a reader
//! wants to see that "and" survived between them.
//!
//! At each edit site the deletion comes before the insertion, adjacent spans of one operation
//! are merged, and the spans are lossless: equal + delete spans concatenate to `old` and
//! equal + insert spans to `new`, byte for byte.

use std::ops::Range;

use crate::align::segment::word_bounds;
use crate::align::similarity::is_stop_word;
use crate::model::{Span, SpanOp};

/// The redline from `old` to `new`, lossless (see the module documentation).
pub fn redline(old: &str, new: &str) -> Vec<Span> {
    if old == new {
        return if old.is_empty() {
            Vec::new()
        } else {
            vec![Span::new(SpanOp::Equal, old)]
        };
    }
    let a = Tokens::new(old);
    let b = Tokens::new(new);
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &a.tokens, &b.tokens);

    // Raw segments: equal runs and edit sites (a deletion and/or an insertion at one place).
    let mut raw: Vec<Segment> = Vec::with_capacity(ops.len());
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let equal = tag == similar::DiffTag::Equal;
        match raw.last_mut() {
            // Consecutive delete/insert/replace ops form one edit site.
            Some(last) if !last.equal && !equal => {
                last.old.end = old_range.end;
                last.new.end = new_range.end;
            }
            _ => raw.push(Segment {
                equal,
                old: old_range,
                new: new_range,
            }),
        }
    }

    // Clean-up on a stack: whenever an edit lands after `edit, equal`, decide whether the
    // equality between them is absorbed; a merged edit is larger, so it may absorb the
    // equality before it in turn (hence the inner loop).
    let mut stack: Vec<Segment> = Vec::with_capacity(raw.len());
    for seg in raw {
        stack.push(seg);
        while stack.len() >= 3 {
            let k = stack.len();
            let (left, middle, right) = (&stack[k - 3], &stack[k - 2], &stack[k - 1]);
            if left.equal || !middle.equal || right.equal || !absorb(&a, &b, left, middle, right) {
                break;
            }
            let right = stack.pop().expect("three segments");
            stack.pop();
            let left = stack.last_mut().expect("three segments");
            left.old.end = right.old.end;
            left.new.end = right.new.end;
        }
    }

    let mut spans: Vec<Span> = Vec::with_capacity(stack.len() * 2);
    for seg in &stack {
        if seg.equal {
            push(&mut spans, SpanOp::Equal, a.text(seg.old.clone()));
        } else {
            push(&mut spans, SpanOp::Delete, a.text(seg.old.clone()));
            push(&mut spans, SpanOp::Insert, b.text(seg.new.clone()));
        }
    }
    spans
}

/// One run of the edit script over token indices: equal (both ranges the same length) or an
/// edit site (either range may be empty).
#[derive(Debug, Clone)]
struct Segment {
    equal: bool,
    old: Range<usize>,
    new: Range<usize>,
}

/// A text cut at word boundaries, with byte offsets so that runs of tokens slice the original.
struct Tokens<'a> {
    source: &'a str,
    tokens: Vec<&'a str>,
    /// `offsets[k]` is the byte offset of token `k`; one extra entry for the end.
    offsets: Vec<usize>,
}

impl<'a> Tokens<'a> {
    fn new(source: &'a str) -> Self {
        let tokens: Vec<&str> = word_bounds(source).collect();
        let mut offsets = Vec::with_capacity(tokens.len() + 1);
        let mut at = 0;
        for t in &tokens {
            offsets.push(at);
            at += t.len();
        }
        offsets.push(at);
        Tokens {
            source,
            tokens,
            offsets,
        }
    }

    fn text(&self, range: Range<usize>) -> &'a str {
        &self.source[self.offsets[range.start]..self.offsets[range.end]]
    }

    fn chars(&self, range: Range<usize>) -> usize {
        self.text(range).chars().count()
    }
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// Whether the equality `middle` between the edit sites `left` and `right` should be absorbed.
fn absorb(a: &Tokens, b: &Tokens, left: &Segment, middle: &Segment, right: &Segment) -> bool {
    let words: Vec<&str> = a.tokens[middle.old.clone()]
        .iter()
        .copied()
        .filter(|t| is_word(t))
        .collect();
    // Rule 1: only spaces and punctuation between two edits.
    if words.is_empty() {
        return true;
    }
    let replaces = |s: &Segment| !s.old.is_empty() && !s.new.is_empty();
    if !replaces(left) && !replaces(right) {
        return false;
    }
    // Rule 2: a lone stop word between a replacement and another edit.
    if words.len() == 1 && is_stop_word(&words[0].to_lowercase()) {
        return true;
    }
    // Rule 3: the equality is no longer than the edits on either side (in characters).
    let eq = a.chars(middle.old.clone());
    let side = |s: &Segment| a.chars(s.old.clone()).max(b.chars(s.new.clone()));
    eq <= side(left) && eq <= side(right)
}

/// Appends a span, merging it into the previous one when the operation is the same.
fn push(spans: &mut Vec<Span>, op: SpanOp, text: &str) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => spans.push(Span::new(op, text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The redline in wdiff notation, for compact assertions.
    fn wdiff(old: &str, new: &str) -> String {
        let spans = redline(old, new);
        let rebuilt_old: String = spans
            .iter()
            .filter(|s| s.op != SpanOp::Insert)
            .map(|s| s.text.as_str())
            .collect();
        let rebuilt_new: String = spans
            .iter()
            .filter(|s| s.op != SpanOp::Delete)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(rebuilt_old, old);
        assert_eq!(rebuilt_new, new);
        spans
            .iter()
            .map(|s| match s.op {
                SpanOp::Equal => s.text.clone(),
                SpanOp::Delete => format!("[-{}-]", s.text),
                SpanOp::Insert => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    #[test]
    fn one_inserted_word() {
        assert_eq!(
            wdiff(
                "We recognize the role of the Forum.",
                "We recognize the central role of the Forum."
            ),
            "We recognize the {+central +}role of the Forum."
        );
    }

    #[test]
    fn words_are_never_split() {
        assert_eq!(
            wdiff("We support connectivity.", "We supported connectivity."),
            "We [-support-]{+supported+} connectivity."
        );
    }

    #[test]
    fn replacements_across_a_stop_word_read_as_one_phrase() {
        assert_eq!(
            wdiff(
                "to strengthen the capacity of States",
                "to enhance the resilience of States"
            ),
            "to [-strengthen the capacity-]{+enhance the resilience+} of States"
        );
    }

    #[test]
    fn rewritten_phrase_is_deleted_and_inserted_whole() {
        assert_eq!(
            wdiff(
                "We note with concern the digital divide between countries.",
                "We welcome efforts by Member States to bridge divides within countries."
            ),
            "We [-note with concern the digital divide between-]{+welcome efforts by Member States to bridge divides within+} countries."
        );
    }

    #[test]
    fn two_insertions_around_a_kept_word_stay_apart() {
        assert_eq!(
            wdiff(
                "peace and security",
                "lasting peace and collective security"
            ),
            "{+lasting +}peace and {+collective +}security"
        );
    }

    #[test]
    fn deletions_come_before_insertions_and_spans_merge() {
        let spans = redline("a b c", "x y z");
        assert_eq!(
            spans,
            vec![
                Span::new(SpanOp::Delete, "a b c"),
                Span::new(SpanOp::Insert, "x y z")
            ]
        );
    }

    #[test]
    fn empty_and_identical_inputs() {
        assert!(redline("", "").is_empty());
        assert_eq!(
            redline("same", "same"),
            vec![Span::new(SpanOp::Equal, "same")]
        );
        assert_eq!(redline("", "new"), vec![Span::new(SpanOp::Insert, "new")]);
        assert_eq!(redline("old", ""), vec![Span::new(SpanOp::Delete, "old")]);
    }

    #[test]
    fn unicode_text_is_kept_whole() {
        assert_eq!(
            wdiff(
                "Les États membres — réaffirment",
                "Les États parties — réaffirment"
            ),
            "Les États [-membres-]{+parties+} — réaffirment"
        );
    }
}
