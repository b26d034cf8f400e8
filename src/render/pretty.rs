//! Pretty-printed JSON written in pieces, long arrays rendered in parallel.
//!
//! A comparison of two long drafts is tens of megabytes of JSON, and one serde_json
//! serializer writes it on one core. Here a document is an [`Object`] of members written
//! one after the other, and the elements of a long array ([`Elements`]) are rendered by
//! all cores a batch at a time, at the indentation they will stand at, and written in order
//! before the next batch: the output streams, and memory holds one batch, never the whole
//! text. The bytes are exactly those `serde_json::to_writer_pretty` writes for the same
//! value (two-space indentation, `": "` after keys, empty arrays as `[]`); the tests below
//! hold the two side by side.

use std::io::{self, BufWriter, Write};

use rayon::prelude::*;
use serde::Serialize;

/// An array is rendered in about this many pieces of work: enough to keep every core busy
/// when elements differ in size, few enough that each piece is worth handing to a thread.
const PIECES: usize = 64;

/// Shorter arrays are written directly, on one thread: handing them out would cost more
/// than it saves.
const PARALLEL_FROM: usize = 512;

/// The output, buffered: serde_json writes a few bytes at a time (a quote, a colon, an
/// indent), and a buffer of known type takes them inlined.
pub(super) type Out<'w> = BufWriter<&'w mut dyn Write>;

/// A value that can write itself as pretty-printed JSON.
pub(super) trait Piece: Sync {
    /// Writes the value as it stands `depth` levels in: its first line where the cursor is,
    /// its later lines indented from `depth`.
    fn write(&self, out: &mut Out, depth: usize) -> io::Result<()>;
}

/// Writes `value` and a line end, buffered, and flushes.
pub(super) fn write_top(out: &mut dyn Write, value: &dyn Piece) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    value.write(&mut out, 0)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// One value, written by serde_json.
pub(super) struct Whole<T>(pub T);

impl<T: Serialize + Sync> Piece for Whole<T> {
    fn write(&self, out: &mut Out, depth: usize) -> io::Result<()> {
        render_into(out, &self.0, depth)
    }
}

/// An object: members in order, each a piece.
pub(super) struct Object<'a>(pub Vec<(&'static str, Box<dyn Piece + 'a>)>);

impl<'a> Object<'a> {
    /// An object without members yet.
    pub fn new() -> Self {
        Object(Vec::new())
    }

    /// Adds a member.
    pub fn member(mut self, name: &'static str, value: impl Piece + 'a) -> Self {
        self.0.push((name, Box::new(value)));
        self
    }

    /// Adds a member holding `value`, written by serde_json.
    pub fn field<T: Serialize + Sync + 'a>(self, name: &'static str, value: T) -> Self {
        self.member(name, Whole(value))
    }
}

/// Writes the opening bracket, each entry on a line of its own one level in (the entry
/// itself written by `write`), and the closing bracket on a line of its own at `depth`;
/// without entries, the two brackets alone. This is serde_json's pretty layout.
fn write_entries<W: Write, T>(
    out: &mut W,
    depth: usize,
    brackets: &[u8; 2],
    entries: impl ExactSizeIterator<Item = T>,
    mut write: impl FnMut(&mut W, T) -> io::Result<()>,
) -> io::Result<()> {
    if entries.len() == 0 {
        return out.write_all(brackets);
    }
    out.write_all(&brackets[..1])?;
    for (k, entry) in entries.enumerate() {
        out.write_all(if k == 0 { b"\n" } else { b",\n" })?;
        indent(out, depth + 1)?;
        write(out, entry)?;
    }
    out.write_all(b"\n")?;
    indent(out, depth)?;
    out.write_all(&brackets[1..])
}

impl Piece for Object<'_> {
    fn write(&self, out: &mut Out, depth: usize) -> io::Result<()> {
        write_entries(out, depth, b"{}", self.0.iter(), |out, (name, value)| {
            serde_json::to_writer(&mut *out, name)?;
            out.write_all(b": ")?;
            value.write(out, depth + 1)
        })
    }
}

/// An array of pieces, written one after the other.
pub(super) struct List<'a>(pub Vec<Box<dyn Piece + 'a>>);

impl Piece for List<'_> {
    fn write(&self, out: &mut Out, depth: usize) -> io::Result<()> {
        write_entries(out, depth, b"[]", self.0.iter(), |out, value| {
            value.write(out, depth + 1)
        })
    }
}

/// An array of `items`, each written by `write` (into a buffer, at a depth), rendered in
/// parallel.
pub(super) struct Elements<'a, S, F> {
    items: &'a [S],
    write: F,
}

