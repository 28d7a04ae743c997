//! Many feeds in one cache through the public `Store` API: the agency's overlapping section
//! feeds give one article per link key with one read state, shown once in "All" and under each
//! section and feed, with counts kept by triggers; the feed list mirrored from the config
//! (sections, unlisting); removing a feed; retention (keep_days, max_articles, never starred,
//! never what a feed still lists, never what another feed keeps).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use chmon::config::Retention;
use chmon::model::{Counts, Item, ListQuery, Scope};
use chmon::store::{Listed, Store};
use chrono::{DateTime, Duration, TimeZone, Utc};

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, day, 12, 0, 0).unwrap()
}

/// An agency item: no guid, so the key is the folded link (as the parser makes it).
fn item(n: u32, scheme_www: &str) -> Item {
    Item {
        key: format!("monitor.cn.ua/ua/news/{n}"),
        title: format!("Новина {n}"),
        link: Some(format!("{scheme_www}monitor.cn.ua/ua/news/{n}")),
        published: Some(at(n)),
        category: Some("Стиль".into()),
        body: Some(format!("<p>Текст {n}</p>")),
        ..Item::default()
    }
}

fn listed(source: &str, section: Option<&str>) -> Listed {
    Listed {
        source: source.into(),
        name: None,
        section: section.map(Into::into),
        retention: Retention::default(),
    }
}

fn q(scope: Scope) -> ListQuery {
    ListQuery::new(scope)
}

fn counts(total: usize, unread: usize) -> Counts {
    Counts { total, unread }
}

const MAIN: &str = "https://monitor.cn.ua/news.xml";
const POLITICS: &str = "http://www.monitor.cn.ua/news_politics.xml";
const MONITORING: &str = "https://monitor.cn.ua/news_monitoring.xml";

/// The main feed and two section feeds (in the section «Агенція») whose items overlap.
fn agency() -> (Store, [i64; 3]) {
    let mut store = Store::open_in_memory().unwrap();
    let ids = store
        .sync_list(&[
            listed(MAIN, None),
            listed(POLITICS, Some("Агенція")),
            listed(MONITORING, Some("Агенція")),
        ])
        .unwrap();
    let main: Vec<Item> = (1..=5).map(|n| item(n, "https://")).collect();
    // The section feeds spell the same pages with http and www.
    let politics = vec![
        item(2, "http://www."),
        item(3, "http://www."),
        item(6, "http://"),
    ];
    let monitoring = vec![
        item(3, "https://www."),
        item(6, "https://"),
        item(7, "https://"),
    ];
    assert_eq!(store.upsert_items(ids[0], &main, at(20)).unwrap().new, 5);
    let stats = store.upsert_items(ids[1], &politics, at(20)).unwrap();
    assert_eq!(
        (stats.new, stats.total),
        (1, 3),
        "news 2 and 3 were there already"
    );
    let stats = store.upsert_items(ids[2], &monitoring, at(20)).unwrap();
    assert_eq!((stats.new, stats.total), (1, 3));
    (store, [ids[0], ids[1], ids[2]])
}

#[test]
fn one_article_per_link_across_section_feeds() {
    let (store, [main, politics, monitoring]) = agency();
    let all = store.headlines(&q(Scope::All), 0, 100).unwrap();
    let titles: Vec<&str> = all.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Новина 7",
            "Новина 6",
            "Новина 5",
            "Новина 4",
            "Новина 3",
            "Новина 2",
            "Новина 1"
        ],
        "each page once, newest first"
    );
    let section = store
        .headlines(&q(Scope::Section("Агенція".into())), 0, 100)
        .unwrap();
    let ids: Vec<i64> = section.iter().map(|h| h.id).collect();
    assert_eq!(ids.len(), 4, "news 2, 3, 6, 7 once each: {section:?}");
    let news3 = all.iter().find(|h| h.title == "Новина 3").unwrap();
    assert!(ids.contains(&news3.id));
    assert_eq!(
        news3.feed_id, main,
        "the lowest feed of the list that has it"
    );
    assert_eq!(
        section.iter().find(|h| h.id == news3.id).unwrap().feed_id,
        politics
    );
    for feed in [main, politics, monitoring] {
        let rows = store.headlines(&q(Scope::Feed(feed)), 0, 100).unwrap();
        assert!(rows.iter().all(|h| h.feed_id == feed));
    }
    assert_eq!(store.counts(&q(Scope::All)).unwrap(), counts(7, 7));
    assert_eq!(
        store.counts(&q(Scope::Section("Агенція".into()))).unwrap(),
        counts(4, 4)
    );
    // One read state: reading news 3 anywhere reads it everywhere, and every count follows.
    store.set_read(news3.id, true).unwrap();
    let scopes = store.scope_counts().unwrap();
    assert_eq!(scopes[&Scope::All], counts(7, 6));
    assert_eq!(scopes[&Scope::Section("Агенція".into())], counts(4, 3));
    for feed in [main, politics, monitoring] {
        let c = scopes[&Scope::Feed(feed)];
        assert_eq!(c.total - c.unread, 1, "feed {feed}: {c:?}");
    }
    assert_eq!(
        store
            .position_of(&q(Scope::Section("Агенція".into())), news3.id)
            .unwrap(),
        Some(2)
    );
    let article = store
        .article_by_key(&q(Scope::All), "monitor.cn.ua/ua/news/3")
        .unwrap();
    assert!(article.unwrap().read);
}

