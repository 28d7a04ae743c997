//! Hostile feed and OPML documents (issue 7): nesting a recursive parser could not survive,
//! parsed on a small stack. Owns no product code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use chmon::feed::parse::{Parsed, parse_body};

fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .expect("panicked or overflowed")
}

fn rss(item_extra: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
         <item><title>Перша</title><link>https://x.ua/1</link>{item_extra}</item>\
         <item><title>Друга</title><link>https://x.ua/2</link></item></channel></rss>"
    )
    .into_bytes()
}

fn titles(bytes: Vec<u8>) -> Vec<String> {
    on_small_stack(
        move || match parse_body(&bytes, None, "https://x.ua/feed") {
            Ok(Parsed::Feed(feed)) => feed.items.into_iter().map(|i| i.title).collect(),
            Ok(Parsed::Page { .. }) => vec!["page".to_string()],
            Err(e) => vec![format!("error: {e}")],
        },
    )
}

#[test]
fn deeply_nested_unknown_elements_in_an_item() {
    let depth = 200_000;
    let extra = format!("{}x{}", "<x:a>".repeat(depth), "</x:a>".repeat(depth));
    let got = titles(rss(&extra));
    assert!(
        got.iter().any(|t| t == "Друга") || got[0].starts_with("error"),
        "{got:?}"
    );
}

#[test]
fn deeply_nested_elements_in_a_description() {
    let depth = 200_000;
    let extra = format!(
        "<description>{}x{}</description>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let got = titles(rss(&extra));
    assert!(
        got.iter().any(|t| t == "Друга") || got[0].starts_with("error"),
        "{got:?}"
    );
}

#[test]
fn deeply_nested_json_feed() {
    let depth = 200_000;
    let json = format!(
        "{{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"T\",\"items\":[{{\"id\":\"1\",\"title\":\"Перша\",\"x\":{}1{}}}]}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    titles(json.into_bytes());
}

#[test]
fn deeply_nested_opml_outlines() {
    let depth = 200_000;
    let opml = format!(
        "<opml version=\"2.0\"><body>{}<outline xmlUrl=\"https://x.ua/f\"/>{}</body></opml>",
        "<outline text=\"s\">".repeat(depth),
        "</outline>".repeat(depth)
    );
    let got = on_small_stack(move || chmon::opml::parse(opml.as_bytes()).map(|o| o.feeds.len()));
    assert_eq!(got, Ok(1));
}

#[test]
fn deeply_nested_config() {
    let depth = 200_000;
    let text = format!("x = {}1{}\n", "[".repeat(depth), "]".repeat(depth));
    let got = on_small_stack(move || chmon::config::parse(&text, "c.toml").is_err());
    assert!(got);
}
