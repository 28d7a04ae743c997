//! The crate's one tag scanner: a tolerant, allocation-free XML tokenizer (the repair pass, the
//! per-item side table, feed-or-page detection), the byte-level splitter that finds item start
//! tags in a raw body (the chunked pipeline), and the finder of named start tags in an HTML
//! page (feed discovery). Owns only the splitting of text into markup; it validates nothing and
//! never fails: an unterminated construct at the end becomes [`Token::Incomplete`].

/// One piece of an XML document, borrowing from the source.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Token<'a> {
    /// Character data between markup (entities still escaped).
    Text(&'a str),
    /// The inside of `<![CDATA[ … ]]>`.
    CData(&'a str),
    /// A comment, processing instruction or doctype, raw (including its delimiters).
    Other(&'a str),
    /// `<name …>` or `<name …/>`, raw.
    Start {
        raw: &'a str,
        name: &'a str,
        self_closing: bool,
    },
    /// `</name>`, raw.
    End { raw: &'a str, name: &'a str },
    /// A `<` that starts no markup (e.g. `a < b` in text).
    StrayLt,
    /// Markup cut off by the end of the input (a truncated document), raw.
    Incomplete(&'a str),
}

/// Iterates over the tokens of `src`.
pub struct Scanner<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    pub fn new(src: &'a str) -> Scanner<'a> {
        Scanner { src, pos: 0 }
    }

    /// The byte offset just after the last token returned.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// Takes `len` bytes from the current position as `tok`'s text.
    fn take(&mut self, len: usize) -> &'a str {
        let s = &self.src[self.pos..self.pos + len];
        self.pos += len;
        s
    }

    /// Markup from `<` to the end of `close` (searched from `from` bytes in).
    fn delimited(&mut self, from: usize, close: &str) -> Option<&'a str> {
        let rest = &self.src.as_bytes()[self.pos..];
        let end = memchr::memmem::find(rest.get(from..)?, close.as_bytes())? + from + close.len();
        Some(self.take(end))
    }

    fn incomplete(&mut self) -> Token<'a> {
        let rest = &self.src[self.pos..];
        self.pos = self.src.len();
        Token::Incomplete(rest)
    }

    fn markup(&mut self) -> Token<'a> {
        let rest = &self.src[self.pos..];
        let token = if rest.starts_with("<![CDATA[") {
            self.delimited(9, "]]>")
                .map(|raw| Token::CData(&raw[9..raw.len() - 3]))
        } else if rest.starts_with("<!--") {
            self.delimited(4, "-->").map(Token::Other)
        } else if rest.starts_with("<?") {
            self.delimited(2, "?>").map(Token::Other)
        } else if rest.starts_with("<!") {
            tag_end(rest, true).map(|len| Token::Other(self.take(len)))
        } else if let Some(after) = rest.strip_prefix("</") {
            let name_len = after.find(|c: char| c == '>' || c.is_whitespace());
            self.delimited(2, ">").map(|raw| Token::End {
                raw,
                name: &after[..name_len.unwrap_or(0).min(raw.len() - 3)],
            })
        } else if rest[1..].starts_with(is_name_start) {
            return self.start_tag();
        } else {
            self.pos += 1;
            return Token::StrayLt;
        };
        token.unwrap_or_else(|| self.incomplete())
    }

    fn start_tag(&mut self) -> Token<'a> {
        let rest = &self.src[self.pos..];
        let Some(len) = tag_end(rest, false) else {
            return self.incomplete();
        };
        let raw = self.take(len);
        let name_len = raw[1..]
            .find(|c: char| c == '>' || c == '/' || c.is_whitespace())
            .unwrap_or(raw.len() - 2);
        Token::Start {
            raw,
            name: &raw[1..1 + name_len],
            self_closing: raw.ends_with("/>"),
        }
    }
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = self.src.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        if rest.starts_with('<') {
            return Some(self.markup());
        }
        let len = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
        Some(Token::Text(self.take(len)))
    }
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == ':' || !c.is_ascii()
}

/// The length of a tag starting at `s[0] == '<'` up to and including its `>`, skipping quoted
/// attribute values (and, for a doctype, a bracketed internal subset).
fn tag_end(s: &str, doctype: bool) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut brackets = 0usize;
    for (i, &b) in s.as_bytes().iter().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'[') if doctype => brackets += 1,
            (None, b']') if doctype => brackets = brackets.saturating_sub(1),
            (None, b'>') if brackets == 0 => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Byte offsets of every `<item`/`<entry` start tag (any prefix), outside CDATA, comments and
