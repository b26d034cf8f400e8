//! Strength of language: operative verbs and modals ranked by force, and the edits that
//! replace one with a weaker or stronger one ("We decide" → "We note", "should" → "shall").
//!
//! The built-in lexicon is documented in `docs/strength.md`; a watch file's `[[strength]]`
//! entries extend it or override an entry of the same name. This stage reads finished
//! changes and attaches [`StrengthShift`]s; it never re-aligns.

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;

use crate::model::{Change, SpanOp, StrengthEffect, StrengthShift};

/// One ranked verb or modal phrase.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The name reports use: "decide", "call upon", "shall".
    pub name: String,
    /// The family it is ranked within: a verb is only compared with verbs of its class.
    pub class: String,
    /// Its force within the class: higher is stronger.
    pub rank: u8,
    /// What it looks like in text.
    pub pattern: Regex,
}

/// A `[[strength]]` entry of a watch file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntrySpec {
    /// The name; an entry of the built-in lexicon with this name is replaced.
    pub name: String,
    /// The class: `operative`, `modal`, `commitment`, or a new one.
    pub class: String,
    /// Force within the class; higher is stronger.
    pub rank: u8,
    /// A regular expression (case-insensitive); by default the name's words, each allowed an
    /// inflection ending.
    pub pattern: Option<String>,
}

/// The built-in lexicon: (name, class, rank, pattern). Ranks follow the force negotiators
/// give these words in UN resolutions: a decision binds the body itself, a request or call
/// asks others to act, encouragement and invitation leave them free, noting commits nobody.
const BUILT_IN: &[(&str, &str, u8, &str)] = &[
    ("decide", "operative", 8, r"\bdecide[sd]?\b"),
    ("demand", "operative", 8, r"\bdemand(s|ed)?\b"),
    ("request", "operative", 7, r"\brequest(s|ed)?\b"),
    ("call upon", "operative", 6, r"\bcall(s|ed)? (up)?on\b"),
    ("urge", "operative", 6, r"\burge[sd]?\b"),
    ("recommend", "operative", 5, r"\brecommend(s|ed)?\b"),
    ("encourage", "operative", 4, r"\bencourage[sd]?\b"),
    ("invite", "operative", 3, r"\binvite[sd]?\b"),
    ("welcome", "operative", 2, r"\bwelcome[sd]?\b"),
    ("acknowledge", "operative", 1, r"\backnowledge[sd]?\b"),
    ("take note", "operative", 1, r"\btak(e|es|ing) note\b"),
    (
        "note",
        "operative",
        1,
        r"\bnote[sd]?\b(\s+(with|that|the|its)\b)",
    ),
    ("shall", "modal", 3, r"\bshall\b"),
    ("must", "modal", 3, r"\bmust\b"),
    ("should", "modal", 2, r"\bshould\b"),
    ("may", "modal", 1, r"\b(?-i:may)\b"),
    ("could", "modal", 1, r"\bcould\b"),
    (
        "commit to",
        "commitment",
        4,
        r"\bcommit(s|ted)? (ourselves |themselves )?to\b",
    ),
    ("pledge", "commitment", 4, r"\bpledge[sd]?\b"),
    ("strive to", "commitment", 2, r"\bstrive[sd]? to\b"),
    ("endeavour to", "commitment", 2, r"\bendeavou?r(s|ed)? to\b"),
    ("aim to", "commitment", 2, r"\baim(s|ed)? to\b"),
    ("consider", "commitment", 1, r"\bconsider(s|ed)?\b"),
    ("explore", "commitment", 1, r"\bexplore[sd]?\b"),
];

/// A ranked lexicon of operative verbs and modals.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// The entries, built-in first, then the watch file's.
    pub entries: Vec<Entry>,
    /// All the entries' patterns in one set, built when first needed (see
    /// [`Lexicon::prepare`]); `None` inside should the set exceed the size limit.
    set: OnceLock<Option<RegexSet>>,
}

fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(1 << 20)
        .build()
}

/// The default pattern of a user entry: its words, whole, each allowing an ending.
fn default_pattern(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| format!("{}(s|es|d|ed)?", regex::escape(w)))
        .collect();
    format!(r"\b{}\b", words.join(r"\s+"))
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon {
            set: OnceLock::new(),
            entries: BUILT_IN
                .iter()
                .map(|&(name, class, rank, pattern)| Entry {
                    name: name.into(),
                    class: class.into(),
                    rank,
                    pattern: compile(pattern).expect("built-in strength patterns compile"),
                })
                .collect(),
        }
    }
}

