//! Bytes → text: picks the charset (byte order from the first bytes, XML declaration, HTTP
//! header, UTF-8 validity, detection of undeclared legacy encodings), decodes lossily, and
//! rewrites the XML declaration to say UTF-8. Knows nothing about feed structure beyond the
//! declaration.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::detect::legacy_encoding;
use super::sniff::{self, Unicode};

/// What the bytes are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Encoding(&'static Encoding),
    /// UTF-32, which encoding_rs does not know.
    Utf32 {
        big_endian: bool,
    },
}

/// The decoded text and the charset that was used.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub charset: Charset,
}

/// Decodes `bytes` (see the module doc); never fails: invalid bytes become U+FFFD.
/// The XML declaration, if any, is rewritten to `encoding="UTF-8"` and leading whitespace
/// before it is dropped.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let (charset, body) = choose(bytes, content_type);
    let text = match charset {
        Charset::Encoding(encoding) => decode_with(encoding, body),
        Charset::Utf32 { big_endian } => {
            let mut text = String::new();
            sniff::decode_utf32(body, big_endian, &mut text);
            rewrite_declaration(&mut text);
            text
        }
    };
    Decoded { text, charset }
}

/// Decodes `body` (no BOM) as `encoding`, rewriting the XML declaration as [`decode`] does.
pub(crate) fn decode_with(encoding: &'static Encoding, body: &[u8]) -> String {
    let mut text = String::new();
    if !encoding.is_ascii_compatible() {
        // UTF-16: the declaration can only be found after decoding.
        decode_into(encoding, body, "", &mut text);
        rewrite_declaration(&mut text);
        return text;
    }
    let (decl, rest) = match declaration_span(body) {
        Some((_, end)) => (utf8_declaration(&body[..end]), &body[end..]),
        None => ("", body),
    };
    decode_into(encoding, rest, decl, &mut text);
    text
}

/// Replaces the XML declaration at the start of decoded `text` (if any) by a UTF-8 one.
fn rewrite_declaration(text: &mut String) {
    if let Some((_, end)) = declaration_span(text.as_bytes()) {
        text.replace_range(..end, utf8_declaration(&text.as_bytes()[..end]));
    }
}

/// Decodes `bytes` (a part of a document, cut between characters) into `out` after `prefix`,
/// in one pass with no intermediate copy.
pub(crate) fn decode_into(
    encoding: &'static Encoding,
    bytes: &[u8],
    prefix: &str,
    out: &mut String,
) {
    if let Some(table) = super::sbcs::Table::new(encoding) {
        return table.decode_into(bytes, prefix, out);
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let need = decoder
        .max_utf8_buffer_length(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    out.clear();
    out.reserve(prefix.len() + need);
    out.push_str(prefix);
    // With room for the worst case the whole input is always consumed.
    let _ = decoder.decode_to_string(bytes, out, true);
}

/// The charset for `bytes` and the bytes to decode (without a BOM). In order: a BOM or the
/// UTF-16/UTF-32 byte pattern of the first characters; the declaration, else the header —
/// unless a single-byte claim sits over valid UTF-8, or a UTF-8 claim over bytes that are not
/// (the bytes win); with neither, UTF-8 when valid, else the detected legacy encoding.
pub(crate) fn choose<'a>(bytes: &'a [u8], content_type: Option<&str>) -> (Charset, &'a [u8]) {
    if let Some((unicode, bom_len)) = sniff::sniff(bytes) {
        let charset = match unicode {
            Unicode::Utf8 => Charset::Encoding(UTF_8),
            Unicode::Utf16Le => Charset::Encoding(UTF_16LE),
            Unicode::Utf16Be => Charset::Encoding(UTF_16BE),
            Unicode::Utf32Le => Charset::Utf32 { big_endian: false },
            Unicode::Utf32Be => Charset::Utf32 { big_endian: true },
        };
        return (charset, &bytes[bom_len..]);
    }
    let declared = declared_label(bytes)
        .and_then(encoding_for_label)
        .or_else(|| {
            content_type
                .and_then(charset_param)
                .and_then(encoding_for_label)
        });
    let form = form(bytes);
    let enc = match declared {
        Some(enc) if enc != UTF_8 && form == Form::Utf8 => UTF_8,
        Some(enc) if enc == UTF_8 && form == Form::Legacy => legacy_encoding(bytes),
        Some(enc) => enc,
        None if form == Form::Legacy => legacy_encoding(bytes),
        None => UTF_8,
    };
    (Charset::Encoding(enc), bytes)
}

/// What the bytes look like as UTF-8.
#[derive(Debug, PartialEq)]
enum Form {
    Ascii,
    /// Valid UTF-8 with non-ASCII text, or nearly so (see [`mostly_utf8`]).
    Utf8,
    /// Anything else: a legacy encoding.
    Legacy,
}

/// True when the bytes hold non-ASCII text that is (nearly) valid UTF-8.
pub(crate) fn looks_utf8(bytes: &[u8]) -> bool {
    form(bytes) == Form::Utf8
}

fn form(bytes: &[u8]) -> Form {
    if std::str::from_utf8(bytes).is_ok() {
        return if bytes.is_ascii() {
            Form::Ascii
        } else {
            Form::Utf8
        };
    }
    if mostly_utf8(bytes) {
        Form::Utf8
    } else {
        Form::Legacy
    }
}

/// An encoding from a label, tolerating `cp-1251`, `win-1251` and friends. UTF-16 labels
/// are ignored (without a BOM the bytes cannot be UTF-16 if we could read the label).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().to_ascii_lowercase();
    let found = Encoding::for_label(label.as_bytes()).or_else(|| {
        let num = ["cp-", "win-", "win", "windows"].iter().find_map(|p| {
            label
                .strip_prefix(p)
                .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        })?;
        Encoding::for_label(format!("windows-{num}").as_bytes())
    });
    found.filter(|e| !e.name().starts_with("UTF-16"))
}

