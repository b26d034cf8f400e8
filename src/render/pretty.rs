//! Pretty-printed JSON written in pieces, the pieces rendered in parallel.
//!
//! A comparison of two long drafts is tens of megabytes of JSON, and one serde_json
//! serializer writes it on one core. Here an object's members, and the elements of a long
//! array, are rendered on their own at the indentation they will stand at, by all cores,
//! then joined in order. The bytes are exactly those `serde_json::to_writer_pretty` writes
//! for the same object (two-space indentation, `": "` after keys, empty arrays as `[]`);
//! the tests below hold the two side by side.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

/// An array is rendered in at most this many pieces of work: enough to keep every core busy
/// when elements differ in size (a draft's documents beside short changes), few enough that
/// each piece is worth handing to another thread.
const PIECES: usize = 64;

/// serde_json's pretty layout, starting `depth` levels in.
///
/// serde_json's own `PrettyFormatter` always starts at the left margin; a piece rendered on
/// its own must start where it will stand.
struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    fn at(depth: usize) -> Self {
        Indented {
            depth,
            has_value: false,
        }
    }
}

fn indent<W: ?Sized + Write>(out: &mut W, depth: usize) -> io::Result<()> {
    for _ in 0..depth {
        out.write_all(b"  ")?;
    }
    Ok(())
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            indent(out, self.depth)?;
        }
        out.write_all(b"]")
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
        self.depth += 1;
        self.has_value = false;
        out.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            indent(out, self.depth)?;
        }
        out.write_all(b"}")
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

/// Appends `value` to `out`, pretty-printed as it stands `depth` levels in.
fn render_into(out: &mut Vec<u8>, value: &impl Serialize, depth: usize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Indented::at(depth));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// A member of an object written by [`write_object`]: one value, or a long array whose
/// elements are rendered in parallel.
pub(super) trait Piece: Sync {
    /// The member's value pretty-printed as it stands `depth` levels in.
    fn render(&self, depth: usize) -> io::Result<Vec<u8>>;
}

/// One value rendered whole.
pub(super) struct Whole<'a, T>(pub &'a T);

impl<T: Serialize + Sync> Piece for Whole<'_, T> {
    fn render(&self, depth: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        render_into(&mut out, self.0, depth)?;
        Ok(out)
    }
}

/// An array whose elements are rendered in parallel, a chunk at a time.
pub(super) struct Elements<'a, T>(pub &'a [T]);

impl<T: Serialize + Sync> Piece for Elements<'_, T> {
    fn render(&self, depth: usize) -> io::Result<Vec<u8>> {
        if self.0.is_empty() {
            return Ok(b"[]".to_vec());
        }
        // Each element is preceded by ",\n" and its indentation; the first comma is dropped.
        let chunks: Vec<Vec<u8>> = self
            .0
            .par_chunks(self.0.len().div_ceil(PIECES))
            .map(|chunk| {
                let mut out = Vec::new();
                for element in chunk {
                    out.extend_from_slice(b",\n");
                    indent(&mut out, depth + 1)?;
                    render_into(&mut out, element, depth + 1)?;
                }
                Ok(out)
            })
            .collect::<io::Result<_>>()?;
        let mut out = Vec::with_capacity(chunks.iter().map(Vec::len).sum::<usize>() + depth + 3);
        out.push(b'[');
        for (k, chunk) in chunks.iter().enumerate() {
            out.extend_from_slice(if k == 0 { &chunk[1..] } else { chunk });
        }
        out.push(b'\n');
        indent(&mut out, depth)?;
        out.push(b']');
        Ok(out)
    }
}

/// Writes a top-level object with these members, in this order, then a line end: the
/// members are rendered in parallel, and written as soon as all are ready.
pub(super) fn write_object(out: &mut dyn Write, members: &[(&str, &dyn Piece)]) -> io::Result<()> {
    let values: Vec<Vec<u8>> = members
        .par_iter()
        .map(|(_, piece)| piece.render(1))
        .collect::<io::Result<_>>()?;
    if members.is_empty() {
        return out.write_all(b"{}\n");
    }
    out.write_all(b"{")?;
    for (k, ((name, _), value)) in members.iter().zip(&values).enumerate() {
        out.write_all(if k == 0 { b"\n  " } else { b",\n  " })?;
        serde_json::to_writer(&mut *out, name)?;
        out.write_all(b": ")?;
        out.write_all(value)?;
    }
    out.write_all(b"\n}\n")
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
        none: Vec<Inner>,
        count: usize,
    }

    fn written(members: &[(&str, &dyn Piece)]) -> String {
        let mut out = Vec::new();
        write_object(&mut out, members).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn pieces_join_into_what_serde_json_writes_whole() {
        // More elements than pieces, so pieces of several elements are joined too.
        for len in [0, 1, 2, PIECES, PIECES + 1, 3 * PIECES + 7, 1000] {
            let whole = Outer {
                schema: "test/1",
                one: inner(3),
                many: (0..len as u32).map(inner).collect(),
                none: Vec::new(),
                count: len,
            };
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            let got = written(&[
                ("schema", &Whole(&whole.schema)),
                ("one", &Whole(&whole.one)),
                ("many", &Elements(&whole.many)),
                ("none", &Elements(&whole.none)),
                ("count", &Whole(&whole.count)),
            ]);
            assert_eq!(got, expected, "{len} elements");
        }
    }

    #[test]
    fn an_object_without_members_is_empty_braces() {
        assert_eq!(written(&[]), "{}\n");
    }
}
