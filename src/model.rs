//! The shared data of the pipeline: drafts, paragraphs, changes, spans, histories.
//!
//! Every type that two stages share lives here, as plain data with small accessors.
//! No algorithm and no I/O: `parse` builds [`Document`]s, `align` builds [`Change`]s,
//! `history` builds a [`History`], `topics` attaches [`TopicTag`]s, and the renderers
//! only read. Report types own their text and refer to paragraphs by index into their
//! [`Document`], so they outlive the input buffers and serialise cleanly.

use serde::{Deserialize, Serialize};

/// One draft of a negotiated text, read and parsed into labelled paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Where the draft came from: a path as given on the command line, or `-` for standard input.
    pub source: String,
    /// The draft's display name ("Zero Draft", "Rev 1"); defaults to the file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The paragraphs in reading order; `paragraphs[i].index == i`.
    pub paragraphs: Vec<Paragraph>,
    /// What the cover of a published UN document says (symbol, date, session, title …):
    /// read off the first page rather than kept as paragraphs. `None` for drafts without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<DocumentMeta>,
    /// Footnote bodies taken off the page bottoms of a published document, in order. Kept out
    /// of the paragraphs so that a renumbered or reworded footnote is never a paragraph change;
    /// paragraphs point at them through [`Paragraph::notes`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// The cover block of a UN document: the lines above the text proper, as printed.
///
/// Every field is optional because drafts, revisions and adopted resolutions print different
/// subsets; a field is `None` when the cover does not carry it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// The document symbol: "A/C.2/80/L.17", "A/RES/80/118".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// The distribution: "Limited", "General".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<String>,
    /// The date of issue as printed: "14 October 2025".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The original language: "English".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// The session: "Eightieth session".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// The main committee, when the cover names one: "Second Committee".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<String>,
    /// The agenda item: "Agenda item 15", with its title when printed beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<String>,
    /// Who tabled the draft: "Iraq:* draft resolution", "Draft resolution submitted by the
    /// Vice-Chair of the Committee, …".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sponsor: Option<String>,
    /// The title of the resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// An adopted resolution's number as printed before its title: "80/118".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// An adopted resolution's adoption line: "Resolution adopted by the General Assembly on
    /// 15 December 2025", with the committee report it was adopted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adoption: Option<String>,
    /// The closing line of an adopted resolution: "64th plenary meeting 15 December 2025".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
}

/// A footnote body, taken off the page it was printed on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The footnote's mark as printed: "1", "*".
    pub label: String,
    /// Its text, wraps joined.
    pub text: String,
}

impl Document {
    /// The name to show for this draft: its display name, else its source.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.source)
    }

    /// How a reader refers to paragraph `index`: "¶ 12", "¶ 10 (c)" for a sub-item, "PP (a)"
    /// for a lettered preambular paragraph, "PP3" for a derived or printed "Pp3" label,
    /// "PP3 (a)" for an item of a preambular list, "II" or "Article 3 bis" for a heading,
    /// "Art. 4 ¶ 2" for a paragraph of a treaty article, "note 3" for a footnote, "#3" (its
    /// position) for unlabelled text.
    pub fn reference(&self, index: usize) -> String {
        let p = &self.paragraphs[index];
        let article = self
            .article(index)
            .map(|a| match a.strip_prefix("Article ") {
                Some(n) => format!("Art. {n} "),
                None => format!("{a} "),
            });
        let article = article.as_deref().unwrap_or("");
        match (&p.label, p.kind) {
            // A derived label is already written the way negotiators say it.
            (Some(l), _) if p.derived => l.clone(),
            (Some(l), ParagraphKind::SubItem) => match self.parent(index) {
                Some(pp) if pp.starts_with("PP") => format!("{pp} ({l})"),
                Some(n) => format!("{article}¶ {n} ({l})"),
                None => format!("{article}({l})"),
            },
            // A printed "Pp3" reads "PP3"; a printed "(a)" reads "PP (a)".
            (Some(l), ParagraphKind::Preambular) if l.starts_with("PP") => l.clone(),
            (Some(l), ParagraphKind::Preambular) => format!("PP ({l})"),
            (Some(l), ParagraphKind::Heading) => l.clone(),
            (Some(l), ParagraphKind::Footnote) => format!("note {l}"),
            (Some(l), _) => format!("{article}¶ {l}"),
            (None, _) => format!("#{}", index + 1),
        }
    }

    /// The article or annex a paragraph belongs to ([`Paragraph::article`]): "Article 3 bis"
    /// for a paragraph under that heading, "Annex I" for one in that annex.
    pub fn article(&self, index: usize) -> Option<&str> {
        self.paragraphs[index].article.as_deref()
    }

    /// The label of the paragraph a sub-item belongs to: the nearest numbered paragraph above
    /// it under the same heading, or the preambular paragraph (`PP3`) whose list it is in.
    pub fn parent(&self, index: usize) -> Option<&str> {
        self.paragraphs[..index]
            .iter()
            .rev()
            .take_while(|q| q.kind != ParagraphKind::Heading)
            .find(|q| {
                q.kind == ParagraphKind::Numbered
                    || (q.kind == ParagraphKind::Preambular && q.derived)
            })
            .and_then(|q| q.label.as_deref())
    }
}

