//! Integration tests of the cache's article logic through the public `Store` API
//! (in-memory caches; the file handling is in `store_file.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use chmon::model::Counts;
use chmon::model::Item;
use chmon::store::{FeedRecord, Store, UpsertStats};
use chrono::{DateTime, TimeZone, Utc};

/// The list of one feed.
fn q(feed: i64) -> chmon::model::ListQuery {
    chmon::model::ListQuery::new(chmon::model::Scope::Feed(feed))
}

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 10, hour, 0, 0).unwrap()
}

fn item(key: &str, published: Option<DateTime<Utc>>) -> Item {
    Item {
        key: key.into(),
        title: format!("Новина {key}"),
        link: Some(format!("http://monitor.cn.ua/ua/news/{key}")),
        published,
        author: Some("Агенцiя".into()),
        category: Some("Стиль".into()),
        lead: Some(format!("Лід новини {key}.")),
        body: Some(format!("<p>Текст новини {key}.</p>")),
    }
}

fn store_with_feed() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.feed("https://monitor.cn.ua/news.xml").unwrap().id;
    (store, id)
}

fn keys(store: &Store, feed: i64, offset: usize, limit: usize) -> Vec<String> {
    store
        .headlines(&q(feed), offset, limit)
        .unwrap()
        .into_iter()
        .map(|h| store.article(h.id).unwrap().unwrap().key)
        .collect()
}

#[test]
fn upsert_counts_new_updated_and_unchanged() {
    let (mut store, feed) = store_with_feed();
    let first = [item("a", Some(at(1))), item("b", Some(at(2)))];
    let stats = store.upsert_items(feed, &first, at(3)).unwrap();
    assert_eq!(
        stats,
        UpsertStats {
            new: 2,
            updated: 0,
            total: 2,
            removed: 0
        }
    );
    let stats = store.upsert_items(feed, &first, at(4)).unwrap();
    assert_eq!(
        stats,
        UpsertStats {
            new: 0,
            updated: 0,
            total: 2,
            removed: 0
        }
    );
    let mut changed = item("b", Some(at(2)));
    changed.body = Some("<p>Оновлений текст.</p>".into());
    let second = [item("a", Some(at(1))), changed, item("c", None)];
    let stats = store.upsert_items(feed, &second, at(5)).unwrap();
    assert_eq!(
        stats,
        UpsertStats {
            new: 1,
            updated: 1,
            total: 3,
            removed: 0
        }
    );
    let b = store.article_by_key(&q(feed), "b").unwrap().unwrap();
    assert_eq!(b.body.as_deref(), Some("<p>Оновлений текст.</p>"));
    assert_eq!(b.first_seen, at(3), "an update keeps first_seen");
}

#[test]
fn read_state_survives_an_update_and_vanished_items_stay() {
    let (mut store, feed) = store_with_feed();
    store
        .upsert_items(
            feed,
            &[item("a", Some(at(1))), item("b", Some(at(2)))],
            at(3),
        )
        .unwrap();
    let a = store.article_by_key(&q(feed), "a").unwrap().unwrap();
    store.set_read(a.id, true).unwrap();
    let mut edited = item("a", Some(at(1)));
    edited.title = "Новина a (оновлено)".into();
    let stats = store.upsert_items(feed, &[edited], at(4)).unwrap();
    assert_eq!(
        stats,
        UpsertStats {
            new: 0,
            updated: 1,
            total: 2,
            removed: 0
        }
    );
    let a2 = store.article(a.id).unwrap().unwrap();
    assert!(a2.read);
    assert_eq!(a2.title, "Новина a (оновлено)");
    assert!(
        store.article_by_key(&q(feed), "b").unwrap().is_some(),
        "archived"
    );
    store.set_read(a.id, false).unwrap();
    assert!(!store.article(a.id).unwrap().unwrap().read);
}

#[test]
fn order_is_newest_first_with_undated_items_at_first_seen() {
    let (mut store, feed) = store_with_feed();
    let batch = [
        item("old", Some(at(1))),
        item("undated", None),
        item("new", Some(at(9))),
    ];
    store.upsert_items(feed, &batch, at(5)).unwrap();
    // Same time as "undated" (first seen at 5), inserted later: a higher id comes first.
    store
        .upsert_items(feed, &[item("tie", Some(at(5)))], at(6))
        .unwrap();
    assert_eq!(keys(&store, feed, 0, 10), ["new", "tie", "undated", "old"]);
    let heads = store.headlines(&q(feed), 0, 10).unwrap();
    assert_eq!(heads[2].time, at(5));
    assert!(!heads[2].dated);
    assert!(heads[0].dated);
    assert_eq!(heads[0].time, at(9));
    assert_eq!(heads[0].title, "Новина new");
}

