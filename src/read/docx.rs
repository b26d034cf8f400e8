//! Word (.docx): the body's paragraphs in order, with the numbers and headings a reader sees.
//!
//! A .docx file is a zip archive of XML parts. This module reads three of them:
//! `word/document.xml` (the text), `word/styles.xml` (which styles are headings, which carry
//! list numbering) and `word/numbering.xml` (how list numbers are counted and printed).
//! Footnotes, endnotes, comments, headers and footers live in other parts and are not read,
//! so they never leak into paragraph text.
//!
//! Decisions a reader of the output should know:
//!
//! - automatic numbers are rebuilt ([`numbering`]) and written before the paragraph's text,
//!   as a typist would ("12. We recognize…"), so `parse` takes the label just as from a text
//!   file; numbers typed into the text are kept as typed;
//! - tracked changes are read as accepted (insertions kept, deletions dropped, moved text
//!   read at its destination) unless [`ReadOptions::reject_changes`] asks for the text as it
//!   was before them; a deleted paragraph mark joins a paragraph to the next one, as Word
//!   does on accepting it;
//! - each table row is one paragraph, its cells joined by spaces;
//! - hidden text, field codes, drawings and text boxes are left out.

mod numbering;

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

use roxmltree::{Document, Node};

use super::ReadOptions;
use crate::error::{Error, Result};
use numbering::{Counters, Numbering};

/// The WordprocessingML namespace, in which every element read here lives.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A heading-styled paragraph of this many words or more is read as body text.
const MAX_HEADING_WORDS: usize = 25;

/// Extracts the paragraphs of the Word file `bytes` read from `path`.
pub(super) fn extract(bytes: &[u8], path: &Path, options: &ReadOptions) -> Result<String> {
    let mut package = Package::open(bytes, path, options)?;
    let Some(document) = package.part("word/document.xml")? else {
        return Err(Error::Unreadable {
            path: path.to_path_buf(),
            reason: "a zip archive but not a Word document (no word/document.xml)".into(),
        });
    };
    let styles = package.part("word/styles.xml")?;
    let numbering = package.part("word/numbering.xml")?;
    let document = package.xml("word/document.xml", &document)?;
    let styles = match &styles {
        Some(s) => Styles::read(&package.xml("word/styles.xml", s)?),
        None => Styles::default(),
    };
    let numbering = match &numbering {
        Some(n) => Numbering::read(&package.xml("word/numbering.xml", n)?, &styles.num_links),
        None => Numbering::default(),
    };
    let Some(body) = child(document.root_element(), "body") else {
        return Err(package.damaged("word/document.xml has no body".into()));
    };
    let mut reader = Body {
        styles: &styles,
        numbering: &numbering,
        counters: Counters::default(),
        reject: options.reject_changes,
        out: Vec::new(),
        carry: String::new(),
    };
    reader.blocks(body);
    reader.finish();
    Ok(super::paragraphs_to_text(
        reader.out.iter().map(|(h, t)| (*h, t.as_str())),
    ))
}

/// The zip archive, with a budget of decompressed bytes shared by every part read.
struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    path: &'a Path,
    budget: u64,
    limit: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8], path: &'a Path, options: &ReadOptions) -> Result<Self> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Damaged {
            path: path.to_path_buf(),
            format: "Word (.docx)",
            reason: format!("not a readable zip archive: {e}"),
        })?;
        if archive.len() > options.max_zip_entries {
            return Err(Error::TooMany {
                path: path.to_path_buf(),
                what: "zip entries",
                count: archive.len() as u64,
                limit: options.max_zip_entries as u64,
            });
        }
        Ok(Package {
            archive,
            path,
            budget: options.max_decompressed_bytes,
            limit: options.max_decompressed_bytes,
        })
    }

    fn damaged(&self, reason: String) -> Error {
        Error::Damaged {
            path: self.path.to_path_buf(),
            format: "Word (.docx)",
            reason,
        }
    }

    /// The part `name` as text, `None` when the archive has no such part.
    ///
    /// The declared size of an entry is not trusted (a zip bomb lies about it): reading stops
    /// one byte past what is left of the budget.
    fn part(&mut self, name: &str) -> Result<Option<String>> {
        let mut buf = Vec::new();
        let read = match self.archive.by_name(name) {
            Ok(file) => file
                .take(self.budget + 1)
                .read_to_end(&mut buf)
                .map_err(|e| e.to_string()),
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => Err(e.to_string()),
        };
        read.map_err(|e| self.damaged(format!("{name}: {e}")))?;
        if buf.len() as u64 > self.budget {
            return Err(Error::TooLargeDecompressed {
                path: self.path.to_path_buf(),
                limit: self.limit,
            });
        }
        self.budget -= buf.len() as u64;
        let text =
            super::decode(&buf).map_err(|reason| self.damaged(format!("{name}: {reason}")))?;
        Ok(Some(text))
    }

    fn xml<'t>(&self, name: &str, text: &'t str) -> Result<Document<'t>> {
        // roxmltree refuses DTDs by default, which rules out entity-expansion bombs.
        Document::parse(text).map_err(|e| self.damaged(format!("{name}: {e}")))
    }
}

