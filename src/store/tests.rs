//! Unit tests of `Store` internals that the public API cannot see: storage format,
//! untouched rows on an unchanged re-upsert, query plans, `Send`.

use chrono::{TimeZone, Utc};

use super::*;
use rusqlite::params;

fn item(key: &str, body: &str) -> Item {
    Item {
        key: key.into(),
        title: format!("Заголовок {key}"),
        link: Some(format!("http://monitor.cn.ua/ua/news/{key}")),
        published: Some(Utc.with_ymd_and_hms(2024, 5, 1, 10, 0, 0).unwrap()),
        body: Some(body.into()),
        ..Item::default()
    }
}

#[test]
fn store_is_send() {
    fn assert_send<T: Send>() {}
    assert_send::<Store>();
}

#[test]
fn long_text_is_stored_compressed() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store.feed("f").unwrap();
    let body = "<p>Чернігівщина 🇺🇦: новини області, громади, події.</p>\n".repeat(40);
    store
        .upsert_items(feed.id, &[item("1", &body)], Utc::now())
        .unwrap();
    let (tag, len): (u8, i64) = store
        .conn
        .query_row(
            "SELECT substr(body, 1, 1), length(body) FROM articles",
            [],
            |r| Ok((r.get::<_, Vec<u8>>(0)?[0], r.get(1)?)),
        )
        .unwrap();
    assert!(
        [2, 3].contains(&tag),
        "zstd, with or without the dictionary: {tag}"
    );
    assert!(len as usize * 5 < body.len(), "{len} vs {}", body.len());
}

#[test]
fn unchanged_reupsert_writes_no_row() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store.feed("f").unwrap();
    let items: Vec<Item> = (0..50).map(|i| item(&i.to_string(), "текст")).collect();
    store.upsert_items(feed.id, &items, Utc::now()).unwrap();
    let before = store.conn.total_changes();
    let stats = store.upsert_items(feed.id, &items, Utc::now()).unwrap();
    assert_eq!(stats.new + stats.updated, 0);
    assert_eq!(store.conn.total_changes(), before);
}

#[test]
fn damaged_blob_is_an_error_naming_the_cache() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store.feed("f").unwrap();
    store
        .upsert_items(feed.id, &[item("1", "текст")], Utc::now())
        .unwrap();
    store
        .conn
        .execute("UPDATE articles SET body = x'01ffff'", [])
        .unwrap();
    let query = ListQuery::new(crate::model::Scope::Feed(feed.id));
    let err = store.article_by_key(&query, "1").unwrap_err().to_string();
    assert!(err.starts_with("cache :memory:"), "{err}");
    assert!(!err.contains('\n'), "{err}");
}

/// A cache written before XXH3 holds FNV-1a content hashes: its unchanged items are not
/// counted as updates, their rows are not rewritten, and their hashes move to XXH3.
#[test]
fn rows_with_the_old_content_hash_are_unchanged() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store.feed("f").unwrap();
    let items = [item("1", "<p>Тіло</p>"), item("2", "<p>Інше</p>")];
    store.upsert_items(feed.id, &items, Utc::now()).unwrap();
    for it in &items {
        store
            .conn
            .execute(
                "UPDATE articles SET title = 'old row' WHERE key = ?1",
                params![it.key],
            )
            .unwrap();
        // Since v3 each feed's hash of an item is in its membership.
        store
            .conn
            .execute(
                "UPDATE memberships SET content_hash = ?1 WHERE key = ?2",
                params![codec::legacy_content_hash(it), it.key],
            )
            .unwrap();
    }
    let stats = store.upsert_items(feed.id, &items, Utc::now()).unwrap();
    assert_eq!((stats.new, stats.updated, stats.total), (0, 0, 2));
    let rows: Vec<(String, i64)> = store
        .conn
        .prepare(
            "SELECT a.title, m.content_hash FROM articles a
             JOIN memberships m ON m.article_id = a.id ORDER BY a.key",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        rows[0],
        ("old row".to_string(), codec::content_hash(&items[0]))
    );
    assert_eq!(rows[1].1, codec::content_hash(&items[1]));
    // A real change is still an update.
    let changed = [item("1", "<p>Нове тіло</p>")];
    let stats = store.upsert_items(feed.id, &changed, Utc::now()).unwrap();
    assert_eq!(stats.updated, 1);
}

