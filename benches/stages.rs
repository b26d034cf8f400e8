//! Benchmarks of every stage of the pipeline on seeded drafts: parse, align, word redline,
//! and each renderer; plus the shipped drafts' history and the adversarial formulaic pair.
//!
//! `cargo bench --bench stages` runs them all; `cargo bench --bench stages -- align` one
//! group. Inputs come from `redline::synth` with realistic paragraphs (about 500 bytes), the
//! same generator `examples/gen.rs` writes to files for `scripts/bench-peers.sh`; the pairs
//! are revised heavily (two paragraphs in five touched), and `align/typical-1500` typically
//! (one in ten). The library runs on the system allocator here; the command itself uses
//! jemalloc (see `src/main.rs`). These are
//! measurements, never pass/fail: no target is asserted here.

use std::hint::black_box;
use std::io;
use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use redline::align::{self, AlignOptions, words};
use redline::render::{self, Format, RenderOptions};
use redline::synth::draft::{Shape, plain_text};
use redline::synth::edits::{Revision, edited_pair_revised, edited_pair_shaped, formulaic_pair};
use redline::{ChangeKind, Comparison, history, parse, read};

/// Paragraph counts of the scaling benchmarks. The 15,000-paragraph pair takes seconds per
/// run; `scripts/bench-peers.sh` times it end to end instead.
const SIZES: [usize; 2] = [150, 1_500];

fn parse_stage(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for n in SIZES {
        let text = plain_text(&edited_pair_shaped(1, n, &Shape::realistic()).old);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| parse::parse(black_box(text), "old.txt"))
        });
    }
    group.finish();
}

fn align_stage(c: &mut Criterion) {
    let mut group = c.benchmark_group("align");
    group.sample_size(10);
    let options = AlignOptions::default();
    for n in SIZES {
        let pair = edited_pair_shaped(1, n, &Shape::realistic());
        group.bench_with_input(BenchmarkId::from_parameter(n), &pair, |b, pair| {
            b.iter(|| align::align(black_box(&pair.old), black_box(&pair.new), &options))
        });
    }
    // A typical revision (a tenth of the paragraphs touched) beside the heavy ones above.
    let typical = edited_pair_revised(1, 1_500, &Shape::realistic(), Revision::Typical);
    group.bench_function("typical-1500", |b| {
        b.iter(|| align::align(black_box(&typical.old), black_box(&typical.new), &options))
    });
    // The adversary of the candidate index: every feature common, every paragraph moved.
    let (old, new) = formulaic_pair(42, 5_000);
    group.bench_function("formulaic-5000", |b| {
        b.iter(|| align::align(black_box(&old), black_box(&new), &options))
    });
    group.finish();
}

/// The text pairs of the changes a word redline is computed for (everything but
/// insertions, deletions and untouched paragraphs), from an aligned 1,500-paragraph pair.
fn redline_inputs() -> Vec<(String, String)> {
    let comparison = comparison(1_500);
    comparison
        .changes
        .iter()
        .filter(|c| !matches!(c.kind, ChangeKind::Inserted | ChangeKind::Deleted))
        .map(|c| (c.old_text(), c.new_text()))
        .filter(|(a, b)| a != b)
        .collect()
}

fn redline_stage(c: &mut Criterion) {
    let pairs = redline_inputs();
    let mut group = c.benchmark_group("redline");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.bench_function("words-1500", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(a, b)| words::redline(black_box(a), black_box(b)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn comparison(n: usize) -> Comparison {
    let pair = edited_pair_shaped(1, n, &Shape::realistic());
    align::compare(pair.old, pair.new, &AlignOptions::default())
}

fn render_stage(c: &mut Criterion) {
    let comparison = comparison(1_500);
    let options = RenderOptions::default();
    let mut group = c.benchmark_group("render");
    for (name, format) in [
        ("terminal", Format::Terminal),
        ("json", Format::Json),
        ("html", Format::Html),
    ] {
        group.bench_function(format!("{name}-1500"), |b| {
            b.iter(|| {
                render::write_comparison(&mut io::sink(), black_box(&comparison), format, &options)
            })
        });
    }
    group.finish();
}

/// The shipped drafts, read once; then the whole history (three drafts, two steps) and its
/// rendering in every format, as `redline history drafts/wsis20` does after reading.
fn shipped_history(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("drafts/wsis20");
    let drafts: Vec<_> = ["zero-draft.txt", "rev1.txt", "rev2.txt"]
        .iter()
        .map(|f| read::read_document(&dir.join(f)).expect("shipped draft"))
        .collect();
    let options = AlignOptions::default();
    let mut group = c.benchmark_group("shipped");
    group.bench_function("history-build", |b| {
        b.iter(|| history::build(black_box(drafts.clone()), &options))
    });
    let built = history::build(drafts.clone(), &options);
    let render_options = RenderOptions::default();
    for (name, format) in [
        ("terminal", Format::Terminal),
        ("json", Format::Json),
        ("html", Format::Html),
    ] {
        group.bench_function(format!("history-render-{name}"), |b| {
            b.iter(|| {
                render::write_history(&mut io::sink(), black_box(&built), format, &render_options)
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = stages;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = parse_stage, align_stage, redline_stage, render_stage, shipped_history
}
criterion_main!(stages);
