//! Feed text in the forms chmon stores: a title that holds markup → plain text; plain-text
//! content → HTML that shows it literally (bodies are rendered as HTML downstream, so `<blink>`
//! must arrive escaped); the visible length of an HTML fragment. Pure string work; knows
//! nothing about feed formats.

use crate::text::entities;

/// Inline HTML elements that make an RSS title "look like HTML" (RSS has no `type` to say so).
const INLINE_TAGS: [&str; 24] = [
    "a", "abbr", "b", "big", "br", "cite", "code", "del", "dfn", "em", "font", "i", "img", "ins",
    "kbd", "mark", "q", "s", "small", "span", "strike", "strong", "sub", "sup",
];

/// HTML → one line of plain text: tags dropped, then references decoded (`&lt;` is text).
pub fn html_to_line(html: &str) -> String {
    entities::decode_text(&strip_tags(html))
}

/// True when `s` holds a start or end tag of a common inline HTML element (`<b>`, `</i>`,
/// `<br/>`, `<a href=…>`), as escaped markup in an RSS title does once unescaped.
pub fn looks_like_html(s: &str) -> bool {
    let mut rest = s;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name_part = rest.strip_prefix('/').unwrap_or(rest);
        let len = name_part
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(name_part.len());
        let name = name_part[..len].to_ascii_lowercase();
        let ends = name_part[len..].starts_with(['>', ' ', '/', '\t', '\n']);
        if ends && INLINE_TAGS.contains(&name.as_str()) {
            return true;
        }
    }
    false
}

/// Removes everything from a `<` that starts a tag, comment or doctype (followed by a letter,
/// `/` or `!`) to the next `>`; a lone `<` stays.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let opens = after.starts_with(|c: char| c.is_alphabetic() || c == '/' || c == '!');
        match after.find('>').filter(|_| opens) {
            Some(end) => {
                if breaks_words(&after[..end]) && !out.ends_with(' ') {
                    out.push(' ');
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// True for the inside of a tag (`br/`, `/p`, `div class=x`) that separates words when drawn.
fn breaks_words(tag: &str) -> bool {
    let name = tag.trim_start_matches('/');
    let len = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    matches!(
        name[..len].to_ascii_lowercase().as_str(),
        "br" | "p"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "tr"
            | "td"
            | "th"
            | "hr"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "img"
    )
}

/// Plain text → HTML that shows it as written: `&`, `<`, `>`, `"` escaped; blank lines
/// separate paragraphs and single line breaks stay line breaks (one line stays one line).
pub fn text_to_html(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + 16);
    if !text.trim().contains('\n') {
        escape_into(&mut out, text.trim());
        return out;
    }
    for (i, para) in text
        .trim()
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("<p>");
        for (j, line) in para.trim().lines().enumerate() {
            if j > 0 {
                out.push_str("<br>");
            }
            escape_into(&mut out, line);
        }
        out.push_str("</p>");
    }
    out
}

/// Escapes text for an HTML attribute or element: `& < > "`.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// About how many characters of `html` a reader sees (tags dropped, a whitespace run counts
/// as one), counted up to `cap` only: comparing a long body with a short lead stays cheap.
pub fn visible_len(html: &str, cap: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut count, mut at, mut space) = (0usize, 0usize, true);
    while at < bytes.len() && count < cap {
        let b = bytes[at];
        let opens_tag = |n: &u8| n.is_ascii_alphabetic() || matches!(n, b'/' | b'!') || *n >= 0x80;
        if b == b'<' && bytes.get(at + 1).is_some_and(opens_tag) {
            match bytes[at..].iter().position(|&c| c == b'>') {
                Some(end) => at += end + 1,
                None => break,
            }
            continue;
        }
        if b.is_ascii_whitespace() {
            count += usize::from(!space);
            space = true;
        } else if b & 0xC0 != 0x80 {
            // ASCII or the first byte of a character.
            count += 1;
            space = false;
        }
        at += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_their_markup() {
        assert_eq!(html_to_line("Example <b>Atom</b>"), "Example Atom");
        assert_eq!(html_to_line("Ex<i>am</i>ple"), "Example");
        assert_eq!(
            html_to_line("<div xmlns=\"x\">A<br/>B &lt;3 &amp; 1 < 2</div>"),
            " A B <3 & 1 < 2 "
        );
        assert!(looks_like_html("Example <b>RSS</b>"));
        assert!(looks_like_html("a <a href=\"x\">link</a>"));
        assert!(!looks_like_html("Vec<T> and <blink> and 1 < 2"));
    }

    #[test]
    fn text_is_shown_literally() {
        assert_eq!(
            text_to_html("Use <blink> & \"quotes\"\nline 2\n\n\npara 2\n"),
            "<p>Use &lt;blink&gt; &amp; &quot;quotes&quot;<br>line 2</p>\n<p>para 2</p>"
        );
        assert_eq!(text_to_html("  \n "), "");
        assert_eq!(
            text_to_html(" <b>one</b> line "),
            "&lt;b&gt;one&lt;/b&gt; line"
        );
    }

    #[test]
    fn visible_length_ignores_tags() {
        assert_eq!(visible_len("<p>ab <b>cd</b></p>", usize::MAX), 5);
        assert_eq!(visible_len(" a  b\n c ", usize::MAX), 6);
        assert_eq!(visible_len("<p><img src=\"x.jpg\"></p>", usize::MAX), 0);
        assert_eq!(visible_len("<p>abcdefgh</p>", 3), 3);
    }
}