#[test]
fn refreshing_a_section_feed_again_changes_nothing() {
    let (mut store, [_, politics, _]) = agency();
    let again = vec![
        item(2, "http://www."),
        item(3, "http://www."),
        item(6, "http://"),
    ];
    let stats = store.upsert_items(politics, &again, at(21)).unwrap();
    assert_eq!((stats.new, stats.updated, stats.total), (0, 0, 3));
    // A changed version in one feed updates the one article everybody shows.
    let mut changed = item(3, "http://www.");
    changed.title = "Новина 3, оновлено".into();
    let stats = store.upsert_items(politics, &[changed], at(21)).unwrap();
    assert_eq!(stats.updated, 1);
    let all = store.headlines(&q(Scope::All), 0, 100).unwrap();
    assert_eq!(
        all.iter()
            .filter(|h| h.title.starts_with("Новина 3"))
            .count(),
        1
    );
    assert!(all.iter().any(|h| h.title == "Новина 3, оновлено"));
}

#[test]
fn the_list_follows_the_config_sections_and_unlisting() {
    let (mut store, [main, politics, monitoring]) = agency();
    let summaries = store.listed_feeds().unwrap();
    let sources: Vec<&str> = summaries.iter().map(|f| f.source.as_str()).collect();
    assert_eq!(sources, [MAIN, POLITICS, MONITORING]);
    assert_eq!(summaries[1].counts, counts(3, 3));
    // Unchanged: the same ids, nothing written.
    let ids = store
        .sync_list(&[
            listed(MAIN, None),
            listed(POLITICS, Some("Агенція")),
            listed(MONITORING, Some("Агенція")),
        ])
        .unwrap();
    assert_eq!(ids, [main, politics, monitoring]);
    // Monitoring moves to its own section; politics leaves the list.
    let ids = store
        .sync_list(&[listed(MAIN, None), listed(MONITORING, Some("Моніторинг"))])
        .unwrap();
    assert_eq!(ids, [main, monitoring]);
    let scopes = store.scope_counts().unwrap();
    assert!(
        !scopes.contains_key(&Scope::Section("Агенція".into())),
        "{scopes:?}"
    );
    assert_eq!(scopes[&Scope::Section("Моніторинг".into())], counts(3, 3));
    assert_eq!(
        scopes[&Scope::All],
        counts(7, 7),
        "news 2 is in main, 6 in monitoring"
    );
    assert_eq!(store.listed_feeds().unwrap().len(), 2);
    store.sync_list(&[listed(MAIN, None)]).unwrap();
    assert_eq!(
        store.counts(&q(Scope::All)).unwrap(),
        counts(5, 5),
        "6 and 7 left with it"
    );
    // Politics' articles are still in the archive under their feed.
    assert_eq!(
        store.counts(&q(Scope::Feed(politics))).unwrap(),
        counts(3, 3)
    );
}

#[test]
fn removing_a_feed_forgets_only_what_no_other_feed_has() {
    let (mut store, [_, _, monitoring]) = agency();
    let removed = store.remove_feed(MONITORING).unwrap();
    assert_eq!(removed, 1, "news 7 only; news 3 and 6 are in other feeds");
    assert_eq!(
        store.counts(&q(Scope::Feed(monitoring))).unwrap(),
        counts(0, 0)
    );
    let all = store.headlines(&q(Scope::All), 0, 100).unwrap();
    assert_eq!(all.len(), 6);
    assert!(!all.iter().any(|h| h.title == "Новина 7"));
}

#[test]
fn retention_never_takes_starred_listed_or_shared_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let keep = |days, max| Retention {
        keep_days: days,
        max_articles: max,
    };
    let ids = store
        .sync_list(&[
            Listed {
                retention: keep(Some(7), None),
                ..listed("https://a.ua/rss", None)
            },
            listed("https://b.ua/rss", None),
        ])
        .unwrap();
    let (a, b) = (ids[0], ids[1]);
    let old: Vec<Item> = (1..=10).map(|n| item(n, "https://")).collect();
    store.upsert_items(a, &old, at(11)).unwrap();
    // Feed b keeps everything and has news 2; news 3 is starred.
    store
        .upsert_items(b, &[item(2, "https://")], at(11))
        .unwrap();
    let starred = store
        .article_by_key(&q(Scope::Feed(a)), "monitor.cn.ua/ua/news/3")
        .unwrap()
        .unwrap()
        .id;
    // Stars are issue 10's; the column is there: set it as its writer will.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE articles SET starred = 1 WHERE id = ?1", [starred])
        .unwrap();
    // A refresh on the 30th whose body lists news 9 and 10 only.
    let now = at(30);
    let mut upsert = store.begin_upsert(a, now).unwrap();
    upsert
        .add(&[item(9, "https://"), item(10, "https://")])
        .unwrap();
    let stats = upsert.commit_keeping(keep(Some(7), None)).unwrap();
    assert_eq!(stats.removed, 6, "1, 4, 5, 6, 7, 8 go: {stats:?}");
    let left: Vec<String> = store
        .headlines(&q(Scope::Feed(a)), 0, 100)
        .unwrap()
        .into_iter()
        .map(|h| h.title)
        .collect();
    assert_eq!(left, ["Новина 10", "Новина 9", "Новина 3", "Новина 2"]);
    // max_articles: at most 3, but never fewer than the body's two items.
    let mut upsert = store.begin_upsert(a, now + Duration::hours(1)).unwrap();
    upsert
        .add(&[item(9, "https://"), item(10, "https://")])
        .unwrap();
    let stats = upsert.commit_keeping(keep(None, Some(1))).unwrap();
    assert_eq!(
        stats.removed, 0,
        "news 3 is starred, news 2 is b's: {stats:?}"
    );
    assert_eq!(store.counts(&q(Scope::Feed(a))).unwrap().total, 4);
    // vacuum applies the stored policies again and compacts.
    assert_eq!(store.vacuum(now).unwrap(), 0);
}
