//! Tests of the bulk first import: the lists it fills must be exactly what the row-at-a-time
//! triggers would have made, on the noted path and on the path that reads the articles back.

use chrono::{DateTime, Duration, TimeZone, Utc};

use crate::model::Item;
use crate::store::Store;

fn item(key: &str, link: &str, published: DateTime<Utc>) -> Item {
    Item {
        key: key.into(),
        title: format!("Новина {key}"),
        link: Some(format!("http://monitor.cn.ua/ua/news/{link}")),
        published: Some(published),
        body: Some(format!("<p>Текст новини {key}</p>")),
        ..Item::default()
    }
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every list holds exactly its feeds' articles, with their sort time and read state, and
/// its counters say so.
fn assert_lists_agree(store: &Store) {
    let expected = "SELECT fl.list_id, a.sort_time, a.id, a.read FROM feed_lists fl
        JOIN memberships m ON m.feed_id = fl.feed_id JOIN articles a ON a.id = m.article_id";
    let listed = "SELECT list_id, sort_time, article_id, read FROM list_items";
    let wrong_rows = format!(
        "SELECT (SELECT count(*) FROM ({expected} EXCEPT {listed}))
              + (SELECT count(*) FROM ({listed} EXCEPT {expected}))"
    );
    assert_eq!(count(store, &wrong_rows), 0, "list rows");
    let wrong_counts = "SELECT count(*) FROM lists l WHERE total != (
        SELECT count(*) FROM list_items i WHERE i.list_id = l.id) OR unread != (
        SELECT count(*) FROM list_items i WHERE i.list_id = l.id AND i.read = 0)";
    assert_eq!(count(store, wrong_counts), 0, "list counters");
    assert_eq!(count(store, "SELECT count(*) FROM bulk_import"), 0);
}

fn two_feeds() -> (Store, i64, i64, DateTime<Utc>) {
    let mut store = Store::open_in_memory().unwrap();
    let (a, b) = (store.feed("a").unwrap().id, store.feed("b").unwrap().id);
    let now = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
    let first = [item("a1", "shared", now - Duration::hours(3))];
    store.upsert_items(a, &first, now).unwrap();
    let shared: i64 = count(&store, "SELECT id FROM articles");
    store.set_read(shared, true).unwrap();
    (store, a, b, now)
}

#[test]
fn a_first_import_lists_new_shared_and_future_dated_articles_as_the_triggers_would() {
    let (mut store, _, b, now) = two_feeds();
    let items = [
        item("b1", "one", now - Duration::hours(1)),
        item("b2", "shared", now - Duration::hours(2)),
        item("b3", "future", now + Duration::days(3)),
    ];
    store.upsert_items(b, &items, now).unwrap();
    assert_lists_agree(&store);
    let future: i64 = count(&store, "SELECT sort_time FROM articles WHERE key = 'b3'");
    assert_eq!(
        future,
        now.timestamp(),
        "a date too far ahead sorts as first seen"
    );
    let read_in_b = "SELECT count(*) FROM list_items i JOIN lists l ON l.id = i.list_id
        WHERE i.read = 1 AND l.scope = 'feed:' || (SELECT id FROM feeds WHERE source = 'b')";
    assert_eq!(
        count(&store, read_in_b),
        1,
        "the shared article keeps its read state"
    );
}

#[test]
fn a_key_repeated_within_a_first_import_is_listed_as_it_was_last_written() {
    let (mut store, _, b, now) = two_feeds();
    let mut again = item("b1", "one", now - Duration::hours(5));
    again.body = Some("<p>Виправлений текст</p>".into());
    let items = [item("b1", "one", now - Duration::hours(1)), again];
    store.upsert_items(b, &items, now).unwrap();
    assert_lists_agree(&store);
    let sort_time = "SELECT DISTINCT i.sort_time FROM list_items i
        JOIN articles a ON a.id = i.article_id WHERE a.key = 'b1'";
    let sort_time = count(&store, sort_time);
    assert_eq!(sort_time, (now - Duration::hours(5)).timestamp());
}

#[test]
fn a_first_import_joins_an_article_of_a_feed_made_after_it() {
    let mut store = Store::open_in_memory().unwrap();
    let (a, b) = (store.feed("a").unwrap().id, store.feed("b").unwrap().id);
    let now = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
    store
        .upsert_items(b, &[item("b1", "shared", now)], now)
        .unwrap();
    store
        .upsert_items(a, &[item("a1", "shared", now)], now)
        .unwrap();
    assert_eq!(
        count(&store, "SELECT count(*) FROM articles"),
        1,
        "one page, one article"
    );
    assert_eq!(count(&store, "SELECT count(*) FROM memberships"), 2);
    assert_lists_agree(&store);
}
