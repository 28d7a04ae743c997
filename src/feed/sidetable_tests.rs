//! Tests of the side table: which element fills which field, markup kept only when present.

use super::*;

#[test]
fn collects_dates_and_full_text_per_item() {
    let xml = r#"<rss><channel><pubDate>channel date</pubDate>
        <item><title>1</title><pubDate> Вт, 12 січ 2021 13:01 </pubDate>
          <yandex:full-text><![CDATA[<p>Тіло &laquo;1&raquo;</p>]]></yandex:full-text></item>
        <item><title>2</title><yandex:full-text>&lt;p&gt;A &amp;#128314; &#171;</yandex:full-text></item>
        <item><dc:date>2021-01-12</dc:date><pubDate>later</pubDate><yandex:full-text/></item>
        <item><yandex:full-text><p>raw <b>html</b></p></yandex:full-text></item>
    </channel></rss>"#;
    let items = scan(xml);
    assert_eq!(items.len(), 4);
    assert_eq!(items[0].get(Field::Date), Some("Вт, 12 січ 2021 13:01"));
    assert_eq!(
        items[0].get(Field::FullText),
        Some("<p>Тіло &laquo;1&raquo;</p>")
    );
    assert_eq!(items[1].get(Field::Date), None);
    assert_eq!(items[1].get(Field::FullText), Some("<p>A &#128314; «"));
    assert_eq!(items[2].get(Field::Date), Some("2021-01-12"));
    assert_eq!(items[2].get(Field::FullText), None);
    assert_eq!(
        items[3].get(Field::FullText),
        Some("<p>raw <b>html</b></p>")
    );
}

#[test]
fn markup_is_kept_only_where_an_element_holds_it() {
    let xml = r#"<rss><channel>
        <item><title>Plain &amp; simple</title><description><![CDATA[<p>CDATA</p>]]></description>
          <content:encoded>&lt;p&gt;escaped&lt;/p&gt;</content:encoded></item>
        <item><title>Example <b>RSS</b></title>
          <description>Lead <p>with <i>XHTML</i> &amp; more</p></description>
          <content:encoded><div><p>Body</p></div></content:encoded></item>
    </channel></rss>"#;
    let items = scan(xml);
    for field in [Field::Title, Field::Summary, Field::Content] {
        assert_eq!(items[0].get(field), None, "{field:?}");
    }
    assert_eq!(items[1].get(Field::Title), Some("Example <b>RSS</b>"));
    assert_eq!(
        items[1].get(Field::Summary),
        Some("Lead <p>with <i>XHTML</i> & more</p>")
    );
    assert_eq!(items[1].get(Field::Content), Some("<div><p>Body</p></div>"));
}

#[test]
fn fallbacks_dates_and_attributes() {
    let xml = r#"<rdf:RDF><item rdf:about="http://x.ua/1"><dc:title>DC</dc:title>
          <dc:description>Опис</dc:description><dcterms:modified>2021-02-01</dcterms:modified>
          <dcterms:issued>2021-01-01</dcterms:issued></item>
        <item><guid>http://x.ua/g</guid><source><title>S</title><updated>never</updated></source>
          <media:group><media:title>Відео</media:title><media:description type="html">&lt;b&gt;x&lt;/b&gt;</media:description>
          <media:thumbnail url="http://i.ua/a.jpg?x=1&amp;y=2"/><media:thumbnail url="http://i.ua/b.jpg"/></media:group></item>
        <entry><issued>2004-01-02T03:04:05Z</issued><modified>2004-01-03T00:00:00Z</modified>
          <content type="text/html" mode="base64">PHA+SGk8L3A+</content></entry></rdf:RDF>"#;
    let items = scan(xml);
    assert_eq!(items.len(), 3);
    let a = &items[0];
    assert_eq!(a.get(Field::About), Some("http://x.ua/1"));
    assert_eq!(a.get(Field::DcTitle), Some("DC"));
    assert_eq!(a.get(Field::DcDescription), Some("Опис"));
    assert_eq!(a.get(Field::Date), Some("2021-01-01"));
    assert_eq!(a.get(Field::Updated), Some("2021-02-01"));
    let b = &items[1];
    assert_eq!(b.guid_permalink, None);
    assert_eq!(
        b.get(Field::Updated),
        None,
        "a <source>'s date is not the item's"
    );
    assert_eq!(b.get(Field::Title), None);
    assert_eq!(b.get(Field::MediaTitle), Some("Відео"));
    assert_eq!(b.get(Field::MediaDescription), Some("<b>x</b>"));
    assert!(b.media_description_html);
    assert_eq!(b.get(Field::Thumbnail), Some("http://i.ua/a.jpg?x=1&y=2"));
    let c = &items[2];
    assert_eq!(c.get(Field::Date), Some("2004-01-02T03:04:05Z"));
    assert_eq!(c.get(Field::Updated), Some("2004-01-03T00:00:00Z"));
    assert_eq!(c.get(Field::Base64Content), Some("<p>Hi</p>"));
    assert!(c.base64_html);
}
