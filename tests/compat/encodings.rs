//! Feed compatibility, encodings: UTF-16 and UTF-32 told from the first bytes, undeclared
//! Cyrillic detected, `iso-8859-1`/`us-ascii` as windows-1252, `&#128;`–`&#159;` through
//! windows-1252.

use super::{feed, text, titles, utc};

/// The Ukrainian items of make_fixtures.py, as every encoding must give them.
fn check_ukrainian(name: &str) {
    let f = feed(name);
    assert_eq!(f.title.as_deref(), Some("Новини громади"), "{name}");
    assert_eq!(
        titles(&f),
        vec![
            "Чернігів готується до зими",
            "У Ніжині відкрили новий сквер",
            "Прилуки: ремонт дороги"
        ],
        "{name}"
    );
    assert_eq!(
        text(&f.items[2]),
        "Роботи триватимуть до кінця місяця, об'їзд вулицею Київською.",
        "{name}"
    );
    assert_eq!(f.items[0].published, utc("2026-12-01T08:00:00Z"), "{name}");
    assert_eq!(
        f.items[0].link.as_deref(),
        Some("http://hromada.example.ua/1")
    );
}

fn check_russian(name: &str) {
    let f = feed(name);
    assert_eq!(
        titles(&f),
        vec![
            "Чернигов готовится к зиме",
            "В Нежине открыли новый сквер",
            "Прилуки: ремонт дороги"
        ],
        "{name}"
    );
    assert_eq!(text(&f.items[1]), "Жители высадили сорок лип и клёнов.");
}

#[test]
fn utf16_and_utf32_both_byte_orders_with_and_without_bom() {
    for name in [
        "utf16le-bom.xml",
        "utf16be.xml",
        "utf32le.xml",
        "utf32be-bom.xml",
    ] {
        check_ukrainian(name);
    }
}

#[test]
fn undeclared_cyrillic_is_detected() {
    for name in ["cp1251.xml", "koi8u.xml", "iso8859-5.xml"] {
        check_ukrainian(name);
    }
    for name in ["koi8r.xml", "ibm866.xml"] {
        check_russian(name);
    }
}

#[test]
fn latin1_and_us_ascii_labels_are_windows_1252() {
    for name in ["latin1.xml", "us-ascii.xml"] {
        let f = feed(name);
        assert_eq!(f.title.as_deref(), Some("Café notes"), "{name}");
        assert_eq!(titles(&f), vec!["It’s “new”"], "{name}");
        assert_eq!(text(&f.items[0]), "Price: 5€ – fair.", "{name}");
    }
}

#[test]
fn numeric_references_128_to_159_are_windows_1252() {
    let f = feed("c1-refs.xml");
    assert_eq!(f.title.as_deref(), Some("Refs’ test"));
    assert_eq!(titles(&f), vec!["It’s “quoted” – twice"]);
    assert_eq!(f.items[0].lead.as_deref(), Some("Price €5 ’escaped twice’"));
    assert_eq!(
        text(&f.items[0]),
        "Price €5 ’escaped twice’\n\nIn CDATA: don’t stop … the body is longer than the lead."
    );
}
