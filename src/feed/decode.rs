//! Bytes → text: picks the charset (BOM, XML declaration, HTTP header, UTF-8 validity,
//! windows-1251), decodes lossily, and rewrites the XML declaration to say UTF-8.
//! Knows nothing about feed structure beyond the declaration.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1251};

/// The decoded text and the encoding that was used.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
}

/// Decodes `bytes` (see the module doc); never fails: invalid bytes become U+FFFD.
/// The XML declaration, if any, is rewritten to `encoding="UTF-8"` and leading whitespace
/// before it is dropped.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let (encoding, body) = choose(bytes, content_type);
    Decoded {
        text: decode_with(encoding, body),
        encoding,
    }
}

/// Decodes `body` (no BOM) as `encoding`, rewriting the XML declaration as [`decode`] does.
pub(crate) fn decode_with(encoding: &'static Encoding, body: &[u8]) -> String {
    let mut text = String::new();
    if !encoding.is_ascii_compatible() {
        // UTF-16: the declaration can only be found after decoding.
        decode_into(encoding, body, "", &mut text);
        if let Some((_, end)) = declaration_span(text.as_bytes()) {
            text.replace_range(..end, utf8_declaration(&text.as_bytes()[..end]));
        }
        return text;
    }
    let (decl, rest) = match declaration_span(body) {
        Some((_, end)) => (utf8_declaration(&body[..end]), &body[end..]),
        None => ("", body),
    };
    decode_into(encoding, rest, decl, &mut text);
    text
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

/// The encoding for `bytes` and the bytes to decode (without a BOM).
pub(crate) fn choose<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
) -> (&'static Encoding, &'a [u8]) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return (enc, &bytes[bom_len..]);
    }
    let declared = declared_label(bytes)
        .and_then(encoding_for_label)
        .or_else(|| {
            content_type
                .and_then(charset_param)
                .and_then(encoding_for_label)
        });
    let utf8 = looks_utf8(bytes);
    let enc = match declared {
        // A single-byte declaration over bytes that are (nearly) valid UTF-8 is a lie.
        Some(enc) if enc != UTF_8 && utf8 => UTF_8,
        Some(enc) => enc,
        None if utf8 || bytes.is_ascii() => UTF_8,
        None => WINDOWS_1251,
    };
    (enc, bytes)
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

