//! Main-content extraction: a web page's bytes (with its Content-Type and address) → the story
//! as clean HTML plus its headline, date and author, ready for [`crate::article::ArticleText`].
//! Pure: no IO, no clock, no store. Bounded on hostile input: the bytes read, the nesting depth
//! and the node count are capped, and nothing here recurses.
//!
//! Pipeline: charset → depth cap → html5ever into our arena DOM → metadata → boilerplate marks
//! and text statistics → the site rule (monitor.cn.ua) or the general readability-style chooser
//! → the writer (clean HTML, resolved links).

mod agency;
mod blocks;
mod charset;
mod dom;
mod emit;
mod general;
mod inner;
mod jsonld;
mod limit;
mod markup;
mod meta;
mod prep;
mod signals;
mod sink;

use chrono::{DateTime, Utc};
use url::Url;

use crate::article::ArticleText;

pub use limit::cap_depth;

/// One fetched (or saved) page.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    pub bytes: &'a [u8],
    /// The HTTP `Content-Type` header, if any (its charset is one of the hints).
    pub content_type: Option<&'a str>,
    /// The page's address (after redirects): the base for links and the choice of site rule.
    /// Without it, the page's canonical address stands in.
    pub url: Option<&'a str>,
}

/// Bounds on what one extraction reads and builds, and whether site rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Bytes of the page read; the rest is ignored (a story is never that far down).
    pub max_bytes: usize,
    /// Deepest element nesting kept (deeper tags are dropped, their text stays).
    pub max_depth: usize,
    /// Most DOM nodes built.
    pub max_nodes: usize,
    /// Use the rules for known sites (off: the general chooser everywhere, for comparison).
    pub site_rules: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 128,
            max_nodes: 600_000,
            site_rules: true,
        }
    }
}

/// How the story was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// The rule for a known site (its host).
    Site(&'static str),
    /// The general main-content chooser.
    General,
}

/// The story of a page. Every string is sanitised; `html` is untrusted-safe markup made of
/// paragraphs, headings, lists, quotes, figures, tables, links and images only.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub title: Option<String>,
    /// The page's publication time (the agency's Kyiv-time date line, JSON-LD, `<meta>`,
    /// `<time>`), in UTC: fills an item's missing date.
    pub published: Option<DateTime<Utc>>,
    pub author: Option<String>,
    /// The story as HTML (no headline, byline or date; links and images absolute).
    pub html: String,
    /// The base the links were resolved against: the page's address, or its canonical one.
    pub url: Option<String>,
    pub method: Method,
    /// The charset the page was read in (`windows-1251`, `UTF-8`, …).
    pub encoding: &'static str,
}

impl Extracted {
    /// The story ready to render (numbered links, image markers).
    pub fn article_text(&self) -> ArticleText {
        ArticleText::new(None, Some(&self.html), self.url.as_deref())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("the page is empty")]
    Empty,
    #[error("no article found in the page")]
    NoArticle,
}

/// The page as text, decoded as [`extract`] decodes it (BOM, `<meta>`, header, detection);
/// also the name of the charset used.
pub fn decode(page: &Page) -> (String, &'static str) {
    let (text, encoding) = charset::decode(page.bytes, page.content_type, tld(page).as_deref());
    (text, encoding.name())
}

/// The last label of the page's host (a hint for charset detection).
fn tld(page: &Page) -> Option<String> {
    let url = Url::parse(page.url?.trim()).ok()?;
    url.host_str()?.rsplit('.').next().map(str::to_string)
}

/// Extracts the story with the default [`Options`].
pub fn extract(page: &Page) -> Result<Extracted, ExtractError> {
    extract_with(page, &Options::default())
}

pub fn extract_with(page: &Page, limits: &Options) -> Result<Extracted, ExtractError> {
    let bytes = &page.bytes[..page.bytes.len().min(limits.max_bytes)];
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    let given = page.url.and_then(|u| Url::parse(u.trim()).ok());
    let tld = given
        .as_ref()
        .and_then(|u| u.host_str()?.rsplit('.').next().map(str::to_string));
    let (text, encoding) = charset::decode(bytes, page.content_type, tld.as_deref());
    let dom = dom::parse(&limit::cap_depth(&text, limits.max_depth), limits.max_nodes);
    drop(text);
    let meta = meta::read(&dom);
    let base = given.or_else(|| canonical_base(&meta));
    let prepared = prep::Prepared::new(dom);
    let found = choose_story(&prepared, &meta, base.as_ref(), limits)?;
    if found.0.trim().is_empty() {
        return Err(ExtractError::NoArticle);
    }
    let (html, title, published, author, method) = found;
    Ok(Extracted {
        title,
        published,
        author,
        html,
        url: base.map(|b| b.to_string()),
        method,
        encoding: encoding.name(),
    })
}

/// The page's own canonical http(s) URL, the base when the caller gave none.
fn canonical_base(meta: &meta::Meta) -> Option<Url> {
    let canonical = Url::parse(meta.canonical.as_deref()?.trim()).ok()?;
    matches!(canonical.scheme(), "http" | "https").then_some(canonical)
}

/// The site rule where it applies and finds its date line, else the general chooser.
fn choose_story(
    prepared: &prep::Prepared,
    meta: &meta::Meta,
    base: Option<&Url>,
    limits: &Options,
) -> Result<Found, ExtractError> {
    let host = base.and_then(|b| b.host_str()).unwrap_or("");
    let agency = agency::applies(host) || (base.is_none() && agency::looks_like(prepared));
    if limits.site_rules
        && agency
        && let Some(found) = site_story(prepared, meta, base)
    {
        return Ok(found);
    }
    let roots = general::choose(prepared).ok_or(ExtractError::NoArticle)?;
    let title = meta.title.clone();
    let html = emit::Writer::new(prepared, base, title.as_deref()).write(&roots);
    let author = meta.author.clone();
    Ok((html, title, meta.published, author, Method::General))
}

type Found = (
    String,
    Option<String>,
    Option<DateTime<Utc>>,
    Option<String>,
    Method,
);

/// The agency's rule; `None` (the general chooser then) when its date line is not there.
fn site_story(p: &prep::Prepared, meta: &meta::Meta, base: Option<&Url>) -> Option<Found> {
    let story = agency::read(p)?;
    let title = story.title.or_else(|| meta.title.clone());
    let html = emit::Writer::new(p, base, title.as_deref()).write(&story.roots);
    if html.trim().is_empty() {
        return None;
    }
    let published = story.published.or(meta.published);
    Some((
        html,
        title,
        published,
        story.author,
        Method::Site("monitor.cn.ua"),
    ))
}

#[cfg(test)]
mod tests;
