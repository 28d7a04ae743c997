//! Feed compatibility, item fields: Dublin Core and Media RSS fallbacks, content:encoded over
//! description, authors, links, titles and content types, identity, JSON Feed 1.0 and 1.1.

use super::{feed, links, text, titles, utc};

#[test]
fn dublin_core_and_dcterms_fallbacks() {
    let f = feed("fallbacks.xml");
    assert_eq!(
        titles(&f),
        vec![
            "Засідання сесії",
            "Повінь на Десні",
            "Концерт у філармонії",
            "Оновлено розклад",
            "Відеорепортаж з ярмарку"
        ]
    );
    let a = &f.items[0];
    assert_eq!(a.published, utc("2024-03-05T08:00:00Z"));
    assert_eq!(a.author.as_deref(), Some("Ірина Савченко"));
    assert_eq!(text(a), "Депутати розглянули бюджет.");
    let dates: Vec<_> = f.items[1..4].iter().map(|i| i.published).collect();
    assert_eq!(
        dates,
        vec![
            utc("2024-03-06T09:00:00Z"),
            utc("2024-03-07T06:00:00Z"),
            utc("2024-03-08T05:30:00Z")
        ]
    );
}

#[test]
fn content_encoded_only_when_longer_than_the_description() {
    let f = feed("fallbacks.xml");
    // A stub content:encoded loses to the description.
    assert_eq!(
        text(&f.items[1]),
        "Рівень води піднявся на пів метра за добу; рятувальники попереджають мешканців\nприбережних сіл."
    );
    // A longer one is the body, under its lead.
    assert_eq!(
        text(&f.items[2]),
        "Коротко про концерт.\n\nОркестр зіграв твори Лятошинського та Скорика; зал був повний."
    );
}

#[test]
fn media_title_description_and_thumbnail() {
    let f = feed("fallbacks.xml");
    let v = &f.items[4];
    assert_eq!(v.title, "Відеорепортаж з ярмарку");
    assert_eq!(v.published, utc("2024-03-09T16:00:00Z"));
    assert_eq!(
        text(v),
        "[image][1]\n\nЯрмарок на Красній площі.\nГончарі, ковалі & пасічники.\n\n\
         Links:\n[1] http://radio.example.ua/img/5.jpg?w=320&h=180"
    );
    assert!(
        v.body
            .as_deref()
            .unwrap()
            .starts_with("<p><img src=\"http://radio.example.ua/img/5.jpg?w=320&amp;h=180\"")
    );
}

#[test]
fn youtube_like_feed_whose_only_text_is_media_description() {
    let f = feed("youtube.xml");
    assert_eq!(f.title.as_deref(), Some("Майстерня Гончара"));
    assert_eq!(
        f.link.as_deref(),
        Some("https://video.example.com/channel/UC123")
    );
    assert_eq!(titles(&f), vec!["Як зробити глечик", "Анонс"]);
    let v = &f.items[0];
    assert_eq!(v.key, "yt:video:abc123");
    assert_eq!(
        v.link.as_deref(),
        Some("https://video.example.com/watch?v=abc123")
    );
    assert_eq!(v.author.as_deref(), Some("Майстерня Гончара"));
    assert_eq!(v.published, utc("2026-11-20T15:00:06Z"));
    assert_eq!(
        text(v),
        "[image][1]\n\nПокроково: від глини до випалу.\n\nМатеріали: глина, гончарний круг & піч.\n\
         Підписуйтеся! <3\n\nLinks:\n[1] https://img.example.com/vi/abc123/hqdefault.jpg"
    );
    // An empty media:description (feed-rs refuses the whole feed over it) leaves the thumbnail.
    assert_eq!(
        text(&f.items[1]),
        "[image][1]\n\nLinks:\n[1] https://img.example.com/vi/def456/hqdefault.jpg"
    );
}

#[test]
fn authors_become_names_and_several_are_joined() {
    let f = feed("authors-rss.xml");
    let authors: Vec<_> = f.items.iter().map(|i| i.author.as_deref()).collect();
    assert_eq!(
        authors,
        vec![
            Some("Joe Bloggs"),
            Some("Jane Roe"),
            Some("Олена Коваль, Тарас Гнатюк"),
            Some("desk@example.com"),
        ]
    );
    let g = feed("authors-atom.xml");
    assert_eq!(
        g.items[0].author.as_deref(),
        Some("Anna, Bohdan, c@example.com")
    );
}

