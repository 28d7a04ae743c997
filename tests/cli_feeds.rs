//! The feed list from the command line against the loopback server: `refresh` of several
//! feeds (parallel, at most 2 per host, one line each, exit 1 when one failed while the others
//! are stored), `Retry-After` honoured by the next refresh, `feeds [--json]`, `add` (finding the
//! feed on a site page), `remove`, `import` (hostile OPML), `export` → `import` and `vacuum`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::{Route, TestServer, fixture};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn write_config(&self, text: &str) {
        std::fs::write(self.config(), text).unwrap();
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_chmon"))
            .arg("--data-dir")
            .arg(self.dir.path().join("data"))
            .arg("--config")
            .arg(self.config())
            .args(args)
            .env("TZ", "Europe/Kyiv")
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .env_remove("ALL_PROXY")
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "chmon {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

fn feed_route(name: &str) -> Route {
    Route::ok(fixture(&format!("feeds/{name}"))).header("Content-Type", "application/rss+xml")
}

fn entries(urls: &[(&str, Option<&str>)]) -> String {
    let mut text = String::from("lang = \"en\"\n");
    for (url, section) in urls {
        text.push_str(&format!("\n[[feed]]\nurl = \"{url}\"\n"));
        if let Some(section) = section {
            text.push_str(&format!("section = \"{section}\"\n"));
        }
    }
    text
}

#[test]
fn refresh_reads_every_feed_one_line_each_and_exits_1_when_one_failed() {
    let server = TestServer::start();
    server.route("/main.xml", feed_route("main.xml"));
    server.route("/politics.xml", feed_route("politics.xml"));
    server.route("/broken.xml", Route::status(500));
    let (main, politics, broken) = (
        server.url("/main.xml"),
        server.url("/politics.xml"),
        server.url("/broken.xml"),
    );
    let env = Env::new();
    env.write_config(&entries(&[
        (&main, None),
        (&broken, Some("Інше")),
        (&politics, Some("Агенція")),
    ]));
    let out = env.run(&["refresh"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].starts_with(&format!("{main}: "))
            && lines[0].ends_with(" new, 0 updated, 5 total")
    );
    assert_eq!(
        lines[1],
        format!("{broken}: failed: HTTP 500 Internal Server Error")
    );
    assert!(
        lines[2].starts_with(&format!("{politics}: "))
            && lines[2].ends_with(" new, 0 updated, 3 total")
    );
    let new: usize = [lines[0], lines[2]]
        .iter()
        .map(|l| {
            l.split(": ")
                .nth(1)
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(
        new, 6,
        "the two pages politics shares with main are new once: {stdout}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "chmon: 1 of 3 feeds failed (the others were stored)\n"
    );
    let list = env.ok(&["list"]);
    assert_eq!(list.lines().count(), 6, "each page once:\n{list}");
    assert_eq!(list.matches("відновили рух тролейбусів").count(), 1);
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["feeds", "--json"])).unwrap();
    let feeds = json.as_array().unwrap();
    assert_eq!(feeds.len(), 3);
    assert_eq!(feeds[0]["url"], main.as_str());
    assert_eq!(feeds[0]["total"], 5);
    assert_eq!(feeds[0]["last_error"], serde_json::Value::Null);
    assert!(feeds[0]["last_refresh"].as_str().unwrap().ends_with('Z'));
    assert_eq!(feeds[1]["section"], "Інше");
    assert!(
        feeds[1]["last_error"]
            .as_str()
            .unwrap()
            .contains("HTTP 500")
    );
    assert_eq!(feeds[2]["title"], "Політика");
    let text = env.ok(&["feeds"]);
    assert!(
        text.contains(&format!("{politics}  Політика  [Агенція]  3/3")),
        "{text}"
    );
}

