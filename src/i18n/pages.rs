//! The words of full-text pages in the reader: the status line while a page is fetched, why a
//! fetch failed, an unchanged page, and the note above a page that was cut at the size limit;
//! in Ukrainian and English. Pure data; must not read state.

use super::Lang;

/// Fixed strings of one language.
#[derive(Debug)]
pub struct PageStrings {
    /// The status line while the open article's page is fetched.
    pub fetching: &'static str,
    /// "could not fetch the full text: {why}".
    pub failed: &'static str,
    pub unchanged: &'static str,
    /// The note above a page's text when the page was longer than the size limit (`{mb}`:
    /// the limit in megabytes).
    pub cut: &'static str,
}

static UK: PageStrings = PageStrings {
    fetching: "завантажую повний текст…",
    failed: "не вдалося завантажити повний текст",
    unchanged: "повний текст не змінився",
    cut: "сторінку обрізано: вона більша за {mb} МБ (max_feed_mb), показано її початок",
};

static EN: PageStrings = PageStrings {
    fetching: "fetching the full text…",
    failed: "could not fetch the full text",
    unchanged: "the full text has not changed",
    cut: "page cut: it is over {mb} MB (max_feed_mb), its beginning is shown",
};

impl Lang {
    pub fn pages(self) -> &'static PageStrings {
        match self {
            Lang::Uk => &UK,
            Lang::En => &EN,
        }
    }
}
