//! The engine on two arbitrary drafts: parse both, align, tag topics, render every format.
//! No panic, no hang, every paragraph in exactly one change, JSON that parses, and a draft
//! compared with itself shows no differences.

#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use redline::align;

fuzz_target!(|data: &[u8]| {
    let mut texts = common::drafts(data, 2);
    // No separator: the old draft is the whole input and the new one empty.
    texts.resize(2, String::new());
    let mut docs = common::documents(&texts).into_iter();
    let (Some(old), Some(new)) = (docs.next(), docs.next()) else {
        return;
    };
    let options = align::AlignOptions::default();

    let same = align::align(&old, &old, &options);
    common::assert_partition(&old, &old, &same);
    assert!(
        same.iter()
            .all(|c| c.kind == redline::ChangeKind::Unchanged),
        "a draft compared with itself changed"
    );

    let mut comparison = align::compare(old, new, &options);
    common::assert_partition(&comparison.old, &comparison.new, &comparison.changes);
    redline::annotate::comparison(
        &mut comparison.changes,
        &comparison.old,
        &comparison.new,
        Some(&common::watch()),
    );
    common::render_comparison(&comparison, false);
    common::render_comparison(&comparison, true);
});
