//! HTML: block elements as paragraphs, scripts and styles ignored.
//!
//! Each paragraph-like element (`p`, `li`, `h1`–`h6`, `td`, `th`, and the other block
//! elements that hold text directly) becomes one paragraph; text directly inside an element
//! that also holds blocks (`<li>text<ul>…</ul></li>`) becomes a paragraph of its own, so no
//! text is lost and none is read twice. Automatic list numbers (`<ol>`) are not written out:
//! UN drafts exported to HTML carry their numbers as text.

use std::path::Path;

use scraper::{Html, Node};

use crate::error::{Error, Result};

/// Elements whose start and end separate paragraphs.
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "div",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "caption",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "figure",
    "figcaption",
    "address",
    "body",
    "hr",
];

/// Elements whose content is never draft text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "math",
];

/// Extracts the paragraphs of the HTML `bytes` read from `path`.
pub(super) fn extract(bytes: &[u8], path: &Path) -> Result<String> {
    let text = super::decode(bytes).map_err(|reason| Error::Unreadable {
        path: path.to_path_buf(),
        reason,
    })?;
    let html = Html::parse_document(&text);
    let mut walk = Walk::default();
    walk.node(html.tree.root(), false);
    walk.flush();
    Ok(super::paragraphs_to_text(
        walk.paragraphs.iter().map(|(h, t)| (*h, t.as_str())),
    ))
}

#[derive(Default)]
struct Walk {
    paragraphs: Vec<(bool, String)>,
    current: String,
    heading: bool,
}

impl Walk {
    fn node(&mut self, node: ego_tree::NodeRef<'_, Node>, heading: bool) {
        match node.value() {
            Node::Text(t) => self.current.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) {
                    return;
                }
                if name == "br" {
                    self.current.push(' ');
                    return;
                }
                let block = BLOCKS.contains(&name);
                let heading = heading || matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                if block {
                    self.flush();
                    self.heading = heading;
                }
                for child in node.children() {
                    self.node(child, heading);
                }
                if block {
                    self.flush();
                    // Text after a nested heading inside a block is not part of the heading.
                    self.heading = false;
                }
            }
            _ => {
                for child in node.children() {
                    self.node(child, heading);
                }
            }
        }
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        if !text.trim().is_empty() {
            self.paragraphs.push((self.heading, text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> String {
        extract(html.as_bytes(), Path::new("t.html")).unwrap()
    }

    #[test]
    fn blocks_become_paragraphs_and_scripts_vanish() {
        let text = read(
            "<html><head><title>T</title><style>p{}</style></head><body>\
             <h2>I. Intro</h2><p>1. We <b>say</b><br>this.</p><script>x()</script>\
             <ul><li>(a) one</li><li>(b) two</li></ul>\
             <table><tr><td>2.</td><td>Cell</td></tr></table></body></html>",
        );
        assert_eq!(
            text,
            "# I. Intro\n\n1. We say this.\n\n(a) one\n\n(b) two\n\n2.\n\nCell\n"
        );
    }

    #[test]
    fn text_beside_nested_blocks_is_kept_once() {
        let text = read("<ol><li>Lead<ol><li>inner</li></ol>tail</li></ol>");
        assert_eq!(text, "Lead\n\ninner\n\ntail\n");
    }
}
