//! XML repair before feed-rs: HTML named entities → numeric references, bare `&` → `&amp;`,
//! control characters invalid in XML 1.0 removed (escape sequences kept recognisable for
//! `clean_text`), a truncated document cut after its last complete item and closed, and the
//! tag rewrites of [`super::dialect`]. Works on decoded text in one pass; never touches CDATA
//! except for control characters.

use super::dialect::Dialect;
use super::stash::{MARK, stash_marker};
use super::xmlscan::{Scanner, Token, local_name};
use crate::text::entities::{self, Reference};

/// The repaired document.
#[derive(Debug, Clone, PartialEq)]
pub struct Repaired {
    pub xml: String,
    /// True when the input was cut off and has been closed after its last complete item.
    pub truncated: bool,
    /// With [`repair_stashing`]: the CDATA bodies taken out of `xml`, by [`stash_marker`].
    pub stash: Vec<String>,
}

/// Why a document could not be repaired.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RepairError {
    #[error("the feed is truncated before its first complete item")]
    TruncatedEmpty,
    #[error("not a feed (no XML root element)")]
    NoRoot,
}

/// Repairs `xml` (see the module doc). Content after the root element is dropped.
pub fn repair(xml: &str) -> Result<Repaired, RepairError> {
    run(xml, false)
}

/// [`repair`], but the CDATA directly inside `content:encoded` and `*:full-text` elements (the
/// article bodies: most of a feed's bytes) is moved to [`Repaired::stash`] and replaced by
/// [`stash_marker`]`(i)`, so the XML parser only skims past a few bytes; the caller puts the
/// bodies back into the parsed fields. Not done when the text already holds the marker's
/// character.
pub fn repair_stashing(xml: &str) -> Result<Repaired, RepairError> {
    let marker_free =
        memchr::memmem::find(xml.as_bytes(), MARK.encode_utf8(&mut [0; 4]).as_bytes()).is_none();
    run(xml, marker_free)
}

fn run(xml: &str, stashing: bool) -> Result<Repaired, RepairError> {
    let mut state = State {
        out: String::with_capacity(xml.len() + xml.len() / 32),
        stack: Vec::new(),
        last_item: None,
        dialect: Dialect::default(),
        rooted: false,
        stash: stashing.then(Vec::new),
    };
    let mut complete = false;
    for token in Scanner::new(xml) {
        match state.token(token) {
            Flow::Continue => {}
            Flow::RootClosed => {
                complete = true;
                break;
            }
            Flow::Truncated => break,
        }
    }
    if complete {
        return Ok(Repaired {
            xml: state.out,
            truncated: false,
            stash: state.stash.unwrap_or_default(),
        });
    }
    state.close_after_last_item()
}

enum Flow {
    Continue,
    RootClosed,
    Truncated,
}

struct State<'a> {
    out: String,
    /// Names of the open elements.
    stack: Vec<&'a str>,
    /// Output length and open elements right after the last complete item.
    last_item: Option<(usize, Vec<&'a str>)>,
    dialect: Dialect,
    /// True once a root element has started.
    rooted: bool,
    /// Bodies taken out of the output, when stashing.
    stash: Option<Vec<String>>,
}

impl<'a> State<'a> {
    fn token(&mut self, token: Token<'a>) -> Flow {
        let out = &mut self.out;
        match token {
            Token::Text(t) => fix_text(out, t),
            Token::CData(c) => self.cdata(c),
            Token::Other(raw) => fix_controls(out, raw),
            Token::Start {
                raw,
                name,
                self_closing,
            } => {
                let root = self.stack.is_empty();
                self.rooted = true;
                fix_text(out, &self.dialect.start(raw, name, root));
                if !self_closing {
                    self.stack.push(name);
                }
            }
            Token::End { raw, name } => {
                if let Some(insert) = self.dialect.before_end(name) {
                    fix_text(out, &insert);
                }
                out.push_str(raw);
                return self.close(name);
            }
            Token::StrayLt => out.push_str("&lt;"),
            Token::Incomplete(_) => return Flow::Truncated,
        }
        Flow::Continue
    }

    /// A CDATA section, controls fixed; a body's is stashed when stashing.
    fn cdata(&mut self, c: &str) {
        self.out.push_str("<![CDATA[");
        let body = self
            .stack
            .last()
            .is_some_and(|n| matches!(local_name(n), "encoded" | "full-text"));
        match self.stash.as_mut().filter(|_| body) {
            Some(stash) => {
                let mut text = String::with_capacity(c.len());
                fix_controls(&mut text, c);
                self.out.push_str(&stash_marker(stash.len()));
                stash.push(text);
            }
            None => fix_controls(&mut self.out, c),
        }
        self.out.push_str("]]>");
    }

