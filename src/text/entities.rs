//! Character references: the HTML 4 named-entity table, numeric reference parsing, and the
//! decoding of references left in parsed text (titles, double-escaped `&amp;#128314;`).
//! Knows nothing about XML structure or feeds.

/// The code point of an HTML 4 named entity (without `&` and `;`), the 5 XML ones included.
pub fn named(name: &str) -> Option<u32> {
    latin1(name).or_else(|| special(name))
}

/// True for the five entities every XML parser knows.
pub fn is_xml_named(name: &str) -> bool {
    matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
}

fn latin1(name: &str) -> Option<u32> {
    const NAMES: [&str; 96] = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
        "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
        "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave",
        "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
        "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring",
        "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
        "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash",
        "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ];
    NAMES
        .iter()
        .position(|n| *n == name)
        .map(|i| 0xA0 + i as u32)
}

/// Named entities outside the Latin-1 block (and the five of XML).
const SPECIAL: [(&str, u32); 58] = [
    ("amp", 38),
    ("lt", 60),
    ("gt", 62),
    ("quot", 34),
    ("apos", 39),
    ("OElig", 0x152),
    ("oelig", 0x153),
    ("Scaron", 0x160),
    ("scaron", 0x161),
    ("Yuml", 0x178),
    ("fnof", 0x192),
    ("circ", 0x2C6),
    ("tilde", 0x2DC),
    ("ensp", 0x2002),
    ("emsp", 0x2003),
    ("thinsp", 0x2009),
    ("zwnj", 0x200C),
    ("zwj", 0x200D),
    ("lrm", 0x200E),
    ("rlm", 0x200F),
    ("ndash", 0x2013),
    ("mdash", 0x2014),
    ("lsquo", 0x2018),
    ("rsquo", 0x2019),
    ("sbquo", 0x201A),
    ("ldquo", 0x201C),
    ("rdquo", 0x201D),
    ("bdquo", 0x201E),
    ("dagger", 0x2020),
    ("Dagger", 0x2021),
    ("bull", 0x2022),
    ("hellip", 0x2026),
    ("permil", 0x2030),
    ("prime", 0x2032),
    ("Prime", 0x2033),
    ("lsaquo", 0x2039),
    ("rsaquo", 0x203A),
    ("oline", 0x203E),
    ("frasl", 0x2044),
    ("euro", 0x20AC),
    ("trade", 0x2122),
    ("numero", 0x2116),
    ("larr", 0x2190),
    ("uarr", 0x2191),
    ("rarr", 0x2192),
    ("darr", 0x2193),
    ("harr", 0x2194),
    ("minus", 0x2212),
    ("infin", 0x221E),
    ("ne", 0x2260),
    ("le", 0x2264),
    ("ge", 0x2265),
    ("asymp", 0x2248),
    ("loz", 0x25CA),
    ("spades", 0x2660),
    ("clubs", 0x2663),
    ("hearts", 0x2665),
    ("diams", 0x2666),
];

fn special(name: &str) -> Option<u32> {
    SPECIAL
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, code)| code)
}

/// What follows a `&`: the reference and its length (including `&` and `;`), if well-formed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reference<'a> {
    Numeric(u32),
    Named(&'a str),
}

/// Parses a reference at the start of `s` (which begins with `&`). A numeric one in
/// 128–159 is read as HTML5 reads it, through windows-1252 (`&#146;` → ’, see [`c1_code`]).
pub fn reference(s: &str) -> Option<(Reference<'_>, usize)> {
    let body = s.get(1..)?;
    let semi = body.as_bytes().iter().take(34).position(|&b| b == b';')?;
    let inner = &body[..semi];
    let len = semi + 2;
    if let Some(num) = inner.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 8 => u32::from_str_radix(hex, 16).ok()?,
            None if !num.is_empty() && num.len() <= 10 => num.parse::<u32>().ok()?,
            _ => return None,
        };
        return Some((Reference::Numeric(c1_code(code)), len));
    }
    let mut chars = inner.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric())).then_some((Reference::Named(inner), len))
}

/// The code point HTML5 gives numeric reference `code`: 128–159 (C1 controls, never meant
/// as such) are the windows-1252 characters of those bytes; the five bytes windows-1252 leaves
/// undefined, and every other code, stay as they are.
pub fn c1_code(code: u32) -> u32 {
    const C1: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039,
        0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
    ];
    match code {
        0x80..=0x9F => C1[(code - 0x80) as usize],
        _ => code,
    }
}