impl Lexicon {
    /// The built-in lexicon with `specs` added, each replacing a built-in entry of its name.
    ///
    /// # Errors
    /// The name of the entry whose pattern does not compile, and why.
    pub fn with(specs: &[EntrySpec]) -> Result<Lexicon, (String, String)> {
        let mut lexicon = Lexicon::default();
        for spec in specs {
            let source = spec
                .pattern
                .clone()
                .unwrap_or_else(|| default_pattern(&spec.name));
            let pattern = compile(&source).map_err(|e| {
                let why = e.to_string();
                let last = why.lines().last().unwrap_or("invalid").trim();
                let last = last.strip_prefix("error: ").unwrap_or(last);
                (spec.name.clone(), format!("bad pattern '{source}': {last}"))
            })?;
            lexicon.entries.retain(|e| e.name != spec.name);
            lexicon.entries.push(Entry {
                name: spec.name.clone(),
                class: spec.class.clone(),
                rank: spec.rank,
                pattern,
            });
        }
        Ok(lexicon)
    }

    /// The built-in lexicon, compiled once for the whole process.
    pub fn built_in() -> &'static Lexicon {
        static BUILT: LazyLock<Lexicon> = LazyLock::new(Lexicon::default);
        &BUILT
    }

    /// Compiles what annotating many changes needs (the set of all patterns), so that a
    /// caller can have it done beside other work, the alignment, instead of on its path.
    pub fn prepare(&self) {
        self.set();
    }

    /// All the entries' patterns in one set, compiled as each entry's is; `None` should
    /// the set exceed the size limit (each entry is then searched for on its own).
    fn set(&self) -> Option<&RegexSet> {
        self.set
            .get_or_init(|| {
                RegexSetBuilder::new(self.entries.iter().map(|e| e.pattern.as_str()))
                    .case_insensitive(true)
                    .size_limit(self.entries.len().max(1) << 20)
                    .build()
                    .ok()
            })
            .as_ref()
    }

    /// Lexicon entries found in `text` that overlap one of the `edited` ranges, in text order.
    ///
    /// With a `set` of the entries' patterns, only the entries the set finds somewhere in
    /// `text` are searched for (one pass instead of one per entry; the same hits).
    fn edited_hits<'l>(
        &'l self,
        text: &str,
        edited: &[Range<usize>],
        set: Option<&RegexSet>,
    ) -> Vec<(usize, &'l Entry)> {
        if edited.is_empty() {
            return Vec::new();
        }
        let present = set.map(|s| s.matches(text));
        let mut hits: Vec<(usize, &Entry)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(k, _)| present.as_ref().is_none_or(|p| p.matched(*k)))
            .flat_map(|(_, e)| e.pattern.find_iter(text).map(move |m| (m, e)))
            .filter(|(m, _)| {
                edited
                    .iter()
                    .any(|r| m.start() < r.end && r.start < m.end())
            })
            .map(|(m, e)| (m.start(), e))
            .collect();
        hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
        hits.dedup_by_key(|h| h.0);
        hits
    }

    /// The shifts in one change: lexicon entries in deleted text paired, class by class and in
    /// order, with entries of the same class in inserted text; a pair of different ranks is
    /// a shift.
    pub fn shifts(&self, change: &Change) -> Vec<StrengthShift> {
        self.shifts_with(change, None)
    }

    /// [`Lexicon::shifts`], with the [`Lexicon::set`] of the entries' patterns or without.
    fn shifts_with(&self, change: &Change, set: Option<&RegexSet>) -> Vec<StrengthShift> {
        let (old, old_edits) = side(change, SpanOp::Insert);
        let removed = self.edited_hits(&old, &old_edits, set);
        // Every shift starts from an entry in deleted text.
        if removed.is_empty() {
            return Vec::new();
        }
        let (new, new_edits) = side(change, SpanOp::Delete);
        let added = self.edited_hits(&new, &new_edits, set);
        let mut used = vec![false; added.len()];
        let mut shifts = Vec::new();
        for (_, from) in removed {
            let Some(k) = (0..added.len()).find(|&k| !used[k] && added[k].1.class == from.class)
            else {
                continue;
            };
            used[k] = true;
            let to = added[k].1;
            let effect = match to.rank.cmp(&from.rank) {
                std::cmp::Ordering::Less => StrengthEffect::Softened,
                std::cmp::Ordering::Greater => StrengthEffect::Strengthened,
                std::cmp::Ordering::Equal => continue,
            };
            shifts.push(StrengthShift {
                from: from.name.clone(),
                to: to.name.clone(),
                effect,
            });
        }
        shifts
    }
}

/// One side of a change's text with the byte ranges of its edited spans.
fn side(change: &Change, drop: SpanOp) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut edited = Vec::new();
    for span in change.spans.iter().filter(|s| s.op != drop) {
        let start = text.len();
        text.push_str(&span.text);
        if span.op != SpanOp::Equal {
            edited.push(start..text.len());
        }
    }
    (text, edited)
}

