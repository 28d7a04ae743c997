//! Hostile pages for the extractor: a million nested elements of several kinds, huge pages,
//! pages that never end properly, bad and lying charsets, and escape sequences in every field.
//! Extraction (and rendering its output) must finish, stay bounded and print nothing unsafe.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use std::time::{Duration, Instant};

use chmon::article::Labels;
use chmon::extract::{ExtractError, Extracted, Options, Page, cap_depth, extract, extract_with};

const URL: &str = "https://news.example/story/1";

fn story(words: usize) -> String {
    let sentence = "The council agreed, after a long debate, to repair the old bridge this year. ";
    let mut out = String::new();
    while out.split_whitespace().count() < words {
        out.push_str("<p>");
        out.push_str(&sentence.repeat(3));
        out.push_str("</p>\n");
    }
    out
}

fn run(html: &[u8], content_type: Option<&str>) -> Result<Extracted, ExtractError> {
    extract(&Page {
        bytes: html,
        content_type,
        url: Some(URL),
    })
}

/// Extracts and renders, checking the whole thing stays under `limit` (generous: debug build,
/// shared machine) and returns what the reader would show.
fn shown_within(html: &[u8], limit: Duration) -> String {
    let start = Instant::now();
    let e = run(html, Some("text/html; charset=utf-8")).expect("an article");
    let text = e
        .article_text()
        .render(80, &Labels::ENGLISH)
        .lines
        .join("\n");
    assert!(start.elapsed() < limit, "took {:?}", start.elapsed());
    text
}

#[test]
fn a_million_nested_elements_of_each_kind() {
    for (open, close) in [
        ("<div>", "</div>"),
        ("<blockquote>", "</blockquote>"),
        ("<ul><li>", "</li></ul>"),
        ("<b>", "</b>"),
        ("<table><tr><td>", "</td></tr></table>"),
        ("<span><section>", "</section></span>"),
    ] {
        // A million for the plain case; a tenth for the others keeps the debug run short.
        let total = if open == "<div>" { 1_000_000 } else { 100_000 };
        let n = total / open.matches('<').count();
        let mut html = String::from("<html><body>");
        html.push_str(&open.repeat(n));
        html.push_str(&story(300));
        html.push_str(&close.repeat(n));
        let text = shown_within(html.as_bytes(), Duration::from_secs(60));
        assert!(
            text.contains("repair the old bridge"),
            "{open}: {text:.200}"
        );
    }
}

#[test]
fn unclosed_nesting_and_the_depth_cap() {
    // 45,000 levels: far past the cap, and under the article's size cut (article::MAX_BODY_BYTES).
    let html = format!("{}{}", "<div><p>x".repeat(45_000), story(200));
    let capped = cap_depth(&html, 128);
    assert!(capped.matches("<div>").count() <= 128);
    let text = shown_within(html.as_bytes(), Duration::from_secs(60));
    assert!(text.contains("repair the old bridge"));
}

#[test]
fn huge_pages_are_read_up_to_the_limit() {
    let mut html = String::from("<html><body><nav>");
    while html.len() < 6 * 1024 * 1024 {
        html.push_str("<a href=\"/section/some-long-section-name\">Section name here</a> ");
    }
    html.push_str("</nav><article><h1>Bridge</h1>");
    html.push_str(&story(400));
    html.push_str("</article>");
    let start = Instant::now();
    let e = run(html.as_bytes(), None).expect("story after 6 MB of menu");
    assert!(e.html.contains("repair the old bridge"));
    assert!(!e.html.contains("Section name here"));
    eprintln!("6 MB page: {:?}", start.elapsed());
    // Past max_bytes nothing is read: the story beyond it is not found.
    let small = Options {
        max_bytes: 1024 * 1024,
        ..Options::default()
    };
    let page = Page {
        bytes: html.as_bytes(),
        content_type: None,
        url: Some(URL),
    };
    assert_eq!(extract_with(&page, &small), Err(ExtractError::NoArticle));
}

#[test]
fn the_node_count_is_capped() {
    let html = format!(
        "<article>{}</article>{}",
        story(300),
        "<i></i>".repeat(2_000_000)
    );
    let opts = Options {
        max_nodes: 50_000,
        ..Options::default()
    };
    let page = Page {
        bytes: html.as_bytes(),
        content_type: None,
        url: Some(URL),
    };
    let e = extract_with(&page, &opts).expect("the story comes first");
    assert!(e.html.contains("repair the old bridge"));
}