/// Writes one element into a buffer as it stands at a depth.
pub(super) trait WriteElement<'a, S>:
    Fn(&'a S, &mut Vec<u8>, usize) -> io::Result<()> + Sync
{
}

impl<'a, S, F> WriteElement<'a, S> for F where
    F: Fn(&'a S, &mut Vec<u8>, usize) -> io::Result<()> + Sync
{
}

impl<'a, S: Sync, F: WriteElement<'a, S>> Elements<'a, S, F> {
    /// The items, each written by `write`.
    pub fn written(items: &'a [S], write: F) -> Self {
        Elements { items, write }
    }
}

impl<'a, S, F> Piece for Elements<'a, S, F>
where
    S: Sync,
    F: WriteElement<'a, S>,
{
    fn write(&self, out: &mut Out, depth: usize) -> io::Result<()> {
        if self.items.len() < PARALLEL_FROM {
            let mut bytes = Vec::new();
            return write_entries(out, depth, b"[]", self.items.iter(), |out, item| {
                bytes.clear();
                (self.write)(item, &mut bytes, depth + 1)?;
                out.write_all(&bytes)
            });
        }
        out.write_all(b"[")?;
        let pieces: Vec<&'a [S]> = self
            .items
            .chunks(self.items.len().div_ceil(PIECES))
            .collect();
        let batch = 2 * rayon::current_num_threads();
        // The batches' buffers are reused: fresh ones of this size would each be new pages
        // for the system to map, which costs more than rendering into them.
        let mut rendered: Vec<Vec<u8>> = vec![Vec::new(); batch];
        let mut first = true;
        for pieces in pieces.chunks(batch) {
            // Each element is preceded by ",\n" and its indentation; the very first comma
            // is dropped.
            pieces
                .par_iter()
                .zip(rendered.par_iter_mut())
                .try_for_each(|(piece, bytes)| {
                    bytes.clear();
                    for item in *piece {
                        bytes.extend_from_slice(b",\n");
                        indent(bytes, depth + 1)?;
                        (self.write)(item, bytes, depth + 1)?;
                    }
                    io::Result::Ok(())
                })?;
            for bytes in &rendered[..pieces.len()] {
                out.write_all(if first { &bytes[1..] } else { bytes })?;
                first = false;
            }
        }
        out.write_all(b"\n")?;
        indent(out, depth)?;
        out.write_all(b"]")
    }
}

/// The members of one object, written as they are added, in serde_json's pretty layout:
/// for the few objects of which a large comparison writes tens of thousands (paragraphs,
/// changes, spans), where serde_json's byte-at-a-time string escaping is most of the cost
/// (see [`write_str`]). The tests hold what it writes beside serde_json's output.
pub(super) struct Members<'o> {
    out: &'o mut Vec<u8>,
    depth: usize,
    empty: bool,
}

impl<'o> Members<'o> {
    /// Opens an object standing `depth` levels in.
    pub fn open(out: &'o mut Vec<u8>, depth: usize) -> Self {
        out.push(b'{');
        Members {
            out,
            depth,
            empty: true,
        }
    }

    /// Starts a member: its line, its name.
    fn name(&mut self, name: &str) -> &mut Vec<u8> {
        self.out
            .extend_from_slice(if self.empty { b"\n" } else { b",\n" });
        self.empty = false;
        push_indent(self.out, self.depth + 1);
        write_str(self.out, name);
        self.out.extend_from_slice(b": ");
        self.out
    }

    /// A string member.
    pub fn str(&mut self, name: &str, value: &str) {
        let out = self.name(name);
        write_str(out, value);
    }

    /// A string member that may be `null`.
    pub fn opt_str(&mut self, name: &str, value: Option<&str>) {
        let out = self.name(name);
        match value {
            Some(v) => write_str(out, v),
            None => out.extend_from_slice(b"null"),
        }
    }

    /// A member of any other value, written by serde_json.
    pub fn value(&mut self, name: &str, value: &impl Serialize) -> io::Result<()> {
        let depth = self.depth + 1;
        render_into(self.name(name), value, depth)
    }

    /// An array member, each element written by `write` into the buffer at its depth.
    pub fn array<T>(
        &mut self,
        name: &str,
        items: impl ExactSizeIterator<Item = T>,
        mut write: impl FnMut(&mut Vec<u8>, T, usize) -> io::Result<()>,
    ) -> io::Result<()> {
        let depth = self.depth + 1;
        write_entries(self.name(name), depth, b"[]", items, |out, item| {
            write(out, item, depth + 1)
        })
    }