#[test]
fn a_retry_after_holds_the_feed_for_the_next_refresh() {
    let server = TestServer::start();
    server.route("/main.xml", feed_route("main.xml"));
    server.route(
        "/busy.xml",
        Route::status(429).header("Retry-After", "3600"),
    );
    let (main, busy) = (server.url("/main.xml"), server.url("/busy.xml"));
    let env = Env::new();
    env.write_config(&entries(&[(&main, None), (&busy, None)]));
    let out = env.run(&["refresh"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(&format!(
            "{busy}: failed: HTTP 429 Too Many Requests (the server asked to wait 1 h)"
        )),
        "{stdout}"
    );
    let again = env.ok(&["refresh"]);
    assert!(
        again.contains(&format!(
            "{busy}: not asked: the server asked to wait 60 min"
        )),
        "{again}"
    );
    let asked = server
        .requests()
        .iter()
        .filter(|r| r.path == "/busy.xml")
        .count();
    assert_eq!(asked, 1, "never asked again before the time is up");
}

#[test]
fn feeds_of_one_host_are_asked_two_at_a_time_and_in_parallel() {
    let server = TestServer::start();
    let mut urls = Vec::new();
    for n in 0..6 {
        let path = format!("/slow-{n}.xml");
        server.route(
            &path,
            feed_route("monitoring.xml").delay(Duration::from_millis(400)),
        );
        urls.push(server.url(&path));
    }
    let env = Env::new();
    let list: Vec<(&str, Option<&str>)> = urls.iter().map(|u| (u.as_str(), None)).collect();
    env.write_config(&entries(&list));
    let started = Instant::now();
    let out = env.ok(&["refresh"]);
    let took = started.elapsed();
    assert_eq!(out.lines().count(), 6, "{out}");
    assert_eq!(
        server.max_in_flight(),
        2,
        "at most two at a time to one host"
    );
    assert!(
        took < Duration::from_millis(2000),
        "three rounds of two, not six: {took:?}"
    );
}

#[test]
fn add_finds_the_feed_on_a_page_and_remove_forgets_it() {
    let server = TestServer::start();
    server.route("/main.xml", feed_route("main.xml"));
    server.route("/politics.xml", feed_route("politics.xml"));
    let page = format!(
        "<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" \
         href=\"{}\"></head><body>Політика</body></html>",
        server.url("/politics.xml")
    );
    server.route(
        "/site/",
        Route::ok(page).header("Content-Type", "text/html; charset=utf-8"),
    );
    let env = Env::new();
    env.write_config(&format!(
        "# my list\n{}",
        entries(&[(&server.url("/main.xml"), None)])
    ));
    let out = env.ok(&[
        "add",
        &server.url("/site/"),
        "--name",
        "Політика",
        "--section",
        "Агенція",
    ]);
    assert_eq!(
        out,
        format!(
            "added {} (Політика), found on {}\n",
            server.url("/politics.xml"),
            server.url("/site/")
        )
    );
    let again = env.ok(&["add", &server.url("/politics.xml")]);
    assert!(again.contains("already in the list"), "{again}");
    let config = std::fs::read_to_string(env.config()).unwrap();
    assert!(config.starts_with("# my list\n"), "{config}");
    assert!(
        config.contains("name = \"Політика\"\nsection = \"Агенція\""),
        "{config}"
    );
    env.ok(&["refresh"]);
    assert_eq!(env.ok(&["list"]).lines().count(), 6);
    let out = env.ok(&["remove", &server.url("/politics.xml")]);
    assert!(
        out.starts_with(&format!("removed {} (1 of", server.url("/politics.xml"))),
        "{out}"
    );
    assert_eq!(env.ok(&["list"]).lines().count(), 5);
    assert_eq!(env.ok(&["feeds"]).lines().count(), 1);
    let missing = env.run(&["remove", "https://nowhere.example/rss"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("not in the feed list"));
    let no_feed = env.run(&["add", &server.url("/nothing")]);
    assert_eq!(no_feed.status.code(), Some(1));
}

#[test]
fn import_names_what_it_refuses_and_export_gives_the_list_back() {
    let env = Env::new();
    env.write_config("lang = \"en\"\n[[feed]]\nurl = \"https://monitor.cn.ua/news.xml\"\n");
    let opml = |name: &str| -> String {
        let path: &Path = &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/opml");
        path.join(name).display().to_string()
    };
    let out = env.ok(&["import", &opml("hostile.opml")]);
    assert!(
        out.contains("refused |rm -rf ~: a command, not a URL"),
        "{out}"
    );
    assert!(
        out.contains("refused file:///etc/passwd: a local file, not a URL"),
        "{out}"
    );
    assert!(
        out.contains("refused javascript:alert(1): a script, not a URL"),
        "{out}"
    );
    assert!(
        out.ends_with("imported 1 feeds (0 already in the list, 8 refused)\n"),
        "{out}"
    );
    let out = env.ok(&["import", &opml("tolerant.opml")]);
    assert!(
        out.ends_with("imported 4 feeds (1 already in the list, 0 refused)\n"),
        "{out}"
    );
    let config = std::fs::read_to_string(env.config()).unwrap();
    assert!(
        !config.contains("passwd") && !config.contains("rm -rf"),
        "{config}"
    );
    let exported = env.ok(&["export"]);
    assert!(exported.contains("<opml version=\"2.0\">"), "{exported}");
    // export → import into an empty list gives the same list.
    let other = Env::new();
    other.write_config("");
    let file = other.dir.path().join("list.opml");
    std::fs::write(&file, &exported).unwrap();
    other.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(other.ok(&["export"]), exported);
    let bad = env.run(&["import", "/nonexistent.opml"]);
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn vacuum_applies_retention_and_compacts() {
    let server = TestServer::start();
    server.route("/main.xml", feed_route("main.xml"));
    let env = Env::new();
    env.write_config(&format!(
        "max_articles = 1\n{}",
        entries(&[(&server.url("/main.xml"), None)])
    ));
    env.ok(&["refresh"]);
    let out = env.ok(&["vacuum"]);
    assert!(
        out.starts_with("0 articles let go; the cache is "),
        "the body's 5 stay: {out}"
    );
    assert_eq!(env.ok(&["list"]).lines().count(), 5);
}
