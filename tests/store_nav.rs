//! Getting through a backlog in the cache, through the public `Store` API: the unread-only
//! list (window, counts, positions), mark-all-read returning exactly what it changed and its
//! undo restoring exactly those rows, next / previous unread across the whole list, stars (the
//! starred view, and neither retention, vacuum nor removing a feed ever takes a starred one).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use chmon::config::Retention;
use chmon::model::{Counts, Item, ListQuery, Scope};
use chmon::store::{Listed, Store};
use chrono::{DateTime, TimeZone, Utc};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 1, 0, 0, 0).unwrap() + chrono::Duration::hours(i64::from(day))
}

fn item(n: u32) -> Item {
    Item {
        key: format!("monitor.cn.ua/ua/news/{n}"),
        title: format!("Новина {n}"),
        link: Some(format!("https://monitor.cn.ua/ua/news/{n}")),
        published: Some(at(n)),
        body: Some(format!("<p>Текст {n}</p>")),
        ..Item::default()
    }
}

fn listed(source: &str, retention: Retention) -> Listed {
    Listed {
        source: source.into(),
        name: None,
        section: None,
        retention,
    }
}

/// Two feeds: a with news 1..=n, b with news n+1..=n+3; `read` of a's are read.
fn cache(n: u32, read: &[u32]) -> (Store, i64, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let ids = store
        .sync_list(&[
            listed("https://a.ua/rss", Retention::default()),
            listed("https://b.ua/rss", Retention::default()),
        ])
        .unwrap();
    let items: Vec<Item> = (1..=n).map(item).collect();
    store.upsert_items(ids[0], &items, at(100)).unwrap();
    let others: Vec<Item> = (n + 1..=n + 3).map(item).collect();
    store.upsert_items(ids[1], &others, at(100)).unwrap();
    for &r in read {
        let id = id_of(&store, r);
        store.set_read(id, true).unwrap();
    }
    (store, ids[0], ids[1])
}

fn id_of(store: &Store, n: u32) -> i64 {
    store
        .article_by_key(
            &ListQuery::new(Scope::All),
            &format!("monitor.cn.ua/ua/news/{n}"),
        )
        .unwrap()
        .unwrap()
        .id
}

fn titles(store: &Store, query: &ListQuery) -> Vec<String> {
    store
        .headlines(query, 0, 1000)
        .unwrap()
        .into_iter()
        .map(|h| h.title)
        .collect()
}

fn unread_only(scope: Scope) -> ListQuery {
    ListQuery {
        unread_only: true,
        ..ListQuery::new(scope)
    }
}

fn starred() -> ListQuery {
    ListQuery {
        starred: true,
        ..ListQuery::new(Scope::All)
    }
}

#[test]
fn the_unread_only_list_has_its_window_counts_and_positions() {
    let (store, a, _) = cache(6, &[2, 3, 5]);
    let q = unread_only(Scope::Feed(a));
    assert_eq!(titles(&store, &q), ["Новина 6", "Новина 4", "Новина 1"]);
    assert_eq!(
        store.counts(&q).unwrap(),
        Counts {
            total: 3,
            unread: 3
        }
    );
    assert_eq!(store.position_of(&q, id_of(&store, 1)).unwrap(), Some(2));
    let window: Vec<String> = store
        .headlines(&q, 1, 1)
        .unwrap()
        .into_iter()
        .map(|h| h.title)
        .collect();
    assert_eq!(window, ["Новина 4"]);
    // "All" unread only: b's three and a's three.
    assert_eq!(store.counts(&unread_only(Scope::All)).unwrap().total, 6);
    // The full list is unchanged.
    assert_eq!(
        store.counts(&ListQuery::new(Scope::Feed(a))).unwrap(),
        Counts {
            total: 6,
            unread: 3
        }
    );
}

