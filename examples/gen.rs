//! Writes a seeded pair of drafts as plain text, for benchmarks and for timing against peers.
//!
//! ```text
//! cargo run --release --example gen -- --paragraphs 15000 --seed 1 --out DIR
//! cargo run --release --example gen -- --formulaic --paragraphs 5000 --seed 1 --out DIR
//! ```
//!
//! The default pair is `synth::edits::edited_pair_revised` with realistic paragraphs (about
//! 500 bytes: 15,000 paragraphs make about 7.5 MB a side) and a typical revision (about a
//! tenth of the paragraphs touched; `--revision heavy` touches two in five), so `redline
//! diff`, `git diff --word-diff` and `wdiff` see the same bytes. `--formulaic` writes the
//! adversarial pair instead: near-identical one-sentence paragraphs, shuffled, a tenth
//! lightly edited.
//! `DIR/old.txt` and `DIR/new.txt` are written; the same arguments give the same bytes.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;

use redline::synth::draft::{Shape, plain_text};
use redline::synth::edits::{Revision, edited_pair_revised, formulaic_pair};

/// Write a seeded pair of drafts (old.txt, new.txt) as plain text.
#[derive(Parser, Debug)]
struct Args {
    /// Numbered paragraphs of the old draft.
    #[arg(long, default_value_t = 15_000)]
    paragraphs: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Folder to write old.txt and new.txt into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Write the adversarial pair of near-identical formulaic paragraphs instead.
    #[arg(long)]
    formulaic: bool,
    /// How much the revision touches: `typical` about a tenth of the paragraphs, `heavy`
    /// about two in five.
    #[arg(long, value_enum, default_value_t = Touch::Typical)]
    revision: Touch,
}

/// The revisions `--revision` names.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum Touch {
    Typical,
    Heavy,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let (old, new) = if args.formulaic {
        formulaic_pair(args.seed, args.paragraphs)
    } else {
        let revision = match args.revision {
            Touch::Typical => Revision::Typical,
            Touch::Heavy => Revision::Heavy,
        };
        let pair = edited_pair_revised(args.seed, args.paragraphs, &Shape::realistic(), revision);
        (pair.old, pair.new)
    };
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create folder", args.out.display()))?;
    for (name, doc) in [("old.txt", &old), ("new.txt", &new)] {
        let path = args.out.join(name);
        let text = plain_text(doc);
        std::fs::write(&path, &text)
            .with_context(|| format!("{}: cannot write", path.display()))?;
        println!(
            "{}: {} paragraphs, {} bytes",
            path.display(),
            doc.paragraphs.len(),
            text.len()
        );
    }
    Ok(())
}
