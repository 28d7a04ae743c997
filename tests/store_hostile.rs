//! The cache under hostile conditions (issue 7): a damaged title, a nonsense schema version,
//! a refresh holding the write lock while the reader reads, several refreshes at once.
//! Runs the binary against local feed files; touches no internet. Owns no product code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::{Route, TestServer, chmon, fixture, ok};

fn cache(data: &Path) -> PathBuf {
    data.join("cache.sqlite3")
}

/// A data dir whose cache holds the agency fixture (refreshed from a local file).
fn refreshed() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.xml");
    std::fs::write(&feed, fixture("cli/agency-1251-nodecl.xml")).unwrap();
    let feed = feed.to_str().unwrap().to_string();
    ok(&chmon(dir.path(), &["--feed", &feed, "refresh"]));
    (dir, feed)
}

#[test]
fn invalid_utf8_in_a_stored_title_shows_as_replacement_characters() {
    let (dir, feed) = refreshed();
    let db = rusqlite::Connection::open(cache(dir.path())).unwrap();
    db.execute_batch(
        "UPDATE articles SET title = CAST(X'D097D0BBFF2041FE' AS TEXT),
                 author = CAST(X'FF' AS TEXT), category = CAST(X'C0' AS TEXT)
         WHERE id = (SELECT max(id) FROM articles)",
    )
    .unwrap();
    drop(db);
    let list = ok(&chmon(dir.path(), &["--feed", &feed, "list"]));
    assert!(list.contains("Зл\u{FFFD} A\u{FFFD}"), "{list}");
    let json = ok(&chmon(dir.path(), &["--feed", &feed, "list", "--json"]));
    assert!(json.contains("Зл\u{FFFD} A\u{FFFD}"), "{json}");
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let damaged = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"].as_str().unwrap().contains('\u{FFFD}'))
        .unwrap();
    let id = damaged["id"].as_str().unwrap();
    let shown = ok(&chmon(dir.path(), &["--feed", &feed, "show", id]));
    assert!(shown.starts_with("Зл\u{FFFD} A\u{FFFD}"), "{shown}");
}

fn set_version(data: &Path, version: i64) {
    let db = rusqlite::Connection::open(cache(data)).unwrap();
    db.pragma_update(None, "user_version", version).unwrap();
}

fn moved_aside(data: &Path, tag: &str) -> Vec<PathBuf> {
    std::fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            name.starts_with(&format!("cache.sqlite3.{tag}"))
                && !name.ends_with("-wal")
                && !name.ends_with("-shm")
        })
        .collect()
}

#[test]
fn a_negative_schema_version_is_moved_aside_and_a_new_cache_started() {
    let (dir, feed) = refreshed();
    set_version(dir.path(), -1);
    let out = chmon(dir.path(), &["--feed", &feed, "list"]);
    ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("moved to"), "{stderr}");
    assert!(stderr.contains("-1"), "{stderr}");
    assert_eq!(moved_aside(dir.path(), "corrupt").len(), 1, "{stderr}");
    // Nothing lost: the old file is beside the new one, with its articles.
    let old = rusqlite::Connection::open(&moved_aside(dir.path(), "corrupt")[0]).unwrap();
    let n: i64 = old
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap();
    assert!(n > 0);
}

#[test]
fn a_future_schema_version_is_moved_aside_with_a_message() {
    let (dir, feed) = refreshed();
    set_version(dir.path(), 1_000_000);
    let out = chmon(dir.path(), &["--feed", &feed, "list"]);
    ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("newer chmon"), "{stderr}");
    assert_eq!(moved_aside(dir.path(), "newer-v1000000").len(), 1);
}

/// Holds the cache's write lock (as a refresh writing its items does) for the closure's time.
fn while_writing<T>(data: &Path, f: impl FnOnce() -> T) -> T {
    let db = rusqlite::Connection::open(cache(data)).unwrap();
    db.execute_batch("BEGIN IMMEDIATE; UPDATE articles SET read = read;")
        .unwrap();
    let out = f();
    db.execute_batch("COMMIT").unwrap();
    out
}

#[test]
fn list_and_show_do_not_wait_for_a_refresh_that_is_writing() {
    let (dir, feed) = refreshed();
    while_writing(dir.path(), || {
        for args in [&["list"][..], &["list", "--json"], &["show", "1"]] {
            let started = Instant::now();
            let mut all = vec!["--feed", feed.as_str()];
            all.extend_from_slice(args);
            let out = ok(&chmon(dir.path(), &all));
            assert!(!out.is_empty());
            assert!(
                started.elapsed() < Duration::from_secs(2),
                "{args:?} took {:?}",
                started.elapsed()
            );
        }
    });
}

#[test]
fn concurrent_refreshes_never_say_database_is_locked() {
    let server = TestServer::start();
    server.route(
        "/feed.xml",
        Route::ok(fixture("cli/agency-1251-nodecl.xml"))
            .header("Content-Type", "application/rss+xml; charset=windows-1251")
            .delay(Duration::from_millis(300)),
    );
    let url = server.url("/feed.xml");
    for n in [2, 5] {
        let dir = tempfile::tempdir().unwrap();
        let children: Vec<_> = (0..n)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_chmon"))
                    .arg("--data-dir")
                    .arg(dir.path())
                    .args(["--feed", &url, "refresh"])
                    .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
                    .env_remove("HTTP_PROXY")
                    .env_remove("http_proxy")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut succeeded = 0;
        for child in children {
            let out = child.wait_with_output().unwrap();
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(!text.contains("locked"), "{n} at once: {text}");
            if out.status.success() {
                succeeded += 1;
            } else {
                assert!(text.contains("already running"), "{n} at once: {text}");
            }
        }
        assert!(succeeded >= 1, "{n} at once: none succeeded");
    }
}