/// The first child element of `node` named `name` in the WordprocessingML namespace.
fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(*c, name))
}

fn is(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// The `w:val` attribute of `node`.
fn val<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attribute((W, "val"))
}

/// True for an on/off property that is on: present, and not `w:val="0"`/`"false"`/`"off"`.
fn on(node: Option<Node>) -> bool {
    node.is_some_and(|n| !matches!(val(n), Some("0" | "false" | "off")))
}

/// Numbering as a paragraph asks for it: list instance and level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NumRef {
    num_id: u32,
    level: usize,
}

/// Reads `w:numPr` from a paragraph's or style's `w:pPr`. `numId` 0 means "no numbering",
/// which a paragraph uses to switch off its style's numbering.
fn num_pr(ppr: Node, reject: bool) -> Option<Option<NumRef>> {
    let pr = child(ppr, "numPr")?;
    // Numbering inserted as a tracked change is not there when changes are rejected.
    if reject && child(pr, "ins").is_some() {
        return Some(None);
    }
    let num_id = child(pr, "numId").and_then(val)?.parse().ok()?;
    let level = child(pr, "ilvl")
        .and_then(val)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0usize)
        .min(8);
    Some((num_id != 0).then_some(NumRef { num_id, level }))
}

/// What the paragraph styles say about headings and numbering.
#[derive(Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    /// The style of paragraphs that name none.
    default: Option<String>,
    /// Numbering style links: style id → the list it stands for (`w:numStyleLink` targets).
    num_links: HashMap<String, u32>,
}

#[derive(Default)]
struct Style {
    based_on: Option<String>,
    heading: bool,
    num: Option<Option<NumRef>>,
}

impl Styles {
    fn read(doc: &Document) -> Styles {
        let mut styles = Styles::default();
        for s in doc.root_element().children().filter(|n| is(*n, "style")) {
            let Some(id) = s.attribute((W, "styleId")) else {
                continue;
            };
            let name = child(s, "name")
                .and_then(val)
                .unwrap_or("")
                .to_ascii_lowercase();
            let ppr = child(s, "pPr");
            // "heading 1"…"heading 9" and "Title" are Word's built-in heading styles; custom
            // styles declare an outline level instead.
            let outline = ppr
                .and_then(|p| child(p, "outlineLvl"))
                .and_then(val)
                .and_then(|v| v.parse::<u32>().ok())
                .is_some_and(|l| l < 9);
            let heading = name == "title"
                || name
                    .strip_prefix("heading ")
                    .is_some_and(|n| n.parse::<u32>().is_ok())
                || outline;
            let num = ppr.and_then(|p| num_pr(p, false));
            match s.attribute((W, "type")) {
                Some("numbering") => {
                    if let Some(Some(n)) = num {
                        styles.num_links.insert(id.to_string(), n.num_id);
                    }
                    continue;
                }
                Some("paragraph") | None => {}
                Some(_) => continue,
            }
            if matches!(s.attribute((W, "default")), Some("1" | "true" | "on")) {
                styles.default = Some(id.to_string());
            }
            styles.by_id.insert(
                id.to_string(),
                Style {
                    based_on: child(s, "basedOn").and_then(val).map(str::to_string),
                    heading,
                    num,
                },
            );
        }
        styles
    }

    /// Follows `basedOn` from `id` and returns the first answer `f` gives. The chain is cut
    /// after a few steps, so a cycle in a damaged file cannot loop.
    fn inherit<T>(&self, id: Option<&str>, f: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut id = id.or(self.default.as_deref());
        for _ in 0..16 {
            let style = self.by_id.get(id?)?;
            if let Some(t) = f(style) {
                return Some(t);
            }
            id = style.based_on.as_deref();
        }
        None
    }
}

/// Walks the body, collecting paragraphs as (heading?, text).
struct Body<'s> {
    styles: &'s Styles,
    numbering: &'s Numbering,
    counters: Counters,
    reject: bool,
    out: Vec<(bool, String)>,
    /// Text of paragraphs whose mark is removed, waiting to join the next paragraph.
    carry: String,
}

