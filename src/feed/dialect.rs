//! Tag rewrites, during repair, that let feed-rs read what it does not know or would refuse:
//! namespace declarations (see [`super::namespaces`]); an Atom 0.3 `mode` and any unknown,
//! empty or differently spelt Atom `type` become the `text`/`html`/`xhtml` feed-rs accepts;
//! an RSS 1.0 item without `<link>` gets one from its `rdf:about` (feed-rs drops such items);
//! `<rss>` gets a version feed-rs knows. One tag at a time; knows nothing about entities or
//! truncation.

use std::borrow::Cow;

use super::xmlscan::local_name;
use super::{attrs, namespaces};

/// The kind of document, from its root element.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Root {
    #[default]
    Other,
    Rss,
    Rdf,
    Atom,
}

/// What the rewrites remember between tags.
#[derive(Debug, Default)]
pub struct Dialect {
    root: Root,
    /// In an RSS 1.0 item: its `rdf:about` (raw), and whether it had a `<link>`.
    rdf_item: Option<(String, bool)>,
}

impl Dialect {
    /// The start tag to write for `raw` (element `name`; `root` for the document element).
    pub fn start<'a>(&mut self, raw: &'a str, name: &str, root: bool) -> Cow<'a, str> {
        let mut tag = Cow::Borrowed(raw);
        // Most tags have no attributes at all: `<` + name + `>`.
        let has_attributes = raw.len() > name.len() + 3;
        if has_attributes && raw.contains("xmlns") {
            tag = namespaces::rename(tag);
        }
        if !root && matches!(self.root, Root::Rss | Root::Other) {
            return tag;
        }
        let local = local_name(name);
        if root {
            self.root = match local {
                "rss" => Root::Rss,
                "RDF" => Root::Rdf,
                "feed" => Root::Atom,
                _ => Root::Other,
            };
            if name == "rss" {
                return Cow::Owned(rss_root(&tag));
            }
            return tag;
        }
        match (self.root, local) {
            (Root::Atom, _) => atom_tag(tag, local, raw.ends_with("/>")),
            (Root::Rdf, "item") => {
                let about = attrs::value(raw, "rdf:about").unwrap_or("urn:x-chmon:no-link");
                self.rdf_item = Some((about.to_string(), false));
                tag
            }
            (Root::Rdf, "link") => {
                if let Some((_, has_link)) = self.rdf_item.as_mut() {
                    *has_link = true;
                }
                tag
            }
            _ => tag,
        }
    }

    /// What to write just before end tag `name`: the `<link>` an RSS 1.0 item lacked.
    pub fn before_end(&mut self, name: &str) -> Option<String> {
        if self.root != Root::Rdf || local_name(name) != "item" {
            return None;
        }
        match self.rdf_item.take()? {
            (about, false) => Some(format!("<link>{about}</link>")),
            (_, true) => None,
        }
    }
}

/// feed-rs only knows `<rss>` with version 0.91, 0.92 or 2.0 (else: "no root"); a missing
/// or other version (`0.93`, `0.94`, `2.01`, `2`) is read as 2.0.
fn rss_root(raw: &str) -> String {
    match attrs::find(raw, "version") {
        Some(a) if matches!(&raw[a.value.clone()], "0.91" | "0.92" | "2.0") => raw.to_string(),
        Some(a) => format!(
            "{}version=\"2.0\"{}",
            &raw[..a.whole.start],
            &raw[a.whole.end..]
        ),
        None if !raw.contains("version") => {
            format!("<rss version=\"2.0\"{}", raw.get(4..).unwrap_or(">"))
        }
        None => raw.to_string(),
    }
}

/// An Atom element's tag with its `type` made one feed-rs accepts (and `mode` read, for 0.3).
fn atom_tag<'a>(tag: Cow<'a, str>, local: &str, empty: bool) -> Cow<'a, str> {
    let text_construct = matches!(
        local,
        "title" | "subtitle" | "summary" | "rights" | "tagline" | "copyright" | "info"
    );
    if !text_construct && local != "content" {
        return tag;
    }
    let mode = attrs::value(&tag, "mode");
    let declared = attrs::value(&tag, "type");
    let wanted = text_type(declared, mode);
    let mut out = if declared == Some(wanted) || (declared.is_none() && wanted == "text") {
        tag
    } else {
        Cow::Owned(set_attr(&tag, "type", wanted))
    };
    // feed-rs refuses `<content src="…">` with anything inside: keep the inside.
    let src = attrs::find(&out, "src").filter(|_| local == "content" && !empty);
    if let Some(src) = src {
        out = Cow::Owned(format!(
            "{}{}",
            &out[..src.whole.start],
            &out[src.whole.end..]
        ));
    }
    out
}

/// The feed-rs type for an Atom `type` (a 1.0 keyword or any MIME type) and 0.3 `mode`.
/// Unknown and empty types are text, which shows whatever is there literally.
fn text_type(declared: Option<&str>, mode: Option<&str>) -> &'static str {
    let declared = declared.unwrap_or("").trim().to_ascii_lowercase();
    let mode = mode.unwrap_or("").trim().to_ascii_lowercase();
    let xhtml = declared == "xhtml" || declared.ends_with("xml");
    let html = declared.contains("html");
    // The side table decodes it; the type tells it whether the result is HTML.
    if mode == "base64" {
        return if html { "html" } else { "text" };
    }
    match (xhtml, html) {
        // Atom 0.3's default mode is `xml` (inline markup), but `mode="escaped"` escapes it.
        (true, _) if mode == "escaped" => "html",
        (true, _) => "xhtml",
        (false, true) => "html",
        (false, false) => "text",
    }
}

/// `tag` with attribute `name` set to `value` (replaced, or added after the element name).
fn set_attr(tag: &str, name: &str, value: &str) -> String {
    match attrs::find(tag, name) {
        Some(a) => format!(
            "{}{name}=\"{value}\"{}",
            &tag[..a.whole.start],
            &tag[a.whole.end..]
        ),
        None => {
            let at = tag
                .char_indices()
                .skip(1)
                .find(|(_, c)| c.is_whitespace() || matches!(c, '>' | '/'))
                .map_or(tag.len(), |(i, _)| i);
            format!("{} {name}=\"{value}\"{}", &tag[..at], &tag[at..])
        }
    }
}

#[cfg(test)]
#[path = "dialect_tests.rs"]
mod tests;