/// processing instructions.
pub fn item_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 0;
    while let Some(found) = bytes.get(at..).and_then(|r| memchr::memchr(b'<', r)) {
        let lt = at + found;
        let rest = &bytes[lt..];
        at = if rest.starts_with(b"<![CDATA[") {
            skip_past(bytes, lt + 9, b"]]>")
        } else if rest.starts_with(b"<!--") {
            skip_past(bytes, lt + 4, b"-->")
        } else if rest.starts_with(b"<?") {
            skip_past(bytes, lt + 2, b"?>")
        } else {
            if is_item_start(rest) {
                starts.push(lt);
            }
            lt + 1
        };
    }
    starts
}

/// The offset just after the first `end` at or after `from` (the length if there is none).
fn skip_past(bytes: &[u8], from: usize, end: &[u8]) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| memchr::memmem::find(rest, end))
        .map_or(bytes.len(), |at| from + at + end.len())
}

/// True when `tag` (starting at `<`) is a start tag whose local name is `item` or `entry`.
fn is_item_start(tag: &[u8]) -> bool {
    let name = &tag[1..];
    let len = name
        .iter()
        .position(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n'))
        .unwrap_or(name.len());
    let local = name[..len]
        .rsplit(|&b| b == b':')
        .next()
        .unwrap_or_default();
    len > 0 && matches!(local, b"item" | b"entry")
}

/// `(name, attribute text)` of every start tag in `html` whose name is one of `names`
/// (ASCII case-insensitive), in order; a tag without its `>` runs to the end.
pub fn html_tags<'a>(html: &'a str, names: &'a [&str]) -> impl Iterator<Item = (&'a str, &'a str)> {
    let mut rest = html;
    std::iter::from_fn(move || {
        loop {
            let at = memchr::memchr(b'<', rest.as_bytes())?;
            let tag = &rest[at..];
            rest = &rest[at + 1..];
            let name_len = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            let name = &rest[..name_len];
            if !names.iter().any(|n| name.eq_ignore_ascii_case(n)) {
                continue;
            }
            let end = tag_end(tag, false).map_or(rest.len(), |len| len - 2);
            let attrs = &rest[name_len..end.max(name_len)];
            rest = &rest[end.max(name_len)..];
            return Some((name, attrs));
        }
    })
}

/// The part of a qualified name after its prefix: `yandex:full-text` → `full-text`.
pub fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Token<'_>> {
        Scanner::new(s).collect()
    }

    #[test]
    fn splits_tags_text_cdata_and_comments() {
        let t = tokens("<?xml version='1.0'?><a x=\"1>2\"><![CDATA[<b>]]>t<!-- c --></a><br/>");
        assert_eq!(t[0], Token::Other("<?xml version='1.0'?>"));
        assert!(matches!(
            t[1],
            Token::Start {
                name: "a",
                self_closing: false,
                ..
            }
        ));
        assert_eq!(t[2], Token::CData("<b>"));
        assert_eq!(t[3], Token::Text("t"));
        assert_eq!(t[4], Token::Other("<!-- c -->"));
        assert!(matches!(t[5], Token::End { name: "a", .. }));
        assert!(matches!(
            t[6],
            Token::Start {
                name: "br",
                self_closing: true,
                ..
            }
        ));
    }

    #[test]
    fn stray_lt_and_truncation() {
        let t = tokens("a < b<ti");
        assert_eq!(
            t,
            vec![
                Token::Text("a "),
                Token::StrayLt,
                Token::Text(" b"),
                Token::Incomplete("<ti")
            ]
        );
        assert_eq!(
            tokens("<![CDATA[abc"),
            vec![Token::Incomplete("<![CDATA[abc")]
        );
        assert_eq!(tokens("</ite"), vec![Token::Incomplete("</ite")]);
    }

    #[test]
    fn splitter_skips_markup_that_is_not_an_item() {
        let doc = b"<rss><items/><![CDATA[<item>]]><!-- <item> --><?x <entry>?><rss:item a='1'>\
                <item/><entry>";
        let starts = item_starts(doc);
        let names: Vec<&[u8]> = starts.iter().map(|&s| &doc[s..s + 6]).collect();
        assert_eq!(names, [&b"<rss:i"[..], b"<item/", b"<entry"]);
    }

    #[test]
    fn html_tags_by_name() {
        let html = "<LINK rel=a href='x>y'><p><linkage><base href=b/><link";
        let got: Vec<_> = html_tags(html, &["link", "base"]).collect();
        assert_eq!(
            got,
            [
                ("LINK", " rel=a href='x>y'"),
                ("base", " href=b/"),
                ("link", "")
            ]
        );
    }

    #[test]
    fn doctype_with_internal_subset() {
        let t = tokens("<!DOCTYPE x [<!ENTITY a 'b'>]><x/>");
        assert_eq!(t[0], Token::Other("<!DOCTYPE x [<!ENTITY a 'b'>]>"));
        assert_eq!(local_name("yandex:full-text"), "full-text");
    }
}