fn plan(store: &Store, sql: &str) -> String {
    let plan: Vec<String> = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap()
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    plan.join("\n")
}

/// Every statement the list code runs (captured with SQLite's trace as the code runs it, with
/// its bound values), for windows, positions, counts and next-unread over the feed's list,
/// "All", unread-only and starred views, walks an index in order: no scan of the archive and
/// no sort. Unread-only and starred read their partial indexes.
#[test]
fn the_list_queries_the_code_runs_walk_their_indexes() {
    let mut store = Store::open_in_memory().unwrap();
    let listed = |source: &str| Listed {
        source: source.into(),
        name: None,
        section: Some("Розділ".into()),
        retention: crate::config::Retention::default(),
    };
    store.sync_list(&[listed("f"), listed("g")]).unwrap();
    let feed = store.feed("f").unwrap();
    let items: Vec<Item> = (0..30).map(|i| item(&i.to_string(), "<p>т</p>")).collect();
    store.upsert_items(feed.id, &items, Utc::now()).unwrap();
    let some = store
        .headlines(&ListQuery::new(crate::model::Scope::Feed(feed.id)), 0, 30)
        .unwrap();
    for row in &some[3..9] {
        store.set_starred(row.id, true).unwrap();
    }
    store.set_read(some[4].id, true).unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let sink = seen.clone();
    store
        .conn
        .trace_v2(
            rusqlite::trace::TraceEventCodes::SQLITE_TRACE_STMT,
            Some(move |event: rusqlite::trace::TraceEvent<'_>| {
                if let rusqlite::trace::TraceEvent::Stmt(stmt, _) = event {
                    sink.lock().unwrap().extend(stmt.expanded_sql());
                }
            }),
        )
        .unwrap();
    for scope in [
        crate::model::Scope::Feed(feed.id),
        crate::model::Scope::All,
        crate::model::Scope::Section("Розділ".into()),
    ] {
        for (unread_only, starred) in [(false, false), (true, false), (false, true)] {
            let query = ListQuery {
                scope: scope.clone(),
                unread_only,
                starred,
                search: None,
            };
            let rows = store.headlines(&query, 2, 10).unwrap();
            store.counts(&query).unwrap();
            store.position_of(&query, rows[0].id).unwrap();
            store.next_unread(&query, rows[0].id, true).unwrap();
        }
    }
    store
        .conn
        .trace_v2(
            rusqlite::trace::TraceEventCodes::empty(),
            None::<fn(rusqlite::trace::TraceEvent<'_>)>,
        )
        .unwrap();
    let seen = seen.lock().unwrap().clone();
    assert!(seen.len() >= 20, "{seen:#?}");
    for sql in &seen {
        let plan = plan(&store, sql);
        assert!(!plan.contains("TEMP B-TREE"), "{sql}\n{plan}");
        for table in ["articles", "list_items", "memberships"] {
            for alias in ["", " a", " b", " li", " m"] {
                let scan = format!("SCAN {table}{alias}");
                let whole = plan
                    .lines()
                    .any(|l| l.trim_start_matches(['|', '-', '`', ' ']) == scan);
                assert!(!whole, "{sql}\n{plan}");
            }
        }
        if sql.contains("read = 0") && sql.contains("list_items") {
            assert!(plan.contains("list_items_unread"), "{sql}\n{plan}");
        }
        if sql.contains("starred = 1") {
            assert!(plan.contains("articles_starred"), "{sql}\n{plan}");
        }
    }
}

fn a_page(html: &str) -> StoredPage {
    StoredPage {
        url: Some("http://monitor.cn.ua/ua/news/1".into()),
        fetched: Utc.with_ymd_and_hms(2024, 5, 1, 11, 0, 0).unwrap(),
        etag: Some("\"e1\"".into()),
        last_modified: None,
        title: Some("Повний заголовок".into()),
        published: Some(Utc.with_ymd_and_hms(2024, 5, 1, 9, 30, 0).unwrap()),
        author: Some("Агенцiя".into()),
        html: html.into(),
    }
}

