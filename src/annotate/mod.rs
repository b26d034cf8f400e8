//! Annotate finished comparisons: stable references, watched topics, strength of language,
//! square brackets.
//!
//! Every annotation reads the changes `align` and `history` produced and attaches facts to
//! them; none re-aligns. [`comparison`] and [`history`] run them all in a fixed order, so
//! every caller (the command line, the library's users) gets the same report.

pub mod brackets;
pub mod references;
pub mod stats;
pub mod strength;
pub mod topics;

use rayon::prelude::*;

use crate::model::{Change, Document, History};
use topics::Watch;

/// Below this many changes the per-change annotations run on one thread.
const PARALLEL_FROM: usize = 64;

/// Runs `annotate` on every edited change (the others carry no edit to read): each change
/// is read on its own, so in parallel when there are many.
fn each_edited(changes: &mut [Change], annotate: impl Fn(&mut Change) + Sync + Send) {
    let one = |change: &mut Change| {
        if change.is_edited() {
            annotate(change);
        }
    };
    if changes.len() >= PARALLEL_FROM {
        changes.par_iter_mut().for_each(one);
    } else {
        changes.iter_mut().for_each(one);
    }
}

/// The strength lexicon annotation uses: the watch file's, else the built-in one. Call
/// [`strength::Lexicon::prepare`] on it beside the alignment to take its compilation off
/// the annotation's path.
pub fn lexicon(watch: Option<&Watch>) -> &strength::Lexicon {
    watch.map_or(strength::Lexicon::built_in(), |w| &w.lexicon)
}

/// Annotates the changes of one comparison: references always, strength and brackets
/// always (with the watch file's `[[strength]]` entries when there is one), topics when a
/// watch file is given.
pub fn comparison(changes: &mut [Change], old: &Document, new: &Document, watch: Option<&Watch>) {
    let lexicon = lexicon(watch);
    references::assign(changes, old, new);
    strength::annotate(changes, lexicon);
    brackets::annotate(changes);
    if let Some(w) = watch {
        topics::annotate_changes(changes, w);
    }
}

/// Annotates every step of a history as [`comparison`] does, then marks reinstated
/// language on the topics it touches.
pub fn history(history: &mut History, watch: Option<&Watch>) {
    for step in &mut history.steps {
        let (old, new) = (&history.drafts[step.old], &history.drafts[step.new]);
        comparison(&mut step.changes, old, new, watch);
    }
    if let Some(w) = watch {
        topics::mark_reinstated(history, w);
    }
}
