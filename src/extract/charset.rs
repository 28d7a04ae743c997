//! A web page's bytes → text: the charset from a BOM, then `<meta charset>` / `http-equiv`
//! in the first 1024 bytes, then the HTTP header, then detection (chardetng, with windows-1251
//! as the tie-break). A declaration of a single-byte charset over valid UTF-8 is a lie.
//! Pure; reuses the feed decoder's label and UTF-8 helpers and knows nothing of HTML beyond
//! the prescan.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1251, WINDOWS_1252};

use crate::feed::decode::{charset_param, decode_into, encoding_for_label, looks_utf8};

/// How far the `<meta>` prescan looks, as browsers do.
const PRESCAN: usize = 1024;
/// How much detection reads: enough text to tell, bounded on huge pages.
const DETECT: usize = 256 * 1024;

/// Decodes `bytes` lossily; returns the text and the encoding used.
pub(super) fn decode(
    bytes: &[u8],
    content_type: Option<&str>,
    tld: Option<&str>,
) -> (String, &'static Encoding) {
    let (encoding, body) = choose(bytes, content_type, tld);
    let mut text = String::new();
    decode_into(encoding, body, "", &mut text);
    (text, encoding)
}

/// The encoding and the bytes to decode (without a BOM).
fn choose<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
    tld: Option<&str>,
) -> (&'static Encoding, &'a [u8]) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return (enc, &bytes[bom_len..]);
    }
    let declared = meta_charset(&bytes[..bytes.len().min(PRESCAN)]).or_else(|| {
        content_type
            .and_then(charset_param)
            .and_then(encoding_for_label)
    });
    let enc = match declared {
        Some(enc) if enc != UTF_8 && looks_utf8(bytes) => UTF_8,
        Some(enc) if enc == UTF_8 && !bytes.is_ascii() && !looks_utf8(bytes) => detect(bytes, tld),
        Some(enc) => enc,
        None if bytes.is_ascii() => UTF_8,
        None => detect(bytes, tld),
    };
    (enc, bytes)
}

/// chardetng's guess; when it falls back to windows-1252 but a Cyrillic reading is as good a
/// guess (what it answers for a Cyrillic top-level domain), windows-1251's family wins.
fn detect(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    let sample = &bytes[..bytes.len().min(DETECT)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let tld = tld
        .map(|t| t.to_ascii_lowercase())
        .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    let guess = detector.guess(tld.as_deref().map(str::as_bytes), Utf8Detection::Allow);
    if guess != WINDOWS_1252 {
        return guess;
    }
    let cyrillic = detector.guess(Some(b"ua"), Utf8Detection::Allow);
    if is_cyrillic(cyrillic) && cyrillic_letters_dominate(sample) {
        cyrillic
    } else {
        guess
    }
}

fn is_cyrillic(enc: &'static Encoding) -> bool {
    enc == WINDOWS_1251
        || enc == encoding_rs::KOI8_U
        || enc == encoding_rs::KOI8_R
        || enc == encoding_rs::IBM866
        || enc == encoding_rs::ISO_8859_5
}

/// True when most non-ASCII bytes are in 0xC0..=0xFF, where windows-1251 and KOI8 keep their
/// letters (Latin-1 text uses that range for accented letters only, mixed with ASCII words).
fn cyrillic_letters_dominate(sample: &[u8]) -> bool {
    let high = sample.iter().filter(|&&b| b >= 0x80).count();
    let letters = sample.iter().filter(|&&b| b >= 0xC0).count();
    let ascii_letters = sample.iter().filter(|b| b.is_ascii_alphabetic()).count();
    high > 0 && letters * 10 >= high * 8 && letters * 4 >= ascii_letters
}

/// The charset named by `<meta charset=…>` or `<meta http-equiv=Content-Type content=…>`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag = &rest[at..];
        let end = tag.find('>').unwrap_or(tag.len());
        let tag = &tag[..end];
        if let Some(label) = attr_value(tag, "charset")
            && let Some(enc) = encoding_for_label(label)
        {
            return Some(enc);
        }
        let is_content_type =
            attr_value(tag, "http-equiv").is_some_and(|v| v.trim() == "content-type");
        if let Some(content) = attr_value(tag, "content").filter(|_| is_content_type)
            && let Some(enc) = charset_param(content).and_then(encoding_for_label)
        {
            return Some(enc);
        }
        rest = &rest[at + 5..];
    }
    None
}

