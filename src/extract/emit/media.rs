//! The writer's links and images: hrefs and srcs resolved against the page, only web URLs
//! (and `mailto:` links) kept, tracking pixels dropped. Part of `emit::Writer`.

use super::*;

impl Writer<'_> {
    /// Opens `<a>` with its resolved href, or nothing for a link that is no http(s) page.
    pub(super) fn link(&mut self, id: NodeId) {
        match self.href(id) {
            Some(href) if self.open.len() < MAX_DEPTH => {
                self.inline_start();
                self.cur
                    .push_str(&format!("<a href=\"{}\">", attr_escape(&href)));
                self.open.push(Some("a"));
            }
            _ => self.open.push(None),
        }
    }

    pub(super) fn image(&mut self, id: NodeId) {
        let Some(src) = image_src(self.p, id).map(|s| resolve(&s, self.base)) else {
            return;
        };
        if !is_web(&src) || tiny(self.p, id) {
            return;
        }
        let alt = clean_line(self.p.dom.attr(id, "alt").unwrap_or(""));
        self.inline_start();
        self.cur.push_str(&format!(
            "<img src=\"{}\" alt=\"{}\">",
            attr_escape(&src),
            attr_escape(&alt)
        ));
    }

    fn href(&self, id: NodeId) -> Option<String> {
        let raw = self.p.dom.attr(id, "href")?.trim();
        if raw.is_empty() || raw.starts_with('#') {
            return None;
        }
        let url = resolve(raw, self.base);
        (is_web(&url) || url.starts_with("mailto:")).then_some(url)
    }
}
