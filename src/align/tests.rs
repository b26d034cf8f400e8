//! Alignment cases, each checked against a transcript a person can read.

use super::*;
use crate::synth::draft::{document_from, roman};

/// A document from texts: numbered paragraphs, or headings when the text starts with "# ".
fn doc(texts: &[&str]) -> Document {
    let (mut number, mut section) = (0, 0);
    let paragraphs = texts
        .iter()
        .map(|t| match t.strip_prefix("# ") {
            Some(h) => {
                section += 1;
                (Some(roman(section)), ParagraphKind::Heading, h.to_string())
            }
            None => {
                number += 1;
                (
                    Some(number.to_string()),
                    ParagraphKind::Numbered,
                    t.to_string(),
                )
            }
        })
        .collect();
    document_from("test.txt".into(), paragraphs)
}

fn run(old: &[&str], new: &[&str]) -> String {
    let (old, new) = (doc(old), doc(new));
    let changes = align(&old, &new, &AlignOptions::default());
    transcript(&old, &new, &changes)
}

const FORUM: &str = "We recognize the role of the Internet Governance Forum as the primary multistakeholder platform for discussion of Internet governance issues.";
const DIVIDE: &str = "We note with concern that almost half of the world's population remains offline, in particular women and girls in least developed countries.";
const FUNDING: &str = "We call upon donors to provide stable and predictable funding to the Forum secretariat through voluntary contributions.";
const CYBER: &str = "We stress that confidence-building measures among Member States contribute to cooperation on cybersecurity and the stability of cyberspace.";
const LANGUAGES: &str = "We encourage the development of local content in indigenous languages and the preservation of cultural heritage online.";
const ENVIRONMENT: &str = "We acknowledge the environmental footprint of data centres, electronic waste and the energy consumption of emerging technologies.";
const RIGHTS: &str = "We reaffirm that the same rights that people have offline must also be protected online, including freedom of expression and privacy.";

#[test]
fn identical_drafts_are_all_unchanged() {
    assert_eq!(
        run(&[FORUM, DIVIDE], &[FORUM, DIVIDE]),
        "¶ 1 → ¶ 1 unchanged\n¶ 2 → ¶ 2 unchanged\n"
    );
}

#[test]
fn renumbered_paragraph_stays_unchanged() {
    assert_eq!(
        run(&[FORUM, DIVIDE, FUNDING], &[FORUM, FUNDING]),
        "¶ 1 → ¶ 1 unchanged\n¶ 2 → — deleted\n¶ 3 → ¶ 2 unchanged\n"
    );
}

#[test]
fn light_edit_is_modified() {
    let edited = FORUM.replace("primary", "central");
    assert_eq!(
        run(&[FORUM, DIVIDE], &[&edited, DIVIDE]),
        "¶ 1 → ¶ 1 modified 0.89\n¶ 2 → ¶ 2 unchanged\n"
    );
}

#[test]
fn third_rewritten_is_modified() {
    // 8 of 22 words rewritten.
    let edited = "We recognize the role of the Internet Governance Forum as a key platform for dialogue among all stakeholders on Internet governance issues.";
    let out = run(&[DIVIDE, FORUM, FUNDING], &[DIVIDE, edited, FUNDING]);
    assert!(out.contains("¶ 2 → ¶ 2 modified"), "{out}");
}

#[test]
fn unrelated_in_place_is_deleted_plus_inserted() {
    assert_eq!(
        run(&[DIVIDE, FORUM, FUNDING], &[DIVIDE, CYBER, FUNDING]),
        "¶ 1 → ¶ 1 unchanged\n¶ 2 → — deleted\n— → ¶ 2 inserted\n¶ 3 → ¶ 3 unchanged\n"
    );
}

