//! Unit tests of the history: reinstatement cases one by one, lineage and concordance.

use super::*;
use crate::model::{Lineage, ParagraphKind, Place};
use crate::synth::draft::document_from;

/// A draft of numbered paragraphs 1, 2, 3… with the given texts.
fn doc(name: &str, texts: &[&str]) -> Document {
    document_from(
        format!("{name}.txt"),
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    Some((i + 1).to_string()),
                    ParagraphKind::Numbered,
                    t.to_string(),
                )
            })
            .collect(),
    )
}

const A: &str = "We recognize the role of the Internet Governance Forum as a platform for dialogue on public policy issues.";
const B: &str = "We call upon Member States to strengthen meaningful and affordable connectivity in developing countries.";
const C: &str = "We request the Secretary-General to report on the implementation of the action lines by the end of the review period.";
const D: &str = "We encourage the private sector to support digital literacy and skills through voluntary contributions.";
const CLAUSE: &str = "including by preventing the fragmentation of the Internet";

fn with_clause(base: &str) -> String {
    format!("{}, {CLAUSE}.", base.trim_end_matches('.'))
}

fn history(drafts: Vec<Document>) -> History {
    build(drafts, &AlignOptions::default())
}

#[test]
fn phrase_back_in_place() {
    let b0 = with_clause(B);
    let h = history(vec![
        doc("zero", &[A, &b0, C]),
        doc("rev1", &[A, B, C]),
        doc("rev2", &[A, &b0, C]),
    ]);
    assert_eq!(h.reinstated.len(), 1, "{:#?}", h.reinstated);
    let r = &h.reinstated[0];
    assert_eq!(r.text, CLAUSE);
    assert_eq!((r.removed_in, r.reinstated_in), (1, 2));
    assert_eq!(
        r.from,
        Place {
            draft: 0,
            paragraph: 1
        }
    );
    assert_eq!(
        r.to,
        Place {
            draft: 2,
            paragraph: 1
        }
    );
    assert!(!r.whole_paragraph);
}

#[test]
fn phrase_back_inside_another_paragraph() {
    let b0 = with_clause(B);
    let d2 = with_clause(D);
    let h = history(vec![
        doc("zero", &[A, &b0, C, D]),
        doc("rev1", &[A, B, C, D]),
        doc("rev2", &[A, B, C, &d2]),
    ]);
    assert_eq!(h.reinstated.len(), 1, "{:#?}", h.reinstated);
    let r = &h.reinstated[0];
    assert_eq!(r.text, CLAUSE);
    assert_eq!(
        r.from,
        Place {
            draft: 0,
            paragraph: 1
        }
    );
    assert_eq!(
        r.to,
        Place {
            draft: 2,
            paragraph: 3
        }
    );
}

#[test]
fn whole_paragraph_back_as_its_own_paragraph() {
    let h = history(vec![
        doc("zero", &[A, B, C, D]),
        doc("rev1", &[A, B, D]),
        doc("rev2", &[C, A, B, D]),
    ]);
    assert_eq!(h.reinstated.len(), 1, "{:#?}", h.reinstated);
    let r = &h.reinstated[0];
    assert!(r.whole_paragraph);
    assert_eq!(r.text, C);
    assert_eq!(
        r.from,
        Place {
            draft: 0,
            paragraph: 2
        }
    );
    assert_eq!(
        r.to,
        Place {
            draft: 2,
            paragraph: 0
        }
    );
    // The returned paragraph continues the old paragraph's lineage.
    let row = lineage_of(&h, r.to).unwrap();
    assert_eq!(h.lineage[row].paragraphs, vec![vec![2], vec![], vec![0]]);
}

#[test]
fn near_verbatim_return_counts() {
    let b0 = with_clause(B);
    let b2 = b0.replace("preventing", "avoiding");
    let h = history(vec![
        doc("zero", &[A, &b0, C]),
        doc("rev1", &[A, B, C]),
        doc("rev2", &[A, &b2, C]),
    ]);
    assert_eq!(h.reinstated.len(), 1, "{:#?}", h.reinstated);
    assert_eq!(
        h.reinstated[0].text,
        "including by avoiding the fragmentation of the Internet"
    );
    // A returned paragraph with a word changed is still a whole-paragraph return.
    let c2 = C.replace("report on", "report annually on");
    let h = history(vec![
        doc("zero", &[A, B, C]),
        doc("rev1", &[A, B]),
        doc("rev2", &[A, B, &c2]),
    ]);
    assert_eq!(h.reinstated.len(), 1, "{:#?}", h.reinstated);
    assert!(h.reinstated[0].whole_paragraph);
    assert_eq!(h.reinstated[0].text, c2);
}

#[test]
fn moved_text_is_not_reinstated() {
    let b0 = with_clause(B);
    let d1 = with_clause(D);
    // The clause moves to another paragraph in Rev 1, and a paragraph moves in Rev 2.
    let h = history(vec![
        doc("zero", &[A, &b0, C, D]),
        doc("rev1", &[A, B, C, &d1]),
        doc("rev2", &[C, A, B, &d1]),
    ]);
    assert!(h.reinstated.is_empty(), "{:#?}", h.reinstated);
}

#[test]
fn new_text_is_not_reinstated() {
    let b2 = with_clause(B);
    let h = history(vec![
        doc("zero", &[A, B, C]),
        doc("rev1", &[A, B]),
        doc(
            "rev2",
            &[
                A,
                &b2,
                "We welcome the establishment of a multistakeholder working group on data.",
            ],
        ),
    ]);
    assert!(h.reinstated.is_empty(), "{:#?}", h.reinstated);
}

