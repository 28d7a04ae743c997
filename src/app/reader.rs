//! Article-view state: the loaded article (with its stored page's text when it has one), its
//! text prepared once (`ArticleText`), the lines rendered for the current width (redone on
//! open, resize and when a fetched page arrives, never per frame) and the scroll.
//! Pure; owns no IO and does not draw.

use chrono::{DateTime, Utc};

use crate::article::teaser::is_teaser;
use crate::article::{ArticleText, Rendered};
use crate::i18n::Lang;
use crate::model::{Article, StoredPage};
use crate::text::width::wrap;
use crate::timefmt::Zone;

/// The width a saved article is wrapped at.
pub const SAVE_WIDTH: usize = 72;

/// How a document line is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Title,
    Meta,
    Link,
    Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: DocKind,
    pub text: String,
}

/// The article view. `article` is `None` while it loads.
#[derive(Debug, Clone)]
pub struct Reader {
    pub id: i64,
    /// What is shown: the feed's article, its text replaced by the page's when there is one.
    pub article: Option<Article>,
    /// The article as the feed gave it (a page that arrives later replaces its text).
    source: Option<Article>,
    /// The stored (or just fetched) page shown.
    pub page: Option<StoredPage>,
    /// Its page is being fetched (the status line says so).
    pub fetching: bool,
    text: Option<ArticleText>,
    /// Header and body, wrapped at `width`.
    pub doc: Vec<DocLine>,
    pub links: Vec<String>,
    /// Each link's text, as `links`.
    pub link_texts: Vec<String>,
    pub width: usize,
    pub scroll: usize,
}

/// What formatting the header needs besides the article.
pub struct Context {
    pub lang: Lang,
    pub zone: Zone,
    pub now: DateTime<Utc>,
}

impl Reader {
    pub fn loading(id: i64) -> Reader {
        Reader {
            id,
            article: None,
            source: None,
            page: None,
            fetching: false,
            text: None,
            doc: Vec::new(),
            links: Vec::new(),
            link_texts: Vec::new(),
            width: 0,
            scroll: 0,
        }
    }

    /// Takes the loaded article, prepares its text once and lays it out at `width`.
    pub fn set_article(&mut self, article: Article, width: usize, cx: &Context) {
        self.text = Some(ArticleText::new(
            article.lead.as_deref(),
            article.body.as_deref(),
            article.link.as_deref(),
        ));
        self.article = Some(article);
        self.scroll = 0;
        self.layout(width, cx);
    }

    /// Takes the loaded article with its stored page: the page's text is shown when there is
    /// one (its date and author fill missing ones).
    pub fn set_loaded(
        &mut self,
        article: Article,
        page: Option<StoredPage>,
        width: usize,
        cx: &Context,
    ) {
        self.source = Some(article.clone());
        self.set_article(article.with_page(page.as_ref()), width, cx);
        self.page = page;
    }

    /// A fetched page replaces the text shown. The scroll stays where it was (in range): at
    /// the top when the reader has not scrolled. Ignored while the article still loads.
    pub fn set_page(&mut self, page: StoredPage, width: usize, height: usize, cx: &Context) {
        let Some(source) = self.source.clone() else {
            return;
        };
        let scroll = self.scroll;
        self.set_article(source.with_page(Some(&page)), width, cx);
        self.page = Some(page);
        self.scroll = scroll.min(self.max_scroll(height));
    }

    /// True when the feed's text is only a teaser of the story (see `article::teaser`).
    pub fn feed_is_teaser(&self) -> bool {
        self.source
            .as_ref()
            .is_some_and(|a| is_teaser(a.lead.as_deref(), a.body.as_deref()))
    }

    /// True when the feed's own text is shown (no page yet).
    pub fn shows_feed_text(&self) -> bool {
        self.page.is_none()
    }

    /// Re-wraps everything at `width` (after a resize); keeps the scroll in range.
    pub fn layout(&mut self, width: usize, cx: &Context) {
        let width = width.max(1);
        self.width = width;
        let (Some(article), Some(text)) = (&self.article, &self.text) else {
            return;
        };
        let mut doc = header(article, width, cx);
        let rendered = render_body(text, width, cx.lang);
        doc.extend(rendered.lines.into_iter().map(|text| DocLine {
            kind: DocKind::Body,
            text,
        }));
        self.doc = doc;
        self.links = rendered.links;
        self.link_texts = rendered.texts;
    }

    /// The article as a text file: title, date, link, body and the numbered links, wrapped
    /// at [`SAVE_WIDTH`]. Empty while it loads.
    pub fn plain_text(&self, cx: &Context) -> String {
        let (Some(article), Some(text)) = (&self.article, &self.text) else {
            return String::new();
        };
        let mut lines: Vec<String> = header(article, SAVE_WIDTH, cx)
            .into_iter()
            .map(|l| l.text)
            .collect();
        lines.extend(render_body(text, SAVE_WIDTH, cx.lang).lines);
        let mut out = lines.join("\n");
        out.push('\n');
        out
    }

    pub fn max_scroll(&self, height: usize) -> usize {
        self.doc.len().saturating_sub(height)
    }

    /// Scrolls by `delta` lines, within `0..=max_scroll`.
    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        let target = self.scroll.saturating_add_signed(delta);
        self.scroll = target.min(self.max_scroll(height));
    }
}

/// The one place that calls the article renderer (its signature may change when merged).
fn render_body(text: &ArticleText, width: usize, lang: Lang) -> Rendered {
    text.render(width, &lang.article_labels())
}

/// Title, date and time, author and category, link, then a blank line.
fn header(article: &Article, width: usize, cx: &Context) -> Vec<DocLine> {
    let line = |kind, text| DocLine { kind, text };
    let mut doc: Vec<DocLine> = wrap(&article.title, width)
        .into_iter()
        .map(|t| line(DocKind::Title, t))
        .collect();
    let s = cx.lang.strings();
    let shown = article.published.map(|_| article.time());
    let when = match shown {
        Some(t) => {
            let day = cx.lang.day_header(cx.zone.date(t), cx.zone.date(cx.now));
            format!("{day}, {}", cx.zone.format_time(t))
        }
        None => s.undated.to_string(),
    };
    let mut meta = vec![when];
    if let Some(author) = article.author.as_deref().filter(|a| !a.is_empty()) {
        meta.push(format!("{}: {author}", s.author));
    }
    if let Some(category) = article.category.as_deref().filter(|c| !c.is_empty()) {
        meta.push(format!("{}: {category}", s.category));
    }
    doc.extend(
        wrap(&meta.join(" · "), width)
            .into_iter()
            .map(|t| line(DocKind::Meta, t)),
    );
    if let Some(link) = &article.link {
        doc.extend(
            wrap(link, width)
                .into_iter()
                .map(|t| line(DocKind::Link, t)),
        );
    }
    doc.push(line(DocKind::Body, String::new()));
    doc
}