/// The character a reference at the start of `s` (which begins with `&`) stands for, and the
/// reference's length: numeric, or named from the table.
pub fn decode_at(s: &str) -> Option<(char, usize)> {
    let (reference, len) = reference(s)?;
    let code = match reference {
        Reference::Numeric(code) => code,
        Reference::Named(name) => named(name)?,
    };
    Some((char::from_u32(code)?, len))
}

/// Appends XML character data with every reference resolved once (an unknown or malformed
/// one stays as written).
pub fn unescape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let len = match decode_at(rest) {
            Some((c, len)) => {
                out.push(c);
                len
            }
            None => {
                out.push('&');
                1
            }
        };
        rest = &rest[len..];
    }
    out.push_str(rest);
}

/// Decodes every known reference in plain text (a title): named, numeric, and numeric refs
/// escaped twice (`&amp;#128314;`). Unknown or malformed references stay as they are.
pub fn decode_text(s: &str) -> String {
    decode(s, true)
}

/// For HTML (lead, body): turns numeric references, also double-escaped ones, into characters,
/// except those that are HTML syntax (`< > & " '`); named entities are left to the renderer.
pub fn decode_numeric_in_html(s: &str) -> String {
    decode(s, false)
}

fn decode(s: &str, text: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    // A byte search: '&' is ASCII, so where it is found is a char boundary.
    while let Some(at) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let double = rest.starts_with("&amp;#");
        let candidate = if double { &rest[4..] } else { rest };
        let decoded = match reference(candidate) {
            Some((Reference::Numeric(code), len)) => char::from_u32(code)
                .filter(|c| text || !matches!(c, '<' | '>' | '&' | '"' | '\''))
                .map(|c| (c, len)),
            Some((Reference::Named(name), len)) if text && !double => {
                named(name).and_then(char::from_u32).map(|c| (c, len))
            }
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &candidate[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_covers_common_entities() {
        assert_eq!(named("nbsp"), Some(0xA0));
        assert_eq!(named("laquo"), Some(0xAB));
        assert_eq!(named("raquo"), Some(0xBB));
        assert_eq!(named("shy"), Some(0xAD));
        assert_eq!(named("yuml"), Some(0xFF));
        assert_eq!(named("mdash"), Some(0x2014));
        assert_eq!(named("bdquo"), Some(0x201E));
        assert_eq!(named("nosuch"), None);
    }

    #[test]
    fn parses_references() {
        assert_eq!(
            reference("&#128314;x"),
            Some((Reference::Numeric(128314), 9))
        );
        assert_eq!(
            reference("&#x1F53A;"),
            Some((Reference::Numeric(0x1F53A), 9))
        );
        assert_eq!(reference("&laquo;"), Some((Reference::Named("laquo"), 7)));
        assert_eq!(reference("& b;"), None);
        assert_eq!(reference("&#;"), None);
        assert_eq!(reference("&abc"), None);
    }

    #[test]
    fn c1_references_read_as_windows_1252() {
        assert_eq!(reference("&#146;"), Some((Reference::Numeric(0x2019), 6)));
        assert_eq!(reference("&#x80;"), Some((Reference::Numeric(0x20AC), 6)));
        assert_eq!(reference("&#129;"), Some((Reference::Numeric(0x81), 6)));
        assert_eq!(reference("&#160;"), Some((Reference::Numeric(0xA0), 6)));
        assert_eq!(
            decode_text("It&#146;s &amp;#147;q&amp;#148; &#150;"),
            "It’s “q” –"
        );
        assert_eq!(decode_numeric_in_html("<p>&amp;#146;</p>"), "<p>’</p>");
    }

    #[test]
    fn unescapes_xml_text_once() {
        let mut out = String::from(">");
        unescape_into(
            &mut out,
            "&lt;p&gt;A &amp;#128314; &#171;&laquo; &bogus; & x",
        );
        assert_eq!(out, "><p>A &#128314; «« &bogus; & x");
        assert_eq!(decode_at("&#x1F53A;"), Some(('🔺', 9)));
        assert_eq!(decode_at("&#xD800;"), None);
    }

    #[test]
    fn decodes_titles_and_double_escapes() {
        assert_eq!(
            decode_text("&laquo;Десна&raquo; &amp;#128314; &#8212; &bogus; & x"),
            "«Десна» 🔺 — &bogus; & x"
        );
        assert_eq!(
            decode_numeric_in_html("<p>&amp;#128314; &#60; &laquo;</p>"),
            "<p>🔺 &#60; &laquo;</p>"
        );
    }
}
