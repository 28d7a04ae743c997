//! Micro-benchmarks of main-content extraction (divan): a 500 KB news page through the general
//! rule, a 500 KB agency page in windows-1251 through the site rule, a 12 MB page and a page of
//! 10⁶ nested `<div>`s. Inputs are generated here, never read from disk. Owns only benchmarks.
//!
//! Run: `cargo bench --bench extract` (add `-- --sample-count 10` for a quick look).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

// Shared with the pipeline bench, which uses the feed half of it.
#[allow(dead_code)]
mod support;

use chmon::extract::{Page, extract};
use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// A news page of about `size` bytes: a menu, a story of about a fifth of the size, then a
/// sidebar of teasers and a comment thread making up the rest.
fn news_page(size: usize, agency: bool) -> String {
    let mut rng = support::Rng::new(11);
    let mut page =
        String::from("<html><head><title>Заголовок - Чернігівський монітор</title></head><body>");
    page.push_str("<div class=\"menu\">");
    for i in 0..40 {
        page.push_str(&format!("<a href=\"/ua/section{i}/\">Розділ {i}</a> "));
    }
    page.push_str("</div><div class=\"clock\">Вівторок, 23 грудня, 16:49:09</div>");
    page.push_str("<div class=\"news-full\"><h1>Заголовок новини про місто</h1>");
    page.push_str(
        "<div class=\"news-date\">13.11.2023 &nbsp; 16:33Агенцiя</div><div class=\"news-text\">",
    );
    page.push_str(&support::body(&mut rng, 70_312, size / 5));
    page.push_str("</div></div><div class=\"lastnews\"><div>Останні новини Чернігівщини</div>");
    let mut n = 0;
    while page.len() < size * 3 / 4 {
        n += 1;
        page.push_str(&format!(
            "<div class=\"ln\"><span>16:{:02}</span> <a href=\"/ua/city/{n}\">{} {}</a><div>{}</div></div>",
            n % 60,
            rng.pick(&["У Чернігові", "На Ніжинщині", "У Прилуках"]),
            rng.pick(&["відкрили сквер", "ремонтують дорогу", "зібрали кошти"]),
            "Короткий анонс новини з кількох слів для стрічки. ".repeat(2),
        ));
    }
    page.push_str("</div><div id=\"comments\" class=\"comments\">");
    while page.len() < size {
        page.push_str("<div class=\"comment\"><b>Читач</b><p>Дякую за новину, дуже корисно знати, що відбувається в місті, пишіть ще.</p></div>");
    }
    page.push_str(
        "</div><div class=\"footer\">© Інформ-агенція «Чернігівський монітор»</div></body></html>",
    );
    if !agency {
        page = page
            .replace("news-date", "byline")
            .replace("16:33Агенцiя", "Автор");
    }
    page
}

fn check(page: &Page) -> usize {
    let e = extract(page).expect("an article");
    let head: String = e.html.chars().take(300).collect();
    assert!(e.html.len() > 10_000, "too short: {head}");
    let sidebar = e.html.contains("Останні новини");
    assert!(!sidebar, "sidebar in: {} bytes: {head}", e.html.len());
    e.html.len()
}

/// UTF-8, general rule (the host is not the agency's).
#[divan::bench(sample_count = 30)]
fn page_500k_general(bencher: Bencher) {
    let html = news_page(500 * 1024, false);
    let page = Page {
        bytes: html.as_bytes(),
        content_type: Some("text/html; charset=utf-8"),
        url: Some("https://news.example/a/1"),
    };
    check(&page);
    bencher
        .counter(BytesCount::new(html.len()))
        .bench(|| extract(divan::black_box(&page)));
}

/// windows-1251 with no charset anywhere (detection), the agency's site rule.
#[divan::bench(sample_count = 30)]
fn page_500k_agency_cp1251(bencher: Bencher) {
    let bytes = support::to_cp1251(&news_page(500 * 1024, true));
    let page = Page {
        bytes: &bytes,
        content_type: Some("text/html"),
        url: Some("http://monitor.cn.ua/ua/city/70312"),
    };
    check(&page);
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| extract(divan::black_box(&page)));
}

#[divan::bench(sample_count = 5)]
fn page_12mb(bencher: Bencher) {
    let html = news_page(12 * 1024 * 1024, false);
    let page = Page {
        bytes: html.as_bytes(),
        content_type: None,
        url: Some("https://news.example/a/1"),
    };
    bencher
        .counter(BytesCount::new(html.len()))
        .bench(|| extract(divan::black_box(&page)));
}

#[divan::bench(sample_count = 5)]
fn nested_divs_1m(bencher: Bencher) {
    let mut html = "<div>".repeat(1_000_000);
    html.push_str(&support::body(&mut support::Rng::new(3), 1, 20_000));
    html.push_str(&"</div>".repeat(1_000_000));
    let page = Page {
        bytes: html.as_bytes(),
        content_type: None,
        url: Some("https://news.example/a/1"),
    };
    bencher
        .counter(BytesCount::new(html.len()))
        .bench(|| extract(divan::black_box(&page)));
}
