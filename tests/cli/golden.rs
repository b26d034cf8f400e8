//! Golden tests on the shipped drafts. Each snapshot was read against `drafts/README.md`'s
//! table of planted changes and judged right before it was committed: every planted change
//! shows with its kind and labels, the redlines read as a careful person's tracked changes,
//! and the topic tags name the coalition's topics.

use super::run;

const ZERO: &str = "drafts/wsis20/zero-draft.txt";
const REV1: &str = "drafts/wsis20/rev1.txt";
const REV2: &str = "drafts/wsis20/rev2.txt";
const WATCH: &str = "drafts/wsis20/watch.toml";

fn diff(old: &str, new: &str) -> String {
    let (status, out, err) = run(&["diff", old, new, "--watch", WATCH, "--width", "100"]);
    assert_eq!(status, 1, "{err}");
    out
}

#[test]
fn hand_checked_zero_draft_to_rev1() {
    insta::assert_snapshot!(diff(ZERO, REV1));
}

#[test]
fn hand_checked_rev1_to_rev2() {
    insta::assert_snapshot!(diff(REV1, REV2));
}