#[test]
fn rss_links_permalink_guids_and_xml_base() {
    let f = feed("links-rss.xml");
    assert_eq!(
        links(&f),
        vec![
            Some("http://links.example.ua/p/1"),
            None,
            Some("http://links.example.ua/news/3.html"),
            Some("http://other.example.ua/blog/four/"),
            Some("http://links.example.ua/five"),
        ]
    );
    let keys: Vec<_> = f.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys[1], "http://links.example.ua/p/2");
    assert_eq!(keys[4], "http://links.example.ua/p/5");
}

#[test]
fn atom_prefers_alternate_http_links() {
    let f = feed("links-atom.xml");
    assert_eq!(f.link.as_deref(), Some("http://links.example.ua/blog/"));
    assert_eq!(
        links(&f),
        vec![
            Some("http://links.example.ua/blog/2024/first-post"),
            Some("http://elsewhere.example.org/story"),
            Some("http://links.example.ua/archive/third"),
            None,
        ]
    );
}

#[test]
fn atom_titles_and_content_types() {
    let f = feed("titles-atom.xml");
    assert_eq!(f.title.as_deref(), Some("Example Atom feed"));
    assert_eq!(
        titles(&f),
        vec![
            "Example Atom",
            "Example Atom",
            "Tags <b> stay",
            "Empty type",
            "Unknown type",
            "Inline markup in html"
        ]
    );
    // type="text" is shown as written: the tag is visible text.
    assert_eq!(
        text(&f.items[0]),
        "Less is more: <blink>blink</blink> & co."
    );
    assert_eq!(text(&f.items[1]), "Inline XHTML");
    assert_eq!(text(&f.items[2]), "Default type is text: <p> shows.");
    assert_eq!(text(&f.items[3]), "Empty content type");
    assert_eq!(
        text(&f.items[4]),
        "Unknown summary type\n\nHTML by MIME type"
    );
    assert_eq!(text(&f.items[5]), "Unescaped markup in an html content");
}

#[test]
fn rss_titles_lose_markup_and_descriptions_keep_xhtml() {
    let f = feed("titles-rss.xml");
    assert_eq!(
        titles(&f),
        vec!["Example RSS", "Example inline RSS", "Vec<T> is not HTML"]
    );
    assert_eq!(text(&f.items[0]), "Escaped HTML lead.");
    assert_eq!(
        text(&f.items[1]),
        "Unescaped XHTML lead\n\nSecond paragraph"
    );
    assert_eq!(
        text(&f.items[2]),
        "Text before a link[1] and after.\n\nLinks:\n[1] http://titles.example.com/x"
    );
}

#[test]
fn items_with_neither_guid_nor_link_are_told_apart_by_their_text() {
    let (a, b) = (feed("identity.xml"), feed("identity.xml"));
    let keys: Vec<_> = a.items.iter().map(|i| i.key.clone()).collect();
    assert_eq!(keys.len(), 3, "the fourth repeats the first: {keys:?}");
    assert_eq!(
        keys,
        b.items.iter().map(|i| i.key.clone()).collect::<Vec<_>>()
    );
    let texts: Vec<_> = a.items.iter().map(super::text).collect();
    assert_eq!(texts, vec!["First note.", "Second note.", "Third note."]);
    assert!(keys.iter().all(|k| k.starts_with("h:")));
}

#[test]
fn json_feed_1_0_and_1_1() {
    let f = feed("feed10.json");
    assert_eq!(f.title.as_deref(), Some("JSON 1.0"));
    assert_eq!(titles(&f), vec!["Перший", "Другий"]);
    assert_eq!(
        links(&f),
        vec![
            Some("https://json.example.ua/1"),
            Some("https://json.example.ua/2")
        ]
    );
    let authors: Vec<_> = f.items.iter().map(|i| i.author.as_deref()).collect();
    assert_eq!(authors, vec![Some("Редакція"), Some("Авторка")]);
    assert_eq!(f.items[0].published, utc("2024-02-01T08:00:00Z"));
    assert_eq!(f.items[1].published, utc("2024-02-02T10:00:00Z"));
    // content_text is plain text: shown as written.
    assert_eq!(text(&f.items[0]), "Текст <тег> як є.\n\nДругий абзац.");
    assert_eq!(text(&f.items[1]), "Лід\n\nHTML");
    let g = feed("feed11.json");
    assert_eq!(g.items[0].author.as_deref(), Some("Ірина, Марко"));
    assert_eq!(g.items[0].published, utc("2024-02-03T08:00:00Z"));
    assert_eq!(text(&g.items[0]), "Тіло");
    let h = feed("feed-http-version.json");
    assert_eq!(h.items[0].key, "42");
    assert_eq!(text(&h.items[0]), "Текст");
}
