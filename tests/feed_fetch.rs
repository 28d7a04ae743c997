//! Fetching over a loopback HTTP server: conditional GET, errors naming the URL, timeouts,
//! size limit, redirects, User-Agent, and header-only charsets end to end. No internet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::time::{Duration, Instant};

use chmon::feed::fetch::{FetchOptions, FetchOutcome, Fetched, Fetcher, Validators};
use chmon::feed::parse::{Parsed, parse_body};
use common::{Route, TestServer, fixture};

fn fetcher() -> Fetcher {
    Fetcher::new(FetchOptions::default()).unwrap()
}

fn body(outcome: FetchOutcome) -> Fetched {
    match outcome {
        FetchOutcome::Body(f) => f,
        FetchOutcome::NotModified(_) => panic!("unexpected 304"),
    }
}

#[test]
fn charset_only_in_the_http_header() {
    let server = TestServer::start();
    // KOI8-U bytes without a declaration: only the header says what they are.
    let koi = fixture("feed/koi8u.xml");
    let start = koi.iter().position(|&b| b == b'\n').unwrap() + 1;
    server.route(
        "/koi.xml",
        Route::ok(&koi[start..]).header("Content-Type", "application/rss+xml; charset=KOI8-U"),
    );
    let got = body(
        fetcher()
            .get(&server.url("/koi.xml"), &Validators::default())
            .unwrap(),
    );
    assert_eq!(
        got.content_type.as_deref(),
        Some("application/rss+xml; charset=KOI8-U")
    );
    let Ok(Parsed::Feed(f)) = parse_body(&got.bytes, got.content_type.as_deref(), &got.url) else {
        panic!()
    };
    assert_eq!(f.items[0].title, "Суд у Чернігові: \"справа закрита\"");
    // Without the header the same bytes are told to be KOI8-U by detection.
    let Ok(Parsed::Feed(g)) = parse_body(&got.bytes, None, &got.url) else {
        panic!()
    };
    assert_eq!(g.items[0].title, f.items[0].title);
}

#[test]
fn second_fetch_is_not_modified_and_sends_validators() {
    let server = TestServer::start();
    let lm = "Tue, 12 Jan 2021 11:01:47 GMT";
    server.route(
        "/feed.xml",
        Route::ok(fixture("feed/atom.xml"))
            .header("ETag", "\"v1\"")
            .header("Last-Modified", lm),
    );
    let f = fetcher();
    let first = body(
        f.get(&server.url("/feed.xml"), &Validators::default())
            .unwrap(),
    );
    assert_eq!(first.etag.as_deref(), Some("\"v1\""));
    assert_eq!(first.last_modified.as_deref(), Some(lm));
    let validators = Validators {
        etag: first.etag.clone(),
        last_modified: first.last_modified.clone(),
    };
    assert!(matches!(
        f.get(&server.url("/feed.xml"), &validators).unwrap(),
        FetchOutcome::NotModified(_)
    ));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].header("If-None-Match"), None);
    assert_eq!(requests[1].header("If-None-Match"), Some("\"v1\""));
    assert_eq!(requests[1].header("If-Modified-Since"), Some(lm));
}

#[test]
fn http_errors_name_the_url_and_status() {
    let server = TestServer::start();
    server.route("/boom", Route::status(500));
    let f = fetcher();
    let url = server.url("/boom");
    let err = f.get(&url, &Validators::default()).unwrap_err().to_string();
    assert_eq!(err, format!("{url}: HTTP 500 Internal Server Error"));
    let missing = server.url("/missing.xml");
    let err = f
        .get(&missing, &Validators::default())
        .unwrap_err()
        .to_string();
    assert_eq!(err, format!("{missing}: HTTP 404 Not Found"));
}

#[test]
fn slow_server_times_out() {
    let server = TestServer::start();
    server.route("/slow", Route::ok("late").delay(Duration::from_secs(5)));
    let opts = FetchOptions {
        timeout: Duration::from_millis(300),
        ..FetchOptions::default()
    };
    let started = Instant::now();
    let url = server.url("/slow");
    let err = Fetcher::new(opts)
        .unwrap()
        .get(&url, &Validators::default())
        .unwrap_err()
        .to_string();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(err, format!("{url}: timed out after 300ms"));
}

#[test]
fn oversize_body_is_an_error() {
    let server = TestServer::start();
    server.route("/big", Route::ok(vec![b'x'; 1000]));
    server.route("/big-no-length", Route::ok(vec![b'x'; 1000]).no_length());
    server.route("/fits", Route::ok(vec![b'x'; 100]).no_length());
    let f = Fetcher::new(FetchOptions {
        max_bytes: 100,
        ..FetchOptions::default()
    })
    .unwrap();
    for path in ["/big", "/big-no-length"] {
        let url = server.url(path);
        let err = f.get(&url, &Validators::default()).unwrap_err().to_string();
        assert_eq!(err, format!("{url}: response too large (over 100 bytes)"));
    }
    assert_eq!(
        body(f.get(&server.url("/fits"), &Validators::default()).unwrap())
            .bytes
            .len(),
        100
    );
}

