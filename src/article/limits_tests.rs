//! Unit tests of the article limits (size cut, tag depth cap, DOM flattening).

use super::*;
use crate::article::textfix::text_of;

#[test]
fn cut_body_stops_before_a_tag_begun_near_the_end() {
    assert_eq!(cut_body("short", 10), ("short", false));
    let (head, cut) = cut_body("<p>абв</p><p>где</p>", 14);
    assert!(cut);
    assert_eq!(head, "<p>абв</p>");
    let long = format!("{}<p>x", "ї".repeat(5_000));
    let (head, cut) = cut_body(&long, 9_001);
    assert!(cut);
    assert_eq!(head, "ї".repeat(4_500));
    let (head, cut) = cut_body("ґґґґ", 3);
    assert!(cut);
    assert_eq!(head, "ґ");
}

#[test]
fn cap_tags_drops_only_what_is_too_deep() {
    let html = "<div><div><div>x</div></div></div>";
    assert_eq!(cap_tags(html, 5), (html.to_string(), false));
    assert_eq!(
        cap_tags(html, 2),
        ("<div><div>x</div></div>".to_string(), true)
    );
}

#[test]
fn cap_tags_ignores_void_unclosed_and_raw_text() {
    let flat = "<p>a<p>b<li>c<br><img src=\"a>b\"><hr/>".repeat(100);
    assert_eq!(cap_tags(&flat, 3), (flat.clone(), false));
    let script = "<div><script>if (a<b) { '<div><div><div>' }</script></div>";
    assert_eq!(cap_tags(script, 2), (script.to_string(), false));
    let comment = "<!-- <div><div><div> --><div>x</div>";
    assert_eq!(cap_tags(comment, 1), (comment.to_string(), false));
    assert_eq!(cap_tags("a < b <", 1), ("a < b <".to_string(), false));
}

#[test]
fn flatten_dom_keeps_text_in_order() {
    let html = "<div><div><div><b>a</b><i>b<br>c</i></div></div></div><p>d</p>";
    let dom = html2text::config::plain_no_decorate()
        .parse_html(html.as_bytes())
        .unwrap();
    assert!(flatten_dom(&dom.document, 4));
    let mut texts = Vec::new();
    let mut stack = vec![(dom.document.clone(), 0)];
    let mut deepest = 0;
    while let Some((n, d)) = stack.pop() {
        deepest = deepest.max(d);
        if n.element_name().is_none() {
            texts.extend(text_of(&n));
        }
        stack.extend(n.children.borrow().iter().rev().map(|c| (c.clone(), d + 1)));
    }
    assert_eq!(texts.concat(), "abcd");
    assert!(deepest <= 5, "{deepest}");
    assert!(!flatten_dom(&dom.document, 40));
}

#[test]
fn words_wrap_at_the_width() {
    assert_eq!(wrap_words("один два три", 8), vec!["один два", "три"]);
    assert_eq!(wrap_words("задовгеслово x", 3), vec!["задовгеслово", "x"]);
}

#[test]
fn cap_tags_is_linear_at_a_million_levels() {
    let html = format!(
        "{}x{}",
        "<div>".repeat(1_000_000),
        "</div>".repeat(1_000_000)
    );
    let started = std::time::Instant::now();
    let (capped, dropped) = cap_tags(&html, MAX_TAG_DEPTH);
    assert!(dropped);
    assert_eq!(capped.len(), MAX_TAG_DEPTH * 11 + 1);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn raw_text_beyond_the_limit_goes_whole() {
    let html = "<div><div><script>alert('<b>')</script>x</div></div><p>y</p>";
    assert_eq!(cap_tags(html, 3).0, html);
    assert_eq!(
        cap_tags(html, 1),
        ("<div>x</div><p>y</p>".to_string(), true)
    );
}