/// Attaches strength shifts to every edited change.
pub fn annotate(changes: &mut [Change], lexicon: &Lexicon) {
    // Many edited changes: one pass of all patterns together tells which entries to look
    // for in a text, worth its building (a millisecond or two) only then.
    let edited = changes.iter().filter(|c| c.is_edited()).count();
    let set = (edited >= super::PARALLEL_FROM)
        .then(|| lexicon.set())
        .flatten();
    super::each_edited(changes, |change| {
        change.strength = lexicon.shifts_with(change, set);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChangeKind, Span};

    fn change(spans: &[(SpanOp, &str)]) -> Change {
        Change {
            kind: ChangeKind::Modified,
            old: vec![0],
            new: vec![0],
            spans: spans.iter().map(|&(op, t)| Span::new(op, t)).collect(),
            ..Default::default()
        }
    }

    fn shifts(spans: &[(SpanOp, &str)]) -> Vec<(String, String, StrengthEffect)> {
        Lexicon::default()
            .shifts(&change(spans))
            .into_iter()
            .map(|s| (s.from, s.to, s.effect))
            .collect()
    }

    #[test]
    fn the_pattern_set_finds_the_same_shifts() {
        let lexicon = Lexicon::default();
        let set = lexicon.set().expect("the built-in patterns fit one set");
        let cases: [&[(SpanOp, &str)]; 4] = [
            &[
                (SpanOp::Equal, "We "),
                (SpanOp::Delete, "decide"),
                (SpanOp::Insert, "note the proposal"),
                (SpanOp::Equal, " to establish an office."),
            ],
            &[
                (SpanOp::Equal, "States "),
                (SpanOp::Delete, "should"),
                (SpanOp::Insert, "shall"),
                (SpanOp::Equal, " and may commit themselves to act."),
            ],
            &[
                (SpanOp::Delete, "We urge and call upon all"),
                (SpanOp::Insert, "We encourage and invite all"),
            ],
            &[
                (SpanOp::Equal, "We decide."),
                (SpanOp::Insert, " We note with"),
            ],
        ];
        for spans in cases {
            let c = change(spans);
            assert_eq!(lexicon.shifts_with(&c, Some(set)), lexicon.shifts(&c));
            assert_eq!(
                lexicon.shifts(&c),
                lexicon.shifts_with(&c, None),
                "{spans:?}"
            );
        }
    }

    #[test]
    fn decide_to_note_is_softened() {
        let got = shifts(&[
            (SpanOp::Equal, "We "),
            (SpanOp::Delete, "decide"),
            (SpanOp::Insert, "note the proposal"),
            (SpanOp::Equal, " to establish an office."),
        ]);
        assert_eq!(
            got,
            [("decide".into(), "note".into(), StrengthEffect::Softened)]
        );
    }

    #[test]
    fn should_to_shall_is_strengthened_and_equal_ranks_are_not_shifts() {
        let got = shifts(&[
            (SpanOp::Equal, "The programme "),
            (SpanOp::Delete, "should"),
            (SpanOp::Insert, "shall"),
            (SpanOp::Equal, " include a track."),
        ]);
        assert_eq!(
            got,
            [(
                "should".into(),
                "shall".into(),
                StrengthEffect::Strengthened
            )]
        );
        let same = shifts(&[
            (SpanOp::Equal, "We "),
            (SpanOp::Delete, "urge"),
            (SpanOp::Insert, "call upon"),
            (SpanOp::Equal, " States."),
        ]);
        assert!(same.is_empty(), "{same:?}");
    }

    #[test]
    fn unedited_verbs_and_month_names_are_not_shifts() {
        let got = shifts(&[
            (SpanOp::Equal, "We decide to meet in "),
            (SpanOp::Delete, "May"),
            (SpanOp::Insert, "June"),
            (SpanOp::Equal, " and should report."),
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn watch_file_entries_extend_and_override() {
        let lexicon = Lexicon::with(&[
            EntrySpec {
                name: "recognize".into(),
                class: "operative".into(),
                rank: 2,
                pattern: None,
            },
            EntrySpec {
                name: "welcome".into(),
                class: "operative".into(),
                rank: 9,
                pattern: None,
            },
        ])
        .unwrap();
        let c = change(&[
            (SpanOp::Equal, "We "),
            (SpanOp::Delete, "welcome"),
            (SpanOp::Insert, "recognize"),
            (SpanOp::Equal, " the report."),
        ]);
        let got = lexicon.shifts(&c);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].effect, StrengthEffect::Softened);
        let bad = Lexicon::with(&[EntrySpec {
            name: "x".into(),
            class: "modal".into(),
            rank: 1,
            pattern: Some("(".into()),
        }]);
        assert!(bad.unwrap_err().1.contains("bad pattern"));
    }
}