/// One paragraph of a draft, with its printed label kept apart from its text.
///
/// Labels are not part of the text, so renumbering alone never looks like a change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Position in the draft, counted from 0.
    pub index: usize,
    /// The label as printed, without its punctuation: "12", "A", "b", "IV"; `None` for unlabelled text.
    pub label: Option<String>,
    /// What sort of paragraph this is.
    pub kind: ParagraphKind,
    /// The paragraph's text without its label, soft wraps joined with single spaces.
    pub text: String,
    /// The 1-based line of the source where the paragraph starts.
    pub line: usize,
    /// True when `label` was not printed but derived from the layout: the `PP1`, `PP2` …
    /// negotiators give to the unnumbered preambular paragraphs of a UN resolution.
    #[serde(default, skip_serializing_if = "is_false")]
    pub derived: bool,
    /// The footnote marks taken out of the text, in order ("3", "4"); their bodies are in
    /// [`Document::notes`] when the document is a published UN text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The article or annex the paragraph stands in, by its heading's label ("Article 3 bis",
    /// "Annex I"): treaties number paragraphs afresh in every article, resolutions in every
    /// annex. `None` elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// The comparison key where it is not `text` itself (see [`Paragraph::key`]). Not part
    /// of the JSON contract; rebuilt whenever a document is parsed.
    #[serde(skip)]
    pub(crate) folded_key: Option<String>,
}

/// True for the label of a part whose paragraphs number afresh: an article ("Article 3 bis")
/// or an annex ("Annex I", "Annex"). Its heading's text is the whole heading, label included.
pub fn is_part_label(label: &str) -> bool {
    label.starts_with("Article ") || label == "Annex" || label.starts_with("Annex ")
}

impl Paragraph {
    /// The comparison key: `text` with typographic variants folded (see `parse::normalize`).
    /// Of ASCII text, most drafts, that is the text itself, and it is not stored twice.
    pub fn key(&self) -> &str {
        self.folded_key.as_deref().unwrap_or(&self.text)
    }

    /// Sets the comparison key; call it after any change to `text`, which it is compared
    /// with.
    pub fn set_key(&mut self, key: String) {
        self.folded_key = (key != self.text).then_some(key);
    }