impl Body<'_> {
    fn blocks(&mut self, parent: Node) {
        for node in parent.children().filter(Node::is_element) {
            if node.tag_name().namespace() != Some(W) {
                continue;
            }
            match node.tag_name().name() {
                "p" => {
                    if let Some((heading, text)) = self.paragraph(node) {
                        self.out.push((heading, text));
                    }
                }
                "tbl" => {
                    for row in node.children().filter(|n| is(*n, "tr")) {
                        if self.removed(child(row, "trPr")) {
                            continue;
                        }
                        let text = self.row(row);
                        self.push_carry();
                        self.out.push((false, text));
                    }
                }
                // Content controls, custom XML and tracked insertions of whole blocks wrap
                // ordinary paragraphs.
                "sdt" => {
                    if let Some(content) = child(node, "sdtContent") {
                        self.blocks(content);
                    }
                }
                "customXml" | "smartTag" => self.blocks(node),
                "ins" | "moveTo" if !self.reject => self.blocks(node),
                "del" | "moveFrom" if self.reject => self.blocks(node),
                _ => {}
            }
        }
    }

    /// True when a paragraph mark's or table row's properties carry a tracked change that
    /// removes it in the chosen reading.
    fn removed(&self, pr: Option<Node>) -> bool {
        let Some(pr) = pr else { return false };
        let gone: &[&str] = if self.reject {
            &["ins", "moveTo"]
        } else {
            &["del", "moveFrom"]
        };
        gone.iter().any(|g| child(pr, g).is_some())
    }

    /// The paragraph's text with its label, or `None` when its mark is removed (its text is
    /// then carried into the next paragraph).
    fn paragraph(&mut self, p: Node) -> Option<(bool, String)> {
        let mut ppr = child(p, "pPr");
        let mark = ppr.and_then(|pr| child(pr, "rPr"));
        let mut text = std::mem::take(&mut self.carry);
        self.inline(p, &mut text);
        if self.removed(mark) {
            self.carry = text;
            return None;
        }
        // Rejecting a change of paragraph properties restores the old ones (style, numbering).
        if self.reject {
            if let Some(old) = ppr
                .and_then(|pr| child(pr, "pPrChange"))
                .and_then(|c| child(c, "pPr"))
            {
                ppr = Some(old);
            }
        }
        let style = ppr.and_then(|pr| child(pr, "pStyle")).and_then(val);
        // Legal and model documents number their clauses with heading styles, so a
        // heading-styled paragraph of sentence length is read as body text: a heading that
        // long is rare, a clause that short is not.
        let styled = self
            .styles
            .inherit(style, |s| s.heading.then_some(true))
            .is_some()
            || ppr
                .and_then(|pr| child(pr, "outlineLvl"))
                .and_then(val)
                .and_then(|v| v.parse::<u32>().ok())
                .is_some_and(|l| l < 9);
        let heading = styled && text.split_whitespace().count() < MAX_HEADING_WORDS;
        let num = ppr
            .and_then(|pr| num_pr(pr, self.reject))
            .or_else(|| self.styles.inherit(style, |s| s.num))
            .flatten();
        let label = num.and_then(|n| self.counters.next(self.numbering, n.num_id, n.level));
        let text = match label {
            Some(l) => l + &text,
            None => text,
        };
        Some((heading, text))
    }

    /// A table row as one paragraph: each cell's paragraphs, labels included, joined by spaces.
    fn row(&mut self, row: Node) -> String {
        let mut cells = Vec::new();
        for cell in row.children().filter(|n| is(*n, "tc") || is(*n, "sdt")) {
            let mut inner = Body {
                styles: self.styles,
                numbering: self.numbering,
                counters: std::mem::take(&mut self.counters),
                reject: self.reject,
                out: Vec::new(),
                carry: String::new(),
            };
            let content = if is(cell, "sdt") {
                child(cell, "sdtContent").and_then(|c| child(c, "tc"))
            } else {
                Some(cell)
            };
            if let Some(content) = content {
                inner.blocks(content);
            }
            inner.finish();
            self.counters = inner.counters;
            cells.extend(inner.out.into_iter().map(|(_, t)| t));
        }
        cells.join(" ")
    }

    /// A paragraph left waiting by a removed mark, before a table, stands on its own.
    fn push_carry(&mut self) {
        let carry = std::mem::take(&mut self.carry);
        if !carry.trim().is_empty() {
            self.out.push((false, carry));
        }
    }

    fn finish(&mut self) {
        self.push_carry();
    }

    /// Appends the visible text inside `node` (a paragraph or anything within it) to `out`.
    fn inline(&self, node: Node, out: &mut String) {
        for n in node.children().filter(Node::is_element) {
            if n.tag_name().namespace() != Some(W) {
                // Drawings, text boxes and their fallbacks (mc:AlternateContent) hold no
                // paragraph text of their own.
                continue;
            }
            match n.tag_name().name() {
                "t" | "delText" => out.push_str(n.text().unwrap_or("")),
                "tab" | "br" | "cr" | "ptab" => out.push(' '),
                "noBreakHyphen" => out.push('-'),
                "r" => {
                    let hidden = child(n, "rPr").is_some_and(|pr| on(child(pr, "vanish")));
                    if !hidden {
                        self.inline(n, out);
                    }
                }
                "ins" | "moveTo" if !self.reject => self.inline(n, out),
                "del" | "moveFrom" if self.reject => self.inline(n, out),
                "hyperlink" | "smartTag" | "customXml" | "sdt" | "sdtContent" | "fldSimple"
                | "bdo" | "dir" => self.inline(n, out),
                // Properties, field codes, footnote and comment references, pictures.
                _ => {}
            }
        }
    }
}
