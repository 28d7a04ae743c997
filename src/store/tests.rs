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
    assert_eq!(tag, 2, "zstd");
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
fn headlines_and_positions_walk_the_lists_index() {
    let store = Store::open_in_memory().unwrap();
    for sql in [
        "SELECT article_id, read FROM list_items
         WHERE list_id = 1 ORDER BY sort_time DESC, article_id DESC LIMIT 10",
        "SELECT count(*) FROM list_items WHERE list_id = 1 AND sort_time > 5",
        "SELECT count(*) FROM list_items WHERE list_id = 1 AND sort_time = 5 AND article_id > 3",
    ] {
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let plan = plan.join("\n");
        assert!(plan.contains("USING PRIMARY KEY"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        if sql.contains("count") {
            assert!(
                plan.contains("sort_time>") || plan.contains("article_id>"),
                "a range: {plan}"
            );
        }
    }
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

/// The unread-only list, next unread, mark all read and the starred view read their partial
/// indexes in order: no scan of the archive, no sort.
#[test]
fn unread_and_starred_lists_walk_their_partial_indexes() {
    let store = Store::open_in_memory().unwrap();
    let unread = [
        "SELECT li.article_id FROM list_items li JOIN articles a ON a.id = li.article_id
         WHERE li.list_id = 1 AND li.read = 0
         ORDER BY li.sort_time DESC, li.article_id DESC LIMIT 10 OFFSET 5",
        "SELECT count(*) FROM list_items b WHERE b.list_id = 1 AND b.sort_time > 5 AND b.read = 0",
        "SELECT article_id FROM list_items WHERE list_id = 1 AND read = 0
         AND (sort_time < 5 OR (sort_time = 5 AND article_id < 3))
         ORDER BY sort_time DESC, article_id DESC LIMIT 1",
        "SELECT article_id FROM list_items WHERE list_id = 1 AND read = 0",
    ];
    for sql in unread {
        let plan = plan(&store, sql);
        assert!(plan.contains("list_items_unread"), "{sql}\n{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
    let starred = [
        "SELECT a.id FROM articles a WHERE a.starred = 1
         ORDER BY a.sort_time DESC, a.id DESC LIMIT 10 OFFSET 5",
        "SELECT count(*) FROM articles b WHERE b.starred = 1 AND b.sort_time > 5",
        "SELECT id FROM articles WHERE starred = 1 AND read = 0",
    ];
    for sql in starred {
        let plan = plan(&store, sql);
        assert!(plan.contains("articles_starred"), "{sql}\n{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
}
