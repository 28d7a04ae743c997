//! OPML in and out. Reading is tolerant and safe: any encoding chmon reads, a bare `&`, HTML
//! entities (`&nbsp;`), no version, outlines nested at any depth (the outlines around a feed
//! become its section); only http and https feed URLs are taken, everything else (`|command`,
//! `exec:`, `file:`, `javascript:` …) is refused and named. A plain tag scan, never an XML
//! parser that could fetch or expand anything. Writing gives OPML 2.0. Pure: no IO.

use crate::config::FeedEntry;
use crate::text::entities::decode_text;
use crate::text::sanitize::clean_line;

/// The most feeds one file may bring (a hostile file with millions is refused as a whole).
pub const MAX_FEEDS: usize = 10_000;

/// A feed outline that was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlFeed {
    pub url: String,
    pub name: Option<String>,
    /// The enclosing outlines' titles, joined with " / ".
    pub section: Option<String>,
}

/// A feed outline that was not taken, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The URL as written (sanitised for printing).
    pub url: String,
    pub reason: &'static str,
}

/// What a file held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opml {
    pub feeds: Vec<OpmlFeed>,
    pub refused: Vec<Refused>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpmlError {
    #[error("not an OPML file (no <outline> with a feed URL and no <opml>)")]
    NotOpml,
    #[error("more than {MAX_FEEDS} feeds")]
    TooMany,
}

/// Reads an OPML document (bytes as found on disk).
pub fn parse(bytes: &[u8]) -> Result<Opml, OpmlError> {
    let text = crate::feed::decode::decode(bytes, None).text;
    let mut out = Opml::default();
    let mut stack: Vec<Option<String>> = Vec::new();
    for tag in tags(&text) {
        match tag {
            Tag::Close => {
                stack.pop();
            }
            Tag::Open { attrs, empty } => {
                let title = title_of(attrs);
                if let Some(url) = attr(attrs, "xmlUrl") {
                    take(&mut out, &url, title.clone(), section(&stack))?;
                }
                if !empty {
                    stack.push(title);
                }
            }
        }
    }
    if out.feeds.is_empty() && out.refused.is_empty() && !text.contains("<opml") {
        return Err(OpmlError::NotOpml);
    }
    Ok(out)
}

fn take(
    out: &mut Opml,
    url: &str,
    name: Option<String>,
    section: Option<String>,
) -> Result<(), OpmlError> {
    let url = url.trim();
    match check(url) {
        Ok(url) => {
            if out.feeds.len() >= MAX_FEEDS {
                return Err(OpmlError::TooMany);
            }
            let name = name.filter(|n| *n != url);
            out.feeds.push(OpmlFeed { url, name, section });
        }
        Err(reason) => out.refused.push(Refused {
            url: clean_line(url),
            reason,
        }),
    }
    Ok(())
}

/// An http(s) URL with a host, normalised by the URL parser; else why not.
fn check(url: &str) -> Result<String, &'static str> {
    if url.starts_with('|') {
        return Err("a command, not a URL");
    }
    match url::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => {
            Ok(u.to_string())
        }
        Ok(u) if u.scheme() == "exec" => Err("a command, not a URL"),
        Ok(u) if u.scheme() == "file" => Err("a local file, not a URL"),
        Ok(u) if u.scheme() == "javascript" => Err("a script, not a URL"),
        Ok(_) => Err("only http and https URLs are taken"),
        Err(_) => Err("not a URL"),
    }
}

fn title_of(attrs: &str) -> Option<String> {
    attr(attrs, "title")
        .or_else(|| attr(attrs, "text"))
        .map(|t| clean_line(&t))
        .filter(|t| !t.is_empty())
}

fn section(stack: &[Option<String>]) -> Option<String> {
    let names: Vec<&str> = stack.iter().flatten().map(String::as_str).collect();
    (!names.is_empty()).then(|| names.join(" / "))
}

enum Tag<'a> {
    Open { attrs: &'a str, empty: bool },
    Close,
}

/// Every `<outline …>` and `</outline>` in order, outside comments and CDATA.
fn tags(text: &str) -> impl Iterator<Item = Tag<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            let at = rest.find('<')?;
            rest = &rest[at..];
            if let Some(end) = skipped(rest) {
                rest = &rest[end..];
                continue;
            }
            if starts_with_ci(rest, "</outline") {
                rest = &rest[rest.find('>').map_or(rest.len(), |i| i + 1)..];
                return Some(Tag::Close);
            }
            let is_open = starts_with_ci(rest, "<outline")
                && rest[8..].starts_with(|c: char| c.is_whitespace() || c == '/' || c == '>');
            if !is_open {
                rest = &rest[1..];
                continue;
            }
            let end = tag_end(rest);
            let inner = &rest[8..end];
            rest = rest.get(end + 1..).unwrap_or_default();
            let empty = inner.trim_end().ends_with('/');
            return Some(Tag::Open {
                attrs: inner.trim_end().trim_end_matches('/'),
                empty,
            });
        }
    })
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The length of a comment, CDATA section or processing instruction at the start of `s`.
fn skipped(s: &str) -> Option<usize> {
    for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")] {
        if s.starts_with(open) {
            return Some(s.find(close).map_or(s.len(), |i| i + close.len()));
        }
    }
    None
}

/// Index of the `>` closing the tag at the start of `s`, skipping quoted values.
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, b) in s.bytes().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i,
            _ => {}
        }
    }
    s.len()
}

/// The value of attribute `name` (ASCII case ignored), references decoded.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        let key_len = rest.find(|c: char| c == '=' || c.is_whitespace())?;
        let key = &rest[..key_len];
        let after_key = rest[key_len..].trim_start();
        let Some(value_start) = after_key.strip_prefix('=') else {
            rest = after_key;
            continue;
        };
        rest = value_start.trim_start();
        let (value, after) = match rest.chars().next()? {
            q @ ('"' | '\'') => {
                let end = rest[1..].find(q).map_or(rest.len(), |i| i + 1);
                (&rest[1..end], rest.get(end + 1..).unwrap_or_default())
            }
            _ => rest.split_at(rest.find(char::is_whitespace).unwrap_or(rest.len())),
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(decode_text(value));
        }
        rest = after;
    }
}

/// OPML 2.0 for `entries`, in their order: a run of feeds of one section goes under one
/// outline of that section (so reading it back gives the same list in the same order). Only
/// http(s) feeds: a file path means nothing to another reader.
pub fn write(entries: &[FeedEntry]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  \
         <head>\n    <title>chmon</title>\n  </head>\n  <body>\n",
    );
    let mut open: Option<&str> = None;
    for e in entries.iter().filter(|e| check(&e.url).is_ok()) {
        let section = e.section.as_deref();
        if open.is_some() && open != section {
            out.push_str("    </outline>\n");
            open = None;
        }
        if let (None, Some(name)) = (open, section) {
            let t = escape(name);
            out.push_str(&format!("    <outline text=\"{t}\" title=\"{t}\">\n"));
            open = Some(name);
        }
        let indent = if open.is_some() { "      " } else { "    " };
        out.push_str(&format!("{indent}{}\n", outline(e)));
    }
    if open.is_some() {
        out.push_str("    </outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn outline(e: &FeedEntry) -> String {
    let url = escape(&e.url);
    let text = e.name.as_deref().map_or_else(|| url.clone(), escape);
    format!("<outline type=\"rss\" text=\"{text}\" title=\"{text}\" xmlUrl=\"{url}\"/>")
}

fn escape(s: &str) -> String {
    clean_line(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
