//! Unit tests of the whole article pipeline: layout invariants at many widths, links, lead.

use super::*;
use unicode_width::UnicodeWidthStr;

const WIDTHS: [usize; 7] = [1, 2, 5, 20, 40, 80, 100];
const BASE: &str = "http://monitor.cn.ua/ua/city/70300";

fn render(lead: Option<&str>, body: &str, width: usize) -> Rendered {
    ArticleText::new(lead, Some(body), Some(BASE)).render(width, &Labels::UKRAINIAN)
}

/// The lines before the link list (which alone may exceed the width).
fn body_lines(r: &Rendered) -> &[String] {
    let list = if r.links.is_empty() {
        0
    } else {
        r.links.len() + 2
    };
    &r.lines[..r.lines.len() - list]
}

fn assert_fits(r: &Rendered, width: usize) {
    for line in body_lines(r) {
        assert!(line.width() <= width, "wider than {width}: {line:?}");
        assert_eq!(line.trim_end(), line, "trailing space: {line:?}");
        assert!(!line.chars().any(|c| c.is_control()), "control: {line:?}");
    }
    for line in &r.lines {
        assert_eq!(line.trim_end(), line, "trailing space: {line:?}");
    }
}

const NASTY: &str = "<h1>Заголовок</h1><p>Словоякенепоміщаєтьсяувжодинрядокнавітьнавісімдесятьсимволівширинищеідалі\
    і ще трохи тексту 🇺🇦 ▪️ 中文字符 е\u{301} 👨\u{200d}👩\u{200d}👧</p>\
    <ul><li>Пункт <ol><li>вкладений</li></ol></li></ul>\
    <blockquote><blockquote><p>Цитата в цитаті</p></blockquote></blockquote>\
    <table><tr><td>клітинка один</td><td>клітинка два</td></tr></table>\
    <pre>    код    з пробілами\tі табом</pre>";

#[test]
fn no_line_wider_than_width_at_any_width() {
    let agency = include_str!("../../tests/fixtures/article/agency.html");
    for body in [agency, NASTY] {
        for width in WIDTHS {
            let r = render(Some("Лід."), body, width);
            assert!(!body_lines(&r).is_empty());
            assert_fits(&r, width);
        }
    }
}

#[test]
fn links_are_the_same_at_every_width_and_on_rerender() {
    let agency = include_str!("../../tests/fixtures/article/agency.html");
    let article = ArticleText::new(None, Some(agency), Some(BASE));
    let first = article.render(80, &Labels::UKRAINIAN);
    assert_eq!(first.links.len(), 7);
    for width in WIDTHS {
        assert_eq!(article.render(width, &Labels::UKRAINIAN).links, first.links);
    }
    assert_eq!(article.render(80, &Labels::UKRAINIAN), first);
}

#[test]
fn headings_lists_and_quotes() {
    let r = render(None, NASTY, 100);
    assert_eq!(r.lines[0], "Заголовок");
    assert!(r.lines.iter().any(|l| l == "- Пункт"), "{:#?}", r.lines);
    assert!(r.lines.iter().any(|l| l.trim_start() == "1. вкладений"));
    assert!(r.lines.iter().any(|l| l == "    Цитата в цитаті"));
    assert!(!r.lines.iter().any(|l| l.contains('#')));
}

#[test]
fn plain_text_body_with_blank_line_paragraphs() {
    let body = "Перший абзац,\nщо триває.\n\n\u{a0}\nДругий абзац — https://x.ua/a.\n";
    let r = render(None, body, 80);
    assert_eq!(
        r.lines,
        [
            "Перший абзац, що триває.",
            "",
            "Другий абзац — [1].",
            "",
            "Посилання:",
            "[1] https://x.ua/a",
        ]
    );
}

#[test]
fn lead_shown_unless_body_starts_with_it() {
    let lead = "Чернігів&nbsp;отримав нові автобуси.";
    let same = "<p><b>Чернігів отримав</b> нові автобуси. Їх передали партнери.</p>";
    let r = render(Some(lead), same, 80);
    assert_eq!(
        r.lines,
        ["Чернігів отримав нові автобуси. Їх передали партнери."]
    );
    let other = "<p>Їх передали партнери.</p>";
    let r = render(Some(lead), other, 80);
    assert_eq!(
        r.lines,
        [
            "Чернігів отримав нові автобуси.",
            "",
            "Їх передали партнери."
        ]
    );
    let r = ArticleText::new(Some(lead), None, None).render(80, &Labels::UKRAINIAN);
    assert_eq!(r.lines, ["Чернігів отримав нові автобуси."]);
}