    /// The label as printed at the start of the paragraph, with its punctuation and a space:
    /// "12. ", "(a) ", "I. ", "3.1. "; empty for unlabelled text, for a derived label (`PP3`
    /// was never printed) and for an article heading (its text is the whole heading). Text
    /// and Word output print it so, and the parser reads it back to the same label.
    pub fn printed_label(&self) -> String {
        match (self.kind, &self.label) {
            _ if self.derived => String::new(),
            (ParagraphKind::Heading, Some(l)) if is_part_label(l) => String::new(),
            (ParagraphKind::SubItem | ParagraphKind::Preambular, Some(l))
                if l.chars().all(|c| c.is_ascii_lowercase()) =>
            {
                format!("({l}) ")
            }
            (_, Some(l)) => format!("{l}. "),
            (_, None) => String::new(),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The kinds of paragraph a UN outcome document is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// A section or sub-section heading ("I. Introduction", "A. Digital divides").
    Heading,
    /// An operative paragraph numbered "12.".
    Numbered,
    /// A preambular paragraph lettered "(a)" or "A." before the operative part.
    Preambular,
    /// A sub-item "(a)", "(i)" inside a numbered paragraph.
    SubItem,
    /// Unlabelled text: a title, a chapeau, a signature line.
    Plain,
    /// Footnote text, kept apart from the paragraph that refers to it.
    Footnote,
}

impl ParagraphKind {
    /// The kind's name as the JSON contract spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Heading => "heading",
            ParagraphKind::Numbered => "numbered",
            ParagraphKind::Preambular => "preambular",
            ParagraphKind::SubItem => "sub_item",
            ParagraphKind::Plain => "plain",
            ParagraphKind::Footnote => "footnote",
        }
    }
}

/// What happened to one or more paragraphs between two drafts.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Same text (labels may differ: renumbering is not a change).
    #[default]
    Unchanged,
    /// Same paragraph, in order, with edits.
    Modified,
    /// Only in the new draft.
    Inserted,
    /// Only in the old draft.
    Deleted,
    /// Same paragraph, out of order (with or without edits).
    Moved,
    /// One old paragraph became several adjacent new ones.
    Split,
    /// Several adjacent old paragraphs became one new one.
    Merged,
}

impl ChangeKind {
    /// Every kind, in the order summaries list them.
    pub const ALL: [ChangeKind; 7] = [
        ChangeKind::Unchanged,
        ChangeKind::Modified,
        ChangeKind::Inserted,
        ChangeKind::Deleted,
        ChangeKind::Moved,
        ChangeKind::Split,
        ChangeKind::Merged,
    ];

    /// The kind's name as the JSON contract spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Unchanged => "unchanged",
            ChangeKind::Modified => "modified",
            ChangeKind::Inserted => "inserted",
            ChangeKind::Deleted => "deleted",
            ChangeKind::Moved => "moved",
            ChangeKind::Split => "split",
            ChangeKind::Merged => "merged",
        }
    }
}

/// One entry of the partition of two drafts: every paragraph of both drafts is in exactly one change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The change's stable address, e.g. `rev2:OP14` (see `align::reference`); its edits are
    /// `rev2:OP14.1`, `rev2:OP14.2`, … in order.
    #[serde(default)]
    pub reference: String,
    /// What happened.
    pub kind: ChangeKind,
    /// Indices of the old draft's paragraphs in this change (empty for `inserted`).
    pub old: Vec<usize>,
    /// Indices of the new draft's paragraphs in this change (empty for `deleted`).
    pub new: Vec<usize>,
    /// Word-level similarity of the two sides, 0.0 to 1.0 (1.0 when unchanged, 0.0 when one side is empty).
    pub similarity: f64,
    /// The word-level redline. Equal + delete spans concatenate to the old side's text,
    /// equal + insert spans to the new side's; several paragraphs on one side are joined by
    /// [`PARAGRAPH_BREAK`].
    pub spans: Vec<Span>,
    /// Watched topics this change touches (filled by `topics`; empty without a watch file).
    #[serde(default)]
    pub topics: Vec<TopicTag>,
    /// Operative verbs and modals replaced by weaker or stronger ones (filled by `strength`).
    #[serde(default)]
    pub strength: Vec<StrengthShift>,
    /// Square-bracket events: language bracketed, brackets lifted, options dropped, status
    /// tags changed (filled by `brackets`).
    #[serde(default)]
    pub brackets: Vec<BracketEvent>,
}

