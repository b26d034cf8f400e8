//! The history of up to four arbitrary drafts: lineage, concordance, reinstated language,
//! topic events, check verdicts, and every history and check format.

#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use redline::render::{self, CheckFormat, Format};
use redline::{check, history};

fuzz_target!(|data: &[u8]| {
    let texts = common::drafts(data, 4);
    let docs = common::documents(&texts);
    let counts: Vec<usize> = docs.iter().map(|d| d.paragraphs.len()).collect();
    let mut history = history::build(docs, &Default::default());
    for back in &history.reinstated {
        // Every reported place names a real paragraph, and language returns after it went.
        assert!(back.from.paragraph < counts[back.from.draft]);
        assert!(back.to.paragraph < counts[back.to.draft]);
        assert!(back.from.draft < back.removed_in && back.removed_in < back.reinstated_in);
        assert_eq!(back.to.draft, back.reinstated_in);
    }
    let concordance = history::concordance(&history);
    assert!(concordance.iter().all(|row| row.len() == counts.len()));

    let watch = common::watch();
    redline::annotate::history(&mut history, Some(&watch));
    let options = common::options(false);
    for format in common::FORMATS {
        let out = common::render(|w| render::write_history(w, &history, format, &options));
        if format == Format::Json {
            common::assert_json(&out);
        }
    }
    common::render(|w| render::write_topics(w, &history, &watch, &options));
    if history.drafts.len() >= 2 {
        let verdict = check::judge(&history, &watch);
        for format in common::CHECK_FORMATS {
            let out =
                common::render(|w| render::write_verdict(w, &verdict, &history, format, &options));
            if format == CheckFormat::Json {
                common::assert_json(&out);
            }
        }
    }
});