#[test]
fn removed_and_still_absent_is_not_reinstated() {
    let b0 = with_clause(B);
    let h = history(vec![
        doc("zero", &[A, &b0, C, D]),
        doc("rev1", &[A, B, D]),
        doc("rev2", &[A, B, D]),
    ]);
    assert!(h.reinstated.is_empty(), "{:#?}", h.reinstated);
}

#[test]
fn four_draft_chain_absent_for_two_drafts() {
    let b0 = with_clause(B);
    let h = history(vec![
        doc("zero", &[A, &b0, C]),
        doc("rev1", &[A, B, C]),
        doc("rev2", &[A, B, C, D]),
        doc("rev3", &[A, &b0, C, D]),
    ]);
    assert_eq!(h.reinstated.len(), 1, "{:#?}", h.reinstated);
    let r = &h.reinstated[0];
    assert_eq!((r.removed_in, r.reinstated_in), (1, 3));
    assert_eq!(
        r.from,
        Place {
            draft: 0,
            paragraph: 1
        }
    );
    assert_eq!(
        r.to,
        Place {
            draft: 3,
            paragraph: 1
        }
    );
}

#[test]
fn removed_twice_and_back_twice_is_two_reports() {
    let b0 = with_clause(B);
    let h = history(vec![
        doc("zero", &[A, &b0]),
        doc("rev1", &[A, B]),
        doc("rev2", &[A, &b0]),
        doc("rev3", &[A, B]),
        doc("rev4", &[A, &b0]),
    ]);
    let when: Vec<(usize, usize)> = h
        .reinstated
        .iter()
        .map(|r| (r.removed_in, r.reinstated_in))
        .collect();
    assert_eq!(when, [(1, 2), (3, 4)]);
}

#[test]
fn clause_restored_to_its_paragraph_is_not_a_whole_paragraph() {
    // The paragraph survived without the clause, so only the clause came back.
    let short = "We call upon Member States to act.";
    let s0 = with_clause(short);
    let h = history(vec![
        doc("zero", &[A, &s0]),
        doc("rev1", &[A, short]),
        doc("rev2", &[A, &s0]),
    ]);
    assert_eq!(h.reinstated.len(), 1, "{:#?}", h.reinstated);
    assert!(!h.reinstated[0].whole_paragraph);
    assert_eq!(h.reinstated[0].text, CLAUSE);
}

#[test]
fn two_drafts_have_no_reinstatements() {
    let h = history(vec![doc("zero", &[A, B]), doc("rev1", &[A])]);
    assert!(h.reinstated.is_empty());
    assert_eq!(h.steps.len(), 1);
}

#[test]
fn lineage_follows_unchanged_inserted_and_deleted_paragraphs() {
    let h = history(vec![
        doc("zero", &[A, B, C]),
        doc("rev1", &[D, A, C]),
        doc("rev2", &[D, A, C]),
    ]);
    let rows: Vec<&Lineage> = h.lineage.iter().collect();
    assert_eq!(
        rows.iter()
            .map(|l| l.paragraphs.clone())
            .collect::<Vec<_>>(),
        vec![
            vec![vec![0], vec![1], vec![1]], // A: renumbered 1 → 2
            vec![vec![1], vec![], vec![]],   // B: deleted in Rev 1
            vec![vec![2], vec![2], vec![2]], // C
            vec![vec![], vec![0], vec![0]],  // D: new in Rev 1
        ]
    );
    let table = concordance(&h);
    assert_eq!(
        table[0],
        vec![Some("¶ 1".into()), Some("¶ 2".into()), Some("¶ 2".into())]
    );
    assert_eq!(table[1], vec![Some("¶ 2".into()), None, None]);
    assert_eq!(
        lineage_of(
            &h,
            Place {
                draft: 1,
                paragraph: 0
            }
        ),
        Some(3)
    );
}

#[test]
fn lineage_partitions_every_paragraph_of_every_draft() {
    let drafts: Vec<Document> = (0..3).map(|s| crate::synth::draft(s, 40)).collect();
    let h = history(drafts);
    for (d, doc) in h.drafts.iter().enumerate() {
        let mut seen: Vec<usize> = h
            .lineage
            .iter()
            .flat_map(|l| l.paragraphs[d].iter().copied())
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..doc.paragraphs.len()).collect::<Vec<_>>());
    }
    // Ordered by first appearance.
    let firsts: Vec<(usize, usize)> = h
        .lineage
        .iter()
        .map(|l| {
            l.paragraphs
                .iter()
                .enumerate()
                .find_map(|(d, ps)| ps.first().map(|&p| (d, p)))
                .unwrap()
        })
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn lineage_joins_split_paragraphs() {
    use crate::model::{Change, ChangeKind};
    let drafts = vec![doc("zero", &[A, B]), doc("rev1", &[A, B, C])];
    let steps = vec![Step {
        old: 0,
        new: 1,
        changes: vec![
            Change {
                kind: ChangeKind::Unchanged,
                old: vec![0],
                new: vec![0],
                similarity: 1.0,
                spans: vec![],
                ..Default::default()
            },
            Change {
                kind: ChangeKind::Split,
                old: vec![1],
                new: vec![1, 2],
                similarity: 0.6,
                spans: vec![],
                ..Default::default()
            },
        ],
    }];
    let l = lineage(&drafts, &steps, &[]);
    assert_eq!(l.len(), 2);
    assert_eq!(l[1].paragraphs, vec![vec![1], vec![1, 2]]);
    let h = History {
        drafts,
        steps,
        lineage: l,
        reinstated: vec![],
    };
    assert_eq!(concordance(&h)[1][1].as_deref(), Some("¶ 2 + ¶ 3"));
}