/// True when the bytes hold non-ASCII text that is valid UTF-8, allowing a few broken bytes
/// (at most one invalid sequence per 4 good non-ASCII characters). Text in a single-byte
/// Cyrillic encoding is almost all invalid sequences when read as UTF-8.
///
/// Linear and cheap: valid UTF-8 is recognised by one fast validation; otherwise blocks are
/// counted until the answer can no longer change (every good non-ASCII character takes at least
/// 2 of the non-ASCII bytes still ahead, every bad sequence at least 1, and there are no more
/// good characters than lead-continuation byte pairs in the whole input).
pub(crate) fn looks_utf8(bytes: &[u8]) -> bool {
    if std::str::from_utf8(bytes).is_ok() {
        return !bytes.is_ascii();
    }
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

/// The number of bytes ≥ 80 and of (≥ C0, 80–BF) byte pairs, in blocks the compiler vectorises.
fn high_bytes_and_pairs(bytes: &[u8]) -> (usize, usize) {
    const BLOCK: usize = 1 << 16;
    let (mut high, mut pairs) = (0usize, 0usize);
    let mut start = 0;
    while start < bytes.len() {
        let end = (start + BLOCK).min(bytes.len());
        let block = &bytes[start..end];
        high += block.iter().map(|&b| u32::from(b >= 0x80)).sum::<u32>() as usize;
        let firsts = &bytes[start..end.min(bytes.len() - 1).max(start)];
        let seconds = &bytes[start + 1..start + 1 + firsts.len()];
        pairs += firsts
            .iter()
            .zip(seconds)
            .map(|(&a, &b)| u32::from(a >= 0xC0) & u32::from(b & 0xC0 == 0x80))
            .sum::<u32>() as usize;
        start = end;
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
mod tests {
    use super::*;

    fn cp1251(s: &str) -> Vec<u8> {
        WINDOWS_1251.encode(s).0.into_owned()
    }

    #[test]
    fn labels_are_normalised() {
        for label in [
            "cp1251",
            "CP-1251",
            "windows-1251",
            " Windows-1251 ",
            "win-1251",
            "x-cp1251",
        ] {
            assert_eq!(encoding_for_label(label), Some(WINDOWS_1251), "{label}");
        }
        assert_eq!(encoding_for_label("koi8-u"), Some(encoding_rs::KOI8_U));
        assert_eq!(encoding_for_label("KOI8-R"), Some(encoding_rs::KOI8_R));
        assert_eq!(encoding_for_label("utf-8"), Some(UTF_8));
        assert_eq!(encoding_for_label("utf-16"), None);
        assert_eq!(encoding_for_label("cp866"), Some(encoding_rs::IBM866));
        assert_eq!(encoding_for_label("nonsense"), None);
    }

    #[test]
    fn charset_from_header() {
        assert_eq!(
            charset_param("text/xml; charset=\"windows-1251\""),
            Some("windows-1251")
        );
        assert_eq!(
            charset_param("application/rss+xml;Charset=koi8-u"),
            Some("koi8-u")
        );
        assert_eq!(charset_param("text/xml"), None);
    }

    #[test]
    fn declaration_wins_over_header_and_is_rewritten() {
        let mut bytes = b"  \n<?xml version='1.0' encoding='windows-1251'?><r>".to_vec();
        bytes.extend(cp1251("Чернігів</r>"));
        let d = decode(&bytes, Some("text/xml; charset=koi8-u"));
        assert_eq!(
            d.text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>Чернігів</r>"
        );
    }

    #[test]
    fn lying_declaration_over_utf8_bytes() {
        let text = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><r>Чернігів «монітор»</r>";
        let d = decode(text.as_bytes(), None);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Чернігів «монітор»"));
    }

    #[test]
    fn header_then_utf8_then_windows_1251() {
        let koi = encoding_rs::KOI8_U.encode("<r>Київ</r>").0.into_owned();
        assert_eq!(
            decode(&koi, Some("text/xml; charset=koi8-u")).text,
            "<r>Київ</r>"
        );
        assert_eq!(decode("<r>Київ</r>".as_bytes(), None).text, "<r>Київ</r>");
        assert_eq!(decode(&cp1251("<r>Київ</r>"), None).text, "<r>Київ</r>");
    }

    #[test]
    fn bom_wins_and_is_removed() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend(b"<?xml version=\"1.0\" encoding=\"cp1251\"?><r>");
        bytes.extend("Ї</r>".as_bytes());
        assert_eq!(
            decode(&bytes, None).text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>Ї</r>"
        );
    }

    #[test]
    fn utf16_declaration_is_rewritten_too() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>Ї</r>".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(
            decode(&bytes, None).text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>Ї</r>"
        );
    }

    /// The block-wise count gives the whole-input answer: mostly-UTF-8 with a few broken
    /// bytes over several blocks, and windows-1251 after a long ASCII or UTF-8 stretch.
    #[test]
    fn utf8_guess_is_decided_over_the_whole_input() {
        let mut mostly = "Чернігів — новини області. ".repeat(10_000).into_bytes();
        for at in [100_001, 200_003, 300_007] {
            let at = (at..).find(|&i| mostly[i] >= 0xC0).unwrap();
            mostly[at] = 0xFF;
        }
        assert!(looks_utf8(&mostly));
        let mut late = "a".repeat(300_000).into_bytes();
        late.extend(cp1251(&"Київ ".repeat(5_000)));
        assert!(!looks_utf8(&late));
        let mut mixed = "Київ ".repeat(2_000).into_bytes();
        mixed.extend(cp1251(&"Чернігів ".repeat(20_000)));
        assert!(!looks_utf8(&mixed));
        assert!(!looks_utf8(b"plain ascii \xff"));
    }

    #[test]
    fn high_bytes_and_pairs_are_counted_across_blocks() {
        let mut bytes = cp1251(&"Київ — «новини» ".repeat(9_000));
        bytes.extend("Чернігів".as_bytes());
        bytes.insert(1 << 16, 0xD0);
        bytes.insert((1 << 16) + 1, 0x9A);
        for len in [0, 1, 2, (1 << 16) + 1, (1 << 16) + 2, bytes.len()] {
            let b = &bytes[..len];
            let high = b.iter().filter(|&&x| x >= 0x80).count();
            let pairs = b
                .windows(2)
                .filter(|w| w[0] >= 0xC0 && (0x80..0xC0).contains(&w[1]))
                .count();
            assert_eq!(high_bytes_and_pairs(b), (high, pairs), "{len}");
        }
    }

    #[test]
    fn one_invalid_byte_does_not_switch_encoding() {
        let mut bytes = "<r>Новини Чернігова та області</r>".as_bytes().to_vec();
        bytes.insert(15, 0xFF);
        let d = decode(&bytes, None);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Чернігова та області"));
    }
}