#[test]
fn redirects_followed_and_limited() {
    let server = TestServer::start();
    server.route("/old", Route::redirect_to("/new"));
    server.route("/new", Route::ok("<rss/>"));
    server.route("/loop", Route::redirect_to("/loop"));
    let f = fetcher();
    let got = body(f.get(&server.url("/old"), &Validators::default()).unwrap());
    assert_eq!(got.url, server.url("/new"));
    assert_eq!(got.bytes, b"<rss/>");
    let url = server.url("/loop");
    let err = f.get(&url, &Validators::default()).unwrap_err().to_string();
    assert_eq!(err, format!("{url}: too many redirects (more than 10)"));
}

#[test]
fn user_agent_is_sent() {
    let server = TestServer::start();
    server.route("/ua", Route::ok("x"));
    fetcher()
        .get(&server.url("/ua"), &Validators::default())
        .unwrap();
    let requests = server.requests();
    assert_eq!(requests[0].method, "GET");
    assert_eq!(requests[0].path, "/ua");
    assert_eq!(
        requests[0].header("User-Agent"),
        Some(concat!("chmon/", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn connection_refused_names_the_cause() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/feed.xml");
    let err = fetcher()
        .get(&url, &Validators::default())
        .unwrap_err()
        .to_string();
    assert_eq!(err, format!("{url}: connection refused"));
}

#[test]
fn site_page_discovery_through_the_server() {
    let server = TestServer::start();
    server.route(
        "/",
        Route::ok(fixture("feed/site.html")).header("Content-Type", "text/html"),
    );
    let got = body(
        fetcher()
            .get(&server.url("/"), &Validators::default())
            .unwrap(),
    );
    match parse_body(&got.bytes, got.content_type.as_deref(), &got.url) {
        Ok(Parsed::Page { feed_urls }) => {
            assert_eq!(
                feed_urls,
                vec![server.url("/news.xml"), server.url("/news_author-58.xml")]
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn retry_after_on_429_and_503_is_kept_and_freshness_headers_are_read() {
    use chmon::feed::FeedError;
    use std::time::Duration;
    let server = TestServer::start();
    server.route("/slow", Route::status(429).header("Retry-After", "120"));
    server.route(
        "/down",
        Route::status(503).header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"),
    );
    server.route("/plain503", Route::status(503));
    server.route(
        "/fresh",
        Route::ok("<rss/>")
            .header("Cache-Control", "public, max-age=900")
            .header("Age", "300"),
    );
    let f = fetcher();
    let none = Validators::default();
    match f.get(&server.url("/slow"), &none) {
        Err(FeedError::Throttled {
            retry_after,
            status,
            ..
        }) => {
            assert_eq!(retry_after, Duration::from_secs(120));
            assert!(status.starts_with("429"), "{status}");
        }
        other => panic!("expected a throttled error, got {other:?}"),
    }
    let err = f.get(&server.url("/slow"), &none).unwrap_err().to_string();
    assert!(err.contains("the server asked to wait 2 min"), "{err}");
    assert!(
        matches!(f.get(&server.url("/down"), &none), Err(FeedError::Throttled { retry_after, .. }) if retry_after == Duration::ZERO),
        "a date in the past is no wait"
    );
    assert!(matches!(
        f.get(&server.url("/plain503"), &none),
        Err(FeedError::Http { .. })
    ));
    let fresh = body(f.get(&server.url("/fresh"), &none).unwrap());
    assert_eq!(
        fresh.freshness.lifetime(chrono::Utc::now()),
        Some(Duration::from_secs(600))
    );
}

/// `timeout_secs` is a deadline for the whole request: a body that keeps trickling (a byte
/// every 50 ms, plain or chunked) still ends at the deadline, with a one-line error.
#[test]
fn a_trickling_body_ends_at_the_deadline() {
    let server = TestServer::start();
    let body = vec![b'x'; 200];
    let pause = Duration::from_millis(50);
    server.route("/drip", Route::ok(body.clone()).trickle(pause));
    server.route("/drip-chunked", Route::ok(body).chunked().trickle(pause));
    let opts = FetchOptions {
        timeout: Duration::from_millis(700),
        ..FetchOptions::default()
    };
    let f = Fetcher::new(opts).unwrap();
    for path in ["/drip", "/drip-chunked"] {
        let url = server.url(path);
        let started = Instant::now();
        let err = f.get(&url, &Validators::default()).unwrap_err().to_string();
        let took = started.elapsed();
        assert!(took < Duration::from_millis(2500), "{path}: {took:?}");
        assert_eq!(err, format!("{url}: timed out after 700ms"), "{path}");
    }
}
