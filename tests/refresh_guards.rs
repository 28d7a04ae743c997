//! The refresh's limits, as a user meets them through the real binary: local files that are not
//! feeds or are too big, a page naming thousands of feeds, a truncated feed, and several
//! refreshes of one cache at once. Loopback server only (tests/common); no internet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Route, TestServer, fixture};

fn command(data: &Path, config: &str, args: &[&str]) -> Command {
    let config_path = data.with_extension("toml");
    std::fs::write(&config_path, config).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chmon"));
    cmd.arg("--config")
        .arg(&config_path)
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("TZ", "Europe/Kyiv")
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Waits for `child` at most `limit` (killing it after that) and returns its output.
fn finish_within(mut child: Child, limit: Duration) -> (Output, Duration) {
    let started = Instant::now();
    while started.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            return (child.wait_with_output().unwrap(), started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    panic!(
        "chmon still running after {limit:?}; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs chmon with `config`, at most 10 s; returns (exit ok, stdout, stderr, time taken).
fn run(data: &Path, config: &str, args: &[&str]) -> (bool, String, String, Duration) {
    run_within(data, config, args, Duration::from_secs(10))
}

/// [`run`] with its own time limit (old builds read `/dev/zero` until killed: keep it short).
fn run_within(
    data: &Path,
    config: &str,
    args: &[&str],
    limit: Duration,
) -> (bool, String, String, Duration) {
    let child = command(data, config, args).spawn().unwrap();
    let (out, took) = finish_within(child, limit);
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        took,
    )
}

/// 7.4: a device, a FIFO and a directory are refused at once; a file over `max_feed_mb` is
/// refused before it is read.
#[test]
fn local_files_that_are_not_feeds_or_too_big_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let fifo = dir.path().join("pipe.xml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let big = dir.path().join("big.xml");
    let mut bytes = b"<rss version=\"2.0\"><channel><title>T</title>".to_vec();
    bytes.resize(3 * 1024 * 1024, b' ');
    bytes.extend(b"</channel></rss>");
    std::fs::write(&big, &bytes).unwrap();
    let cases = [
        ("/dev/zero".to_string(), "is a device"),
        (fifo.display().to_string(), "is a FIFO"),
        (dir.path().display().to_string(), "is a directory"),
        (
            big.display().to_string(),
            "file too large (over 2097152 bytes)",
        ),
    ];
    for (source, want) in cases {
        let args = ["--feed", source.as_str(), "refresh"];
        let (ok, _, err, took) =
            run_within(&data, "max_feed_mb = 2\n", &args, Duration::from_secs(3));
        assert!(!ok, "{source}");
        assert!(took < Duration::from_secs(3), "{source}: {took:?}");
        assert_eq!(err.lines().count(), 1, "{source}: {err}");
        assert!(err.contains(want), "{source}: {err}");
    }
    // Under the limit the same file is read.
    let (ok, out, err, _) = run(
        &data,
        "max_feed_mb = 4\n",
        &["--feed", &big.display().to_string(), "refresh"],
    );
    assert!(ok, "{err}");
    assert_eq!(out, "0 new, 0 updated, 0 total\n");
}

/// 7.7: a page naming 2,000 feeds costs at most 8 of them (and `/news.xml`), all within one
/// deadline, and the error is one line of at most 300 characters.
#[test]
fn discovery_is_bounded_in_requests_time_and_words() {
    let server = TestServer::start();
    let mut page = String::from("<html><head>");
    for i in 0..2000 {
        page.push_str(&format!(
            "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feeds/{}{i}.xml\">",
            "f".repeat(40)
        ));
        server.route(
            &format!("/feeds/{}{i}.xml", "f".repeat(40)),
            Route::status(404).delay(Duration::from_millis(400)),
        );
    }
    page.push_str("</head></html>");
    server.route("/", Route::ok(page).header("Content-Type", "text/html"));
    let dir = tempfile::tempdir().unwrap();
    let site = server.url("/");
    let (ok, _, err, took) = run(
        &dir.path().join("d"),
        "timeout_secs = 1\n",
        &["--feed", &site, "refresh"],
    );
    assert!(!ok);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.trim_end().chars().count() <= 300,
        "{} chars: {err}",
        err.len()
    );
    assert!(err.contains("no feed found"), "{err}");
    assert!(took < Duration::from_millis(2500), "{took:?}");
    let requests = server.requests().len();
    assert!((2..=10).contains(&requests), "{requests} requests");
}

/// 7.16: a truncated feed keeps its complete items, stores no validators (the next refresh
/// fetches it whole again), and the CLI says so in one line with exit 1.
#[test]
fn a_truncated_feed_keeps_its_items_and_is_fetched_whole_next_time() {
    let server = TestServer::start();
    server.route(
        "/feed.xml",
        Route::ok(fixture("feed/truncated.xml"))
            .header("Content-Type", "application/rss+xml; charset=windows-1251")
            .header("ETag", "\"cut\"")
            .header("Last-Modified", "Tue, 12 Jan 2021 11:01:47 GMT"),
    );
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d");
    let url = server.url("/feed.xml");
    for _ in 0..2 {
        let (ok, out, err, _) = run(&data, "", &["--feed", &url, "refresh"]);
        assert!(!ok);
        assert_eq!(out, "");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(&url) && err.contains("truncated"), "{err}");
        assert!(err.contains("kept its 5 complete items"), "{err}");
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].header("If-None-Match"), None);
    assert_eq!(requests[1].header("If-Modified-Since"), None);
    let (ok, list, err, _) = run(&data, "", &["--feed", &url, "list"]);
    assert!(ok, "{err}");
    assert_eq!(list.lines().count(), 5, "{list}");
}

/// 7.3: five refreshes of one cache at once: one runs, the others say so in one line; none
/// says "database is locked", and the server sees one request.
#[test]
fn concurrent_refreshes_of_one_cache_run_one_at_a_time() {
    let server = TestServer::start();
    server.route(
        "/feed.xml",
        Route::ok(fixture("cli/agency-1251-nodecl.xml"))
            .header("Content-Type", "application/rss+xml; charset=windows-1251")
            .delay(Duration::from_millis(1500)),
    );
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d");
    let url = server.url("/feed.xml");
    // The first holds the lock while its request waits on the server.
    let first = command(&data, "", &["--feed", &url, "refresh"])
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let others: Vec<Child> = (0..4)
        .map(|_| {
            command(&data, "", &["--feed", &url, "refresh"])
                .spawn()
                .unwrap()
        })
        .collect();
    for child in others {
        let (out, _) = finish_within(child, Duration::from_secs(10));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert_eq!(err, "chmon: a refresh of this feed is already running\n");
    }
    let (out, _) = finish_within(first, Duration::from_secs(10));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "4 new, 0 updated, 4 total\n"
    );
    assert_eq!(server.requests().len(), 1);
    // Once it is done, the next refresh runs.
    let (ok, out, err, _) = run(&data, "", &["--feed", &url, "refresh"]);
    assert!(ok, "{err}");
    assert_eq!(out, "0 new, 0 updated, 4 total\n");
}
