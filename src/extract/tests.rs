//! Unit tests of the extractor as a whole: small pages, both rules, the charset order and the
//! bounds. The corpus-wide quality check is `tests/extract_quality.rs`.

use super::*;

fn page<'a>(html: &'a str, url: &'a str) -> Page<'a> {
    Page {
        bytes: html.as_bytes(),
        content_type: Some("text/html; charset=utf-8"),
        url: Some(url),
    }
}

#[test]
fn a_simple_article() {
    let html = "<html><head><title>Story - Site</title></head><body><nav><a href=/>Home</a></nav>\
        <article><h1>Story</h1><p>First paragraph of the story, with enough words to count.</p>\
        <p>Second paragraph, also long enough to be a paragraph of the story.</p></article>\
        <footer>Copyright</footer></body></html>";
    let e = extract(&page(html, "https://x.example/a")).unwrap();
    assert_eq!(e.title.as_deref(), Some("Story"));
    assert_eq!(e.method, Method::General);
    assert!(e.html.contains("<p>First paragraph"), "{}", e.html);
    assert!(
        !e.html.contains("Home") && !e.html.contains("Copyright"),
        "{}",
        e.html
    );
}

#[test]
fn nothing_to_extract() {
    assert_eq!(
        extract(&page("  ", "https://x.example/")),
        Err(ExtractError::Empty)
    );
    let nav = "<nav><a href=/a>A</a><a href=/b>B</a></nav>";
    assert_eq!(
        extract(&page(nav, "https://x.example/")),
        Err(ExtractError::NoArticle)
    );
}