#[test]
fn pages_that_never_end_properly() {
    let body = story(200);
    for tail in [
        "<!--",
        "<script>var a = '",
        "<div class=\"x",
        "<a href=\"",
        "<table><tr><td>",
        "<![CDATA[",
        "<",
    ] {
        let html = format!("<html><body><article>{body}</article>{tail}");
        let text = shown_within(html.as_bytes(), Duration::from_secs(10));
        assert!(text.contains("repair the old bridge"), "{tail}");
    }
    // Cut at every byte near the end of a real page: never a panic.
    let page = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/extract/pages/uk_national.html"
    ))
    .unwrap();
    for cut in (page.len() - 3000..page.len()).step_by(7) {
        let _ = run(&page[..cut], Some("text/html; charset=utf-8"));
    }
    let plain = format!("<plaintext>{}", "<p>not a tag</p>".repeat(100));
    assert!(run(plain.as_bytes(), None).is_err() || run(plain.as_bytes(), None).is_ok());
}

#[test]
fn bad_and_lying_charsets() {
    let uk = "<html><head><title>Міст</title></head><body><article><h1>Міст через Стрижень</h1>\
              <p>Міст через річку відкрили для руху після ремонту, що тривав понад рік, і тепер \
              тролейбуси повертаються на маршрут.</p><p>Ремонт коштував тридцять вісім мільйонів \
              гривень, більшу частину грошей виділила держава.</p></article></body></html>";
    let cp1251 = encoding_rs::WINDOWS_1251.encode(uk).0.into_owned();
    let koi8 = encoding_rs::KOI8_U.encode(uk).0.into_owned();
    let cases: Vec<(Vec<u8>, Option<&str>)> = vec![
        (cp1251.clone(), Some("text/html; charset=utf-8")),
        (cp1251.clone(), Some("text/html; charset=x-no-such-charset")),
        (cp1251.clone(), None),
        (koi8.clone(), Some("text/html")),
        (
            [b"<meta charset=\"utf-16\">".as_slice(), &cp1251].concat(),
            None,
        ),
        (
            uk.as_bytes().to_vec(),
            Some("text/html; charset=windows-1251"),
        ),
        (
            [b"<meta charset=koi8-u>".as_slice(), uk.as_bytes()].concat(),
            None,
        ),
    ];
    for (bytes, ct) in cases {
        let e = run(&bytes, ct).expect("an article");
        assert!(
            e.html.contains("тролейбуси"),
            "{ct:?} read as {}: {}",
            e.encoding,
            e.html
        );
        assert_eq!(e.title.as_deref(), Some("Міст через Стрижень"));
    }
    let mut broken = uk.as_bytes().to_vec();
    broken.extend([0xFF, 0xFE, 0x00, 0xC3]);
    broken.splice(300..300, [0x80, 0x00, 0xFF]);
    let e = run(&broken, Some("text/html; charset=utf-8")).expect("an article");
    assert!(e.html.contains("державa") || e.html.contains("держава"));
}

#[test]
fn nothing_unsafe_gets_through() {
    let html = "<html><head><title>T\u{1b}]0;pwned\u{7}itle</title>\
        <meta name=author content=\"Evil\u{1b}[2J \u{202e}Author\"></head><body><article>\
        <h1>Head\u{1b}[31mline\u{202e}</h1><p>Text \u{1b}[2J with escapes, and a \
        <a href=\"javascript:alert(1)\">script link</a> and <a href=\"/ok\u{1b}[1m\">a good one</a>, \
        long enough to be a paragraph of the story.</p>\
        <p><img src=\"data:image/png;base64,AAAA\" alt=\"x\"><img src=\"/a.jpg\" alt=\"al\u{202e}t\"></p></article>";
    let e = run(html.as_bytes(), None).expect("an article");
    for field in [
        e.title.clone().unwrap(),
        e.author.clone().unwrap(),
        e.html.clone(),
    ] {
        assert!(
            !field.contains('\u{1b}') && !field.contains('\u{202e}') && !field.contains('\u{7}'),
            "{field:?}"
        );
    }
    assert!(!e.html.contains("javascript:"), "{}", e.html);
    assert!(!e.html.contains("data:image"), "{}", e.html);
    assert!(
        e.html.contains("href=\"https://news.example/ok\""),
        "{}",
        e.html
    );
    assert!(
        e.html
            .contains("src=\"https://news.example/a.jpg\" alt=\"alt\""),
        "{}",
        e.html
    );
}