#[test]
fn escapes_and_bidi_are_stripped_from_text_and_links() {
    let body = "<p>Текст\u{1b}[31m червоний\u{202e} &#27;[2J&#x202E;кінець\u{7}</p>\
        <a href=\"https://x.ua/\u{1b}]0;title\u{7}a\u{202e}b\">лінк</a> \
        <a href=\"https://x.ua/&#27;[2Jc\">ще</a>";
    let r = render(None, body, 80);
    let bad = |s: &str| {
        s.chars()
            .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c))
    };
    assert!(!r.lines.iter().any(|l| bad(l)), "{:#?}", r.lines);
    assert!(!r.links.iter().any(|l| bad(l)), "{:#?}", r.links);
    assert_eq!(r.lines[0], "Текст червоний кінець");
    assert_eq!(r.links[0], "https://x.ua/ab");
}

#[test]
fn scripts_styles_noscript_iframe_dropped() {
    let body = "<p>Так</p><script>alert('ні')</script><style>p{color:red}</style>\
        <noscript>ні</noscript><iframe src=\"https://y.ua\">ні</iframe><p>Так</p>";
    let r = render(None, body, 80);
    assert_eq!(r.lines, ["Так", "", "Так"]);
}

#[test]
fn images_with_and_without_alt_and_english_labels() {
    let body = "<p><img src=\"/a.jpg\" alt=\"Фото\"></p><p><img data-src=\"b.png\"></p>\
        <p><a href=\"/a.jpg\"><img src=\"/a.jpg\" alt=\"Те саме\"></a></p>";
    let article = ArticleText::new(None, Some(body), Some(BASE));
    let r = article.render(80, &Labels::ENGLISH);
    assert_eq!(
        r.lines,
        [
            "[image: Фото][1]",
            "",
            "[image][2]",
            "",
            "[image: Те саме][1]",
            "",
            "Links:",
            "[1] http://monitor.cn.ua/a.jpg",
            "[2] http://monitor.cn.ua/ua/city/b.png",
        ]
    );
}

#[test]
fn empty_input_renders_nothing_and_width_zero_is_one() {
    let empty = ArticleText::new(Some("  "), Some("\n"), None);
    assert_eq!(empty.render(80, &Labels::UKRAINIAN), Rendered::default());
    let r = render(None, "<p>ab</p>", 0);
    assert_eq!(r.lines, ["a", "b"]);
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let body = format!(
        "{}текст{}",
        "<blockquote>".repeat(300),
        "</blockquote>".repeat(300)
    );
    let r = render(None, &body, 40);
    assert_fits(&r, 40);
    let body: String = r
        .lines
        .iter()
        .skip_while(|l| !l.is_empty())
        .flat_map(|l| l.chars())
        .filter(|c| c.is_alphabetic())
        .collect();
    assert_eq!(body, "текст");
    assert!(r.lines[0].contains("вкладено"), "{:?}", r.lines);
}

const FUZZ_ROUNDS: usize = 400;

/// Random mixes of awkward fragments at small widths: html2text must not panic, and the
/// layout rules must hold.
#[test]
fn random_awkward_fragments_hold_the_rules() {
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<ul><li>",
        "</li></ul>",
        "<ol start=\"-3\"><li>",
        "<blockquote>",
        "</blockquote>",
        "<h3>",
        "</h3>",
        "<a href=\"/x\">",
        "</a>",
        "<img src=\"i.png\" alt=\"▪\u{fe0f}\">",
        "<table><tr><td>",
        "</td><td>",
        "</td></tr></table>",
        "<pre>",
        "</pre>",
        "<br>",
        " ",
        "▪\u{fe0f}",
        "👨\u{200d}👩\u{200d}👧",
        "🇺🇦",
        "中文",
        "е\u{301}",
        "لا",
        "слово",
        "довжелезнесловобезжоднихпробілів",
        "https://x.ua/дуже/довга/адреса",
        "&nbsp;",
        "\t",
        "&#65039;",
        "&#128314;",
        "\u{1b}[2J",
        "\u{202e}",
        "<sup>2</sup>",
        "<code>x</code>",
        "<pre>  </pre>",
        "   ",
        "\n",
        "&#9;",
        "<dl><dt>",
        "<dd>",
        "<div>",
        "</div>",
        "<q>",
        "<s>",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..FUZZ_ROUNDS {
        let mut html = String::new();
        for _ in 0..12 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            html.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
        }
        let article = ArticleText::new(None, Some(&html), Some(BASE));
        for width in 1..=12 {
            if std::env::var_os("CHMON_FUZZ_TRACE").is_some() {
                eprintln!("{width} {html:?}");
            }
            assert_fits(&article.render(width, &Labels::UKRAINIAN), width);
        }
    }
}

#[test]
fn article_text_can_move_to_another_thread() {
    fn assert_send<T: Send>() {}
    assert_send::<ArticleText>();
    assert_send::<Rendered>();
}
