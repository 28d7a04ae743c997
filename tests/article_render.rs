//! Article rendering end to end: snapshots of a realistic agency article and plain-text body,
//! layout rules at several widths, lead de-duplication and sanitising.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use chmon::article::{ArticleText, Labels, Rendered};
use unicode_width::UnicodeWidthStr;

const BASE: &str = "http://monitor.cn.ua/ua/city/70300";
const AGENCY: &str = include_str!("fixtures/article/agency.html");
const PLAIN: &str = include_str!("fixtures/article/plain.txt");
const LEAD: &str = "Міська рада ухвалила програму відновлення пошкодженого житла.";

fn agency() -> ArticleText {
    ArticleText::new(Some(LEAD), Some(AGENCY), Some(BASE))
}

fn show(r: &Rendered) -> String {
    r.lines.join("\n")
}

#[test]
fn agency_article_at_80() {
    insta::assert_snapshot!(show(&agency().render(80, &Labels::UKRAINIAN)));
}

#[test]
fn agency_article_at_40() {
    insta::assert_snapshot!(show(&agency().render(40, &Labels::UKRAINIAN)));
}

#[test]
fn plain_text_body_at_40() {
    let article = ArticleText::new(None, Some(PLAIN), Some(BASE));
    insta::assert_snapshot!(show(&article.render(40, &Labels::ENGLISH)));
}

#[test]
fn no_body_line_wider_than_width() {
    let article = agency();
    for width in [1, 5, 20, 40, 80, 100] {
        let r = article.render(width, &Labels::UKRAINIAN);
        let heading = r.lines.iter().position(|l| l == "Посилання:").unwrap();
        assert_eq!(r.lines.len() - heading - 1, r.links.len());
        for line in &r.lines[..heading] {
            assert!(line.width() <= width, "{width}: {line:?}");
            assert!(!line.ends_with(char::is_whitespace), "{line:?}");
        }
        assert!(r.lines[heading - 1].is_empty());
    }
}

#[test]
fn links_resolved_numbered_and_repaired() {
    let r = agency().render(80, &Labels::UKRAINIAN);
    assert_eq!(r.links[0], "http://monitor.cn.ua/ua/city/70211");
    assert_eq!(
        r.links[1],
        "http://monitor.cn.ua/i/news/2024/rada-session.jpg"
    );
    assert!(r.links.contains(&"https://t.me/monitor_cn".to_string()));
    let text = show(&r);
    assert!(text.contains("Telegram-канал[5]"), "{text}");
    assert!(text.contains("🔺 Детальніше"));
    assert!(!text.contains("document.write") && !text.contains("реклама"));
    assert!(!text.contains('\u{ad}') && !text.contains('\u{a0}'));
    let heading = r.lines.iter().position(|l| l == "Посилання:").unwrap();
    let body = r.lines[..heading].join("\n");
    assert!(
        !body.contains("https://"),
        "URLs stay out of the text: {body}"
    );
}

#[test]
fn lead_not_repeated_when_body_starts_with_it() {
    let body = format!("<p>{LEAD} Далі текст.</p>");
    let r = ArticleText::new(Some(LEAD), Some(&body), None).render(200, &Labels::UKRAINIAN);
    assert_eq!(r.lines, [format!("{LEAD} Далі текст.")]);
    let r = agency().render(200, &Labels::UKRAINIAN);
    assert_eq!(r.lines[0], LEAD);
    assert_eq!(r.lines[1], "");
}

#[test]
fn escape_sequences_and_bidi_never_reach_the_output() {
    let body = "<p>Новина\u{1b}]0;pwned\u{7} дня\u{202e}дзеркало &#27;[2J&#x2066;</p>\
        <p><a href=\"https://x.ua/\u{1b}[31mred\u{202d}\">лінк</a>\
        <img src=\"/a\u{9b}1m.jpg\" alt=\"фото\u{1b}[5m\"></p>";
    let r = ArticleText::new(Some("лід\u{1b}[2J"), Some(body), Some(BASE))
        .render(80, &Labels::UKRAINIAN);
    let dangerous =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    for s in r.lines.iter().chain(&r.links) {
        assert!(!s.chars().any(dangerous), "{s:?}");
    }
    assert_eq!(r.lines[0], "лід");
    assert_eq!(r.lines[2], "Новина днядзеркало");
    assert_eq!(r.lines[4], "лінк[1][зображення: фото][2]");
    assert_eq!(r.links, ["https://x.ua/red", "http://monitor.cn.ua/a.jpg"]);
}

/// Parse once, render per width: a 200 KB article must re-render fast. The bound is loose
/// (debug build, shared machine); the release figure is in the report.
#[test]
fn large_article_renders_fast() {
    let body = AGENCY.repeat(200_000 / AGENCY.len() + 1);
    let started = std::time::Instant::now();
    let article = ArticleText::new(Some(LEAD), Some(&body), Some(BASE));
    let parsed = started.elapsed();
    let started = std::time::Instant::now();
    let r = article.render(80, &Labels::UKRAINIAN);
    let rendered = started.elapsed();
    eprintln!(
        "200 KB: parse {parsed:?}, render {rendered:?}, {} lines",
        r.lines.len()
    );
    assert!(r.lines.len() > 2000);
    assert!(rendered.as_secs_f64() < 5.0);
}