#[test]
fn a_date_in_the_future_is_shown_and_sorted_at_first_seen() {
    let dir = tempfile::tempdir().unwrap();
    let now = chrono::Utc::now();
    let item = |title: &str, n: u32, date: chrono::DateTime<chrono::Utc>| {
        format!(
            "<item><title>{title}</title><link>https://x.ua/{n}</link><guid>https://x.ua/{n}</guid>\
             <pubDate>{}</pubDate></item>",
            date.to_rfc2822()
        )
    };
    let xml = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>{}{}{}</channel></rss>",
        item("Майбутня", 1, now + chrono::Duration::days(365 * 70)),
        item("За годину", 2, now + chrono::Duration::hours(1)),
        item("Вчорашня", 3, now - chrono::Duration::days(1)),
    );
    let feed = dir.path().join("future.xml");
    std::fs::write(&feed, xml).unwrap();
    let feed = feed.to_str().unwrap();
    ok(&chmon(dir.path(), &["--feed", feed, "refresh"]));
    let json = ok(&chmon(dir.path(), &["--feed", feed, "list", "--json"]));
    let items: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = items.as_array().unwrap();
    let titles: Vec<&str> = items.iter().map(|i| i["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["За годину", "Майбутня", "Вчорашня"], "{json}");
    assert_eq!(items[1]["date_source"], "first_seen_future");
    assert_eq!(items[0]["date_source"], "feed");
    let shown: chrono::DateTime<chrono::Utc> =
        items[1]["published"].as_str().unwrap().parse().unwrap();
    assert!((shown - now).num_seconds().abs() < 120, "{shown}");
    let list = ok(&chmon(dir.path(), &["--feed", feed, "list"]));
    assert!(!list.contains("2096"), "{list}");
}

/// Runs chmon as a user who cannot write the cache (root may write anything, so a root test
/// run drops to `nobody` with setpriv).
fn chmon_unprivileged(data: &Path, args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_chmon");
    let root = std::env::var("USER").as_deref() == Ok("root")
        || Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        c.arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.arg("--data-dir")
        .arg(data)
        .args(args)
        .env("TZ", "Europe/Kyiv")
        .env("HOME", data)
        .env("XDG_CONFIG_HOME", data.join("no-config"))
        .output()
        .expect("run chmon")
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn read_only_cache_is_read(dir_mode: u32) {
    let dir = tempfile::Builder::new().tempdir_in("/tmp").unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let feed = data.join("feed.xml");
    std::fs::write(&feed, fixture("cli/agency-1251-nodecl.xml")).unwrap();
    let feed = feed.to_str().unwrap();
    ok(&chmon(&data, &["--feed", feed, "refresh"]));
    set_mode(dir.path(), 0o755);
    for entry in std::fs::read_dir(&data).unwrap() {
        set_mode(&entry.unwrap().path(), 0o444);
    }
    set_mode(&data, dir_mode);
    let before = std::fs::read(cache(&data)).unwrap();
    let list = chmon_unprivileged(&data, &["--feed", feed, "list"]);
    let list = ok(&list);
    assert!(list.contains("Чернігівська міськрада"), "{list}");
    let shown = ok(&chmon_unprivileged(&data, &["--feed", feed, "show", "1"]));
    assert!(shown.contains("Депутати"), "{shown}");
    set_mode(&data, 0o755);
    assert_eq!(
        std::fs::read(cache(&data)).unwrap(),
        before,
        "the file was changed"
    );
}

#[test]
fn a_read_only_cache_file_can_be_listed_and_shown() {
    read_only_cache_is_read(0o777);
}

#[test]
fn a_cache_in_a_read_only_directory_can_be_listed_and_shown() {
    read_only_cache_is_read(0o555);
}

#[test]
fn list_never_prints_a_huge_title() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "Заголовок ".repeat(1_000_000);
    let zalgo = format!("Z{}algo", "\u{301}\u{200b}".repeat(50_000));
    let xml = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
         <item><title>{huge}</title><link>https://x.ua/1</link></item>\
         <item><title>{zalgo}</title><link>https://x.ua/2</link></item></channel></rss>"
    );
    let feed = dir.path().join("huge.xml");
    std::fs::write(&feed, xml).unwrap();
    let feed = feed.to_str().unwrap();
    ok(&chmon(dir.path(), &["--feed", feed, "refresh"]));
    let db = rusqlite::Connection::open(cache(dir.path())).unwrap();
    let stored: Vec<i64> = db
        .prepare("SELECT length(title) FROM articles ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(stored.iter().all(|n| *n <= 1_000), "{stored:?}");
    // A row stored before the cap (or by another program) is cut when printed.
    db.execute(
        "UPDATE articles SET title = ?1 WHERE id = (SELECT min(id) FROM articles)",
        [&huge],
    )
    .unwrap();
    drop(db);
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["show", "1"],
        &["show", "2"],
    ] {
        let mut all = vec!["--feed", feed];
        all.extend_from_slice(args);
        let out = ok(&chmon(dir.path(), &all));
        let longest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(longest <= 1_100, "{args:?}: a line of {longest} characters");
    }
}

#[test]
fn a_relative_home_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_chmon"))
        .current_dir(dir.path())
        .arg("list")
        .env("HOME", "relative/home")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("HOME is a relative path (relative/home)"),
        "{stderr}"
    );
    assert!(
        !dir.path().join("relative").exists(),
        "a cache was made under the relative HOME"
    );
}
