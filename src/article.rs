//! Article text: an item's lead + body HTML → wrapped plain text at a width, plus numbered links.
//! CONTRACT STUB — the article owner replaces the bodies. Pure: no IO, no terminal, no store.

/// An article prepared once (parsed), renderable at any width.
#[derive(Debug, Clone)]
pub struct ArticleText {
    html: String,
}

/// Wrapped lines (the body, then the numbered link list) and the links in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    pub lines: Vec<String>,
    /// Absolute URLs; `[n]` in the text refers to `links[n-1]`.
    pub links: Vec<String>,
}

impl ArticleText {
    /// `lead` is shown above `body` unless the body already starts with it. Relative links and
    /// images resolve against `base` (the item link). Input is untrusted feed text.
    pub fn new(lead: Option<&str>, body: Option<&str>, base: Option<&str>) -> ArticleText {
        let _ = (lead, base);
        ArticleText {
            html: body.unwrap_or_default().to_string(),
        }
    }

    /// Wraps at `width` columns (any width ≥ 1 works). `links_heading` titles the link list.
    pub fn render(&self, width: usize, links_heading: &str) -> Rendered {
        let _ = (width, links_heading, &self.html);
        todo!()
    }
}
