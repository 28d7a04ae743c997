//! Caps how deeply a page's elements nest before anything parses it. html5ever scans its stack of
//! open elements on every start tag, so 10⁵ nested `<div>`s take half a minute and 10⁶ most of an
//! hour; tree walkers that recurse would overflow the stack. Tags that would open past the cap
//! are dropped (their content stays, one level up), with their matching end tags.
//! String in, string out: a linear scan that knows tags, comments and raw-text elements only.

use std::borrow::Cow;
use std::collections::HashMap;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text up to their end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Start tags that close an open `<p>` (as the HTML parser does).
#[rustfmt::skip]
const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "table",
    "ul", "dd", "dt",
];

/// Elements an implied end tag never reaches past.
const SCOPE: &[&str] = &[
    "table", "td", "th", "caption", "html", "button", "object", "marquee", "applet", "template",
];

/// `html` with no element nested deeper than `max` (counted as the HTML parser would, closely
/// enough: optional end tags are implied, unknown end tags ignored). Untouched when under it.
pub fn cap_depth(html: &str, max: usize) -> Cow<'_, str> {
    let mut scan = Scan {
        stack: Vec::new(),
        dropped: HashMap::new(),
        max,
    };
    let mut out: Option<String> = None;
    let mut pos = 0;
    let bytes = html.as_bytes();
    while let Some(off) = memchr_lt(&bytes[pos..]) {
        let start = pos + off;
        let (end, keep) = scan.tag(html, start);
        if !keep {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            if out.is_empty() {
                out.push_str(&html[..start]);
            } else {
                out.push_str(&html[pos..start]);
            }
            // A dropped block start still separates texts (one break for a run of them).
            if CLOSES_P.contains(&tag_name(&html[start + 1..]).as_str()) && !out.ends_with("<br>") {
                out.push_str("<br>");
            }
            pos = end;
            continue;
        }
        if let Some(out) = out.as_mut() {
            out.push_str(&html[pos..end]);
        }
        pos = end;
    }
    match out {
        Some(mut out) => {
            out.push_str(&html[pos..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(html),
    }
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

struct Scan {
    stack: Vec<String>,
    /// Start tags dropped per name, so that their end tags go too.
    dropped: HashMap<String, usize>,
    max: usize,
}

impl Scan {
    /// The markup at `start` (a `<`): where it ends, and whether it stays.
    fn tag(&mut self, html: &str, start: usize) -> (usize, bool) {
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            return (
                find_from(html, start + 4, "-->").map_or(html.len(), |e| e + 3),
                true,
            );
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            return (
                find_from(html, start, ">").map_or(html.len(), |e| e + 1),
                true,
            );
        }
        let closing = rest.starts_with("</");
        let name_at = start + if closing { 2 } else { 1 };
        let name = tag_name(&html[name_at..]);
        if name.is_empty() {
            return (start + 1, true);
        }
        let end = tag_end(html, name_at + name.len());
        if closing {
            return (end, self.end_tag(&name));
        }
        if name == "plaintext" {
            return (html.len(), true);
        }
        let keep = self.start_tag(&name);
        if RAW.contains(&name.as_str()) {
            // The content is text up to the end tag, which goes with the start tag.
            let close = find_ci(html, end, &format!("</{name}"));
            return match close {
                Some(c) if keep => (c, true),
                Some(c) => (tag_end(html, c + 2 + name.len()), false),
                None => (html.len(), keep),
            };
        }
        (end, keep)
    }

    fn start_tag(&mut self, name: &str) -> bool {
        self.imply_end_tags(name);
        if VOID.contains(&name) {
            return true;
        }
        if self.stack.len() >= self.max {
            *self.dropped.entry(name.to_string()).or_insert(0) += 1;
            return false;
        }
        self.stack.push(name.to_string());
        true
    }

    fn end_tag(&mut self, name: &str) -> bool {
        if let Some(n) = self.dropped.get_mut(name).filter(|n| **n > 0) {
            *n -= 1;
            return false;
        }
        if let Some(at) = self.stack.iter().rposition(|open| open == name) {
            self.stack.truncate(at);
        }
        true
    }

    /// Pops what the parser would close implicitly before a `name` start tag.
    fn imply_end_tags(&mut self, name: &str) {
        let same: &[&str] = match name {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "tr" => &["tr", "td", "th"],
            "td" | "th" => &["td", "th"],
            "option" => &["option"],
            _ => &[],
        };
        let mut targets: Vec<&str> = same.to_vec();
        if CLOSES_P.contains(&name) {
            targets.push("p");
        }
        for (i, open) in self.stack.iter().enumerate().rev() {
            if targets.contains(&open.as_str()) {
                self.stack.truncate(i);
                return;
            }
            if SCOPE.contains(&open.as_str()) || matches!(open.as_str(), "ul" | "ol" | "dl") {
                return;
            }
        }
    }
}

/// The ASCII-lowercased tag name at the start of `s` (empty if it does not start a tag).
fn tag_name(s: &str) -> String {
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return String::new();
    }
    s.bytes()
        .take_while(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>'))
        .map(|b| b.to_ascii_lowercase() as char)
        .collect()
}

/// The index after the `>` that ends the tag whose attributes start at `from` (quotes kept).
fn tag_end(html: &str, from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (i, &b) in html.as_bytes()[from..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return from + i + 1,
            None => {}
        }
    }
    html.len()
}

fn find_from(html: &str, from: usize, needle: &str) -> Option<usize> {
    html.get(from..)?.find(needle).map(|i| from + i)
}

/// Case-insensitive search of an ASCII `needle` from `from`.
fn find_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = html.as_bytes().get(from..)?;
    let n = needle.as_bytes();
    hay.windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
        .map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let html = "<div><p>a<p>b<ul><li>1<li>2</ul></div><script>'<div>'</script>";
        assert!(matches!(cap_depth(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_tags_are_dropped_with_their_end_tags() {
        let html = format!("{}x{}", "<div>".repeat(5), "</div>".repeat(5));
        assert_eq!(cap_depth(&html, 2), "<div><div><br>x</div></div>");
        assert_eq!(cap_depth("<b><b><b><p>a</p><p>b", 2), "<b><b><br>a<br>b");
    }

    #[test]
    fn raw_text_and_comments_do_not_count() {
        let html =
            "<div><!-- <div><div> --><style>div>p{}</style><textarea><b><b></textarea>x</div>";
        assert!(matches!(cap_depth(html, 2), Cow::Borrowed(_)));
        let deep = "<div><span><script>var a='<p>';</script></span></div>";
        assert_eq!(cap_depth(deep, 1), "<div></div>");
    }

    #[test]
    fn quoted_brackets_and_unclosed_tags() {
        let html = "<div title='a>b'><span>x<div";
        assert_eq!(cap_depth(html, 1), "<div title='a>b'>x<br>");
    }

    #[test]
    fn a_million_nested_divs_in_linear_time() {
        let html = format!(
            "{}deep{}",
            "<div>".repeat(1_000_000),
            "</div>".repeat(1_000_000)
        );
        let capped = cap_depth(&html, 100);
        assert_eq!(capped.matches("<div>").count(), 100);
        assert_eq!(capped.matches("<br>").count(), 1);
        assert_eq!(capped.matches("</div>").count(), 100);
        assert!(capped.contains("deep"));
    }
}
