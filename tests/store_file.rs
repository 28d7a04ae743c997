//! Integration tests of the cache file: creation, reopening, moving damaged or newer files
//! aside (never deleting them), and two processes' worth of `Store`s on one file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use std::fs;
use std::path::{Path, PathBuf};

use chmon::model::Item;
use chmon::store::Store;
use chrono::{TimeZone, Utc};

/// The list of one feed.
fn q(feed: i64) -> chmon::model::ListQuery {
    chmon::model::ListQuery::new(chmon::model::Scope::Feed(feed))
}

fn item(key: &str) -> Item {
    Item {
        key: key.into(),
        title: format!("Новина {key} 🇺🇦"),
        published: Some(Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap()),
        body: Some("<p>Чернігів. ".repeat(20)),
        ..Item::default()
    }
}

/// Files in `dir` whose names start with `prefix`, sorted.
fn siblings(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    found.sort();
    found
}

/// Asserts the fresh cache at `path` works: a feed, an item, a headline.
fn assert_usable(path: &Path) {
    let mut store = Store::open(path).unwrap();
    assert_eq!(store.notice(), None);
    let feed = store.feed("src").unwrap().id;
    store.upsert_items(feed, &[item("x")], Utc::now()).unwrap();
    assert_eq!(store.headlines(&q(feed), 0, 10).unwrap().len(), 1);
}

#[test]
fn creates_dirs_and_reopening_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/cache.db");
    {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.notice(), None);
        assert_eq!(store.path(), path);
        let feed = store.feed("https://monitor.cn.ua/news.xml").unwrap().id;
        store
            .upsert_items(feed, &[item("1"), item("2")], Utc::now())
            .unwrap();
        let first = store.headlines(&q(feed), 0, 1).unwrap()[0].id;
        store.set_read(first, true).unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.notice(), None);
    let feed = store.feed("https://monitor.cn.ua/news.xml").unwrap().id;
    let counts = store.counts(&q(feed)).unwrap();
    assert_eq!((counts.total, counts.unread), (2, 1));
    let body = store.article_by_key(&q(feed), "2").unwrap().unwrap().body;
    assert_eq!(body, item("2").body);
    let raw = rusqlite::Connection::open(&path).unwrap();
    let mode: String = raw
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn an_empty_file_becomes_a_cache() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    fs::write(&path, b"").unwrap();
    assert_usable(&path);
    assert_eq!(siblings(dir.path(), "cache.db.").len(), 0);
}

#[test]
fn garbage_is_moved_aside_with_its_side_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    let garbage = b"<html>Not a database \xd0\x9f\xd1\x80\xd0\xb8 \x00\x01\x02</html>".repeat(50);
    fs::write(&path, &garbage).unwrap();
    fs::write(dir.path().join("cache.db-wal"), b"stale wal").unwrap();
    let store = Store::open(&path).unwrap();
    let notice = store.notice().unwrap().to_string();
    drop(store);
    let aside = siblings(dir.path(), "cache.db.corrupt-");
    assert_eq!(aside.len(), 2, "{aside:?}");
    assert_eq!(fs::read(&aside[0]).unwrap(), garbage, "never wiped");
    assert!(aside[1].to_string_lossy().ends_with("-wal"));
    assert_eq!(fs::read(&aside[1]).unwrap(), b"stale wal");
    assert!(!notice.contains('\n'));
    assert!(notice.contains(&path.display().to_string()), "{notice}");
    assert!(notice.contains(&aside[0].display().to_string()), "{notice}");
    assert_usable(&path);
}