#[test]
fn formulaic_openers_do_not_pair() {
    let old = "We recognize the importance of digital literacy and skills for all.";
    let new = "We recognize the importance of the free flow of information across borders.";
    assert_eq!(
        run(&[DIVIDE, old, FUNDING], &[DIVIDE, new, FUNDING]),
        "¶ 1 → ¶ 1 unchanged\n¶ 2 → — deleted\n— → ¶ 2 inserted\n¶ 3 → ¶ 3 unchanged\n"
    );
}

#[test]
fn displaced_paragraph_is_moved() {
    let old = [
        FORUM,
        DIVIDE,
        FUNDING,
        CYBER,
        LANGUAGES,
        ENVIRONMENT,
        RIGHTS,
    ];
    let new = [
        DIVIDE,
        FUNDING,
        CYBER,
        LANGUAGES,
        ENVIRONMENT,
        RIGHTS,
        FORUM,
    ];
    assert_eq!(
        run(&old, &new),
        "¶ 2 → ¶ 1 unchanged\n¶ 3 → ¶ 2 unchanged\n¶ 4 → ¶ 3 unchanged\n¶ 5 → ¶ 4 unchanged\n\
         ¶ 6 → ¶ 5 unchanged\n¶ 7 → ¶ 6 unchanged\n¶ 1 → ¶ 7 moved 1.00\n"
    );
}

#[test]
fn moved_paragraph_with_edits_is_moved() {
    let edited = RIGHTS.replace("including", "in particular");
    let old = [RIGHTS, DIVIDE, FUNDING, CYBER, LANGUAGES, ENVIRONMENT];
    let new = [DIVIDE, FUNDING, CYBER, LANGUAGES, ENVIRONMENT, &edited];
    let out = run(&old, &new);
    assert!(out.ends_with("¶ 1 → ¶ 6 moved 0.92\n"), "{out}");
}

#[test]
fn paragraphs_shifted_by_insertions_are_not_moved() {
    let out = run(
        &[FORUM, DIVIDE, FUNDING],
        &[CYBER, LANGUAGES, FORUM, DIVIDE, FUNDING],
    );
    assert_eq!(
        out,
        "— → ¶ 1 inserted\n— → ¶ 2 inserted\n¶ 1 → ¶ 3 unchanged\n¶ 2 → ¶ 4 unchanged\n¶ 3 → ¶ 5 unchanged\n"
    );
}

#[test]
fn split_into_adjacent_paragraphs() {
    let whole = format!(
        "{} {}",
        FORUM,
        FUNDING.replace("We call upon", "We also call upon")
    );
    let out = run(&[DIVIDE, &whole, CYBER], &[DIVIDE, FORUM, FUNDING, CYBER]);
    assert_eq!(
        out,
        "¶ 1 → ¶ 1 unchanged\n¶ 2 → ¶ 2, ¶ 3 split 0.97\n¶ 3 → ¶ 4 unchanged\n"
    );
}

#[test]
fn three_way_split() {
    let whole = format!("{FORUM} {FUNDING} {LANGUAGES}");
    let out = run(
        &[DIVIDE, &whole, CYBER],
        &[DIVIDE, FORUM, FUNDING, LANGUAGES, CYBER],
    );
    assert!(out.contains("¶ 2 → ¶ 2, ¶ 3, ¶ 4 split"), "{out}");
}

#[test]
fn merge_of_adjacent_paragraphs() {
    let whole = format!("{FORUM} {FUNDING}");
    let out = run(&[DIVIDE, FORUM, FUNDING, CYBER], &[DIVIDE, &whole, CYBER]);
    assert_eq!(
        out,
        "¶ 1 → ¶ 1 unchanged\n¶ 2, ¶ 3 → ¶ 2 merged 1.00\n¶ 4 → ¶ 3 unchanged\n"
    );
}

