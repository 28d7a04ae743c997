//! The attributes of one raw start tag (`<name a="1" b='2'>`): finding one by its qualified
//! name, with the byte ranges needed to rewrite it. Values are returned raw (references still
//! escaped). Knows nothing about which element or dialect the tag belongs to.

use std::ops::Range;

/// One attribute: the range of the whole `name="value"` and of the value, in the tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Attr {
    pub whole: Range<usize>,
    pub value: Range<usize>,
}

/// The attribute named `name` (exact, case-sensitive), if the tag has it.
pub fn find(tag: &str, name: &str) -> Option<Attr> {
    Attrs::new(tag).find(|(n, _)| *n == name).map(|(_, a)| a)
}

/// Every attribute of the tag, in order, as `(name, Attr)`; stops at a malformed one.
pub fn all(tag: &str) -> impl Iterator<Item = (&str, Attr)> {
    Attrs::new(tag)
}

/// The raw value of attribute `name`.
pub fn value<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    find(tag, name).map(|a| &tag[a.value])
}

/// Iterates over `(name, Attr)` in a raw start tag; stops at the first malformed attribute.
struct Attrs<'a> {
    tag: &'a str,
    pos: usize,
}

impl<'a> Attrs<'a> {
    fn new(tag: &'a str) -> Attrs<'a> {
        let after_name = tag
            .char_indices()
            .skip(1)
            .find(|(_, c)| c.is_whitespace() || matches!(c, '>' | '/'))
            .map_or(tag.len(), |(i, _)| i);
        Attrs {
            tag,
            pos: after_name,
        }
    }
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, Attr);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.tag.as_bytes();
        let start = self.pos
            + bytes
                .get(self.pos..)?
                .iter()
                .position(|b| !b.is_ascii_whitespace())?;
        let eq = start
            + bytes[start..]
                .iter()
                .position(|&b| b == b'=' || b == b'>')?;
        if bytes[eq] != b'=' {
            return None;
        }
        let name = self.tag[start..eq].trim_end();
        let open = eq
            + 1
            + bytes[eq + 1..]
                .iter()
                .position(|b| !b.is_ascii_whitespace())?;
        let quote = *bytes.get(open).filter(|q| matches!(q, b'"' | b'\''))?;
        let close = open + 1 + bytes[open + 1..].iter().position(|&b| b == quote)?;
        self.pos = close + 1;
        Some((
            name,
            Attr {
                whole: start..close + 1,
                value: open + 1..close,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_attributes_in_both_quotes_with_spaces() {
        let tag = r#"<item rdf:about="http://x.ua/1" a = 'b c' mode="escaped">"#;
        assert_eq!(value(tag, "rdf:about"), Some("http://x.ua/1"));
        assert_eq!(value(tag, "a"), Some("b c"));
        assert_eq!(value(tag, "mode"), Some("escaped"));
        assert_eq!(value(tag, "about"), None);
        let found = find(tag, "a").unwrap();
        assert_eq!(&tag[found.whole], "a = 'b c'");
        assert_eq!(value("<x/>", "a"), None);
        assert_eq!(value("<x a=\"1\"/>", "a"), Some("1"));
        assert_eq!(value("<x type=\"\">", "type"), Some(""));
    }

    #[test]
    fn malformed_attributes_stop_the_search() {
        assert_eq!(value("<x a=1 b=\"2\">", "b"), None);
        assert_eq!(value("<x a=\"1>", "a"), None);
        assert_eq!(value("<x checked b=\"2\">", "b"), None);
    }
}