/// The value of `name=` in a lowercased tag: quoted, or up to whitespace, `;`, `/` or `>`.
fn attr_value<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = tag[..at].ends_with(|c: char| c.is_whitespace() || c == '"' || c == '\'');
        let after = tag[from..].trim_start();
        let (true, Some(value)) = (before_ok, after.strip_prefix('=')) else {
            continue;
        };
        let value = value.trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = &value[1..];
                &inner[..inner.find(q).unwrap_or(inner.len())]
            }
            _ => {
                let end = value
                    .find(|c: char| c.is_whitespace() || matches!(c, ';' | '/' | '>'))
                    .unwrap_or(value.len());
                &value[..end]
            }
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(s: &str, e: &'static Encoding) -> Vec<u8> {
        e.encode(s).0.into_owned()
    }

    const UK: &str = "<html><body><p>Чернігівська міська рада ухвалила програму відновлення \
                      житла, пошкодженого внаслідок обстрілів. Заяви приймають у ЦНАПі.</p>";

    #[test]
    fn meta_charset_forms() {
        let m = |s: &str| meta_charset(s.as_bytes()).map(|e| e.name());
        assert_eq!(m("<meta charset=\"windows-1251\">"), Some("windows-1251"));
        assert_eq!(m("<META CHARSET=koi8-u>"), Some("KOI8-U"));
        assert_eq!(
            m("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=cp1251\">"),
            Some("windows-1251")
        );
        assert_eq!(
            m("<meta content='text/html; charset=utf-8' http-equiv='content-type'>"),
            Some("UTF-8")
        );
        assert_eq!(
            m("<meta name=\"description\" content=\"charset=koi8-r\">"),
            None
        );
    }

    #[test]
    fn order_bom_meta_header_detection() {
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(UK.as_bytes());
        assert_eq!(
            decode(&bom, Some("text/html; charset=koi8-u"), None).1,
            UTF_8
        );
        let mut meta = b"<meta charset=windows-1251>".to_vec();
        meta.extend(enc(UK, WINDOWS_1251));
        assert_eq!(
            decode(&meta, Some("text/html; charset=koi8-u"), None).1,
            WINDOWS_1251
        );
        let koi = enc(UK, encoding_rs::KOI8_U);
        assert_eq!(
            decode(&koi, Some("text/html; charset=koi8-u"), None).1,
            encoding_rs::KOI8_U
        );
        let (text, e) = decode(&koi, Some("text/html"), None);
        assert!(is_cyrillic(e), "{}", e.name());
        assert!(text.contains("Чернігівська"), "{text}");
        let (text, e) = decode(&enc(UK, WINDOWS_1251), None, Some("ua"));
        assert_eq!(e, WINDOWS_1251);
        assert!(text.contains("обстрілів"));
    }

    #[test]
    fn lies_are_caught() {
        assert_eq!(
            decode(UK.as_bytes(), Some("text/html; charset=windows-1251"), None).1,
            UTF_8
        );
        let cp = enc(UK, WINDOWS_1251);
        assert_eq!(
            decode(&cp, Some("text/html; charset=utf-8"), None).1,
            WINDOWS_1251
        );
    }

    #[test]
    fn latin_pages_stay_latin() {
        let de = "<p>Die Bürgermeisterin erklärte, dass die Straße über den Fluss gesperrt \
                  würde. Größere Schäden seien nicht zu befürchten, hieß es.</p>";
        let (text, e) = decode(&enc(de, WINDOWS_1252), None, Some("de"));
        assert_eq!(e, WINDOWS_1252);
        assert!(text.contains("Bürgermeisterin"));
        let (_, e) = decode(&enc(de, WINDOWS_1252), None, None);
        assert_eq!(e, WINDOWS_1252);
    }
}