#[test]
fn modified_paragraph_next_to_an_insertion_is_not_a_split() {
    let edited = FORUM.replace("primary", "central");
    let out = run(
        &[DIVIDE, FORUM, CYBER],
        &[DIVIDE, &edited, LANGUAGES, CYBER],
    );
    assert_eq!(
        out,
        "¶ 1 → ¶ 1 unchanged\n¶ 2 → ¶ 2 modified 0.90\n— → ¶ 3 inserted\n¶ 3 → ¶ 4 unchanged\n"
    );
}

#[test]
fn deleted_paragraph_stands_after_its_predecessor_even_when_that_moved() {
    let old = [
        FORUM,
        DIVIDE,
        FUNDING,
        CYBER,
        LANGUAGES,
        ENVIRONMENT,
        RIGHTS,
    ];
    // DIVIDE moves to the end; FUNDING, which followed it, is deleted.
    let new = [FORUM, CYBER, LANGUAGES, ENVIRONMENT, RIGHTS, DIVIDE];
    assert_eq!(
        run(&old, &new),
        "¶ 1 → ¶ 1 unchanged\n¶ 3 → — deleted\n¶ 4 → ¶ 2 unchanged\n¶ 5 → ¶ 3 unchanged\n\
         ¶ 6 → ¶ 4 unchanged\n¶ 7 → ¶ 5 unchanged\n¶ 2 → ¶ 6 moved 1.00\n"
    );
}

#[test]
fn heading_renumbered_and_edited_is_modified() {
    let out = run(
        &["# Digital divides", FORUM, "# Financing", FUNDING],
        &[
            "# Digital divides",
            FORUM,
            "# Financing and resources",
            FUNDING,
        ],
    );
    assert_eq!(
        out,
        "I → I unchanged\n¶ 1 → ¶ 1 unchanged\nII → II modified 0.57\n¶ 2 → ¶ 2 unchanged\n"
    );
}

#[test]
fn headings_only_pair_with_headings() {
    let out = run(&["# Financing", FORUM], &["Financing", FORUM]);
    assert_eq!(
        out,
        "I → — deleted\n— → ¶ 1 inserted\n¶ 1 → ¶ 2 unchanged\n"
    );
}

#[test]
fn empty_documents() {
    assert_eq!(run(&[], &[]), "");
    assert_eq!(run(&[FORUM], &[]), "¶ 1 → — deleted\n");
    assert_eq!(run(&[], &[FORUM]), "— → ¶ 1 inserted\n");
}

#[test]
fn split_spans_join_paragraphs_with_the_break() {
    let whole = format!("{FORUM} {FUNDING}");
    let (old, new) = (doc(&[&whole]), doc(&[FORUM, FUNDING]));
    let changes = align(&old, &new, &AlignOptions::default());
    assert_eq!(changes[0].kind, ChangeKind::Split);
    assert_eq!(changes[0].old_text(), whole);
    assert_eq!(
        changes[0].new_text(),
        format!("{FORUM}{PARAGRAPH_BREAK}{FUNDING}")
    );
}

#[test]
fn key_groups_hold_one_key_each_even_when_hashes_collide() {
    let old = doc(&["a", "b", "a", "c"]);
    let new = doc(&["b", "a", "d", "a", "b"]);
    let grouped = |groups: &KeyGroups| {
        let mut out: Vec<(Vec<usize>, Vec<usize>)> = groups
            .groups()
            .map(|(o, n)| {
                (
                    o.iter().map(KeyGroups::index).collect(),
                    n.iter().map(KeyGroups::index).collect(),
                )
            })
            .collect();
        out.sort();
        out
    };
    let expected = vec![
        (vec![], vec![2]),
        (vec![0, 2], vec![1, 3]),
        (vec![1], vec![0, 4]),
        (vec![3], vec![]),
    ];
    assert_eq!(grouped(&KeyGroups::of(&old, &new)), expected);
    // Every key of one hash: the groups are set apart by key all the same.
    assert_eq!(grouped(&KeyGroups::hashed_by(&old, &new, |_| 7)), expected);
}
