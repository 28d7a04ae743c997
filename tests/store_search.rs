//! Search through the public `Store` API over the fixture archive (tests/fixtures/search): the
//! index follows inserts, updates and deletes (retention, feed removal); inflected forms,
//! apostrophe and Latin-letter variants are found, near misses are not; phrases, exclusions,
//! the live prefix, the list's scope, newest-first and relevance order, counts and positions.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)] // a test crate

use chmon::config::Retention;
use chmon::feed::parse::{Parsed, parse_body};
use chmon::model::{Item, ListQuery, Scope, Search};
use chmon::store::{Listed, Store};
use chrono::{TimeZone, Utc};

fn archive() -> Vec<Item> {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/search/archive.xml"
    ))
    .unwrap();
    match parse_body(&bytes, None, "http://monitor.cn.ua/news.xml").unwrap() {
        Parsed::Feed(feed) => feed.items,
        Parsed::Page { .. } => panic!("not a feed"),
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

/// The archive in one feed, fully indexed.
fn store() -> (Store, i64) {
    let mut store = Store::open_in_memory().unwrap();
    let ids = store.sync_list(&[listed("archive", None)]).unwrap();
    let now = Utc.with_ymd_and_hms(2025, 12, 31, 0, 0, 0).unwrap();
    store.upsert_items(ids[0], &archive(), now).unwrap();
    while store.index_pending(7).unwrap() > 0 {}
    (store, ids[0])
}

fn query(text: &str, relevance: bool, prefix: bool) -> ListQuery {
    ListQuery {
        scope: Scope::All,
        unread_only: false,
        starred: false,
        search: Some(Search {
            text: text.into(),
            relevance,
            prefix,
        }),
    }
}

/// The titles a search finds, newest first.
fn titles(store: &Store, text: &str) -> Vec<String> {
    found(store, &query(text, false, false))
}

fn found(store: &Store, q: &ListQuery) -> Vec<String> {
    store
        .headlines(q, 0, 100)
        .unwrap()
        .into_iter()
        .map(|h| h.title)
        .collect()
}

fn has(titles: &[String], part: &str) -> bool {
    titles.iter().any(|t| t.contains(part))
}

#[test]
fn inflected_forms_are_found_in_titles_and_bodies() {
    let (store, _) = store();
    let t = titles(&store, "уряд");
    for part in [
        "Уряд ухвалив",
        "Урядові делегації",
        "допомога від урядів",
        "Уряд і рада",
    ] {
        assert!(has(&t, part), "уряд → {part}: {t:?}");
    }
    assert!(!has(&t, "Урядовці"), "урядовці is another word: {t:?}");
    // «урядник» shares the stem of «уряд» (the stemmer strips -ник): found, and known.
    assert!(has(&t, "Урядник"), "{t:?}");

    let t = titles(&store, "Чернігів");
    for part in [
        "в Чернігові",
        "Ніжин і Прилуки",
        "Мер Чернігова",
        "Агенцiя",
        "COVID",
    ] {
        assert!(has(&t, part), "Чернігів → {part}: {t:?}");
    }
    assert!(!has(&t, "Чернігівський театр"), "the adjective: {t:?}");
    assert!(!has(&t, "Шторм"), "«чернігівці» are people: {t:?}");

    let t = titles(&store, "новина");
    assert!(
        has(&t, "Новини Чернігівщини") && has(&t, "Головна новина"),
        "{t:?}"
    );
    assert!(!has(&t, "Новий сквер"), "новий is not новина: {t:?}");
}

#[test]
fn near_misses_are_not_found() {
    let (store, _) = store();
    assert!(!has(&titles(&store, "рада"), "Радість"));
    assert!(!has(&titles(&store, "мер"), "Шторм на морі"));
    let judges = titles(&store, "суд");
    assert!(has(&judges, "Уряд і рада"), "суд in the body: {judges:?}");
    assert!(
        has(&judges, "Суддя"),
        "«апеляційного суду» in the title: {judges:?}"
    );
    assert!(
        !has(&titles(&store, "суддя"), "Уряд і рада"),
        "суддя is not суд"
    );
}

#[test]
fn apostrophes_latin_letters_and_invisible_characters() {
    let (store, _) = store();
    for q in ["п'ятниця", "п’ятниця", "п`ятницю", "пʼятниця"] {
        let t = titles(&store, q);
        assert!(has(&t, "за п’ятницю"), "{q}: {t:?}");
        assert!(
            has(&t, "ПРО\u{ad}ГРАМА") || has(&t, "ПРОГРАМА"),
            "{q}: {t:?}"
        );
    }
    // The title spells «Агенцiя» with a Latin i; either spelling finds it.
    assert!(has(&titles(&store, "агенція"), "розкладі автобусів"));
    assert!(has(&titles(&store, "Агенцiя"), "розкладі автобусів"));
    // A soft hyphen and a zero-width space inside words.
    assert!(has(&titles(&store, "програма"), "триває"));
    assert!(has(&titles(&store, "місто героїв"), "триває"));
}

#[test]
fn phrases_exclusions_and_the_prefix() {
    let (store, _) = store();
    let t = titles(&store, "\"обласна рада\"");
    assert!(
        has(&t, "Обласна рада зібралася") && has(&t, "Уряд і рада"),
        "{t:?}"
    );
    assert!(!has(&t, "Суддя"), "«рада суддів» is not the phrase: {t:?}");
    let t = titles(&store, "\"рада обласна\"");
    assert!(t.is_empty(), "word order counts: {t:?}");

    let t = titles(&store, "уряд -рада");
    assert!(has(&t, "Уряд ухвалив") && !has(&t, "Уряд і рада"), "{t:?}");
    let t = titles(&store, "-уряд -чернігів -новина");
    assert!(
        has(&t, "Прогноз погоди") && !has(&t, "Уряд ухвалив"),
        "{t:?}"
    );

    // Typing «уряд» (no space yet): every word starting with the stem, «урядовці» too.
    let live = found(&store, &query("уряд", false, true));
    assert!(has(&live, "Урядовці"), "{live:?}");
    let live = found(&store, &query("Черніг", false, true));
    assert!(has(&live, "Чернігівський театр"), "{live:?}");
    // Whole words: not.
    assert!(!has(&titles(&store, "Черніг"), "Чернігівський театр"));
}

#[test]
fn newest_first_or_by_relevance_with_counts_and_positions() {
    let (store, _) = store();
    let newest = store
        .headlines(&query("уряд", false, false), 0, 100)
        .unwrap();
    assert!(newest.windows(2).all(|w| w[0].time >= w[1].time));
    let best = found(&store, &query("уряд", true, false));
    assert_eq!(best.len(), newest.len());
    assert_ne!(
        best,
        newest.iter().map(|h| h.title.clone()).collect::<Vec<_>>()
    );
    // The title weighs more than the body: a title hit comes before the body-only one.
    let title_hit = best.iter().position(|t| t.contains("Урядові")).unwrap();
    let body_hit = best
        .iter()
        .position(|t| t.contains("Уряд ухвалив"))
        .unwrap();
    let body_only = best.iter().position(|t| t.contains("допомога")).unwrap();
    assert!(title_hit < body_only && body_hit < body_only, "{best:?}");

    let q = query("уряд", false, false);
    let counts = store.counts(&q).unwrap();
    assert_eq!(counts.total, newest.len());
    assert_eq!(counts.unread, newest.len());
    store.set_read(newest[1].id, true).unwrap();
    assert_eq!(store.counts(&q).unwrap().unread, newest.len() - 1);
    assert_eq!(store.position_of(&q, newest[2].id).unwrap(), Some(2));
    let window = store.headlines(&q, 1, 2).unwrap();
    assert_eq!(window[0].id, newest[1].id);
    // An empty search is the whole list.
    let all = store.counts(&ListQuery::new(Scope::All)).unwrap().total;
    assert_eq!(
        store.counts(&query(" «» ", false, true)).unwrap().total,
        all
    );
}

#[test]
fn the_index_follows_updates_deletes_and_feed_removal() {
    let (mut store, feed) = store();
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    assert_eq!(store.unindexed().unwrap(), 0);
    // An update of the title: dirty until indexed, then found by its new words only.
    let mut items = archive();
    items[19].title = "Прогноз: морози у Прилуках".into();
    store.upsert_items(feed, &items, now).unwrap();
    assert_eq!(store.unindexed().unwrap(), 1);
    assert_eq!(store.index_pending(100).unwrap(), 1);
    assert!(has(&titles(&store, "мороз"), "морози у Прилуках"));
    assert!(titles(&store, "погода").is_empty());

    // A second feed with one article of its own, then removed: its article leaves the index.
    let ids = store
        .sync_list(&[listed("archive", None), listed("other", Some("Інше"))])
        .unwrap();
    let other = Item {
        key: "o1".into(),
        title: "Вишиванка року".into(),
        link: Some("http://other.ua/1".into()),
        published: Some(now),
        ..Item::default()
    };
    store.upsert_items(ids[1], &[other], now).unwrap();
    store.index_pending(100).unwrap();
    assert_eq!(titles(&store, "вишиванка").len(), 1);
    // The scope: the archive's own feed does not have it; its section does.
    let mut scoped = query("вишиванка", false, false);
    scoped.scope = Scope::Feed(feed);
    assert!(found(&store, &scoped).is_empty());
    scoped.scope = Scope::Section("Інше".into());
    assert_eq!(found(&store, &scoped).len(), 1);
    store.remove_feed("other").unwrap();
    assert!(titles(&store, "вишиванка").is_empty());

    // Retention lets old articles go: they leave the index with them.
    let keep = Retention {
        max_articles: Some(20),
        ..Retention::default()
    };
    let mut upsert = store.begin_upsert(feed, now).unwrap();
    upsert.add(&items[15..]).unwrap();
    upsert.commit_keeping(keep).unwrap();
    let before = titles(&store, "уряд").len();
    let keep = Retention {
        max_articles: Some(5),
        ..Retention::default()
    };
    let mut upsert = store.begin_upsert(feed, now).unwrap();
    upsert.add(&items[15..]).unwrap();
    upsert.commit_keeping(keep).unwrap();
    assert!(titles(&store, "уряд").len() < before);
    assert_eq!(
        titles(&store, "уряд").len(),
        1,
        "only «Уряд і рада» is left"
    );
}

/// New articles are pending by the watermark, not by a row each in `search_dirty`; an id at or
/// below it (reused after a delete) is marked; indexing moves the watermark past what it did.
#[test]
fn new_articles_are_pending_above_the_watermark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let feed = store.sync_list(&[listed("archive", None)]).unwrap()[0];
    let now = Utc.with_ymd_and_hms(2025, 12, 31, 0, 0, 0).unwrap();
    let items = archive();
    store.upsert_items(feed, &items, now).unwrap();
    let raw = rusqlite::Connection::open(&path).unwrap();
    let count = |sql: &str| -> i64 { raw.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM search_dirty"),
        0,
        "no row per new article"
    );
    assert_eq!(store.unindexed().unwrap(), items.len());
    assert_eq!(store.index_pending(5).unwrap(), 5);
    assert_eq!(store.unindexed().unwrap(), items.len() - 5);
    while store.index_pending(7).unwrap() > 0 {}
    assert_eq!(store.unindexed().unwrap(), 0);
    assert!(!titles(&store, "уряд").is_empty());
    // The newest id goes and comes back (SQLite reuses max(rowid) + 1): it is marked.
    let top = count("SELECT max(id) FROM articles");
    raw.execute("DELETE FROM articles WHERE id = ?1", [top])
        .unwrap();
    raw.execute(
        "INSERT INTO articles (id, feed_id, key, sort_time, content_hash, first_seen, title)
         VALUES (?1, ?2, 'reused', 0, 0, 0, 'Вишиванка року')",
        [top, feed],
    )
    .unwrap();
    raw.execute(
        "INSERT INTO memberships (feed_id, key, article_id, content_hash)
         VALUES (?2, 'reused', ?1, 0)",
        [top, feed],
    )
    .unwrap();
    assert_eq!(store.unindexed().unwrap(), 1);
    assert_eq!(store.index_pending(100).unwrap(), 1);
    assert_eq!(titles(&store, "вишиванка"), ["Вишиванка року"]);
}

/// A fetched full-text page is searched in place of the feed's teaser (after it is indexed).
#[test]
fn a_fetched_page_is_searched() {
    let (mut store, _) = store();
    assert!(titles(&store, "кінопроєктор").is_empty());
    let first = &store
        .headlines(&query("Прилуки", false, false), 0, 1)
        .unwrap()[0];
    let (id, title) = (first.id, first.title.clone());
    let page = chmon::store::StoredPage {
        url: Some("http://monitor.cn.ua/ua/news/1".into()),
        fetched: Utc.with_ymd_and_hms(2026, 1, 2, 0, 0, 0).unwrap(),
        etag: None,
        last_modified: None,
        title: None,
        published: None,
        author: None,
        html: "<p>У депо поставили новий кінопроєктор для водіїв.</p>".into(),
    };
    store.save_page(id, &page).unwrap();
    assert_eq!(store.unindexed().unwrap(), 1);
    assert_eq!(store.index_pending(100).unwrap(), 1);
    assert_eq!(titles(&store, "кінопроєктора"), [title]);
}