/// The `charset` parameter of a Content-Type header value.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

/// The `encoding` pseudo-attribute of an XML declaration at the start (after whitespace).
fn declared_label(bytes: &[u8]) -> Option<&str> {
    let (start, end) = declaration_span(bytes)?;
    let decl = std::str::from_utf8(&bytes[start..end]).ok()?;
    let after = &decl[decl.find("encoding")? + "encoding".len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &after[1..];
    Some(&value[..value.find(quote)?])
}

/// Byte range of `<?xml … ?>` when it is the first thing after optional whitespace.
fn declaration_span(bytes: &[u8]) -> Option<(usize, usize)> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &bytes[start..bytes.len().min(start + 512)];
    if !head.starts_with(b"<?xml") || !head.get(5).is_some_and(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")? + 2;
    Some((start, start + end))
}

/// True when bytes that are not valid UTF-8 still hold UTF-8 text with a few broken bytes
/// (at most one invalid sequence per 4 good non-ASCII characters). Text in a single-byte
/// Cyrillic encoding is almost all invalid sequences when read as UTF-8.
///
/// Linear and cheap: blocks are counted until the answer can no longer change (every good
/// non-ASCII character takes at least 2 of the non-ASCII bytes still ahead, every bad sequence
/// at least 1, and there are no more good characters than lead-continuation byte pairs in the
/// whole input).
fn mostly_utf8(bytes: &[u8]) -> bool {
    // Every good character is a lead byte (≥ C0) followed by a continuation byte (80–BF): the
    // number of such pairs bounds the final `good`, which settles single-byte text at once.
    let (mut ahead, pairs) = high_bytes_and_pairs(bytes);
    if pairs == 0 {
        return false;
    }
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        let (block, tail) = rest.split_at(block_end(rest, 1 << 16));
        rest = tail;
        for chunk in block.utf8_chunks() {
            let valid = chunk.valid().as_bytes();
            good += valid.iter().filter(|&&b| b >= 0xC0).count();
            bad += usize::from(!chunk.invalid().is_empty());
            let high = valid.iter().filter(|&&b| b >= 0x80).count() + chunk.invalid().len();
            ahead = ahead.saturating_sub(high);
        }
        if bad * 4 > (good + ahead / 2).min(pairs) {
            return false;
        }
        if good > 0 && (bad + ahead) * 4 <= good {
            return true;
        }
    }
    good > 0 && bad * 4 <= good
}

/// The number of bytes ≥ 80 and of (≥ C0, 80–BF) byte pairs. Counted in runs of at most 255
/// bytes into byte-wide sums, which the compiler turns into wide vector adds (sums of `u32`
/// take four times the lanes).
fn high_bytes_and_pairs(bytes: &[u8]) -> (usize, usize) {
    const RUN: usize = 255;
    let (mut high, mut pairs) = (0usize, 0usize);
    for run in bytes.chunks(RUN) {
        high += usize::from(run.iter().fold(0u8, |n, &b| n + (b >> 7)));
    }
    let (firsts, seconds) = (bytes, bytes.get(1..).unwrap_or_default());
    for (a, b) in firsts.chunks(RUN).zip(seconds.chunks(RUN)) {
        let n = a.iter().zip(b).fold(0u8, |n, (&a, &b)| {
            n + (u8::from(a >= 0xC0) & u8::from(b & 0xC0 == 0x80))
        });
        pairs += usize::from(n);
    }
    (high, pairs)
}

/// About `len` bytes of `bytes`, not ending inside a UTF-8 sequence when it can be helped.
fn block_end(bytes: &[u8], len: usize) -> usize {
    let mut end = len.min(bytes.len());
    while end < bytes.len() && end < len + 3 && (0x80..0xC0).contains(&bytes[end]) {
        end += 1;
    }
    end
}

/// The declaration that replaces `original` (the text is UTF-8 now).
fn utf8_declaration(original: &[u8]) -> &'static str {
    if original.windows(17).any(|w| w == b"standalone=\"yes\"") {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    } else {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    }
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
