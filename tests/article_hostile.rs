//! Hostile article bodies (issue 7): nesting deep enough to overflow a recursive walk, and
//! bodies big enough to stall the reader, through the article renderer and through `show`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use chmon::article::{ArticleText, Labels};

fn nested(depth: usize, tag: &str) -> String {
    let mut html = String::with_capacity(depth * (2 * tag.len() + 5) + 16);
    for _ in 0..depth {
        html.push('<');
        html.push_str(tag);
        html.push('>');
    }
    html.push_str("глибоко");
    for _ in 0..depth {
        html.push_str("</");
        html.push_str(tag);
        html.push('>');
    }
    html
}

/// Renders on a thread with a 2 MB stack (less than the main thread's 8 MB), so a recursion
/// whose depth the input controls overflows here first.
fn render_small_stack(html: String, width: usize) -> Vec<String> {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let text = ArticleText::new(Some("Вступ"), Some(&html), Some("https://x.ua/a/1"));
            let lines = text.render(width, &Labels::UKRAINIAN).lines;
            drop(text);
            lines
        })
        .unwrap()
        .join()
        .expect("rendering panicked or overflowed")
}

#[test]
fn nesting_14000_divs_renders_its_text() {
    let lines = render_small_stack(nested(14_000, "div"), 60);
    let text = lines.join("\n");
    assert!(text.contains("глибоко"), "{text}");
    assert!(text.contains("Вступ"), "{text}");
}

#[test]
fn nesting_a_million_deep_renders_in_bounded_time() {
    for tag in ["div", "blockquote", "ul", "b", "table"] {
        let started = Instant::now();
        let lines = render_small_stack(nested(1_000_000, tag), 40);
        assert!(!lines.is_empty(), "{tag}: nothing rendered");
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{tag}: {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn nesting_deeper_than_the_limit_says_so_and_keeps_the_text() {
    let html = format!("<p>до</p>{}<p>після</p>", nested(5_000, "div"));
    let text = render_small_stack(html, 60).join("\n");
    for word in ["до", "глибоко", "після"] {
        assert!(text.contains(word), "{word} missing: {text}");
    }
    assert!(text.contains("вкладено"), "no note: {text}");
}

#[test]
fn shallow_nesting_has_no_note() {
    let text = render_small_stack(nested(20, "div"), 60).join("\n");
    assert!(!text.contains("вкладено"), "{text}");
}

/// A local feed file with one item whose body is `body` (in CDATA).
fn feed_with_body(dir: &Path, body: &str) -> std::path::PathBuf {
    let path = dir.join("hostile.xml");
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title>\
         <item><title>Ворожа стаття</title><link>https://x.ua/a/1</link>\
         <guid>https://x.ua/a/1</guid><pubDate>Mon, 30 Nov 2026 10:00:00 +0200</pubDate>\
         <description>Коротко</description><content:encoded><![CDATA[{body}]]></content:encoded>\
         </item></channel></rss>"
    );
    std::fs::write(&path, xml).unwrap();
    path
}

fn chmon(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chmon"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("TZ", "Europe/Kyiv")
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .output()
        .expect("run chmon")
}

fn show_deep(depth: usize) {
    let dir = tempfile::tempdir().unwrap();
    let feed = feed_with_body(dir.path(), &nested(depth, "div"));
    let feed = feed.to_str().unwrap();
    let refresh = chmon(dir.path(), &["--feed", feed, "refresh"]);
    assert!(
        refresh.status.success(),
        "{}",
        String::from_utf8_lossy(&refresh.stderr)
    );
    let out = chmon(dir.path(), &["--feed", feed, "show", "1"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "show failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("глибоко"), "{stdout}");
}

#[test]
fn show_of_14000_nested_divs_prints_the_article() {
    show_deep(14_000);
}

#[test]
fn show_of_a_million_nested_divs_prints_the_article() {
    show_deep(1_000_000);
}

#[test]
fn nested_table_cells_are_flattened_after_parsing() {
    // 40 tables are under the tag limit, but each adds a body, a row and a cell.
    let html = format!(
        "{}клітинка{}",
        "<table><tr><td>".repeat(40),
        "</td></tr></table>".repeat(40)
    );
    let started = Instant::now();
    let text = render_small_stack(html, 80).join("\n");
    assert!(text.contains("клітинка"), "{text}");
    assert!(text.contains("вкладено"), "{text}");
    assert!(started.elapsed() < Duration::from_secs(10));
}
