//! Unit tests of XML repair (included by `repair.rs`).

use super::*;

fn fixed(s: &str) -> String {
    repair(s).map(|r| r.xml).unwrap_or_default()
}

#[test]
fn entities_outside_cdata_only() {
    let s = "<t>&laquo;A&raquo; &nbsp;&amp;&lt;&#39;&#x41; AT&T &bogus; &</t><d><![CDATA[&laquo; & x]]></d>";
    let want = "<t>&#171;A&#187; &#160;&amp;&lt;&#39;&#65; AT&amp;T &amp;bogus; &amp;</t><d><![CDATA[&laquo; & x]]></d>";
    assert_eq!(fixed(&format!("<r>{s}</r>")), format!("<r>{want}</r>"));
}

#[test]
fn attributes_and_stray_lt() {
    assert_eq!(
        fixed("<r><a href=\"?a=1&b=2\">1 < 2</a></r>"),
        "<r><a href=\"?a=1&amp;b=2\">1 &lt; 2</a></r>"
    );
}

#[test]
fn controls_removed_escapes_kept_as_c1() {
    let s = "<r>a\u{1b}[31mb\u{0}c&#27;[0m&#1;d\u{1b}]0;x\u{7}\u{ffff}<![CDATA[\u{1b}[2J]]></r>";
    assert_eq!(
        fixed(s),
        "<r>a\u{9b}31mbc\u{9b}0md\u{9d}0;x\u{9c}<![CDATA[\u{9b}2J]]></r>"
    );
}

#[test]
fn truncated_feed_keeps_complete_items() {
    let s = "<rss version=\"2.0\"><channel><title>T</title><item><title>1</title></item><item><title>2</title></item><item><title>3</ti";
    let r = repair(s).unwrap();
    assert!(r.truncated);
    assert_eq!(
        r.xml,
        "<rss version=\"2.0\"><channel><title>T</title><item><title>1</title></item><item><title>2</title></item></channel></rss>"
    );
    let cut_in_text = "<feed><entry><id>1</id></entry><entry><id>2</id><title>abc";
    assert_eq!(
        repair(cut_in_text).unwrap().xml,
        "<feed><entry><id>1</id></entry></feed>"
    );
}

#[test]
fn rss_root_version_normalised() {
    assert_eq!(
        fixed("<rss><channel/></rss>"),
        "<rss version=\"2.0\"><channel/></rss>"
    );
    assert_eq!(
        fixed("<rss version='2.01' a='1'></rss>"),
        "<rss version=\"2.0\" a='1'></rss>"
    );
    assert_eq!(
        fixed("<rss version=\"0.91\"></rss>"),
        "<rss version=\"0.91\"></rss>"
    );
    assert_eq!(fixed("<x><rss></rss></x>"), "<x><rss></rss></x>");
    assert_eq!(
        fixed("<rss version = \"2.0\"></rss>"),
        "<rss version = \"2.0\"></rss>"
    );
}

#[test]
fn truncated_before_any_item_is_an_error() {
    assert_eq!(
        repair("<rss><channel><title>T</tit"),
        Err(RepairError::TruncatedEmpty)
    );
}

#[test]
fn complete_feed_untouched_and_trailing_junk_dropped() {
    let s = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item><title>1</title></item></channel></rss>";
    let r = repair(&format!("{s}\n<b>Warning</b>: junk")).unwrap();
    assert!(!r.truncated);
    assert_eq!(r.xml, s);
}
