//! Parsing PDF-like text gives back the clean draft's paragraphs.
//!
//! Drafts from the seeded generators are rendered with `synth::pdf_text` (wrapped at varied
//! widths, furniture on every page, hyphenated breaks, dropped blank lines, footnotes) and
//! parsed back. A paragraph counts as recovered when the parse has one with the same label
//! and the same text up to hyphens and whitespace, in order (longest common subsequence).
//! A corpus test runs `pdftotext` on real UN resolutions when both are available.

use std::path::Path;
use std::process::Command;

use redline::parse::parse;
use redline::synth::draft;
use redline::synth::pdf_text::{self, resolution::resolution};
use redline::{Document, ParagraphKind};

/// Label and text with hyphens and whitespace removed: what must survive the PDF round trip.
fn squash(doc: &Document) -> Vec<(Option<String>, String)> {
    doc.paragraphs
        .iter()
        .map(|p| {
            let text = p
                .key()
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect();
            // Derived labels (`PP3`) are not printed: the rendering cannot carry them.
            (p.label.clone().filter(|_| !p.derived), text)
        })
        .collect()
}

/// How many of `clean`'s paragraphs `parsed` recovers, in order.
fn recovered(clean: &Document, parsed: &Document) -> usize {
    let (a, b) = (squash(clean), squash(parsed));
    let mut row = vec![0usize; b.len() + 1];
    for x in &a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

struct Score {
    found: usize,
    total: usize,
    worst: f64,
}

fn score(docs: impl Iterator<Item = (Document, u64)>) -> Score {
    let mut s = Score {
        found: 0,
        total: 0,
        worst: 1.0,
    };
    for (clean, seed) in docs {
        let (text, furniture) = pdf_text::render(&clean, seed);
        let parsed = parse(&text, "rendered.txt");
        let found = recovered(&clean, &parsed);
        let n = clean.paragraphs.len();
        s.found += found;
        s.total += n;
        s.worst = s.worst.min(found as f64 / n as f64);
        for p in &parsed.paragraphs {
            assert!(
                !p.text.contains(&furniture.symbol),
                "seed {seed}: symbol left in {:?}",
                p.text
            );
            assert!(
                !p.text.contains(&furniture.job),
                "seed {seed}: job number left in {:?}",
                p.text
            );
            for c in furniture.counters.iter().filter(|c| c.contains(['/', 'P'])) {
                assert!(
                    !p.text.contains(c.as_str()),
                    "seed {seed}: counter {c} left in {:?}",
                    p.text
                );
            }
        }
        if found * 100 < n * 98 {
            let (a, b) = (squash(&clean), squash(&parsed));
            let missing: Vec<_> = a.iter().filter(|x| !b.contains(x)).take(3).collect();
            panic!("seed {seed}: recovered {found} of {n}; e.g. missing {missing:#?}");
        }
    }
    s
}

fn report(name: &str, s: &Score) {
    println!(
        "{name}: recovered {} of {} paragraphs ({:.2}%), worst document {:.2}%",
        s.found,
        s.total,
        100.0 * s.found as f64 / s.total as f64,
        100.0 * s.worst
    );
}

#[test]
fn numbered_drafts_survive_pdf_rendering() {
    let s = score((0..60).map(|seed| (draft(seed, 100), seed * 7 + 1)));
    report("draft", &s);
    assert!(s.found * 100 >= s.total * 98);
}

#[test]
fn full_resolutions_survive_pdf_rendering() {
    let s = score((0..60).map(|seed| (resolution(seed, 110), seed * 13 + 5)));
    report("resolution", &s);
    assert!(s.found * 100 >= s.total * 98);
}

#[test]
fn kinds_survive_pdf_rendering() {
    let mut same = 0;
    let mut total = 0;
    for seed in 0..30 {
        let clean = resolution(seed, 110);
        let parsed = parse(&pdf_text::pdf_text(&clean, seed), "r.txt");
        for p in &clean.paragraphs {
            total += 1;
            same += usize::from(
                parsed
                    .paragraphs
                    .iter()
                    .any(|q| q.key() == p.key() && q.kind == p.kind && q.label == p.label),
            );
        }
    }
    println!("kinds: {same} of {total} paragraphs found with the same kind, label and key");
    assert!(same * 100 >= total * 95, "{same} of {total}");
}

fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/un-ga-second-committee-2025")
}

#[test]
fn corpus_operative_paragraphs_come_out_in_sequence() {
    let dir = corpus_dir();
    if !dir.is_dir() {
        println!("skipped: no corpus at {}", dir.display());
        return;
    }
    let files = [
        "A_C.2_80_L.17.pdf",
        "A_RES_80_118.pdf",
        "A_C.2_80_L.5.pdf",
        "A_RES_79_199.pdf",
    ];
    for file in files {
        let path = dir.join(file);
        if !path.is_file() {
            println!("skipped: {} not in the corpus", path.display());
            continue;
        }
        let Ok(out) = Command::new("pdftotext").arg(&path).arg("-").output() else {
            println!("skipped: pdftotext is not installed");
            return;
        };
        let text = String::from_utf8_lossy(&out.stdout);
        let doc = parse(&text, file);
        let numbers: Vec<u32> = doc
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Numbered)
            .filter_map(|p| p.label.as_deref()?.parse().ok())
            .collect();
        let n = numbers.len() as u32;
        assert!(n >= 5, "{file}: only {n} numbered paragraphs");
        assert_eq!(numbers, (1..=n).collect::<Vec<_>>(), "{file}");
        // The furniture as this PDF prints it: its symbol, job number and page counters.
        let lines: Vec<&str> = text
            .lines()
            .map(|l| l.trim_start_matches('\x0c').trim())
            .collect();
        let symbol = lines[0];
        let job = lines
            .iter()
            .find(|l| is_job_number(l))
            .expect("a job number");
        let counters: Vec<&str> = lines.iter().copied().filter(|l| is_counter(l)).collect();
        for p in &doc.paragraphs {
            assert!(
                !p.text.contains(&job[..8]),
                "{file}: job number in {:?}",
                p.text
            );
            assert!(!p.text.contains(symbol), "{file}: symbol in {:?}", p.text);
            for w in p.text.split_whitespace() {
                assert!(
                    !counters.contains(&w),
                    "{file}: page counter {w} in {:?}",
                    p.text
                );
            }
        }
        println!(
            "{file}: numbered paragraphs 1..{n} in sequence, {} paragraphs",
            doc.paragraphs.len()
        );
    }
}

fn is_job_number(l: &str) -> bool {
    let b = l.as_bytes();
    b.len() >= 8
        && b[2] == b'-'
        && l[..2]
            .bytes()
            .chain(l[3..8].bytes())
            .all(|c| c.is_ascii_digit())
}

fn is_counter(l: &str) -> bool {
    l.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty() && !b.is_empty() && (a.to_owned() + b).bytes().all(|c| c.is_ascii_digit())
    })
}