    /// Pops up to the matching open element (an unmatched end tag is ignored).
    fn close(&mut self, name: &str) -> Flow {
        let Some(i) = self.stack.iter().rposition(|n| *n == name) else {
            return Flow::Continue;
        };
        self.stack.truncate(i);
        if matches!(local_name(name), "item" | "entry") {
            self.last_item = Some((self.out.len(), self.stack.clone()));
        }
        if self.stack.is_empty() {
            Flow::RootClosed
        } else {
            Flow::Continue
        }
    }

    /// The document was cut off: keep it up to the last complete item and close what was open.
    fn close_after_last_item(self) -> Result<Repaired, RepairError> {
        let Some((len, open)) = self.last_item else {
            return Err(if self.rooted {
                RepairError::TruncatedEmpty
            } else {
                RepairError::NoRoot
            });
        };
        let mut xml = self.out;
        xml.truncate(len);
        for name in open.iter().rev() {
            xml.push_str("</");
            xml.push_str(name);
            xml.push('>');
        }
        Ok(Repaired {
            xml,
            truncated: true,
            stash: self.stash.unwrap_or_default(),
        })
    }
}

/// Text or a tag: references fixed (see module doc) and control characters handled.
fn fix_text(out: &mut String, text: &str) {
    let mut rest = text;
    // A byte search: '&' is ASCII, so where it is found is a char boundary.
    while let Some(at) = memchr::memchr(b'&', rest.as_bytes()) {
        fix_controls(out, &rest[..at]);
        rest = &rest[at..];
        rest = match entities::reference(rest) {
            Some((Reference::Numeric(code), len)) => push_numeric(out, code, &rest[len..]),
            Some((Reference::Named(name), len)) => {
                push_named(out, name, &rest[..len]);
                &rest[len..]
            }
            None => {
                out.push_str("&amp;");
                &rest[1..]
            }
        };
    }
    fix_controls(out, rest);
}

/// The 5 XML entities stay; a known HTML one becomes numeric; an unknown one is escaped.
fn push_named(out: &mut String, name: &str, raw: &str) {
    if entities::is_xml_named(name) {
        out.push_str(raw);
    } else if let Some(code) = entities::named(name) {
        push_code(out, code);
    } else {
        out.push_str("&amp;");
        out.push_str(&raw[1..]);
    }
}

fn push_code(out: &mut String, code: u32) {
    use std::fmt::Write;
    let _ = write!(out, "&#{code};");
}

/// Writes numeric reference `code`; an invalid XML character is handled like a raw control.
/// Returns the rest of the input (a following `[` may be consumed with an escape).
fn push_numeric<'a>(out: &mut String, code: u32, rest: &'a str) -> &'a str {
    match char::from_u32(code) {
        Some(c) if is_xml_char(c) => {
            push_code(out, code);
            rest
        }
        Some(c) => replace_control(out, c, rest),
        None => rest,
    }
}

fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Copies `s`, handling every character that XML 1.0 forbids.
fn fix_controls(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(at) = find_invalid(rest) {
        out.push_str(&rest[..at]);
        let mut chars = rest[at..].chars();
        let c = chars.next().unwrap_or('\0');
        rest = replace_control(out, c, chars.as_str());
    }
    out.push_str(rest);
}

/// The byte index of the first character XML 1.0 forbids (a byte scan: every such character
/// is an ASCII control or starts with 0xEF).
fn find_invalid(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    loop {
        let at = from
            + crate::text::sanitize::find_byte(&bytes[from..], |b| {
                (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') || b == 0xEF
            })?;
        let c = s[at..].chars().next()?;
        if !is_xml_char(c) {
            return Some(at);
        }
        from = at + c.len_utf8();
    }
}

/// An invalid control is dropped, but an escape sequence stays recognisable to `clean_text`
/// (which removes it whole): ESC `[` → C1 CSI, ESC `]` → C1 OSC, ESC `\` and BEL → C1 ST.
/// C1 characters are legal in XML 1.0. Returns the rest of the input after what was consumed.
fn replace_control<'a>(out: &mut String, c: char, rest: &'a str) -> &'a str {
    match c {
        '\u{1b}' => {
            let (c1, skip) = match rest.as_bytes().first() {
                Some(b'[') => (Some('\u{9b}'), 1),
                Some(b']') => (Some('\u{9d}'), 1),
                Some(b'\\') => (Some('\u{9c}'), 1),
                _ => (None, 0),
            };
            out.extend(c1);
            &rest[skip..]
        }
        '\u{7}' => {
            out.push('\u{9c}');
            rest
        }
        _ => rest,
    }
}

#[cfg(test)]
#[path = "repair_tests.rs"]
mod tests;