    /// Closes the object.
    pub fn close(self) {
        if self.empty {
            self.out.push(b'}');
        } else {
            self.out.push(b'\n');
            push_indent(self.out, self.depth);
            self.out.push(b'}');
        }
    }
}

fn push_indent(out: &mut Vec<u8>, depth: usize) {
    for _ in 0..depth {
        out.extend_from_slice(b"  ");
    }
}

/// Writes `text` as a JSON string, escaped exactly as serde_json escapes it: `"` and `\\`
/// with a backslash, the control characters with their short escapes or `\u00XX`.
///
/// Nearly all text needs no escape; blocks of bytes are screened first
/// ([`crate::parse::any_byte`]) and copied whole.
pub(super) fn write_str(out: &mut Vec<u8>, text: &str) {
    const BLOCK: usize = 64;
    let special = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if at + BLOCK <= bytes.len() && !crate::parse::any_byte(&bytes[at..at + BLOCK], special) {
            at += BLOCK;
            continue;
        }
        let end = (at + BLOCK).min(bytes.len());
        for k in at..end {
            let b = bytes[k];
            if !special(b) {
                continue;
            }
            out.extend_from_slice(&bytes[copied..k]);
            copied = k + 1;
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[usize::from(b >> 4)]);
                    out.push(HEX[usize::from(b & 0xf)]);
                }
            }
        }
        at = end;
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

/// serde_json's pretty layout, starting `depth` levels in.
///
/// serde_json's own `PrettyFormatter` always starts at the left margin; a piece written on
/// its own must start where it stands.
struct Indented {
    depth: usize,
    has_value: bool,
}

fn indent<W: ?Sized + Write>(out: &mut W, depth: usize) -> io::Result<()> {
    for _ in 0..depth {
        out.write_all(b"  ")?;
    }
    Ok(())
}

impl Indented {
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            indent(out, self.depth)?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        indent(out, self.depth)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.begin_array_value(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes `value` pretty-printed as it stands `depth` levels in.
pub(super) fn render_into<W: Write>(
    out: W,
    value: &impl Serialize,
    depth: usize,
) -> io::Result<()> {
    let formatter = Indented {
        depth,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(out, formatter);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Inner {
        text: &'static str,
        list: Vec<u32>,
        empty: Vec<u32>,
        nested: Vec<Vec<u32>>,
        none: Option<u32>,
    }

    fn inner(k: u32) -> Inner {
        Inner {
            text: "quote \" and\nline \u{1} end",
            list: (0..k % 4).collect(),
            empty: Vec::new(),
            nested: vec![vec![k], Vec::new()],
            none: None,
        }
    }

    #[derive(Serialize)]
    struct Outer {
        schema: &'static str,
        one: Inner,
        many: Vec<Inner>,
        doubled: Vec<u32>,
        none: Vec<Inner>,
        parts: Vec<Inner>,
        empty: Empty,
    }

    #[derive(Serialize)]
    struct Empty {}

    fn written(value: &dyn Piece) -> String {
        let mut out = Vec::new();
        write_top(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn pieces_join_into_what_serde_json_writes_whole() {
        // More elements than pieces and than a batch, so pieces of several elements and
        // several batches are joined too.
        for len in [
            0,
            1,
            2,
            PIECES + 1,
            PARALLEL_FROM - 1,
            PARALLEL_FROM,
            3 * PARALLEL_FROM + 7,
        ] {
            let whole = Outer {
                schema: "test/1",
                one: inner(3),
                many: (0..len as u32).map(inner).collect(),
                doubled: (0..len as u32).map(|k| 2 * k).collect(),
                none: Vec::new(),
                parts: (0..3).map(inner).collect(),
                empty: Empty {},
            };
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            let numbers: Vec<u32> = (0..len as u32).collect();
            let parts: Vec<Box<dyn Piece>> = whole
                .parts
                .iter()
                .map(|p| Box::new(Whole(p)) as Box<dyn Piece>)
                .collect();
            let got = written(
                &Object::new()
                    .field("schema", whole.schema)
                    .field("one", &whole.one)
                    .member(
                        "many",
                        Elements::written(&whole.many, |item, out, depth| {
                            render_into(out, item, depth)
                        }),
                    )
                    .member(
                        "doubled",
                        Elements::written(&numbers, |k, out, depth| {
                            render_into(out, &(2 * k), depth)
                        }),
                    )
                    .member(
                        "none",
                        Elements::written(&whole.none, |item, out, depth| {
                            render_into(out, item, depth)
                        }),
                    )
                    .member("parts", List(parts))
                    .member("empty", Object::new()),
            );
            assert_eq!(got, expected, "{len} elements");
        }
    }
}
