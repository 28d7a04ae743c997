//! html2text decorator for article text: no markup for emphasis/headings, `- ` bullets,
//! indented quotes, `[n]` after links and `[image: alt][n]` for images, numbering URLs in
//! order of appearance in a shared [`LinkBook`]. Knows nothing of widths or the screen.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use html2text::render::TextDecorator;

use crate::text::sanitize::clean_line;

/// The URLs met during one render, numbered from 1 in order of first appearance.
#[derive(Debug, Default)]
pub(super) struct LinkBook {
    urls: Vec<String>,
    numbers: HashMap<String, usize>,
    /// Numbers of the links being rendered (links cannot nest, but html2text does not check).
    open: Vec<usize>,
    /// The number just printed (an image inside a link to itself needs no second `[n]`).
    last_mark: Option<usize>,
}

impl LinkBook {
    /// The number of `url` (sanitised), registering it on first sight; `None` for an empty URL.
    fn number(&mut self, url: &str) -> Option<usize> {
        let url = clean_line(url);
        if url.is_empty() {
            return None;
        }
        if let Some(n) = self.numbers.get(&url) {
            return Some(*n);
        }
        self.urls.push(url.clone());
        self.numbers.insert(url, self.urls.len());
        Some(self.urls.len())
    }

    pub(super) fn into_urls(self) -> Vec<String> {
        self.urls
    }
}

/// One per (sub)block; all share the book of one render.
#[derive(Debug, Clone)]
pub(super) struct Decorator {
    book: Rc<RefCell<LinkBook>>,
    image_label: String,
}

impl Decorator {
    pub(super) fn new(book: Rc<RefCell<LinkBook>>, image_label: &str) -> Decorator {
        Decorator {
            book,
            image_label: clean_line(image_label),
        }
    }
}

fn none() -> (String, ()) {
    (String::new(), ())
}

impl TextDecorator for Decorator {
    type Annotation = ();

    fn decorate_link_start(&mut self, url: &str) -> (String, ()) {
        let mut book = self.book.borrow_mut();
        let n = book.number(url).unwrap_or(0);
        book.open.push(n);
        book.last_mark = None;
        none()
    }

    fn decorate_link_end(&mut self) -> String {
        let mut book = self.book.borrow_mut();
        match book.open.pop() {
            Some(n) if n > 0 && book.last_mark != Some(n) => {
                book.last_mark = Some(n);
                format!("[{n}]")
            }
            _ => String::new(),
        }
    }

    fn decorate_image(&mut self, src: &str, title: &str) -> (String, ()) {
        let alt = clean_line(title);
        let mut mark = if alt.is_empty() {
            format!("[{}]", self.image_label)
        } else {
            format!("[{}: {alt}]", self.image_label)
        };
        let mut book = self.book.borrow_mut();
        if let Some(n) = book.number(src) {
            mark.push_str(&format!("[{n}]"));
            book.last_mark = Some(n);
        }
        (mark, ())
    }

    fn decorate_em_start(&self) -> (String, ()) {
        none()
    }
    fn decorate_em_end(&self) -> String {
        String::new()
    }
    fn decorate_strong_start(&self) -> (String, ()) {
        none()
    }
    fn decorate_strong_end(&self) -> String {
        String::new()
    }
    fn decorate_strikeout_start(&self) -> (String, ()) {
        none()
    }
    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }
    fn decorate_code_start(&self) -> (String, ()) {
        none()
    }
    fn decorate_code_end(&self) -> String {
        String::new()
    }
    fn decorate_preformat_first(&self) {}
    fn decorate_preformat_cont(&self) {}
    fn decorate_superscript_start(&self) -> (String, ()) {
        ("^".to_string(), ())
    }
    fn decorate_superscript_end(&self) -> String {
        String::new()
    }

    fn header_prefix(&self, _level: usize) -> String {
        String::new()
    }
    /// ASCII only: html2text measures these prefixes in bytes.
    fn quote_prefix(&self) -> String {
        "  ".to_string()
    }
    fn unordered_item_prefix(&self) -> String {
        "- ".to_string()
    }
    fn ordered_item_prefix(&self, i: i64) -> String {
        format!("{i}. ")
    }

    fn make_subblock_decorator(&self) -> Self {
        self.clone()
    }

    fn finalise(&mut self, _urls: Vec<String>) -> Vec<html2text::render::TaggedLine<()>> {
        Vec::new()
    }
}