#[test]
fn windows_positions_and_counts() {
    let (mut store, feed) = store_with_feed();
    let items: Vec<Item> = (0..30)
        .map(|h| {
            item(
                &format!("{h:02}"),
                Some(at(h % 24) + chrono::Duration::days(i64::from(h / 24))),
            )
        })
        .collect();
    // Fetched after the newest date: none of them is in the future.
    let fetched = at(0) + chrono::Duration::days(2);
    store.upsert_items(feed, &items, fetched).unwrap();
    let all = keys(&store, feed, 0, 100);
    assert_eq!(all.len(), 30);
    assert_eq!(all[0], "29");
    assert_eq!(all[29], "00");
    assert_eq!(keys(&store, feed, 10, 5), all[10..15]);
    assert_eq!(keys(&store, feed, 28, 5), all[28..]);
    assert!(keys(&store, feed, 30, 5).is_empty());
    for (pos, key) in all.iter().enumerate() {
        let id = store.article_by_key(&q(feed), key).unwrap().unwrap().id;
        assert_eq!(store.position_of(&q(feed), id).unwrap(), Some(pos));
    }
    assert_eq!(store.position_of(&q(feed), 999_999).unwrap(), None);
    assert_eq!(
        store.counts(&q(feed)).unwrap(),
        Counts {
            total: 30,
            unread: 30
        }
    );
    for h in store.headlines(&q(feed), 0, 4).unwrap() {
        store.set_read(h.id, true).unwrap();
    }
    assert_eq!(
        store.counts(&q(feed)).unwrap(),
        Counts {
            total: 30,
            unread: 26
        }
    );
    assert!(store.headlines(&q(feed), 0, 5).unwrap()[3].read);
    assert!(!store.headlines(&q(feed), 0, 5).unwrap()[4].read);
}

#[test]
fn feeds_are_separate_and_records_round_trip() {
    let (mut store, feed) = store_with_feed();
    let other = store.feed("https://example.org/rss").unwrap().id;
    assert_ne!(feed, other);
    store
        .upsert_items(feed, &[item("a", Some(at(1)))], at(2))
        .unwrap();
    let mut elsewhere = item("a", Some(at(1)));
    elsewhere.link = Some("https://example.org/a".into());
    let stats = store.upsert_items(other, &[elsewhere], at(2)).unwrap();
    assert_eq!(
        stats.new, 1,
        "the same key (a guid) with another link in another feed is another article"
    );
    assert_eq!(store.counts(&q(other)).unwrap().total, 1);
    let id_in_other = store.article_by_key(&q(other), "a").unwrap().unwrap().id;
    assert_eq!(store.position_of(&q(feed), id_in_other).unwrap(), None);

    let record = FeedRecord {
        id: feed,
        source: "https://monitor.cn.ua/news.xml".into(),
        feed_url: Some("https://monitor.cn.ua/news.xml".into()),
        title: Some("Інформ-агенція «Чернігівський монітор»".into()),
        etag: Some("\"abc\"".into()),
        last_modified: Some("Tue, 12 Jan 2021 11:01:47 GMT".into()),
        body_hash: Some(u64::MAX - 7),
    };
    store.save_feed(&record).unwrap();
    assert_eq!(store.feed(&record.source).unwrap(), record);
    let missing = FeedRecord { id: 4242, ..record };
    let err = store.save_feed(&missing).unwrap_err().to_string();
    assert!(err.contains("4242") && err.starts_with("cache "), "{err}");
}

#[test]
fn whole_article_round_trips_with_cyrillic_and_emoji() {
    let (mut store, feed) = store_with_feed();
    let html = include_str!("fixtures/store/article.html");
    let mut it = item("http://monitor.cn.ua/ua/society/70123", Some(at(7)));
    it.title = "Сквер 🇺🇦 відкрили ▪️ після ремонту 🔺".into();
    it.body = Some(html.into());
    it.lead = Some("Лід: «п’ятниця», ґанок, їжак.".into());
    it.author = None;
    store.upsert_items(feed, &[it.clone()], at(8)).unwrap();
    let got = store.article_by_key(&q(feed), &it.key).unwrap().unwrap();
    assert_eq!(got.key, it.key);
    assert_eq!(got.title, it.title);
    assert_eq!(got.link, it.link);
    assert_eq!(got.published, Some(at(7)));
    assert_eq!(got.first_seen, at(8));
    assert_eq!(got.author, None);
    assert_eq!(got.category, it.category);
    assert_eq!(got.lead, it.lead);
    assert_eq!(got.body.as_deref(), Some(html));
    assert!(!got.read);
    assert_eq!(store.article(got.id).unwrap(), Some(got));
    assert_eq!(store.article(-1).unwrap(), None);
}