/// An edit that replaced a verb or modal of the strength lexicon with another of its class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrengthShift {
    /// The lexicon entry deleted ("decide").
    pub from: String,
    /// The lexicon entry inserted in its place ("note").
    pub to: String,
    /// Whether the language got weaker or stronger.
    pub effect: StrengthEffect,
}

/// The direction of a [`StrengthShift`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StrengthEffect {
    /// Weaker language: "decide" → "note", "shall" → "should".
    Softened,
    /// Stronger language: "encourage" → "urge", "should" → "shall".
    Strengthened,
}

impl StrengthEffect {
    /// The effect's name as the contracts spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            StrengthEffect::Softened => "softened",
            StrengthEffect::Strengthened => "strengthened",
        }
    }
}

/// What a change did to square-bracketed text, the mark of language not yet agreed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BracketEvent {
    /// What happened.
    pub effect: BracketEffect,
    /// The bracketed text concerned (without the brackets), or the new status tag.
    pub text: String,
    /// For a status change, the old status tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// The kinds of [`BracketEvent`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BracketEffect {
    /// Language put in brackets (newly bracketed, or added in brackets).
    Bracketed,
    /// Brackets taken off: the language stands, agreed.
    Lifted,
    /// One of several bracketed alternatives gone, another kept.
    OptionDropped,
    /// A bracketed passage deleted altogether.
    Dropped,
    /// A status tag (`[Agreed ad ref]`, `[Suggested for closure]`) replaced by another.
    StatusChanged,
}

impl BracketEffect {
    /// The effect's name as the contracts spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            BracketEffect::Bracketed => "bracketed",
            BracketEffect::Lifted => "lifted",
            BracketEffect::OptionDropped => "option_dropped",
            BracketEffect::Dropped => "dropped",
            BracketEffect::StatusChanged => "status_changed",
        }
    }
}

/// How paragraphs on one side of a split or merge are joined in a change's spans.
pub const PARAGRAPH_BREAK: &str = "\n";

impl Change {
    /// True when the paragraphs' text differs (a moved paragraph may or may not be edited).
    pub fn is_edited(&self) -> bool {
        self.spans.iter().any(|s| s.op != SpanOp::Equal)
    }

    /// The old side's text, rebuilt from the spans.
    pub fn old_text(&self) -> String {
        self.spans
            .iter()
            .filter(|s| s.op != SpanOp::Insert)
            .map(|s| s.text.as_str())
            .collect()
    }

    /// The new side's text, rebuilt from the spans.
    pub fn new_text(&self) -> String {
        self.spans
            .iter()
            .filter(|s| s.op != SpanOp::Delete)
            .map(|s| s.text.as_str())
            .collect()
    }
}

/// One run of a word-level redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Whether the text is kept, deleted or inserted.
    pub op: SpanOp,
    /// The text of the run, exactly as in the draft.
    pub text: String,
}

impl Span {
    /// A span of `op` over `text`.
    pub fn new(op: SpanOp, text: impl Into<String>) -> Self {
        Span {
            op,
            text: text.into(),
        }
    }
}

/// The operation of a [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanOp {
    /// In both drafts.
    Equal,
    /// Only in the new draft.
    Insert,
    /// Only in the old draft.
    Delete,
}

impl SpanOp {
    /// The operation's name as the JSON contracts spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            SpanOp::Equal => "equal",
            SpanOp::Insert => "insert",
            SpanOp::Delete => "delete",
        }
    }
}

/// Two drafts and the changes that lead from the first to the second.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The earlier draft.
    pub old: Document,
    /// The later draft.
    pub new: Document,
    /// The changes, in new-draft order, deleted paragraphs where they stood.
    pub changes: Vec<Change>,
}

impl Comparison {
    /// How many changes of each kind, in [`ChangeKind::ALL`] order, kinds with none left out.
    pub fn summary(&self) -> Vec<(ChangeKind, usize)> {
        summarize(&self.changes)
    }

    /// True when the drafts differ in anything but labels.
    pub fn has_differences(&self) -> bool {
        self.changes.iter().any(|c| c.kind != ChangeKind::Unchanged)
    }
}

