//! Feed compatibility through the other paths: the CLI (a document that is no feed exits 1 with
//! one line; a dialect that used to give a silent "0 total" stores its items) and the chunked
//! refresh of a big feed (over 1 MiB, parsed in pieces), which must store what the
//! whole-document parse gives, dialect by dialect.

use std::path::Path;
use std::process::{Command, Output};

use chmon::feed::fetch::{FetchOptions, Fetcher};
use chmon::feed::parse::{Parsed, parse_body};
use chmon::model::ParsedFeed;
use chmon::refresh::refresh;
use chmon::store::Store;
use chrono::Utc;

use super::common::{Route, TestServer, fixture};

fn chmon(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chmon"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("TZ", "UTC")
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .output()
        .expect("run chmon")
}

fn fixture_path(name: &str) -> String {
    format!(
        "{}/tests/fixtures/compat/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn cli_refuses_a_document_that_is_no_feed_with_one_line() {
    for name in [
        "not-a-feed.txt",
        "not-a-feed.opml",
        "empty-root.xml",
        "foreign-root.xml",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = chmon(dir.path(), &["--feed", &fixture_path(name), "refresh"]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(out.stdout.is_empty(), "{name}: no \"0 total\"");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        let named = err.contains("not a feed") || err.contains("no item could be read");
        assert!(err.starts_with("chmon: ") && named, "{err}");
    }
    // Over HTTP too.
    let server = TestServer::start();
    server.route(
        "/feed.xml",
        Route::ok(fixture("compat/not-a-feed.opml")).header("Content-Type", "text/xml"),
    );
    let dir = tempfile::tempdir().unwrap();
    let out = chmon(dir.path(), &["--feed", &server.url("/feed.xml"), "refresh"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&server.url("/feed.xml")), "{err}");
}

#[test]
fn cli_reads_atom_0_3_and_rss_0_90_that_gave_0_total() {
    for (name, want) in [
        ("atom03.xml", "3 new"),
        ("rss090.xml", "2 new"),
        ("youtube.xml", "2 new"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = chmon(dir.path(), &["--feed", &fixture_path(name), "refresh"]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.starts_with(want), "{name}: {stdout}");
    }
}

/// A feed of `n` items in one of the dialects below, over 1 MiB once n ≥ 1500.
fn big(dialect: &str, n: usize) -> Vec<u8> {
    let filler = "Текст новини про події громади. ".repeat(25);
    let (head, tail) = match dialect {
        "atom03" => (
            "<?xml version=\"1.0\"?><feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Big 0.3</title>",
            "</feed>",
        ),
        "rdf" => (
            "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
             xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
             <channel rdf:about=\"http://big.example.ua/\"><title>Big RDF</title></channel>",
            "</rdf:RDF>",
        ),
        _ => (
            "<rss version=\"0.92\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Big notes</title>",
            "</channel></rss>",
        ),
    };
    let mut s = String::from(head);
    for i in 0..n {
        s.push_str(&match dialect {
            "atom03" => format!(
                "<entry><title mode=\"escaped\" type=\"text/html\">Запис &lt;b&gt;{i}&lt;/b&gt;</title>\
                 <link rel=\"alternate\" href=\"http://big.example.ua/{i}\"/><id>tag:big,{i}</id>\
                 <issued>2005-03-07T18:30:00+02:00</issued><author><name>Автор {}</name></author>\
                 <content type=\"text/html\" mode=\"escaped\">&lt;p&gt;{filler}{i}&lt;/p&gt;</content></entry>",
                i % 3
            ),
            "rdf" => format!(
                "<item rdf:about=\"http://big.example.ua/r/{i}\"><title>Запис {i}</title>\
                 <dc:date>2023-05-22T09:00:00+03:00</dc:date><dc:creator>Автор</dc:creator>\
                 <description>{filler}{i}</description></item>"
            ),
            _ => format!(
                "<item><description>{filler} {k}</description><media:thumbnail url=\"http://i.ua/{k}.jpg\"/></item>",
                k = i.div_ceil(2)
            ),
        });
    }
    s.push_str(tail);
    let bytes = if dialect == "koi8" {
        encoding_rs::KOI8_U.encode(&s).0.into_owned()
    } else {
        s.into_bytes()
    };
    assert!(bytes.len() > 1 << 20);
    bytes
}

fn whole(bytes: &[u8]) -> ParsedFeed {
    match parse_body(bytes, None, "file:///big.xml").unwrap() {
        Parsed::Feed(f) => f,
        Parsed::Page { .. } => panic!("page"),
    }
}

#[test]
fn big_feeds_in_every_dialect_store_what_the_whole_parse_gives() {
    for dialect in ["atom03", "rdf", "notes", "koi8"] {
        let bytes = big(dialect, 1600);
        let want = whole(&bytes);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.xml");
        std::fs::write(&path, &bytes).unwrap();
        let source = path.to_string_lossy().into_owned();
        let mut store = Store::open(&dir.path().join("c.db")).unwrap();
        let fetcher = Fetcher::new(FetchOptions::default()).unwrap();
        let report = refresh(&mut store, &fetcher, &source, Utc::now()).unwrap();
        // The notes come in pairs (one pair across the first cut): 801 distinct items.
        let n = if dialect == "notes" || dialect == "koi8" {
            801
        } else {
            1600
        };
        assert_eq!(want.items.len(), n, "{dialect}");
        assert_eq!(report.stats.new, n, "{dialect}");
        let feed_id = store.feed(&source).unwrap().id;
        for i in [0, 499, 500, 501, n - 1] {
            let w = &want.items[i];
            let query = chmon::model::ListQuery::new(chmon::model::Scope::Feed(feed_id));
            let got = store.article_by_key(&query, &w.key).unwrap().unwrap();
            assert_eq!(
                (&got.title, &got.link, &got.author, &got.published),
                (&w.title, &w.link, &w.author, &w.published),
                "{dialect} {i}"
            );
            assert_eq!((&got.lead, &got.body), (&w.lead, &w.body), "{dialect} {i}");
        }
        match dialect {
            "atom03" => assert_eq!(want.items[7].title, "Запис 7"),
            "rdf" => assert_eq!(want.items[7].key, "big.example.ua/r/7"),
            _ => assert!(
                want.items[7]
                    .body
                    .as_deref()
                    .unwrap()
                    .starts_with("<p><img")
            ),
        }
    }
}
