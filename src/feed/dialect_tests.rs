//! Tests of the dialect rewrites, through the repair pass that applies them.

use super::super::repair::repair;

fn fixed(xml: &str) -> String {
    repair(xml).unwrap().xml
}

#[test]
fn atom_0_3_namespace_and_modes() {
    let xml = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>\
        <title mode=\"escaped\" type=\"text/html\">A &amp;lt;b&amp;gt;</title>\
        <content type=\"application/xhtml+xml\" mode=\"xml\"><div>x</div></content>\
        <summary type=\"text/plain\" mode=\"base64\">eA==</summary>\
        <content type=\"application/xhtml+xml\" mode=\"escaped\">y</content></entry></feed>";
    assert_eq!(
        fixed(xml),
        "<feed version=\"0.3\" xmlns=\"http://www.w3.org/2005/Atom\"><entry>\
        <title mode=\"escaped\" type=\"html\">A &amp;lt;b&amp;gt;</title>\
        <content type=\"xhtml\" mode=\"xml\"><div>x</div></content>\
        <summary type=\"text\" mode=\"base64\">eA==</summary>\
        <content type=\"html\" mode=\"escaped\">y</content></entry></feed>"
    );
}

#[test]
fn atom_types_feed_rs_would_refuse_are_mapped() {
    let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>\
        <title type=\"\">a</title><summary type=\"TEXT\">b</summary>\
        <content type=\"text/plain\">c</content><rights type=\"HTML\">d</rights>\
        <content type='application/atom+xml'>e</content><title>f</title>\
        <content src=\"http://x/1\" type=\"text/html\">g</content>\
        <content src=\"http://x/2\" type=\"text/html\"/></entry></feed>";
    assert_eq!(
        fixed(xml),
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>\
        <title type=\"text\">a</title><summary type=\"text\">b</summary>\
        <content type=\"text\">c</content><rights type=\"html\">d</rights>\
        <content type=\"xhtml\">e</content><title>f</title>\
        <content  type=\"html\">g</content>\
        <content src=\"http://x/2\" type=\"html\"/></entry></feed>"
    );
}

#[test]
fn rss_0_90_namespace_and_rdf_items_without_link() {
    let xml = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
        xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>T</title></channel>\
        <item rdf:about=\"http://x.ua/1\"><title>1</title></item>\
        <item rdf:about=\"http://x.ua/2\"><title>2</title><link>http://x.ua/two</link></item>\
        <item><title>3</title></item></rdf:RDF>";
    assert_eq!(
        fixed(xml),
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
        xmlns=\"http://purl.org/rss/1.0/\"><channel><title>T</title></channel>\
        <item rdf:about=\"http://x.ua/1\"><title>1</title><link>http://x.ua/1</link></item>\
        <item rdf:about=\"http://x.ua/2\"><title>2</title><link>http://x.ua/two</link></item>\
        <item><title>3</title><link>urn:x-chmon:no-link</link></item></rdf:RDF>"
    );
}

#[test]
fn extension_namespaces_feed_rs_refuses_over_are_renamed_away() {
    let xml = "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\" \
        xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel>\
        <item xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><media:description/></item>\
        </channel></rss>";
    let out = fixed(xml);
    assert!(!out.contains("yahoo") && !out.contains("itunes.com") && !out.contains("podcastindex"));
    assert!(out.contains("xmlns:media=\"urn:x-chmon:mrss\""), "{out}");
    // RSS 2.0 tags without namespaces are written as they came.
    let plain =
        "<rss version=\"2.0\"><channel><item><title type=\"x\">a</title></item></channel></rss>";
    assert_eq!(fixed(plain), plain);
}