#[test]
fn a_damaged_database_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend((0..8000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    fs::write(&path, &bytes).unwrap();
    let store = Store::open(&path).unwrap();
    assert!(store.notice().unwrap().contains("corrupt-"));
    drop(store);
    assert_eq!(siblings(dir.path(), "cache.db.corrupt-").len(), 1);
    assert_usable(&path);
}

#[test]
fn someone_elses_database_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('моє');")
        .unwrap();
    drop(raw);
    let store = Store::open(&path).unwrap();
    assert!(store.notice().unwrap().contains("not a chmon cache"));
    drop(store);
    let aside = siblings(dir.path(), "cache.db.corrupt-");
    let raw = rusqlite::Connection::open(&aside[0]).unwrap();
    let text: String = raw
        .query_row("SELECT text FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(text, "моє");
}

#[test]
fn a_newer_schema_is_moved_aside_with_its_wal() {
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("made.db");
    let mut store = Store::open(&made).unwrap();
    let feed = store.feed("src").unwrap().id;
    store
        .upsert_items(feed, &[item("kept")], Utc::now())
        .unwrap();
    drop(store);
    let raw = rusqlite::Connection::open(&made).unwrap();
    raw.execute_batch("PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = 99;")
        .unwrap();
    // Snapshot the file and its WAL (which holds the new version) as a crash would leave them.
    let path = dir.path().join("cache.db");
    fs::copy(&made, &path).unwrap();
    fs::copy(
        dir.path().join("made.db-wal"),
        dir.path().join("cache.db-wal"),
    )
    .unwrap();
    drop(raw);
    let store = Store::open(&path).unwrap();
    let notice = store.notice().unwrap().to_string();
    assert!(notice.contains("v99"), "{notice}");
    let aside = siblings(dir.path(), "cache.db.newer-v99-");
    assert!(notice.contains(&aside[0].display().to_string()), "{notice}");
    drop(store);
    // Closing the inspecting connection may checkpoint the WAL into the file: either way the
    // moved copy must hold the newer version and the data.
    let moved = rusqlite::Connection::open(&aside[0]).unwrap();
    let sql = "SELECT (SELECT user_version FROM pragma_user_version), key FROM articles";
    let (version, key): (i64, String) = moved
        .query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((version, key.as_str()), (99, "kept"));
    assert_usable(&path);
}

#[test]
fn two_stores_on_one_file_write_alternately_and_concurrently() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    let feed = a.feed("src").unwrap().id;
    assert_eq!(b.feed("src").unwrap().id, feed);
    for i in 0..10 {
        a.upsert_items(feed, &[item(&format!("a{i}"))], Utc::now())
            .unwrap();
        let stats = b
            .upsert_items(feed, &[item(&format!("b{i}"))], Utc::now())
            .unwrap();
        assert_eq!(stats.total, 2 * i + 2);
    }
    let id = b.article_by_key(&q(feed), "a3").unwrap().unwrap().id;
    b.set_read(id, true).unwrap();
    assert!(a.article(id).unwrap().unwrap().read);
    let threads: Vec<_> = [a, b]
        .into_iter()
        .enumerate()
        .map(|(n, mut store)| {
            std::thread::spawn(move || {
                for i in 0..40 {
                    let batch: Vec<Item> =
                        (0..20).map(|j| item(&format!("t{n}-{i}-{j}"))).collect();
                    store.upsert_items(feed, &batch, Utc::now()).unwrap();
                    store.counts(&q(feed)).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts(&q(feed)).unwrap().total, 20 + 2 * 40 * 20);
}

/// Processes opening one new cache file together take turns instead of failing with
/// "database is locked" (switching a new file to WAL fails at once as busy, without the busy
/// handler, while another connection is doing the same).
/// Six stores opening one new file at once: none finds it locked, none fails, and none takes
/// another's half-made cache for someone else's file and moves it aside (the version and the
/// tables were once read in two statements, two snapshots: about 1 round in 20 moved it aside and
/// could crash the one still writing it with SIGBUS).
#[test]
fn stores_opening_one_new_file_together_never_find_it_locked() {
    for round in 0..200 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.sqlite3");
        let start = std::sync::Arc::new(std::sync::Barrier::new(6));
        let openers: Vec<_> = (0..6)
            .map(|_| {
                let (path, start) = (path.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    Store::open(&path)
                        .map(|s| s.notice().map(str::to_string))
                        .map_err(|e| e.to_string())
                })
            })
            .collect();
        for opener in openers {
            let opened = opener.join().unwrap();
            assert_eq!(opened, Ok(None), "round {round}");
        }
        let aside = siblings(dir.path(), "cache.sqlite3.");
        assert!(aside.is_empty(), "round {round}: moved aside {aside:?}");
    }
}
