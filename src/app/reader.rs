//! Article-view state: the loaded article, its text prepared once (`ArticleText`), the lines
//! rendered for the current width (redone on open and resize, never per frame) and the scroll.
//! Pure; owns no IO and does not draw.

use chrono::{DateTime, Utc};

use crate::article::{ArticleText, Rendered};
use crate::i18n::Lang;
use crate::model::Article;
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
    pub article: Option<Article>,
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
    let when = match article.published {
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