#[test]
fn mark_all_read_changes_only_the_list_and_its_undo_only_those_rows() {
    let (mut store, a, b) = cache(6, &[2, 5]);
    let feed_a = ListQuery::new(Scope::Feed(a));
    let changed = store.mark_all_read(&feed_a).unwrap();
    let mut want: Vec<i64> = [1, 3, 4, 6].iter().map(|&n| id_of(&store, n)).collect();
    let mut got = changed.clone();
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want, "exactly the unread ones of feed a");
    assert_eq!(store.counts(&feed_a).unwrap().unread, 0);
    let feed_b = ListQuery::new(Scope::Feed(b));
    assert_eq!(store.counts(&feed_b).unwrap().unread, 3, "b is untouched");
    assert_eq!(store.counts(&ListQuery::new(Scope::All)).unwrap().unread, 3);
    assert_eq!(store.mark_all_read(&feed_a).unwrap(), Vec::<i64>::new());
    // Undo: the four come back unread; 2 and 5 stay read as they were.
    store.set_read_many(&changed, false).unwrap();
    for (n, read) in [
        (1, false),
        (2, true),
        (3, false),
        (4, false),
        (5, true),
        (6, false),
    ] {
        let id = id_of(&store, n);
        assert_eq!(store.read_state(id).unwrap(), Some(read), "news {n}");
    }
    assert_eq!(
        store.counts(&feed_a).unwrap(),
        Counts {
            total: 6,
            unread: 4
        }
    );
    assert_eq!(store.counts(&ListQuery::new(Scope::All)).unwrap().unread, 7);
    let pane = store.scope_counts().unwrap();
    assert_eq!(pane[&Scope::Feed(a)].unread, 4);
    assert_eq!(pane[&Scope::All].unread, 7);
}

#[test]
fn next_unread_crosses_the_whole_list_both_ways() {
    let read: Vec<u32> = (2..=59).collect();
    let (store, a, _) = cache(60, &read);
    let q = ListQuery::new(Scope::Feed(a));
    // Newest first: 60 is at 0, 1 at 59.
    let (id, pos) = store
        .next_unread(&q, id_of(&store, 60), true)
        .unwrap()
        .unwrap();
    assert_eq!((id, pos), (id_of(&store, 1), 59));
    assert_eq!(store.next_unread(&q, id_of(&store, 1), true).unwrap(), None);
    let back = store.next_unread(&q, id_of(&store, 30), false).unwrap();
    assert_eq!(back, Some((id_of(&store, 60), 0)));
    assert_eq!(
        store.next_unread(&q, id_of(&store, 60), false).unwrap(),
        None
    );
}

#[test]
fn the_starred_view_and_stars_are_kept() {
    let (mut store, a, b) = cache(6, &[3]);
    for n in [2, 3, 8] {
        store.set_starred(id_of(&store, n), true).unwrap();
    }
    assert_eq!(
        titles(&store, &starred()),
        ["Новина 8", "Новина 3", "Новина 2"]
    );
    assert_eq!(
        store.counts(&starred()).unwrap(),
        Counts {
            total: 3,
            unread: 2
        }
    );
    let q = ListQuery {
        unread_only: true,
        ..starred()
    };
    assert_eq!(titles(&store, &q), ["Новина 8", "Новина 2"]);
    assert_eq!(
        store.position_of(&starred(), id_of(&store, 2)).unwrap(),
        Some(2)
    );
    let rows = store.headlines(&starred(), 0, 10).unwrap();
    assert!(rows.iter().all(|h| h.starred));
    assert_eq!(rows[0].feed_id, b);
    assert!(store.article(id_of(&store, 2)).unwrap().unwrap().starred);
    // Mark all of the starred view read: only the starred ones.
    let changed = store.mark_all_read(&starred()).unwrap();
    assert_eq!(changed.len(), 2);
    assert_eq!(
        store
            .counts(&ListQuery::new(Scope::Feed(a)))
            .unwrap()
            .unread,
        4
    );
    // The feed now lists only news 6 (so retention may take the rest).
    store.upsert_items(a, &[item(6)], at(150)).unwrap();
    // Retention that would keep one article keeps the starred ones too.
    let one = Retention {
        keep_days: None,
        max_articles: Some(1),
    };
    store
        .sync_list(&[
            listed("https://a.ua/rss", one),
            listed("https://b.ua/rss", Retention::default()),
        ])
        .unwrap();
    let removed = store.vacuum(at(200)).unwrap();
    assert!(removed > 0);
    let left = titles(&store, &ListQuery::new(Scope::Feed(a)));
    assert!(
        left.contains(&"Новина 2".to_string()) && left.contains(&"Новина 3".to_string()),
        "{left:?}"
    );
    // Unstarred, it may go.
    store.set_starred(id_of(&store, 2), false).unwrap();
    store.vacuum(at(200)).unwrap();
    let left = titles(&store, &ListQuery::new(Scope::Feed(a)));
    assert!(!left.contains(&"Новина 2".to_string()), "{left:?}");
    // Removing feed b keeps its starred news 8.
    store.remove_feed("https://b.ua/rss").unwrap();
    assert_eq!(titles(&store, &starred()), ["Новина 8", "Новина 3"]);
}
