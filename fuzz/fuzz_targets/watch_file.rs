//! The watch-file parser: any text either loads or gives one error line; a watch file that
//! loads is then used to tag a small comparison and judge a history.

#![no_main]

mod common;

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use redline::topics::Watch;
use redline::{align, check, history, parse};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Watch::parse(text, Path::new("watch.toml")) {
        Err(e) => {
            let message = e.to_string();
            assert!(!message.contains('\n'), "one-line error: {message:?}");
        }
        Ok(watch) => {
            let old = parse::parse(
                "1. The Internet Governance Forum.\n\n2. Human rights online.",
                "a",
            );
            let new = parse::parse("1. The Forum, renewed.\n\n2. Rights apply online.", "b");
            let mut comparison = align::compare(old.clone(), new.clone(), &Default::default());
            redline::annotate::comparison(
                &mut comparison.changes,
                &comparison.old,
                &comparison.new,
                Some(&watch),
            );
            let mut history = history::build(vec![old, new], &Default::default());
            redline::annotate::history(&mut history, Some(&watch));
            let verdict = check::judge(&history, &watch);
            let _ = verdict.ok;
        }
    }
});
