//! Decoding text files: UTF-8 with or without a byte-order mark, UTF-16 with one, any line ends.

/// Decodes `bytes` to a string with `\n` line ends.
///
/// Accepts UTF-8 (a BOM is dropped) and UTF-16 LE/BE with a BOM. Text with NUL bytes and
/// no UTF-16 BOM is taken for a binary file.
///
/// # Errors
/// A short reason, to be joined to the file name by the caller.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    decode_owned(bytes.to_vec())
}

/// [`decode`], taking the bytes: a UTF-8 draft without carriage returns, the usual case,
/// becomes its text without a copy.
pub(crate) fn decode_owned(mut bytes: Vec<u8>) -> Result<String, String> {
    let text = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
        utf8(bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        if bytes.contains(&0) {
            return Err(
                "binary file (contains NUL bytes), not a text draft; UTF-16 text needs a \
                 byte-order mark (or save it as UTF-8)"
                    .into(),
            );
        }
        utf8(bytes)?
    };
    Ok(normalize_line_ends(text))
}

fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {}); save the file as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if bytes.len() % 2 != 0 {
        return Err("truncated UTF-16 text (odd number of bytes)".into());
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| "not valid UTF-16 (unpaired surrogate)".into())
}

/// CRLF and lone CR become LF, so line numbers agree with what editors show.
fn normalize_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), "abc");
    }

    #[test]
    fn utf16_le_and_be_with_bom_decode() {
        assert_eq!(decode(b"\xFF\xFEa\0b\0").unwrap(), "ab");
        assert_eq!(decode(b"\xFE\xFF\0a\0b").unwrap(), "ab");
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc").unwrap(), "a\nb\nc");
    }

    #[test]
    fn invalid_utf8_and_binary_are_refused() {
        assert!(decode(b"a\xFFb").unwrap_err().contains("UTF-8"));
        assert!(decode(b"a\0b").unwrap_err().contains("binary"));
    }
}