#[test]
fn a_page_is_stored_compressed_and_read_back() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store.feed("f").unwrap();
    store
        .upsert_items(feed.id, &[item("1", "<p>тизер…</p>")], Utc::now())
        .unwrap();
    let id: i64 = store
        .conn
        .query_row("SELECT id FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(store.page(id).unwrap(), None);
    let page = a_page(&"<p>Повний текст новини з сайту агенції.</p>\n".repeat(30));
    store.save_page(id, &page).unwrap();
    assert_eq!(store.page(id).unwrap(), Some(page.clone()));
    let tag: u8 = store
        .conn
        .query_row("SELECT substr(body, 1, 1) FROM pages", [], |r| {
            Ok(r.get::<_, Vec<u8>>(0)?[0])
        })
        .unwrap();
    assert!(
        [2, 3].contains(&tag),
        "zstd, with or without the dictionary: {tag}"
    );
    let newer = a_page("<p>оновлено</p>");
    store.save_page(id, &newer).unwrap();
    assert_eq!(store.page(id).unwrap(), Some(newer));
}

#[test]
fn deleting_an_article_deletes_its_page() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store.feed("f").unwrap();
    store
        .upsert_items(feed.id, &[item("1", "<p>тизер</p>")], Utc::now())
        .unwrap();
    let id: i64 = store
        .conn
        .query_row("SELECT id FROM articles", [], |r| r.get(0))
        .unwrap();
    store.save_page(id, &a_page("<p>текст</p>")).unwrap();
    store
        .conn
        .execute("DELETE FROM articles WHERE id = ?1", [id])
        .unwrap();
    let left: i64 = store
        .conn
        .query_row("SELECT count(*) FROM pages", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

/// An undated article takes its page's date (and its place in the lists); a dated one keeps its own.
#[test]
fn a_page_date_fills_a_missing_date_only() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store.feed("f").unwrap();
    let seen = Utc.with_ymd_and_hms(2024, 5, 2, 8, 0, 0).unwrap();
    let mut undated = item("1", "<p>тизер…</p>");
    undated.published = None;
    let dated = item("2", "<p>тизер…</p>");
    store
        .upsert_items(feed.id, &[undated, dated], seen)
        .unwrap();
    let row = |key: &str| -> (Option<i64>, i64) {
        store
            .conn
            .query_row(
                "SELECT published, sort_time FROM articles WHERE key LIKE '%' || ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    let id = |key: &str| -> i64 {
        store
            .conn
            .query_row(
                "SELECT id FROM articles WHERE key LIKE '%' || ?1",
                [key],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(row("1"), (None, seen.timestamp()));
    let page = a_page("<p>текст</p>");
    let at = page.published.unwrap().timestamp();
    store.save_page(id("1"), &page).unwrap();
    assert_eq!(row("1"), (Some(at), at));
    let (dated_at, _) = row("2");
    store.save_page(id("2"), &page).unwrap();
    assert_eq!(row("2").0, dated_at, "the feed's own date stays");
    let list: i64 = store
        .conn
        .query_row(
            "SELECT sort_time FROM list_items WHERE article_id = ?1",
            [id("1")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(list, at, "the lists follow");
}

/// A first import fills the lists in bulk; afterwards (and after one rolled back) the triggers
/// keep the counts a row at a time again.
#[test]
fn a_first_import_fills_the_lists_in_bulk_and_leaves_the_triggers_on() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store.feed("f").unwrap();
    let count =
        |store: &Store, sql: &str| -> i64 { store.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    {
        let mut dropped = store.begin_upsert(feed.id, Utc::now()).unwrap();
        dropped.add(&[item("0", "<p>відкочено</p>")]).unwrap();
    }
    assert_eq!(count(&store, "SELECT count(*) FROM bulk_import"), 0);
    let items: Vec<Item> = (1..=3).map(|n| item(&n.to_string(), "<p>т</p>")).collect();
    store.upsert_items(feed.id, &items, Utc::now()).unwrap();
    assert_eq!(count(&store, "SELECT count(*) FROM bulk_import"), 0);
    let scope = format!("feed:{}", feed.id);
    let counters = |store: &Store| -> (i64, i64) {
        store
            .conn
            .query_row(
                "SELECT total, unread FROM lists WHERE scope = ?1",
                [&scope],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    assert_eq!(counters(&store), (3, 3));
    assert_eq!(count(&store, "SELECT count(*) FROM list_items"), 3);
    // The next refresh adds one the usual way: the triggers count it.
    let mut more = items.clone();
    more.push(item("4", "<p>т</p>"));
    store.upsert_items(feed.id, &more, Utc::now()).unwrap();
    assert_eq!(counters(&store), (4, 4));
}