/// Counts changes by kind, in [`ChangeKind::ALL`] order, leaving out kinds with none.
pub fn summarize(changes: &[Change]) -> Vec<(ChangeKind, usize)> {
    ChangeKind::ALL
        .iter()
        .map(|&k| (k, changes.iter().filter(|c| c.kind == k).count()))
        .filter(|&(_, n)| n > 0)
        .collect()
}

/// A topic of the watch file touched by a change, and how.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TopicTag {
    /// The topic's name from the watch file.
    pub topic: String,
    /// What the change did to the topic's language.
    pub effect: TopicEffect,
}

/// What a change did to a topic's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicEffect {
    /// Matching text appears in inserted text only.
    Added,
    /// Matching text appears in deleted text only.
    Removed,
    /// Matching text is both deleted and inserted, or edited around.
    Modified,
    /// Matching text came back after a draft without it.
    Reinstated,
    /// A paragraph matching the topic had its language softened (events and rules only;
    /// never a tag on a change).
    Softened,
    /// A paragraph matching the topic had its language strengthened (events and rules only).
    Strengthened,
}

impl TopicEffect {
    /// The effect's name as the contracts spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            TopicEffect::Added => "added",
            TopicEffect::Removed => "removed",
            TopicEffect::Modified => "modified",
            TopicEffect::Reinstated => "reinstated",
            TopicEffect::Softened => "softened",
            TopicEffect::Strengthened => "strengthened",
        }
    }
}

/// A paragraph of one draft in a history: draft number (from 0) and paragraph index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Place {
    /// The draft, counted from 0.
    pub draft: usize,
    /// The paragraph index in that draft.
    pub paragraph: usize,
}

/// The comparison of one draft with the next inside a [`History`].
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The earlier draft's number.
    pub old: usize,
    /// The later draft's number (`old + 1`).
    pub new: usize,
    /// The changes, as in [`Comparison::changes`].
    pub changes: Vec<Change>,
}

/// One paragraph followed through every draft of a history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lineage {
    /// For each draft, the paragraph indices this line of descent occupies there
    /// (empty where it is absent; several after a split).
    pub paragraphs: Vec<Vec<usize>>,
}

/// Language that was in one draft, missing from the next, and back in a later one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reinstatement {
    /// The text that came back, as it reads in the draft where it returned.
    pub text: String,
    /// The first draft without the text.
    pub removed_in: usize,
    /// The draft where it came back.
    pub reinstated_in: usize,
    /// Where it stood before it went missing.
    pub from: Place,
    /// Where it came back.
    pub to: Place,
    /// True when a whole paragraph came back rather than a phrase.
    pub whole_paragraph: bool,
}

/// A chain of drafts: every consecutive step aligned, paragraphs followed, reinstated language found.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// The drafts in order.
    pub drafts: Vec<Document>,
    /// `steps[k]` compares `drafts[k]` with `drafts[k + 1]`.
    pub steps: Vec<Step>,
    /// Every line of descent, in order of first appearance.
    pub lineage: Vec<Lineage>,
    /// Reinstated language, in order of the draft it returned in, then position.
    pub reinstated: Vec<Reinstatement>,
}

impl History {
    /// The comparison of the last two drafts, as a stand-alone value (for `check`, docx output).
    pub fn last_comparison(&self) -> Option<Comparison> {
        let step = self.steps.last()?;
        Some(Comparison {
            old: self.drafts[step.old].clone(),
            new: self.drafts[step.new].clone(),
            changes: step.changes.clone(),
        })
    }
}

/// One thing a step of a history did to a watched topic's language, for `topics` and `check`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicEvent {
    /// The topic's name.
    pub topic: String,
    /// What happened to its language.
    pub effect: TopicEffect,
    /// The step's later draft (the draft where the event is seen).
    pub draft: usize,
    /// Paragraphs of the earlier draft involved.
    pub old: Vec<usize>,
    /// Paragraphs of the later draft involved.
    pub new: Vec<usize>,
    /// The language concerned: the deleted, inserted or reinstated words that match.
    pub text: String,
}
