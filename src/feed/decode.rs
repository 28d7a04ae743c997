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
    let (text, _) = encoding.decode_without_bom_handling(body);
    Decoded {
        text: rewrite_declaration(&text),
        encoding,
    }
}

/// The encoding for `bytes` and the bytes to decode (without a BOM).
fn choose<'a>(bytes: &'a [u8], content_type: Option<&str>) -> (&'static Encoding, &'a [u8]) {
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
fn looks_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > 0 && bad * 4 <= good
}

/// Replaces the XML declaration's encoding with UTF-8 (the text is UTF-8 now).
fn rewrite_declaration(text: &str) -> String {
    match declaration_span(text.as_bytes()) {
        Some((_, end)) => {
            let standalone = text[..end].contains("standalone=\"yes\"");
            let decl = if standalone {
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            } else {
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            };
            let mut out = String::with_capacity(text.len());
            out.push_str(decl);
            out.push_str(&text[end..]);
            out
        }
        None => text.to_string(),
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
    fn one_invalid_byte_does_not_switch_encoding() {
        let mut bytes = "<r>Новини Чернігова та області</r>".as_bytes().to_vec();
        bytes.insert(15, 0xFF);
        let d = decode(&bytes, None);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Чернігова та області"));
    }
}
